//! The objects panel's data: what the running frames' names and stack slots
//! refer to, as Python Tutor draws it — every heap object reachable from the
//! frames once, by its id, so two names bound to one list point at one box.
//!
//! Ints, floats, bools and None are not heap objects in this VM (nor do they
//! have an identity worth drawing); they travel inline as a repr. Everything
//! else is an object with an id. The walk is bounded (`MAX_OBJECTS`,
//! `MAX_ITEMS`) so a program building a huge list keeps the page fast.

use super::Vm;
use crate::bytecode::code::local_kind;
use crate::runtime::object::Object;
use crate::runtime::value::{ObjId, Value};
use crate::runtime::dict::FxHashSet;
use std::collections::VecDeque;

/// At most this many objects are described; the rest are left out (`truncated`).
const MAX_OBJECTS: usize = 120;
/// At most this many items of one container are listed.
const MAX_ITEMS: usize = 40;
/// Reprs longer than this are cut with an ellipsis.
const MAX_REPR: usize = 80;

/// A value as a name, a slot or a container item holds it.
#[derive(Clone, Debug, PartialEq)]
pub struct Ref {
    /// The heap object's id, or `None` for an inline value (int, float, bool, None, NULL).
    pub id: Option<u32>,
    pub repr: String,
    pub type_name: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Binding {
    pub name: String,
    /// "local", "cell", "free" (a closure's variable) or "global".
    pub kind: &'static str,
    pub value: Ref,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FrameRefs {
    pub qualname: String,
    pub variables: Vec<Binding>,
    /// The operand stack, bottom first.
    pub stack: Vec<Ref>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct HeapObject {
    pub id: u32,
    /// list, tuple, set, dict, instance, function, class, str or other.
    pub kind: &'static str,
    pub type_name: String,
    /// A short label: the repr (for str, other), or the name (function, class).
    pub label: String,
    /// Elements of a list, tuple or set.
    pub items: Vec<Ref>,
    /// (key, value) of a dict; (attribute, value) of an instance or class;
    /// (free variable, value) of a closure.
    pub entries: Vec<(Ref, Ref)>,
    /// Some items or entries were left out.
    pub truncated: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct HeapView {
    /// Outermost first, like the snapshot's frames.
    pub frames: Vec<FrameRefs>,
    /// Each reachable object once, in the order the walk met them.
    pub objects: Vec<HeapObject>,
    /// More objects were reachable than `MAX_OBJECTS`.
    pub truncated: bool,
}

/// The frames' bindings and the objects they reach.
pub fn heap_view(vm: &mut Vm) -> HeapView {
    let mut walk = Walk { queue: VecDeque::new(), seen: FxHashSet::default() };
    let mut view = HeapView::default();
    for i in 0..vm.frames.len() {
        let frame = frame_refs(vm, i, &mut walk);
        view.frames.push(frame);
    }
    while let Some(id) = walk.queue.pop_front() {
        if view.objects.len() == MAX_OBJECTS {
            view.truncated = true;
            break;
        }
        let object = describe(vm, id, &mut walk);
        view.objects.push(object);
    }
    view
}

/// The objects met but not yet described.
struct Walk {
    queue: VecDeque<ObjId>,
    seen: FxHashSet<ObjId>,
}

impl Walk {
    fn reference(&mut self, vm: &mut Vm, v: Value) -> Ref {
        let id = v.obj().filter(|_| !v.is_null());
        if let Some(id) = id {
            if self.seen.insert(id) {
                self.queue.push_back(id);
            }
        }
        let type_name = if v.is_null() { "NULL".to_string() } else { vm.type_name(v) };
        let repr = if v.is_null() { "NULL".to_string() } else { short(vm.safe_repr(v)) };
        Ref { id: id.map(|id| id.0), repr, type_name }
    }
}

fn short(mut s: String) -> String {
    if s.chars().count() > MAX_REPR {
        s = s.chars().take(MAX_REPR - 1).collect();
        s.push('…');
    }
    s
}

fn frame_refs(vm: &mut Vm, i: usize, walk: &mut Walk) -> FrameRefs {
    let frame = &vm.frames[i];
    let qualname = frame.code.qualname.to_string();
    let stack = frame.stack.clone();
    let mut bound: Vec<(String, &'static str, Value)> = Vec::new();
    if let Some(ns) = frame.names {
        let kind = if frame.names == Some(frame.globals) { "global" } else { "local" };
        for (name, v) in user_names(vm, ns) {
            bound.push((name, kind, v));
        }
    } else {
        let kinds = frame.code.localspluskinds.clone();
        for (slot, (name, v)) in frame.code.localsplusnames.iter().zip(&frame.locals).enumerate() {
            let kind_bits = kinds.get(slot).copied().unwrap_or(local_kind::LOCAL);
            let (kind, v) = match v.obj().map(|id| vm.heap.get(id)) {
                Some(Object::Cell(inner)) if kind_bits & (local_kind::CELL | local_kind::FREE) != 0 => {
                    (if kind_bits & local_kind::FREE != 0 { "free" } else { "cell" }, *inner)
                }
                _ => ("local", *v),
            };
            if !v.is_null() {
                bound.push((name.to_string(), kind, v));
            }
        }
    }
    let variables = bound
        .into_iter()
        .map(|(name, kind, v)| Binding { name, kind, value: walk.reference(vm, v) })
        .collect();
    let stack = stack.into_iter().map(|v| walk.reference(vm, v)).collect();
    FrameRefs { qualname, variables, stack }
}

/// (name, value) of a namespace dict, leaving out dunder names.
fn user_names(vm: &Vm, dict: ObjId) -> Vec<(String, Value)> {
    let Object::Dict(d) = vm.heap.get(dict) else { return Vec::new() };
    d.iter()
        .filter_map(|(k, v)| match k.obj().map(|id| vm.heap.get(id)) {
            Some(Object::Str(name)) if !(name.starts_with("__") && name.ends_with("__")) => Some((name.to_string(), v)),
            _ => None,
        })
        .collect()
}

fn describe(vm: &mut Vm, id: ObjId, walk: &mut Walk) -> HeapObject {
    let value = Value::Obj(id);
    let type_name = vm.type_name(value);
    let mut object = HeapObject {
        id: id.0,
        kind: "other",
        type_name,
        label: String::new(),
        items: Vec::new(),
        entries: Vec::new(),
        truncated: false,
    };
    let mut items: Vec<Value> = Vec::new();
    let mut entries: Vec<(Value, Value)> = Vec::new();
    let mut named: Vec<(String, Value)> = Vec::new();
    match vm.heap.get(id) {
        Object::List(values) => {
            object.kind = "list";
            items = values.clone();
        }
        Object::Tuple(values) => {
            object.kind = "tuple";
            items = values.clone();
        }
        Object::Set { items: set, .. } => {
            object.kind = "set";
            items = set.keys();
        }
        Object::Dict(d) => {
            object.kind = "dict";
            entries = d.iter().collect();
        }
        Object::Str(_) => object.kind = "str",
        Object::Instance(instance) if instance.exc.is_none() => {
            object.kind = "instance";
            let _ = instance;
            entries = vm.instance_items(id);
        }
        Object::Class(class) => {
            object.kind = "class";
            object.label = class.name.to_string();
            entries = class.attrs.iter().collect();
        }
        Object::Function(f) => {
            object.kind = "function";
            object.label = format!("{}()", f.qualname);
            let code = vm.codes[f.code].code.clone();
            let free_names = code
                .localsplusnames
                .iter()
                .zip(&code.localspluskinds)
                .filter(|(_, kind)| **kind & local_kind::FREE != 0)
                .map(|(name, _)| name.to_string());
            for (name, cell) in free_names.zip(f.closure.clone()) {
                let inner = match cell.obj().map(|c| vm.heap.get(c)) {
                    Some(Object::Cell(inner)) => *inner,
                    _ => cell,
                };
                if !inner.is_null() {
                    named.push((name, inner));
                }
            }
        }
        _ => {}
    }
    if object.label.is_empty() && matches!(object.kind, "str" | "other") {
        object.label = short(vm.safe_repr(value));
    }
    // Attribute dicts: only the user's names, keyed by plain text.
    if matches!(object.kind, "instance" | "class") {
        named = entries
            .drain(..)
            .filter_map(|(k, v)| match k.obj().map(|id| vm.heap.get(id)) {
                Some(Object::Str(name)) if !(name.starts_with("__") && name.ends_with("__")) => Some((name.to_string(), v)),
                _ => None,
            })
            .collect();
    }
    object.truncated = items.len() > MAX_ITEMS || entries.len() > MAX_ITEMS || named.len() > MAX_ITEMS;
    object.items = items.into_iter().take(MAX_ITEMS).map(|v| walk.reference(vm, v)).collect();
    object.entries = entries
        .into_iter()
        .take(MAX_ITEMS)
        .map(|(k, v)| (walk.reference(vm, k), walk.reference(vm, v)))
        .collect();
    for (name, v) in named.into_iter().take(MAX_ITEMS) {
        let key = Ref { id: None, repr: name, type_name: "str".into() };
        let value = walk.reference(vm, v);
        object.entries.push((key, value));
    }
    object
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vm::Session;

    fn view_at_end_of_line(source: &str, line: u32) -> HeapView {
        let mut session = Session::new(source, "t.py", "");
        while !session.is_finished() {
            let at = session.snapshot().frames.last().and_then(|f| f.line);
            if at == Some(line) {
                break;
            }
            session.step_instruction();
        }
        session.heap_view()
    }

    #[test]
    fn two_names_bound_to_one_list_share_an_id() {
        let view = view_at_end_of_line("a = [1, 'x']\nb = a\nprint(b)\n", 3);
        let module = &view.frames[0];
        let a = module.variables.iter().find(|b| b.name == "a").unwrap();
        let b = module.variables.iter().find(|b| b.name == "b").unwrap();
        assert!(a.value.id.is_some());
        assert_eq!(a.value.id, b.value.id);
        let list = view.objects.iter().find(|o| Some(o.id) == a.value.id).unwrap();
        assert_eq!(list.kind, "list");
        assert_eq!(list.items[0].repr, "1");
        assert_eq!(list.items[0].id, None);
        assert_eq!(list.items[1].repr, "'x'");
        assert!(list.items[1].id.is_some());
    }

    #[test]
    fn closures_show_cells_and_free_variables() {
        let source = "def outer():\n    n = 5\n    def inner():\n        return n\n    return inner\nf = outer()\nprint(f())\n";
        let view = view_at_end_of_line(source, 7);
        let f = view.frames[0].variables.iter().find(|b| b.name == "f").unwrap();
        let function = view.objects.iter().find(|o| Some(o.id) == f.value.id).unwrap();
        assert_eq!(function.kind, "function");
        assert_eq!(function.entries[0].0.repr, "n");
        assert_eq!(function.entries[0].1.repr, "5");
    }

    #[test]
    fn instances_list_their_attributes() {
        let source = "class P:\n    def __init__(self):\n        self.x = [1]\np = P()\nprint(p.x)\n";
        let view = view_at_end_of_line(source, 5);
        let p = view.frames[0].variables.iter().find(|b| b.name == "p").unwrap();
        let instance = view.objects.iter().find(|o| Some(o.id) == p.value.id).unwrap();
        assert_eq!(instance.kind, "instance");
        assert_eq!(instance.type_name, "P");
        assert_eq!(instance.entries[0].0.repr, "x");
        assert!(instance.entries[0].1.id.is_some());
    }
}
