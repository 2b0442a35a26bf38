//! Code-object fields as `scripts/codeinfo-driver.py` dumps them from the oracle: the
//! same JSON shape built from our own `CodeObject`, and a comparison that names the first
//! field that differs (`prog.py.children[1].positions[3]: want …, got …`).
//! Used by tests/compiler_dis.rs (tests/dis) and tests/conformance.rs (tests/programs).

use pvm::bytecode::{CodeObject, Constant};
use serde_json::{json, Value};

/// Every attribute the driver records, recursively for nested code objects.
pub fn code_info(code: &CodeObject) -> Value {
    let strs = |v: Vec<std::rc::Rc<str>>| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let consts: Vec<String> = code
        .consts
        .iter()
        .map(|c| match c {
            Constant::Code(_) => "<code>".to_string(),
            other => pvm::bytecode::dis::constant_repr(other),
        })
        .collect();
    let positions: Vec<Value> = code.positions.iter().map(|p| json!([p.line, p.end_line, p.col, p.end_col])).collect();
    let table: Vec<Value> = code
        .exception_table
        .iter()
        .map(|e| json!([e.start, e.end, e.target, e.depth, e.push_lasti]))
        .collect();
    let children: Vec<Value> = code
        .consts
        .iter()
        .filter_map(|c| match c {
            Constant::Code(inner) => Some(code_info(inner)),
            _ => None,
        })
        .collect();
    json!({
        "name": &*code.name,
        "qualname": &*code.qualname,
        "firstlineno": code.firstlineno,
        "argcount": code.argcount,
        "posonlyargcount": code.posonlyargcount,
        "kwonlyargcount": code.kwonlyargcount,
        "stacksize": code.stacksize,
        "flags": code.flags,
        "names": strs(code.names.clone()),
        "varnames": strs(code.varnames()),
        "cellvars": strs(code.cellvars()),
        "freevars": strs(code.freevars()),
        "consts": consts,
        "positions": positions,
        "exceptiontable": table,
        "children": children,
    })
}

/// The path and values of the first difference between the oracle's dump and ours.
pub fn first_mismatch(path: &str, want: &Value, got: &Value) -> Option<String> {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => w.iter().find_map(|(k, wv)| {
            first_mismatch(&format!("{path}.{k}"), wv, g.get(k).unwrap_or(&Value::Null))
        }),
        (Value::Array(w), Value::Array(g)) if w.len() == g.len() => {
            w.iter().zip(g).enumerate().find_map(|(i, (wv, gv))| first_mismatch(&format!("{path}[{i}]"), wv, gv))
        }
        _ if want == got => None,
        _ => Some(format!("{path}: want {want}, got {got}")),
    }
}
