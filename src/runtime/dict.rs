//! An insertion-ordered hash table keyed by Python values (dict and set).
//!
//! Keys are hashed through `HashKey`, a Rust-side normal form of a hashable
//! Python value in which equal Python values are equal (`1 == 1.0 == True`).

use super::value::Value;
use num_bigint::BigInt;
use std::collections::HashMap;
use std::rc::Rc;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum HashKey {
    None,
    Int(i64),
    BigInt(BigInt),
    /// A float that is not equal to any int (bits of the f64).
    Float(u64),
    Str(Rc<str>),
    Tuple(Vec<HashKey>),
    /// Objects hashed by identity.
    Id(u32),
}

impl HashKey {
    pub fn from_float(f: f64) -> HashKey {
        if f.fract() == 0.0 && f.abs() < 9.2e18 {
            HashKey::Int(f as i64)
        } else {
            HashKey::Float(f.to_bits())
        }
    }
}

#[derive(Clone, Default)]
pub struct Dict {
    entries: Vec<Option<(Value, Value)>>,
    index: HashMap<HashKey, usize>,
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    pub fn len(&self) -> usize {
        self.index.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    pub fn get(&self, key: &HashKey) -> Option<Value> {
        self.index.get(key).and_then(|&i| self.entries[i].map(|(_, v)| v))
    }

    /// The stored key equal to `key` (e.g. to keep `1` when `1.0` is assigned).
    pub fn contains(&self, key: &HashKey) -> bool {
        self.index.contains_key(key)
    }

    /// Inserts or replaces (keeping the original key and position, like CPython).
    pub fn insert(&mut self, key: HashKey, k: Value, v: Value) {
        if let Some(&i) = self.index.get(&key) {
            if let Some(entry) = &mut self.entries[i] {
                entry.1 = v;
            }
            return;
        }
        self.index.insert(key, self.entries.len());
        self.entries.push(Some((k, v)));
    }

    pub fn remove(&mut self, key: &HashKey) -> Option<(Value, Value)> {
        let i = self.index.remove(key)?;
        let old = self.entries[i].take();
        if self.entries.len() > 32 && self.index.len() * 2 < self.entries.len() {
            self.compact();
        }
        old
    }

    fn compact(&mut self) {
        let old = std::mem::take(&mut self.entries);
        let mut positions: Vec<(usize, usize)> = Vec::new();
        for (i, e) in old.into_iter().enumerate() {
            if let Some(e) = e {
                positions.push((i, self.entries.len()));
                self.entries.push(Some(e));
            }
        }
        let remap: HashMap<usize, usize> = positions.into_iter().collect();
        for v in self.index.values_mut() {
            *v = remap[v];
        }
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
    }

    /// The entry at raw position `i` (iterators walk positions; holes are skipped).
    pub fn entry_at(&self, i: usize) -> Option<Option<(Value, Value)>> {
        self.entries.get(i).copied()
    }

    pub fn iter(&self) -> impl Iterator<Item = (Value, Value)> + '_ {
        self.entries.iter().flatten().copied()
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|(k, _)| k).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|(_, v)| v).collect()
    }

    /// Removes and returns the last inserted entry (dict.popitem).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        while let Some(e) = self.entries.pop() {
            if let Some((k, v)) = e {
                let key = self.index.iter().find(|(_, &i)| i == self.entries.len()).map(|(k, _)| k.clone());
                if let Some(key) = key {
                    self.index.remove(&key);
                }
                return Some((k, v));
            }
        }
        None
    }

    pub fn trace(&self, out: &mut Vec<Value>) {
        for (k, v) in self.iter() {
            out.push(k);
            out.push(v);
        }
    }
}
