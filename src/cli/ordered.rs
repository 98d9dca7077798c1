//! Work on worker threads, results in input order: a window of items in flight instead of
//! batches, so the workers never wait for the slowest item of a batch, reading and writing go on
//! beside them, and no more than the window's results are held at once.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread::Scope;

/// Items handed to the workers and not yet taken back in order, per worker thread: enough that
/// a long item does not leave the other workers idle, few enough to bound memory.
pub(super) const WINDOW_PER_THREAD: usize = 16;

/// Worker threads working on numbered items, and the results taken back in input order.
pub(super) struct Ordered<T, R> {
    jobs: Option<Sender<(usize, T)>>,
    done: Receiver<(usize, R)>,
    /// Set when the results are no longer wanted: the workers skip what is still queued.
    stop: Arc<AtomicBool>,
    /// Items sent, and results handed back.
    sent: usize,
    handed: usize,
    /// Results that came before the next one in order.
    waiting: BTreeMap<usize, R>,
    window: usize,
}

impl<T: Send, R: Send> Ordered<T, R> {
    /// Starts `threads` workers (at least one) in `scope` that run `work` on each item sent, at
    /// most `window` items (at least one) in flight.
    pub(super) fn start<'scope, 'env, W>(
        scope: &'scope Scope<'scope, 'env>,
        threads: usize,
        window: usize,
        work: &'env W,
    ) -> Ordered<T, R>
    where
        W: Fn(T) -> R + Sync,
        T: 'scope,
        R: 'scope,
    {
        let (jobs, queue) = channel::<(usize, T)>();
        let (results, done) = channel();
        let queue = Arc::new(Mutex::new(queue));
        let stop = Arc::new(AtomicBool::new(false));
        for _ in 0..threads.max(1) {
            let (queue, results, stop) = (Arc::clone(&queue), results.clone(), Arc::clone(&stop));
            scope.spawn(move || {
                loop {
                    // The lock is held while waiting only: one worker waits, the others work.
                    let next = queue.lock().map_or(None, |q| q.recv().ok());
                    let Some((n, item)) = next else { break };
                    if stop.load(Ordering::Relaxed) || results.send((n, work(item))).is_err() {
                        break;
                    }
                }
            });
        }
        Ordered { jobs: Some(jobs), done, stop, sent: 0, handed: 0, waiting: BTreeMap::new(), window: window.max(1) }
    }

    /// Whether another item may be sent.
    pub(super) fn has_room(&self) -> bool {
        self.sent - self.handed < self.window
    }

    /// Hands an item to the workers.
    pub(super) fn send(&mut self, item: T) {
        if let Some(jobs) = &self.jobs {
            // The workers stop only after `jobs` is dropped, so the queue is open.
            let _ = jobs.send((self.sent, item));
        }
        self.sent += 1;
    }

    /// The result of the earliest item not handed back yet, waiting for it; `None` when every
    /// item sent was handed back.
    pub(super) fn next(&mut self) -> Option<R> {
        while self.handed < self.sent {
            if let Some(result) = self.waiting.remove(&self.handed) {
                self.handed += 1;
                return Some(result);
            }
            // Every worker gone with items still out: one panicked outside the work's own guard.
            let (n, result) = self.done.recv().ok()?;
            self.waiting.insert(n, result);
        }
        None
    }
}

impl<T, R> Drop for Ordered<T, R> {
    /// Lets the workers end: what is queued is skipped, and they stop when the queue is empty.
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        self.jobs = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sends `items` through `threads` workers with a window, taking results back as soon as
    /// the window is full; returns them in the order taken and the most ever in flight.
    fn run(items: &[u64], threads: usize, window: usize, work: &(impl Fn(u64) -> u64 + Sync)) -> (Vec<u64>, usize) {
        std::thread::scope(|scope| {
            let mut ordered = Ordered::start(scope, threads, window, work);
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
        let calls = std::sync::atomic::AtomicUsize::new(0);
        let work = |n: u64| {
            calls.fetch_add(1, Ordering::Relaxed);
            std::thread::sleep(std::time::Duration::from_millis(5));
            n
        };
        std::thread::scope(|scope| {
            let mut ordered = Ordered::start(scope, 1, 50, &work);
            for n in 0..50 {
                ordered.send(n);
            }
            assert_eq!(ordered.next(), Some(0));
        });
        assert!(calls.load(Ordering::Relaxed) < 50, "{} of 50 run", calls.load(Ordering::Relaxed));
    }
}
