//! The dunder methods of the builtin types (`int.__add__`, `list.__len__`,
//! `object.__eq__`...).
//!
//! The operators run builtin values natively and never come here. These
//! exist so that the dunders can be read and called like CPython's slot
//! wrappers (`int.__add__(1, 2)`, `object.__repr__(x)`), and so that
//! instances of subclasses of builtin types (`class Pos(int)`) fall back to
//! the base type's behaviour: every slot works on the builtin value such an
//! instance carries (`Vm::payload`).

use super::types::TypeId;
use super::{PyResult, Vm};
use crate::runtime::object::{Args, BuiltinFn, Instance, Object};
use crate::runtime::value::Value;

/// The slot dunders of builtin type `t` (its plain methods are in methods.rs).
pub(super) fn table(t: TypeId) -> &'static [(&'static str, BuiltinFn)] {
    match t {
        TypeId::Object => OBJECT,
        TypeId::Int => INT,
        TypeId::Float => FLOAT,
        TypeId::Str => STR,
        TypeId::List => LIST,
        TypeId::Tuple => TUPLE,
        TypeId::Dict => DICT,
        TypeId::Set => SET,
        TypeId::FrozenSet => FROZENSET,
        TypeId::Complex => COMPLEX,
        TypeId::Bytes => BYTES,
        TypeId::ByteArray => BYTEARRAY,
        TypeId::Range => RANGE,
        TypeId::Deque => DEQUE,
        TypeId::DefaultDict => DEFAULTDICT,
        TypeId::Counter => COUNTER,
        TypeId::Type => TYPE,
        TypeId::GenericAlias => GENERIC_ALIAS,
        TypeId::UnionType => UNION,
        _ => &[],
    }
}

/// Dunders CPython implements as plain methods, not slot wrappers.
const METHOD_DUNDERS: &[&str] = &[
    "__format__", "__reduce__", "__reduce_ex__", "__sizeof__", "__dir__", "__getstate__", "__getnewargs__",
    "__reversed__", "__round__", "__trunc__", "__floor__", "__ceil__", "__init_subclass__", "__subclasshook__",
    "__class_getitem__", "__new__", "__instancecheck__", "__subclasscheck__", "__prepare__", "__subclasses__",
];

/// Whether a builtin type's `name` is a slot wrapper (`<slot wrapper '__add__' ...>`).
pub(super) fn is_slot_name(name: &str) -> bool {
    name.starts_with("__") && name.ends_with("__") && !METHOD_DUNDERS.contains(&name)
}

/// How `owner.name` binds: see `DescrKind`.
pub(super) fn descr_kind(owner: TypeId, name: &str) -> crate::runtime::object::DescrKind {
    use crate::runtime::object::DescrKind;
    match name {
        "__new__" => DescrKind::Static,
        "fromkeys" | "fromhex" | "from_bytes" | "maketrans" | "__init_subclass__" | "__subclasshook__" | "__class_getitem__" | "__prepare__" => DescrKind::ClassMethod,
        // dict's and list's item access are methods in CPython (METH_COEXIST).
        "__getitem__" if matches!(owner, TypeId::Dict | TypeId::List) => DescrKind::Method,
        "__contains__" if owner == TypeId::Dict => DescrKind::Method,
        _ if is_slot_name(name) => DescrKind::Slot,
        _ => DescrKind::Method,
    }
}

/// Builtin types a user class can derive from, carrying a value of the type.
pub(super) fn is_payload_type(t: TypeId) -> bool {
    matches!(
        t,
        TypeId::Int
            | TypeId::Float
            | TypeId::Str
            | TypeId::List
            | TypeId::Tuple
            | TypeId::Dict
            | TypeId::Set
            | TypeId::FrozenSet
            | TypeId::DefaultDict
            | TypeId::Counter
            | TypeId::Deque
    )
}

macro_rules! binary_slots {
    ($($name:ident, $rname:ident = $op:expr;)*) => {$(
        fn $name(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
            binary_slot(vm, args, $op, false)
        }
        fn $rname(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
            binary_slot(vm, args, $op, true)
        }
    )*};
}

binary_slots! {
    add, radd = 0;
    and, rand = 1;
    floordiv, rfloordiv = 2;
    lshift, rlshift = 3;
    mul, rmul = 5;
    modulo, rmod = 6;
    or, ror = 7;
    pow, rpow = 8;
    rshift, rrshift = 9;
    sub, rsub = 10;
    truediv, rtruediv = 11;
    xor, rxor = 12;
}

macro_rules! compare_slots {
    ($($name:ident = $op:expr;)*) => {$(
        fn $name(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
            compare_slot(vm, args, $op)
        }
    )*};
}

compare_slots! { lt = 0; le = 1; eq = 2; ne = 3; gt = 4; ge = 5; }

const COMPARISONS: [(&str, BuiltinFn); 6] =
    [("__lt__", lt), ("__le__", le), ("__eq__", eq), ("__ne__", ne), ("__gt__", gt), ("__ge__", ge)];

const OBJECT: &[(&str, BuiltinFn)] = &[
    ("__eq__", object_eq),
    ("__ne__", object_ne),
    ("__lt__", object_unordered),
    ("__le__", object_unordered),
    ("__gt__", object_unordered),
    ("__ge__", object_unordered),
    ("__hash__", object_hash),
    ("__format__", object_format),
    ("__setattr__", object_setattr),
    ("__getattribute__", object_getattribute),
    ("__delattr__", object_delattr),
    ("__init_subclass__", object_init_subclass),
    ("__subclasshook__", object_unordered),
    ("__dir__", object_dir),
];

