//! An insertion-ordered hash table keyed by Python values (dict and set).
//!
//! Keys are hashed through `HashKey`, a Rust-side normal form of a hashable
//! Python value in which equal Python values are equal (`1 == 1.0 == True`).

use super::pystr::PyStr;
use super::value::Value;
use num_bigint::BigInt;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::rc::Rc;

/// A fast, non-cryptographic hasher (the Fx hash of rustc): dict lookups of
/// names are on the VM's hot path, and SipHash's DoS resistance buys nothing here.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap()));
        }
        // The last 1..=7 bytes as one word, read as two overlapping halves
        // (no copy into a buffer, which is a memcpy call for short keys),
        // with their count mixed in so that overlaps do not collide.
        let rest = chunks.remainder();
        let n = rest.len();
        if n >= 4 {
            let lo = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]) as u64;
            let hi = u32::from_le_bytes([rest[n - 4], rest[n - 3], rest[n - 2], rest[n - 1]]) as u64;
            self.add(lo | hi << 32 ^ (n as u64) << 61);
        } else if n > 0 {
            self.add(rest[0] as u64 | (rest[n / 2] as u64) << 8 | (rest[n - 1] as u64) << 16 | (n as u64) << 24);
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64)
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64)
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i)
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64)
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

pub type FxBuildHasher = BuildHasherDefault<FxHasher>;
pub type FxHashMap<K, V> = HashMap<K, V, FxBuildHasher>;
pub type FxHashSet<T> = std::collections::HashSet<T, FxBuildHasher>;

#[derive(Clone, Debug, Eq, Hash)]
pub enum HashKey {
    None,
    Int(i64),
    BigInt(BigInt),
    /// A float that is not equal to any int (bits of the f64).
    Float(u64),
    Str(PyStr),
    Bytes(Rc<[u8]>),
    Tuple(Vec<HashKey>),
    /// Objects hashed by identity.
    Id(u32),
    /// Instances of classes defining `__hash__`: equal when their hashes are
    /// (pvm does not call `__eq__` inside its hash tables).
    Custom(i64, u32),
}

impl PartialEq for HashKey {
    fn eq(&self, other: &HashKey) -> bool {
        match (self, other) {
            // (`PyStr::eq` compares shared names by pointer first.)
            (HashKey::Str(a), HashKey::Str(b)) => a == b,
            (HashKey::Int(a), HashKey::Int(b)) => a == b,
            (HashKey::Bytes(a), HashKey::Bytes(b)) => a == b,
            (HashKey::None, HashKey::None) => true,
            (HashKey::BigInt(a), HashKey::BigInt(b)) => a == b,
            (HashKey::Float(a), HashKey::Float(b)) => a == b,
            (HashKey::Tuple(a), HashKey::Tuple(b)) => a == b,
            (HashKey::Id(a), HashKey::Id(b)) => a == b,
            (HashKey::Custom(a, i), HashKey::Custom(b, j)) => a == b && i == j,
            _ => false,
        }
    }
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

pub struct Dict {
    entries: Vec<Option<(Value, Value)>>,
    index: FxHashMap<HashKey, usize>,
    /// Changes whenever the set of keys (or their positions) changes; unique
    /// across all dicts, so a cached (version, position) pair stays valid
    /// exactly as long as the keys stay put (the VM's name caches use it).
    version: u64,
    /// What kind of dict this is (collections.defaultdict and Counter are dicts too).
    pub flavor: Flavor,
    /// Whether some cache depends on this dict's contents (a class dict the
    /// VM's attribute caches read): any change to it, or dropping it, moves
    /// the global `watch_epoch`, which invalidates those caches.
    watched: bool,
}

/// dict, collections.defaultdict (with its default factory) or collections.Counter.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Flavor {
    Plain,
    Default(Value),
    Counter,
}

