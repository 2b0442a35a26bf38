//! bytes and bytearray: construction, the codecs (`str.encode`,
//! `bytes.decode`), the methods, and the operator helpers `ops` calls.
//! Errors are worded as CPython 3.12's Objects/bytesobject.c,
//! bytearrayobject.c and Python/codecs.c word them.

use crate::text::substr;
use super::methods::Method;
use super::signature::Sig;
use std::fmt::Write as _;
use super::ops::Num;
use super::types::TypeId;
use super::{Exc, PyResult, Vm};
use crate::runtime::object::{Args, Object};
use crate::runtime::value::Value;
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, Zero};
use std::rc::Rc;

pub(super) const BYTES: &[Method] = &[
    ("decode", decode, &Sig::keywords(0, 2, &["encoding", "errors"])),
    ("hex", hex, &Sig::keywords(0, 2, &["sep", "bytes_per_sep"])),
    ("fromhex", fromhex, &Sig::ONE),
    ("split", split, &Sig::keywords(0, 2, &["sep", "maxsplit"])),
    ("rsplit", rsplit, &Sig::keywords(0, 2, &["sep", "maxsplit"])),
    ("join", join, &Sig::ONE),
    ("strip", strip, &Sig::positional(0, 1)),
    ("lstrip", lstrip, &Sig::positional(0, 1)),
    ("rstrip", rstrip, &Sig::positional(0, 1)),
    ("startswith", startswith, &Sig::tuple(1, 3)),
    ("endswith", endswith, &Sig::tuple(1, 3)),
    ("find", find, &Sig::tuple(1, 3)),
    ("rfind", rfind, &Sig::tuple(1, 3)),
    ("index", index, &Sig::tuple(1, 3)),
    ("rindex", rindex, &Sig::tuple(1, 3)),
    ("count", count, &Sig::tuple(1, 3)),
    ("upper", upper, &Sig::NOARGS),
    ("lower", lower, &Sig::NOARGS),
    ("swapcase", swapcase, &Sig::NOARGS),
    ("capitalize", capitalize, &Sig::NOARGS),
    ("title", title, &Sig::NOARGS),
    ("replace", replace, &Sig::positional(2, 3)),
    ("isdigit", isdigit, &Sig::NOARGS),
    ("isalpha", isalpha, &Sig::NOARGS),
    ("isalnum", isalnum, &Sig::NOARGS),
    ("isspace", isspace, &Sig::NOARGS),
    ("islower", islower, &Sig::NOARGS),
    ("isupper", isupper, &Sig::NOARGS),
    ("isascii", isascii, &Sig::NOARGS),
    ("istitle", istitle, &Sig::NOARGS),
    ("translate", translate, &Sig::keywords(1, 2, &["", "delete"])),
    ("maketrans", maketrans, &Sig::positional(2, 2)),
    ("partition", partition, &Sig::ONE),
    ("rpartition", rpartition, &Sig::ONE),
    ("removeprefix", removeprefix, &Sig::ONE),
    ("removesuffix", removesuffix, &Sig::ONE),
    ("splitlines", splitlines, &Sig::keywords(0, 1, &["keepends"])),
    ("zfill", zfill, &Sig::ONE),
    ("expandtabs", expandtabs, &Sig::keywords(0, 1, &["tabsize"])),
    ("center", center, &Sig::positional(1, 2)),
    ("ljust", ljust, &Sig::positional(1, 2)),
    ("rjust", rjust, &Sig::positional(1, 2)),
];

/// bytearray's own methods (the mutators); it has every bytes method too.
pub(super) const BYTEARRAY: &[Method] = &[
    ("append", append, &Sig::ONE),
    ("extend", extend, &Sig::ONE),
    ("pop", pop, &Sig::positional(0, 1)),
    ("insert", insert, &Sig::positional(2, 2)),
    ("remove", remove, &Sig::ONE),
    ("clear", clear, &Sig::NOARGS),
    ("copy", copy, &Sig::NOARGS),
    ("reverse", reverse, &Sig::NOARGS),
];

/// ASCII whitespace as `bytes.split()` and `bytes.strip()` see it.
const WHITESPACE: &[u8] = b" \t\n\r\x0b\x0c";

// ----- values and arguments ------------------------------------------------------------

impl Vm {
    /// The content of a bytes or bytearray object.
    pub(super) fn byte_data(&self, v: Value) -> Option<&[u8]> {
        match v.obj().map(|id| self.heap.get(id)) {
            Some(Object::Bytes(b)) => Some(b),
            Some(Object::ByteArray(b)) => Some(b),
            _ => None,
        }
    }

    pub(super) fn new_bytes(&mut self, b: Vec<u8>) -> Value {
        self.bytes_object(b)
    }

    fn new_bytearray(&mut self, b: Vec<u8>) -> Value {
        Value::Obj(self.heap.alloc(Object::ByteArray(b)))
    }

    fn is_bytearray(&self, v: Value) -> bool {
        matches!(v.obj().map(|id| self.heap.get(id)), Some(Object::ByteArray(_)))
    }

    /// A result of the same type as `like` (bytes methods on a bytearray return bytearrays).
    fn bytes_like(&mut self, like: Value, b: Vec<u8>) -> Value {
        if self.is_bytearray(like) {
            self.new_bytearray(b)
        } else {
            self.new_bytes(b)
        }
    }

    /// The bytes of a bytes-like argument, or CPython's TypeError.
    fn buffer_arg(&mut self, v: Value) -> PyResult<Vec<u8>> {
        match self.byte_data(v) {
            Some(b) => Ok(b.to_vec()),
            None => {
                let t = self.type_name(v);
                self.type_error(format!("a bytes-like object is required, not '{t}'"))
            }
        }
    }

    /// An int as a byte value (0..=255).
    fn byte_value(&mut self, v: Value) -> PyResult<u8> {
        let n = self.index_of(v).map_err(|e| self.byte_range_if_big(v, e))?;
        match u8::try_from(n) {
            Ok(b) => Ok(b),
            Err(_) => self.value_error("byte must be in range(0, 256)"),
        }
    }

    /// A huge int is out of the byte range rather than out of the index range.
    fn byte_range_if_big(&mut self, v: Value, e: Exc) -> Exc {
        if matches!(v.obj().map(|id| self.heap.get(id)), Some(Object::Int(_))) {
            self.exc(TypeId::ValueError, "byte must be in range(0, 256)")
        } else {
            e
        }
    }

    // ----- operators (called by ops) ------------------------------------------------

