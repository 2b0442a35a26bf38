//! `PyStr`: the text a str object holds.
//!
//! Most strs are an exact `Rc<str>`. A str made by concatenation is instead a
//! prefix of a growable buffer, so that `s += c` in a loop is linear: CPython
//! appends in place when it sees that the str has a single reference, but
//! pvm's heap keeps no reference counts. Here the *buffer* may be shared by
//! several strs, each seeing its own prefix of it. Appending writes only past
//! the buffer's used length, so no str ever sees its bytes change; a str may
//! append in place only when it is the buffer's longest prefix (its length is
//! the used length), which makes `t = s; s += "x"` leave `t` as it was, and a
//! second `t + "y"` copy instead of overwriting the "x". Identity is the heap
//! object's, never the buffer's: every concatenation is a new object.
//!
//! Short strs (most words, keys and numbers a program makes) keep their
//! bytes inline, in the 24 bytes the other forms need anyway: no allocation
//! to make one and none to free, where CPython allocates object and text
//! together in one block.

use std::cell::Cell;
use std::fmt;
use std::ops::Deref;
use std::ptr::NonNull;
use std::rc::Rc;

#[derive(Clone)]
pub struct PyStr(Repr);

#[derive(Clone)]
enum Repr {
    /// The first `len` bytes of `bytes` (`len` ≤ `INLINE`); the rest are
    /// zeros, so equal texts have equal arrays.
    Inline { len: u8, bytes: [u8; INLINE] },
    Exact(Rc<str>),
    /// The first `len` bytes of `buf` (always ≤ `buf.used`).
    Prefix { buf: Rc<GrowBuf>, len: usize },
}

/// The longest text kept inline: as much as fits beside the tag and length
/// in the 24 bytes an `Rc<str>` and its tag take.
const INLINE: usize = 22;

/// A fixed-capacity byte buffer that only ever grows at its end: bytes below
/// `used` are never written again, so any prefix of it is immutable. It is
/// never reallocated (that would move the bytes other strs borrow); a str
/// that needs more room copies into a new buffer.
struct GrowBuf {
    ptr: NonNull<u8>,
    cap: usize,
    used: Cell<usize>,
}

impl GrowBuf {
    /// A buffer holding `a` then `b`, with room for `cap` bytes in all.
    fn with_parts(a: &str, b: &str, cap: usize) -> GrowBuf {
        let mut bytes = std::mem::ManuallyDrop::new(Vec::<u8>::with_capacity(cap));
        bytes.extend_from_slice(a.as_bytes());
        bytes.extend_from_slice(b.as_bytes());
        GrowBuf { ptr: NonNull::new(bytes.as_mut_ptr()).expect("a Vec's pointer is non-null"), cap: bytes.capacity(), used: Cell::new(a.len() + b.len()) }
    }
}

/// Writes `src` into `dst` at `at` (`at + src.len()` ≤ `INLINE`) with at
/// most three overlapping word-sized loads and stores, the way small
/// memcpys are done: `copy_from_slice` was a call (and `memory.copy` in
/// the wasm) for every short str made.
#[inline(always)]
fn copy_short(dst: &mut [u8; INLINE], at: usize, src: &[u8]) {
    let n = src.len();
    assert!(at <= INLINE && n <= INLINE - at, "copy_short: out of bounds");
    let (s, d) = (src.as_ptr(), dst.as_mut_ptr().wrapping_add(at));
    // SAFETY: every read lies in `src[..n]` and every write in
    // `dst[at..at + n]` (checked above); unaligned accesses are allowed.
    unsafe {
        use std::ptr::{read_unaligned as rd, write_unaligned as wr};
        if n >= 8 {
            // The first 8 bytes, the next 8 when there are more than 16, and the last 8.
            wr(d as *mut u64, rd(s as *const u64));
            if n > 16 {
                wr(d.add(8) as *mut u64, rd(s.add(8) as *const u64));
            }
            wr(d.add(n - 8) as *mut u64, rd(s.add(n - 8) as *const u64));
        } else if n >= 4 {
            wr(d as *mut u32, rd(s as *const u32));
            wr(d.add(n - 4) as *mut u32, rd(s.add(n - 4) as *const u32));
        } else if n > 0 {
            *d = *s;
            *d.add(n / 2) = *s.add(n / 2);
            *d.add(n - 1) = *s.add(n - 1);
        }
    }
}

