//! The virtual machine: frames on a Vec (never Rust recursion per Python
//! call), the eval loop with one short handler per opcode, and the stepper
//! that reports fetch / decode / execute events.

mod anchors;
mod attr;
mod builtins;
mod codeattrs;
mod bytes;
mod complex;
mod call;
mod containers;
mod entry;
mod eval;
pub mod events;
pub mod frame;
mod instance_attr;
pub mod heapview;
mod identity;
mod methods;
mod modules;
mod ops;
mod repr;
mod run_loop;
mod slots;
mod suggest;
pub mod session;
pub mod signature;
pub mod trace;
mod traceback;
mod typeparams;
pub mod types;

use crate::text::substr;
use crate::bytecode::{CodeObject, Constant};
use crate::runtime::dict::{Dict, HashKey};
use crate::runtime::heap::Heap;
use crate::runtime::limits::Limits;
use crate::runtime::object::{Class, ExcData, Instance, Object};
use crate::runtime::value::{Ident, ObjId, Value};
use frame::{Frame, OnReturn};
use num_bigint::BigInt;
use crate::runtime::dict::FxHashMap;
use std::rc::Rc;
use types::TypeId;

/// Whether the heap wants a collection or is over the memory budget (which a
/// collection re-measures): checked after every instruction that allocates,
/// by `step_instruction` and run mode's slow path.
#[inline(always)]
fn collection_due(heap: &Heap, limits: &Limits) -> bool {
    heap.wants_collection() || heap.bytes() > limits.memory_bytes
}

/// `collection_due` for run mode's allocating fast arms: by bytes and the
/// memory budget only (see `Heap::wants_collection_by_bytes`). One more
/// compare in each of those arms cost Chromium about a tenth of its time on
/// every program (the loop's code is that sensitive).
#[inline(always)]
fn fast_collection_due(heap: &Heap, limits: &Limits) -> bool {
    heap.wants_collection_by_bytes() || heap.bytes() > limits.memory_bytes
}

pub use entry::{run, run_with_limits, trace, trace_with_limits};
pub use session::Session;

/// An exception being raised: the exception instance on the heap.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Exc(pub ObjId);

pub type PyResult<T> = Result<T, Exc>;

/// CPython's default `sys.getrecursionlimit()`.
pub const RECURSION_LIMIT: usize = 1000;

/// How deep Python code may call back into Python code through builtins
/// and dunder methods (each level is a nested Rust loop, about 5 KB of
/// Rust stack in a release build). CPython's own limit is the recursion
/// limit, which comes first; this backstop only turns a runaway into a
/// RecursionError. Hosts need a stack of several MB (the CLI's main thread
/// has 8 MB; the WebAssembly build must be linked with a large stack).
pub const MAX_NESTING: usize = RECURSION_LIMIT + 50;

/// A remembered dict lookup of a name: valid while the dict's version is unchanged.
#[derive(Clone, Copy, Debug, Default)]
pub struct NameCache {
    dict: u32,
    version: u64,
    position: Option<usize>,
}

/// A code object with its constants turned into values once.
#[derive(Clone)]
pub struct CodeEntry {
    pub code: Rc<CodeObject>,
    pub consts: Rc<[Value]>,
}

/// What `pvm run` produces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunOutcome {
    pub stdout: String,
    pub stderr: String,
    pub exit_code: i32,
    pub instructions: u64,
}

