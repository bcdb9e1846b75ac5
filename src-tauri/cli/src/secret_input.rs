//! Reading a secret: from a terminal without echo, otherwise the first line
//! of stdin. Never from argv, where `ps` and shell history would see it.
//!
//! The line is read into a buffer that is wiped when dropped and grows only
//! by copying into a fresh wiped buffer, and it becomes the `Secret` without
//! another copy, so no readable copy of the key is left in freed heap memory.
//! On Unix stdin is read a byte at a time from the file descriptor itself:
//! the standard library's stdin buffer lives for the whole process and
//! cannot be wiped.

use std::io::{ErrorKind, IsTerminal, Read};

use vpsdesk_core::secret::Secret;
use vpsdesk_core::Error;
use zeroize::Zeroizing;

/// No API key or password comes near this; it stops a file piped by
/// mistake from being read a byte at a time to its end.
const MAX_SECRET_BYTES: usize = 16 * 1024;

pub fn read_secret() -> Result<Secret, Error> {
    read_secret_as("secret (API key or password): ", "secret")
}

/// A secret for `field`: asked for with `prompt` at a terminal, else the
/// first line of stdin. Errors name `field`, never the value.
pub fn read_secret_as(prompt: &str, field: &str) -> Result<Secret, Error> {
    let secret = if std::io::stdin().is_terminal() {
        let typed = rpassword::prompt_password(prompt)
            .map_err(|e| Error::validation(format!("cannot read the {field} from the terminal: {e}")))?;
        into_secret(Zeroizing::new(typed))
    } else {
        first_line(raw_stdin())?
    };
    if secret.is_empty() {
        return Err(Error::field(field, format!("no {field} given: pipe it on the first line of stdin")));
    }
    Ok(secret)
}

#[cfg(unix)]
fn raw_stdin() -> impl Read {
    use std::fs::File;
    use std::mem::ManuallyDrop;
    use std::os::fd::FromRawFd;

    /// Fd 0 unbuffered, left open when dropped.
    struct Fd0(ManuallyDrop<File>);

    impl Read for Fd0 {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            self.0.read(buf)
        }
    }

    // Sound: fd 0 is open for the life of the process, and ManuallyDrop
    // keeps this `File` from closing it.
    Fd0(ManuallyDrop::new(unsafe { File::from_raw_fd(0) }))
}

#[cfg(not(unix))]
fn raw_stdin() -> impl Read {
    std::io::stdin()
}