/// Whether two inline byte arrays are equal: three word compares (a
/// `[u8; 22]` compare was a call to memcmp).
#[inline(always)]
fn same_inline(x: &[u8; INLINE], y: &[u8; INLINE]) -> bool {
    let word = |b: &[u8; INLINE], at: usize| -> u64 {
        // SAFETY: `at + 8` ≤ INLINE for the offsets below.
        unsafe { std::ptr::read_unaligned(b.as_ptr().add(at) as *const u64) }
    };
    const _: () = assert!(INLINE > 16 && INLINE <= 24);
    word(x, 0) == word(y, 0) && word(x, 8) == word(y, 8) && word(x, INLINE - 8) == word(y, INLINE - 8)
}

impl Drop for GrowBuf {
    fn drop(&mut self) {
        // SAFETY: `ptr` and `cap` come from a Vec<u8> that was never freed; u8 needs no drop.
        unsafe { drop(Vec::from_raw_parts(self.ptr.as_ptr(), 0, self.cap)) }
    }
}

impl PyStr {
    /// `text` inline when it is short enough.
    #[inline]
    fn inline(text: &str) -> Option<PyStr> {
        if text.len() > INLINE {
            return None;
        }
        let mut bytes = [0u8; INLINE];
        copy_short(&mut bytes, 0, text.as_bytes());
        Some(PyStr(Repr::Inline { len: text.len() as u8, bytes }))
    }

    /// The inline str of `a` then `b` (their lengths add up to `len` ≤ `INLINE`).
    #[inline]
    fn inline_pair(a: &str, b: &str, len: usize) -> PyStr {
        debug_assert_eq!(a.len() + b.len(), len);
        let mut bytes = [0u8; INLINE];
        copy_short(&mut bytes, 0, a.as_bytes());
        copy_short(&mut bytes, a.len(), b.as_bytes());
        PyStr(Repr::Inline { len: len as u8, bytes })
    }

    #[inline(always)]
    pub fn as_str(&self) -> &str {
        match &self.0 {
            // SAFETY: the first `len` bytes (`len` ≤ INLINE) are a whole str's UTF-8.
            Repr::Inline { len, bytes } => unsafe {
                std::str::from_utf8_unchecked(std::slice::from_raw_parts(bytes.as_ptr(), *len as usize))
            },
            Repr::Exact(s) => s,
            // SAFETY: the first `used` bytes of the buffer are initialised
            // UTF-8 (whole strs appended one after another) and are never
            // written again while the buffer lives, which `buf` ensures.
            Repr::Prefix { buf, len } => unsafe {
                std::str::from_utf8_unchecked(std::slice::from_raw_parts(buf.ptr.as_ptr(), *len))
            },
        }
    }

    /// `self + tail` as a new str value: appended in place when this str is
    /// its buffer's longest prefix and the buffer has room, else copied into
    /// a new buffer with room to grow (doubling once a str is seen growing,
    /// so a chain of appends copies each byte O(1) times).
    pub fn concat(&self, tail: &str) -> PyStr {
        let len = self.len() + tail.len();
        if len <= INLINE {
            return PyStr::inline_pair(self.as_str(), tail, len);
        }
        if let Repr::Prefix { buf, len: own } = &self.0 {
            if buf.used.get() == *own && buf.cap - own >= tail.len() {
                // SAFETY: bytes from `used` on are spare capacity that no str
                // can see; `tail` (even a prefix of this same buffer) lies below `used`.
                unsafe { std::ptr::copy_nonoverlapping(tail.as_ptr(), buf.ptr.as_ptr().add(*own), tail.len()) };
                buf.used.set(len);
                return PyStr(Repr::Prefix { buf: buf.clone(), len });
            }
        }
        // A first concatenation gets a little room (`a + " " + b` chains
        // append in place); a str that has grown before gets as much again.
        let room = match self.0 {
            Repr::Prefix { .. } => len,
            Repr::Exact(_) | Repr::Inline { .. } => len.clamp(8, 32),
        };
        let buf = GrowBuf::with_parts(self.as_str(), tail, len.saturating_add(room));
        PyStr(Repr::Prefix { buf: Rc::new(buf), len })
    }

