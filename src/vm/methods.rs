//! Methods of the builtin types (`str.upper`, `list.append`, `dict.get`...).
//! Every method receives its object as the first positional argument.

use super::signature::{Convention, Sig};
use super::types::TypeId;
use super::{PyResult, Vm};
use super::identity::{fresh_str_value, str_value, Singletons};
use crate::runtime::casemap;
use crate::runtime::heap::Heap;
use crate::runtime::object::{Args, BuiltinFn, Object, ViewKind};
use crate::runtime::pystr::PyStr;
use crate::text::{self, substr};
use std::rc::Rc;
use crate::runtime::value::{ObjId, Value};

/// A builtin method: its name, its implementation and how it takes its
/// arguments (checked before it runs, so the implementation can rely on
/// the count and names of its arguments).
pub(super) type Method = (&'static str, BuiltinFn, &'static Sig);

/// The methods of builtin type `t` (without those it inherits).
pub(super) fn table(t: TypeId) -> Vec<Method> {
    match t {
        // bytearray has bytes's methods and its own (which win).
        TypeId::Bytes => return super::bytes::BYTES.to_vec(),
        TypeId::ByteArray => return super::bytes::BYTES.iter().chain(super::bytes::BYTEARRAY).copied().collect(),
        // set has frozenset's methods and its mutators.
        TypeId::Set => return FROZENSET.iter().chain(SET).copied().collect(),
        _ => {}
    }
    let table: &[Method] = match t {
        TypeId::Str => STR,
        TypeId::List => LIST,
        TypeId::Dict => DICT,
        TypeId::Counter => COUNTER,
        TypeId::Deque => DEQUE,
        TypeId::FrozenSet => FROZENSET,
        TypeId::Tuple => TUPLE,
        TypeId::Int => INT,
        TypeId::Float => FLOAT,
        TypeId::Complex => super::complex::METHODS,
        TypeId::Generator => GENERATOR,
        TypeId::BaseException => EXCEPTION,
        TypeId::Object => OBJECT,
        TypeId::Property => PROPERTY,
        TypeId::Type => TYPE,
        TypeId::ListIterator
        | TypeId::ListReverseIterator
        | TypeId::TupleIterator
        | TypeId::RangeIterator
        | TypeId::StrIterator
        | TypeId::BytesIterator
        | TypeId::ByteArrayIterator
        | TypeId::DictKeyIterator
        | TypeId::DictValueIterator
        | TypeId::DictItemIterator
        | TypeId::SetIterator
        | TypeId::Enumerate
        | TypeId::Zip
        | TypeId::Map
        | TypeId::Filter
        | TypeId::Reversed => ITERATOR,
        TypeId::Range => RANGE,
        TypeId::Slice => SLICE,
        _ => &[],
    };
    table.to_vec()
}

const OBJECT: &[Method] =
    &[("__init__", object_init, &Sig::OWN), ("__new__", object_new, &Sig::OWN), ("__repr__", object_repr, &Sig::OWN), ("__str__", object_str, &Sig::OWN)];
const FROZENSET: &[Method] = &[
    ("copy", set_copy, &Sig::NOARGS),
    ("union", set_union, &Sig::tuple_any()),
    ("intersection", set_intersection, &Sig::tuple_any()),
    ("difference", set_difference, &Sig::tuple_any()),
    ("symmetric_difference", set_symmetric_difference, &Sig::ONE),
    ("issubset", set_issubset, &Sig::ONE),
    ("issuperset", set_issuperset, &Sig::ONE),
    ("isdisjoint", set_isdisjoint, &Sig::ONE),
];
const PROPERTY: &[Method] =
    &[("setter", property_setter, &Sig::ONE), ("getter", property_getter, &Sig::ONE), ("deleter", property_deleter, &Sig::ONE)];
const EXCEPTION: &[Method] = &[
    ("__new__", exception_new, &Sig::OWN),
    ("__init__", exception_init, &Sig::OWN),
    ("__str__", exception_str, &Sig::OWN),
    ("__repr__", exception_repr, &Sig::OWN),
    ("with_traceback", self_return, &Sig::ONE),
];
const GENERATOR: &[Method] =
    &[("send", gen_send, &Sig::ONE), ("__next__", gen_next, &Sig::WRAPPER), ("close", gen_close, &Sig::NOARGS), ("throw", gen_throw, &Sig::positional(1, 3))];
const INT: &[Method] = &[
    ("bit_length", int_bit_length, &Sig::NOARGS),
    ("bit_count", int_bit_count, &Sig::NOARGS),
    ("as_integer_ratio", int_as_integer_ratio, &Sig::NOARGS),
    ("is_integer", int_is_integer, &Sig::NOARGS),
    ("conjugate", self_return, &Sig::NOARGS),
    ("__index__", self_return, &Sig::WRAPPER),
    ("to_bytes", super::bytes::int_to_bytes, &Sig::keywords(0, 2, &["length", "byteorder", "signed"])),
    ("from_bytes", super::bytes::int_from_bytes, &Sig::keywords(1, 2, &["bytes", "byteorder", "signed"])),
];
const TYPE: &[Method] = &[("mro", type_mro, &Sig::NOARGS)];
const ITERATOR: &[Method] = &[("__next__", iterator_next, &Sig::WRAPPER), ("__iter__", self_return, &Sig::WRAPPER)];
const RANGE: &[Method] = &[("index", range_index, &Sig::ONE), ("count", range_count, &Sig::ONE)];
const SLICE: &[Method] = &[("indices", slice_indices, &Sig::ONE)];
const FLOAT: &[Method] = &[
    ("as_integer_ratio", float_as_integer_ratio, &Sig::NOARGS),
    ("is_integer", float_is_integer, &Sig::NOARGS),
    ("conjugate", self_return, &Sig::NOARGS),
    ("hex", float_hex, &Sig::NOARGS),
    ("fromhex", float_fromhex, &Sig::ONE),
];
const TUPLE: &[Method] = &[("index", seq_index, &Sig::positional(1, 3)), ("count", seq_count, &Sig::ONE)];
const LIST: &[Method] = &[
    ("append", list_append, &Sig::ONE),
    ("extend", list_extend, &Sig::ONE),
    ("pop", list_pop, &Sig::positional(0, 1)),
    ("insert", list_insert, &Sig::positional(2, 2)),
    ("remove", list_remove, &Sig::ONE),
    ("index", seq_index, &Sig::positional(1, 3)),
    ("count", seq_count, &Sig::ONE),
    ("sort", list_sort, &Sig::keywords(0, 0, &["key", "reverse"])),
    ("reverse", list_reverse, &Sig::NOARGS),
    ("copy", list_copy, &Sig::NOARGS),
    ("clear", list_clear, &Sig::NOARGS),
];
const DICT: &[Method] = &[
    ("get", dict_get, &Sig::positional(1, 2)),
    ("keys", dict_keys, &Sig::NOARGS),
    ("values", dict_values, &Sig::NOARGS),
    ("items", dict_items, &Sig::NOARGS),
    ("pop", dict_pop, &Sig::positional(1, 2)),
    ("setdefault", dict_setdefault, &Sig::positional(1, 2)),
    ("update", dict_update, &Sig { min: 0, max: 1, conv: Convention::PositionalAnyKeywords }),
    ("copy", dict_copy, &Sig::NOARGS),
    ("clear", dict_clear, &Sig::NOARGS),
    ("popitem", dict_popitem, &Sig::NOARGS),
    ("fromkeys", dict_fromkeys, &Sig::positional(1, 2)),
];

const COUNTER: &[Method] = &[
    ("most_common", counter_most_common, &Sig::OWN),
    ("update", counter_update, &Sig::OWN),
    ("elements", counter_elements, &Sig::OWN),
    ("total", counter_total, &Sig::OWN),
];

/// `Counter.update(iterable_or_mapping)`: adds counts.
pub(super) fn counter_update(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let d = this_id(args);
    let mut pairs: Vec<(Value, Value)> = Vec::new();
    if let Some(&src) = args.pos.get(1) {
        match src.obj().map(|i| vm.heap.get(i)) {
            Some(Object::Dict(other)) => pairs.extend(other.iter()),
            _ => {
                for x in vm.collect_iterable(src)? {
                    pairs.push((x, Value::int(1)));
                }
            }
        }
    }
    for (k, v) in std::mem::take(&mut args.kw) {
        let k = vm.new_str(&k);
        pairs.push((k, v));
    }
    for (k, n) in pairs {
        let old = vm.dict_get(d, k)?.unwrap_or(Value::int(0));
        let new = vm.binary_op(old, n, 0)?;
        vm.dict_set(d, k, new)?;
    }
    Ok(Value::None)
}

fn counter_most_common(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let pairs = vm.counter_most_common(this_id(args))?;
    let n = match args.pos.get(1) {
        Some(Value::None) | None => pairs.len(),
        Some(v) => vm.index_of(*v)?.max(0) as usize,
    };
    let items: Vec<Value> = pairs.into_iter().take(n).map(|(k, v)| vm.new_tuple(vec![k, v])).collect();
    Ok(vm.new_list(items))
}

fn counter_elements(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let pairs: Vec<(Value, Value)> = match vm.heap.get(this_id(args)) {
        Object::Dict(d) => d.iter().collect(),
        _ => Vec::new(),
    };
    let mut out = Vec::new();
    for (k, v) in pairs {
        let n = vm.index_of(v).unwrap_or(0);
        for _ in 0..n.max(0) {
            out.push(k);
        }
    }
    let list = vm.new_list(out);
    vm.iter(list)
}

fn counter_total(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let values: Vec<Value> = match vm.heap.get(this_id(args)) {
        Object::Dict(d) => d.values(),
        _ => Vec::new(),
    };
    let mut total = Value::int(0);
    for v in values {
        total = vm.binary_op(total, v, 0)?;
    }
    Ok(total)
}

const DEQUE: &[Method] = &[
    ("append", deque_append, &Sig::ONE),
    ("appendleft", deque_appendleft, &Sig::ONE),
    ("pop", deque_pop, &Sig::NOARGS),
    ("popleft", deque_popleft, &Sig::NOARGS),
    ("extend", deque_extend, &Sig::ONE),
    ("extendleft", deque_extendleft, &Sig::ONE),
    ("rotate", deque_rotate, &Sig { min: 0, max: 1, conv: Convention::QualifiedPositional }),
    ("clear", deque_clear, &Sig::NOARGS),
    ("count", deque_count, &Sig::ONE),
];

