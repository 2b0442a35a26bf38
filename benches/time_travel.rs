//! Time-travel figures for BENCHMARKS.md (run by scripts/bench.sh):
//! `cargo bench --bench time_travel` prints one JSON object with the time of
//! `jump_to` / `back` / `back_line` at random points of bench/timetravel.py
//! (about 1,000,000 steps) and the memory the history takes.

use pvm::vm::session::Session;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Counts live heap bytes, so the history's memory is measured, not guessed.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size, Ordering::Relaxed);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn millis(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

fn summary(times: &mut [f64]) -> String {
    times.sort_by(|a, b| a.total_cmp(b));
    let median = times[times.len() / 2];
    let max = times[times.len() - 1];
    format!("{{\"median_ms\": {median:.3}, \"max_ms\": {max:.3}, \"count\": {}}}", times.len())
}

fn main() {
    let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/bench/timetravel.py")).expect("bench/timetravel.py");
    let base = LIVE.load(Ordering::Relaxed);
    let mut session = Session::new(&source, "timetravel.py", "");
    let start = Instant::now();
    session.run_to_end();
    let run_ms = millis(start);
    let steps = session.snapshot().step_count;
    let with_history = LIVE.load(Ordering::Relaxed) - base;
    let stats = session.history_stats();

    // The same program's final machine alone, without a history.
    let base_plain = LIVE.load(Ordering::Relaxed);
    let mut plain = Session::new(&source, "timetravel.py", "");
    plain.skip_to(0);
    let one_copy_at_start = LIVE.load(Ordering::Relaxed) - base_plain;

    let mut seed = 12345u64;
    let mut next = |n: u64| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    let (mut jumps, mut backs, mut back_lines) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..200 {
        let target = next(steps);
        let t = Instant::now();
        session.jump_to(target);
        jumps.push(millis(t));
        let t = Instant::now();
        session.back();
        backs.push(millis(t));
        let t = Instant::now();
        session.back_line();
        back_lines.push(millis(t));
    }
    println!(
        "{{\"steps\": {steps}, \"run_to_end_ms\": {run_ms:.1}, \"checkpoints\": {}, \"interval\": {}, \
         \"session_bytes\": {with_history}, \"fresh_session_bytes\": {one_copy_at_start}, \
         \"jump_to\": {}, \"back\": {}, \"back_line\": {}}}",
        stats.checkpoints,
        stats.interval,
        summary(&mut jumps),
        summary(&mut backs),
        summary(&mut back_lines)
    );
    drop(plain);
}
