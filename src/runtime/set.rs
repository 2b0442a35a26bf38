//! set and frozenset: CPython's open-addressing hash table (setobject.c),
//! reproduced so that iteration order — what `print({3, 1, 2})` shows —
//! is CPython's: slots probed linearly then by perturbation, dummies left
//! by deletions, resizing at 60% fill.

use super::dict::HashKey;
use super::value::Value;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

/// `_PyHASH_MODULUS` (2**61 - 1) and `_PyHASH_BITS` of 64-bit CPython.
const MODULUS: u64 = (1 << 61) - 1;
const HASH_BITS: i32 = 61;

#[derive(Clone, Debug)]
enum Slot {
    Empty,
    Dummy,
    Active { hash: i64, key: HashKey, value: Value },
}

#[derive(Clone, Debug)]
pub struct PySet {
    table: Vec<Slot>,
    /// Active + dummy slots.
    fill: usize,
    used: usize,
    /// Where `set.pop()` looks first.
    finger: usize,
}

impl Default for PySet {
    fn default() -> PySet {
        PySet { table: vec![Slot::Empty; MIN_SIZE], fill: 0, used: 0, finger: 0 }
    }
}

/// Python's `hash()` of a hashable value in its normal form (64-bit CPython
/// for numbers and tuples; str hashes are randomised in CPython anyway).
pub fn py_hash(key: &HashKey) -> i64 {
    let h = match key {
        HashKey::None => 0x5f5e_1000,
        HashKey::Int(i) => int_hash(&BigInt::from(*i)),
        HashKey::BigInt(b) => int_hash(b),
        HashKey::Float(bits) => float_hash(f64::from_bits(*bits)),
        HashKey::Str(s) => {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            s.hash(&mut h);
            h.finish() as i64
        }
        HashKey::Bytes(b) => {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            b.hash(&mut h);
            h.finish() as i64
        }
        HashKey::Tuple(items) => {
            const P1: u64 = 11400714785074694791;
            const P2: u64 = 14029467366897019727;
            const P5: u64 = 2870177450012600261;
            let mut acc = P5;
            for item in items {
                let lane = py_hash(item) as u64;
                acc = acc.wrapping_add(lane.wrapping_mul(P2));
                acc = acc.rotate_left(31);
                acc = acc.wrapping_mul(P1);
            }
            acc = acc.wrapping_add(items.len() as u64 ^ (P5 ^ 3527539));
            if acc == u64::MAX {
                return 1546275796;
            }
            acc as i64
        }
        HashKey::Id(id) => (*id as i64).rotate_right(4),
        HashKey::Custom(h, _) => *h,
    };
    if h == -1 {
        -2
    } else {
        h
    }
}

fn int_hash(b: &BigInt) -> i64 {
    let m = BigInt::from(MODULUS);
    let r = (b.abs() % &m).to_i64().unwrap_or(0);
    if b.is_negative() {
        -r
    } else {
        r
    }
}

/// `_Py_HashDouble` for a finite non-integral float.
fn float_hash(v: f64) -> i64 {
    if !v.is_finite() {
        return if v.is_nan() { 0 } else if v > 0.0 { 314159 } else { -314159 };
    }
    let (mut m, mut e) = frexp(v);
    let sign: i64 = if m < 0.0 { -1 } else { 1 };
    m = m.abs();
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 { e % HASH_BITS } else { HASH_BITS - 1 - ((-1 - e) % HASH_BITS) };
    x = ((x << e) & MODULUS) | x >> (HASH_BITS - e);
    (x as i64).wrapping_mul(sign)
}

fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(v * f64::powi(2.0, 64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

impl PySet {
    pub fn new() -> PySet {
        PySet::default()
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// The slot holding `key`, if present.
    fn find(&self, key: &HashKey, hash: i64) -> Option<usize> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                match &self.table[j] {
                    Slot::Empty => return None,
                    Slot::Active { hash: h, key: k, .. } if *h == hash && k == key => return Some(j),
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// The element stored for `key`.
    pub fn stored_key(&self, key: &HashKey) -> Option<Value> {
        let i = self.find(key, py_hash(key))?;
        match &self.table[i] {
            Slot::Active { value, .. } => Some(*value),
            _ => None,
        }
    }

    pub fn contains(&self, key: &HashKey) -> bool {
        self.find(key, py_hash(key)).is_some()
    }

    /// `set_add_entry`.
    pub fn insert(&mut self, key: HashKey, value: Value) {
        let hash = py_hash(&key);
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in i..=i + probes {
                match &self.table[j] {
                    Slot::Empty => {
                        let slot = Slot::Active { hash, key, value };
                        if let Some(f) = freeslot {
                            self.table[f] = slot;
                            self.used += 1;
                            return;
                        }
                        self.table[j] = slot;
                        self.fill += 1;
                        self.used += 1;
                        if self.fill * 5 >= mask * 3 {
                            self.resize(if self.used > 50000 { self.used * 2 } else { self.used * 4 });
                        }
                        return;
                    }
                    Slot::Active { hash: h, key: k, .. } if *h == hash && *k == key => return,
                    Slot::Dummy => freeslot = Some(j),
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// `set_table_resize`: entries move to a fresh table in slot order.
    fn resize(&mut self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![Slot::Empty; size]);
        let mask = size - 1;
        for slot in old {
            if let Slot::Active { hash, .. } = &slot {
                let hash = *hash;
                let mut perturb = hash as u64;
                let mut i = (hash as u64 as usize) & mask;
                'probe: loop {
                    let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
                    for j in i..=i + probes {
                        if matches!(self.table[j], Slot::Empty) {
                            self.table[j] = slot;
                            break 'probe;
                        }
                    }
                    perturb >>= PERTURB_SHIFT;
                    i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
                }
            }
        }
        self.fill = self.used;
    }

    pub fn remove(&mut self, key: &HashKey) -> Option<Value> {
        let i = self.find(key, py_hash(key))?;
        let old = std::mem::replace(&mut self.table[i], Slot::Dummy);
        self.used -= 1;
        match old {
            Slot::Active { value, .. } => Some(value),
            _ => None,
        }
    }

    /// `set.pop()`: the first entry from the finger on.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let n = self.table.len();
        let mut i = self.finger & self.mask();
        while !matches!(self.table[i], Slot::Active { .. }) {
            i = (i + 1) % n;
        }
        let old = std::mem::replace(&mut self.table[i], Slot::Dummy);
        self.used -= 1;
        self.finger = i + 1;
        match old {
            Slot::Active { value, .. } => Some(value),
            _ => None,
        }
    }

    pub fn clear(&mut self) {
        *self = PySet::default();
    }

    /// The values in iteration (slot) order.
    pub fn keys(&self) -> Vec<Value> {
        self.table
            .iter()
            .filter_map(|s| match s {
                Slot::Active { value, .. } => Some(*value),
                _ => None,
            })
            .collect()
    }

    /// A copy as `set(other_set)` makes it: same table when there are no dummies.
    pub fn copy(&self) -> PySet {
        if self.fill == self.used {
            return self.clone();
        }
        let mut s = PySet::new();
        s.resize((self.used * 2).max(1) - 1);
        for slot in &self.table {
            if let Slot::Active { key, value, .. } = slot {
                s.insert(key.clone(), *value);
            }
        }
        s
    }

    pub fn trace(&self, out: &mut Vec<Value>) {
        out.extend(self.keys());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set_of(xs: &[i64]) -> Vec<i64> {
        let mut s = PySet::new();
        for &x in xs {
            s.insert(HashKey::Int(x), Value::int(x));
        }
        s.keys().into_iter().map(|v| if let Value::Int(i, _) = v { i } else { 0 }).collect()
    }

    #[test]
    fn iteration_order_is_cpythons() {
        assert_eq!(set_of(&[3, 1, 2]), vec![1, 2, 3]);
        assert_eq!(set_of(&[2, 3, 4, 0]), vec![0, 2, 3, 4]);
        assert_eq!(set_of(&[10, 8, 100]), vec![8, 10, 100]);
        assert_eq!(set_of(&[5, 37, 69, 101]), vec![101, 37, 69, 5]);
        assert_eq!(py_hash(&HashKey::Int(-1)), -2);
        assert_eq!(py_hash(&HashKey::Float(1.5f64.to_bits())), 1152921504606846977);
    }
}