    /// `b + x`, `b * n` and `b % args` for a bytes or bytearray `lhs`.
    pub(super) fn bytes_binary_op(&mut self, lhs: Value, rhs: Value, op: usize, inplace: bool) -> PyResult<Option<Value>> {
        let Some(a) = self.byte_data(lhs).map(<[u8]>::to_vec) else { return Ok(None) };
        match op {
            0 => {
                let Some(b) = self.byte_data(rhs).map(<[u8]>::to_vec) else {
                    let (rt, lt) = (self.type_name(rhs), self.type_name(lhs));
                    return self.type_error(format!("can't concat {rt} to {lt}"));
                };
                self.check_size(a.len().saturating_add(b.len()), 1)?;
                if inplace && self.is_bytearray(lhs) {
                    if let Some(Object::ByteArray(v)) = lhs.obj().map(|id| self.heap.get_mut(id)) {
                        v.extend_from_slice(&b);
                    }
                    return Ok(Some(lhs));
                }
                Ok(Some(self.bytes_like(lhs, [a, b].concat())))
            }
            5 => {
                let n = match self.num(rhs) {
                    Some(Num::Int(n)) => n.max(0) as usize,
                    Some(Num::Big(_)) => {
                        return Err(self.exc(TypeId::OverflowError, "cannot fit 'int' into an index-sized integer"))
                    }
                    _ => return Ok(None),
                };
                self.check_size(a.len().saturating_mul(n), 1)?;
                let r = a.repeat(n);
                if inplace && self.is_bytearray(lhs) {
                    if let Some(Object::ByteArray(v)) = lhs.obj().map(|id| self.heap.get_mut(id)) {
                        *v = r;
                    }
                    return Ok(Some(lhs));
                }
                Ok(Some(self.bytes_like(lhs, r)))
            }
            6 => {
                let r = self.bytes_percent_format(&a, rhs)?;
                Ok(Some(self.bytes_like(lhs, r)))
            }
            _ => Ok(None),
        }
    }

    /// `b % args`: str's %-formatting over the bytes read as latin-1, with
    /// bytes arguments inserted as their raw bytes.
    fn bytes_percent_format(&mut self, fmt: &[u8], args: Value) -> PyResult<Vec<u8>> {
        let items = match args.obj().map(|id| self.heap.get(id)) {
            Some(Object::Tuple(items)) => Some(items.clone()),
            _ => None,
        };
        let convert = |vm: &mut Vm, v: Value| -> PyResult<Value> {
            if let Some(b) = vm.byte_data(v) {
                let s = latin1(b);
                return Ok(vm.new_string(s));
            }
            if matches!(v.obj().map(|id| vm.heap.get(id)), Some(Object::Str(_))) {
                let t = vm.type_name(v);
                return vm.type_error(format!(
                    "%b requires a bytes-like object, or an object that implements __bytes__, not '{t}'"
                ));
            }
            Ok(v)
        };
        let args = match items {
            Some(items) => {
                let mut out = Vec::with_capacity(items.len());
                for v in items {
                    out.push(convert(self, v)?);
                }
                self.new_tuple(out)
            }
            None => convert(self, args)?,
        };
        let text = self.percent_format(&latin1(fmt), args)?;
        Ok(text.chars().map(|c| c as u32 as u8).collect())
    }

    /// `b[i]` and `b[i:j:k]`.
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub(super) fn bytes_getitem(&mut self, container: Value, sub: Value) -> PyResult<Value> {
        let data = self.byte_data(container).map(<[u8]>::to_vec).unwrap_or_default();
        let what = if self.is_bytearray(container) { "bytearray" } else { "byte" };
        if let Some(s) = sub.obj().filter(|s| matches!(self.heap.get(*s), Object::Slice { .. })) {
            let (start, _, step, count) = self.slice_indices(s, data.len())?;
            if step == 1 && count == data.len() && !self.is_bytearray(container) {
                return Ok(container);
            }
            let out: Vec<u8> = (0..count).map(|k| data[(start + k as i64 * step) as usize]).collect();
            return Ok(self.bytes_like(container, out));
        }
        let i = self.byte_index(sub, what)?;
        match normalise(i, data.len()) {
            Some(i) => Ok(Value::int(data[i] as i64)),
            None if what == "byte" => Err(self.exc(TypeId::IndexError, "index out of range")),
            None => Err(self.exc(TypeId::IndexError, "bytearray index out of range")),
        }
    }

    fn byte_index(&mut self, sub: Value, what: &str) -> PyResult<i64> {
        match sub {
            Value::Int(i, _) => Ok(i),
            Value::Bool(b) => Ok(b as i64),
            Value::Obj(id) if matches!(self.heap.get(id), Object::Int(_)) => {
                Err(self.exc(TypeId::IndexError, "cannot fit 'int' into an index-sized integer"))
            }
            _ => {
                let t = self.type_name(sub);
                self.type_error(format!("{what} indices must be integers or slices, not {t}"))
            }
        }
    }

    /// `ba[i] = x` and `ba[i:j] = iterable` on a bytearray.
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub(super) fn bytearray_setitem(&mut self, container: Value, sub: Value, v: Value) -> PyResult<()> {
        let len = self.byte_data(container).map_or(0, <[u8]>::len);
        let id = container.obj().expect("bytearray is a heap object");
        if let Some(s) = sub.obj().filter(|s| matches!(self.heap.get(*s), Object::Slice { .. })) {
            let new = self.bytes_from_source(v)?;
            let (start, stop, step, count) = self.slice_indices(s, len)?;
            let Object::ByteArray(items) = self.heap.get_mut(id) else { unreachable!("checked by the caller") };
            if step == 1 {
                items.splice(start as usize..stop.max(start) as usize, new);
                return Ok(());
            }
            if new.len() != count {
                let msg = format!("attempt to assign bytes of size {} to extended slice of size {count}", new.len());
                return self.value_error(msg);
            }
            for (k, x) in new.into_iter().enumerate() {
                items[(start + k as i64 * step) as usize] = x;
            }
            return Ok(());
        }
        let i = self.byte_index(sub, "bytearray")?;
        let Some(i) = normalise(i, len) else {
            return Err(self.exc(TypeId::IndexError, "bytearray index out of range"));
        };
        let b = self.byte_value(v)?;
        if let Object::ByteArray(items) = self.heap.get_mut(id) {
            items[i] = b;
        }
        Ok(())
    }

    /// `int(b"12")` and `float(b"1.5")`: the bytes read as text, with the
    /// bytes' repr in the error; None when `v` is not bytes-like.
    pub(super) fn number_from_bytes(&mut self, v: Value, base: Option<Value>, float: bool) -> PyResult<Option<Value>> {
        let Some(b) = self.byte_data(v) else { return Ok(None) };
        let repr = crate::runtime::repr::bytes_repr(b);
        let text = self.new_string(latin1(b));
        let result = if float { self.to_float(text) } else { self.to_int(text, base) };
        result.map(Some).map_err(|e| {
            let msg = match self.exc_data(e.0).and_then(|d| d.args.first().copied()).and_then(|m| m.obj()) {
                Some(m) => match self.heap.get(m) {
                    Object::Str(s) if s.starts_with("invalid literal") || s.starts_with("could not convert") => {
                        crate::text::find(&s, ": ").map(|i| format!("{}{repr}", substr(&s, ..i + 2)))
                    }
                    _ => None,
                },
                None => None,
            };
            match msg {
                Some(msg) => self.exc(TypeId::ValueError, msg),
                None => e,
            }
        })
    }

