//! The heap arena: a Vec of object slots with a free list, and a
//! mark-and-sweep collector the VM runs between instructions.
//!
//! The heap also keeps an estimate of the bytes it holds (the live objects'
//! footprints at the last collection, plus what was allocated since), which
//! the VM holds against the memory budget (`Limits::memory_bytes`).

use super::object::Object;
use super::value::{ObjId, Value};

/// Allocations after which the VM collects — or more when more was alive at
/// the last collection, so a collection's cost stays in proportion. Natively
/// (the CLI, the tests) a program that makes and drops many small objects
/// (`Vector(...)` per step) then reuses the same few MB, warm in the cache,
/// where CPython frees each at once; collecting only by bytes let such a
/// program touch 30 MB of fresh pages (a fault each), a quarter of
/// objects.py's time. The page's wasm keeps its memory from run to run, so
/// there are no fresh pages to save, and the extra collections (each marks
/// every builtin and constant too) only cost time: objects.py +4 %,
/// generators.py +5 %, wordcount.py +9 % of Chromium CPU. There only the
/// bytes trigger a collection.
#[cfg(not(target_arch = "wasm32"))]
const GC_THRESHOLD: usize = 5_000;
#[cfg(target_arch = "wasm32")]
const GC_THRESHOLD: usize = usize::MAX;

/// Bytes allocated after which the VM collects (and so re-measures the heap
/// against the memory budget), however few the allocations — or more when
/// more is alive, so a collection's cost stays in proportion. CPython frees
/// a dropped str at once; a loop doing `s += c` here leaves each old `s` to
/// the collector, and collecting late costs more in page faults and cache
/// misses than the collection itself.
const GC_BYTES: usize = 8 << 20;

#[derive(Default, Clone)]
pub struct Heap {
    slots: Vec<Option<Object>>,
    free: Vec<u32>,
    allocated_since_gc: usize,
    live: usize,
    /// The live objects' footprint at the last collection.
    live_bytes: usize,
    /// The footprint of the objects allocated since.
    bytes_since_gc: usize,
}

impl Heap {
    pub fn alloc(&mut self, obj: Object) -> ObjId {
        self.allocated_since_gc += 1;
        self.bytes_since_gc += footprint(&obj);
        self.live += 1;
        // A freed slot is empty: written without dropping what it held (under
        // opt-level "z" `*slot = ..` and `Vec::pop` were calls).
        let n = self.free.len();
        if n > 0 {
            let i = self.free[n - 1];
            // SAFETY: `n - 1` < `n`, and a `u32` needs no drop.
            unsafe { self.free.set_len(n - 1) };
            if let Some(slot) = self.slots.get_mut(i as usize) {
                // SAFETY: `slot` is a valid place; its old value (None) needs no drop.
                unsafe { std::ptr::write(slot, Some(obj)) };
                return ObjId(i);
            }
        }
        self.slots.push(Some(obj));
        ObjId(self.slots.len() as u32 - 1)
    }

    // Every operation on an object starts here. Inlined at opt-level 3; under
    // "z" one call with nothing to call inside (slice indexing and
    // `Option::expect` were two calls per access; inlining it everywhere
    // costs about 2.8 KB gzipped, and the eval loop uses `lookup`).
    #[inline]
    pub fn get(&self, id: ObjId) -> &Object {
        match self.lookup(id) {
            Some(obj) => obj,
            None => dangling(),
        }
    }

    #[inline]
    pub fn get_mut(&mut self, id: ObjId) -> &mut Object {
        match self.lookup_mut(id) {
            Some(obj) => obj,
            None => dangling(),
        }
    }

    /// `get` for the eval loop's fast paths: no panic branch to inline;
    /// `None` for a dangling id, which the caller then leaves to the general
    /// path to report.
    #[inline(always)]
    pub fn lookup(&self, id: ObjId) -> Option<&Object> {
        let i = id.0 as usize;
        if i >= self.slots.len() {
            return None;
        }
        // SAFETY: `i` is in bounds (checked above).
        match unsafe { &*self.slots.as_ptr().add(i) } {
            Some(obj) => Some(obj),
            None => None,
        }
    }

