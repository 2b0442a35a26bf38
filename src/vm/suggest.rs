//! "Did you mean: 'x'?" — the suggestions CPython 3.12's traceback.py adds
//! to NameError and AttributeError messages, computed the same way
//! (`_compute_suggestion_error` with its Levenshtein distance).

use super::types::TypeId;
use super::Vm;
use crate::runtime::casemap;
use crate::runtime::object::Object;
use crate::runtime::value::Value;

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

/// `builtins.__dict__` in CPython's order (candidates are tried in order).
const BUILTIN_NAMES: &str = "__name__ __doc__ __package__ __loader__ __spec__ __build_class__ __import__ abs all any ascii bin breakpoint callable chr compile delattr dir divmod eval exec format getattr globals hasattr hash hex id input isinstance issubclass iter aiter len locals max min next anext oct ord pow print repr round setattr sorted sum vars None Ellipsis NotImplemented False True bool memoryview bytearray bytes classmethod complex dict enumerate filter float frozenset property int list map object range reversed set slice staticmethod str super tuple type zip __debug__ BaseException BaseExceptionGroup Exception GeneratorExit KeyboardInterrupt SystemExit ArithmeticError AssertionError AttributeError BufferError EOFError ImportError LookupError MemoryError NameError OSError ReferenceError RuntimeError StopAsyncIteration StopIteration SyntaxError SystemError TypeError ValueError Warning FloatingPointError OverflowError ZeroDivisionError BytesWarning DeprecationWarning EncodingWarning FutureWarning ImportWarning PendingDeprecationWarning ResourceWarning RuntimeWarning SyntaxWarning UnicodeWarning UserWarning BlockingIOError ChildProcessError ConnectionError FileExistsError FileNotFoundError InterruptedError IsADirectoryError NotADirectoryError PermissionError ProcessLookupError TimeoutError IndentationError IndexError KeyError ModuleNotFoundError NotImplementedError RecursionError UnboundLocalError UnicodeError BrokenPipeError ConnectionAbortedError ConnectionRefusedError ConnectionResetError TabError UnicodeDecodeError UnicodeEncodeError UnicodeTranslateError ExceptionGroup EnvironmentError IOError open quit exit copyright credits license help";

/// Public names of `sys.stdlib_module_names` ("Did you forget to import 'math'").
const STDLIB_MODULES: &str = "abc aifc antigravity argparse array ast asyncio atexit audioop base64 bdb binascii bisect builtins bz2 cProfile calendar cgi cgitb chunk cmath cmd code codecs codeop collections colorsys compileall concurrent configparser contextlib contextvars copy copyreg crypt csv ctypes curses dataclasses datetime dbm decimal difflib dis doctest email encodings ensurepip enum errno faulthandler fcntl filecmp fileinput fnmatch fractions ftplib functools gc genericpath getopt getpass gettext glob graphlib grp gzip hashlib heapq hmac html http idlelib imaplib imghdr importlib inspect io ipaddress itertools json keyword lib2to3 linecache locale logging lzma mailbox mailcap marshal math mimetypes mmap modulefinder msilib msvcrt multiprocessing netrc nis nntplib nt ntpath nturl2path numbers opcode operator optparse os ossaudiodev pathlib pdb pickle pickletools pipes pkgutil platform plistlib poplib posix posixpath pprint profile pstats pty pwd py_compile pyclbr pydoc pydoc_data pyexpat queue quopri random re readline reprlib resource rlcompleter runpy sched secrets select selectors shelve shlex shutil signal site smtplib sndhdr socket socketserver spwd sqlite3 sre_compile sre_constants sre_parse ssl stat statistics string stringprep struct subprocess sunau symtable sys sysconfig syslog tabnanny tarfile telnetlib tempfile termios textwrap this threading time timeit tkinter token tokenize tomllib trace traceback tracemalloc tty turtle turtledemo types typing unicodedata unittest urllib uu uuid venv warnings wave weakref webbrowser winreg winsound wsgiref xdrlib xml xmlrpc zipapp zipfile zipimport zlib zoneinfo";

/// `dir(object)`, and what each builtin type adds to it.
const OBJECT_DIR: &str = "__class__ __delattr__ __dir__ __doc__ __eq__ __format__ __ge__ __getattribute__ __getstate__ __gt__ __hash__ __init__ __init_subclass__ __le__ __lt__ __ne__ __new__ __reduce__ __reduce_ex__ __repr__ __setattr__ __sizeof__ __str__ __subclasshook__";