    /// `del ba[i]` and `del ba[i:j:k]` on a bytearray.
    pub(super) fn bytearray_delitem(&mut self, container: Value, sub: Value) -> PyResult<()> {
        let len = self.byte_data(container).map_or(0, <[u8]>::len);
        let id = container.obj().expect("bytearray is a heap object");
        let doomed: Vec<usize> = match sub.obj().filter(|s| matches!(self.heap.get(*s), Object::Slice { .. })) {
            Some(s) => {
                let (start, _, step, count) = self.slice_indices(s, len)?;
                (0..count).map(|k| (start + k as i64 * step) as usize).collect()
            }
            None => {
                let i = self.byte_index(sub, "bytearray")?;
                match normalise(i, len) {
                    Some(i) => vec![i],
                    None => return Err(self.exc(TypeId::IndexError, "bytearray index out of range")),
                }
            }
        };
        if let Object::ByteArray(items) = self.heap.get_mut(id) {
            let mut k = 0;
            items.retain(|_| {
                k += 1;
                !doomed.contains(&(k - 1))
            });
        }
        Ok(())
    }

    /// `x in b`: a byte value or a sub-sequence.
    pub(super) fn bytes_contains(&mut self, container: Value, item: Value) -> PyResult<bool> {
        let needle = if self.byte_data(item).is_some() || self.num(item).is_none() {
            self.buffer_arg(item)?
        } else {
            vec![self.byte_value(item)?]
        };
        let hay = self.byte_data(container).unwrap_or_default();
        Ok(find_sub(hay, &needle, false).is_some())
    }

    /// The argument of find/count/index/`in`: an int (one byte) or bytes-like.
    fn sub_arg(&mut self, v: Value) -> PyResult<Vec<u8>> {
        if let Some(b) = self.byte_data(v) {
            return Ok(b.to_vec());
        }
        if self.num(v).is_some_and(|n| !matches!(n, Num::Float(_))) {
            return Ok(vec![self.byte_value(v)?]);
        }
        let t = self.type_name(v);
        self.type_error(format!("argument should be integer or bytes-like object, not '{t}'"))
    }

    /// The bytes of `bytes(x)`'s source when x is not a str or a count:
    /// bytes-like objects, then iterables of ints.
    fn bytes_from_source(&mut self, v: Value) -> PyResult<Vec<u8>> {
        if let Some(b) = self.byte_data(v) {
            return Ok(b.to_vec());
        }
        if matches!(v.obj().map(|i| self.heap.get(i)), Some(Object::Str(_))) {
            return self.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        }
        let items = self.collect_iterable(v)?;
        let mut out = Vec::with_capacity(items.len());
        for x in items {
            out.push(self.byte_value(x)?);
        }
        Ok(out)
    }

    // ----- codecs -----------------------------------------------------------------

    /// `s.encode(encoding, errors)`.
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub(super) fn encode_str(&mut self, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
        let codec = self.codec(encoding)?;
        let limit = match codec {
            Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
            Codec::Ascii => 0x80,
            Codec::Latin1 => 0x100,
        };
        let chars: Vec<char> = s.chars().collect();
        let mut out = Vec::with_capacity(chars.len());
        let mut i = 0;
        while i < chars.len() {
            if (chars[i] as u32) < limit {
                out.push(chars[i] as u32 as u8);
                i += 1;
                continue;
            }
            let end = (i..chars.len()).find(|&j| (chars[j] as u32) < limit).unwrap_or(chars.len());
            match errors {
                "strict" => {
                    let reason = format!("ordinal not in range({limit})");
                    let at = if end - i == 1 {
                        format!("character '{}' in position {i}", escape_char(chars[i]))
                    } else {
                        format!("characters in position {i}-{}", end - 1)
                    };
                    let msg = format!("'{}' codec can't encode {at}: {reason}", codec.name());
                    let object = self.new_str(s);
                    return Err(self.unicode_error(TypeId::UnicodeEncodeError, msg, codec, object, i, end, &reason));
                }
                "ignore" => {}
                "replace" => out.extend(std::iter::repeat_n(b'?', end - i)),
                "backslashreplace" => {
                    for &c in &chars[i..end] {
                        out.extend_from_slice(escape_char(c).as_bytes());
                    }
                }
                "xmlcharrefreplace" => {
                    for &c in &chars[i..end] {
                        out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                    }
                }
                other => return Err(self.exc(TypeId::LookupError, format!("unknown error handler name '{other}'"))),
            }
            i = end;
        }
        Ok(out)
    }

    /// `b.decode(encoding, errors)`.
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub(super) fn decode_bytes(&mut self, b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
        let codec = self.codec(encoding)?;
        let mut out = String::with_capacity(b.len());
        let mut pos = 0;
        while pos < b.len() {
            // The next undecodable run [start, end) and why.
            let (start, end, reason) = match codec {
                Codec::Latin1 => {
                    out.extend(b[pos..].iter().map(|&x| x as char));
                    break;
                }
                Codec::Ascii => match b[pos..].iter().position(|&x| x >= 0x80) {
                    None => {
                        out.extend(b[pos..].iter().map(|&x| x as char));
                        break;
                    }
                    Some(k) => {
                        out.extend(b[pos..pos + k].iter().map(|&x| x as char));
                        (pos + k, pos + k + 1, "ordinal not in range(128)")
                    }
                },
                Codec::Utf8 => match std::str::from_utf8(&b[pos..]) {
                    Ok(s) => {
                        out.push_str(s);
                        break;
                    }
                    Err(e) => {
                        let start = pos + e.valid_up_to();
                        // Not `expect`: Utf8Error's Debug would bring core's struct formatting into the wasm.
                        out.push_str(std::str::from_utf8(&b[pos..start]).unwrap_or_else(|_| unreachable!("valid prefix")));
                        // Rust's maximal invalid subparts are CPython's error ranges.
                        match e.error_len() {
                            None => (start, b.len(), "unexpected end of data"),
                            Some(n) if matches!(b[start], 0x80..=0xC1 | 0xF5..=0xFF) => (start, start + n, "invalid start byte"),
                            Some(n) => (start, start + n, "invalid continuation byte"),
                        }
                    }
                },
            };
            match errors {
                "strict" => {
                    let at = if end - start == 1 {
                        format!("byte 0x{:02x} in position {start}", b[start])
                    } else {
                        format!("bytes in position {start}-{}", end - 1)
                    };
                    let msg = format!("'{}' codec can't decode {at}: {reason}", codec.name());
                    let object = self.new_bytes(b.to_vec());
                    return Err(self.unicode_error(TypeId::UnicodeDecodeError, msg, codec, object, start, end, reason));
                }
                "ignore" => {}
                "replace" => out.push('\u{FFFD}'),
                "backslashreplace" => {
                    for &x in &b[start..end] {
                        let _ = write!(out, "\\x{x:02x}");
                    }
                }
                other => return Err(self.exc(TypeId::LookupError, format!("unknown error handler name '{other}'"))),
            }
            pos = end;
        }
        Ok(out)
    }

