//! The opcode table agrees with CPython 3.12.7 on every real opcode: number,
//! name, CACHE entries, argument class and stack effect. The facts come from
//! the oracle (tests/opcodes/opcode_facts.golden, scripts/regen-opcode-facts.sh).

use pvm::bytecode::{ArgKind, Opcode};

fn arg_class(kind: ArgKind) -> &'static str {
    match kind {
        ArgKind::None => "none",
        ArgKind::Const => "const",
        ArgKind::Name | ArgKind::GlobalName | ArgKind::AttrName | ArgKind::SuperAttrName => "name",
        ArgKind::JumpForward | ArgKind::JumpBackward => "jrel",
        ArgKind::Local => "local",
        ArgKind::Free => "free",
        ArgKind::Compare => "compare",
        ArgKind::Raw
        | ArgKind::BinaryOp
        | ArgKind::FormatValue
        | ArgKind::MakeFunction
        | ArgKind::Intrinsic1
        | ArgKind::Intrinsic2 => "raw",
    }
}

#[test]
fn opcode_table_matches_cpython() {
    let facts = include_str!("opcodes/opcode_facts.golden");
    let mut mismatches = Vec::new();
    let mut seen = 0;
    for line in facts.lines() {
        let fields: Vec<&str> = line.split(' ').collect();
        let (name, number, caches, class) = (fields[0], fields[1], fields[2], fields[3]);
        let Some(op) = Opcode::from_name(name) else {
            mismatches.push(format!("{name}: missing from the table"));
            continue;
        };
        seen += 1;
        let ours = format!("{} {} {}", op as u8, op.cache_entries(), arg_class(op.arg_kind()));
        let theirs = format!("{number} {caches} {class}");
        if ours != theirs {
            mismatches.push(format!("{name}: ours {ours}, CPython {theirs}"));
        }
        for effect in &fields[4..] {
            let parts: Vec<i64> = effect.split(':').map(|p| p.parse().unwrap()).collect();
            let arg = parts[0] as u32;
            let ours = (op.stack_effect(arg, false) as i64, op.stack_effect(arg, true) as i64);
            if ours != (parts[1], parts[2]) {
                mismatches.push(format!("{name} arg {arg}: stack effect ours {ours:?}, CPython ({}, {})", parts[1], parts[2]));
            }
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
    assert_eq!(seen, Opcode::ALL.len(), "the table has opcodes CPython 3.12 lacks");
}

/// The page's opcode descriptions and stack notations (www/opcode-docs.js) are generated from
/// the table's `explanation` and stack-effect columns, so the table stays the one source while
/// the prose stays out of the wasm. After editing an explanation, regenerate the file with
/// `PVM_UPDATE_OPCODE_DOCS=1 cargo test --test opcode_table`.
#[test]
fn page_opcode_docs_are_generated_from_the_table() {
    let mut js = String::from(
        "// Generated from src/bytecode/opcode.rs by tests/opcode_table.rs\n\
         // (PVM_UPDATE_OPCODE_DOCS=1 cargo test --test opcode_table); do not edit.\n\
         \n\
         // One plain sentence per opcode: what the instruction does.\n\
         export const OPCODE_DOCS = {\n",
    );
    let quoted = |text: &str| serde_json::to_string(text).expect("a str serialises");
    for op in Opcode::ALL {
        js.push_str(&format!("  {}: {},\n", op.name(), quoted(op.explanation())));
    }
    js.push_str("};\n\n// Each opcode's stack effect in bytecodes.c notation, e.g. (lhs, rhs -- res).\n");
    js.push_str("export const OPCODE_STACK_EFFECTS = {\n");
    for op in Opcode::ALL {
        js.push_str(&format!("  {}: {},\n", op.name(), quoted(op.stack_notation())));
    }
    js.push_str("};\n");
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/opcode-docs.js");
    if std::env::var_os("PVM_UPDATE_OPCODE_DOCS").is_some() {
        std::fs::write(path, &js).expect("write www/opcode-docs.js");
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == js,
        "www/opcode-docs.js is not what the opcode table says; regenerate it with \
         PVM_UPDATE_OPCODE_DOCS=1 cargo test --test opcode_table"
    );
}