/// frozenset's names; set has these and its mutators.
macro_rules! frozenset_dir {
    () => {
        "__and__ __class_getitem__ __contains__ __iter__ __len__ __or__ __rand__ __ror__ __rsub__ __rxor__ __sub__ __xor__ copy difference intersection isdisjoint issubset issuperset symmetric_difference union"
    };
}

fn type_dir(t: TypeId) -> &'static str {
    match t {
        TypeId::Int | TypeId::Bool => "__abs__ __add__ __and__ __bool__ __ceil__ __divmod__ __float__ __floor__ __floordiv__ __getnewargs__ __index__ __int__ __invert__ __lshift__ __mod__ __mul__ __neg__ __or__ __pos__ __pow__ __radd__ __rand__ __rdivmod__ __rfloordiv__ __rlshift__ __rmod__ __rmul__ __ror__ __round__ __rpow__ __rrshift__ __rshift__ __rsub__ __rtruediv__ __rxor__ __sub__ __truediv__ __trunc__ __xor__ as_integer_ratio bit_count bit_length conjugate denominator from_bytes imag is_integer numerator real to_bytes",
        TypeId::Float => "__abs__ __add__ __bool__ __ceil__ __divmod__ __float__ __floor__ __floordiv__ __getformat__ __getnewargs__ __int__ __mod__ __mul__ __neg__ __pos__ __pow__ __radd__ __rdivmod__ __rfloordiv__ __rmod__ __rmul__ __round__ __rpow__ __rsub__ __rtruediv__ __sub__ __truediv__ __trunc__ as_integer_ratio conjugate fromhex hex imag is_integer real",
        TypeId::Str => "__add__ __contains__ __getitem__ __getnewargs__ __iter__ __len__ __mod__ __mul__ __rmod__ __rmul__ capitalize casefold center count encode endswith expandtabs find format format_map index isalnum isalpha isascii isdecimal isdigit isidentifier islower isnumeric isprintable isspace istitle isupper join ljust lower lstrip maketrans partition removeprefix removesuffix replace rfind rindex rjust rpartition rsplit rstrip split splitlines startswith strip swapcase title translate upper zfill",
        TypeId::List => "__add__ __class_getitem__ __contains__ __delitem__ __getitem__ __iadd__ __imul__ __iter__ __len__ __mul__ __reversed__ __rmul__ __setitem__ append clear copy count extend index insert pop remove reverse sort",
        TypeId::Dict => "__class_getitem__ __contains__ __delitem__ __getitem__ __ior__ __iter__ __len__ __or__ __reversed__ __ror__ __setitem__ clear copy fromkeys get items keys pop popitem setdefault update values",
        TypeId::Tuple => "__add__ __class_getitem__ __contains__ __getitem__ __getnewargs__ __iter__ __len__ __mul__ __rmul__ count index",
        TypeId::FrozenSet => frozenset_dir!(),
        TypeId::Set => concat!(frozenset_dir!(), " __iand__ __ior__ __isub__ __ixor__ add clear difference_update discard intersection_update pop remove symmetric_difference_update update"),
        TypeId::Complex => "conjugate imag real",
        TypeId::Range => "count index start step stop",
        TypeId::Slice => "indices start step stop",
        TypeId::NoneType => "__bool__",
        TypeId::BuiltinFunction => "__call__ __module__ __name__ __qualname__ __self__ __text_signature__",
        TypeId::Function => "__annotations__ __builtins__ __call__ __closure__ __code__ __defaults__ __dict__ __get__ __globals__ __kwdefaults__ __module__ __name__ __qualname__ __type_params__",
        TypeId::BaseException => "__cause__ __context__ __dict__ __setstate__ __suppress_context__ __traceback__ add_note args with_traceback",
        _ => "",
    }
}