/// The first line of `input` (without its line ending), read no further.
fn first_line(mut input: impl Read) -> Result<Secret, Error> {
    let mut line = Zeroizing::new(Vec::with_capacity(256));
    let mut byte = [0u8; 1];
    loop {
        match input.read(&mut byte) {
            Ok(0) => break,
            Ok(_) if byte[0] == b'\n' => break,
            Ok(_) => {
                if line.len() == MAX_SECRET_BYTES {
                    return Err(Error::field(
                        "secret",
                        "the first line of stdin is longer than 16 KiB: pipe only the secret",
                    ));
                }
                push_wiped(&mut line, byte[0]);
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(Error::validation(format!("cannot read the secret from stdin: {e}"))),
        }
    }
    let text = String::from_utf8(std::mem::take(&mut *line)).map_err(|e| {
        drop(Zeroizing::new(e.into_bytes()));
        Error::field("secret", "the secret on stdin is not UTF-8 text")
    })?;
    Ok(into_secret(Zeroizing::new(text)))
}

/// `Vec::push` would free the old block unwiped when it grows.
fn push_wiped(buf: &mut Zeroizing<Vec<u8>>, byte: u8) {
    if buf.len() == buf.capacity() {
        let mut bigger = Zeroizing::new(Vec::with_capacity(buf.capacity() * 2));
        bigger.extend_from_slice(buf);
        *buf = bigger;
    }
    buf.push(byte);
}

/// Trims the line ending in place and moves the text into the `Secret`.
fn into_secret(mut text: Zeroizing<String>) -> Secret {
    let kept = text.trim_end_matches(['\r', '\n']).len();
    text.truncate(kept);
    Secret::new(std::mem::take(&mut *text))
}

#[cfg(test)]
mod tests {
    //! What can be asserted without reading freed memory: this test binary's
    //! allocator looks at every block when it is handed back (still ours)
    //! and counts those that hold the marker, as core/tests/zeroize.rs does.
    //! It cannot see the kernel's pipe buffer or a copy in a register or on
    //! the stack.

    use super::*;
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::io::BufRead;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

    const MARKER: &[u8] = b"ZEROIZE-PROBE-vpsctl-4e1b";
    const INPUT: &[u8] = b"ZEROIZE-PROBE-vpsctl-4e1b\r\nsecond line";

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

    /// What `f` returns, and how many blocks were freed holding the marker
    /// while it ran.
    fn freed_with_marker<T>(f: impl FnOnce() -> T) -> (T, usize) {
        FREED_WITH_MARKER.store(0, Ordering::SeqCst);
        ARMED.store(true, Ordering::SeqCst);
        let value = f();
        ARMED.store(false, Ordering::SeqCst);
        (value, FREED_WITH_MARKER.load(Ordering::SeqCst))
    }

    // One test: the harness runs tests on parallel threads, and the
    // allocator's counter is global.
    #[test]
    fn the_line_buffer_becomes_the_secret_and_no_copy_is_freed_unwiped() {
        // The control: how vpsctl read it before, a `String` line buffer
        // and a trimmed copy. The probe catches the buffer being freed.
        let (old, leaked) = freed_with_marker(|| {
            let (mut input, mut line) = (INPUT, String::new());
            input.read_line(&mut line).unwrap();
            Secret::new(line.trim_end_matches(['\r', '\n']).to_string())
        });
        assert!(leaked >= 1, "the probe sees a plain line buffer freed with the key in it");
        drop(old);

        let mut rest = INPUT;
        let (secret, leaked) = freed_with_marker(|| first_line(&mut rest).unwrap());
        assert_eq!(secret.expose().as_bytes(), MARKER, "the first line, without its line ending");
        assert_eq!(leaked, 0, "the line buffer is the secret's own memory: nothing was copied and freed");
        assert_eq!(rest, b"second line", "stdin is read no further than the secret");
        let ((), leaked) = freed_with_marker(|| drop(secret));
        assert_eq!(leaked, 0, "the secret wipes itself");

        // Longer than the first buffer: every block it outgrows is wiped.
        let long: Vec<u8> = MARKER.iter().chain(&[b'x'; 3000]).copied().collect();
        let (secret, leaked) = freed_with_marker(|| first_line(long.as_slice()).unwrap());
        assert_eq!(secret.expose().len(), long.len());
        assert_eq!(leaked, 0, "growing the buffer left no copy behind");
        let ((), leaked) = freed_with_marker(|| drop(secret));
        assert_eq!(leaked, 0);
        let ((), leaked) = freed_with_marker(|| {
            let mut typed = String::with_capacity(64);
            typed.push_str(std::str::from_utf8(MARKER).unwrap());
            drop(into_secret(Zeroizing::new(typed)));
        });
        assert_eq!(leaked, 0, "what the terminal prompt returns is moved into the secret, not copied");
    }

    #[test]
    fn a_file_piped_by_mistake_is_refused_and_named() {
        let huge = vec![b'k'; MAX_SECRET_BYTES + 1];
        let err = first_line(huge.as_slice()).expect_err("too long");
        assert!(err.message.contains("16 KiB"), "{}", err.message);
        let err = first_line(&b"\xff\xfe key\n"[..]).expect_err("not text");
        assert!(err.message.contains("UTF-8"), "{}", err.message);
        assert_eq!(first_line(&b"key-without-newline"[..]).unwrap().expose(), "key-without-newline");
    }
}
