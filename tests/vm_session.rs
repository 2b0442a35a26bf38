//! The stepper's events: fetch reads the bytes, decode looks the argument
//! up, execute reports pops/pushes/jumps/frames/output/exceptions.

use pvm::vm::events::{Phase, StepEvent};
use pvm::vm::Session;

fn session(src: &str) -> Session {
    Session::new(src, "t.py", "")
}

/// Steps until the execute event of the first instruction named `opname`.
fn execute_of(s: &mut Session, opname: &str) -> pvm::vm::events::Execute {
    while let Some(e) = s.step() {
        if let StepEvent::Execute(x) = e {
            if x.opname == opname {
                return x;
            }
        }
    }
    panic!("no {opname} executed");
}

#[test]
fn phases_cycle_fetch_decode_execute() {
    let mut s = session("x = 1\n");
    let phases: Vec<Phase> = (0..6).map(|_| s.step().unwrap().phase()).collect();
    assert_eq!(phases, [Phase::Fetch, Phase::Decode, Phase::Execute, Phase::Fetch, Phase::Decode, Phase::Execute]);
    assert_eq!(s.snapshot().step_count, 6);
    assert_eq!(s.snapshot().instruction_count, 2);
}

#[test]
fn fetch_reads_the_two_bytes_at_the_instruction_pointer() {
    let mut s = session("x = 1\n");
    let StepEvent::Fetch(f) = s.step().unwrap() else { panic!() };
    assert_eq!((f.offset, f.opcode_byte, f.oparg_byte, f.next_offset), (0, 151, 0, 2));
    assert_eq!(f.qualname, "<module>");
    s.step();
    s.step();
    let StepEvent::Fetch(f) = s.step().unwrap() else { panic!() };
    assert_eq!((f.offset, f.opcode_byte, f.oparg_byte), (2, 100, 0));
    assert_eq!(f.line, Some(1));
}

#[test]
fn fetch_counts_cache_units() {
    let mut s = session("print(1)\n");
    let call = loop {
        if let StepEvent::Fetch(f) = s.step().unwrap() {
            if f.opcode_byte == 171 {
                break f;
            }
        }
    };
    assert_eq!(call.cache_units, 3);
    assert_eq!(call.next_offset, call.offset + 2 + 6);
}

#[test]
fn decode_looks_the_argument_up() {
    let mut s = session("x = 'hi'\n");
    s.step_instruction();
    s.step();
    let StepEvent::Decode(d) = s.step().unwrap() else { panic!() };
    assert_eq!(d.opname, "LOAD_CONST");
    assert_eq!(d.oparg, Some(0));
    assert_eq!(d.argrepr, "'hi'");
    let l = d.lookup.unwrap();
    assert_eq!(l.table, pvm::vm::events::LookupTable::CoConsts);
    assert_eq!((l.index, l.value.as_str()), (0, "'hi'"));
}

#[test]
fn execute_reports_pops_and_pushes() {
    let mut s = session("a = 3\nb = 4\nc = a + b\n");
    let x = execute_of(&mut s, "BINARY_OP");
    let popped: Vec<&str> = x.popped.iter().map(|v| v.repr.as_str()).collect();
    let pushed: Vec<&str> = x.pushed.iter().map(|v| v.repr.as_str()).collect();
    assert_eq!(popped, ["3", "4"]);
    assert_eq!(pushed, ["7"]);
    assert_eq!(x.pushed[0].type_name, "int");
    assert_eq!(x.explanation, "BINARY_OP + pops 3 and 4 and pushes 7.");
}

#[test]
fn execute_reports_jumps() {
    let mut s = session("x = 0\nif x:\n    y = 1\nz = 2\n");
    let x = execute_of(&mut s, "POP_JUMP_IF_FALSE");
    let j = x.jump.unwrap();
    assert!(j.taken);
    let snap = s.snapshot();
    assert_eq!(snap.frames[0].offset, j.target);
}

#[test]
fn execute_reports_frames_output_and_return_values() {
    let mut s = session("def f(n):\n    return n * 2\nprint(f(21))\n");
    let call = execute_of(&mut s, "CALL");
    assert_eq!(call.frame_pushed.as_deref(), Some("f"));
    assert_eq!(s.snapshot().frames.len(), 2);
    assert_eq!(s.snapshot().frames[1].locals[0].name, "n");
    let ret = execute_of(&mut s, "RETURN_VALUE");
    assert_eq!(ret.frame_popped.as_deref(), Some("42"));
    let print = execute_of(&mut s, "CALL");
    assert_eq!(print.output, "42\n");
}

