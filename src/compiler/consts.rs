//! A code object's constant pool: CPython's `u_consts` dict (values merged
//! by type and value, so `1`, `1.0` and `True` stay distinct) in list form.

use crate::bytecode::Constant;
use crate::runtime::dict::FxHashMap;
use std::rc::Rc;

/// The identity CPython's const cache gives a constant: equal keys merge.
pub fn const_key(c: &Constant) -> String {
    match c {
        Constant::None => "N".into(),
        Constant::Ellipsis => "E".into(),
        Constant::Bool(b) => format!("B{b}"),
        Constant::Int(i) => format!("i{i}"),
        Constant::Float(f) => format!("f{:x}", f.to_bits()),
        Constant::Complex { real, imag } => format!("c{:x},{:x}", real.to_bits(), imag.to_bits()),
        Constant::Str(s) => format!("s{s}"),
        Constant::Bytes(b) => format!("b{}", b.iter().map(|x| format!("{x:02x}")).collect::<String>()),
        Constant::Tuple(items) => {
            format!("t({})", items.iter().map(const_key).collect::<Vec<_>>().join(","))
        }
        Constant::FrozenSet(items) => {
            format!("z({})", items.iter().map(const_key).collect::<Vec<_>>().join(","))
        }
        Constant::Code(code) => format!("C{:p}", std::rc::Rc::as_ptr(code)),
    }
}

/// Python truthiness of a constant.
pub trait Truthy {
    fn is_true(&self) -> bool;
}

impl Truthy for Constant {
    fn is_true(&self) -> bool {
        match self {
            Constant::None => false,
            Constant::Ellipsis | Constant::Code(_) => true,
            Constant::Bool(b) => *b,
            Constant::Int(i) => i.sign() != num_bigint::Sign::NoSign,
            Constant::Float(f) => *f != 0.0,
            Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
            Constant::Str(s) => !s.is_empty(),
            Constant::Bytes(b) => !b.is_empty(),
            Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
        }
    }
}

#[derive(Default)]
pub struct ConstPool {
    items: Vec<Constant>,
    /// By `const_key` (an `Rc<str>` key, as codegen's name indexes have: one map type for both).
    index: FxHashMap<Rc<str>, u32>,
}

impl ConstPool {
    /// The index of `c`, adding it at the end if it is new.
    pub fn add_or_find(&mut self, c: Constant) -> u32 {
        let key = const_key(&c);
        if let Some(&i) = self.index.get(key.as_str()) {
            return i;
        }
        let i = self.items.len() as u32;
        self.items.push(c);
        self.index.insert(Rc::from(key), i);
        i
    }

    pub fn get(&self, i: u32) -> &Constant {
        &self.items[i as usize]
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Keeps the constants marked used, in order; returns old index -> new index.
    pub fn retain(&mut self, used: &[bool]) -> Vec<u32> {
        let mut remap = vec![u32::MAX; self.items.len()];
        let mut kept = Vec::new();
        for (i, c) in self.items.drain(..).enumerate() {
            if used[i] {
                remap[i] = kept.len() as u32;
                kept.push(c);
            }
        }
        self.items = kept;
        self.index = self.items.iter().enumerate().map(|(i, c)| (Rc::from(const_key(c)), i as u32)).collect();
        remap
    }

    pub fn into_vec(self) -> Vec<Constant> {
        self.items
    }
}
