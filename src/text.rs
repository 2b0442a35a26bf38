//! Str slicing and substring search that never reach `core::str::slice_error_fail`.
//!
//! core's panic message for a str sliced off a char boundary formats that char with `{:?}`,
//! which links `char::escape_debug` with core's Unicode printable and grapheme-extend tables
//! into the wasm (about 3 KB gzipped) for a panic whose message nobody sees there. Every
//! `&s[a..b]` on a str and every std search with a `&str` pattern (`find`, `contains`,
//! `split`, `replace`, ... through `StrSearcher`) can reach it, so pvm's code slices with
//! [`substr`] and searches with the functions below. They give exactly what std's give.

use std::slice::SliceIndex;

/// `&s[range]`. Natively it is std's own slicing (and message); in the wasm an out-of-range
/// or off-boundary range panics without formatting the char.
#[cfg_attr(not(target_arch = "wasm32"), track_caller)]
pub fn substr<R: SliceIndex<str, Output = str>>(s: &str, range: R) -> &str {
    match s.get(range) {
        Some(t) => t,
        None => off_boundary(),
    }
}

#[cold]
#[cfg_attr(not(target_arch = "wasm32"), track_caller)]
fn off_boundary() -> ! {
    panic!("str range out of bounds or off a char boundary")
}

/// `&s[..i]` and `&s[i..]` (`str::split_at`).
#[cfg_attr(not(target_arch = "wasm32"), track_caller)]
pub fn split_at(s: &str, i: usize) -> (&str, &str) {
    (substr(s, ..i), substr(s, i..))
}

/// The byte offset of the first `needle` in `hay` (`str::find` with a `&str`); 0 for "".
/// A match of the needle's first byte (a char's first byte) starts at a char boundary.
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    find_from(hay.as_bytes(), needle.as_bytes(), 0)
}

fn find_from(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if needle.len() >= LONG_NEEDLE {
        return rabin_karp(hay, needle, from);
    }
    let Some(&first) = needle.first() else {
        return Some(from);
    };
    let last_start = hay.len().checked_sub(needle.len())?;
    let mut i = from;
    while i <= last_start {
        i += hay[i..=last_start].iter().position(|&b| b == first)?;
        if hay[i..].starts_with(needle) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// From this length on, a needle is searched by rolling hash: the first-byte scan could take
/// n·m steps there (`("a" * n).find("a" * m + "b")`), as std's two-way matcher never does.
const LONG_NEEDLE: usize = 64;

/// Rabin-Karp: each window's hash from the previous one, bytes compared only where the hashes
/// agree.
fn rabin_karp(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    const BASE: u32 = 257;
    let m = needle.len();
    let last_start = hay.len().checked_sub(m)?;
    if from > last_start {
        return None;
    }
    let hash = |s: &[u8]| {
        s.iter()
            .fold(0u32, |h, &b| h.wrapping_mul(BASE).wrapping_add(b as u32))
    };
    let top = (1..m).fold(1u32, |p, _| p.wrapping_mul(BASE));
    let target = hash(needle);
    let mut h = hash(&hay[from..from + m]);
    let mut i = from;
    loop {
        if h == target && hay[i..i + m] == *needle {
            return Some(i);
        }
        if i == last_start {
            return None;
        }
        let out = (hay[i] as u32).wrapping_mul(top);
        h = h
            .wrapping_sub(out)
            .wrapping_mul(BASE)
            .wrapping_add(hay[i + m] as u32);
        i += 1;
    }
}

/// The byte offset of the last `needle` in `hay` (`str::rfind` with a `&str`); `hay.len()`
/// for "".
pub fn rfind(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let last_start = h.len().checked_sub(n.len())?;
    if n.len() >= LONG_NEEDLE {
        // The forward search over both reversed: a long needle is rare, the copies linear.
        let (rh, rn): (Vec<u8>, Vec<u8>) = (
            h.iter().rev().copied().collect(),
            n.iter().rev().copied().collect(),
        );
        return rabin_karp(&rh, &rn, 0).map(|i| last_start - i);
    }
    (0..=last_start).rev().find(|&i| h[i..].starts_with(n))
}

/// Whether `needle` occurs in `hay` (`str::contains` with a `&str`).
pub fn contains(hay: &str, needle: &str) -> bool {
    find(hay, needle).is_some()
}

/// Whether `c` occurs in `hay` (`str::contains` with a char: std's reaches `StrSearcher` for a
/// char beyond ASCII).
pub fn has_char(hay: &str, c: char) -> bool {
    find(hay, c.encode_utf8(&mut [0; 4])).is_some()
}

/// The byte offsets of the non-overlapping occurrences of `needle`, left to right, at most
/// `limit` of them. An empty needle matches at every char boundary, as std's does.
fn matches(hay: &str, needle: &str, limit: usize) -> Vec<usize> {
    let mut out = Vec::new();
    if needle.is_empty() {
        out.extend(
            hay.char_indices()
                .map(|(i, _)| i)
                .chain([hay.len()])
                .take(limit),
        );
        return out;
    }
    let mut from = 0;
    while out.len() < limit {
        match find_from(hay.as_bytes(), needle.as_bytes(), from) {
            Some(i) => {
                out.push(i);
                from = i + needle.len();
            }
            None => break,
        }
    }
    out
}

/// How many non-overlapping `needle`s `hay` holds (`hay.matches(needle).count()`).
pub fn count(hay: &str, needle: &str) -> usize {
    matches(hay, needle, usize::MAX).len()
}

/// `hay` with its first `limit` occurrences of `from` replaced by `to` (`str::replacen`;
/// `usize::MAX` for `str::replace`).
pub fn replacen(hay: &str, from: &str, to: &str, limit: usize) -> String {
    let mut out = String::with_capacity(hay.len());
    let mut last = 0;
    for i in matches(hay, from, limit) {
        out.push_str(substr(hay, last..i));
        out.push_str(to);
        last = i + from.len();
    }
    out.push_str(substr(hay, last..));
    out
}

/// `hay.replace(from, to)`.
pub fn replace(hay: &str, from: &str, to: &str) -> String {
    replacen(hay, from, to, usize::MAX)
}

/// The pieces of `hay` between the first `limit` occurrences of the non-empty `sep`
/// (`hay.splitn(limit + 1, sep)`; `usize::MAX` for `hay.split(sep)`).
pub fn split<'a>(hay: &'a str, sep: &str, limit: usize) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut last = 0;
    for i in matches(hay, sep, limit) {
        out.push(substr(hay, last..i));
        last = i + sep.len();
    }
    out.push(substr(hay, last..));
    out
}

