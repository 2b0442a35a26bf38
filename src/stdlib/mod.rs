//! The standard-library modules pvm ships as Python source. They are compiled
//! by pvm's own compiler the first time a program imports them (once per VM),
//! so a learner can step into `random.randint` or `heapq.heappush` like any
//! other Python function. Their code objects carry the filename
//! `<frozen NAME>` — what CPython shows for modules compiled into the
//! interpreter — and, like CPython's stdlib frames under the oracle, they are
//! left out of `pvm trace`.

/// The Python source of the stdlib module `name`, if pvm ships one.
pub fn source(name: &str) -> Option<&'static str> {
    Some(match name {
        "random" => include_str!("random.py"),
        "collections" => include_str!("collections.py"),
        "itertools" => include_str!("itertools.py"),
        "functools" => include_str!("functools.py"),
        "heapq" => include_str!("heapq.py"),
        "bisect" => include_str!("bisect.py"),
        "operator" => include_str!("operator.py"),
        "copy" => include_str!("copy.py"),
        "string" => include_str!("string.py"),
        "dataclasses" => include_str!("dataclasses.py"),
        "typing" => include_str!("typing.py"),
        "abc" => include_str!("abc.py"),
        "__future__" => include_str!("__future__.py"),
        _ => return None,
    })
}

/// The filename a stdlib module's code objects carry.
pub fn filename(name: &str) -> String {
    format!("<frozen {name}>")
}

/// Whether a code object's filename names a stdlib module's source.
pub fn is_stdlib_filename(filename: &str) -> bool {
    filename.starts_with("<frozen ")
}

/// Whether a stdlib module's code stands for code CPython implements in C, so its
/// frames never appear in a traceback: typing's TypeVar/TypeAliasType (typevarobject.c),
/// abc's abstract-class check (object.__new__), functools' partial/cache/reduce (_functools),
/// collections' OrderedDict (_collections) and namedtuple's generated `__new__`, whose
/// argument errors CPython raises before any frame runs.
pub fn is_native_in_cpython(filename: &str) -> bool {
    matches!(filename, "<frozen typing>" | "<frozen abc>" | "<frozen functools>" | "<frozen collections>")
}
