//! Temporary files are removed when the process is interrupted (SIGINT, SIGTERM, SIGHUP): their
//! paths sit in a fixed table the signal handler reads without allocating or locking, and the
//! handler unlinks them before the signal's default action ends the process. SIGKILL cannot be
//! caught; `outfile::remove_stale` removes what such a process left on the next run.

use std::ffi::CString;
use std::path::Path;
use std::sync::Once;
use std::sync::atomic::{AtomicPtr, Ordering};

/// Temporary files one process has open at once: one per output format, and a few to spare.
const SLOTS: usize = 32;

static PATHS: [AtomicPtr<libc::c_char>; SLOTS] = [const { AtomicPtr::new(std::ptr::null_mut()) }; SLOTS];
static INSTALL: Once = Once::new();

/// Registers a temporary file, to be removed if the process is interrupted before it is renamed.
pub(super) fn remember(path: &Path) {
    INSTALL.call_once(install);
    let Some(c) = c_path(path) else { return };
    let raw = c.into_raw();
    for slot in &PATHS {
        if slot.compare_exchange(std::ptr::null_mut(), raw, Ordering::SeqCst, Ordering::SeqCst).is_ok() {
            return;
        }
    }
    // Every slot taken: the next run's stale-file sweep still removes it.
    drop(unsafe { CString::from_raw(raw) });
}

/// Forgets a temporary file that was renamed or removed.
pub(super) fn forget(path: &Path) {
    let Some(c) = c_path(path) else { return };
    for slot in &PATHS {
        let p = slot.load(Ordering::SeqCst);
        // SAFETY: a non-null slot holds a pointer from `CString::into_raw`, never freed (below,
        // the string is leaked rather than freed: the handler may be reading it).
        if !p.is_null() && unsafe { std::ffi::CStr::from_ptr(p) } == c.as_c_str() {
            slot.store(std::ptr::null_mut(), Ordering::SeqCst);
        }
    }
}

/// Whether a process with this id exists.
pub(super) fn process_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else { return false };
    // SAFETY: signal 0 only checks that the process exists; EPERM means it does.
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

fn c_path(path: &Path) -> Option<CString> {
    use std::os::unix::ffi::OsStrExt;
    CString::new(path.as_os_str().as_bytes()).ok()
}

fn install() {
    for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
        // SAFETY: the handler only calls async-signal-safe functions (unlink, signal, raise).
        unsafe { libc::signal(signal, handler as *const () as libc::sighandler_t) };
    }
}

extern "C" fn handler(signal: libc::c_int) {
    for slot in &PATHS {
        let p = slot.swap(std::ptr::null_mut(), Ordering::SeqCst);
        if !p.is_null() {
            // SAFETY: `p` is a NUL-terminated path from `CString::into_raw`.
            unsafe { libc::unlink(p) };
        }
    }
    // SAFETY: restores the default action and re-raises, so the exit status tells the signal.
    unsafe {
        libc::signal(signal, libc::SIG_DFL);
        libc::raise(signal);
    }
}