    /// `text` with every byte mapped by `f`, which must map ASCII to ASCII
    /// (`str.lower` of an ASCII str): one allocation, no intermediate String.
    pub fn map_ascii(text: &str, f: impl Fn(u8) -> u8) -> PyStr {
        debug_assert!(text.is_ascii());
        if text.len() <= INLINE {
            let mut bytes = [0u8; INLINE];
            for (o, &b) in bytes.iter_mut().zip(text.as_bytes()) {
                *o = f(b);
            }
            return PyStr(Repr::Inline { len: text.len() as u8, bytes });
        }
        let mut bytes = Rc::<[u8]>::new_uninit_slice(text.len());
        let out = Rc::get_mut(&mut bytes).expect("a new Rc is unique");
        for (o, &b) in out.iter_mut().zip(text.as_bytes()) {
            o.write(f(b));
        }
        // SAFETY: every byte is initialised, and ASCII bytes are valid UTF-8.
        let text = unsafe { Rc::from_raw(Rc::into_raw(bytes.assume_init()) as *const str) };
        PyStr(Repr::Exact(text))
    }

    /// The concatenation of `parts` (whose lengths add up to `len`) in one
    /// allocation: an f-string's pieces, with no intermediate String.
    pub fn join(parts: &[&str], len: usize) -> PyStr {
        if len <= INLINE {
            let mut bytes = [0u8; INLINE];
            let mut at = 0;
            for part in parts {
                copy_short(&mut bytes, at, part.as_bytes());
                at += part.len();
            }
            return PyStr(Repr::Inline { len: at as u8, bytes });
        }
        let mut bytes = Rc::<[u8]>::new_uninit_slice(len);
        let out = Rc::get_mut(&mut bytes).expect("a new Rc is unique");
        let mut at = 0;
        for part in parts {
            let end = at + part.len();
            assert!(end <= len, "PyStr::join: parts longer than announced");
            // SAFETY: `at..end` lies within `out` (checked above); a str never overlaps a new Rc.
            unsafe { std::ptr::copy_nonoverlapping(part.as_ptr(), out.as_mut_ptr().add(at) as *mut u8, part.len()) };
            at = end;
        }
        assert_eq!(at, len, "PyStr::join: parts shorter than announced");
        // SAFETY: all `len` bytes were written, from whole strs in order (valid UTF-8).
        let text = unsafe { Rc::from_raw(Rc::into_raw(bytes.assume_init()) as *const str) };
        PyStr(Repr::Exact(text))
    }

    /// An `Rc<str>` with this text (shared when this str is exact, else a copy).
    pub fn to_rc(&self) -> Rc<str> {
        match &self.0 {
            Repr::Exact(s) => s.clone(),
            Repr::Inline { .. } | Repr::Prefix { .. } => Rc::from(self.as_str()),
        }
    }

    /// The bytes this str keeps alive, for the heap's estimate: a buffer
    /// shared by n strs counts 1/n of it for each, so the strs sharing it
    /// add up to the buffer once.
    #[inline(always)]
    pub fn footprint(&self) -> usize {
        match &self.0 {
            Repr::Inline { .. } => 0,
            Repr::Exact(s) => s.len(),
            Repr::Prefix { buf, .. } => buf.cap / Rc::strong_count(buf),
        }
    }
}

impl Deref for PyStr {
    type Target = str;
    #[inline(always)]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for PyStr {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::borrow::Borrow<str> for PyStr {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<Rc<str>> for PyStr {
    fn from(s: Rc<str>) -> PyStr {
        PyStr(Repr::Exact(s))
    }
}

impl From<&Rc<str>> for PyStr {
    fn from(s: &Rc<str>) -> PyStr {
        PyStr(Repr::Exact(s.clone()))
    }
}