fn substitution_cost(a: char, b: char) -> usize {
    if a == b {
        0
    } else if casemap::same_ignoring_case(a, b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// traceback.py's `_levenshtein_distance`.
#[cfg_attr(target_arch = "wasm32", track_caller)]
fn levenshtein(a: &str, b: &str, max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let pre = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[pre..], &b[pre..]);
    let post = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (mut a, mut b) = (&a[..a.len() - post], &b[..b.len() - post]);
    if a.is_empty() || b.is_empty() {
        return MOVE_COST * (a.len() + b.len());
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bindex, &bchar) in b.iter().enumerate() {
        let mut distance = bindex * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (index, &achar) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(bchar, achar);
            distance = row[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[index] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The closest candidate to `wrong`, as `_compute_suggestion_error` picks it.
pub fn closest(wrong: &str, candidates: &[String]) -> Option<String> {
    if candidates.len() > MAX_CANDIDATE_ITEMS {
        return None;
    }
    let wrong_len = wrong.chars().count();
    if wrong_len > MAX_STRING_SIZE {
        return None;
    }
    let mut best = wrong_len;
    let mut suggestion: Option<&String> = None;
    for name in candidates {
        if name == wrong {
            continue;
        }
        let max_distance = ((name.chars().count() + wrong_len + 3) * MOVE_COST / 6).min(best.saturating_sub(1));
        if best == 0 {
            continue;
        }
        let d = levenshtein(wrong, name, max_distance);
        if d > max_distance {
            continue;
        }
        if suggestion.is_none() || d < best {
            suggestion = Some(name);
            best = d;
        }
    }
    suggestion.cloned()
}

pub fn builtin_names() -> Vec<String> {
    BUILTIN_NAMES.split(' ').map(String::from).collect()
}

pub fn is_stdlib_module(name: &str) -> bool {
    STDLIB_MODULES.split(' ').any(|m| m == name)
}

impl Vm {
    pub(super) fn dict_str_keys(&self, d: crate::runtime::value::ObjId) -> Vec<String> {
        match self.heap.get(d) {
            Object::Dict(d) => d
                .keys()
                .into_iter()
                .filter_map(|k| match k.obj().map(|i| self.heap.get(i)) {
                    Some(Object::Str(s)) => Some(s.to_string()),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// `dir(obj)`: sorted attribute names.
    pub(super) fn dir_of(&self, obj: Value) -> Vec<String> {
        let mut names: Vec<String> = OBJECT_DIR.split(' ').map(String::from).collect();
        let class = self.type_of(obj);
        let mut classes = self.mro_of(class);
        if let Some(Object::Class(_)) = obj.obj().map(|i| self.heap.get(i)) {
            classes = self.mro_of(obj.obj().unwrap());
        }
        for c in classes {
            if let Object::Class(cls) = self.heap.get(c) {
                names.extend(cls.attrs.keys().into_iter().filter_map(|k| match k.obj().map(|i| self.heap.get(i)) {
                    Some(Object::Str(s)) => Some(s.to_string()),
                    _ => None,
                }));
                if let Some(t) = cls.builtin {
                    names.extend(type_dir(t).split(' ').filter(|s| !s.is_empty()).map(String::from));
                }
                if cls.builtin.is_none() {
                    // A class with __slots__ has no instance dict; subclasses of
                    // variable-size builtins (int, str, tuple, bytes) no weak references.
                    names.push("__module__".to_string());
                    let slots = cls.attrs.get(&crate::runtime::dict::HashKey::Str("__slots__".into()));
                    let slotted = slots.is_some();
                    // Each name in __slots__ is a member of the class.
                    let slot_names = match slots.and_then(|s| s.obj()).map(|i| self.heap.get(i)) {
                        Some(Object::Str(s)) => vec![s.to_string()],
                        Some(Object::Tuple(items) | Object::List(items)) => items
                            .iter()
                            .filter_map(|v| match v.obj().map(|i| self.heap.get(i)) {
                                Some(Object::Str(s)) => Some(s.to_string()),
                                _ => None,
                            })
                            .collect(),
                        _ => Vec::new(),
                    };
                    names.extend(slot_names);
                    let var_sized = matches!(self.builtin_base(c), Some(TypeId::Int | TypeId::Str | TypeId::Tuple | TypeId::Bytes));
                    if !slotted {
                        names.push("__dict__".to_string());
                        if !var_sized {
                            names.push("__weakref__".to_string());
                        }
                    }
                }
            }
        }
        match obj.obj().map(|i| self.heap.get(i)) {
            Some(Object::Instance(_)) => {
                let keys: Vec<Value> = self.instance_items(obj.obj().unwrap()).into_iter().map(|(k, _)| k).collect();
                names.extend(keys.into_iter().filter_map(|k| match k.obj().map(|i| self.heap.get(i)) {
                    Some(Object::Str(s)) => Some(s.to_string()),
                    _ => None,
                }));
            }
            Some(Object::Module { dict, .. }) => names.extend(self.dict_str_keys(*dict)),
            _ => {}
        }
        crate::sort::sort(&mut names);
        names.dedup();
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_like_cpython() {
        let c = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(closest("prnt", &c(&["print", "int"])), Some("print".into()));
        assert_eq!(closest("totl", &c(&["total", "x"])), Some("total".into()));
        assert_eq!(closest("xyz", &c(&["abc"])), None);
        assert_eq!(levenshtein("apend", "append", 10), 2);
    }
}
