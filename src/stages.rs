//! The stage timer: CPU and wall time per pipeline stage, summed over every thread, for the
//! breakdown in `benches/results.md`. Off unless switched on (`KGX_STAGE_TIMES=1`); off, a stage
//! costs one relaxed load.
//!
//! Time goes to the innermost stage a thread is in: tagging inside the extraction counts as
//! tagging, not twice. Time outside every stage (waiting for work, start-up) is not counted.

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Instant;

/// A stage of the pipeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Reading input, JSON, Unicode normalisation, unique keys (`cli/input.rs`), and the copy of
    /// the article a worker takes.
    Read,
    /// The language's syntax model and the gazetteer, loaded once per process.
    Load,
    /// Sentences and tokens (`text.rs`), and the language's choice.
    Text,
    /// Tagging and parsing (`analysis.rs`), wherever a rule asks for it.
    Syntax,
    /// Mentions (`mentions/`), less their tagging and parsing.
    Mentions,
    /// Events, claims and time (`extract/`), less their tagging and parsing.
    Extract,
    /// IRIs, triples, sorting (`graph.rs`).
    Graph,
    /// Serialising the streaming formats in the workers and writing them out in order.
    Serialise,
}

impl Stage {
    /// Every stage, in pipeline order.
    pub const ALL: [Stage; 8] = [
        Stage::Read,
        Stage::Load,
        Stage::Text,
        Stage::Syntax,
        Stage::Mentions,
        Stage::Extract,
        Stage::Graph,
        Stage::Serialise,
    ];

    /// What the stage covers, for the table.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Read => "reading, JSON, normalisation",
            Stage::Load => "loading the models (once per language)",
            Stage::Text => "sentences and tokens",
            Stage::Syntax => "tagging and parsing",
            Stage::Mentions => "mentions (less their tagging and parsing)",
            Stage::Extract => "events, claims and time (less their tagging and parsing)",
            Stage::Graph => "graph building",
            Stage::Serialise => "serialisation and writing",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

static ON: AtomicBool = AtomicBool::new(false);
/// Nanoseconds per stage, summed over threads: wall, then CPU.
static WALL: [AtomicU64; Stage::ALL.len()] = [const { AtomicU64::new(0) }; Stage::ALL.len()];
static CPU: [AtomicU64; Stage::ALL.len()] = [const { AtomicU64::new(0) }; Stage::ALL.len()];

thread_local! {
    /// The stage this thread is in, and when it last charged time: wall and CPU.
    static CURRENT: Cell<Option<(Stage, Instant, u64)>> = const { Cell::new(None) };
}

/// Switches the timer on (for the rest of the process).
pub fn enable() {
    ON.store(true, Ordering::Relaxed);
}

/// Whether the timer is on.
pub fn enabled() -> bool {
    ON.load(Ordering::Relaxed)
}

/// The calling thread's CPU time in nanoseconds.
fn thread_cpu() -> u64 {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `t` is a valid timespec to write to; the clock id is a constant Linux knows.
    if unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) } != 0 {
        return 0;
    }
    u64::try_from(t.tv_sec).unwrap_or(0) * 1_000_000_000 + u64::try_from(t.tv_nsec).unwrap_or(0)
}

/// Charges the time since the last mark to the current stage and makes `next` current.
fn switch(next: Option<Stage>) -> Option<Stage> {
    let (now, cpu) = (Instant::now(), thread_cpu());
    let previous = CURRENT.get();
    if let Some((stage, since, cpu_since)) = previous {
        let wall = u64::try_from(now.duration_since(since).as_nanos()).unwrap_or(u64::MAX);
        WALL[stage.index()].fetch_add(wall, Ordering::Relaxed);
        CPU[stage.index()].fetch_add(cpu.saturating_sub(cpu_since), Ordering::Relaxed);
    }
    CURRENT.set(next.map(|s| (s, now, cpu)));
    previous.map(|(s, _, _)| s)
}

/// While it lives, the thread is in a stage; dropped, it is back in the one it was in.
#[must_use = "the stage ends when the guard is dropped"]
pub struct Guard {
    /// `None` when the timer is off; else the stage to go back to.
    back_to: Option<Option<Stage>>,
}