#[derive(Clone)]
pub struct Vm {
    pub heap: Heap,
    pub codes: Vec<CodeEntry>,
    pub frames: frame::FrameStack,
    /// The builtin classes, indexed by `TypeId`.
    types: Vec<ObjId>,
    pub builtins: ObjId,
    pub globals: ObjId,
    pub stdout: String,
    pub stderr: String,
    stdin: String,
    stdin_pos: usize,
    /// The exception being handled (what `sys.exception()` returns), or None.
    exc_info: Value,
    /// Instructions executed so far.
    pub instructions: u64,
    /// Set when the program has ended: its exit status.
    pub exit_code: Option<i32>,
    source_lines: Vec<String>,
    /// How a nested run (`run_frame`) ended: the frame's return value or exception.
    nested_exit: Option<PyResult<eval::FrameExit>>,
    /// How many nested runs are active (garbage is collected only at depth 0,
    /// when no Rust code holds values the roots do not see).
    nesting: usize,
    /// Values a caller outside the VM still reads after an instruction: the
    /// stepper keeps the operand stack from before the instruction here, so
    /// the values it popped stay alive until the step's event describes them.
    pub(crate) pinned: Vec<Value>,
    /// How deep comparisons of containers inside containers are (each level
    /// recurses natively; see `ops::Vm::compare_items`).
    compare_depth: usize,
    /// Set by RERAISE: the exception's traceback already names this frame.
    reraising: bool,
    /// The last exception raised (read and cleared by the stepper).
    pub last_exception: Option<ObjId>,
    /// The raise site a RERAISE restored (pushed by a `lasti` handler).
    reraise_lasti: Option<usize>,
    /// JSON Lines of the instruction trace, when tracing.
    pub trace: Option<trace::TraceLog>,
    not_implemented: ObjId,
    ellipsis: ObjId,
    /// The `random` module's generator.
    rng: crate::runtime::mt::Mt19937,
    /// Emptied value vectors of finished frames, reused for new frames' locals and stacks.
    spare_values: Vec<Vec<Value>>,
    /// Per code object, per name: cached positions of names in namespaces.
    name_caches: Vec<Vec<NameCache>>,
    /// Imported modules by dotted name (`sys.modules`).
    modules: FxHashMap<String, Value>,
    /// Interned strings for attribute names the VM looks up itself.
    strings: crate::runtime::dict::FxHashMap<Rc<str>, ObjId>,
    /// The budgets this run is under (steps, memory, output, recursion).
    pub limits: Limits,
    /// The native stack address of the outermost `step_instruction`.
    stack_base: usize,
    /// Dunder names the fast paths look up on classes.
    dunder_keys: instance_attr::DunderKeys,
    /// Per code object, per code unit: what LOAD_ATTR / STORE_ATTR / CALL found on a class.
    attr_caches: Vec<Vec<instance_attr::AttrCache>>,
    /// `sys.get_int_max_str_digits()`: the int/str conversion limit (0: none).
    pub int_max_str_digits: usize,
    /// An empty vector kept for the next builtin method call's arguments
    /// (one allocation saved per call; see `try_fast_method_call`).
    spare_args: Vec<Value>,
    /// Shared constants and singleton objects (`is` as in CPython).
    identity: identity::Singletons,
}

impl Vm {
    pub fn new(code: Rc<CodeObject>, source: &str, stdin: &str) -> Vm {
        let mut heap = Heap::default();
        let not_implemented = heap.alloc(Object::NotImplemented);
        let ellipsis = heap.alloc(Object::Ellipsis);
        let builtins = heap.alloc(Object::Dict(Dict::new()));
        let globals = heap.alloc(Object::Dict(Dict::new()));
        let mut vm = Vm {
            heap,
            codes: Vec::new(),
            frames: Default::default(),
            types: Vec::new(),
            builtins,
            globals,
            stdout: String::new(),
            stderr: String::new(),
            stdin: stdin.to_string(),
            stdin_pos: 0,
            exc_info: Value::None,
            instructions: 0,
            exit_code: None,
            source_lines: source.lines().map(str::to_string).collect(),
            nested_exit: None,
            nesting: 0,
            pinned: Vec::new(),
            compare_depth: 0,
            reraising: false,
            last_exception: None,
            reraise_lasti: None,
            trace: None,
            not_implemented,
            ellipsis,
            strings: Default::default(),
            modules: FxHashMap::default(),
            limits: Limits::default(),
            stack_base: 0,
            attr_caches: Vec::new(),
            dunder_keys: Default::default(),
            int_max_str_digits: repr::DEFAULT_MAX_STR_DIGITS,
            spare_args: Vec::new(),
            identity: Default::default(),
            name_caches: Vec::new(),
            spare_values: Vec::new(),
            // Unseeded programs get a fixed sequence (there is no entropy source in the browser).
            rng: crate::runtime::mt::Mt19937::from_int_seed(&BigInt::from(0x5eed_u32)),
        };
        vm.create_builtin_types();
        builtins::install(&mut vm);
        let name = vm.new_str("__main__");
        vm.set_item_str(globals, "__name__", name);
        vm.register_code(&code);
        let mut frame = Box::new(Frame::new(vm.codes[0].code.clone(), 0, globals));
        frame.names = Some(globals);
        frame.on_return = OnReturn::Exit;
        vm.frames.push(frame);
        vm
    }

