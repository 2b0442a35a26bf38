//! A small structure-aware fuzzer for stable Rust (cargo-fuzz needs nightly).
//!
//!   cargo run --profile fuzz --bin fuzz -- --seconds 120 [--seed N] [--corpus DIR]
//!   cargo run --profile fuzz --bin fuzz -- --replay FILE...
//!
//! Each input is a program from fuzz/corpus/ mutated a few times (random
//! bytes, token and line splicing from other programs, line deletion and
//! duplication, brackets, indentation, huge numbers...) and run through four
//! targets: the tokenizer (raw bytes through `parse_bytes`), the parser, the
//! compiler plus the disassembler, and the VM in run mode and in the stepper,
//! under small step, memory and output budgets. A target must return — a
//! result or a Python error — never panic, overflow the stack or hang.
//!
//! Panics are caught (the `fuzz` profile unwinds), the input is saved under
//! target/fuzz/crashes/ and the run goes on; an input that takes longer than
//! the per-input limit is saved as a hang and ends the run. A stack overflow
//! kills the process: the input being run is always in
//! target/fuzz/current.py. Exit status: 0 when nothing was found.

use pvm::runtime::limits::Limits;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Wasm's stack: what the page gives the core.
const WORKER_STACK: usize = 1 << 20;
const PER_INPUT: Duration = Duration::from_secs(10);

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
}

/// Fragments that steer mutations toward interesting syntax.
const TOKENS: &[&str] = &[
    "(", ")", "[", "]", "{", "}", ":", ",", ";", ".", "=", "==", ":=", "->", "+", "-", "*", "**", "/", "//", "%",
    "@", "<<", ">>", "&", "|", "^", "~", "<", ">=", "!=", "+=", "**=", "...", "\\\n", "\n", "\r", "\r\n", "\t",
    "    ", "#", "'", "\"", "'''", "\"\"\"", "f'", "f\"{", "}", "{x!r:>{w}}", "rb'", "b'\\x00'", "u'", "\\N{DASH}",
    "if ", "elif ", "else:", "for ", " in ", "while ", "def ", "class ", "return ", "yield ", "yield from ",
    "lambda ", "lambda: ", "try:", "except ", "except* ", "finally:", "with ", "as ", "import ", "from ",
    "global ", "nonlocal ", "del ", "assert ", "raise ", "pass", "break", "continue", "async ", "await ",
    "match ", "case ", "_", "not ", " and ", " or ", " is ", "None", "True", "False", "__class__", "super()",
    "*args", "**kw", "x", "y", "é", "𝔘", "\u{200b}", "\u{feff}", "\0", "0", "1", "0x", "0o7", "0b1", "1_000",
    "1e308", "1e999", "1j", ".5", "10**10**10", "2**64", "-2**63", "9" , "[0]*10**9", "'a'*10**9", "print(",
    "input()", "range(10**12)", "sorted(", "list(", "dict(", "set(", "iter(", "next(", "sum(", "min(", "max(",
    "repr(", "str(", "int('", "float('nan')", "hash(", "isinstance(", "getattr(", "type(", "object()",
];

struct Corpus {
    programs: Vec<Vec<u8>>,
}

impl Corpus {
    fn load(dir: &Path) -> Corpus {
        let mut files = Vec::new();
        collect_files(dir, &mut files);
        files.sort();
        let programs: Vec<Vec<u8>> = files.iter().filter_map(|f| std::fs::read(f).ok()).collect();
        assert!(!programs.is_empty(), "no corpus in {}", dir.display());
        Corpus { programs }
    }

