use std::time::Duration;

use tokio::time::Instant;

/// A state that turns into another at a deadline. It is read lazily, so no
/// background task has to be kept in step with resets and deletions.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Transition<T> {
    from: T,
    to: T,
    at: Instant,
}

impl<T: Copy> Transition<T> {
    pub fn settled(value: T) -> Self {
        Transition { from: value, to: value, at: Instant::now() }
    }

    pub fn after(from: T, delay: Duration, to: T) -> Self {
        Transition { from, to, at: Instant::now() + delay }
    }

    pub fn get(&self) -> T {
        if Instant::now() >= self.at {
            self.to
        } else {
            self.from
        }
    }
}

/// Now, in the `YYYY-MM-DD HH:MM:SS` form the providers use.
pub(crate) fn timestamp() -> String {
    chrono::Utc::now().format("%Y-%m-%d %H:%M:%S").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switches_at_the_deadline() {
        let t = Transition::after("installing", Duration::from_millis(30), "ok");
        assert_eq!(t.get(), "installing");
        std::thread::sleep(Duration::from_millis(40));
        assert_eq!(t.get(), "ok");
        assert_eq!(Transition::settled("ok").get(), "ok");
    }

    #[test]
    fn timestamp_shape() {
        let ts = timestamp();
        assert_eq!(ts.len(), 19);
        assert_eq!(&ts[4..5], "-");
        assert_eq!(&ts[10..11], " ");
        assert_eq!(&ts[13..14], ":");
    }
}