#[test]
fn execute_reports_exceptions_and_the_session_ends_with_a_traceback() {
    let mut s = session("x = 1 / 0\n");
    let x = execute_of(&mut s, "BINARY_OP");
    assert_eq!(x.exception.as_deref(), Some("ZeroDivisionError: division by zero"));
    assert!(s.step().is_none());
    let snap = s.snapshot();
    assert!(snap.finished);
    assert_eq!(snap.exit_code, Some(1));
    assert!(snap.stderr.ends_with("ZeroDivisionError: division by zero\n"), "{}", snap.stderr);
}

#[test]
fn extended_arg_is_its_own_step() {
    let src: String = (0..300).map(|i| format!("x{i} = {i}\n")).collect();
    let mut s = session(&src);
    let mut seen = false;
    while let Some(e) = s.step() {
        if let StepEvent::Decode(d) = &e {
            if d.opname == "EXTENDED_ARG" {
                let StepEvent::Execute(_) = s.step().unwrap() else { panic!() };
                let StepEvent::Fetch(f) = s.step().unwrap() else { panic!() };
                assert_eq!(f.extended_args, vec![(d.offset, 1)]);
                let StepEvent::Decode(next) = s.step().unwrap() else { panic!() };
                assert!(next.oparg.unwrap() >= 256, "{next:?}");
                seen = true;
                break;
            }
        }
    }
    assert!(seen);
}

#[test]
fn back_returns_to_the_previous_step() {
    let mut s = session("a = [1, 2]\nb = a[0] + a[1]\nprint(b)\n");
    for _ in 0..10 {
        s.step();
    }
    let before = s.snapshot();
    s.step();
    s.back();
    assert_eq!(s.snapshot(), before);
}

#[test]
fn run_to_end_matches_run_mode() {
    let src = "def f(n):\n    return 1 if n < 2 else n * f(n - 1)\nprint(f(10))\n";
    let mut s = session(src);
    s.step();
    s.run_to_end();
    let snap = s.snapshot();
    assert!(snap.finished);
    assert_eq!(snap.stdout, pvm::vm::run(src, "t.py", "").stdout);
    assert_eq!(snap.step_count % 3, 0);
}

#[test]
fn a_syntax_error_gives_a_finished_session() {
    let mut s = session("def f(:\n");
    assert!(s.step().is_none());
    let snap = s.snapshot();
    assert!(snap.finished);
    assert_eq!(snap.exit_code, Some(1));
    assert!(snap.stderr.contains("SyntaxError"));
    assert!(s.code_objects().is_empty());
}

#[test]
fn code_objects_are_listed_module_first() {
    let s = session("def f():\n    def g():\n        pass\n\nclass C:\n    pass\n");
    let names: Vec<String> = s.code_objects().iter().map(|c| c.qualname.to_string()).collect();
    assert_eq!(names, ["<module>", "f", "f.<locals>.g", "C"]);
}

#[test]
fn back_through_checkpoints_matches_a_fresh_replay() {
    let src = "total = 0\nfor i in range(3000):\n    total += i\nprint(total)\n";
    let mut s = session(src);
    for _ in 0..20_000 {
        s.step();
    }
    s.back();
    s.back();
    let mut fresh = session(src);
    for _ in 0..19_998 {
        fresh.step();
    }
    assert_eq!(s.snapshot(), fresh.snapshot());
    // Stepping on after going back gives the same events as the first time.
    let a = s.step();
    let b = fresh.step();
    assert_eq!(a, b);
}

#[test]
fn back_after_the_end() {
    let src = "x = [i * i for i in range(50)]\nprint(sum(x))\n";
    let mut s = session(src);
    s.run_to_end();
    let end = s.snapshot().step_count;
    s.back();
    assert_eq!(s.snapshot().step_count, end - 1);
    assert!(!s.snapshot().finished);
    s.step();
    assert!(s.snapshot().finished);
    assert_eq!(s.snapshot().stdout, "40425\n");
}

/// A collection can run inside any step (here: the heap passes a small memory
/// budget); what the step popped must stay alive until its event describes it.
/// (Found by the fuzzer: the event read a freed object and the stepper panicked.)
#[test]
fn a_collection_inside_a_step_keeps_the_popped_values_alive() {
    let limits = pvm::runtime::limits::Limits {
        memory_bytes: 1 << 20,
        max_instructions: Some(2_000),
        ..Default::default()
    };
    let mut s = Session::with_limits("x =[[+ 2**4000377\n]]", "t.py", "", &limits);
    let mut steps = 0;
    while s.step().is_some() {
        steps += 1;
    }
    let snap = s.snapshot();
    assert!(steps > 9, "{steps}");
    assert!(snap.stderr.ends_with("MemoryError\n"), "{}", snap.stderr);
}
