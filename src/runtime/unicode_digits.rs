//! Python reads any Unicode decimal digit in `int()`, `float()` and `complex()`
//! (`int("٣")` is 3, `float("１.５")` is 1.5) and skips any Unicode space around
//! the number: CPython first rewrites the text to ASCII, as `to_ascii` does here.

use std::borrow::Cow;

/// The zero of every run of ten decimal digits (general category Nd) in Unicode
/// 15.0, CPython 3.12's version; each run holds the values 0..=9 in order.
/// Generated with `unicodedata.decimal` of python3.12.
const DIGIT_ZEROS: [u32; 68] = [
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6,
    0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50,
    0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0,
    0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0,
    0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x11f50, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e4f0, 0x1e950, 0x1fbf0,
];

/// The value of a Unicode decimal digit.
pub fn decimal_value(c: char) -> Option<u32> {
    let code = c as u32;
    let at = DIGIT_ZEROS.partition_point(|&zero| zero <= code).checked_sub(1)?;
    let value = code - DIGIT_ZEROS[at];
    (value < 10).then_some(value)
}

/// `s` with every decimal digit as its ASCII digit and every space as ' ' (any other
/// non-ASCII character becomes '?', which no number parser takes).
pub fn to_ascii(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                c if c.is_ascii() => c,
                c if c.is_whitespace() => ' ',
                c => decimal_value(c).and_then(|v| char::from_digit(v, 10)).unwrap_or('?'),
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_digits_of_every_script_and_nothing_else() {
        assert_eq!(to_ascii("\u{663}\u{665}"), "35");
        assert_eq!(to_ascii("\u{2003}-\u{ff11}\u{ff12}.\u{1d7ce}\u{3000}"), " -12.0 ");
        assert_eq!(to_ascii("½Ⅻ"), "??");
        assert_eq!(decimal_value('\u{1fbf9}'), Some(9));
        assert_eq!(decimal_value('\u{1fbfa}'), None);
        assert_eq!(decimal_value('\u{65f}'), None);
        assert_eq!(decimal_value('/'), None);
    }
}