    /// `get_mut` as `lookup` gives `get`.
    #[inline(always)]
    pub fn lookup_mut(&mut self, id: ObjId) -> Option<&mut Object> {
        let i = id.0 as usize;
        if i >= self.slots.len() {
            return None;
        }
        // SAFETY: `i` is in bounds (checked above).
        match unsafe { &mut *self.slots.as_mut_ptr().add(i) } {
            Some(obj) => Some(obj),
            None => None,
        }
    }

    /// Number of live objects.
    pub fn len(&self) -> usize {
        self.live
    }

    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    pub fn wants_collection(&self) -> bool {
        // `live` counts the objects allocated since as well: those alive at
        // the last collection are the rest.
        let live_then = self.live.saturating_sub(self.allocated_since_gc);
        self.allocated_since_gc > GC_THRESHOLD.max(live_then) || self.bytes_since_gc > GC_BYTES.max(self.live_bytes)
    }

    /// The estimated bytes the heap holds: exact for the objects alive at
    /// the last collection (as they were then), plus what was allocated since.
    pub fn bytes(&self) -> usize {
        self.live_bytes.saturating_add(self.bytes_since_gc)
    }

    /// Frees every object not reachable from `roots`.
    pub fn collect(&mut self, roots: Vec<Value>) {
        let mut marked = vec![false; self.slots.len()];
        let mut pending = roots;
        while let Some(v) = pending.pop() {
            let Value::Obj(id) = v else { continue };
            let i = id.0 as usize;
            if marked[i] {
                continue;
            }
            marked[i] = true;
            match &self.slots[i] {
                // Most objects of a str-heavy program refer to nothing.
                None | Some(Object::Str(_) | Object::Int(_) | Object::Bytes(_) | Object::Complex { .. }) => {}
                Some(obj) => obj.trace(&mut pending),
            }
        }
        let mut live_bytes = 0usize;
        // Freed ids go into the free list's spare room (`push` is a call
        // per freed object under opt-level "z"): room for every slot.
        let free_len = self.free.len();
        self.free.reserve(self.slots.len());
        let room = self.free.spare_capacity_mut();
        let mut freed = 0;
        for (i, slot) in self.slots.iter_mut().enumerate() {
            match slot {
                Some(_) if !marked[i] => {
                    *slot = None;
                    if let Some(r) = room.get_mut(freed) {
                        r.write(i as u32);
                        freed += 1;
                    }
                }
                Some(obj) => live_bytes = live_bytes.saturating_add(footprint(obj)),
                None => {}
            }
        }
        // SAFETY: the loop wrote the first `freed` spare slots.
        unsafe { self.free.set_len(free_len + freed) };
        self.live -= freed;
        self.live_bytes = live_bytes;
        self.bytes_since_gc = 0;
        self.allocated_since_gc = 0;
    }
}

/// `Heap::get` of a freed or never-allocated id: a VM bug, not a Python error.
#[cold]
#[inline(never)]
fn dangling() -> ! {
    panic!("dangling ObjId: collected object still referenced")
}

/// About how many bytes `obj` occupies: its slot plus the buffers it owns
/// (CPython's sizes are close: 8 bytes a list item, 1 a str's ASCII char).
/// Always inline: `alloc` and the collector's sweep run it per object.
#[inline(always)]
fn footprint(obj: &Object) -> usize {
    const VALUE: usize = std::mem::size_of::<Value>();
    let owned = match obj {
        Object::Str(s) => s.footprint(),
        Object::Bytes(b) => b.len(),
        Object::ByteArray(b) => b.capacity(),
        Object::Int(n) => (n.bits() / 8) as usize,
        Object::List(items) | Object::Tuple(items) => items.capacity() * VALUE,
        Object::Dict(d) => d.len() * 3 * VALUE,
        Object::Set { items, .. } => items.len() * 2 * VALUE,
        Object::Deque { items, .. } => items.capacity() * VALUE,
        _ => 0,
    };
    std::mem::size_of::<Object>() + owned
}
