//! How a builtin method takes its arguments, declared once per method in its
//! type's table (`("get", dict_get, positional(1, 2))`), and the TypeError
//! CPython 3.12 raises for a call that does not fit. CPython words that error
//! by how the C function is declared (METH_NOARGS, METH_O, Argument Clinic
//! with or without keywords, PyArg_ParseTuple), so the declaration names the
//! convention and every message is derived from it.

use super::types::TypeId;
use super::{PyResult, Vm};
use crate::runtime::object::{Args, Object};
use crate::runtime::value::Value;

/// A builtin method's calling convention, which decides the wording of its
/// argument errors. `Sig::min`/`max` count positional arguments after the
/// receiver.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Convention {
    /// The method checks its own arguments (`str.format`, the dunders).
    Own,
    /// METH_NOARGS: "str.lower() takes no arguments (1 given)".
    NoArgs,
    /// METH_O: "list.append() takes exactly one argument (0 given)".
    One,
    /// Argument Clinic, positional-only: "get expected at least 1 argument, got 0".
    Positional,
    /// Hand-written code with `Positional`'s wording that names itself with
    /// its type: "deque.rotate expected at most 1 argument, got 2".
    QualifiedPositional,
    /// `Positional`'s count check, and any keywords go to the method
    /// (`dict.update(other, **pairs)`).
    PositionalAnyKeywords,
    /// METH_VARARGS parsed by PyArg_ParseTuple: "find() takes at least 1
    /// argument (0 given)".
    Tuple,
    /// Argument Clinic with keyword parameters, named in order; those from
    /// `max` on are keyword-only: "'x' is an invalid keyword argument for split()".
    Keywords(&'static [&'static str]),
    /// A slot wrapper taking no arguments (`it.__next__()`): "expected 0 arguments, got 1".
    Wrapper,
}

/// A builtin method's declared signature.
#[derive(Clone, Copy, Debug)]
pub struct Sig {
    pub min: u8,
    pub max: u8,
    pub conv: Convention,
}

/// No limit on the number of positional arguments.
const ANY: u8 = u8::MAX;

impl Sig {
    pub const OWN: Sig = Sig { min: 0, max: ANY, conv: Convention::Own };
    pub const NOARGS: Sig = Sig { min: 0, max: 0, conv: Convention::NoArgs };
    pub const ONE: Sig = Sig { min: 1, max: 1, conv: Convention::One };
    pub const WRAPPER: Sig = Sig { min: 0, max: 0, conv: Convention::Wrapper };

    pub const fn positional(min: u8, max: u8) -> Sig {
        Sig { min, max, conv: Convention::Positional }
    }

    pub const fn tuple(min: u8, max: u8) -> Sig {
        Sig { min, max, conv: Convention::Tuple }
    }

    /// PyArg_ParseTuple with no upper limit (`set.union(*others)`).
    pub const fn tuple_any() -> Sig {
        Sig { min: 0, max: ANY, conv: Convention::Tuple }
    }

    /// `min` required and `max` positional parameters among `names`.
    pub const fn keywords(min: u8, max: u8, names: &'static [&'static str]) -> Sig {
        Sig { min, max, conv: Convention::Keywords(names) }
    }

    /// Whether `n` positional arguments and no keywords certainly fit: one
    /// range check for the common call (more than `ANY` arguments to a
    /// method without a limit are left to `Vm::check_method_args`).
    #[inline(always)]
    pub fn fits(&self, n: usize) -> bool {
        (self.min as usize..=self.max as usize).contains(&n)
    }
}

/// Who is called, for the messages that name the method with its type: a
/// method of type `TypeId` called as a descriptor (`s.find(x)` for a str,
/// `list.append(xs, x)`), or bound to a receiver (`b.find(x)` for bytes,
/// `dict.fromkeys(keys)`).
///
/// CPython names a method called through its descriptor by the type that
/// defines it, and a bound method by its receiver's type (`type(self)`),
/// or the receiver itself when that is a class. pvm binds the methods of
/// most builtin values where CPython calls the descriptor, so a bound
/// method on a value is named as its descriptor would be: `b"".find(x=1)`
/// says `bytes.find()` as CPython does (only a method stored and called
/// later, `f = b"".find; f(x=1)`, words some errors differently there).
#[derive(Clone, Copy)]
pub enum Callee {
    Descriptor(TypeId),
    Bound(Value, TypeId),
}

