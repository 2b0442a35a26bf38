//! `Value`: what sits in a stack slot, a local or a container element.
//!
//! Small immutable values are stored inline; everything else lives in the
//! heap arena and is referred to by its `ObjId`. `Value` is `Copy`, so the
//! operand stack is a plain `Vec<Value>` and a snapshot is a Vec clone.

/// Index of an object in the heap arena; it doubles as Python's `id()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjId(pub u32);

/// The identity of an inline int or float: CPython allocates a new object
/// for every int outside the small-int cache (-5..=256) and every float an
/// operation produces, so two equal numbers made apart are not `is`-identical,
/// while copies of one number (assignment, arguments, containers) are.
/// Only `is` and `id()` look at it; equality, hashing and arithmetic ignore it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ident(pub u32);

impl Ident {
    /// The small-int cache: every int in -5..=256 is one object.
    pub const CACHED: Ident = Ident(0);
    /// A compile-time constant: CPython merges equal constants into one object.
    pub const CONSTANT: Ident = Ident(1);

    /// A new object's identity (a counter: no allocation).
    #[inline(always)]
    pub fn fresh() -> Ident {
        let id = next_ident();
        // After 2^32 numbers the counter wraps; skipping the two reserved
        // tags keeps fresh numbers distinct from cached and constant ones.
        Ident(if id < 2 { 2 } else { id })
    }

    /// The identity of an int a runtime operation produces.
    #[inline(always)]
    pub fn of_new_int(n: i64) -> Ident {
        // Not `(-5..=256).contains(&n)`: under opt-level "z" that stays a call.
        if n >= -5 && n <= 256 {
            Ident::CACHED
        } else {
            Ident::fresh()
        }
    }
}

/// The counter behind `Ident::fresh`: the next identity to hand out.
/// The wasm build is single-threaded, so a plain static does (under opt-level
/// "z" a `thread_local!` costs a call per float result); natively a VM never
/// crosses threads but tests run VMs side by side, so each thread counts alone.
#[cfg(target_arch = "wasm32")]
#[inline(always)]
fn next_ident() -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering::Relaxed};
    static NEXT: AtomicU32 = AtomicU32::new(2);
    // Without the atomics target feature these are a plain load and store.
    let id = NEXT.load(Relaxed);
    NEXT.store(id.wrapping_add(1), Relaxed);
    id
}

#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
fn next_ident() -> u32 {
    thread_local! {
        static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(2) };
    }
    NEXT.with(|next| {
        let id = next.get();
        next.set(id.wrapping_add(1));
        id
    })
}

#[derive(Clone, Copy, Debug)]
pub enum Value {
    /// The NULL CPython's CALL protocol puts below a callable; also "unbound local".
    Null,
    None,
    Bool(bool),
    /// Ints that fit in 64 bits; bigger ones are heap `Object::Int`s.
    /// The `Ident` is the object identity `is` and `id()` see (see `Ident`).
    Int(i64, Ident),
    Float(f64, Ident),
    Obj(ObjId),
}

impl Value {
    pub fn is_null(self) -> bool {
        matches!(self, Value::Null)
    }

    /// An int a runtime operation produced: a new object unless it is a
    /// cached small int.
    #[inline(always)]
    pub fn int(n: i64) -> Value {
        Value::Int(n, Ident::of_new_int(n))
    }

    /// A float a runtime operation produced: always a new object.
    #[inline]
    pub fn float(f: f64) -> Value {
        Value::Float(f, Ident::fresh())
    }

    #[inline(always)]
    pub fn obj(self) -> Option<ObjId> {
        match self {
            Value::Obj(id) => Some(id),
            _ => None,
        }
    }

    /// Python's `is`: identity for heap objects and inline numbers (value
    /// and `Ident`), value identity for the inline singletons.
    pub fn is(self, other: Value) -> bool {
        match (self, other) {
            (Value::Int(a, x), Value::Int(b, y)) => a == b && x == y,
            (Value::Float(a, x), Value::Float(b, y)) => a.to_bits() == b.to_bits() && x == y,
            _ => self.same_value(other),
        }
    }

    /// Identity of heap objects and singletons, exact value of inline numbers
    /// (ignoring their `Ident`).
    fn same_value(self, other: Value) -> bool {
        match (self, other) {
            (Value::Null, Value::Null) | (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a, _), Value::Int(b, _)) => a == b,
            (Value::Float(a, _), Value::Float(b, _)) => a.to_bits() == b.to_bits(),
            (Value::Obj(a), Value::Obj(b)) => a == b,
            _ => false,
        }
    }
}

impl PartialEq for Value {
    /// Heap identity and exact inline value, ignoring the number `Ident`;
    /// not Python `==` (that needs the heap: `Vm::eq`).
    fn eq(&self, other: &Value) -> bool {
        self.same_value(*other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_stays_two_words() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
    }

    #[test]
    fn identity_is_not_equality() {
        let (a, b) = (Value::int(1000), Value::int(1000));
        assert!(a == b && !a.is(b) && a.is(a));
        assert!(Value::int(256).is(Value::int(256)));
        let f = Value::float(1.5);
        assert!(f == Value::float(1.5) && !f.is(Value::float(1.5)));
    }
}