const INT: &[(&str, BuiltinFn)] = &[
    ("__new__", payload_new),
    ("__repr__", repr),
    ("__hash__", hash),
    ("__format__", format),
    ("__bool__", bool_),
    ("__int__", int_),
    ("__float__", float_),
    ("__index__", int_),
    ("__neg__", neg),
    ("__pos__", pos),
    ("__abs__", abs),
    ("__invert__", invert),
    ("__round__", round),
    ("__add__", add), ("__radd__", radd), ("__sub__", sub), ("__rsub__", rsub),
    ("__mul__", mul), ("__rmul__", rmul), ("__truediv__", truediv), ("__rtruediv__", rtruediv),
    ("__floordiv__", floordiv), ("__rfloordiv__", rfloordiv), ("__mod__", modulo), ("__rmod__", rmod),
    ("__pow__", pow), ("__rpow__", rpow), ("__divmod__", divmod), ("__rdivmod__", rdivmod),
    ("__and__", and), ("__rand__", rand), ("__or__", or), ("__ror__", ror), ("__xor__", xor), ("__rxor__", rxor),
    ("__lshift__", lshift), ("__rlshift__", rlshift), ("__rshift__", rshift), ("__rrshift__", rrshift),
    COMPARISONS[0], COMPARISONS[1], COMPARISONS[2], COMPARISONS[3], COMPARISONS[4], COMPARISONS[5],
];

const FLOAT: &[(&str, BuiltinFn)] = &[
    ("__new__", payload_new),
    ("__repr__", repr),
    ("__hash__", hash),
    ("__format__", format),
    ("__bool__", bool_),
    ("__int__", int_),
    ("__float__", float_),
    ("__neg__", neg),
    ("__pos__", pos),
    ("__abs__", abs),
    ("__round__", round),
    ("__add__", add), ("__radd__", radd), ("__sub__", sub), ("__rsub__", rsub),
    ("__mul__", mul), ("__rmul__", rmul), ("__truediv__", truediv), ("__rtruediv__", rtruediv),
    ("__floordiv__", floordiv), ("__rfloordiv__", rfloordiv), ("__mod__", modulo), ("__rmod__", rmod),
    ("__pow__", pow), ("__rpow__", rpow), ("__divmod__", divmod), ("__rdivmod__", rdivmod),
    COMPARISONS[0], COMPARISONS[1], COMPARISONS[2], COMPARISONS[3], COMPARISONS[4], COMPARISONS[5],
];

const STR: &[(&str, BuiltinFn)] = &[
    ("__new__", payload_new),
    ("__repr__", repr),
    ("__str__", str_),
    ("__hash__", hash),
    ("__format__", format),
    ("__len__", len),
    ("__iter__", iter),
    ("__contains__", contains),
    ("__getitem__", getitem),
    ("__add__", add),
    ("__mul__", mul),
    ("__rmul__", rmul),
    ("__mod__", modulo),
    ("__rmod__", rmod),
    COMPARISONS[0], COMPARISONS[1], COMPARISONS[2], COMPARISONS[3], COMPARISONS[4], COMPARISONS[5],
];

const LIST: &[(&str, BuiltinFn)] = &[
    ("__new__", payload_new),
    ("__init__", list_init),
    ("__repr__", repr),
    ("__len__", len),
    ("__iter__", iter),
    ("__reversed__", reversed),
    ("__contains__", contains),
    ("__getitem__", getitem),
    ("__setitem__", setitem),
    ("__delitem__", delitem),
    ("__add__", add),
    ("__mul__", mul),
    ("__rmul__", rmul),
    ("__iadd__", list_iadd),
    ("__imul__", list_imul),
    COMPARISONS[0], COMPARISONS[1], COMPARISONS[2], COMPARISONS[3], COMPARISONS[4], COMPARISONS[5],
];

const TUPLE: &[(&str, BuiltinFn)] = &[
    ("__new__", payload_new),
    ("__repr__", repr),
    ("__hash__", hash),
    ("__len__", len),
    ("__iter__", iter),
    ("__contains__", contains),
    ("__getitem__", getitem),
    ("__add__", add),
    ("__mul__", mul),
    ("__rmul__", rmul),
    COMPARISONS[0], COMPARISONS[1], COMPARISONS[2], COMPARISONS[3], COMPARISONS[4], COMPARISONS[5],
];

const DICT: &[(&str, BuiltinFn)] = &[
    ("__new__", payload_new),
    ("__init__", dict_init),
    ("__repr__", repr),
    ("__len__", len),
    ("__iter__", iter),
    ("__reversed__", reversed),
    ("__contains__", contains),
    ("__getitem__", dict_getitem),
    ("__setitem__", setitem),
    ("__delitem__", delitem),
    ("__or__", or),
    ("__ror__", ror),
    ("__ior__", dict_ior),
    COMPARISONS[0], COMPARISONS[1], COMPARISONS[2], COMPARISONS[3], COMPARISONS[4], COMPARISONS[5],
];

const SET: &[(&str, BuiltinFn)] = &[
    ("__new__", payload_new),
    ("__init__", set_init),
    ("__repr__", repr),
    ("__len__", len),
    ("__iter__", iter),
    ("__contains__", contains),
    ("__or__", or), ("__ror__", ror), ("__and__", and), ("__rand__", rand),
    ("__sub__", sub), ("__rsub__", rsub), ("__xor__", xor), ("__rxor__", rxor),
    COMPARISONS[0], COMPARISONS[1], COMPARISONS[2], COMPARISONS[3], COMPARISONS[4], COMPARISONS[5],
];

const FROZENSET: &[(&str, BuiltinFn)] = &[
    ("__new__", payload_new),
    ("__repr__", repr),
    ("__hash__", hash),
    ("__len__", len),
    ("__iter__", iter),
    ("__contains__", contains),
    ("__or__", or), ("__ror__", ror), ("__and__", and), ("__rand__", rand),
    ("__sub__", sub), ("__rsub__", rsub), ("__xor__", xor), ("__rxor__", rxor),
    COMPARISONS[0], COMPARISONS[1], COMPARISONS[2], COMPARISONS[3], COMPARISONS[4], COMPARISONS[5],
];

