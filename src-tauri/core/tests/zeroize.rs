//! `Secret` wipes its memory on drop, proven without reading freed memory:
//! this test binary's allocator looks at every block while it is still
//! allocated, at the moment it is handed back, and records whether it still
//! holds the marker. A plain `String` (the control) is caught doing so; a
//! `Secret` and its clones never are.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use vpsdesk_core::secret::Secret;

const MARKER: &[u8] = b"ZEROIZE-PROBE-7f3c1a";

static ARMED: AtomicBool = AtomicBool::new(false);
static FREED_WITH_MARKER: AtomicUsize = AtomicUsize::new(0);

struct Inspecting;

unsafe impl GlobalAlloc for Inspecting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if ARMED.load(Ordering::SeqCst) {
            // Sound: the block is still ours until `System.dealloc` below.
            let block = unsafe { std::slice::from_raw_parts(ptr, layout.size()) };
            if block.windows(MARKER.len()).any(|w| w == MARKER) {
                FREED_WITH_MARKER.fetch_add(1, Ordering::SeqCst);
            }
        }
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Inspecting = Inspecting;

/// The marker in a fresh heap block, sized up front so nothing reallocates
/// (a reallocation would free a copy the test does not control).
fn marked() -> String {
    let mut s = String::with_capacity(64);
    s.push_str(std::str::from_utf8(MARKER).unwrap());
    s
}

/// Blocks freed holding the marker while `f` runs.
fn freed_with_marker(f: impl FnOnce()) -> usize {
    FREED_WITH_MARKER.store(0, Ordering::SeqCst);
    ARMED.store(true, Ordering::SeqCst);
    f();
    ARMED.store(false, Ordering::SeqCst);
    FREED_WITH_MARKER.load(Ordering::SeqCst)
}

// One test: the harness runs tests on parallel threads, and the allocator's
// counter is global.
#[test]
fn a_secret_is_wiped_before_its_memory_is_freed() {
    let control = marked();
    assert_eq!(freed_with_marker(|| drop(control)), 1, "the probe sees a plain String freed with its content");

    let secret = Secret::new(marked());
    assert_eq!(secret.expose().as_bytes(), MARKER);
    assert_eq!(freed_with_marker(|| drop(secret)), 0, "a dropped Secret left its value in freed memory");

    let secret = Secret::new(marked());
    let copy = secret.clone();
    assert_eq!(freed_with_marker(|| drop((secret, copy))), 0, "a cloned Secret left its value in freed memory");
}