impl Vm {
    /// Checks a builtin method call's arguments (`args.arg(0)` is the
    /// receiver) against its declared signature. The fast CALL paths only
    /// ask `Sig::fits`; this is the general path's whole check.
    pub(super) fn check_method_args(&mut self, sig: &Sig, callee: Callee, name: &str, args: &Args) -> PyResult<()> {
        let n = args.pos.len().saturating_sub(1);
        let has_keywords = !args.kw.is_empty();
        if !has_keywords && (sig.fits(n) || (sig.max == ANY && n > ANY as usize)) {
            return Ok(());
        }
        let msg = match sig.conv {
            Convention::Own => return Ok(()),
            Convention::Keywords(names) => match keywords_error(sig, names, name, n, args) {
                Some(msg) => msg,
                None => return Ok(()),
            },
            Convention::PositionalAnyKeywords if sig.fits(n) => return Ok(()),
            Convention::PositionalAnyKeywords => expected(name, sig, n),
            Convention::Wrapper if has_keywords => format!("wrapper {name}() takes no keyword arguments"),
            Convention::Wrapper => format!("expected 0 arguments, got {n}"),
            _ => {
                let qualified = format!("{}.{name}", self.owner_name(callee));
                match sig.conv {
                    _ if has_keywords => format!("{qualified}() takes no keyword arguments"),
                    Convention::NoArgs => takes(&qualified, "no arguments", n),
                    Convention::One => takes(&qualified, "exactly one argument", n),
                    Convention::Positional => expected(name, sig, n),
                    Convention::QualifiedPositional => expected(&qualified, sig, n),
                    _ => {
                        let (bound, count) = limit(sig, n);
                        takes(name, &count_of(bound.unwrap_or("exactly"), count, ""), n)
                    }
                }
            }
        };
        self.type_error(msg)
    }

    /// How Argument Clinic names a rejected argument in "replace() argument 1
    /// must be str, not X": None by value, anything else by its type.
    pub(super) fn clinic_type_name(&self, v: Value) -> String {
        match v {
            Value::None => "None".to_string(),
            _ => self.type_name(v),
        }
    }

    /// The type a method's message names it by (see `Callee`).
    fn owner_name(&self, callee: Callee) -> String {
        let owner = match callee {
            Callee::Descriptor(owner) => owner,
            Callee::Bound(receiver, owner) => match receiver.obj() {
                Some(class) if matches!(self.heap.get(class), Object::Class(_)) => return self.class_name(class),
                _ => owner,
            },
        };
        owner.name().to_string()
    }
}

/// "`who`() takes `what` (`n` given)", the shape most of these messages share.
fn takes(who: &str, what: &str, n: usize) -> String {
    format!("{who}() takes {what} ({n} given)")
}

/// "at most 2 positional arguments": `bound` `count` `kind`argument(s).
fn count_of(bound: &str, count: usize, kind: &str) -> String {
    format!("{bound} {count} {kind}argument{}", if count == 1 { "" } else { "s" })
}

/// The limit `n` positional arguments break: ("at least", min) or
/// ("at most", max), with no word when both limits are the same.
fn limit(sig: &Sig, n: usize) -> (Option<&'static str>, usize) {
    if sig.min == sig.max {
        (None, sig.min as usize)
    } else if n < sig.min as usize {
        (Some("at least"), sig.min as usize)
    } else {
        (Some("at most"), sig.max as usize)
    }
}

/// `_PyArg_CheckPositional`'s wording: "pop expected at most 1 argument,
/// got 2", "insert expected 2 arguments, got 1".
fn expected(name: &str, sig: &Sig, n: usize) -> String {
    let phrase = match limit(sig, n) {
        (Some(bound), count) => count_of(bound, count, ""),
        (None, count) => count_of("", count, "").trim_start().to_string(),
    };
    format!("{name} expected {phrase}, got {n}")
}

/// `_PyArg_UnpackKeywords`'s checks, in its order, for a method whose
/// parameters are `names` ("" for a positional-only one): None when the call fits.
fn keywords_error(sig: &Sig, names: &[&str], name: &str, n: usize, args: &Args) -> Option<String> {
    let (min, max_pos, max_all) = (sig.min as usize, sig.max as usize, names.len());
    let given = |param: &str| args.kw.iter().any(|(k, _)| &**k == param);
    let total = n + args.kw.len();
    if total > max_all {
        return Some(takes(name, &count_of("at most", max_all, if n == 0 { "keyword " } else { "" }), total));
    }
    if n > max_pos {
        if max_pos == 0 {
            return Some(format!("{name}() takes no positional arguments"));
        }
        let bound = if min < max_pos { "at most" } else { "exactly" };
        return Some(takes(name, &count_of(bound, max_pos, "positional "), n));
    }
    // Positional-only parameters are named "" (they cannot be given by name).
    let posonly = names.iter().take_while(|p| p.is_empty()).count().min(min);
    if n < posonly {
        let bound = if posonly < max_pos { "at least" } else { "exactly" };
        return Some(takes(name, &count_of(bound, posonly, "positional "), n));
    }
    if let Some(i) = (n..min).find(|&i| !given(names[i])) {
        return Some(format!("{name}() missing required argument '{}' (pos {})", names[i], i + 1));
    }
    if let Some(i) = (0..n).find(|&i| given(names[i])) {
        return Some(format!("argument for {name}() given by name ('{}') and position ({})", names[i], i + 1));
    }
    let (unknown, _) = args.kw.iter().find(|(k, _)| !names.contains(&&**k))?;
    Some(format!("'{unknown}' is an invalid keyword argument for {name}()"))
}
