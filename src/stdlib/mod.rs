//! The standard-library modules pvm ships as Python source. They are compiled
//! by pvm's own compiler the first time a program imports them (once per VM),
//! so a learner can step into `random.randint` or `heapq.heappush` like any
//! other Python function. Their code objects carry the filename
//! `<frozen NAME>` — what CPython shows for modules compiled into the
//! interpreter — and, like CPython's stdlib frames under the oracle, they are
//! left out of `pvm trace`.
//!
//! Where the sources come from depends on the build. The native build (the CLI,
//! the tests, the fuzzer) has them compiled in. The WebAssembly build leaves
//! them out of the wasm, where they were ~19 KB of its gzipped size: the page
//! downloads them as one static file (www/vendor/stdlib.json, made by
//! scripts/stdlib-bundle.mjs) alongside the wasm, and its worker hands each one
//! over with [`provide`] before the first program runs. A module the page could
//! not load is an ImportError at its import, never a panic.

use std::cell::RefCell;

/// Every module of this folder (`NAME.py`), by the name a program imports it as.
pub const MODULES: [&str; 13] = [
    "__future__", "abc", "bisect", "collections", "copy", "dataclasses", "functools",
    "heapq", "itertools", "operator", "random", "string", "typing",
];

/// Whether `name` is one of pvm's Python-source stdlib modules.
pub fn is_shipped(name: &str) -> bool {
    MODULES.contains(&name)
}

/// The Python source of the stdlib module `name`: compiled in natively, or
/// handed over by [`provide`]; None if pvm has no such module or the page
/// could not load it.
pub fn source(name: &str) -> Option<&'static str> {
    built_in(name).or_else(|| PROVIDED.with(|p| p.borrow().iter().find(|(n, _)| *n == name).map(|(_, s)| *s)))
}

thread_local! {
    /// The sources handed over at run time, `(name, source)`. Only ever grows,
    /// and a module's source never changes once given, so replaying a run
    /// (time travel) imports the same code.
    static PROVIDED: RefCell<Vec<(&'static str, &'static str)>> = const { RefCell::new(Vec::new()) };
}

/// Gives pvm the source of its stdlib module `name` (the page's worker does,
/// from www/vendor/stdlib.json). False, and nothing changes, if `name` is not
/// one of [`MODULES`] or its source is already known.
pub fn provide(name: &str, source: &str) -> bool {
    let Some(&name) = MODULES.iter().find(|&&n| n == name) else { return false };
    if self::source(name).is_some() {
        return false;
    }
    // Kept for the life of the instance, like the compiled-in sources.
    let source: &'static str = Box::leak(source.into());
    PROVIDED.with(|p| p.borrow_mut().push((name, source)));
    true
}

#[cfg(not(target_arch = "wasm32"))]
fn built_in(name: &str) -> Option<&'static str> {
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

/// The wasm build has none compiled in: the page provides them.
#[cfg(target_arch = "wasm32")]
fn built_in(_name: &str) -> Option<&'static str> {
    None
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

#[cfg(test)]
mod tests {
    use super::*;

    /// MODULES names exactly the .py files of this folder, which is what
    /// scripts/stdlib-bundle.mjs puts in the page's stdlib.json.
    #[test]
    fn modules_are_the_folders_python_files() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/stdlib");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .expect("src/stdlib")
            .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".py").map(str::to_string))
            .collect();
        files.sort();
        assert_eq!(files, MODULES);
        for name in MODULES {
            assert!(source(name).is_some_and(|s| !s.is_empty()), "{name} is compiled in natively");
        }
    }

    #[test]
    fn provide_accepts_only_unknown_stdlib_modules() {
        assert!(!provide("not_a_module", "x = 1"), "not one of MODULES");
        assert!(!provide("random", "x = 1"), "compiled in natively: the source stays");
        assert_ne!(source("random"), Some("x = 1"));
    }
}