    fn codec(&mut self, encoding: &str) -> PyResult<Codec> {
        let norm: String = encoding
            .trim()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() || c == '.' { c.to_ascii_lowercase() } else { '_' })
            .collect();
        Ok(match norm.as_str() {
            "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => Codec::Utf8,
            "ascii" | "us_ascii" | "646" | "us" | "cp367" | "csascii" | "ibm367" | "iso646_us" | "iso_ir_6"
            | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986" | "iso_646.irv_1991" => Codec::Ascii,
            "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "iso8859" | "8859" | "cp819"
            | "ibm819" | "iso_ir_100" | "csisolatin1" | "iso_8859_1_1987" => Codec::Latin1,
            _ => return Err(self.exc(TypeId::LookupError, format!("unknown encoding: {encoding}"))),
        })
    }

    /// A UnicodeEncodeError/UnicodeDecodeError with its attributes.
    #[allow(clippy::too_many_arguments)]
    fn unicode_error(&mut self, t: TypeId, msg: String, codec: Codec, object: Value, start: usize, end: usize, reason: &str) -> Exc {
        let exc = self.exc(t, msg);
        let attrs = [
            ("encoding", self.new_str(codec.name())),
            ("object", object),
            ("start", Value::int(start as i64)),
            ("end", Value::int(end as i64)),
            ("reason", self.new_str(reason)),
        ];
        for (name, v) in attrs {
            let key: Rc<str> = Rc::from(name);
            let k = self.intern(&key);
            if let Object::Instance(inst) = self.heap.get_mut(exc.0) {
                inst.attrs.insert(crate::runtime::dict::HashKey::Str(key.into()), k, v);
            }
        }
        exc
    }

    /// `(encoding, errors)` from positional and keyword arguments after the
    /// receiver (at most two: `encode`'s and `decode`'s signatures and
    /// `str()` have counted them).
    fn codec_args(&mut self, args: &mut Args, name: &str) -> PyResult<(String, String)> {
        let encoding = args.take_kw("encoding");
        let errors = args.take_kw("errors");
        // Only `str(b, ...)` passes keywords its signature has not checked.
        if let Some((k, _)) = args.kw.first() {
            let k = k.clone();
            return self.type_error(format!("'{k}' is an invalid keyword argument for {name}()"));
        }
        let encoding = args.pos.get(1).copied().or(encoding);
        let errors = args.pos.get(2).copied().or(errors);
        let text = |vm: &mut Vm, v: Option<Value>, what: &str, default: &str| -> PyResult<String> {
            match v {
                None => Ok(default.to_string()),
                Some(v) => match v.obj().map(|id| vm.heap.get(id)) {
                    Some(Object::Str(s)) => Ok(s.to_string()),
                    _ => {
                        let t = vm.clinic_type_name(v);
                        vm.type_error(format!("{name}() argument '{what}' must be str, not {t}"))
                    }
                },
            }
        };
        let encoding = text(self, encoding, "encoding", "utf-8")?;
        let errors = text(self, errors, "errors", "strict")?;
        Ok((encoding, errors))
    }
}

#[derive(Clone, Copy)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }
}

/// A character as the codecs' messages show it: `\xe9`, `\u20ac`, `\U0001f600`.
fn escape_char(c: char) -> String {
    match c as u32 {
        n if n < 0x100 => format!("\\x{n:02x}"),
        n if n < 0x10000 => format!("\\u{n:04x}"),
        n => format!("\\U{n:08x}"),
    }
}

/// Bytes read as latin-1 text (one char per byte).
fn latin1(b: &[u8]) -> String {
    b.iter().map(|&x| x as char).collect()
}

fn normalise(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i + len as i64 } else { i };
    (0..len as i64).contains(&i).then_some(i as usize)
}

fn find_sub(hay: &[u8], needle: &[u8], rev: bool) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    let mut starts = 0..=hay.len() - needle.len();
    let matches = |&i: &usize| hay[i..i + needle.len()] == *needle;
    if rev {
        starts.rev().find(matches)
    } else {
        starts.find(matches)
    }
}

/// Non-overlapping occurrences of a non-empty `sep`, left to right.
fn occurrences(hay: &[u8], sep: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(k) = find_sub(&hay[i..], sep, false) {
        out.push(i + k);
        i += k + sep.len();
    }
    out
}

// ----- constructors --------------------------------------------------------------

/// `bytes(...)` and `bytearray(...)`.
pub(super) fn construct(vm: &mut Vm, t: TypeId, mut args: Args) -> PyResult<Value> {
    let name = t.name();
    let source = args.take_kw("source");
    let encoding = args.take_kw("encoding");
    let errors = args.take_kw("errors");
    if let Some((k, _)) = args.kw.first() {
        let k = k.clone();
        return vm.type_error(format!("'{k}' is an invalid keyword argument for {name}()"));
    }
    if args.pos.len() > 3 {
        let n = args.pos.len();
        return vm.type_error(format!("{name}() takes at most 3 arguments ({n} given)"));
    }
    let source = args.pos.first().copied().or(source);
    let encoding = args.pos.get(1).copied().or(encoding);
    let errors = args.pos.get(2).copied().or(errors);
    // bytes(b) of a bytes is b itself: it is immutable, so CPython shares it.
    if let (TypeId::Bytes, Some(v), None, None) = (t, source, encoding, errors) {
        if matches!(v.obj().map(|id| vm.heap.get(id)), Some(Object::Bytes(_))) {
            return Ok(v);
        }
    }
    let data = match source {
        None if encoding.is_some() || errors.is_some() => {
            return vm.type_error(if encoding.is_some() { "encoding without a string argument" } else { "errors without a string argument" });
        }
        None => Vec::new(),
        Some(v) => match v.obj().map(|id| vm.heap.get(id)) {
            Some(Object::Str(s)) => {
                let s = s.clone();
                let Some(encoding) = encoding else {
                    return vm.type_error("string argument without an encoding");
                };
                let mut call = Args::new(vec![Value::None, encoding]);
                call.pos.extend(errors);
                let (encoding, errors) = vm.codec_args(&mut call, "str")?;
                vm.encode_str(&s, &encoding, &errors)?
            }
            _ if encoding.is_some() => return vm.type_error("encoding without a string argument"),
            _ if errors.is_some() => return vm.type_error("errors without a string argument"),
            _ => match vm.num(v) {
                Some(Num::Int(n)) => {
                    if n < 0 {
                        return vm.value_error("negative count");
                    }
                    vm.check_size(n as usize, 1)?;
                    vec![0; n as usize]
                }
                Some(Num::Big(_)) => return Err(vm.exc(TypeId::OverflowError, "cannot fit 'int' into an index-sized integer")),
                Some(Num::Float(_)) => {
                    let tn = vm.type_name(v);
                    return vm.type_error(format!("cannot convert '{tn}' object to {name}"));
                }
                None => {
                    if let Some(r) = vm.call_dunder(v, "__bytes__", vec![])? {
                        vm.buffer_arg(r)?
                    } else if vm.byte_data(v).is_some() {
                        vm.byte_data(v).map(<[u8]>::to_vec).unwrap_or_default()
                    } else {
                        let items = match vm.collect_iterable(v) {
                            Ok(items) => items,
                            Err(_) => {
                                let tn = vm.type_name(v);
                                return vm.type_error(format!("cannot convert '{tn}' object to {name}"));
                            }
                        };
                        let mut out = Vec::with_capacity(items.len());
                        for x in items {
                            match vm.byte_value(x) {
                                Ok(b) => out.push(b),
                                Err(e) if t == TypeId::Bytes && vm.exc_type_is(e, TypeId::ValueError) => {
                                    return vm.value_error("bytes must be in range(0, 256)")
                                }
                                Err(e) => return Err(e),
                            }
                        }
                        out
                    }
                }
            },
        },
    };
    Ok(if t == TypeId::ByteArray { vm.new_bytearray(data) } else { vm.new_bytes(data) })
}

