//! The budgets of `pvm::runtime::limits::Limits`: the step budget, the
//! output cap, MemoryError from the memory and int budgets, the recursion
//! limit — and deep structures run on a thread with an ordinary stack, to
//! prove nothing recurses on the native stack without a bound.

use pvm::runtime::limits::{Limits, STOPPED_EXIT_CODE};
use pvm::vm::{run, run_with_limits, Session};
use std::process::Command;

/// Runs `f` on a thread with a 2 MiB stack (a test thread's default, and
/// twice wasm's); a stack overflow aborts the whole test binary.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new().stack_size(2 << 20).spawn(f).unwrap().join().expect("panicked")
}

#[test]
fn an_endless_loop_stops_at_the_step_budget() {
    let limits = Limits { max_instructions: Some(10_000), ..Limits::default() };
    let out = run_with_limits("print('start')\nwhile True:\n    pass\n", "loop.py", "", &limits);
    assert_eq!(out.stdout, "start\n");
    assert_eq!(out.exit_code, STOPPED_EXIT_CODE);
    assert_eq!(out.instructions, 10_000);
    assert!(out.stderr.starts_with("pvm: stopped after 10000 instructions: the step budget ran out"), "{}", out.stderr);
}

#[test]
fn a_try_cannot_swallow_the_step_budget() {
    let limits = Limits { max_instructions: Some(5_000), ..Limits::default() };
    let src = "while True:\n    try:\n        while True: pass\n    except BaseException:\n        print('caught')\n";
    let out = run_with_limits(src, "t.py", "", &limits);
    assert_eq!((out.stdout.as_str(), out.exit_code), ("", STOPPED_EXIT_CODE));
}

#[test]
fn the_step_budget_covers_python_code_called_from_builtins() {
    let limits = Limits { max_instructions: Some(50_000), ..Limits::default() };
    let src = "class K:\n    def __lt__(self, o):\n        while True: pass\nsorted([K(), K()])\n";
    let out = on_small_stack(move || run_with_limits(src, "t.py", "", &limits));
    assert_eq!(out.exit_code, STOPPED_EXIT_CODE, "{}", out.stderr);
}

#[test]
fn the_stepper_stops_at_the_same_budget() {
    let limits = Limits { max_instructions: Some(1_000), ..Limits::default() };
    let mut s = Session::with_limits("while True:\n    pass\n", "t.py", "", &limits);
    s.run_to_end();
    let out = s.outcome();
    assert_eq!(out.exit_code, STOPPED_EXIT_CODE);
    assert!(out.stderr.contains("step budget"), "{}", out.stderr);
    // Stepping back re-executes under the same budget.
    s.back();
    assert!(!s.is_finished() || s.outcome().exit_code == STOPPED_EXIT_CODE);
}

/// Runs `src` in run mode under every step budget from 0 to one past its
/// length, and checks that each stops exactly where trace mode (which checks
/// the budget before every instruction) stops: same output, status and
/// instruction count. `src` must run at least `min_total` instructions.
fn assert_run_mode_stops_like_the_stepper(src: &str, min_total: u64) {
    let total = run(src, "t.py", "").instructions;
    assert!(total > min_total, "{total}: {src}");
    for n in 0..=total + 1 {
        let limits = Limits { max_instructions: Some(n), ..Limits::default() };
        let fast = run_with_limits(src, "t.py", "", &limits);
        let (_, exact) = pvm::vm::trace_with_limits(src, "t.py", "", &limits);
        assert_eq!(fast, exact, "budget {n} of {total}:\n{src}");
    }
}

/// Run mode runs some instructions inside another one's arm (a plain CALL
/// runs the callee's RESUME, LOAD_FAST a LOAD_CONST after it, LOAD_GLOBAL a
/// LOAD_FAST, FOR_ITER a resumed generator's RESUME and POP_TOP, a yield the
/// STORE_FAST after its caller's FOR_ITER): it must still stop exactly where
/// the stepper stops.
#[test]
fn run_mode_stops_where_the_stepper_stops_inside_joined_instructions() {
    assert_run_mode_stops_like_the_stepper(
        "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\nfor i in range(7):\n    print(fib(i), i + 1)\n",
        300,
    );
    assert_run_mode_stops_like_the_stepper(
        "def nums(n):\n    i = 0\n    while i < n:\n        yield i\n        i += 1\ndef odd(it):\n    for x in it:\n        if x % 2:\n            yield x\ndef run():\n    t = 0\n    for s in odd(nums(9)):\n        t += s\n        print(s, sum([t, s]))\n    x = nums(2)\n    for x in nums(2):\n        print(x)\n    return t\nprint(run())\n",
        300,
    );
}