    pub fn outcome(&self) -> RunOutcome {
        RunOutcome {
            stdout: self.stdout.clone(),
            stderr: self.stderr.clone(),
            exit_code: self.exit_code.unwrap_or(0),
            instructions: self.instructions,
        }
    }

    /// Adds `code` and every code object nested in its constants to the
    /// registry, in `dis` order (pre-order), and materialises their constants.
    fn register_code(&mut self, code: &Rc<CodeObject>) -> usize {
        let index = self.codes.len();
        self.codes.push(CodeEntry { code: code.clone(), consts: Rc::from(Vec::new()) });
        self.name_caches.push(Vec::new());
        self.attr_caches.push(Vec::new());
        let mut consts = Vec::with_capacity(code.consts.len());
        for c in &code.consts {
            let v = self.constant_value(c);
            consts.push(v);
        }
        self.codes[index].consts = consts.into();
        index
    }

    fn constant_value(&mut self, c: &Constant) -> Value {
        match c {
            Constant::None => Value::None,
            Constant::Ellipsis => Value::Obj(self.ellipsis),
            Constant::Bool(b) => Value::Bool(*b),
            Constant::Int(i) => match i64::try_from(i) {
                // One object per constant value, or the cached small int.
                Ok(small) if Ident::of_new_int(small) == Ident::CACHED => Value::Int(small, Ident::CACHED),
                Ok(small) => Value::Int(small, Ident::CONSTANT),
                Err(_) => self.shared_constant(c, |vm| Value::Obj(vm.heap.alloc(Object::Int(i.clone())))),
            },
            Constant::Float(f) => Value::Float(*f, Ident::CONSTANT),
            Constant::Complex { real, imag } => self.shared_constant(c, |vm| vm.new_complex((*real, *imag))),
            Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_) | Constant::FrozenSet(_) => {
                self.shared_constant(c, |vm| vm.new_constant_object(c))
            }
            Constant::Code(code) => {
                let index = self.register_code(code);
                Value::Obj(self.heap.alloc(Object::Code(index)))
            }
        }
    }

    /// A new object for a str, bytes, tuple or frozenset constant.
    fn new_constant_object(&mut self, c: &Constant) -> Value {
        match c {
            Constant::Str(s) => self.str_object(s.clone()),
            Constant::Bytes(b) => self.bytes_object(b.to_vec()),
            Constant::Tuple(items) | Constant::FrozenSet(items) => {
                let vals: Vec<Value> = items.iter().map(|c| self.constant_value(c)).collect();
                if matches!(c, Constant::FrozenSet(_)) {
                    let mut d = crate::runtime::set::PySet::new();
                    for v in vals {
                        if let Ok(k) = self.hash_key(v) {
                            d.insert(k, v);
                        }
                    }
                    Value::Obj(self.heap.alloc(Object::Set { items: d, frozen: true }))
                } else {
                    self.new_tuple(vals)
                }
            }
            _ => self.constant_value(c),
        }
    }

    fn create_builtin_types(&mut self) {
        for &t in TypeId::ALL {
            let base = if t == TypeId::Object { vec![] } else { vec![self.types[t.base() as usize]] };
            let mut mro = Vec::new();
            let id = self.heap.alloc(Object::Class(Box::new(Class {
                name: t.name().into(),
                qualname: t.name().into(),
                bases: base.clone(),
                mro: vec![],
                attrs: Dict::new(),
                builtin: Some(t),
                module: None,
                metaclass: None,
                custom_getattribute: false,
                shared_keys: Default::default(),
            })));
            mro.push(id);
            if let Some(&b) = base.first() {
                if let Object::Class(bc) = self.heap.get(b) {
                    mro.extend_from_slice(&bc.mro);
                }
            }
            if let Object::Class(c) = self.heap.get_mut(id) {
                c.mro = mro;
            }
            self.types.push(id);
        }
    }

    /// The class object of a builtin type.
    pub fn type_obj(&self, t: TypeId) -> ObjId {
        self.types[t as usize]
    }

    // ----- allocation helpers -------------------------------------------------

    pub fn new_str(&mut self, s: &str) -> Value {
        self.str_object(s)
    }

    pub fn new_string(&mut self, s: String) -> Value {
        self.str_object(s)
    }

    /// An interned str object for a name (dict keys of namespaces).
    pub fn intern(&mut self, s: &Rc<str>) -> Value {
        if let Some(&id) = self.strings.get(s) {
            return Value::Obj(id);
        }
        let v = self.str_object(s.clone());
        if let Value::Obj(id) = v {
            self.strings.insert(s.clone(), id);
        }
        v
    }

    pub fn new_int(&mut self, i: BigInt) -> Value {
        match i64::try_from(&i) {
            Ok(small) => Value::int(small),
            Err(_) => Value::Obj(self.heap.alloc(Object::Int(i))),
        }
    }

    pub fn new_tuple(&mut self, items: Vec<Value>) -> Value {
        self.tuple_object(items)
    }

    pub fn new_list(&mut self, items: Vec<Value>) -> Value {
        Value::Obj(self.heap.alloc(Object::List(items)))
    }

    pub fn new_dict(&mut self) -> ObjId {
        self.heap.alloc(Object::Dict(Dict::new()))
    }

    /// `d[name] = v` for a str key.
    pub fn set_item_str(&mut self, dict: ObjId, name: &str, v: Value) {
        let key: Rc<str> = Rc::from(name);
        let k = self.intern(&key);
        if let Object::Dict(d) = self.heap.get_mut(dict) {
            d.insert(HashKey::Str(key.into()), k, v);
        }
    }

    pub fn dict_get_str(&self, dict: ObjId, name: &Rc<str>) -> Option<Value> {
        match self.heap.get(dict) {
            Object::Dict(d) => d.get(&HashKey::Str(name.clone().into())),
            _ => None,
        }
    }

    pub fn not_implemented(&self) -> Value {
        Value::Obj(self.not_implemented)
    }

    // ----- exceptions ------------------------------------------------------------

    /// A new exception of a builtin class with a message.
    pub fn exc(&mut self, t: TypeId, msg: impl Into<String>) -> Exc {
        let msg = self.new_string(msg.into());
        self.exc_with_args(t, vec![msg])
    }

    pub fn exc_with_args(&mut self, t: TypeId, args: Vec<Value>) -> Exc {
        let class = self.type_obj(t);
        Exc(self.heap.alloc(Object::Instance(Box::new(Instance {
            class,
            attrs: Dict::new().into(),
            base: Value::Null,
            dict: None,
            exc: Some(Box::new(ExcData::new(args))),
        }))))
    }

    /// MemoryError (bare, as CPython raises it when an allocation fails)
    /// unless `items` elements of `item_bytes` fit the memory budget.
    pub fn check_size(&mut self, items: usize, item_bytes: usize) -> PyResult<()> {
        if self.limits.fits(items, item_bytes) {
            return Ok(());
        }
        Err(self.exc_with_args(TypeId::MemoryError, vec![]))
    }

    pub fn type_error<T>(&mut self, msg: impl Into<String>) -> PyResult<T> {
        Err(self.exc(TypeId::TypeError, msg))
    }

    pub fn value_error<T>(&mut self, msg: impl Into<String>) -> PyResult<T> {
        Err(self.exc(TypeId::ValueError, msg))
    }

    pub fn exc_data(&self, exc: ObjId) -> Option<&ExcData> {
        match self.heap.get(exc) {
            Object::Instance(i) if i.exc.is_some() => i.exc.as_deref(),
            _ => None,
        }
    }

    pub fn exc_data_mut(&mut self, exc: ObjId) -> Option<&mut ExcData> {
        match self.heap.get_mut(exc) {
            Object::Instance(i) if i.exc.is_some() => i.exc.as_deref_mut(),
            _ => None,
        }
    }

    // ----- I/O -----------------------------------------------------------------

    pub fn write_stdout(&mut self, s: &str) {
        self.stdout.push_str(s);
    }

    /// One line of stdin without its newline; `None` at end of input.
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub fn read_line(&mut self) -> Option<String> {
        if self.stdin_pos >= self.stdin.len() {
            return None;
        }
        let rest = substr(&self.stdin, self.stdin_pos..);
        let (line, used) = match rest.find('\n') {
            Some(i) => (substr(&rest, ..i), i + 1),
            None => (rest, rest.len()),
        };
        let line = line.strip_suffix('\r').unwrap_or(line).to_string();
        self.stdin_pos += used;
        Some(line)
    }

    pub fn source_line(&self, line: u32) -> Option<&str> {
        self.source_lines.get((line as usize).checked_sub(1)?).map(|s| s.as_str())
    }

    // ----- garbage collection -----------------------------------------------

    /// Whether a collection is due: on the heap's schedule, or as soon as its
    /// estimate passes the memory budget (the schedule alone lets the heap grow
    /// to twice its live size before it is measured again).
    #[inline]
    fn collection_due(&self) -> bool {
        collection_due(&self.heap, &self.limits)
    }

    fn maybe_collect(&mut self) {
        if self.nesting > 0 || !self.collection_due() {
            return;
        }
        let roots = self.roots();
        self.heap.collect(roots);
        // The memory budget holds for the whole heap, not only each object:
        // what survives a collection over it is a MemoryError (where CPython's
        // allocator would fail), raised at the instruction that went over.
        if self.heap.bytes() > self.limits.memory_bytes {
            let exc = self.exc(TypeId::MemoryError, "");
            self.raise(exc);
        }
    }

    /// What the program can reach: frames, globals, builtins, constants...
    fn roots(&self) -> Vec<Value> {
        let mut roots = Vec::new();
        for f in self.frames.iter() {
            f.trace(&mut roots);
        }
        for c in &self.codes {
            roots.extend_from_slice(&c.consts);
        }
        roots.extend(self.types.iter().map(|t| Value::Obj(*t)));
        roots.extend(self.strings.values().map(|t| Value::Obj(*t)));
        self.identity.roots(&mut roots);
        roots.extend(self.modules.values().copied());
        roots.extend_from_slice(&self.pinned);
        roots.extend([
            Value::Obj(self.builtins),
            Value::Obj(self.globals),
            Value::Obj(self.not_implemented),
            Value::Obj(self.ellipsis),
            self.exc_info,
        ]);
        if let Some(Ok(eval::FrameExit::Return(v) | eval::FrameExit::Yield(v))) = self.nested_exit {
            roots.push(v);
        }
        if let Some(Err(Exc(e))) = self.nested_exit {
            roots.push(Value::Obj(e));
        }
        roots
    }

    /// Whether the program can still reach `target` (CPython would still
    /// hold a reference to it).
    fn is_reachable(&self, target: ObjId) -> bool {
        let mut seen = crate::runtime::dict::FxHashSet::default();
        let mut pending = self.roots();
        let mut children = Vec::new();
        while let Some(v) = pending.pop() {
            let Value::Obj(id) = v else { continue };
            if id == target {
                return true;
            }
            if !seen.insert(id) {
                continue;
            }
            self.heap.get(id).trace(&mut children);
            pending.append(&mut children);
        }
        false
    }

    /// CPython finalises a suspended generator as soon as its last reference
    /// goes (closing it runs its `finally` blocks and except handlers). pvm
    /// has no reference counts, so where CPython drops a reference (a popped
    /// iterator, a call's arguments, overwritten variables) it checks
    /// whether the generator is still reachable.
    pub(super) fn release(&mut self, v: Value) {
        if self.nesting > 0 {
            return;
        }
        let Some(id) = v.obj() else { return };
        let suspended = matches!(self.heap.get(id), Object::Generator(g) if g.frame.as_ref().is_some_and(|f| f.resumed) && !g.running);
        if suspended && !self.is_reachable(id) {
            let _ = self.gen_close(v);
        }
    }

    /// At exit CPython clears `__main__`'s globals (names starting with an
    /// underscore first), finalising the generators only they referenced.
    pub(super) fn clear_main_module(&mut self) {
        let pairs: Vec<(Value, Value)> = match self.heap.get(self.globals) {
            Object::Dict(d) => d.iter().collect(),
            _ => return,
        };
        let underscore = |vm: &Vm, k: Value| {
            matches!(k.obj().map(|i| vm.heap.get(i)), Some(Object::Str(s)) if s.starts_with('_') && !s.starts_with("__"))
        };
        let first: Vec<(Value, Value)> = pairs.iter().copied().filter(|(k, _)| underscore(self, *k)).collect();
        let rest: Vec<(Value, Value)> = pairs.iter().copied().filter(|(k, _)| !underscore(self, *k)).collect();
        for (k, v) in first.into_iter().chain(rest) {
            if let Ok(h) = self.hash_key(k) {
                if let Object::Dict(d) = self.heap.get_mut(self.globals) {
                    d.insert(h, k, Value::None);
                }
            }
            self.release(v);
        }
    }
}