fn deque_mut<'a>(vm: &'a mut Vm, args: &Args) -> (&'a mut std::collections::VecDeque<Value>, Option<usize>) {
    match vm.heap.get_mut(this_id(args)) {
        Object::Deque { items, maxlen } => (items, *maxlen),
        _ => unreachable!("deque method on a non-deque"),
    }
}

fn deque_push(vm: &mut Vm, args: &Args, v: Value, left: bool) {
    let (items, maxlen) = deque_mut(vm, args);
    if maxlen == Some(0) {
        return;
    }
    if left {
        items.push_front(v);
        if maxlen.is_some_and(|m| items.len() > m) {
            items.pop_back();
        }
    } else {
        items.push_back(v);
        if maxlen.is_some_and(|m| items.len() > m) {
            items.pop_front();
        }
    }
}

fn deque_append(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    deque_push(vm, args, args.arg(1), false);
    Ok(Value::None)
}

fn deque_appendleft(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    deque_push(vm, args, args.arg(1), true);
    Ok(Value::None)
}

fn deque_pop(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    match deque_mut(vm, args).0.pop_back() {
        Some(v) => Ok(v),
        None => Err(vm.exc(TypeId::IndexError, "pop from an empty deque")),
    }
}

fn deque_popleft(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    match deque_mut(vm, args).0.pop_front() {
        Some(v) => Ok(v),
        None => Err(vm.exc(TypeId::IndexError, "pop from an empty deque")),
    }
}

fn deque_extend(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    for v in vm.collect_iterable(args.arg(1))? {
        deque_push(vm, args, v, false);
    }
    Ok(Value::None)
}

fn deque_extendleft(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    for v in vm.collect_iterable(args.arg(1))? {
        deque_push(vm, args, v, true);
    }
    Ok(Value::None)
}

fn deque_rotate(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let n = match args.pos.get(1) {
        Some(v) => vm.index_of(*v)?,
        None => 1,
    };
    let (items, _) = deque_mut(vm, args);
    let len = items.len() as i64;
    if len > 0 {
        let k = n.rem_euclid(len) as usize;
        items.rotate_right(k);
    }
    Ok(Value::None)
}

fn deque_clear(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    deque_mut(vm, args).0.clear();
    Ok(Value::None)
}

fn deque_count(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let items: Vec<Value> = deque_mut(vm, args).0.iter().copied().collect();
    let mut n = 0;
    for x in items {
        if vm.eq(x, args.arg(1))? {
            n += 1;
        }
    }
    Ok(Value::int(n))
}

/// set's own methods (the mutators); it has every frozenset method too.
const SET: &[Method] = &[
    ("add", set_add, &Sig::ONE),
    ("remove", set_remove, &Sig::ONE),
    ("discard", set_discard, &Sig::ONE),
    ("pop", set_pop, &Sig::NOARGS),
    ("clear", set_clear, &Sig::NOARGS),
    ("update", set_update, &Sig::tuple_any()),
    ("difference_update", set_difference_update, &Sig::tuple_any()),
    ("intersection_update", set_intersection_update, &Sig::tuple_any()),
    ("symmetric_difference_update", set_symmetric_difference_update, &Sig::ONE),
];
const STR: &[Method] = &[
    ("upper", str_upper, &Sig::NOARGS),
    ("lower", str_lower, &Sig::NOARGS),
    ("strip", str_strip, &Sig::positional(0, 1)),
    ("lstrip", str_lstrip, &Sig::positional(0, 1)),
    ("rstrip", str_rstrip, &Sig::positional(0, 1)),
    ("split", str_split, &Sig::keywords(0, 2, &["sep", "maxsplit"])),
    ("rsplit", str_rsplit, &Sig::keywords(0, 2, &["sep", "maxsplit"])),
    ("join", str_join, &Sig::ONE),
    ("replace", str_replace, &Sig::positional(2, 3)),
    ("startswith", str_startswith, &Sig::tuple(1, 3)),
    ("endswith", str_endswith, &Sig::tuple(1, 3)),
    ("find", str_find, &Sig::tuple(1, 3)),
    ("rfind", str_rfind, &Sig::tuple(1, 3)),
    ("index", str_index, &Sig::tuple(1, 3)),
    ("rindex", str_rindex, &Sig::tuple(1, 3)),
    ("count", str_count, &Sig::tuple(1, 3)),
    ("format", str_format, &Sig::OWN),
    ("isdigit", str_isdigit, &Sig::NOARGS),
    ("isdecimal", str_isdigit, &Sig::NOARGS),
    ("isnumeric", str_isdigit, &Sig::NOARGS),
    ("isalpha", str_isalpha, &Sig::NOARGS),
    ("isalnum", str_isalnum, &Sig::NOARGS),
    ("isspace", str_isspace, &Sig::NOARGS),
    ("isupper", str_isupper, &Sig::NOARGS),
    ("islower", str_islower, &Sig::NOARGS),
    ("capitalize", str_capitalize, &Sig::NOARGS),
    ("title", str_title, &Sig::NOARGS),
    ("swapcase", str_swapcase, &Sig::NOARGS),
    ("casefold", str_casefold, &Sig::NOARGS),
    ("expandtabs", str_expandtabs, &Sig::keywords(0, 1, &["tabsize"])),
    ("center", str_center, &Sig::positional(1, 2)),
    ("ljust", str_ljust, &Sig::positional(1, 2)),
    ("rjust", str_rjust, &Sig::positional(1, 2)),
    ("zfill", str_zfill, &Sig::ONE),
    ("splitlines", str_splitlines, &Sig::keywords(0, 1, &["keepends"])),
    ("partition", str_partition, &Sig::ONE),
    ("rpartition", str_rpartition, &Sig::ONE),
    ("removeprefix", str_removeprefix, &Sig::ONE),
    ("removesuffix", str_removesuffix, &Sig::ONE),
    ("isascii", str_isascii, &Sig::NOARGS),
    ("isidentifier", str_isidentifier, &Sig::NOARGS),
    ("isprintable", str_isprintable, &Sig::NOARGS),
    ("istitle", str_istitle, &Sig::NOARGS),
    ("translate", str_translate, &Sig::ONE),
    ("maketrans", str_maketrans, &Sig::positional(1, 3)),
    ("format_map", str_format_map, &Sig::ONE),
    ("encode", super::bytes::str_encode, &Sig::keywords(0, 2, &["encoding", "errors"])),
];

// ----- helpers -------------------------------------------------------------------

#[inline(always)]
fn this(args: &Args) -> Value {
    args.pos.first().copied().unwrap_or(Value::None)
}

#[inline(always)]
fn this_id(args: &Args) -> ObjId {
    this(args).obj().expect("method receiver")
}


#[inline(always)]
fn text(vm: &Vm, v: Value) -> Option<PyStr> {
    match vm.payload(v).obj().map(|i| vm.heap.get(i)) {
        Some(Object::Str(s)) => Some(s.clone()),
        _ => None,
    }
}

/// The str argument `v`, or CPython's TypeError "`expected`, not TYPE"
/// (`expected` is the whole phrase: "must be str", "replace() argument 1 must be str").
fn str_arg(vm: &mut Vm, v: Value, expected: &str) -> PyResult<PyStr> {
    match text(vm, v) {
        Some(s) => Ok(s),
        None => {
            let t = vm.type_name(v);
            vm.type_error(format!("{expected}, not {t}"))
        }
    }
}

/// The str argument `v` of an Argument Clinic method, or its TypeError
/// "`which` must be str, not X" (`which`: "replace() argument 1").
fn clinic_str_arg(vm: &mut Vm, v: Value, which: &str) -> PyResult<PyStr> {
    match text(vm, v) {
        Some(s) => Ok(s),
        None => {
            let t = vm.clinic_type_name(v);
            vm.type_error(format!("{which} must be str, not {t}"))
        }
    }
}

fn list_items(vm: &Vm, id: ObjId) -> &Vec<Value> {
    match vm.heap.get(id) {
        Object::List(v) | Object::Tuple(v) => v,
        _ => unreachable!("list method on a non-list"),
    }
}

fn list_mut(vm: &mut Vm, id: ObjId) -> &mut Vec<Value> {
    match vm.heap.get_mut(id) {
        Object::List(v) => v,
        _ => unreachable!("list method on a non-list"),
    }
}

// ----- object / exceptions / generators --------------------------------------------

/// `object.__init__(self)`: extra arguments are an error unless the class
/// overrides `__new__` (and not `__init__`), as in CPython.
pub(super) fn object_init(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if args.pos.len() <= 1 && args.kw.is_empty() {
        return Ok(Value::None);
    }
    let class = vm.type_of(this(args));
    let init = vm.lookup_type_attr(class, "__init__");
    let new = vm.lookup_type_attr(class, "__new__");
    let is = |vm: &Vm, v: Option<Value>, f: BuiltinFn| {
        matches!(v.and_then(|v| v.obj()).map(|i| vm.heap.get(i)), Some(Object::Descriptor(d)) if d.func as usize == f as usize)
    };
    if !is(vm, init, object_init) {
        return vm.type_error("object.__init__() takes exactly one argument (the instance to initialize)");
    }
    if is(vm, new, object_new) {
        let name = vm.class_name(class);
        return vm.type_error(format!("{name}.__init__() takes exactly one argument (the instance to initialize)"));
    }
    Ok(Value::None)
}