const COMPLEX: &[(&str, BuiltinFn)] = &[
    ("__repr__", repr),
    ("__hash__", hash),
    ("__format__", format),
    ("__bool__", bool_),
    ("__neg__", neg),
    ("__pos__", pos),
    ("__abs__", abs),
    ("__add__", add), ("__radd__", radd), ("__sub__", sub), ("__rsub__", rsub),
    ("__mul__", mul), ("__rmul__", rmul), ("__truediv__", truediv), ("__rtruediv__", rtruediv),
    ("__pow__", pow), ("__rpow__", rpow),
    COMPARISONS[0], COMPARISONS[1], COMPARISONS[2], COMPARISONS[3], COMPARISONS[4], COMPARISONS[5],
];

const BYTES: &[(&str, BuiltinFn)] = &[
    ("__repr__", repr),
    ("__hash__", hash),
    ("__len__", len),
    ("__iter__", iter),
    ("__contains__", contains),
    ("__getitem__", getitem),
    ("__add__", add),
    ("__mul__", mul),
    ("__rmul__", rmul),
    ("__mod__", modulo),
    ("__rmod__", rmod),
    COMPARISONS[0], COMPARISONS[1], COMPARISONS[2], COMPARISONS[3], COMPARISONS[4], COMPARISONS[5],
];

/// bytes's slots but `__hash__` (a bytearray is mutable), and item assignment.
const BYTEARRAY: &[(&str, BuiltinFn)] = &[
    ("__repr__", repr),
    ("__len__", len),
    ("__iter__", iter),
    ("__contains__", contains),
    ("__getitem__", getitem),
    ("__setitem__", setitem),
    ("__delitem__", delitem),
    ("__add__", add),
    ("__mul__", mul),
    ("__rmul__", rmul),
    ("__mod__", modulo),
    ("__rmod__", rmod),
    COMPARISONS[0], COMPARISONS[1], COMPARISONS[2], COMPARISONS[3], COMPARISONS[4], COMPARISONS[5],
];

const RANGE: &[(&str, BuiltinFn)] = &[
    ("__repr__", repr),
    ("__hash__", hash),
    ("__bool__", bool_),
    ("__len__", len),
    ("__iter__", iter),
    ("__reversed__", reversed),
    ("__contains__", contains),
    ("__getitem__", getitem),
    COMPARISONS[0], COMPARISONS[1], COMPARISONS[2], COMPARISONS[3], COMPARISONS[4], COMPARISONS[5],
];

const DEFAULTDICT: &[(&str, BuiltinFn)] = &[("__init__", defaultdict_init)];
const COUNTER: &[(&str, BuiltinFn)] = &[("__init__", counter_init)];

const DEQUE: &[(&str, BuiltinFn)] = &[
    ("__new__", payload_new),
    ("__init__", deque_init),
    ("__repr__", repr),
    ("__len__", len),
    ("__iter__", iter),
    ("__contains__", contains),
    ("__getitem__", getitem),
    COMPARISONS[2],
    COMPARISONS[3],
];

const TYPE: &[(&str, BuiltinFn)] = &[
    ("__new__", type_new),
    ("__init__", type_init),
    ("__call__", type_call),
    ("__repr__", repr),
    ("__instancecheck__", type_instancecheck),
    ("__subclasscheck__", type_subclasscheck),
];

const UNION: &[(&str, BuiltinFn)] = &[("__repr__", union_repr), ("__eq__", alias_eq)];

const GENERIC_ALIAS: &[(&str, BuiltinFn)] = &[
    ("__repr__", alias_repr),
    ("__call__", alias_call),
    ("__eq__", alias_eq),
    ("__getattr__", alias_getattr),
];

// ----- helpers -----------------------------------------------------------------------

/// The receiver and the other operands, checked: `name` takes `n` arguments after
/// self. The first three, as builtin values (unused places are None): a fixed array,
/// not a Vec, as the slots index it in some sixty places and constant indexes into
/// an array need no bounds checks.
fn operands(vm: &mut Vm, args: &Args, n: usize) -> PyResult<[Value; 3]> {
    let given = args.pos.len().saturating_sub(1);
    if args.pos.is_empty() {
        return vm.type_error("descriptor needs an argument");
    }
    if given != n {
        let s = if n == 1 { "" } else { "s" };
        return vm.type_error(format!("expected {n} argument{s}, got {given}"));
    }
    // An instance made without its builtin value (never by pvm's own __new__s).
    if let Some(Object::Instance(_)) = vm.payload(args.arg(0)).obj().map(|i| vm.heap.get(i)) {
        let t = vm.type_name(args.arg(0));
        return vm.type_error(format!("'{t}' object has no builtin value"));
    }
    let mut v = [Value::None; 3];
    for (slot, arg) in v.iter_mut().zip(&args.pos) {
        *slot = vm.payload(*arg);
    }
    Ok(v)
}

/// The family of a builtin value, for deciding whether a slot applies to
/// the other operand (else it answers NotImplemented, as CPython's do).
#[derive(PartialEq, Eq, Clone, Copy)]
enum Family {
    Int,
    Float,
    Str,
    List,
    Tuple,
    Set,
    Dict,
    Complex,
    Bytes,
    Range,
    Other,
}