#[test]
fn enormous_output_is_capped_with_a_notice() {
    let limits = Limits { max_output_bytes: 10_000, ..Limits::default() };
    let out = run_with_limits("while True:\n    print('é' * 99)\n", "t.py", "", &limits);
    assert_eq!(out.exit_code, STOPPED_EXIT_CODE);
    assert!(out.stdout.len() <= 10_000 && out.stdout.len() > 9_000, "{}", out.stdout.len());
    assert!(out.stderr.contains("more than 10000 bytes of output"), "{}", out.stderr);
    // One huge print is cut too.
    let out = run_with_limits("print('x' * 50_000)\nprint('after')\n", "t.py", "", &limits);
    assert_eq!(out.stdout.len(), 10_000);
    assert_eq!(out.exit_code, STOPPED_EXIT_CODE);
}

fn last_line(s: &str) -> &str {
    s.trim_end().lines().last().unwrap_or("")
}

#[test]
fn huge_objects_raise_memory_error() {
    for src in [
        "x = [0] * 10**10\n",
        "x = 'a' * 10**12\n",
        "x = 10**10**10\n",
        "x = (1, 2) * 10**9\n",
        "x = 7 ** (2**40)\n",
        "x = 1 << 10**12\n",
        "s = 'a' * 10**8\nt = s * 100\n",
        "s = 'a' * (3 * 10**8)\nt = s + s\n",
        "x = 3\nfor i in range(100):\n    x = x * x\n",
        "x = 'x'.ljust(10**12)\n",
        "x = 'x'.rjust(10**12, '*')\n",
        "x = 'x'.center(10**12)\n",
        "x = '7'.zfill(10**12)\n",
        "x = list(range(9999999999990))\n",
        "x = tuple(range(9999999999990))\n",
        "x = [*range(9999999999990)]\n",
    ] {
        let out = on_small_stack(move || run(src, "m.py", ""));
        assert_eq!(last_line(&out.stderr), "MemoryError", "{src}");
        assert_eq!(out.exit_code, 1);
    }
    let out = run("try:\n    [0] * 10**10\nexcept MemoryError:\n    print('caught')\n", "m.py", "");
    assert_eq!(out.stdout, "caught\n");
    // Unpacking reads one item too many, not the whole range (a fuzz hang).
    let out = run("a, b = range(9999999999990)\n", "u.py", "");
    assert_eq!(last_line(&out.stderr), "ValueError: too many values to unpack (expected 2)");
}

#[test]
fn big_but_reasonable_ints_still_compute() {
    let out = run("print((2 ** 1000000).bit_length(), (1 << 3000000).bit_length(), 1 ** 10**30, (-1) ** (10**30 + 1))\n", "t.py", "");
    assert_eq!(out.stdout, "1000001 3000001 1 -1\n", "{}", out.stderr);
}

#[test]
fn runaway_recursion_is_a_recursion_error_at_cpythons_depth() {
    let src = "import sys\nn = 0\ndef f():\n    global n\n    n += 1\n    f()\ntry:\n    f()\nexcept RecursionError as e:\n    print(n, e, sys.getrecursionlimit())\n";
    let out = on_small_stack(move || run(src, "r.py", ""));
    assert_eq!(out.stdout, "999 maximum recursion depth exceeded 1000\n");
}

/// Python code that builtins call (`__repr__`, `__eq__`, `__lt__` of a
/// sort) nests native loops: on a small stack it stops with RecursionError.
#[test]
fn recursion_through_builtins_never_overflows_a_small_stack() {
    for src in [
        "class L:\n    def __repr__(self):\n        return repr(self)\nprint([L()])\n",
        "class E:\n    def __eq__(self, o):\n        return [self] == [o]\nE() == E()\n",
        "class H:\n    def __hash__(self):\n        return hash(self)\n{H()}\n",
        "class S:\n    def __str__(self):\n        return str(self)\nprint(S())\n",
        "class K:\n    def __lt__(self, o):\n        return sorted([self, o])\nsorted([K(), K()])\n",
        "def g():\n    yield from g()\nlist(g())\n",
        "class I:\n    def __iter__(self):\n        return iter(list(self))\nlist(I())\n",
        "l = []\nl.append(l)\nprint(l)\nd = {}\nd[1] = d\nprint(d)\n",
        "x = []\nfor i in range(100000):\n    x = [x]\nprint(len(repr(x)))\n",
        "x = {}\nfor i in range(100000):\n    x = {1: (x,)}\nprint(len(str(x)))\n",
        "x, y = [], []\nfor i in range(100000):\n    x, y = [x], [y]\nprint(x == y, x < y)\n",
    ] {
        let out = on_small_stack(move || run(src, "r.py", ""));
        assert!(out.exit_code <= 1, "{src}: {}", out.stderr);
        if out.exit_code == 1 {
            assert!(last_line(&out.stderr).starts_with("RecursionError: maximum recursion depth exceeded"), "{src}: {}", out.stderr);
        }
    }
}

