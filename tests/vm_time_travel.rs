//! Time travel: `back`, `back_instruction`, `back_line` and `jump_to` land on
//! exactly the state a fresh session reaches by stepping forward, anywhere in
//! a long run, while the history keeps a bounded number of checkpoints.

use pvm::vm::session::{Session, MAX_CHECKPOINTS};
use pvm::vm::events::Snapshot;

/// About 300,000 instructions (900,000 steps): calls, a dict, output,
/// exceptions, a generator and input read from stdin.
const LONG_PROGRAM: &str = r#"
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def squares(n):
    for k in range(n):
        yield k * k

name = input()
data = {}
caught = 0
for i in range(9000):
    data[i % 97] = data.get(i % 97, 0) + i
    if i % 1500 == 0:
        print(name, i, fib(8))
    try:
        if i % 777 == 0:
            raise ValueError(i)
    except ValueError:
        caught += 1
print(sum(squares(4000)), caught, len(data), input())
"#;

const STDIN: &str = "pvm\nthe end\n";

fn long_session() -> Session {
    Session::new(LONG_PROGRAM, "long.py", STDIN)
}

/// A small deterministic pseudo-random sequence (no test depends on luck).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// The snapshots a fresh session shows at each of `steps` (ascending).
fn reference_snapshots(steps: &[u64]) -> Vec<Snapshot> {
    let mut fresh = long_session();
    steps
        .iter()
        .map(|&n| {
            fresh.skip_to(n);
            fresh.snapshot()
        })
        .collect()
}

#[test]
fn the_long_program_is_long_and_runs_to_the_end() {
    let mut s = long_session();
    s.run_to_end();
    let snap = s.snapshot();
    assert_eq!(snap.exit_code, Some(0), "{}", snap.stderr);
    assert!(snap.step_count > 750_000, "only {} steps", snap.step_count);
    assert!(snap.stdout.ends_with("the end\n"), "{}", snap.stdout);
}

#[test]
fn jump_to_lands_on_the_state_stepping_forward_reaches() {
    let mut s = long_session();
    s.run_to_end();
    let end = s.snapshot().step_count;
    let mut rng = Lcg(7);
    let mut steps: Vec<u64> = (0..40).map(|_| rng.below(end)).collect();
    steps.extend([0, 1, 2, 3, end - 1, end]);
    steps.sort_unstable();
    steps.dedup();
    let expected = reference_snapshots(&steps);
    // Visit the points in a scrambled order: backwards and forwards jumps.
    let mut order: Vec<usize> = (0..steps.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i as u64 + 1) as usize);
    }
    for i in order {
        s.jump_to(steps[i]);
        assert_eq!(s.snapshot(), expected[i], "after jump_to({})", steps[i]);
    }
}

#[test]
fn back_undoes_one_phase_anywhere() {
    let mut s = long_session();
    s.run_to_end();
    let end = s.snapshot().step_count;
    let mut rng = Lcg(11);
    let mut steps: Vec<u64> = (0..12).map(|_| 1 + rng.below(end - 1)).collect();
    steps.sort_unstable();
    let before: Vec<u64> = steps.iter().map(|n| n - 1).collect();
    let expected = reference_snapshots(&before);
    for (i, &n) in steps.iter().enumerate().rev() {
        s.jump_to(n);
        s.back();
        assert_eq!(s.snapshot(), expected[i], "back from step {n}");
    }
}

#[test]
fn stepping_forward_after_going_back_repeats_the_same_events() {
    let mut s = long_session();
    s.skip_to(600_000);
    let events: Vec<_> = (0..30).map(|_| s.step()).collect();
    s.jump_to(600_000);
    let again: Vec<_> = (0..30).map(|_| s.step()).collect();
    assert_eq!(events, again);
}

#[test]
fn back_instruction_goes_to_the_previous_instruction_boundary() {
    let mut s = long_session();
    s.skip_to(500_002);
    let expected = reference_snapshots(&[499_998, 500_001]);
    s.back_instruction();
    assert_eq!(s.snapshot(), expected[1]);
    s.back_instruction();
    assert_eq!(s.snapshot(), expected[0]);
}

#[test]
fn back_line_returns_to_where_the_previous_step_line_started() {
    let mut s = long_session();
    s.skip_to(450_000);
    let mut starts = vec![s.snapshot()];
    for _ in 0..12 {
        s.step_line();
        starts.push(s.snapshot());
    }
    // The first recorded state need not be a line start; the others are.
    for expected in starts[1..starts.len() - 1].iter().rev() {
        s.back_line();
        assert_eq!(&s.snapshot(), expected);
    }
}

#[test]
fn back_line_in_a_short_program() {
    let mut s = Session::new("x = 1\ny = x + 1\nfor i in range(2):\n    y += i\nprint(y)\n", "t.py", "");
    let mut starts = vec![s.snapshot()];
    while !s.is_finished() {
        s.step_line();
        starts.push(s.snapshot());
    }
    starts.pop(); // the end is not the start of a line
    for expected in starts.iter().rev() {
        s.back_line();
        assert_eq!(&s.snapshot(), expected);
    }
    s.back_line();
    assert_eq!(s.snapshot().step_count, 0);
}

#[test]
fn the_history_keeps_a_bounded_number_of_checkpoints() {
    let mut s = Session::new("i = 0\nwhile i < 400000:\n    i += 1\n", "t.py", "");
    s.run_to_end();
    let stats = s.history_stats();
    assert!(s.snapshot().instruction_count > 2_000_000);
    assert!(stats.checkpoints <= MAX_CHECKPOINTS, "{stats:?}");
    assert!(stats.checkpoints >= MAX_CHECKPOINTS / 2, "{stats:?}");
    // The spacing grew with the run, so no jump replays more than about twice
    // the run's length divided by the number of checkpoints.
    assert!(stats.interval <= 2 * s.snapshot().instruction_count / (MAX_CHECKPOINTS as u64 / 2), "{stats:?}");
}

#[test]
fn a_failed_compile_has_no_history_to_travel() {
    let mut s = Session::new("def f(:\n", "t.py", "");
    s.jump_to(10);
    s.back();
    s.back_line();
    assert_eq!(s.snapshot().step_count, 0);
    assert!(s.snapshot().finished);
}