    fn pick(&self, rng: &mut Rng) -> &[u8] {
        &self.programs[rng.below(self.programs.len())]
    }
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect_files(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn line_starts(s: &[u8]) -> Vec<usize> {
    let mut v = vec![0];
    v.extend(s.iter().enumerate().filter(|(_, &b)| b == b'\n').map(|(i, _)| i + 1));
    v
}

/// A random line of `s` as a byte range.
fn random_line(s: &[u8], rng: &mut Rng) -> (usize, usize) {
    let starts = line_starts(s);
    let i = rng.below(starts.len());
    let end = starts.get(i + 1).copied().unwrap_or(s.len());
    (starts[i], end)
}

fn mutate(input: &mut Vec<u8>, corpus: &Corpus, rng: &mut Rng) {
    let at = |input: &Vec<u8>, rng: &mut Rng| rng.below(input.len() + 1);
    match rng.below(12) {
        0 => {
            // random bytes
            let p = at(input, rng);
            let n = 1 + rng.below(4);
            let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
            input.splice(p..p, bytes);
        }
        1 | 2 => {
            // a token
            let p = at(input, rng);
            let t = TOKENS[rng.below(TOKENS.len())].as_bytes().to_vec();
            input.splice(p..p, t);
        }
        3 => {
            // delete a range
            if !input.is_empty() {
                let p = rng.below(input.len());
                let n = 1 + rng.below(16.min(input.len() - p));
                input.drain(p..p + n);
            }
        }
        4 => {
            // delete a line
            let (a, b) = random_line(input, rng);
            input.drain(a..b);
        }
        5 => {
            // duplicate a line (maybe many times)
            let (a, b) = random_line(input, rng);
            let line = input[a..b].to_vec();
            let times = if rng.chance(8) { 200 } else { 1 };
            for _ in 0..times {
                input.splice(b..b, line.iter().copied());
            }
        }
        6 => {
            // splice a line from another program
            let other = corpus.pick(rng).to_vec();
            let (a, b) = random_line(&other, rng);
            let (p, _) = random_line(input, rng);
            input.splice(p..p, other[a..b].iter().copied());
        }
        7 => {
            // splice a random chunk of another program
            let other = corpus.pick(rng);
            if !other.is_empty() {
                let a = rng.below(other.len());
                let b = (a + 1 + rng.below(64)).min(other.len());
                let chunk = other[a..b].to_vec();
                let p = at(input, rng);
                input.splice(p..p, chunk);
            }
        }
        8 => {
            // change a line's indentation
            let (a, _) = random_line(input, rng);
            let indent: &[u8] = [&b"    "[..], b"\t", b" ", b"        "][rng.below(4)];
            if rng.chance(2) {
                input.splice(a..a, indent.iter().copied());
            } else {
                let n = input[a..].iter().take_while(|b| **b == b' ' || **b == b'\t').count();
                input.drain(a..a + n.min(1 + rng.below(8)));
            }
        }
        9 => {
            // deep brackets around a spot
            let p = at(input, rng);
            let q = (p + rng.below(32)).min(input.len());
            let (open, close) = [(b'(', b')'), (b'[', b']'), (b'{', b'}')][rng.below(3)];
            let n = if rng.chance(4) { 100 + rng.below(300) } else { 1 + rng.below(3) };
            input.splice(q..q, std::iter::repeat_n(close, n));
            input.splice(p..p, std::iter::repeat_n(open, n));
        }
        10 => {
            // a digit becomes a big number
            if let Some(p) = (0..8).map(|_| rng.below(input.len().max(1))).find(|&p| input.get(p).is_some_and(u8::is_ascii_digit)) {
                let big = ["999999999999", "10**100", "2**4000", "0", "-1", "10**8"][rng.below(6)];
                input.splice(p..p + 1, big.bytes());
            }
        }
        _ => {
            // swap two lines
            let (a, b) = random_line(input, rng);
            let line = input[a..b].to_vec();
            input.drain(a..b);
            let (p, _) = random_line(input, rng);
            input.splice(p..p, line);
        }
    }
}

/// Runs the four targets on one input (panics propagate to the caller).
fn run_targets(bytes: &[u8]) {
    // tokenizer (and the decoder): raw bytes
    let _ = pvm::syntax::parse_bytes(bytes, "fuzz.py");
    let source = String::from_utf8_lossy(bytes);
    // parser
    if let Err(e) = pvm::syntax::parse(&source, "fuzz.py") {
        let _ = e.render();
        return;
    }
    // compiler + disassembler
    let code = match pvm::compiler::compile(&source, "fuzz.py") {
        Ok(code) => code,
        Err(e) => {
            let _ = e.render();
            return;
        }
    };
    let _ = pvm::bytecode::dis::dis(&code);
    // VM: run mode, then the stepper with a few steps back
    let limits = Limits {
        max_instructions: Some(200_000),
        memory_bytes: 64 << 20,
        max_output_bytes: 64 << 10,
        ..Limits::default()
    };
    let _ = pvm::vm::run_with_limits(&source, "fuzz.py", "line\n", &limits);
    // The stepper renders every value's full repr at each step (slow for
    // huge lists: a known cost), so it runs under a small memory budget.
    let limits = Limits { max_instructions: Some(2_000), memory_bytes: 1 << 20, ..limits };
    let mut session = pvm::vm::Session::with_limits(&source, "fuzz.py", "", &limits);
    for i in 0..150 {
        if session.step().is_none() {
            break;
        }
        if i % 47 == 46 {
            session.back();
        }
    }
    let _ = session.snapshot();
}

struct Options {
    seconds: u64,
    seed: u64,
    corpus: PathBuf,
    replay: Vec<PathBuf>,
}

fn options() -> Result<Options, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut o = Options { seconds: 60, seed: 0x5eed, corpus: root.join("fuzz/corpus"), replay: Vec::new() };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--seconds" => o.seconds = value()?.parse().map_err(|e| format!("--seconds: {e}"))?,
            "--seed" => o.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--corpus" => o.corpus = PathBuf::from(value()?),
            "--replay" => o.replay.extend(args.by_ref().map(PathBuf::from)),
            _ => return Err(format!("unknown option {a}")),
        }
    }
    Ok(o)
}