/// Deep source through parse, compile and run on an ordinary stack: a
/// result or a SyntaxError, never a crash.
#[test]
fn deep_source_never_overflows_a_small_stack() {
    let sources = [
        format!("x = {}1{}\n", "(".repeat(100_000), ")".repeat(100_000)),
        format!("x = {}1\n", "-".repeat(100_000)),
        format!("x = {}\n", "1 + ".repeat(100_000) + "1"),
        format!("x = {}1{}\n", "[".repeat(150), "]".repeat(150)),
        format!("x = {}None{}\n", "{1: ".repeat(150), "}".repeat(150)),
        format!("def f(): return f\nx = f{}\n", "()".repeat(50_000)),
        format!("x = 1\ny = x{}\n", ".real".repeat(50_000)),
        format!("x = {}\n", "not ".repeat(50_000) + "1"),
        format!("x = {}\n", "lambda: ".repeat(5_000) + "1"),
        format!("x = f'{}'\n", "{f'".repeat(200) + &"'}".repeat(200)),
        (0..120).map(|i| format!("{}for i{i} in []:\n", " ".repeat(i))).collect::<String>() + &" ".repeat(120) + "pass\n",
        (0..60).map(|i| format!("{}def f{i}():\n", "  ".repeat(i))).collect::<String>() + &"  ".repeat(60) + "pass\n",
        (0..60).map(|i| format!("{}try:\n", " ".repeat(i))).collect::<String>() + &" ".repeat(60) + "pass\n",
        format!("x = {}\n", "1 if 1 else ".repeat(50_000) + "1"),
        format!("x = {}\n", "2 ** ".repeat(50_000) + "1"),
        format!("x = [{}]\n", "1, ".repeat(200_000)),
        format!("x = '{}'\n", "\\n".repeat(200_000)),
    ];
    for src in sources {
        let (code, head) = on_small_stack(move || {
            let out = run(&src, "deep.py", "");
            (out.exit_code, src.chars().take(40).collect::<String>())
        });
        assert!(code == 0 || code == 1, "{head}: exit {code}");
    }
}

/// The memory budget holds for the heap as a whole: many small objects that
/// stay alive end in MemoryError (catchable, as in CPython), while as many
/// that become garbage do not.
#[test]
fn the_whole_heap_has_a_memory_budget() {
    let limits = Limits { memory_bytes: 32 << 20, ..Limits::default() };
    let src = "x = []\ntry:\n    while True:\n        x.append('a' * 10**6)\nexcept MemoryError:\n    n = len(x)\n    x = None\n    print(30 <= n <= 34)\n";
    let out = run_with_limits(src, "m.py", "", &limits);
    assert_eq!((out.stdout.as_str(), out.stderr.as_str(), out.exit_code), ("True\n", "", 0));

    let garbage = "for i in range(300):\n    s = 'a' * 10**6\nprint('done')\n";
    let out = run_with_limits(garbage, "g.py", "", &limits);
    assert_eq!((out.stdout.as_str(), out.exit_code), ("done\n", 0), "{}", out.stderr);

    let uncaught = "x = []\nwhile True:\n    x.append('a' * 10**6)\n";
    let out = run_with_limits(uncaught, "u.py", "", &limits);
    assert_eq!(out.exit_code, 1);
    assert!(out.stderr.ends_with("    x.append('a' * 10**6)\n             ~~~~^~~~~~~\nMemoryError\n"), "{}", out.stderr);
}

/// Tuples nested 100,000 deep as dict keys, hashed and compared: a result
/// or RecursionError on an ordinary stack, never a crash.
#[test]
fn deeply_nested_tuples_as_keys_never_overflow_a_small_stack() {
    let src = "t = ()\nt2 = ()\nfor _ in range(10**5):\n    t = (t,)\n    t2 = (t2,)\n\
               for f in [lambda: {t: 1}, lambda: hash(t), lambda: t == t2, lambda: t < t2, lambda: repr(t), lambda: {t} == {t2}]:\n\
               \x20   try:\n        f()\n        print('ok')\n    except RecursionError as e:\n        print(e)\n";
    let out = on_small_stack(move || run(src, "t.py", ""));
    assert_eq!(out.exit_code, 0, "{}", out.stderr);
    assert_eq!(out.stdout.lines().count(), 6, "{}", out.stdout);
    for line in out.stdout.lines() {
        assert!(line == "ok" || line.starts_with("maximum recursion depth exceeded"), "{line}");
    }
}