/// `object.__new__(cls)`: a bare instance of `cls`.
pub(super) fn object_new(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Some(class) = args.pos.first().and_then(|c| c.obj()).filter(|c| matches!(vm.heap.get(*c), Object::Class(_))) else {
        return vm.type_error("object.__new__(X): X is not a type object");
    };
    if args.pos.len() > 1 || !args.kw.is_empty() {
        let is = |vm: &Vm, v: Option<Value>, f: BuiltinFn| {
            matches!(v.and_then(|v| v.obj()).map(|i| vm.heap.get(i)), Some(Object::Descriptor(d)) if d.func as usize == f as usize)
        };
        let (new, init) = (vm.lookup_type_attr(class, "__new__"), vm.lookup_type_attr(class, "__init__"));
        if !is(vm, new, object_new) {
            return vm.type_error("object.__new__() takes exactly one argument (the type to instantiate)");
        }
        if is(vm, init, object_init) {
            let name = vm.class_name(class);
            return vm.type_error(format!("{name}() takes no arguments"));
        }
    }
    if vm.builtin_base(class).is_some_and(|t| !t.is_exception()) {
        let name = vm.class_name(class);
        return vm.type_error(format!("object.__new__({name}) is not safe, use {name}.__new__()"));
    }
    vm.check_abstract(class)?;
    Ok(vm.bare_instance(class, Vec::new()))
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn property_setter(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Object::Property { fget, fdel, .. } = *vm.heap.get(this_id(args)) else { unreachable!() };
    Ok(Value::Obj(vm.heap.alloc(Object::Property { fget, fset: args.arg(1), fdel })))
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn property_getter(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Object::Property { fset, fdel, .. } = *vm.heap.get(this_id(args)) else { unreachable!() };
    Ok(Value::Obj(vm.heap.alloc(Object::Property { fget: args.arg(1), fset, fdel })))
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn property_deleter(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Object::Property { fget, fset, .. } = *vm.heap.get(this_id(args)) else { unreachable!() };
    Ok(Value::Obj(vm.heap.alloc(Object::Property { fget, fset, fdel: args.arg(1) })))
}

fn object_repr(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let v = this(args);
    let s = vm.safe_repr(v);
    Ok(vm.new_string(s))
}

fn object_str(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let v = this(args);
    let s = vm.repr(v)?;
    Ok(vm.new_string(s))
}

fn self_return(_vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    Ok(this(args))
}

/// `BaseException.__new__(cls, *args)`.
fn exception_new(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Some(class) = args.pos.first().and_then(|c| c.obj()).filter(|c| matches!(vm.heap.get(*c), Object::Class(_))) else {
        return vm.type_error("BaseException.__new__(X): X is not a type object");
    };
    if !vm.is_subclass(class, vm.type_obj(TypeId::BaseException)) {
        let name = vm.class_name(class);
        return vm.type_error(format!("BaseException.__new__({name}): {name} is not a subtype of BaseException"));
    }
    Ok(vm.bare_instance(class, args.pos[1..].to_vec()))
}

/// `BaseException.__str__`: from the args alone (a subclass's `__str__` may call it).
#[cfg_attr(target_arch = "wasm32", track_caller)]
fn exception_str(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = this(args);
    let Some(e) = me.obj().and_then(|i| vm.exc_data(i)) else { return vm.str_value(me) };
    let a = e.args.clone();
    let key_error = vm.is_subclass(vm.type_of(me), vm.type_obj(TypeId::KeyError));
    let s = match a.len() {
        0 => String::new(),
        1 if !key_error => vm.str_of(a[0])?,
        1 => vm.repr(a[0])?,
        _ => {
            let t = vm.new_tuple(a);
            vm.repr(t)?
        }
    };
    Ok(vm.new_string(s))
}

/// `BaseException.__repr__`: `Name(args...)`.
fn exception_repr(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let me = this(args);
    let Some(e) = me.obj().and_then(|i| vm.exc_data(i)) else { return object_repr(vm, args) };
    let a = e.args.clone();
    let mut parts = Vec::new();
    for x in &a {
        parts.push(vm.repr(*x)?);
    }
    let name = vm.type_name(me);
    let inner = if a.len() == 1 { parts[0].clone() } else { parts.join(", ") };
    Ok(vm.new_string(format!("{name}({inner})")))
}

fn exception_init(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let rest = args.pos[1..].to_vec();
    if let Some(d) = vm.exc_data_mut(this_id(args)) {
        d.args = rest;
    }
    Ok(Value::None)
}

fn gen_send(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    match vm.send(this(args), args.arg(1))? {
        super::eval::FrameExit::Yield(v) => Ok(v),
        super::eval::FrameExit::Return(r) => {
            let a = if matches!(r, Value::None) { vec![] } else { vec![r] };
            Err(vm.exc_with_args(TypeId::StopIteration, a))
        }
    }
}

fn gen_next(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    args.pos.truncate(1);
    args.pos.push(Value::None);
    gen_send(vm, args)
}

fn gen_close(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.gen_close(this(args))?;
    Ok(Value::None)
}

fn gen_throw(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let mut exc = args.arg(1);
    if let (Some(v), Some(Object::Class(_))) = (args.pos.get(2), exc.obj().map(|i| vm.heap.get(i))) {
        if !matches!(v, Value::None) {
            exc = vm.call1(exc, *v)?;
        }
    }
    let exc = vm.make_exception(exc)?;
    match vm.gen_throw(this(args), exc)? {
        super::eval::FrameExit::Yield(v) => Ok(v),
        super::eval::FrameExit::Return(r) => {
            let a = if matches!(r, Value::None) { vec![] } else { vec![r] };
            Err(vm.exc_with_args(TypeId::StopIteration, a))
        }
    }
}

// ----- numbers -------------------------------------------------------------------

fn int_bit_count(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    Ok(match vm.num(this(args)) {
        Some(super::ops::Num::Int(i)) => Value::int(i.unsigned_abs().count_ones() as i64),
        Some(super::ops::Num::Big(b)) => Value::int(b.magnitude().to_u64_digits().iter().map(|d| d.count_ones() as i64).sum()),
        _ => Value::int(0),
    })
}

fn int_as_integer_ratio(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let n = match this(args) {
        Value::Bool(b) => Value::int(b as i64),
        v => v,
    };
    Ok(vm.new_tuple(vec![n, Value::int(1)]))
}

fn int_is_integer(_vm: &mut Vm, _args: &mut Args) -> PyResult<Value> {
    Ok(Value::Bool(true))
}

fn int_bit_length(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    Ok(match vm.num(this(args)) {
        Some(super::ops::Num::Int(i)) => Value::int(64 - i.unsigned_abs().leading_zeros() as i64),
        Some(super::ops::Num::Big(b)) => Value::int(b.bits() as i64),
        _ => Value::int(0),
    })
}

fn float_is_integer(_vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    Ok(match this(args) {
        Value::Float(f, _) => Value::Bool(f.is_finite() && f.fract() == 0.0),
        _ => Value::Bool(true),
    })
}

fn float_hex(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Value::Float(f, _) = this(args) else { return Ok(Value::None) };
    ret(vm, crate::runtime::float_hex::to_hex(f))
}

/// `float.fromhex(s)` (a class method: args.arg(0) is the class).
fn float_fromhex(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    use crate::runtime::float_hex::{from_hex, FromHexError};
    let Some(text) = text(vm, args.arg(1)) else {
        return vm.type_error("bad argument type for built-in operation");
    };
    match from_hex(&text) {
        Ok(f) => Ok(Value::float(f)),
        Err(FromHexError::Invalid) => vm.value_error("invalid hexadecimal floating-point string"),
        Err(FromHexError::TooLarge) => {
            Err(vm.exc(TypeId::OverflowError, "hexadecimal value too large to represent as a float"))
        }
    }
}

// ----- sequences -----------------------------------------------------------------

fn seq_index(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let items = list_items(vm, this_id(args)).clone();
    let len = items.len() as i64;
    let norm = |i: i64| if i < 0 { (i + len).max(0) } else { i.min(len) };
    let start = match args.pos.get(2) { Some(v) => norm(vm.index_of(*v)?), None => 0 };
    let stop = match args.pos.get(3) { Some(v) => norm(vm.index_of(*v)?), None => len };
    for i in start..stop {
        if vm.eq(items[i as usize], args.arg(1))? {
            return Ok(Value::int(i));
        }
    }
    if matches!(vm.heap.get(this_id(args)), Object::List(_)) {
        let r = vm.repr(args.arg(1))?;
        return vm.value_error(format!("{r} is not in list"));
    }
    vm.value_error("tuple.index(x): x not in tuple")
}

fn seq_count(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let items = list_items(vm, this_id(args)).clone();
    let mut n = 0;
    for x in items {
        if vm.eq(x, args.arg(1))? {
            n += 1;
        }
    }
    Ok(Value::int(n))
}

pub(super) fn list_append(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let v = args.arg(1);
    list_mut(vm, this_id(args)).push(v);
    Ok(Value::None)
}

fn list_extend(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let items = vm.collect_hinted(args.arg(1))?;
    list_mut(vm, this_id(args)).extend(items);
    Ok(Value::None)
}

fn list_pop(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let id = this_id(args);
    let len = list_items(vm, id).len() as i64;
    if len == 0 {
        return Err(vm.exc(TypeId::IndexError, "pop from empty list"));
    }
    let i = match args.pos.get(1) {
        Some(v) => vm.index_of(*v)?,
        None => len - 1,
    };
    let i = if i < 0 { i + len } else { i };
    if !(0..len).contains(&i) {
        return Err(vm.exc(TypeId::IndexError, "pop index out of range"));
    }
    Ok(list_mut(vm, id).remove(i as usize))
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn list_insert(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let id = this_id(args);
    let len = list_items(vm, id).len() as i64;
    let i = vm.index_of(args.arg(1))?;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    let v = args.arg(2);
    list_mut(vm, id).insert(i as usize, v);
    Ok(Value::None)
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn list_remove(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let id = this_id(args);
    let items = list_items(vm, id).clone();
    for (i, x) in items.into_iter().enumerate() {
        if vm.eq(x, args.arg(1))? {
            list_mut(vm, id).remove(i);
            return Ok(Value::None);
        }
    }
    vm.value_error("list.remove(x): x not in list")
}

fn list_sort(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let key = args.take_kw("key").filter(|k| !matches!(k, Value::None));
    let reverse = args.take_kw("reverse").unwrap_or(Value::Bool(false));
    let reverse = vm.truthy(reverse)?;
    let id = this_id(args);
    let mut items = std::mem::take(list_mut(vm, id));
    let r = vm.sort_values(&mut items, key, reverse);
    *list_mut(vm, id) = items;
    r?;
    Ok(Value::None)
}

fn list_reverse(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    list_mut(vm, this_id(args)).reverse();
    Ok(Value::None)
}

fn list_copy(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let items = list_items(vm, this_id(args)).clone();
    Ok(vm.new_list(items))
}

fn list_clear(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    list_mut(vm, this_id(args)).clear();
    Ok(Value::None)
}

// ----- dict ------------------------------------------------------------------------

pub(super) fn dict_get(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let found = vm.dict_get(this_id(args), args.arg(1))?;
    Ok(found.unwrap_or(args.pos.get(2).copied().unwrap_or(Value::None)))
}

fn view(vm: &mut Vm, args: &Args, kind: ViewKind) -> PyResult<Value> {
    Ok(Value::Obj(vm.heap.alloc(Object::DictView { dict: this_id(args), kind })))
}

fn dict_keys(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    view(vm, args, ViewKind::Keys)
}

fn dict_values(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    view(vm, args, ViewKind::Values)
}

fn dict_items(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    view(vm, args, ViewKind::Items)
}

fn dict_pop(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let k = args.arg(1);
    let h = vm.key_in(this_id(args), k)?;
    let removed = match vm.heap.get_mut(this_id(args)) {
        Object::Dict(d) => d.remove(&h),
        _ => None,
    };
    match (removed, args.pos.get(2)) {
        (Some((_, v)), _) => Ok(v),
        (None, Some(d)) => Ok(*d),
        (None, None) => Err(vm.key_error(k)),
    }
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn dict_setdefault(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let id = this_id(args);
    if let Some(v) = vm.dict_get(id, args.arg(1))? {
        return Ok(v);
    }
    let d = args.pos.get(2).copied().unwrap_or(Value::None);
    vm.dict_set(id, args.arg(1), d)?;
    Ok(d)
}

fn dict_update(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let d = this(args);
    if let Some(&other) = args.pos.get(1) {
        vm.dict_update(d, other, false)?;
    }
    for (k, v) in std::mem::take(&mut args.kw) {
        let k = vm.new_str(&k);
        vm.dict_set(this_id(args), k, v)?;
    }
    Ok(Value::None)
}

/// `dict.fromkeys(iterable, value=None)` (the first argument is the class or a dict).
fn dict_fromkeys(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let value = args.pos.get(2).copied().unwrap_or(Value::None);
    let d = vm.new_dict();
    for k in vm.collect_iterable(args.arg(1))? {
        vm.dict_set(d, k, value)?;
    }
    Ok(Value::Obj(d))
}

fn dict_copy(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let d = match vm.heap.get(this_id(args)) {
        Object::Dict(d) => d.clone(),
        _ => Default::default(),
    };
    Ok(Value::Obj(vm.heap.alloc(Object::Dict(d))))
}

fn dict_clear(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if let Object::Dict(d) = vm.heap.get_mut(this_id(args)) {
        d.clear();
    }
    Ok(Value::None)
}

fn dict_popitem(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let last = match vm.heap.get_mut(this_id(args)) {
        Object::Dict(d) => d.pop_last(),
        _ => None,
    };
    match last {
        Some((k, v)) => Ok(vm.new_tuple(vec![k, v])),
        None => Err(vm.exc(TypeId::KeyError, "popitem(): dictionary is empty")),
    }
}

// ----- set -------------------------------------------------------------------------

fn set_add(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    vm.set_add(this(args), args.arg(1))?;
    Ok(Value::None)
}

fn set_discard_inner(vm: &mut Vm, args: &Args) -> PyResult<bool> {
    let h = vm.key_in(this_id(args), args.arg(1))?;
    Ok(match vm.heap.get_mut(this_id(args)) {
        Object::Set { items, .. } => items.remove(&h).is_some(),
        _ => false,
    })
}

fn set_remove(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if !set_discard_inner(vm, args)? {
        return Err(vm.key_error(args.arg(1)));
    }
    Ok(Value::None)
}

fn set_discard(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    set_discard_inner(vm, args)?;
    Ok(Value::None)
}

fn set_pop(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let popped = match vm.heap.get_mut(this_id(args)) {
        Object::Set { items, .. } => items.pop(),
        _ => None,
    };
    match popped {
        Some(v) => Ok(v),
        None => Err(vm.exc(TypeId::KeyError, "pop from an empty set")),
    }
}

fn set_clear(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if let Object::Set { items, .. } = vm.heap.get_mut(this_id(args)) {
        items.clear();
    }
    Ok(Value::None)
}

fn set_copy(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let items = vm.set_items(this(args));
    let frozen = matches!(vm.heap.get(this_id(args)), Object::Set { frozen: true, .. });
    vm.new_set(items, frozen)
}

fn set_update(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    for other in args.pos[1..].to_vec() {
        for v in vm.collect_iterable(other)? {
            vm.set_add(this(args), v)?;
        }
    }
    Ok(Value::None)
}

fn set_with(vm: &mut Vm, args: &mut Args, op: usize) -> PyResult<Value> {
    let mut acc = this(args);
    for other in args.pos[1..].to_vec() {
        let items = vm.collect_iterable(other)?;
        let other = vm.new_set(items, false)?;
        acc = vm.set_op(acc, other, op, false)?;
    }
    if acc.is(this(args)) {
        let items = vm.set_items(acc);
        return vm.new_set(items, false);
    }
    Ok(acc)
}

/// `s.difference_update(*others)` and the like: `s op= set(other)` for each other, in place.
fn set_update_with(vm: &mut Vm, args: &mut Args, op: usize) -> PyResult<Value> {
    for other in args.pos[1..].to_vec() {
        let items = vm.collect_iterable(other)?;
        let other = vm.new_set(items, false)?;
        vm.set_op(this(args), other, op, true)?;
    }
    Ok(Value::None)
}

fn set_difference_update(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    set_update_with(vm, args, 10)
}

fn set_intersection_update(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    set_update_with(vm, args, 1)
}

fn set_symmetric_difference_update(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    set_update_with(vm, args, 12)
}

fn set_union(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    set_with(vm, args, 7)
}

fn set_intersection(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    set_with(vm, args, 1)
}

fn set_difference(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    set_with(vm, args, 10)
}

fn set_symmetric_difference(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    set_with(vm, args, 12)
}

fn set_relation(vm: &mut Vm, args: &mut Args, name: &str) -> PyResult<Value> {
    let mine = vm.set_items(this(args));
    let items = vm.collect_iterable(args.arg(1))?;
    let other = vm.new_set(items.clone(), false)?;
    let r = match name {
        "issubset" => {
            let mut ok = true;
            for x in mine {
                ok &= vm.contains(other, x)?;
            }
            ok
        }
        "issuperset" => {
            let mut ok = true;
            for x in items {
                ok &= vm.contains(this(args), x)?;
            }
            ok
        }
        _ => {
            let mut ok = true;
            for x in mine {
                ok &= !vm.contains(other, x)?;
            }
            ok
        }
    };
    Ok(Value::Bool(r))
}

fn set_issubset(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    set_relation(vm, args, "issubset")
}

fn set_issuperset(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    set_relation(vm, args, "issuperset")
}

fn set_isdisjoint(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    set_relation(vm, args, "isdisjoint")
}

// ----- str -------------------------------------------------------------------------

#[inline(always)]
fn s(vm: &Vm, args: &Args) -> PyStr {
    text(vm, this(args)).unwrap_or_else(|| PyStr::from(""))
}

fn ret(vm: &mut Vm, s: String) -> PyResult<Value> {
    Ok(vm.new_string(s))
}

fn str_upper(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let st = s(vm, args);
    let t = if st.is_ascii() { PyStr::map_ascii(&st, |b| b.to_ascii_uppercase()) } else { casemap::upper(&st).into() };
    Ok(fresh_str_value(&mut vm.heap, &mut vm.identity, t))
}

fn str_lower(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let st = s(vm, args);
    let t = if st.is_ascii() { PyStr::map_ascii(&st, |b| b.to_ascii_lowercase()) } else { casemap::lower(&st).into() };
    Ok(fresh_str_value(&mut vm.heap, &mut vm.identity, t))
}

fn strip_chars(vm: &mut Vm, args: &Args, name: &str) -> PyResult<Option<Vec<char>>> {
    match args.pos.get(1) {
        None | Some(Value::None) => Ok(None),
        Some(&v) => match text(vm, v) {
            Some(chars) => Ok(Some(chars.chars().collect())),
            None => vm.type_error(format!("{name} arg must be None or str")),
        },
    }
}

fn str_strip(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let chars = strip_chars(vm, args, "strip")?;
    let st = s(vm, args);
    let t = match chars {
        None => st.trim_matches(py_isspace),
        Some(c) => st.trim_matches(|x| c.contains(&x)),
    };
    Ok(same_or_new(vm, args, t))
}

fn str_casefold(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let t = casemap::casefold(&s(vm, args));
    ret(vm, t)
}

fn str_expandtabs(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let size = args.take_kw("tabsize").or(args.pos.get(1).copied());
    let size = match size {
        Some(v) => vm.index_of(v)?,
        None => 8,
    };
    let st = s(vm, args);
    let mut out = String::new();
    let mut col = 0i64;
    for c in st.chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - col % size;
                    out.push_str(&" ".repeat(n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(same_or_new(vm, args, &out))
}

fn str_lstrip(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let chars = strip_chars(vm, args, "lstrip")?;
    let st = s(vm, args);
    let t = match chars {
        None => st.trim_start_matches(py_isspace),
        Some(c) => st.trim_start_matches(|x| c.contains(&x)),
    };
    Ok(same_or_new(vm, args, t))
}

fn str_rstrip(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let chars = strip_chars(vm, args, "rstrip")?;
    let st = s(vm, args);
    let t = match chars {
        None => st.trim_end_matches(py_isspace),
        Some(c) => st.trim_end_matches(|x| c.contains(&x)),
    };
    Ok(same_or_new(vm, args, t))
}

fn split_args(vm: &mut Vm, args: &mut Args) -> PyResult<(Option<PyStr>, i64)> {
    let sep = args.take_kw("sep");
    let max = args.take_kw("maxsplit");
    let sep = args.pos.get(1).copied().or(sep).unwrap_or(Value::None);
    let max = args.pos.get(2).copied().or(max).unwrap_or(Value::int(-1));
    let sep = match sep {
        Value::None => None,
        v => {
            let t = str_arg(vm, v, "must be str or None")?;
            if t.is_empty() {
                return vm.value_error("empty separator");
            }
            Some(t)
        }
    };
    Ok((sep, vm.index_of(max)?))
}

/// The strs of a split's pieces. A piece that is the whole receiver is the receiver
/// itself when `may_share` (CPython's splits give back an exact str they found
/// nothing to split in).
fn pieces(heap: &mut Heap, singletons: &mut Singletons, recv: Value, parts: &[&str], may_share: bool) -> Vec<Value> {
    if let [whole] = parts {
        if may_share && exact_str_is(heap, recv, whole) {
            return vec![recv];
        }
    }
    parts.iter().map(|p| str_value(heap, singletons, PyStr::from(*p))).collect()
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn str_split(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (sep, max) = split_args(vm, args)?;
    let st = s(vm, args);
    // Pieces are slices of `st` (a handle of its own), each copied once into its str.
    let parts: Vec<&str> = match &sep {
        // A one-byte separator searches with memchr rather than two-way matching.
        Some(sep) if max < 0 => match ascii_char(sep) {
            Some(c) => split_at_byte(&st, c as u8),
            None => text::split(&st, sep, usize::MAX),
        },
        Some(sep) => text::split(&st, sep, max as usize),
        None if st.is_ascii() => split_ascii_whitespace(&st, max),
        None => {
            let mut out = Vec::new();
            let mut rest = st.trim_start_matches(py_isspace);
            while !rest.is_empty() {
                if max >= 0 && out.len() as i64 == max {
                    out.push(rest);
                    break;
                }
                let end = rest.find(py_isspace).unwrap_or(rest.len());
                out.push(substr(&rest, ..end));
                rest = substr(&rest, end..).trim_start_matches(py_isspace);
            }
            out
        }
    };
    // Split at whitespace with maxsplit=0, CPython copies even a whole str.
    let items = pieces(&mut vm.heap, &mut vm.identity, this(args), &parts, sep.is_some() || max != 0);
    Ok(vm.new_list(items))
}

/// `st.split(None, max)` of an ASCII str: its runs of non-whitespace (bytes
/// are chars, so no char decoding); with `max` ≥ 0 at most `max` splits.
fn split_ascii_whitespace(st: &str, max: i64) -> Vec<&str> {
    let bytes = st.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        while i < bytes.len() && is_ascii_space(bytes[i]) {
            i += 1;
        }
        if i == bytes.len() {
            break;
        }
        if max >= 0 && out.len() as i64 == max {
            out.push(substr(&st, i..));
            break;
        }
        let start = i;
        while i < bytes.len() && !is_ascii_space(bytes[i]) {
            i += 1;
        }
        out.push(substr(&st, start..i));
    }
    out
}

/// Python's `str.isspace` of one char: Unicode White_Space, plus the ASCII
/// information separators U+001C..U+001F, which Python counts as whitespace.
fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// `py_isspace` of an ASCII byte.
#[inline(always)]
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r' | 0x1c..=0x1f)
}

/// The pieces of `text` between the occurrences of the ASCII byte `sep`
/// (`text.split(sep)`): a plain byte loop, where `str::split` searches each
/// piece with memchr, whose setup costs more than the short pieces
/// (`",".join(...)` undone) take to scan.
#[cfg_attr(target_arch = "wasm32", track_caller)]
fn split_at_byte(text: &str, sep: u8) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    while let Some(i) = find_byte(substr(&text, start..), sep) {
        // An ASCII byte is a char boundary on both sides.
        out.push(substr(&text, start..start + i));
        start += i + 1;
    }
    out.push(substr(&text, start..));
    out
}

/// Where the ASCII byte `b` first occurs in `text`: a plain loop over the
/// first bytes (where short pieces end), memchr (`str::find`) past them.
#[inline]
fn find_byte(text: &str, b: u8) -> Option<usize> {
    debug_assert!(b.is_ascii());
    const NEAR: usize = 32;
    let bytes = text.as_bytes();
    match bytes[..bytes.len().min(NEAR)].iter().position(|&x| x == b) {
        Some(i) => Some(i),
        None if bytes.len() > NEAR => text.find(b as char),
        None => None,
    }
}

/// The char of a one-byte (ASCII) str.
fn ascii_char(s: &str) -> Option<char> {
    match s.as_bytes() {
        &[b] if b.is_ascii() => Some(b as char),
        _ => None,
    }
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn str_rsplit(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (sep, max) = split_args(vm, args)?;
    let st = s(vm, args);
    let mut parts: Vec<&str> = match &sep {
        Some(sep) if max < 0 => text::rsplit(&st, sep, usize::MAX),
        Some(sep) => text::rsplit(&st, sep, max as usize),
        None => {
            let mut out = Vec::new();
            let mut rest = st.trim_end_matches(py_isspace);
            while !rest.is_empty() {
                if max >= 0 && out.len() as i64 == max {
                    out.push(rest);
                    break;
                }
                let start = rest.rfind(py_isspace).map(|i| i + substr(&rest, i..).chars().next().unwrap().len_utf8()).unwrap_or(0);
                out.push(substr(&rest, start..));
                rest = substr(&rest, ..start).trim_end_matches(py_isspace);
            }
            out
        }
    };
    parts.reverse();
    // Split at whitespace with maxsplit=0, CPython copies even a whole str.
    let items = pieces(&mut vm.heap, &mut vm.identity, this(args), &parts, sep.is_some() || max != 0);
    Ok(vm.new_list(items))
}

fn str_join(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let sep = s(vm, args);
    let items = vm.collect_hinted(args.arg(1))?;
    // One exact str is its own join, whatever the separator (as in CPython).
    if let [item] = items[..] {
        if let Some(Object::Str(_)) = item.obj().map(|id| vm.heap.get(id)) {
            return Ok(item);
        }
    }
    let mut out = String::new();
    for (i, v) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match text(vm, v) {
            Some(t) => out.push_str(&t),
            None => {
                let t = vm.type_name(v);
                return vm.type_error(format!("sequence item {i}: expected str instance, {t} found"));
            }
        }
    }
    Ok(fresh_str_value(&mut vm.heap, &mut vm.identity, out.into()))
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn str_replace(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let st = s(vm, args);
    let old = clinic_str_arg(vm, args.arg(1), "replace() argument 1")?;
    let new = clinic_str_arg(vm, args.arg(2), "replace() argument 2")?;
    let count = match args.pos.get(3) { Some(v) => vm.index_of(*v)?, None => -1 };
    let t = text::replacen(&st, &old, &new, if count < 0 { usize::MAX } else { count as usize });
    Ok(same_or_new(vm, args, &t))
}

fn affix(vm: &mut Vm, args: &mut Args, name: &str, start: bool) -> PyResult<Value> {
    let st = s(vm, args);
    let sliced: String;
    let sub: &str = if args.pos.len() == 2 {
        &st
    } else {
        // start/end count characters; an ASCII str's are its bytes.
        let len = if st.is_ascii() { st.len() } else { st.chars().count() } as i64;
        let norm = |i: i64| if i < 0 { (i + len).max(0) } else { i.min(len) };
        let lo = match args.pos.get(2) { Some(Value::None) | None => 0, Some(v) => norm(vm.index_of(*v)?) };
        let hi = match args.pos.get(3) { Some(Value::None) | None => len, Some(v) => norm(vm.index_of(*v)?) };
        if lo > hi {
            ""
        } else if st.is_ascii() {
            substr(&st, lo as usize..hi as usize)
        } else {
            sliced = st.chars().skip(lo as usize).take((hi - lo) as usize).collect();
            &sliced
        }
    };
    let test = |c: &str| if start { sub.starts_with(c) } else { sub.ends_with(c) };
    let cands = match args.arg(1).obj().map(|i| vm.heap.get(i)) {
        Some(Object::Tuple(items)) => items.clone(),
        Some(Object::Str(c)) => return Ok(Value::Bool(test(c))),
        _ => {
            let t = vm.type_name(args.arg(1));
            return vm.type_error(format!("{name} first arg must be str or a tuple of str, not {t}"));
        }
    };
    for c in cands {
        let c = str_arg(vm, c, &format!("tuple for {name} must only contain str"))?;
        if test(&c) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn str_startswith(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    affix(vm, args, "startswith", true)
}

fn str_endswith(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    affix(vm, args, "endswith", false)
}

/// Character index of `sub` in the string (searching from the right with `rev`).
fn find_impl(vm: &mut Vm, args: &mut Args, rev: bool) -> PyResult<Option<i64>> {
    let st = s(vm, args);
    let sub = str_arg(vm, args.arg(1), "must be str")?;
    let chars: Vec<char> = st.chars().collect();
    let len = chars.len() as i64;
    let norm = |i: i64| if i < 0 { (i + len).max(0) } else { i.min(len) };
    let lo = match args.pos.get(2) { Some(Value::None) | None => 0, Some(v) => norm(vm.index_of(*v)?) };
    let hi = match args.pos.get(3) { Some(Value::None) | None => len, Some(v) => norm(vm.index_of(*v)?) };
    if lo > hi {
        return Ok(None);
    }
    let hay: String = chars[lo as usize..hi as usize].iter().collect();
    let found = if rev { text::rfind(&hay, &sub) } else { text::find(&hay, &sub) };
    Ok(found.map(|b| lo + text::substr(&hay, ..b).chars().count() as i64))
}

fn str_find(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    Ok(Value::int(find_impl(vm, args, false)?.unwrap_or(-1)))
}

fn str_rfind(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    Ok(Value::int(find_impl(vm, args, true)?.unwrap_or(-1)))
}

fn str_index(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    match find_impl(vm, args, false)? {
        Some(i) => Ok(Value::int(i)),
        None => vm.value_error("substring not found"),
    }
}

fn str_rindex(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    match find_impl(vm, args, true)? {
        Some(i) => Ok(Value::int(i)),
        None => vm.value_error("substring not found"),
    }
}

fn str_count(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let st = s(vm, args);
    let sub = str_arg(vm, args.arg(1), "must be str")?;
    let n = if sub.is_empty() { st.chars().count() + 1 } else { text::count(&st, &sub) };
    Ok(Value::int(n as i64))
}

fn str_pred(vm: &mut Vm, args: &mut Args, f: fn(&str) -> bool) -> PyResult<Value> {
    let st = s(vm, args);
    Ok(Value::Bool(!st.is_empty() && f(&st)))
}

fn str_isdigit(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    str_pred(vm, args, |s| s.chars().all(|c| c.is_numeric()))
}

fn str_isascii(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    Ok(Value::Bool(s(vm, args).is_ascii()))
}

fn str_isidentifier(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    Ok(Value::Bool(crate::syntax::is_identifier(&s(vm, args))))
}

/// True for "" too, unlike the other predicates.
fn str_isprintable(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    Ok(Value::Bool(s(vm, args).chars().all(crate::runtime::repr::is_printable)))
}

fn str_istitle(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    str_pred(vm, args, casemap::is_title)
}

/// `s.translate(table)`: each character's `table[ord(c)]`, which is a str, a code
/// point, None (drop it) or missing (a LookupError: keep it).
fn str_translate(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let st = s(vm, args);
    let table = args.arg(1);
    let lookup_error = vm.type_obj(TypeId::LookupError);
    let mut out = String::with_capacity(st.len());
    for c in st.chars() {
        let mapped = match vm.getitem(table, Value::int(c as i64)) {
            Ok(v) => v,
            Err(e) if vm.is_subclass(vm.type_of(Value::Obj(e.0)), lookup_error) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        match mapped {
            Value::None => {}
            Value::Int(code, _) => match u32::try_from(code).ok().and_then(char::from_u32) {
                Some(m) => out.push(m),
                // A lone surrogate is a code point we cannot hold in a str.
                None if (0..0x110000).contains(&code) => {
                    return vm.value_error("pvm's str cannot hold a lone surrogate code point")
                }
                None => return vm.value_error("character mapping must be in range(0x110000)"),
            },
            v => match text(vm, v) {
                Some(t) => out.push_str(&t),
                None => return vm.type_error("character mapping must return integer, None or str"),
            },
        }
    }
    ret(vm, out)
}

/// `str.maketrans(x[, y[, z]])`: a table for `translate`, keyed by code point.
fn str_maketrans(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    // args.arg(0) is the class (bound like a classmethod).
    let table = vm.new_dict();
    let (x, y, z) = (args.arg(1), args.pos.get(2).copied(), args.pos.get(3).copied());
    let Some(y) = y else {
        let pairs: Vec<(Value, Value)> = match x.obj().and_then(|id| vm.heap.lookup(id)) {
            Some(Object::Dict(d)) => d.iter().collect(),
            _ => return vm.type_error("if you give only one argument to maketrans it must be a dict"),
        };
        for (k, v) in pairs {
            let key = match (k, text(vm, k)) {
                (Value::Int(..), _) => k,
                (_, Some(t)) if t.chars().count() == 1 => Value::int(t.chars().next().unwrap_or('\0') as i64),
                (_, Some(_)) => return vm.value_error("string keys in translate table must be of length 1"),
                _ => return vm.type_error("keys in translate table must be strings or integers"),
            };
            vm.dict_set(table, key, v)?;
        }
        return Ok(Value::Obj(table));
    };
    let Some(from) = text(vm, x) else {
        return vm.type_error("first maketrans argument must be a string if there is a second argument");
    };
    let to = clinic_str_arg(vm, y, "maketrans() argument 2")?;
    let drop = match z {
        Some(z) => Some(clinic_str_arg(vm, z, "maketrans() argument 3")?),
        None => None,
    };
    if from.chars().count() != to.chars().count() {
        return vm.value_error("the first two maketrans arguments must have equal length");
    }
    for (a, b) in from.chars().zip(to.chars()) {
        vm.dict_set(table, Value::int(a as i64), Value::int(b as i64))?;
    }
    for c in drop.iter().flat_map(|d| d.chars()) {
        vm.dict_set(table, Value::int(c as i64), Value::None)?;
    }
    Ok(Value::Obj(table))
}

fn str_isalpha(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    str_pred(vm, args, |s| s.chars().all(char::is_alphabetic))
}

fn str_isalnum(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    str_pred(vm, args, |s| s.chars().all(char::is_alphanumeric))
}

fn str_isspace(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    str_pred(vm, args, |s| s.chars().all(char::is_whitespace))
}

fn str_isupper(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    str_pred(vm, args, casemap::is_upper)
}

fn str_islower(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    str_pred(vm, args, casemap::is_lower)
}

fn str_capitalize(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let t = casemap::capitalize(&s(vm, args));
    ret(vm, t)
}

fn str_title(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let t = casemap::title(&s(vm, args));
    ret(vm, t)
}

fn str_swapcase(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let t = casemap::swapcase(&s(vm, args));
    ret(vm, t)
}

fn pad_args(vm: &mut Vm, args: &mut Args) -> PyResult<(usize, char)> {
    let w = vm.index_of(args.arg(1))?.max(0) as usize;
    let fill = match args.pos.get(2) {
        Some(v) => {
            let f = str_arg(vm, *v, "The fill character must be a unicode character")?;
            let mut cs = f.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => c,
                _ => return vm.type_error("The fill character must be exactly one character long"),
            }
        }
        None => ' ',
    };
    // The padded string is allocated whole: a huge width is CPython's MemoryError, not an abort.
    vm.check_size(w, fill.len_utf8())?;
    Ok((w, fill))
}

fn str_center(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (w, fill) = pad_args(vm, args)?;
    let st = s(vm, args);
    let n = st.chars().count();
    if n >= w {
        return Ok(this(args));
    }
    let total = w - n;
    // CPython puts the extra fill on the left when the string length is odd.
    let left = total / 2 + (total & n & 1);
    let f = |k: usize| std::iter::repeat(fill).take(k).collect::<String>();
    ret(vm, format!("{}{}{}", f(left), st, f(total - left)))
}

fn str_ljust(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (w, fill) = pad_args(vm, args)?;
    let st = s(vm, args);
    let n = st.chars().count();
    if n >= w {
        return Ok(this(args));
    }
    let pad: String = std::iter::repeat(fill).take(w.saturating_sub(n)).collect();
    ret(vm, format!("{st}{pad}"))
}

fn str_rjust(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (w, fill) = pad_args(vm, args)?;
    let st = s(vm, args);
    let n = st.chars().count();
    if n >= w {
        return Ok(this(args));
    }
    let pad: String = std::iter::repeat(fill).take(w.saturating_sub(n)).collect();
    ret(vm, format!("{pad}{st}"))
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn str_zfill(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let w = vm.index_of(args.arg(1))?.max(0) as usize;
    vm.check_size(w, 1)?;
    let st = s(vm, args);
    let n = st.chars().count();
    if n >= w {
        return Ok(this(args));
    }
    let zeros = "0".repeat(w - n);
    let t = match st.chars().next() {
        Some(c @ ('+' | '-')) => format!("{c}{zeros}{}", substr(&st, 1..)),
        _ => format!("{zeros}{st}"),
    };
    ret(vm, t)
}

/// `str.splitlines(keepends=False)`: splits at every line boundary Python
/// knows (`\r\n`, `\n`, `\r`, `\v`, `\f`, `\x1c`-`\x1e`, `\x85`, U+2028, U+2029).
#[cfg_attr(target_arch = "wasm32", track_caller)]
fn str_splitlines(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let keepends = match args.take_kw("keepends").or(args.pos.get(1).copied()) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let st = s(vm, args);
    let mut lines = Vec::new();
    let mut rest: &str = &st;
    while !rest.is_empty() {
        let Some((at, c)) = rest.char_indices().find(|&(_, c)| matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c'..='\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}')) else {
            lines.push(rest);
            break;
        };
        let eol = if substr(&rest, at..).starts_with("\r\n") { 2 } else { c.len_utf8() };
        lines.push(substr(&rest, ..if keepends { at + eol } else { at }));
        rest = substr(&rest, at + eol..);
    }
    let items = pieces(&mut vm.heap, &mut vm.identity, this(args), &lines, true);
    Ok(vm.new_list(items))
}

fn partition(vm: &mut Vm, args: &mut Args, rev: bool) -> PyResult<Value> {
    let (whole, sep_obj) = (this(args), args.arg(1));
    let st = s(vm, args);
    let sep = str_arg(vm, sep_obj, "must be str")?;
    if sep.is_empty() {
        return vm.value_error("empty separator");
    }
    let found = match (ascii_char(&sep), rev) {
        (Some(c), false) => find_byte(&st, c as u8),
        (Some(c), true) => st.rfind(c),
        (None, false) => text::find(&st, &sep),
        (None, true) => text::rfind(&st, &sep),
    };
    // As in CPython, the separator object itself is the middle item, and a
    // str without it is its own item: only the pieces around it are new.
    let items = match found {
        Some(i) => vec![vm.new_str(substr(&st, ..i)), sep_obj, vm.new_str(substr(&st, i + sep.len()..))],
        None => {
            let empty = vm.new_str("");
            if rev { vec![empty, empty, whole] } else { vec![whole, empty, empty] }
        }
    };
    Ok(vm.new_tuple(items))
}

fn str_partition(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    if let Some(v) = partition_fast(&mut vm.heap, &mut vm.identity, this(args), args.arg(1)) {
        return Ok(v);
    }
    partition(vm, args, false)
}

/// `whole.partition(sep)` of an exact str by an exact, non-empty str, from
/// the heap alone (run mode's loop answers it without leaving; the method
/// starts here too): what `partition` gives, including its identities.
/// None for anything else, which `partition` answers or raises.
pub(super) fn partition_fast(heap: &mut Heap, singletons: &mut Singletons, whole: Value, sep_obj: Value) -> Option<Value> {
    let (Some(Object::Str(st)), Some(Object::Str(sep))) = (heap.lookup(whole.obj()?), heap.lookup(sep_obj.obj()?)) else {
        return None;
    };
    let found = match ascii_char(sep) {
        Some(c) => find_byte(st, c as u8),
        None if sep.is_empty() => return None,
        None => text::find(st, sep),
    };
    let items = match found {
        Some(i) => {
            let (head, tail) = (PyStr::from(substr(&st, ..i)), PyStr::from(substr(&st, i + sep.len()..)));
            let head = str_value(heap, singletons, head);
            vec![head, sep_obj, str_value(heap, singletons, tail)]
        }
        None => {
            let empty = str_value(heap, singletons, PyStr::from(""));
            vec![whole, empty, empty]
        }
    };
    Some(Value::Obj(heap.alloc(Object::Tuple(items))))
}

/// A builtin method of an exact str called with positional arguments
/// `args` (the receiver not included), answered from the heap alone for
/// run mode's loop, which then need not leave for the general call path:
/// `partition`, `startswith`/`endswith` of one str, `lower`/`upper` of an
/// ASCII str, `split()` of an ASCII str and `split(c)` by one ASCII char.
/// Each gives what the method itself gives (they share these helpers);
/// None for anything else, which the method answers or raises.
pub(super) fn str_method_fast(heap: &mut Heap, singletons: &mut Singletons, func: BuiltinFn, recv: Value, args: &[Value]) -> Option<Value> {
    let same = |f: BuiltinFn| f as usize == func as usize;
    match args {
        [arg] if same(str_partition) => partition_fast(heap, singletons, recv, *arg),
        [arg] if same(str_startswith) || same(str_endswith) => {
            let (Some(Object::Str(st)), Some(Object::Str(affix))) = (heap.lookup(recv.obj()?), heap.lookup(arg.obj()?)) else {
                return None;
            };
            Some(Value::Bool(if same(str_startswith) { st.starts_with(&**affix) } else { st.ends_with(&**affix) }))
        }
        [] if same(str_lower) || same(str_upper) => {
            let Some(Object::Str(st)) = heap.lookup(recv.obj()?) else { return None };
            if !st.is_ascii() {
                return None;
            }
            let mapped = if same(str_lower) { PyStr::map_ascii(st, |b| b.to_ascii_lowercase()) } else { PyStr::map_ascii(st, |b| b.to_ascii_uppercase()) };
            Some(fresh_str_value(heap, singletons, mapped))
        }
        [] | [_] if same(str_split) => split_fast(heap, singletons, recv, args.first().copied()),
        _ => None,
    }
}

/// `recv.split()` of an exact ASCII str, or `recv.split(sep)` by an exact
/// one-char ASCII str: the list `str_split` gives. None for anything else.
fn split_fast(heap: &mut Heap, singletons: &mut Singletons, recv: Value, sep: Option<Value>) -> Option<Value> {
    let Some(Object::Str(st)) = heap.lookup(recv.obj()?) else { return None };
    let sep = match sep {
        None if st.is_ascii() => None,
        None => return None,
        Some(v) => match heap.lookup(v.obj()?) {
            Some(Object::Str(sep)) => Some(ascii_char(sep)? as u8),
            _ => return None,
        },
    };
    // The pieces borrow this handle of the text while the heap allocates.
    let st = st.clone();
    let parts = match sep {
        Some(b) => split_at_byte(&st, b),
        None => split_ascii_whitespace(&st, -1),
    };
    let items = pieces(heap, singletons, recv, &parts, true);
    Some(Value::Obj(heap.alloc(Object::List(items))))
}

fn str_rpartition(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    partition(vm, args, true)
}

fn str_removeprefix(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let st = s(vm, args);
    let p = clinic_str_arg(vm, args.arg(1), "removeprefix() argument")?;
    let t = st.strip_prefix(&*p).unwrap_or(&st);
    Ok(same_or_new(vm, args, t))
}

fn str_removesuffix(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let st = s(vm, args);
    let p = clinic_str_arg(vm, args.arg(1), "removesuffix() argument")?;
    let t = st.strip_suffix(&*p).unwrap_or(&st);
    Ok(same_or_new(vm, args, t))
}

/// `str.format`: `{}`, `{0}`, `{name}`, `{x.attr}`, `{x[0]}`, `!r`/`!s`, `:spec`.
fn str_format(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let pos = args.pos[1..].to_vec();
    let kw = std::mem::take(&mut args.kw);
    format_fields(vm, args, &pos, Named::Keywords(kw))
}

/// `str.format_map(mapping)`: `{name}` is `mapping[name]` (a dict subclass's
/// `__missing__` included); positional fields are refused.
fn str_format_map(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let mapping = args.arg(1);
    format_fields(vm, args, &[], Named::Mapping(mapping))
}

/// Where a format string's `{name}` fields find their values.
enum Named {
    Keywords(Vec<(Rc<str>, Value)>),
    Mapping(Value),
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn format_fields(vm: &mut Vm, args: &Args, pos: &[Value], named: Named) -> PyResult<Value> {
    let st = s(vm, args);
    let mut out = String::new();
    // CPython gives back the very object written when the result is one whole str
    // write: the format string itself if it has no fields (and no escapes), or a
    // lone field's str if nothing else is written and its spec changes nothing.
    let (mut fields, mut literal) = (0usize, false);
    let mut whole = None;
    let mut auto = 0usize;
    let chars: Vec<char> = st.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' && chars.get(i + 1) == Some(&'{') {
            out.push('{');
            (literal, i) = (true, i + 2);
            continue;
        }
        if c == '}' && chars.get(i + 1) == Some(&'}') {
            out.push('}');
            (literal, i) = (true, i + 2);
            continue;
        }
        if c == '}' {
            return vm.value_error("Single '}' encountered in format string");
        }
        if c != '{' {
            out.push(c);
            (literal, i) = (true, i + 1);
            continue;
        }
        let mut depth = 1;
        let mut j = i + 1;
        while j < chars.len() && depth > 0 {
            match chars[j] {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            j += 1;
        }
        if depth > 0 {
            return vm.value_error("Single '{' encountered in format string");
        }
        let field: String = chars[i + 1..j - 1].iter().collect();
        i = j;
        let (field, spec) = match field.find(':') {
            Some(p) => (substr(&field, ..p).to_string(), substr(&field, p + 1..).to_string()),
            None => (field, String::new()),
        };
        let (field, conv) = match field.find('!') {
            Some(p) => (substr(&field, ..p).to_string(), substr(&field, p + 1..).chars().next()),
            None => (field, None),
        };
        let name_end = field.find(['.', '[']).unwrap_or(field.len());
        let (name, rest) = text::split_at(&field, name_end);
        let positional = name.is_empty() || name.parse::<usize>().is_ok();
        if positional && matches!(named, Named::Mapping(_)) {
            return vm.value_error("Format string contains positional fields");
        }
        let mut v = if name.is_empty() {
            let v = pos.get(auto).copied();
            auto += 1;
            match v {
                Some(v) => v,
                None => {
                    return Err(vm.exc(
                        TypeId::IndexError,
                        format!("Replacement index {} out of range for positional args tuple", auto - 1),
                    ))
                }
            }
        } else if let Ok(n) = name.parse::<usize>() {
            match pos.get(n) {
                Some(v) => *v,
                None => {
                    return Err(vm.exc(
                        TypeId::IndexError,
                        format!("Replacement index {n} out of range for positional args tuple"),
                    ))
                }
            }
        } else {
            match &named {
                Named::Keywords(kw) => match kw.iter().find(|(k, _)| &**k == name) {
                    Some((_, v)) => *v,
                    None => {
                        let k = vm.new_str(name);
                        return Err(vm.key_error(k));
                    }
                },
                Named::Mapping(mapping) => {
                    let k = vm.new_str(name);
                    vm.getitem(*mapping, k)?
                }
            }
        };
        let mut rest = rest;
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('.') {
                let end = r.find(['.', '[']).unwrap_or(r.len());
                v = vm.getattr(v, substr(&r, ..end))?;
                rest = substr(&r, end..);
            } else if let Some(r) = rest.strip_prefix('[') {
                let end = r.find(']').unwrap_or(r.len());
                let key = substr(&r, ..end);
                let k = match key.parse::<i64>() {
                    Ok(n) => Value::int(n),
                    Err(_) => vm.new_str(key),
                };
                v = vm.getitem(v, k)?;
                rest = r.get(end + 1..).unwrap_or("");
            } else {
                break;
            }
        }
        let v = match conv {
            Some('r') => vm.repr_value(v)?,
            Some('s') => vm.str_value(v)?,
            Some('a') => vm.ascii_value(v)?,
            _ => v,
        };
        let piece = vm.format(v, &spec)?;
        fields += 1;
        whole = exact_str_is(&vm.heap, v, &piece).then_some(v);
        out.push_str(&piece);
    }
    match (fields, whole) {
        // No escapes either: the output is the format string itself.
        (0, _) if out.len() == st.len() => {
            if exact_str_is(&vm.heap, this(args), &out) {
                return Ok(this(args));
            }
        }
        (1, Some(v)) if !literal => return Ok(v),
        _ => {}
    }
    ret(vm, out)
}

/// A method's result `t`: the receiver itself if it is an exact str with that text
/// (CPython's strip, replace, expandtabs, removeprefix... give back an unchanged str).
fn same_or_new(vm: &mut Vm, args: &Args, t: &str) -> Value {
    if exact_str_is(&vm.heap, this(args), t) {
        return this(args);
    }
    vm.new_str(t)
}

/// Whether `v` is an exact str (not a subclass's instance) whose text is `text`:
/// then a method whose result is `text` gives back `v` itself, as CPython's do.
pub(super) fn exact_str_is(heap: &Heap, v: Value, text: &str) -> bool {
    matches!(v.obj().and_then(|id| heap.lookup(id)), Some(Object::Str(s)) if s.as_str() == text)
}


// ----- type, range, slice ----------------------------------------------------------

/// `C.mro()`: the method resolution order as a list (`C.__mro__` is the tuple).
fn type_mro(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let mro = vm.mro_of(this_id(args)).into_iter().map(Value::Obj).collect();
    Ok(vm.new_list(mro))
}

/// The position of `v` in range `r`, if `v` is an int inside it.
fn range_position(vm: &mut Vm, args: &Args) -> Option<i64> {
    let Object::Range { start, stop, step } = *vm.heap.get(this_id(args)) else { return None };
    let v = match args.pos.get(1)? {
        Value::Int(i, _) => *i,
        Value::Bool(b) => *b as i64,
        _ => return None,
    };
    let inside = if step > 0 { start <= v && v < stop } else { stop < v && v <= start };
    (inside && (v - start) % step == 0).then(|| (v - start) / step)
}

fn range_index(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    match range_position(vm, args) {
        Some(i) => Ok(Value::int(i)),
        None => {
            let r = vm.repr(args.arg(1))?;
            vm.value_error(format!("{r} is not in range"))
        }
    }
}

fn range_count(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    Ok(Value::int(range_position(vm, args).is_some() as i64))
}

/// `slice.indices(len)`: (start, stop, step) resolved against a sequence of length `len`.
fn slice_indices(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let len = vm.index_of(args.arg(1))?;
    if len < 0 {
        return vm.value_error("length should not be negative");
    }
    let (start, stop, step, _) = vm.slice_indices(this_id(args), len as usize)?;
    Ok(vm.new_tuple(vec![Value::int(start), Value::int(stop), Value::int(step)]))
}

/// `float.as_integer_ratio()`: the exact fraction, in lowest terms, with a positive denominator.
fn float_as_integer_ratio(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let Value::Float(f, _) = this(args) else { return Ok(Value::None) };
    if f.is_nan() {
        return vm.value_error("cannot convert NaN to integer ratio");
    }
    if f.is_infinite() {
        return Err(vm.exc(TypeId::OverflowError, "cannot convert Infinity to integer ratio".to_string()));
    }
    let bits = f.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let mut mantissa = bits & ((1 << 52) - 1);
    if biased != 0 {
        mantissa |= 1 << 52;
    }
    let mut exponent = biased.max(1) - 1075;
    if mantissa == 0 {
        return Ok(vm.new_tuple(vec![Value::int(0), Value::int(1)]));
    }
    let shift = (mantissa.trailing_zeros() as i64).min((-exponent).max(0));
    mantissa >>= shift;
    exponent += shift;
    let mut numerator = num_bigint::BigInt::from(mantissa);
    if f < 0.0 {
        numerator = -numerator;
    }
    let mut denominator = num_bigint::BigInt::from(1);
    if exponent >= 0 {
        numerator <<= exponent as usize;
    } else {
        denominator <<= (-exponent) as usize;
    }
    let (n, d) = (vm.new_int(numerator), vm.new_int(denominator));
    Ok(vm.new_tuple(vec![n, d]))
}

/// `it.__next__()` of the builtin iterators: the next item, or StopIteration.
fn iterator_next(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    match vm.next(this(args))? {
        Some(v) => Ok(v),
        None => Err(vm.exc_with_args(TypeId::StopIteration, vec![])),
    }
}

impl Vm {
    /// CALL of a builtin method looked up on a str, list, tuple or dict
    /// (`s.split()`, `d.get(k, 0)`, `parts.append(x)`) with positional
    /// arguments only: they go from the stack into one exactly sized vector,
    /// without the general call path's intermediate vectors and checks.
    /// `base` is the stack index of the descriptor, the receiver follows it.
    /// False when the call needs the general path.
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub(super) fn try_fast_method_call(&mut self, descriptor: ObjId, base: usize) -> PyResult<bool> {
        let Object::Descriptor(d) = self.heap.get(descriptor) else { return Ok(false) };
        let (func, owner, sig) = (d.func, d.owner, d.sig);
        if d.kind != crate::runtime::object::DescrKind::Method {
            return Ok(false);
        }
        let frame = self.frames.last().expect("frame");
        let args = &frame.stack[base + 1..];
        // The wrong number of arguments takes the general path, which raises
        // the method's error.
        if !sig.fits(args.len() - 1) {
            return Ok(false);
        }
        // The receiver is the builtin value itself (a subclass instance
        // carries its value as a payload: the general path unwraps it).
        let receiver_fits = match args[0].obj().map(|id| self.heap.get(id)) {
            Some(Object::Str(_)) => owner == TypeId::Str,
            Some(Object::List(_)) => owner == TypeId::List,
            Some(Object::Tuple(_)) => owner == TypeId::Tuple,
            Some(Object::Dict(_)) => owner == TypeId::Dict,
            _ => false,
        };
        if !receiver_fits || self.any_generator(&args[1..]) {
            return Ok(false);
        }
        self.call_builtin_on_stack(func, None, base + 1, base)?;
        Ok(true)
    }

    /// CALL of a builtin type (`str(i)`, `int(s)`, `list(xs)`) with
    /// positional arguments only: the arguments go from the stack into one
    /// vector, as for `try_fast_method_call`, and to `construct` without
    /// the general path's `prepare_call`/`instantiate`. `base` is the stack
    /// index of the NULL below the class. False when the call needs the
    /// general path (a user metaclass, an exception type, a generator
    /// argument to release afterwards).
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub(super) fn try_fast_type_call(&mut self, class: ObjId, base: usize) -> PyResult<bool> {
        // What `prepare_call` and `instantiate` do for these classes.
        let t = match self.heap.get(class) {
            Object::Class(c) if c.metaclass.is_none() => match c.builtin {
                Some(t) if !t.is_exception() && t != TypeId::Object => t,
                _ => return Ok(false),
            },
            _ => return Ok(false),
        };
        let args = &self.frames.last().expect("frame").stack[base + 2..];
        if self.any_generator(args) {
            return Ok(false);
        }
        let result = match (t, args) {
            // `str(x)`, as `construct` answers it, without the argument vector.
            (TypeId::Str, &[x]) => {
                self.frames.last_mut().expect("frame").stack.truncate(base);
                self.str_value(x)
            }
            // `int(x)`, as `construct` answers it, without the argument vector.
            (TypeId::Int, &[x]) => {
                self.frames.last_mut().expect("frame").stack.truncate(base);
                self.int_of(x)
            }
            _ => {
                let pos = args.to_vec();
                self.frames.last_mut().expect("frame").stack.truncate(base);
                super::builtins::construct(self, t, Args::new(pos))
            }
        };
        self.push(result?);
        Ok(true)
    }
}

impl Vm {
    /// BUILD_STRING: the top `n` stack values (an f-string's pieces, strs
    /// in compiled code) replaced by one str (see `join_top_strs`).
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub(super) fn build_string(&mut self, n: usize) -> PyResult<()> {
        let stack = &mut self.frames.last_mut().expect("frame").stack;
        if join_top_strs(&mut self.heap, &mut self.identity, stack, n) {
            return Ok(());
        }
        // Not all strs (hand-made bytecode): each piece's str().
        let pieces = stack.split_off(stack.len().saturating_sub(n));
        let mut text = String::new();
        for p in pieces {
            text.push_str(&self.str_of(p)?);
        }
        let v = self.new_string(text);
        self.push(v);
        Ok(())
    }

    /// `format(v, spec)` as a value. An empty spec is CPython's fast path, which gives
    /// the str itself or an int's str (a fresh object); any other goes through `__format__`.
    pub(super) fn format_value(&mut self, v: Value, spec: &str) -> PyResult<Value> {
        if spec.is_empty() {
            return self.format_plain(v);
        }
        let s = self.format(v, spec)?;
        // An exact str that the spec leaves as it is comes back itself.
        if exact_str_is(&self.heap, v, &s) {
            return Ok(v);
        }
        Ok(self.new_string(s))
    }

    /// FORMAT_VALUE without a format spec: `format(v, "")` (see `format_plain_fast`).
    pub(super) fn format_plain(&mut self, v: Value) -> PyResult<Value> {
        if let Some(r) = format_plain_fast(&mut self.heap, v) {
            return Ok(r);
        }
        if let Value::Bool(_) = v {
            return self.str_value(v); // the interned name, as `str(v)`
        }
        let s = self.format(v, "")?;
        Ok(self.new_string(s))
    }
}

/// BUILD_STRING when the top `n` stack values are all strs (and at most 16,
/// as f-strings mostly are): replaced by their concatenation, made with a
/// single allocation; false (the stack untouched) for anything else, which
/// `Vm::build_string` joins by `str()`. `dispatch` and run mode's loop both
/// start here.
pub(super) fn join_top_strs(heap: &mut Heap, singletons: &mut Singletons, stack: &mut Vec<Value>, n: usize) -> bool {
    const MAX_PIECES: usize = 16;
    let Some(at) = stack.len().checked_sub(n) else { return false };
    if n > MAX_PIECES {
        return false;
    }
    let mut parts = [""; MAX_PIECES];
    let mut len = 0usize;
    for (k, &v) in stack[at..].iter().enumerate() {
        let Value::Obj(id) = v else { return false };
        let Some(Object::Str(s)) = heap.lookup(id) else { return false };
        parts[k] = s.as_str();
        len += s.len();
    }
    if n == 1 {
        return true; // one str is its own join, as in CPython
    }
    let joined = PyStr::join(&parts[..n], len);
    stack.truncate(at);
    let v = fresh_str_value(heap, singletons, joined);
    super::run_loop::push(stack, v);
    true
}

/// FORMAT_VALUE without a format spec of a str (its own result, as in
/// CPython: `f"{s}" is s`) or an int (written straight into its str);
/// None for anything else, which `format(v, "")` formats.
pub(super) fn format_plain_fast(heap: &mut Heap, v: Value) -> Option<Value> {
    match v {
        Value::Obj(id) if matches!(heap.lookup(id), Some(Object::Str(_))) => Some(v),
        Value::Int(i, _) => Some(int_str(heap, i)),
        _ => None,
    }
}

/// The str of an int: its digits in a new str, even of one digit, as CPython
/// writes them (`str(5) is "5"` is False, where str operations share the
/// one-character singletons).
pub(super) fn int_str(heap: &mut Heap, i: i64) -> Value {
    let mut digits = [0u8; 20];
    Value::Obj(heap.alloc(Object::Str(PyStr::from(decimal(i, &mut digits)))))
}

/// `i` in decimal, written at the end of `buf` (room for any i64).
pub(super) fn decimal(i: i64, buf: &mut [u8; 20]) -> &str {
    let mut n = i.unsigned_abs();
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if i < 0 {
        at -= 1;
        buf[at] = b'-';
    }
    // SAFETY: only ASCII digits and '-' were written from `at` on.
    unsafe { std::str::from_utf8_unchecked(&buf[at..]) }
}