impl Vm {
    fn exc_type_is(&self, e: Exc, t: TypeId) -> bool {
        match self.heap.get(e.0) {
            Object::Instance(i) => i.class == self.type_obj(t),
            _ => false,
        }
    }
}

// ----- methods -------------------------------------------------------------------

fn this(args: &Args) -> Value {
    args.pos.first().copied().unwrap_or(Value::None)
}

fn data(vm: &Vm, args: &Args) -> Vec<u8> {
    vm.byte_data(this(args)).map(<[u8]>::to_vec).unwrap_or_default()
}


/// An index argument CPython reads as a C `Py_ssize_t`.
fn ssize(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match vm.num(v) {
        Some(Num::Big(_)) => Err(vm.exc(TypeId::OverflowError, "Python int too large to convert to C ssize_t")),
        _ => vm.index_of(v),
    }
}

/// An argument CPython reads as a C `int`.
pub(super) fn c_int(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match vm.num(v) {
        Some(Num::Big(_)) => Err(vm.exc(TypeId::OverflowError, "Python int too large to convert to C int")),
        Some(Num::Int(i)) if i32::try_from(i).is_err() => {
            Err(vm.exc(TypeId::OverflowError, "Python int too large to convert to C int"))
        }
        _ => vm.index_of(v),
    }
}

fn ret(vm: &mut Vm, args: &Args, b: Vec<u8>) -> PyResult<Value> {
    Ok(vm.bytes_like(this(args), b))
}

/// `str.encode(encoding='utf-8', errors='strict')`.
pub(super) fn str_encode(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (encoding, errors) = vm.codec_args(args, "encode")?;
    let s = match this(args).obj().map(|id| vm.heap.get(id)) {
        Some(Object::Str(s)) => s.to_rc(),
        _ => Rc::from(""),
    };
    let b = vm.encode_str(&s, &encoding, &errors)?;
    Ok(vm.new_bytes(b))
}

/// `str(b, encoding, errors)`: decoding; `str(x)` alone is repr-like.
pub(super) fn str_from_bytes(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let source = args.take_kw("object");
    if args.pos.len() > 3 {
        let n = args.pos.len();
        return vm.type_error(format!("str() takes at most 3 arguments ({n} given)"));
    }
    let source = if args.pos.is_empty() { source.unwrap_or(Value::None) } else { args.pos.remove(0) };
    let mut call = Args { pos: vec![source], kw: std::mem::take(&mut args.kw) };
    call.pos.append(&mut args.pos);
    let (encoding, errors) = vm.codec_args(&mut call, "str")?;
    let Some(b) = vm.byte_data(source).map(<[u8]>::to_vec) else {
        if matches!(source.obj().map(|id| vm.heap.get(id)), Some(Object::Str(_))) {
            return vm.type_error("decoding str is not supported");
        }
        let t = vm.type_name(source);
        return vm.type_error(format!("decoding to str: need a bytes-like object, {t} found"));
    };
    let s = vm.decode_bytes(&b, &encoding, &errors)?;
    Ok(vm.new_string(s))
}

fn decode(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (encoding, errors) = vm.codec_args(args, "decode")?;
    let b = data(vm, args);
    let s = vm.decode_bytes(&b, &encoding, &errors)?;
    Ok(vm.new_string(s))
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn hex(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let sep = args.take_kw("sep").or(args.pos.get(1).copied());
    let per = args.take_kw("bytes_per_sep").or(args.pos.get(2).copied());
    let b = data(vm, args);
    let digits: Vec<String> = b.iter().map(|x| format!("{x:02x}")).collect();
    let Some(sep) = sep else { return Ok(vm.new_string(digits.concat())) };
    let sep = match sep.obj().map(|id| vm.heap.get(id)) {
        Some(Object::Str(s)) => s.to_string(),
        _ => match vm.byte_data(sep) {
            Some(s) => latin1(s),
            None => return vm.type_error("sep must be str or bytes."),
        },
    };
    if sep.chars().count() != 1 {
        return vm.value_error("sep must be length 1.");
    }
    let per = match per {
        Some(v) => c_int(vm, v)?,
        None => 1,
    };
    if per == 0 {
        return Ok(vm.new_string(digits.concat()));
    }
    // Groups count from the right for a positive bytes_per_sep, from the left for a negative one.
    let n = per.unsigned_abs() as usize;
    let mut groups: Vec<String> = Vec::new();
    if per > 0 {
        let first = digits.len() % n;
        if first > 0 {
            groups.push(digits[..first].concat());
        }
        groups.extend(digits[first..].chunks(n).map(|c| c.concat()));
    } else {
        groups.extend(digits.chunks(n).map(|c| c.concat()));
    }
    Ok(vm.new_string(groups.join(&sep)))
}

fn fromhex(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let text = match args.arg(1).obj().map(|id| vm.heap.get(id)) {
        Some(Object::Str(s)) => s.clone(),
        _ => {
            let t = vm.clinic_type_name(args.arg(1));
            return vm.type_error(format!("fromhex() argument must be str, not {t}"));
        }
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16);
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            (Some(_), None) => {
                return vm.value_error(format!("non-hexadecimal number found in fromhex() arg at position {}", i + 1))
            }
            _ => return vm.value_error(format!("non-hexadecimal number found in fromhex() arg at position {i}")),
        }
        i += 2;
    }
    // `bytes.fromhex` builds a bytes; `bytearray.fromhex` a bytearray.
    let cls = this(args);
    if cls.obj() == Some(vm.type_obj(TypeId::ByteArray)) || vm.is_bytearray(cls) {
        Ok(vm.new_bytearray(out))
    } else {
        Ok(vm.new_bytes(out))
    }
}

/// `(sep, maxsplit)` of split/rsplit.
fn split_args(vm: &mut Vm, args: &mut Args) -> PyResult<(Option<Vec<u8>>, i64)> {
    let sep = args.take_kw("sep");
    let max = args.take_kw("maxsplit");
    let sep = args.pos.get(1).copied().or(sep).unwrap_or(Value::None);
    let max = args.pos.get(2).copied().or(max).unwrap_or(Value::int(-1));
    let sep = match sep {
        Value::None => None,
        v => {
            let b = vm.buffer_arg(v)?;
            if b.is_empty() {
                return vm.value_error("empty separator");
            }
            Some(b)
        }
    };
    Ok((sep, vm.index_of(max)?))
}

fn split_whitespace(b: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if WHITESPACE.contains(&b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && !WHITESPACE.contains(&b[i]) {
            i += 1;
        }
        out.push((start, i));
    }
    out
}

fn parts_list(vm: &mut Vm, like: Value, parts: Vec<Vec<u8>>) -> PyResult<Value> {
    let items: Vec<Value> = parts.into_iter().map(|p| vm.bytes_like(like, p)).collect();
    Ok(vm.new_list(items))
}