static NEXT_VERSION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn next_version() -> u64 {
    NEXT_VERSION.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Starts at 1 so that 0 never names a valid epoch.
static WATCH_EPOCH: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// Moves whenever a watched dict changes or goes away: a cache computed from
/// watched dicts is valid while the epoch it recorded is current.
pub fn watch_epoch() -> u64 {
    WATCH_EPOCH.load(std::sync::atomic::Ordering::Relaxed)
}

impl Clone for Dict {
    fn clone(&self) -> Dict {
        Dict {
            entries: self.entries.clone(),
            index: self.index.clone(),
            version: next_version(),
            flavor: self.flavor,
            // A copy (a snapshot) may be the one that runs on: it stays watched.
            watched: self.watched,
        }
    }
}

impl Default for Dict {
    fn default() -> Dict {
        Dict { entries: Vec::new(), index: FxHashMap::default(), version: next_version(), flavor: Flavor::Plain, watched: false }
    }
}

impl Drop for Dict {
    fn drop(&mut self) {
        self.changed();
    }
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        self.index.len()
    }

    #[inline(always)]
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Makes every later change to this dict move `watch_epoch`.
    pub fn watch(&mut self) {
        self.watched = true;
    }

    #[inline(always)]
    fn changed(&self) {
        if self.watched {
            WATCH_EPOCH.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
    }

    /// The position of `key`'s entry (stable until `version` changes).
    #[inline(always)]
    pub fn position(&self, key: &HashKey) -> Option<usize> {
        self.index.get(key).copied()
    }

    /// The key object stored for `key`.
    pub fn stored_key(&self, key: &HashKey) -> Option<Value> {
        self.index.get(key).and_then(|&i| self.entries[i].map(|(k, _)| k))
    }

    #[inline(always)]
    pub fn value_at(&self, position: usize) -> Option<&Value> {
        // A match, not `get().copied().flatten().map()`: each helper is a call under opt-level "z".
        match self.entries.get(position) {
            Some(Some((_, v))) => Some(v),
            _ => None,
        }
    }

    // Always inline: run mode's STORE_NAME calls it for every module-level assignment.
    #[inline(always)]
    pub fn set_value_at(&mut self, position: usize, v: Value) {
        self.changed();
        if let Some(Some(entry)) = self.entries.get_mut(position) {
            entry.1 = v;
        }
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

    /// Replaces the value of an existing key; false if the key is absent.
    pub fn set_existing(&mut self, key: &HashKey, v: Value) -> bool {
        self.changed();
        match self.index.get(key) {
            Some(&i) => {
                if let Some(entry) = &mut self.entries[i] {
                    entry.1 = v;
                }
                true
            }
            None => false,
        }
    }

    /// Inserts or replaces (keeping the original key and position, like CPython).
    pub fn insert(&mut self, key: HashKey, k: Value, v: Value) {
        self.changed();
        // One hash of the key whether it is new or not.
        match self.index.entry(key) {
            std::collections::hash_map::Entry::Occupied(e) => {
                if let Some(entry) = &mut self.entries[*e.get()] {
                    entry.1 = v;
                }
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(self.entries.len());
                self.entries.push(Some((k, v)));
                self.version = next_version();
            }
        }
    }

    pub fn remove(&mut self, key: &HashKey) -> Option<(Value, Value)> {
        self.changed();
        let i = self.index.remove(key)?;
        let old = self.entries[i].take();
        self.version = next_version();
        if self.entries.len() > 32 && self.index.len() * 2 < self.entries.len() {
            self.compact();
        }
        old
    }

    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn compact(&mut self) {
        let old = std::mem::take(&mut self.entries);
        // Each old position's new one (only live entries' are read).
        let mut remap = vec![0; old.len()];
        for (i, e) in old.into_iter().enumerate() {
            if let Some(e) = e {
                remap[i] = self.entries.len();
                self.entries.push(Some(e));
            }
        }
        for v in self.index.values_mut() {
            *v = remap[*v];
        }
    }

    pub fn clear(&mut self) {
        self.changed();
        self.entries.clear();
        self.index.clear();
        self.version = next_version();
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
        self.changed();
        self.version = next_version();
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
        if let Flavor::Default(f) = self.flavor {
            out.push(f);
        }
        for (k, v) in self.iter() {
            out.push(k);
            out.push(v);
        }
    }
}