fn family(vm: &Vm, v: Value) -> Family {
    match v {
        Value::Bool(_) | Value::Int(_, _) => Family::Int,
        Value::Float(_, _) => Family::Float,
        Value::Obj(id) => match vm.heap.get(id) {
            Object::Int(_) => Family::Int,
            Object::Str(_) => Family::Str,
            Object::List(_) => Family::List,
            Object::Tuple(_) => Family::Tuple,
            Object::Set { .. } => Family::Set,
            Object::Dict(_) => Family::Dict,
            Object::Complex { .. } => Family::Complex,
            Object::Bytes(_) | Object::ByteArray(_) => Family::Bytes,
            Object::Range { .. } => Family::Range,
            _ => Family::Other,
        },
        _ => Family::Other,
    }
}

/// Whether `a <op> b` is an operation of `a`'s type.
fn operands_fit(vm: &Vm, a: Value, b: Value, op: u32) -> bool {
    use Family::*;
    match (family(vm, a), family(vm, b), op) {
        (Int, Int, _) => true,
        (Float, Int | Float, 0 | 2 | 5 | 6 | 8 | 10 | 11) => true,
        (Str, _, 6) => true,
        (Str, Str, 0) | (List, List, 0) | (Tuple, Tuple, 0) => true,
        (Str | List | Tuple, Int, 5) | (Int, Str | List | Tuple, 5) => true,
        (Set, Set, 1 | 7 | 10 | 12) => true,
        (Complex, Int | Float | Complex, 0 | 5 | 8 | 10 | 11) | (Int | Float, Complex, 0 | 5 | 8 | 10 | 11) => true,
        (Bytes, _, 0 | 6) | (Bytes, Int, 5) | (Int, Bytes, 5) => true,
        (Dict, Dict, 7) => true,
        _ => false,
    }
}

fn binary_slot(vm: &mut Vm, args: &mut Args, op: u32, reflected: bool) -> PyResult<Value> {
    let v = operands(vm, args, 1)?;
    if !operands_fit(vm, v[0], v[1], op) {
        return Ok(vm.not_implemented());
    }
    if reflected {
        vm.binary_op(v[1], v[0], op)
    } else {
        vm.binary_op(v[0], v[1], op)
    }
}

fn compare_slot(vm: &mut Vm, args: &mut Args, op: usize) -> PyResult<Value> {
    let v = operands(vm, args, 1)?;
    let (a, b) = (family(vm, v[0]), family(vm, v[1]));
    let numbers = matches!(a, Family::Int | Family::Float) && matches!(b, Family::Int | Family::Float);
    let complex = matches!(a, Family::Complex) && matches!(b, Family::Int | Family::Float | Family::Complex);
    // Dicts, complex numbers and ranges compare only for (in)equality.
    let ordered = !(matches!(a, Family::Dict | Family::Complex | Family::Range) && op != 2 && op != 3);
    if complex && ordered {
        return vm.compare(v[0], v[1], op);
    }
    if !(numbers || (a == b && a != Family::Other)) || !ordered {
        return Ok(vm.not_implemented());
    }
    vm.compare(v[0], v[1], op)
}

fn unary<F>(vm: &mut Vm, args: &Args, f: F) -> PyResult<Value>
where
    F: FnOnce(&mut Vm, Value) -> PyResult<Value>,
{
    let v = operands(vm, args, 0)?;
    f(vm, v[0])
}

// ----- the slots of the value types ------------------------------------------------

fn repr(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let v = operands(vm, args, 0)?[0];
    let s = vm.repr(v)?;
    let me = args.arg(0);
    if me.is(v) {
        return Ok(vm.new_string(s));
    }
    // Subclasses of set, frozenset, Counter, defaultdict and deque are named
    // in their repr (`Tags({1, 2})`); those of list, dict, tuple... are not.
    let name = vm.type_name(me);
    let renamed = match v.obj().map(|i| vm.heap.get(i)) {
        Some(Object::Set { items, .. }) if items.is_empty() => format!("{name}()"),
        Some(Object::Set { frozen: false, .. }) => format!("{name}({s})"),
        Some(Object::Set { frozen: true, .. }) => rename(&s, "frozenset", &name),
        Some(Object::Dict(d)) if d.flavor == crate::runtime::dict::Flavor::Counter => rename(&s, "Counter", &name),
        Some(Object::Dict(d)) if d.flavor != crate::runtime::dict::Flavor::Plain => rename(&s, "defaultdict", &name),
        Some(Object::Deque { .. }) => rename(&s, "deque", &name),
        _ => s,
    };
    Ok(vm.new_string(renamed))
}

/// `repr` with its leading type name replaced (`deque([1])` -> `History([1])`).
fn rename(repr: &str, type_name: &str, name: &str) -> String {
    match repr.strip_prefix(type_name) {
        Some(rest) => format!("{name}{rest}"),
        None => repr.to_string(),
    }
}

fn str_(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    unary(vm, args, |vm, v| vm.str_value(v))
}

fn hash(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    unary(vm, args, |vm, v| super::builtins::hash(vm, &mut Args::new(vec![v])))
}

fn format(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let v = operands(vm, args, 1)?;
    let spec = vm.str_of(v[1])?;
    // An empty spec formats as str(self): a subclass's own __str__ counts.
    if spec.is_empty() {
        return vm.str_value(args.arg(0));
    }
    let s = vm.format(v[0], &spec)?;
    Ok(vm.new_string(s))
}

fn bool_(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    unary(vm, args, |vm, v| Ok(Value::Bool(vm.truthy(v)?)))
}

fn int_(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    unary(vm, args, |vm, v| vm.to_int(v, None))
}

fn float_(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    unary(vm, args, |vm, v| vm.to_float(v))
}

fn neg(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    unary(vm, args, |vm, v| vm.negate(v))
}

fn pos(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    unary(vm, args, |vm, v| vm.positive(v))
}

fn invert(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    unary(vm, args, |vm, v| vm.invert(v))
}

fn abs(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    unary(vm, args, |vm, v| super::builtins::abs(vm, &mut Args::new(vec![v])))
}

