//! Id counters: every simulator hands out ids that only grow, so tests can
//! predict them.

/// The counter's value; the counter moves on to the next id.
pub(crate) fn bump(counter: &mut u64) -> u64 {
    let id = *counter;
    *counter += 1;
    id
}
