//! `Value`: what sits in a stack slot, a local or a container element.
//!
//! Small immutable values are stored inline; everything else lives in the
//! heap arena and is referred to by its `ObjId`. `Value` is `Copy`, so the
//! operand stack is a plain `Vec<Value>` and a snapshot is a Vec clone.

/// Index of an object in the heap arena; it doubles as Python's `id()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjId(pub u32);

#[derive(Clone, Copy, Debug)]
pub enum Value {
    /// The NULL CPython's CALL protocol puts below a callable; also "unbound local".
    Null,
    None,
    Bool(bool),
    /// Ints that fit in 64 bits; bigger ones are heap `Object::Int`s.
    Int(i64),
    Float(f64),
    Obj(ObjId),
}

impl Value {
    pub fn is_null(self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn obj(self) -> Option<ObjId> {
        match self {
            Value::Obj(id) => Some(id),
            _ => None,
        }
    }

    /// Python's `is`: identity for heap objects, value identity for the
    /// inline singletons and small numbers.
    pub fn is(self, other: Value) -> bool {
        match (self, other) {
            (Value::Null, Value::Null) | (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Obj(a), Value::Obj(b)) => a == b,
            _ => false,
        }
    }
}

impl PartialEq for Value {
    /// Identity, not Python `==` (that needs the heap: `Vm::eq`).
    fn eq(&self, other: &Value) -> bool {
        self.is(*other)
    }
}