/// Enters `stage` on this thread until the guard is dropped.
pub fn enter(stage: Stage) -> Guard {
    if !enabled() {
        return Guard { back_to: None };
    }
    Guard { back_to: Some(switch(Some(stage))) }
}

impl Drop for Guard {
    fn drop(&mut self) {
        if let Some(back_to) = self.back_to {
            switch(back_to);
        }
    }
}

/// Seconds of one stage, summed over threads: wall, then CPU.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Times {
    pub wall: f64,
    pub cpu: f64,
}

/// The time of every stage so far, in `Stage::ALL` order.
pub fn totals() -> Vec<(Stage, Times)> {
    let secs = |a: &AtomicU64| a.load(Ordering::Relaxed) as f64 / 1e9;
    Stage::ALL.iter().map(|&s| (s, Times { wall: secs(&WALL[s.index()]), cpu: secs(&CPU[s.index()]) })).collect()
}

/// A markdown table of `totals` with each stage's share, and the process's CPU time beside it
/// (`process_cpu` seconds; what no stage counted is start-up, waiting and the rest).
pub fn table(totals: &[(Stage, Times)], process_cpu: f64) -> String {
    let cpu: f64 = totals.iter().map(|(_, t)| t.cpu).sum();
    let wall: f64 = totals.iter().map(|(_, t)| t.wall).sum();
    let share = |part: f64, whole: f64| if whole > 0.0 { 100.0 * part / whole } else { 0.0 };
    let mut out = String::from("| stage | CPU s | share | wall s | share |\n|---|---:|---:|---:|---:|\n");
    for (stage, t) in totals {
        out += &format!(
            "| {} | {:.2} | {:.1}% | {:.2} | {:.1}% |\n",
            stage.label(),
            t.cpu,
            share(t.cpu, cpu),
            t.wall,
            share(t.wall, wall)
        );
    }
    out += &format!("| **every stage** | **{cpu:.2}** | 100% | **{wall:.2}** | 100% |\n");
    out += &format!(
        "| process CPU time (user + system) | {process_cpu:.2} | {:.1}% in stages | | |\n",
        share(cpu, process_cpu)
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_goes_to_the_innermost_stage_and_back() {
        // Other tests of the crate never switch the timer on, so only this thread adds here.
        enable();
        let before = totals();
        {
            let _outer = enter(Stage::Graph);
            std::thread::sleep(std::time::Duration::from_millis(20));
            {
                let _inner = enter(Stage::Serialise);
                std::thread::sleep(std::time::Duration::from_millis(30));
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        assert_eq!(CURRENT.get(), None);
        let after = totals();
        let grew = |s: Stage| after[s.index()].1.wall - before[s.index()].1.wall;
        assert!((0.039..0.2).contains(&grew(Stage::Graph)), "{}", grew(Stage::Graph));
        assert!((0.029..0.2).contains(&grew(Stage::Serialise)), "{}", grew(Stage::Serialise));
        assert!(after[Stage::Serialise.index()].1.cpu < 0.03, "sleeping costs no CPU");
    }

    #[test]
    fn the_table_gives_shares_of_the_stages_sum() {
        let t = |cpu, wall| Times { cpu, wall };
        let totals = vec![(Stage::Read, t(1.0, 1.0)), (Stage::Syntax, t(3.0, 4.0))];
        let table = table(&totals, 5.0);
        assert!(table.contains("| reading, JSON, normalisation | 1.00 | 25.0% | 1.00 | 20.0% |"), "{table}");
        assert!(table.contains("| tagging and parsing | 3.00 | 75.0% | 4.00 | 80.0% |"), "{table}");
        assert!(table.contains("| process CPU time (user + system) | 5.00 | 80.0% in stages"), "{table}");
    }

    #[test]
    fn the_thread_clock_counts_work() {
        let start = thread_cpu();
        let mut x = 0u64;
        for i in 0..2_000_000u64 {
            x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(i));
        }
        assert!(thread_cpu() > start, "{x}");
    }
}
