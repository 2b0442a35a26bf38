//! The core's hot paths (criterion): compiling a program, the eval loop on
//! integer arithmetic, a call-heavy loop, and stepping with events.
//! `cargo bench --bench core`.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

const LOOP: &str = "total = 0\nfor i in range(20000):\n    total += i * i % 7\nprint(total)\n";
const CALLS: &str = "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nprint(fib(15))\n";

fn compile(c: &mut Criterion) {
    let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/bench/nbody.py")).expect("bench/nbody.py");
    c.bench_function("compile bench/nbody.py", |b| b.iter(|| pvm::compiler::compile(black_box(&source), "nbody.py").is_ok()));
}

fn eval_loop(c: &mut Criterion) {
    c.bench_function("run: 20,000-iteration integer loop", |b| b.iter(|| pvm::vm::run(black_box(LOOP), "loop.py", "")));
}

fn calls(c: &mut Criterion) {
    c.bench_function("run: fib(15), 1,973 calls", |b| b.iter(|| pvm::vm::run(black_box(CALLS), "fib.py", "")));
}

fn stepping(c: &mut Criterion) {
    c.bench_function("step: 3,000 phases with events", |b| {
        b.iter(|| {
            let mut s = pvm::vm::Session::new(LOOP, "loop.py", "");
            for _ in 0..3000 {
                black_box(s.step());
            }
        })
    });
}

criterion_group!(benches, compile, eval_loop, calls, stepping);
criterion_main!(benches);