/// The pieces of `hay` between the last `limit` occurrences of the non-empty `sep`, right
/// to left (`hay.rsplitn(limit + 1, sep)`; `usize::MAX` for `hay.rsplit(sep)`).
pub fn rsplit<'a>(hay: &'a str, sep: &str, limit: usize) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut end = hay.len();
    while out.len() < limit {
        match rfind(substr(hay, ..end), sep) {
            Some(i) => {
                out.push(substr(hay, i + sep.len()..end));
                end = i;
            }
            None => break,
        }
    }
    out.push(substr(hay, ..end));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const HAYS: [&str; 9] = [
        "",
        "a",
        "abcabc",
        "aaaa",
        "héllo wörld héllo",
        "€€€",
        "a,b,,c,",
        "xyxyxyx",
        "日本語の日本",
    ];
    const NEEDLES: [&str; 10] = ["", "a", "aa", "abc", "l", "héllo", "€", ",", "xyx", "日本"];

    #[test]
    fn searches_agree_with_std() {
        for h in HAYS {
            for n in NEEDLES {
                assert_eq!(find(h, n), h.find(n), "{h:?}.find({n:?})");
                assert_eq!(rfind(h, n), h.rfind(n), "{h:?}.rfind({n:?})");
                assert_eq!(contains(h, n), h.contains(n));
                for c in n.chars() {
                    assert_eq!(has_char(h, c), h.contains(c));
                }
                assert_eq!(count(h, n), h.matches(n).count(), "{h:?}.matches({n:?})");
                assert_eq!(
                    replace(h, n, "<>"),
                    h.replace(n, "<>"),
                    "{h:?}.replace({n:?})"
                );
                for k in [0, 1, 2, 5] {
                    assert_eq!(replacen(h, n, "_", k), h.replacen(n, "_", k));
                }
                if !n.is_empty() {
                    assert_eq!(
                        split(h, n, usize::MAX),
                        h.split(n).collect::<Vec<_>>(),
                        "{h:?}.split({n:?})"
                    );
                    assert_eq!(
                        rsplit(h, n, usize::MAX),
                        h.rsplit(n).collect::<Vec<_>>(),
                        "{h:?}.rsplit({n:?})"
                    );
                    for k in [0, 1, 2, 5] {
                        assert_eq!(split(h, n, k), h.splitn(k + 1, n).collect::<Vec<_>>());
                        assert_eq!(rsplit(h, n, k), h.rsplitn(k + 1, n).collect::<Vec<_>>());
                    }
                }
            }
        }
    }

    #[test]
    fn long_needles_agree_with_std() {
        let a = "a".repeat(3000);
        let mut hays = vec![
            a.clone(),
            format!("{a}b"),
            format!("b{a}"),
            format!("{a}é{a}b"),
        ];
        hays.push("xyz€".repeat(200));
        let mut needles = vec![
            format!("{}b", "a".repeat(100)),
            "a".repeat(64),
            "a".repeat(200),
            format!("b{}", "a".repeat(70)),
        ];
        needles.push(format!("{}é{}", "a".repeat(40), "a".repeat(40)));
        needles.push("xyz€".repeat(20));
        for h in &hays {
            for n in &needles {
                assert_eq!(
                    find(h, n),
                    h.find(n.as_str()),
                    "find {} in {}",
                    n.len(),
                    h.len()
                );
                assert_eq!(
                    rfind(h, n),
                    h.rfind(n.as_str()),
                    "rfind {} in {}",
                    n.len(),
                    h.len()
                );
                assert_eq!(count(h, n), h.matches(n.as_str()).count());
                assert_eq!(split(h, n, 3), h.splitn(4, n.as_str()).collect::<Vec<_>>());
                assert_eq!(
                    rsplit(h, n, 3),
                    h.rsplitn(4, n.as_str()).collect::<Vec<_>>()
                );
            }
        }
        // The case the first-byte scan would take n·m steps for: linear here.
        let hay = "a".repeat(1_000_000);
        let needle = format!("{}b", "a".repeat(5000));
        assert_eq!(find(&hay, &needle), None);
        assert_eq!(rfind(&hay, &needle), None);
    }

    #[test]
    fn slices_like_std() {
        let s = "héllo";
        assert_eq!(substr(s, 1..3), &s[1..3]);
        assert_eq!(substr(s, 3..), &s[3..]);
        assert_eq!(split_at(s, 3), s.split_at(3));
        assert!(std::panic::catch_unwind(|| substr(s, 2..)).is_err());
    }
}