#[test]
fn input_at_end_of_stdin_is_eof_error() {
    let out = run("x = input('? ')\n", "i.py", "");
    assert_eq!(out.stdout, "? ");
    assert_eq!(
        out.stderr,
        "Traceback (most recent call last):\n  File \"i.py\", line 1, in <module>\n    x = input('? ')\n        ^^^^^^^^^^^\nEOFError: EOF when reading a line\n"
    );
}

#[test]
fn the_cli_takes_a_step_budget() {
    let dir = std::env::temp_dir().join(format!("pvm-robust-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("loop.py");
    std::fs::write(&file, "while True:\n    pass\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_pvm")).args(["run", "--max-steps", "1000"]).arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(STOPPED_EXIT_CODE));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "pvm: stopped after 1000 instructions: the step budget ran out (an endless loop?). See docs/limits.md to raise it (pvm run --max-steps N).\n"
    );
    let bad = Command::new(env!("CARGO_BIN_EXE_pvm")).args(["run", "--max-steps", "lots"]).arg(&file).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `pvm trace` runs under the same step budget as `pvm run`, with the same
/// notice and status, and takes the same `--max-steps`.
#[test]
fn the_cli_trace_takes_the_same_step_budget() {
    let dir = std::env::temp_dir().join(format!("pvm-robust-trace-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("loop.py");
    std::fs::write(&file, "while True:\n    pass\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_pvm")).args(["trace", "--max-steps", "1000"]).arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(STOPPED_EXIT_CODE));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "pvm: stopped after 1000 instructions: the step budget ran out (an endless loop?). See docs/limits.md to raise it (pvm run --max-steps N).\n"
    );
    let events = String::from_utf8_lossy(&out.stdout).lines().count();
    assert!((990..=1000).contains(&events), "{events} events");
    let bad = Command::new(env!("CARGO_BIN_EXE_pvm")).args(["trace", "--max-steps", "-1"]).arg(&file).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Inputs the fuzzer found crashing (fuzz/corpus/regressions/): each now
/// ends with a result or a Python error, on a small stack.
#[test]
fn fuzz_regressions_end_cleanly() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let source = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        let out = on_small_stack(move || run(&source, "fuzz.py", ""));
        assert!(out.exit_code <= 1, "{}: {}", path.display(), out.stderr);
        n += 1;
    }
    assert!(n >= 6);
    let out = run("() = []\nprint(())\n", "t.py", "");
    assert_eq!(out.stdout, "()\n");
    let out = run("print(f'{1.5:2000000000000}')\n", "t.py", "");
    assert_eq!(last_line(&out.stderr), "MemoryError");
}

/// Run mode checks the step budget only where control can go back (backward
/// jumps, calls, returns, generator switches), and runs the last stretch
/// before it one instruction at a time: it must stop exactly where trace mode
/// (which checks before every instruction) stops, for every budget, in long
/// straight-line blocks, calls, generators, exceptions and nested runs.
#[test]
fn run_mode_stops_where_the_stepper_stops_for_every_budget() {
    let straight: String = (0..60).map(|i| format!("x = x + {i}\n")).collect();
    let programs = [
        format!("x = 0\nfor k in range(3):\n    print(k)\n{}    print(x)\nprint('end')\n", straight.lines().map(|l| format!("    {l}\n")).collect::<String>()),
        format!("x = 0\n{straight}print(x)\nwhile x > 0:\n    x -= 700\n    print(x)\n"),
        "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\nfor i in range(8):\n    print(fib(i))\n".to_string(),
        "def gen(n):\n    i = 0\n    while i < n:\n        yield i * i\n        i += 1\nfor v in gen(12):\n    print(v)\nprint(sum(gen(20)))\nprint(sum(x for x in gen(9) if x % 2))\n".to_string(),
        "for i in range(10):\n    try:\n        if i % 3 == 0:\n            raise ValueError(i)\n        print(i)\n    except ValueError as e:\n        print('caught', e)\n".to_string(),
        "class K:\n    def __init__(self, v):\n        self.v = v\n    def __lt__(self, o):\n        print('lt', self.v, o.v)\n        return self.v < o.v\nks = sorted([K(3), K(1), K(2), K(5), K(4)])\nprint([k.v for k in ks])\n".to_string(),
    ];
    for src in &programs {
        assert_run_mode_stops_like_the_stepper(src, 100);
    }
}
