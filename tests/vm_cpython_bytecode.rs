//! Runs the VM on bytecode compiled by CPython itself (code objects dumped
//! to JSON by tests/vm_data/dump_code.py), so the VM is checked against the
//! oracle's output independently of our own compiler.

use pvm::bytecode::{CodeObject, Constant, ExceptionEntry, Position};
use pvm::vm::Vm;
use serde_json::Value as Json;
use std::path::Path;
use std::rc::Rc;

fn constant(j: &Json) -> Constant {
    let (kind, v) = j.as_object().unwrap().iter().next().unwrap();
    match kind.as_str() {
        "None" => Constant::None,
        "Ellipsis" => Constant::Ellipsis,
        "Bool" => Constant::Bool(v.as_bool().unwrap()),
        "Int" => Constant::Int(v.as_str().unwrap().parse().unwrap()),
        "Float" => Constant::Float(v.as_str().unwrap().parse().unwrap()),
        "Complex" => Constant::Complex { real: v[0].as_str().unwrap().parse().unwrap(), imag: v[1].as_str().unwrap().parse().unwrap() },
        "Str" => Constant::Str(Rc::from(v.as_str().unwrap())),
        "Bytes" => Constant::Bytes(v.as_array().unwrap().iter().map(|b| b.as_u64().unwrap() as u8).collect()),
        "Tuple" => Constant::Tuple(v.as_array().unwrap().iter().map(constant).collect()),
        "FrozenSet" => Constant::FrozenSet(v.as_array().unwrap().iter().map(constant).collect()),
        "Code" => Constant::Code(Rc::new(code(v))),
        other => panic!("constant kind {other}"),
    }
}

fn strs(j: &Json) -> Vec<Rc<str>> {
    j.as_array().unwrap().iter().map(|s| Rc::from(s.as_str().unwrap())).collect()
}

fn code(j: &Json) -> CodeObject {
    let u = |k: &str| j[k].as_u64().unwrap() as u32;
    let opt = |v: &Json| v.as_u64().map(|n| n as u32);
    CodeObject {
        argcount: u("argcount"),
        posonlyargcount: u("posonlyargcount"),
        kwonlyargcount: u("kwonlyargcount"),
        flags: u("flags"),
        stacksize: u("stacksize"),
        code: j["code"].as_array().unwrap().iter().map(|b| b.as_u64().unwrap() as u8).collect(),
        consts: j["consts"].as_array().unwrap().iter().map(constant).collect(),
        names: strs(&j["names"]),
        localsplusnames: strs(&j["localsplusnames"]),
        localspluskinds: j["localspluskinds"].as_array().unwrap().iter().map(|b| b.as_u64().unwrap() as u8).collect(),
        filename: Rc::from(j["filename"].as_str().unwrap()),
        name: Rc::from(j["name"].as_str().unwrap()),
        qualname: Rc::from(j["qualname"].as_str().unwrap()),
        firstlineno: u("firstlineno"),
        positions: j["positions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| Position { line: opt(&p[0]), end_line: opt(&p[1]), col: opt(&p[2]), end_col: opt(&p[3]) })
            .collect(),
        exception_table: j["exception_table"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| ExceptionEntry {
                start: e[0].as_u64().unwrap() as u32,
                end: e[1].as_u64().unwrap() as u32,
                target: e[2].as_u64().unwrap() as u32,
                depth: e[3].as_u64().unwrap() as u32,
                push_lasti: e[4].as_bool().unwrap(),
            })
            .collect(),
    }
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// CPython's compile-time SyntaxWarnings (`FILE:N: SyntaxWarning: ...` and
/// the source line) come from the compiler, which this test bypasses.
fn without_compile_warnings(err: &str) -> String {
    let mut out = String::new();
    let mut skip_next = false;
    for line in err.split_inclusive('\n') {
        if skip_next {
            skip_next = false;
            continue;
        }
        if line.contains(": SyntaxWarning: ") && !line.starts_with(' ') {
            skip_next = true;
            continue;
        }
        out.push_str(line);
    }
    out
}

#[test]
fn programs_match_the_oracle_on_cpython_bytecode() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vm_data");
    let mut names: Vec<String> = std::fs::read_dir(dir.join("programs"))
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok()?.strip_suffix(".py").map(String::from))
        .collect();
    names.sort();
    let only = std::env::var("PVM_ONLY").ok();
    let mut failures = Vec::new();
    for name in &names {
        if only.as_ref().is_some_and(|o| !name.contains(o.as_str())) {
            continue;
        }
        let json: Json = serde_json::from_str(&read(&dir.join(format!("programs/{name}.code.json")))).unwrap();
        let source = read(&dir.join(format!("programs/{name}.py")));
        let stdin = read(&dir.join(format!("programs/{name}.in")));
        let mut vm = Vm::new(Rc::new(code(&json)), &source, &stdin);
        if std::env::var("PVM_TRACE").is_ok() {
            // Debugging aid: show the first instructions' trace of a program.
            vm.trace = Some(Default::default());
            for _ in 0..2000 {
                vm.step_instruction();
            }
            eprintln!("{}", vm.trace.as_ref().unwrap().text());
        }
        vm.run_to_end();
        let out = vm.outcome();
        let want_out = read(&dir.join(format!("native_golden/{name}.out")));
        let want_err = without_compile_warnings(&read(&dir.join(format!("native_golden/{name}.err"))));
        let want_code: i32 = read(&dir.join(format!("native_golden/{name}.code"))).trim().parse().unwrap();
        if out.stdout != want_out || out.stderr != want_err || out.exit_code != want_code {
            failures.push(format!(
                "== {name}\n-- stdout:\n{}\n-- want:\n{}\n-- stderr:\n{}\n-- want:\n{}\n-- exit {} want {}",
                out.stdout, want_out, out.stderr, want_err, out.exit_code, want_code
            ));
        }
    }
    assert!(failures.is_empty(), "{} of {} programs differ:\n{}", failures.len(), names.len(), failures.join("\n"));
}
