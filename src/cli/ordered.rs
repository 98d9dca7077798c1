//! Work on worker threads, results in input order: a window of items in flight instead of
//! batches, so the workers never wait for the slowest item of a batch, reading and writing go on
//! beside them, and no more than the window's results are held at once.

use std::collections::{BTreeMap, VecDeque};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::Scope;

/// Items handed to the workers and not yet taken back in order, per worker thread: enough that
/// a long item does not leave the other workers idle, few enough to bound memory.
pub(super) const WINDOW_PER_THREAD: usize = 16;

/// Worker threads working on numbered items, and the results taken back in input order.
pub(super) struct Ordered<'a, T, R> {
    shared: &'a Shared<T, R>,
    /// Items sent, and results handed back.
    sent: usize,
    handed: usize,
    window: usize,
}

/// What the workers and the thread that sends and takes back share.
pub(super) struct Shared<T, R> {
    state: Mutex<State<T, R>>,
    /// Signalled when an item is queued for an idle worker, and when the work stops.
    queued: Condvar,
    /// Signalled when the results the sender waits for are there, or a worker ended.
    finished: Condvar,
}

struct State<T, R> {
    queue: VecDeque<(usize, T)>,
    /// Results not taken back yet, by item number.
    done: BTreeMap<usize, R>,
    /// Workers waiting for an item.
    idle: usize,
    /// Workers running.
    running: usize,
    /// The sender waits for the result of item `needed` and for `wake_at` results in all: it is
    /// woken once for several results, not for each.
    waiting: bool,
    needed: usize,
    wake_at: usize,
    /// The results are no longer wanted.
    stop: bool,
    /// A worker panicked: its item's result will never come.
    broken: bool,
}

impl<T, R> State<T, R> {
    fn sender_may_go_on(&self) -> bool {
        self.broken || self.running == 0 || self.done.contains_key(&self.needed) && self.done.len() >= self.wake_at
    }
}

impl<T, R> Shared<T, R> {
    /// Nothing queued, no worker yet.
    pub(super) fn new() -> Shared<T, R> {
        let state = State {
            queue: VecDeque::new(),
            done: BTreeMap::new(),
            idle: 0,
            running: 0,
            waiting: false,
            needed: 0,
            wake_at: 0,
            stop: false,
            broken: false,
        };
        Shared { state: Mutex::new(state), queued: Condvar::new(), finished: Condvar::new() }
    }

    fn lock(&self) -> MutexGuard<'_, State<T, R>> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// One worker: takes items until the work stops, and wakes the sender when what it waits
    /// for is done (also when the worker ends, by a panic too).
    fn work(&self, work: &impl Fn(T) -> R) {
        struct Leaving<'s, T, R>(&'s Shared<T, R>);
        impl<T, R> Drop for Leaving<'_, T, R> {
            fn drop(&mut self) {
                let mut state = self.0.lock();
                state.running -= 1;
                state.broken |= std::thread::panicking();
                drop(state);
                self.0.finished.notify_one();
            }
        }
        let _leaving = Leaving(self);
        let mut state = self.lock();
        while !state.stop {
            let Some((n, item)) = state.queue.pop_front() else {
                state.idle += 1;
                state = self.queued.wait(state).unwrap_or_else(PoisonError::into_inner);
                state.idle -= 1;
                continue;
            };
            drop(state);
            let result = work(item);
            state = self.lock();
            state.done.insert(n, result);
            if state.waiting && state.sender_may_go_on() {
                state.waiting = false;
                self.finished.notify_one();
            }
        }
    }
}

impl<'a, T: Send, R: Send> Ordered<'a, T, R> {
    /// Starts `threads` workers (at least one) in `scope` that run `work` on each item sent, at
    /// most `window` items (at least one) in flight.
    pub(super) fn start<'scope, 'env, W>(
        scope: &'scope Scope<'scope, 'env>,
        shared: &'env Shared<T, R>,
        threads: usize,
        window: usize,
        work: &'env W,
    ) -> Ordered<'env, T, R>
    where
        W: Fn(T) -> R + Sync,
    {
        let threads = threads.max(1);
        shared.lock().running = threads;
        for _ in 0..threads {
            scope.spawn(move || shared.work(work));
        }
        Ordered { shared, sent: 0, handed: 0, window: window.max(1) }
    }