fn round(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let pos: Vec<Value> = args.pos.iter().map(|v| vm.payload(*v)).collect();
    super::builtins::round(vm, &mut Args { pos, kw: std::mem::take(&mut args.kw) })
}

fn divmod(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let v = operands(vm, args, 1)?;
    if !operands_fit(vm, v[0], v[1], 2) {
        return Ok(vm.not_implemented());
    }
    super::builtins::divmod(vm, &mut Args::new(vec![v[0], v[1]]))
}

fn rdivmod(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let v = operands(vm, args, 1)?;
    if !operands_fit(vm, v[0], v[1], 2) {
        return Ok(vm.not_implemented());
    }
    super::builtins::divmod(vm, &mut Args::new(vec![v[1], v[0]]))
}

fn len(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    unary(vm, args, |vm, v| Ok(Value::int(vm.len(v)? as i64)))
}

fn iter(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    unary(vm, args, |vm, v| vm.iter(v))
}

fn reversed(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    unary(vm, args, |vm, v| super::builtins::reversed(vm, &mut Args::new(vec![v])))
}

fn contains(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let v = operands(vm, args, 1)?;
    Ok(Value::Bool(vm.contains(v[0], args.arg(1))?))
}

fn getitem(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let v = operands(vm, args, 1)?;
    vm.getitem(v[0], args.arg(1))
}

fn setitem(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let v = operands(vm, args, 2)?;
    vm.setitem(v[0], args.arg(1), args.arg(2))?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let v = operands(vm, args, 1)?;
    vm.delitem(v[0], args.arg(1))?;
    Ok(Value::None)
}

/// `dict.__getitem__`: a subclass's `__missing__` answers for absent keys.
#[cfg_attr(target_arch = "wasm32", track_caller)]
fn dict_getitem(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let v = operands(vm, args, 1)?;
    let (me, key) = (args.arg(0), args.arg(1));
    let missing = match me.obj().map(|i| vm.heap.get(i)) {
        Some(Object::Instance(i)) => vm.lookup_user_attr(i.class, "__missing__"),
        _ => None,
    };
    let Some(d) = v[0].obj() else { return vm.getitem(v[0], key) };
    match (vm.dict_get(d, key)?, missing) {
        (Some(found), _) => Ok(found),
        (None, Some(m)) => {
            let class = vm.type_of(me);
            let m = vm.bind_class_attr(m, me, class);
            vm.call1(m, key)
        }
        (None, None) => vm.getitem(v[0], key),
    }
}