fn split(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (sep, max) = split_args(vm, args)?;
    let b = data(vm, args);
    let max = if max < 0 { usize::MAX } else { max as usize };
    let parts: Vec<Vec<u8>> = match sep {
        Some(sep) => {
            let mut out = Vec::new();
            let mut last = 0;
            for at in occurrences(&b, &sep).into_iter().take(max) {
                out.push(b[last..at].to_vec());
                last = at + sep.len();
            }
            out.push(b[last..].to_vec());
            out
        }
        None => {
            let words = split_whitespace(&b);
            let mut out: Vec<Vec<u8>> = words.iter().take(max).map(|&(s, e)| b[s..e].to_vec()).collect();
            // The rest after maxsplit words keeps its trailing whitespace.
            if words.len() > max {
                out.push(b[words[max].0..].to_vec());
            }
            out
        }
    };
    parts_list(vm, this(args), parts)
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn rsplit(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (sep, max) = split_args(vm, args)?;
    let b = data(vm, args);
    let max = if max < 0 { usize::MAX } else { max as usize };
    let mut parts: Vec<Vec<u8>> = match sep {
        Some(sep) => {
            let mut out = Vec::new();
            let mut end = b.len();
            let mut n = 0;
            while n < max {
                let Some(at) = find_sub(&b[..end], &sep, true) else { break };
                out.push(b[at + sep.len()..end].to_vec());
                end = at;
                n += 1;
            }
            out.push(b[..end].to_vec());
            out
        }
        None => {
            let words = split_whitespace(&b);
            let mut out: Vec<Vec<u8>> = words.iter().rev().take(max).map(|&(s, e)| b[s..e].to_vec()).collect();
            if words.len() > max {
                out.push(b[..words[words.len() - 1 - max].1].to_vec());
            }
            out
        }
    };
    parts.reverse();
    parts_list(vm, this(args), parts)
}

fn join(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let sep = data(vm, args);
    let items = match vm.collect_hinted(args.arg(1)) {
        Ok(items) => items,
        Err(_) => return vm.type_error("can only join an iterable"),
    };
    let mut out = Vec::new();
    for (i, v) in items.into_iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match vm.byte_data(v) {
            Some(b) => out.extend_from_slice(b),
            None => {
                let t = vm.type_name(v);
                return vm.type_error(format!("sequence item {i}: expected a bytes-like object, {t} found"));
            }
        }
    }
    ret(vm, args, out)
}

fn strip_impl(vm: &mut Vm, args: &mut Args, left: bool, right: bool) -> PyResult<Value> {
    let chars = match args.pos.get(1).copied() {
        None | Some(Value::None) => WHITESPACE.to_vec(),
        Some(v) => vm.buffer_arg(v)?,
    };
    let b = data(vm, args);
    let start = if left { b.iter().take_while(|c| chars.contains(c)).count() } else { 0 };
    let end = if right { b.len() - b[start..].iter().rev().take_while(|c| chars.contains(c)).count() } else { b.len() };
    ret(vm, args, b[start..end].to_vec())
}

fn strip(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    strip_impl(vm, args, true, true)
}

fn lstrip(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    strip_impl(vm, args, true, false)
}

fn rstrip(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    strip_impl(vm, args, false, true)
}

/// The `[start:end]` window of find/count/startswith arguments 2 and 3.
/// None when the start lies past the end: then nothing, not even b"", is found.
fn window(vm: &mut Vm, args: &Args, len: usize) -> PyResult<Option<(usize, usize)>> {
    let len = len as i64;
    let mut bound = |at: usize, default: i64| -> PyResult<i64> {
        let i = match args.pos.get(at).copied() {
            None | Some(Value::None) => return Ok(default),
            Some(Value::Int(i, _)) => i,
            Some(Value::Bool(b)) => b as i64,
            Some(v) => match vm.num(v) {
                // Bounds beyond any length clamp, as slice bounds do.
                Some(Num::Big(b)) => if b.is_negative() { i64::MIN / 2 } else { i64::MAX / 2 },
                _ => return vm.type_error("slice indices must be integers or None or have an __index__ method"),
            },
        };
        Ok(if i < 0 { (i + len).max(0) } else { i })
    };
    let lo = bound(2, 0)?;
    let hi = bound(3, len)?.min(len);
    if lo > len {
        return Ok(None);
    }
    Ok(Some((lo as usize, hi as usize)))
}

