//! The heap arena: a Vec of object slots with a free list, and a
//! mark-and-sweep collector the VM runs between instructions.

use super::object::Object;
use super::value::{ObjId, Value};

/// Allocations after which the VM considers a collection.
const GC_THRESHOLD: usize = 100_000;

#[derive(Default, Clone)]
pub struct Heap {
    slots: Vec<Option<Object>>,
    free: Vec<u32>,
    allocated_since_gc: usize,
    live: usize,
}

impl Heap {
    pub fn alloc(&mut self, obj: Object) -> ObjId {
        self.allocated_since_gc += 1;
        self.live += 1;
        if let Some(i) = self.free.pop() {
            self.slots[i as usize] = Some(obj);
            ObjId(i)
        } else {
            self.slots.push(Some(obj));
            ObjId(self.slots.len() as u32 - 1)
        }
    }

    pub fn get(&self, id: ObjId) -> &Object {
        self.slots[id.0 as usize].as_ref().expect("dangling ObjId: collected object still referenced")
    }

    pub fn get_mut(&mut self, id: ObjId) -> &mut Object {
        self.slots[id.0 as usize].as_mut().expect("dangling ObjId: collected object still referenced")
    }

    /// Number of live objects.
    pub fn len(&self) -> usize {
        self.live
    }

    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    pub fn wants_collection(&self) -> bool {
        self.allocated_since_gc > GC_THRESHOLD.max(self.live)
    }

    /// Frees every object not reachable from `roots`.
    pub fn collect(&mut self, roots: Vec<Value>) {
        let mut marked = vec![false; self.slots.len()];
        let mut pending = roots;
        let mut children = Vec::new();
        while let Some(v) = pending.pop() {
            let Value::Obj(id) = v else { continue };
            let i = id.0 as usize;
            if marked[i] {
                continue;
            }
            marked[i] = true;
            if let Some(obj) = &self.slots[i] {
                obj.trace(&mut children);
                pending.append(&mut children);
            }
        }
        for (i, slot) in self.slots.iter_mut().enumerate() {
            if slot.is_some() && !marked[i] {
                *slot = None;
                self.free.push(i as u32);
                self.live -= 1;
            }
        }
        self.allocated_since_gc = 0;
    }
}