fn main() {
    let o = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("fuzz: {e}\nusage: fuzz [--seconds N] [--seed N] [--corpus DIR] | --replay FILE...");
            std::process::exit(2);
        }
    };
    let out_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz");
    std::fs::create_dir_all(out_dir.join("crashes")).expect("target/fuzz");
    // Panics are reported once per input below, not by the default hook.
    // (With --replay the default hook stays: it shows where the panic was.)
    if o.replay.is_empty() {
        std::panic::set_hook(Box::new(|_| {}));
    }
    let started = Arc::new(AtomicU64::new(0));
    let clock = Instant::now();
    spawn_watchdog(started.clone(), clock, out_dir.clone());

    let worker = std::thread::Builder::new().stack_size(WORKER_STACK).spawn(move || {
        // The stack checks of the parser, compiler and VM then know its size.
        pvm::runtime::limits::stack::declare(WORKER_STACK);
        if !o.replay.is_empty() {
            return replay(&o.replay, &started, clock, &out_dir);
        }
        fuzz(&o, &started, clock, &out_dir)
    });
    let found = worker.expect("worker thread").join().unwrap_or(1);
    std::process::exit(if found == 0 { 0 } else { 1 });
}

/// Runs one input with the watchdog armed; the panic message if it panicked.
fn run_one(bytes: &[u8], started: &AtomicU64, clock: Instant, out_dir: &Path) -> Option<String> {
    let _ = std::fs::write(out_dir.join("current.py"), bytes);
    started.store(clock.elapsed().as_millis() as u64 + 1, Ordering::SeqCst);
    let result = catch_unwind(AssertUnwindSafe(|| run_targets(bytes)));
    started.store(0, Ordering::SeqCst);
    result.err().map(|p| {
        p.downcast_ref::<String>().cloned().or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string())).unwrap_or_default()
    })
}

fn replay(files: &[PathBuf], started: &AtomicU64, clock: Instant, out_dir: &Path) -> u32 {
    let mut found = 0;
    for f in files {
        let bytes = std::fs::read(f).unwrap_or_default();
        match run_one(&bytes, started, clock, out_dir) {
            None => println!("ok     {}", f.display()),
            Some(msg) => {
                println!("PANIC  {}: {msg}", f.display());
                found += 1;
            }
        }
    }
    found
}

fn fuzz(o: &Options, started: &AtomicU64, clock: Instant, out_dir: &Path) -> u32 {
    let corpus = Corpus::load(&o.corpus);
    let mut rng = Rng(o.seed.max(1));
    let deadline = Duration::from_secs(o.seconds);
    let (mut runs, mut crashes) = (0u64, 0u32);
    let mut seen = std::collections::HashSet::new();
    // Every corpus program once as it is, then mutants until the deadline.
    let mut i = 0;
    while clock.elapsed() < deadline {
        let input = if i < corpus.programs.len() {
            corpus.programs[i].clone()
        } else {
            let mut input = corpus.pick(&mut rng).to_vec();
            for _ in 0..1 + rng.below(6) {
                mutate(&mut input, &corpus, &mut rng);
            }
            input.truncate(256 << 10);
            input
        };
        i += 1;
        runs += 1;
        if let Some(msg) = run_one(&input, started, clock, out_dir) {
            let first_line = msg.lines().next().unwrap_or("").to_string();
            let new = seen.insert(first_line.clone());
            crashes += 1;
            let name = format!("crash-{:016x}.py", fnv(&input));
            let _ = std::fs::write(out_dir.join("crashes").join(&name), &input);
            if new {
                println!("PANIC  target/fuzz/crashes/{name}: {first_line}");
            }
        }
    }
    println!(
        "fuzz: {runs} inputs in {:.1} s ({} corpus programs, seed {}): {crashes} panics ({} distinct), 0 hangs",
        clock.elapsed().as_secs_f64(),
        corpus.programs.len(),
        o.seed,
        seen.len()
    );
    crashes
}

/// Ends the process when one input runs longer than `PER_INPUT` (a hang).
fn spawn_watchdog(started: Arc<AtomicU64>, clock: Instant, out_dir: PathBuf) {
    std::thread::spawn(move || loop {
        std::thread::sleep(Duration::from_millis(200));
        let since = started.load(Ordering::SeqCst);
        if since != 0 && clock.elapsed().as_millis() as u64 > since - 1 + PER_INPUT.as_millis() as u64 {
            let hang = out_dir.join("hang.py");
            let _ = std::fs::copy(out_dir.join("current.py"), &hang);
            println!("HANG   {}: one input ran longer than {} s", hang.display(), PER_INPUT.as_secs());
            std::process::exit(1);
        }
    });
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ b as u64).wrapping_mul(0x100_0000_01b3))
}