fn affix(vm: &mut Vm, args: &mut Args, name: &str, start: bool) -> PyResult<Value> {
    let arg = args.arg(1);
    let candidates: Vec<Value> = match arg.obj().map(|id| vm.heap.get(id)) {
        Some(Object::Tuple(items)) => items.clone(),
        _ => vec![arg],
    };
    let b = data(vm, args);
    let Some((lo, hi)) = window(vm, args, b.len())? else { return Ok(Value::Bool(false)) };
    for c in candidates {
        let Some(p) = vm.byte_data(c).map(<[u8]>::to_vec) else {
            let t = vm.type_name(c);
            if c.is(arg) {
                return vm.type_error(format!("{name} first arg must be bytes or a tuple of bytes, not {t}"));
            }
            return vm.type_error(format!("a bytes-like object is required, not '{t}'"));
        };
        if lo > hi || hi - lo < p.len() {
            continue;
        }
        let w = &b[lo..hi];
        if (start && w.starts_with(&p)) || (!start && w.ends_with(&p)) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn startswith(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    affix(vm, args, "startswith", true)
}

fn endswith(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    affix(vm, args, "endswith", false)
}

fn find_impl(vm: &mut Vm, args: &mut Args, rev: bool) -> PyResult<Option<i64>> {
    let sub = vm.sub_arg(args.arg(1))?;
    let b = data(vm, args);
    let Some((lo, hi)) = window(vm, args, b.len())? else { return Ok(None) };
    if lo > hi {
        return Ok(None);
    }
    Ok(find_sub(&b[lo..hi], &sub, rev).map(|i| (lo + i) as i64))
}

fn find(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    Ok(Value::int(find_impl(vm, args, false)?.unwrap_or(-1)))
}

fn rfind(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    Ok(Value::int(find_impl(vm, args, true)?.unwrap_or(-1)))
}

fn index(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    match find_impl(vm, args, false)? {
        Some(i) => Ok(Value::int(i)),
        None => vm.value_error("subsection not found"),
    }
}

fn rindex(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    match find_impl(vm, args, true)? {
        Some(i) => Ok(Value::int(i)),
        None => vm.value_error("subsection not found"),
    }
}

fn count(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let sub = vm.sub_arg(args.arg(1))?;
    let b = data(vm, args);
    let Some((lo, hi)) = window(vm, args, b.len())? else { return Ok(Value::int(0)) };
    if lo > hi {
        return Ok(Value::int(0));
    }
    let n = if sub.is_empty() { hi - lo + 1 } else { occurrences(&b[lo..hi], &sub).len() };
    Ok(Value::int(n as i64))
}

// map_bytes and test_all take plain function pointers, not generic closures: one
// copy of each in the wasm, not one per method.
fn map_bytes(vm: &mut Vm, args: &mut Args, f: fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    let b = data(vm, args);
    ret(vm, args, f(&b))
}

fn upper(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    map_bytes(vm, args, |b| b.to_ascii_uppercase())
}

fn lower(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    map_bytes(vm, args, |b| b.to_ascii_lowercase())
}

fn swapcase(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    map_bytes(vm, args, |b| {
        b.iter()
            .map(|c| if c.is_ascii_uppercase() { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() })
            .collect()
    })
}

fn capitalize(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    map_bytes(vm, args, |b| {
        b.iter().enumerate().map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect()
    })
}

fn title(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    map_bytes(vm, args, |b| {
        let mut prev_cased = false;
        b.iter()
            .map(|&c| {
                let r = if prev_cased { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
                prev_cased = c.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn replace(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let old = vm.buffer_arg(args.arg(1))?;
    let new = vm.buffer_arg(args.arg(2))?;
    let max = match args.pos.get(3) {
        Some(v) => vm.index_of(*v)?,
        None => -1,
    };
    let max = if max < 0 { usize::MAX } else { max as usize };
    let b = data(vm, args);
    let matches = if old.is_empty() { b.len() + 1 } else { occurrences(&b, &old).len() }.min(max);
    vm.check_size(matches.saturating_mul(new.len()).saturating_add(b.len()), 1)?;
    let mut out = Vec::with_capacity(b.len());
    if old.is_empty() {
        // An empty pattern matches between every byte and at both ends.
        let mut n = 0;
        for &c in &b {
            if n < max {
                out.extend_from_slice(&new);
                n += 1;
            }
            out.push(c);
        }
        if n < max {
            out.extend_from_slice(&new);
        }
        return ret(vm, args, out);
    }
    let mut last = 0;
    for at in occurrences(&b, &old).into_iter().take(max) {
        out.extend_from_slice(&b[last..at]);
        out.extend_from_slice(&new);
        last = at + old.len();
    }
    out.extend_from_slice(&b[last..]);
    ret(vm, args, out)
}

fn test_all(vm: &mut Vm, args: &mut Args, f: fn(u8) -> bool) -> PyResult<Value> {
    let b = data(vm, args);
    Ok(Value::Bool(!b.is_empty() && b.iter().all(|&c| f(c))))
}

fn isdigit(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    test_all(vm, args, |c| c.is_ascii_digit())
}

fn isalpha(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    test_all(vm, args, |c| c.is_ascii_alphabetic())
}

fn isalnum(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    test_all(vm, args, |c| c.is_ascii_alphanumeric())
}

fn isspace(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    test_all(vm, args, |c| WHITESPACE.contains(&c))
}

fn isascii(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    Ok(Value::Bool(data(vm, args).is_ascii()))
}

/// islower/isupper: some cased byte, and none of the other case.
fn case_test(vm: &mut Vm, args: &mut Args, upper: bool) -> PyResult<Value> {
    let b = data(vm, args);
    let has = b.iter().any(|c| if upper { c.is_ascii_uppercase() } else { c.is_ascii_lowercase() });
    let other = b.iter().any(|c| if upper { c.is_ascii_lowercase() } else { c.is_ascii_uppercase() });
    Ok(Value::Bool(has && !other))
}

fn islower(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    case_test(vm, args, false)
}

fn isupper(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    case_test(vm, args, true)
}

/// `istitle()` of ASCII letters: some cased byte, uppercase ones only after an
/// uncased byte and lowercase ones only after a cased one.
fn istitle(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let (mut cased, mut after_cased) = (false, false);
    for c in data(vm, args) {
        if c.is_ascii_uppercase() && after_cased || c.is_ascii_lowercase() && !after_cased {
            return Ok(Value::Bool(false));
        }
        after_cased = c.is_ascii_alphabetic();
        cased |= after_cased;
    }
    Ok(Value::Bool(cased))
}

/// `b.translate(table, /, delete=b'')`: drops the bytes in `delete`, then maps
/// each byte through `table` (256 bytes, or None to keep them).
fn translate(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let delete = match args.take_kw("delete").or(args.pos.get(2).copied()) {
        Some(d) => vm.buffer_arg(d)?,
        None => Vec::new(),
    };
    let table = match args.arg(1) {
        Value::None => None,
        t => Some(vm.buffer_arg(t)?),
    };
    if table.as_ref().is_some_and(|t| t.len() != 256) {
        return vm.value_error("translation table must be 256 characters long");
    }
    let out = data(vm, args)
        .into_iter()
        .filter(|b| !delete.contains(b))
        .map(|b| table.as_ref().map_or(b, |t| t[b as usize]))
        .collect();
    ret(vm, args, out)
}

/// `bytes.maketrans(from, to)`: the 256-byte table that `translate` takes.
fn maketrans(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    // args.arg(0) is the class (bound like a classmethod).
    let from = vm.buffer_arg(args.arg(1))?;
    let to = vm.buffer_arg(args.arg(2))?;
    if from.len() != to.len() {
        return vm.value_error("maketrans arguments must have same length");
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (a, b) in from.into_iter().zip(to) {
        table[a as usize] = b;
    }
    Ok(vm.new_bytes(table))
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn partition_impl(vm: &mut Vm, args: &mut Args, rev: bool) -> PyResult<Value> {
    let sep = vm.buffer_arg(args.arg(1))?;
    if sep.is_empty() {
        return vm.value_error("empty separator");
    }
    let b = data(vm, args);
    let like = this(args);
    let parts = match find_sub(&b, &sep, rev) {
        Some(at) => [b[..at].to_vec(), sep.clone(), b[at + sep.len()..].to_vec()],
        None if rev => [Vec::new(), Vec::new(), b],
        None => [b, Vec::new(), Vec::new()],
    };
    let items: Vec<Value> = parts.into_iter().map(|p| vm.bytes_like(like, p)).collect();
    Ok(vm.new_tuple(items))
}

fn partition(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    partition_impl(vm, args, false)
}

fn rpartition(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    partition_impl(vm, args, true)
}

fn removeprefix(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let p = vm.buffer_arg(args.arg(1))?;
    let b = data(vm, args);
    let r = b.strip_prefix(&p[..]).unwrap_or(&b).to_vec();
    ret(vm, args, r)
}

fn removesuffix(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let p = vm.buffer_arg(args.arg(1))?;
    let b = data(vm, args);
    let r = b.strip_suffix(&p[..]).unwrap_or(&b).to_vec();
    ret(vm, args, r)
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn splitlines(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let keep = args.take_kw("keepends").or(args.pos.get(1).copied());
    let keep = match keep {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let b = data(vm, args);
    let mut parts = Vec::new();
    let mut i = 0;
    let mut start = 0;
    while i < b.len() {
        let eol = match b[i] {
            b'\r' if b.get(i + 1) == Some(&b'\n') => 2,
            b'\r' | b'\n' => 1,
            _ => 0,
        };
        if eol == 0 {
            i += 1;
            continue;
        }
        parts.push(b[start..if keep { i + eol } else { i }].to_vec());
        i += eol;
        start = i;
    }
    if start < b.len() {
        parts.push(b[start..].to_vec());
    }
    parts_list(vm, this(args), parts)
}

fn expandtabs(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let size = args.take_kw("tabsize").or(args.pos.get(1).copied());
    let size = match size {
        Some(v) => vm.index_of(v)?,
        None => 8,
    };
    let b = data(vm, args);
    let tabs = b.iter().filter(|&&c| c == b'\t').count();
    vm.check_size(tabs.saturating_mul(size.max(0) as usize).saturating_add(b.len()), 1)?;
    let mut out = Vec::with_capacity(b.len());
    let mut col = 0i64;
    for c in b {
        match c {
            b'\t' if size > 0 => {
                let n = size - col % size;
                out.extend(std::iter::repeat_n(b' ', n as usize));
                col += n;
            }
            b'\t' => {}
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    ret(vm, args, out)
}

#[cfg_attr(target_arch = "wasm32", track_caller)]
fn zfill(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let width = vm.index_of(args.arg(1))?.max(0) as usize;
    vm.check_size(width, 1)?;
    let b = data(vm, args);
    if b.len() >= width {
        return ret(vm, args, b);
    }
    let signed = matches!(b.first(), Some(b'+' | b'-'));
    let (sign, digits) = b.split_at(signed as usize);
    let out = [sign, &vec![b'0'; width - b.len()], digits].concat();
    ret(vm, args, out)
}

fn pad(vm: &mut Vm, args: &mut Args, name: &str, align: char) -> PyResult<Value> {
    let width = vm.index_of(args.arg(1))?.max(0) as usize;
    let fill = match args.pos.get(2).copied() {
        None => b' ',
        Some(v) => match vm.byte_data(v) {
            Some([c]) => *c,
            _ => {
                let t = vm.type_name(v);
                return vm.type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {t}"
                ));
            }
        },
    };
    vm.check_size(width, 1)?;
    let b = data(vm, args);
    if b.len() >= width {
        return ret(vm, args, b);
    }
    let total = width - b.len();
    let left = match align {
        '<' => 0,
        '>' => total,
        // CPython's centring puts the odd byte on the left when the width is odd.
        _ => total / 2 + (total & width & 1),
    };
    let out = [vec![fill; left], b, vec![fill; total - left]].concat();
    ret(vm, args, out)
}

fn center(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    pad(vm, args, "center", '^')
}

fn ljust(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    pad(vm, args, "ljust", '<')
}

fn rjust(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    pad(vm, args, "rjust", '>')
}

// ----- bytearray mutators ----------------------------------------------------------

fn items_mut<'a>(vm: &'a mut Vm, args: &Args) -> &'a mut Vec<u8> {
    match this(args).obj().map(|id| vm.heap.get_mut(id)) {
        Some(Object::ByteArray(b)) => b,
        _ => unreachable!("bytearray method on a non-bytearray"),
    }
}

fn append(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let b = vm.byte_value(args.arg(1))?;
    items_mut(vm, args).push(b);
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let src = args.arg(1);
    let new = match vm.byte_data(src) {
        Some(b) => b.to_vec(),
        None => {
            let Ok(items) = vm.collect_iterable(src) else {
                let t = vm.type_name(src);
                return vm.type_error(format!("can't extend bytearray with {t}"));
            };
            let mut out = Vec::with_capacity(items.len());
            for x in items {
                out.push(vm.byte_value(x)?);
            }
            out
        }
    };
    items_mut(vm, args).extend(new);
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let len = data(vm, args).len();
    if len == 0 {
        return Err(vm.exc(TypeId::IndexError, "pop from empty bytearray"));
    }
    let i = match args.pos.get(1) {
        Some(v) => ssize(vm, *v)?,
        None => -1,
    };
    match normalise(i, len) {
        Some(i) => Ok(Value::int(items_mut(vm, args).remove(i) as i64)),
        None => Err(vm.exc(TypeId::IndexError, "pop index out of range")),
    }
}

fn insert(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let len = data(vm, args).len() as i64;
    let i = ssize(vm, args.arg(1))?;
    let b = vm.byte_value(args.arg(2))?;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    items_mut(vm, args).insert(i as usize, b);
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let b = vm.byte_value(args.arg(1))?;
    match data(vm, args).iter().position(|&c| c == b) {
        Some(i) => {
            items_mut(vm, args).remove(i);
            Ok(Value::None)
        }
        None => vm.value_error("value not found in bytearray"),
    }
}

fn clear(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    items_mut(vm, args).clear();
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let b = data(vm, args);
    Ok(vm.new_bytearray(b))
}

fn reverse(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    items_mut(vm, args).reverse();
    Ok(Value::None)
}

// ----- int <-> bytes -------------------------------------------------------------------

/// `(byteorder is 'little', signed)` of to_bytes/from_bytes (`name`).
fn order_args(vm: &mut Vm, args: &mut Args, name: &str) -> PyResult<(bool, bool)> {
    // byteorder follows the receiver and one argument (length or bytes).
    let order_at = 2;
    let signed = match args.take_kw("signed") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let order = args.take_kw("byteorder").or(args.pos.get(order_at).copied());
    let little = match order.map(|v| (v, v.obj().map(|id| vm.heap.get(id)))) {
        None => false,
        Some((_, Some(Object::Str(s)))) if &**s == "big" => false,
        Some((_, Some(Object::Str(s)))) if &**s == "little" => true,
        Some((_, Some(Object::Str(_)))) => return vm.value_error("byteorder must be either 'little' or 'big'"),
        Some((v, _)) => {
            let t = vm.clinic_type_name(v);
            return vm.type_error(format!("{name}() argument 'byteorder' must be str, not {t}"));
        }
    };
    Ok((little, signed))
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
pub(super) fn int_to_bytes(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    // Converted in parameter order, as CPython does: length's error comes first.
    let length = match args.take_kw("length").or(args.pos.get(1).copied()) {
        Some(v) => vm.index_of(v)?,
        None => 1,
    };
    let (little, signed) = order_args(vm, args, "to_bytes")?;
    if length < 0 {
        return vm.value_error("length argument must be non-negative");
    }
    let n = match vm.num(this(args)) {
        Some(Num::Int(i)) => BigInt::from(i),
        Some(Num::Big(b)) => b,
        _ => BigInt::zero(),
    };
    if n.is_negative() && !signed {
        return Err(vm.exc(TypeId::OverflowError, "can't convert negative int to unsigned"));
    }
    let mut bytes = if signed { n.to_signed_bytes_be() } else { n.to_bytes_be().1 };
    if n.is_zero() {
        bytes.clear();
    }
    if bytes.len() > length as usize {
        return Err(vm.exc(TypeId::OverflowError, "int too big to convert"));
    }
    vm.check_size(length as usize, 1)?;
    let fill = if n.is_negative() { 0xFF } else { 0 };
    let mut out = vec![fill; length as usize - bytes.len()];
    out.extend(bytes);
    if little {
        out.reverse();
    }
    Ok(vm.new_bytes(out))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`.
pub(super) fn int_from_bytes(vm: &mut Vm, args: &mut Args) -> PyResult<Value> {
    let src = args.take_kw("bytes").or(args.pos.get(1).copied());
    let (little, signed) = order_args(vm, args, "from_bytes")?;
    let Some(src) = src else {
        return vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)");
    };
    let mut b = match vm.byte_data(src) {
        Some(b) => b.to_vec(),
        None => vm.bytes_from_source(src)?,
    };
    if little {
        b.reverse();
    }
    let n = if signed { BigInt::from_signed_bytes_be(&b) } else { BigInt::from_bytes_be(Sign::Plus, &b) };
    Ok(vm.new_int(n))
}