    /// Whether another item may be sent.
    pub(super) fn has_room(&self) -> bool {
        self.sent - self.handed < self.window
    }

    /// Hands an item to the workers.
    pub(super) fn send(&mut self, item: T) {
        let mut state = self.shared.lock();
        state.queue.push_back((self.sent, item));
        if state.idle > 0 {
            self.shared.queued.notify_one();
        }
        self.sent += 1;
    }

    /// The result of the earliest item not handed back yet; when it is not done, waits for it
    /// and for half the window (or every item sent) to be done; `None` when every item sent was
    /// handed back, or when a worker panicked (the scope then passes the panic on).
    pub(super) fn next(&mut self) -> Option<R> {
        if self.handed == self.sent {
            return None;
        }
        let mut state = self.shared.lock();
        if !state.done.contains_key(&self.handed) {
            (state.needed, state.wake_at) = (self.handed, (self.window / 2).clamp(1, self.sent - self.handed));
            while !state.sender_may_go_on() {
                state.waiting = true;
                state = self.shared.finished.wait(state).unwrap_or_else(PoisonError::into_inner);
            }
            state.waiting = false;
        }
        let result = state.done.remove(&self.handed)?;
        self.handed += 1;
        Some(result)
    }
}

impl<T, R> Drop for Ordered<'_, T, R> {
    /// Lets the workers end: what is queued is skipped.
    fn drop(&mut self) {
        self.shared.lock().stop = true;
        self.shared.queued.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Sends `items` through `threads` workers with a window, taking results back as soon as
    /// the window is full; returns them in the order taken and the most ever in flight.
    fn run(items: &[u64], threads: usize, window: usize, work: &(impl Fn(u64) -> u64 + Sync)) -> (Vec<u64>, usize) {
        let shared = Shared::new();
        std::thread::scope(|scope| {
            let mut ordered = Ordered::start(scope, &shared, threads, window, work);
            let (mut out, mut most) = (Vec::new(), 0);
            let mut items = items.iter();
            loop {
                while ordered.has_room() {
                    let Some(&item) = items.next() else { break };
                    ordered.send(item);
                    most = most.max(ordered.sent - ordered.handed);
                }
                match ordered.next() {
                    Some(r) => out.push(r),
                    None => break,
                }
            }
            (out, most)
        })
    }

    #[test]
    fn results_come_back_in_input_order_with_at_most_the_window_in_flight() {
        // Early items take longest, so later ones finish first and must wait.
        let slow_first = |n: u64| {
            std::thread::sleep(std::time::Duration::from_millis(20u64.saturating_sub(n)));
            n * 10
        };
        let items: Vec<u64> = (0..40).collect();
        for (threads, window) in [(1, 1), (2, 3), (4, 8), (3, 64)] {
            let (out, most) = run(&items, threads, window, &slow_first);
            assert_eq!(out, items.iter().map(|n| n * 10).collect::<Vec<_>>(), "{threads} threads, window {window}");
            assert!(most <= window, "{most} in flight, window {window}");
        }
        assert_eq!(run(&[], 2, 4, &slow_first).0, Vec::<u64>::new());
    }

    #[test]
    fn dropped_early_the_workers_skip_what_is_queued() {
        let calls = AtomicUsize::new(0);
        let work = |n: u64| {
            calls.fetch_add(1, Ordering::Relaxed);
            std::thread::sleep(std::time::Duration::from_millis(5));
            n
        };
        let shared = Shared::new();
        std::thread::scope(|scope| {
            let mut ordered = Ordered::start(scope, &shared, 1, 50, &work);
            for n in 0..50 {
                ordered.send(n);
            }
            assert_eq!(ordered.next(), Some(0));
        });
        assert!(calls.load(Ordering::Relaxed) < 50, "{} of 50 run", calls.load(Ordering::Relaxed));
    }

    #[test]
    fn a_worker_that_panics_ends_the_run_instead_of_leaving_it_waiting() {
        let work = |n: u64| if n == 3 { panic!("item 3") } else { n };
        for threads in [1, 2] {
            let run = std::panic::catch_unwind(|| run(&(0..20).collect::<Vec<_>>(), threads, 8, &work));
            assert!(run.is_err(), "{threads} threads: the panic is passed on");
        }
    }
}