impl From<&str> for PyStr {
    fn from(s: &str) -> PyStr {
        PyStr::inline(s).unwrap_or_else(|| PyStr(Repr::Exact(Rc::from(s))))
    }
}

impl From<String> for PyStr {
    fn from(s: String) -> PyStr {
        PyStr::inline(&s).unwrap_or_else(|| PyStr(Repr::Exact(Rc::from(s))))
    }
}

impl PartialEq for PyStr {
    #[inline]
    fn eq(&self, other: &PyStr) -> bool {
        match (&self.0, &other.0) {
            // Inline bytes past `len` are zeros: two fixed-size compares.
            (Repr::Inline { len: a, bytes: x }, Repr::Inline { len: b, bytes: y }) => a == b && same_inline(x, y),
            _ => {
                // Names usually share one allocation: compare where they are first.
                let (a, b) = (self.as_str(), other.as_str());
                (a.as_ptr() == b.as_ptr() && a.len() == b.len()) || a == b
            }
        }
    }
}

impl Eq for PyStr {}

impl PartialOrd for PyStr {
    fn partial_cmp(&self, other: &PyStr) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PyStr {
    fn cmp(&self, other: &PyStr) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::hash::Hash for PyStr {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state)
    }
}

impl fmt::Debug for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_str_stays_three_words() {
        assert_eq!(std::mem::size_of::<PyStr>(), 24);
    }

    #[test]
    fn short_strs_are_inline_and_grow_out_of_it() {
        let s = PyStr::from("é".repeat(11).as_str());
        assert!(matches!(s.0, Repr::Inline { len: 22, .. }));
        let t = s.concat("x");
        assert!(matches!(t.0, Repr::Prefix { .. }));
        assert_eq!((&*s, &*t), ("é".repeat(11).as_str(), format!("{}x", "é".repeat(11)).as_str()));
        let u = PyStr::join(&["ab", "", "cd"], 4);
        assert_eq!((&*u, &*PyStr::map_ascii("aBc", |b| b.to_ascii_uppercase())), ("abcd", "ABC"));
        assert_eq!(PyStr::from("a").concat("b"), PyStr::from(Rc::<str>::from("ab")));
    }

    #[test]
    fn short_copies_and_compares_see_every_byte() {
        let text: String = (0..INLINE as u8).map(|i| (b'a' + i) as char).collect();
        for n in 0..=INLINE {
            for at in 0..=INLINE - n {
                let mut bytes = [0u8; INLINE];
                copy_short(&mut bytes, at, &text.as_bytes()[..n]);
                let mut want = [0u8; INLINE];
                want[at..at + n].copy_from_slice(&text.as_bytes()[..n]);
                assert_eq!(bytes, want, "n {n} at {at}");
            }
            let s = PyStr::from(&text[..n]);
            assert_eq!(&*s, &text[..n]);
            for k in 0..n {
                let mut other = text[..n].to_string().into_bytes();
                other[k] = b'_';
                assert_ne!(s, PyStr::from(std::str::from_utf8(&other).unwrap()), "n {n} k {k}");
            }
            assert_eq!(s, PyStr::from(&text[..n]));
        }
        assert_eq!(PyStr::from("ab").concat("cdefghijklmnopqrst"), PyStr::from("abcdefghijklmnopqrst"));
    }

    #[test]
    fn appending_never_changes_an_existing_prefix() {
        let s = PyStr::from("ab").concat("c");
        let t = s.concat("d");
        let u = s.concat("x");
        assert_eq!((&*s, &*t, &*u), ("abc", "abcd", "abcx"));
        let v = t.concat("e");
        assert_eq!((&*t, &*v), ("abcd", "abcde"));
    }

    #[test]
    fn a_growing_str_appends_in_place() {
        let mut s = PyStr::from("");
        for i in 0..1000 {
            s = s.concat(if i % 2 == 0 { "é" } else { "x" });
        }
        assert_eq!(s.chars().count(), 1000);
        let Repr::Prefix { buf, .. } = &s.0 else { panic!("a concatenation is a prefix") };
        assert!(buf.cap < 4 * 1500, "the buffer grows geometrically, not per append");
        assert_eq!(s.concat(&s.clone()).len(), 3000);
    }
}