/// `list.__init__(self, iterable=())`: replaces the contents.
fn list_init(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    super::builtins::no_keywords(vm, args, "list")?;
    if args.pos.len() > 2 {
        return vm.type_error(format!("list expected at most 1 argument, got {}", args.pos.len() - 1));
    }
    let me = operands(vm, args, args.pos.len().saturating_sub(1))?[0];
    let items = match args.pos.get(1) {
        Some(&src) => vm.collect_iterable(src)?,
        None => Vec::new(),
    };
    if let Some(Object::List(v)) = me.obj().map(|i| vm.heap.get_mut(i)) {
        *v = items;
    }
    Ok(Value::None)
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn list_iadd(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let v = operands(vm, args, 1)?;
    let items = vm.collect_iterable(args.arg(1))?;
    if let Some(Object::List(l)) = v[0].obj().map(|i| vm.heap.get_mut(i)) {
        l.extend(items);
    }
    Ok(args.arg(0))
}

fn list_imul(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let v = operands(vm, args, 1)?;
    let product = vm.binary_op(v[0], v[1], 5)?;
    let items = vm.collect_iterable(product)?;
    if let Some(Object::List(l)) = v[0].obj().map(|i| vm.heap.get_mut(i)) {
        *l = items;
    }
    Ok(args.arg(0))
}

/// `dict.__init__(self, mapping_or_pairs=(), **kwargs)`: adds the items.
fn dict_init(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if args.pos.len() > 2 {
        return vm.type_error(format!("dict expected at most 1 argument, got {}", args.pos.len() - 1));
    }
    let me = operands(vm, args, args.pos.len().saturating_sub(1))?[0];
    // defaultdict and Counter subclasses got their items from __new__.
    if matches!(me.obj().map(|i| vm.heap.get(i)), Some(Object::Dict(d)) if d.flavor != crate::runtime::dict::Flavor::Plain) {
        return Ok(Value::None);
    }
    if let Some(&src) = args.pos.get(1) {
        vm.dict_update(me, src, false)?;
    }
    let Some(d) = me.obj() else { return Ok(Value::None) };
    for (k, v) in std::mem::take(&mut args.kw) {
        let k = vm.new_str(&k);
        vm.dict_set(d, k, v)?;
    }
    Ok(Value::None)
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn dict_ior(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let v = operands(vm, args, 1)?;
    vm.dict_update(v[0], args.arg(1), false)?;
    Ok(args.arg(0))
}

/// `set.__init__(self, iterable=())`: replaces the contents.
fn set_init(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    super::builtins::no_keywords(vm, args, "set")?;
    if args.pos.len() > 2 {
        return vm.type_error(format!("set expected at most 1 argument, got {}", args.pos.len() - 1));
    }
    let me = operands(vm, args, args.pos.len().saturating_sub(1))?[0];
    let items = match args.pos.get(1) {
        Some(&src) => vm.collect_iterable(src)?,
        None => Vec::new(),
    };
    if let Some(Object::Set { items: s, .. }) = me.obj().map(|i| vm.heap.get_mut(i)) {
        *s = crate::runtime::set::PySet::new();
    }
    for x in items {
        vm.set_add(me, x)?;
    }
    Ok(Value::None)
}

/// `defaultdict.__init__(self, default_factory=None, *args, **kwargs)`.
fn defaultdict_init(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = operands(vm, args, args.pos.len().saturating_sub(1))?[0];
    let factory = args.pos.get(1).copied().unwrap_or(Value::None);
    let callable = super::builtins::callable(vm, &mut Args::new(vec![factory]))?;
    if !matches!(factory, Value::None) && !matches!(callable, Value::Bool(true)) {
        return vm.type_error("first argument must be callable or None");
    }
    let fresh = super::builtins::construct(vm, TypeId::DefaultDict, std::mem::take(args).tail(1))?;
    replace_payload(vm, me, fresh);
    if let Some(Object::Dict(d)) = me.obj().map(|i| vm.heap.get_mut(i)) {
        d.flavor = crate::runtime::dict::Flavor::Default(factory);
    }
    Ok(Value::None)
}

/// `Counter.__init__(self, iterable=None, **kwds)`: counts them.
fn counter_init(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = operands(vm, args, args.pos.len().saturating_sub(1))?[0];
    let fresh = super::builtins::construct(vm, TypeId::Counter, std::mem::take(args).tail(1))?;
    replace_payload(vm, me, fresh);
    Ok(Value::None)
}

/// `deque.__init__(self, iterable=(), maxlen=None)`.
fn deque_init(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = operands(vm, args, args.pos.len().saturating_sub(1))?[0];
    let fresh = super::builtins::construct(vm, TypeId::Deque, std::mem::take(args).tail(1))?;
    replace_payload(vm, me, fresh);
    Ok(Value::None)
}

/// Gives the container `target` the contents (and flavour) of `source`.
fn replace_payload(vm: &mut Vm, target: Value, source: Value) {
    let (Some(t), Some(s)) = (target.obj(), source.obj()) else { return };
    let new = vm.heap.get(s).clone();
    *vm.heap.get_mut(t) = new;
}

/// `int.__new__(cls, ...)`, `list.__new__(cls, ...)`...: the value of the
/// nearest builtin base, wrapped in an instance of `cls` when `cls` is a
/// subclass. Mutable containers start empty (their `__init__` fills them).
#[cfg_attr(target_arch = "wasm32", track_caller)]
fn payload_new(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Some(class) = args.pos.first().and_then(|c| c.obj()).filter(|c| matches!(vm.heap.get(*c), Object::Class(_))) else {
        return vm.type_error("__new__(X): X is not a type object");
    };
    let Some(t) = vm.builtin_base(class) else {
        return vm.type_error("__new__(X): X is not a subtype of a builtin type");
    };
    let rest = Args { pos: args.pos[1..].to_vec(), kw: std::mem::take(&mut args.kw) };
    let exact = matches!(vm.heap.get(class), Object::Class(c) if c.builtin.is_some());
    let value = match t {
        TypeId::List | TypeId::Dict | TypeId::Set | TypeId::DefaultDict | TypeId::Counter | TypeId::Deque if !exact => {
            super::builtins::construct(vm, t, Args::default())?
        }
        _ => super::builtins::construct(vm, t, rest)?,
    };
    if exact {
        return Ok(value);
    }
    Ok(Value::Obj(vm.heap.alloc(Object::Instance(Box::new(Instance {
        class,
        attrs: Default::default(),
        base: value,
        dict: None,
        exc: None,
    })))))
}

// ----- object ------------------------------------------------------------------------

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn object_eq(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if args.pos.len() != 2 {
        return vm.type_error(format!("expected 1 argument, got {}", args.pos.len().saturating_sub(1)));
    }
    Ok(if args.arg(0).is(args.arg(1)) { Value::Bool(true) } else { vm.not_implemented() })
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn object_ne(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if args.pos.len() != 2 {
        return vm.type_error(format!("expected 1 argument, got {}", args.pos.len().saturating_sub(1)));
    }
    // object.__ne__ inverts __eq__ unless that is NotImplemented.
    let (a, b) = (args.arg(0), args.arg(1));
    let class = vm.type_of(a);
    let eq = match vm.lookup_type_attr(class, "__eq__") {
        Some(f) => {
            let f = vm.bind_class_attr(f, a, class);
            vm.call1(f, b)?
        }
        None => vm.not_implemented(),
    };
    if eq.is(vm.not_implemented()) {
        return Ok(eq);
    }
    Ok(Value::Bool(!vm.truthy(eq)?))
}

fn object_unordered(vm: &mut Vm, _args: &mut Args) -> PyResult<Value> {
    Ok(vm.not_implemented())
}

fn object_hash(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let v = args.pos.first().copied().unwrap_or(Value::None);
    let k = vm.hash_key(v).unwrap_or(crate::runtime::dict::HashKey::Id(v.obj().map_or(0, |i| i.0)));
    Ok(Value::int(crate::runtime::set::py_hash(&k)))
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn object_format(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if args.pos.len() != 2 {
        return vm.type_error("__format__() takes exactly one argument");
    }
    let spec = vm.str_of(args.arg(1))?;
    if !spec.is_empty() {
        let t = vm.type_name(args.arg(0));
        return vm.type_error(format!("unsupported format string passed to {t}.__format__"));
    }
    vm.str_value(args.arg(0))
}

fn attr_name(vm: &mut Vm, v: Value) -> PyResult<String> {
    match v.obj().map(|i| vm.heap.get(i)) {
        Some(Object::Str(s)) => Ok(s.to_string()),
        _ => {
            let t = vm.type_name(v);
            vm.type_error(format!("attribute name must be string, not '{t}'"))
        }
    }
}

/// `object.__setattr__(obj, name, value)`: stores without the class's own `__setattr__`.
#[cfg_attr(target_arch = "wasm32", track_caller)]
fn object_setattr(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if args.pos.len() != 3 {
        return vm.type_error(format!("expected 2 arguments, got {}", args.pos.len().saturating_sub(1)));
    }
    let name = attr_name(vm, args.arg(1))?;
    vm.setattr_plain(args.arg(0), &name, args.arg(2))?;
    Ok(Value::None)
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn object_getattribute(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if args.pos.len() != 2 {
        return vm.type_error(format!("expected 1 argument, got {}", args.pos.len().saturating_sub(1)));
    }
    let name = attr_name(vm, args.arg(1))?;
    vm.generic_getattr(args.arg(0), &name, false)
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn object_delattr(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if args.pos.len() != 2 {
        return vm.type_error(format!("expected 1 argument, got {}", args.pos.len().saturating_sub(1)));
    }
    let name = attr_name(vm, args.arg(1))?;
    vm.delattr_plain(args.arg(0), &name)?;
    Ok(Value::None)
}

/// `object.__init_subclass__(cls, **kwargs)`: accepts no keyword arguments.
fn object_init_subclass(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        let name = match args.pos.first().and_then(|c| c.obj()) {
            Some(c) => vm.class_name(c),
            None => "object".into(),
        };
        return vm.type_error(format!("{name}.__init_subclass__() takes no keyword arguments"));
    }
    Ok(Value::None)
}

fn object_dir(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let v = args.pos.first().copied().unwrap_or(Value::None);
    let names = vm.dir_of(v);
    let names: Vec<Value> = names.into_iter().map(|n| vm.new_string(n)).collect();
    Ok(vm.new_list(names))
}

// ----- type --------------------------------------------------------------------------

/// `type.__new__(metaclass, name, bases, namespace, **kwargs)`.
#[cfg_attr(target_arch = "wasm32", track_caller)]
fn type_new(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let meta = args.pos.first().copied().unwrap_or(Value::None);
    if args.pos.len() == 2 {
        return Ok(Value::Obj(vm.type_of(args.arg(1))));
    }
    if args.pos.len() != 4 {
        return vm.type_error("type() takes 1 or 3 arguments");
    }
    let name = match args.arg(1).obj().map(|i| vm.heap.get(i)) {
        Some(Object::Str(s)) => s.to_string(),
        _ => {
            let t = vm.type_name(args.arg(1));
            return vm.type_error(format!("type.__new__() argument 1 must be str, not {t}"));
        }
    };
    let bases = match args.arg(2).obj().map(|i| vm.heap.get(i)) {
        Some(Object::Tuple(items)) => items.clone(),
        _ => {
            let t = vm.type_name(args.arg(2));
            return vm.type_error(format!("type.__new__() argument 2 must be tuple, not {t}"));
        }
    };
    let mut base_ids = Vec::new();
    for b in bases {
        match b.obj().filter(|i| matches!(vm.heap.get(*i), Object::Class(_))) {
            Some(id) => base_ids.push(id),
            None => return vm.type_error("bases must be types"),
        }
    }
    let Some(ns) = args.arg(3).obj().filter(|i| matches!(vm.heap.get(*i), Object::Dict(_))) else {
        let t = vm.type_name(args.arg(3));
        return vm.type_error(format!("type.__new__() argument 3 must be dict, not {t}"));
    };
    let meta = meta.obj().filter(|m| *m != vm.type_obj(TypeId::Type));
    let kwargs = std::mem::take(&mut args.kw);
    let class = vm.make_class_with(&name, base_ids, ns, meta, kwargs)?;
    Ok(Value::Obj(class))
}

fn type_init(_vm: &mut Vm, _args: &mut Args) -> PyResult<Value> {
    Ok(Value::None)
}

/// `type.__call__(cls, *args)`: what calling a class does.
fn type_call(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Some(class) = args.pos.first().and_then(|c| c.obj()).filter(|c| matches!(vm.heap.get(*c), Object::Class(_))) else {
        return vm.type_error("descriptor '__call__' requires a 'type' object");
    };
    let rest = Args { pos: args.pos[1..].to_vec(), kw: std::mem::take(&mut args.kw) };
    vm.call_class_plain(class, rest)
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn type_instancecheck(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if args.pos.len() != 2 {
        return vm.type_error("__instancecheck__ expected 1 argument");
    }
    let (class, v) = (args.arg(0), args.arg(1));
    let t = vm.type_of(v);
    Ok(Value::Bool(class.obj().is_some_and(|c| vm.is_subclass(t, c))))
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn type_subclasscheck(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if args.pos.len() != 2 {
        return vm.type_error("__subclasscheck__ expected 1 argument");
    }
    let (class, sub) = (args.arg(0), args.arg(1));
    Ok(Value::Bool(match (class.obj(), sub.obj()) {
        (Some(c), Some(s)) => vm.is_subclass(s, c),
        _ => false,
    }))
}

// ----- types.GenericAlias (list[int]) --------------------------------------------------

fn alias_parts(vm: &mut Vm, v: Value) -> (Value, Value) {
    let get = |vm: &mut Vm, n: &str| match v.obj().map(|i| vm.heap.get(i)) {
        Some(Object::Instance(i)) => i.attrs.get(&crate::runtime::dict::HashKey::Str(n.into())).unwrap_or(Value::None),
        _ => Value::None,
    };
    (get(vm, "__origin__"), get(vm, "__args__"))
}

/// How a type argument prints inside `list[...]`.
fn alias_arg_repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    if matches!(v, Value::None) || v.is(Value::Obj(vm.type_obj(TypeId::NoneType))) {
        return Ok("None".into());
    }
    if let Some(Object::Class(c)) = v.obj().map(|i| vm.heap.get(i)) {
        return Ok(match (&c.module, c.builtin) {
            (Some(m), _) => format!("{m}.{}", c.qualname),
            (None, Some(_)) => c.qualname.to_string(),
            (None, None) => format!("__main__.{}", c.qualname),
        });
    }
    if v.is(Value::Obj(vm.ellipsis)) {
        return Ok("...".into());
    }

    vm.repr(v)
}

fn alias_repr(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = args.pos.first().copied().unwrap_or(Value::None);
    let (origin, params) = alias_parts(vm, me);
    let mut s = alias_arg_repr(vm, origin)?;
    let items = match params.obj().map(|i| vm.heap.get(i)) {
        Some(Object::Tuple(items)) => items.clone(),
        _ => vec![],
    };
    let mut parts = Vec::new();
    for p in items {
        parts.push(alias_arg_repr(vm, p)?);
    }
    s.push('[');
    s.push_str(&if parts.is_empty() { "()".to_string() } else { parts.join(", ") });
    s.push(']');
    Ok(vm.new_string(s))
}

fn alias_call(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = args.pos.first().copied().unwrap_or(Value::None);
    let (origin, _) = alias_parts(vm, me);
    let rest = Args { pos: args.pos[1..].to_vec(), kw: std::mem::take(&mut args.kw) };
    vm.call(origin, rest)
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn alias_eq(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if args.pos.len() != 2 {
        return vm.type_error("expected 1 argument");
    }
    let other_is_alias = vm.type_of(args.arg(1)) == vm.type_obj(TypeId::GenericAlias);
    if !other_is_alias {
        return Ok(vm.not_implemented());
    }
    let (o1, a1) = alias_parts(vm, args.arg(0));
    let (o2, a2) = alias_parts(vm, args.arg(1));
    Ok(Value::Bool(o1.is(o2) && vm.eq(a1, a2)?))
}

/// Attributes an alias does not have are its origin's (`list[int].append`).
#[cfg_attr(target_arch = "wasm32", track_caller)]
fn alias_getattr(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if args.pos.len() != 2 {
        return vm.type_error("expected 1 argument");
    }
    let (origin, _) = alias_parts(vm, args.arg(0));
    let name = attr_name(vm, args.arg(1))?;
    vm.getattr(origin, &name)
}

fn union_repr(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = args.pos.first().copied().unwrap_or(Value::None);
    let (_, params) = alias_parts(vm, me);
    let items = match params.obj().map(|i| vm.heap.get(i)) {
        Some(Object::Tuple(items)) => items.clone(),
        _ => vec![],
    };
    let mut parts = Vec::new();
    for p in items {
        parts.push(alias_arg_repr(vm, p)?);
    }
    Ok(vm.new_string(parts.join(" | ")))
}

impl Vm {
    /// `a | b` of types: a types.UnionType of their members (flattened,
    /// without repeats); `None` when an operand is not a type.
    pub(super) fn type_union(&mut self, a: Value, b: Value) -> Option<Value> {
        let union = self.type_obj(TypeId::UnionType);
        let mut members: Vec<Value> = Vec::new();
        for v in [a, b] {
            let parts = match v.obj().map(|i| self.heap.get(i)) {
                Some(Object::Class(_)) => vec![v],
                Some(Object::Instance(i)) if i.class == union => {
                    let args = i.attrs.get(&crate::runtime::dict::HashKey::Str("__args__".into()))?;
                    match args.obj().map(|i| self.heap.get(i)) {
                        Some(Object::Tuple(items)) => items.clone(),
                        _ => return None,
                    }
                }
                Some(Object::Instance(i)) if i.class == self.type_obj(TypeId::GenericAlias) => vec![v],
                None if matches!(v, Value::None) => vec![Value::Obj(self.type_obj(TypeId::NoneType))],
                _ => return None,
            };
            for p in parts {
                if !members.iter().any(|m| m.is(p)) {
                    members.push(p);
                }
            }
        }
        if members.len() == 1 {
            return Some(members[0]);
        }
        let args = self.new_tuple(members);
        let mut attrs = crate::runtime::dict::Dict::new();
        let k = self.new_str("__args__");
        attrs.insert(crate::runtime::dict::HashKey::Str("__args__".into()), k, args);
        Some(Value::Obj(self.heap.alloc(Object::Instance(Box::new(Instance { class: union, attrs: attrs.into(), base: Value::Null, dict: None, exc: None })))))
    }

    /// `list[int]`: a types.GenericAlias of `origin` with the given arguments.
    pub(super) fn generic_alias(&mut self, origin: Value, params: Value) -> Value {
        let params = match params.obj().map(|i| self.heap.get(i)) {
            Some(Object::Tuple(_)) => params,
            _ => self.new_tuple(vec![params]),
        };
        let class = self.type_obj(TypeId::GenericAlias);
        let mut attrs = crate::runtime::dict::Dict::new();
        for (name, v) in [("__origin__", origin), ("__args__", params)] {
            let k = self.new_str(name);
            attrs.insert(crate::runtime::dict::HashKey::Str(name.into()), k, v);
        }
        Value::Obj(self.heap.alloc(Object::Instance(Box::new(Instance { class, attrs: attrs.into(), base: Value::Null, dict: None, exc: None }))))
    }
}

/// `<slot wrapper '__add__' of 'int' objects>`, `<method 'append' of 'list' objects>`...
/// `owner_address` is where the owning type object is (`__new__` names it).
pub(super) fn descriptor_repr(d: &crate::runtime::object::Descriptor, owner_address: &str) -> String {
    use crate::runtime::object::DescrKind;
    match d.kind {
        DescrKind::Slot => format!("<slot wrapper '{}' of '{}' objects>", d.name, d.owner.name()),
        DescrKind::Static => format!("<built-in method {} of type object at {owner_address}>", d.name),
        DescrKind::Method | DescrKind::ClassMethod => format!("<method '{}' of '{}' objects>", d.name, d.owner.name()),
    }
}
