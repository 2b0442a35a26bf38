//! Big-int kernels num-bigint has no cheap form of.
//!
//! num-bigint's `big % word` clones the big int and computes the quotient
//! too; `rem_word` reads the digits where they are and keeps only the
//! remainder.

use num_bigint::{BigInt, Sign};

/// The largest divisor `rem_word` takes (one 32-bit digit, so that
/// `remainder << 32 | digit` fits in a u64).
pub const MAX_WORD: u64 = u32::MAX as u64;

/// Python's `x % m` (the sign of the divisor) for `0 < |m| <= MAX_WORD`.
pub fn rem_word(x: &BigInt, m: i64) -> i64 {
    let divisor = m.unsigned_abs();
    debug_assert!(divisor != 0 && divisor <= MAX_WORD);
    let mut rem = 0u64;
    // u64 digits split in halves: cheap to walk whatever num-bigint's digit
    // size, and no u128 division (a library call on wasm32).
    for d in x.magnitude().iter_u64_digits().rev() {
        rem = ((rem << 32) | (d >> 32)) % divisor;
        rem = ((rem << 32) | (d & 0xffff_ffff)) % divisor;
    }
    // `rem` < 2^32: the casts are exact. Truncated remainder first (the sign
    // of x), then floored (the sign of m).
    let rem = if x.sign() == Sign::Minus { -(rem as i64) } else { rem as i64 };
    if rem != 0 && (rem < 0) != (m < 0) {
        rem + m
    } else {
        rem
    }
}

/// `int(s)` for the common case of a plain decimal that fits a machine
/// word: an optional sign and 1 to 18 ASCII digits, nothing else (spaces,
/// underscores, other digits and longer numbers are `None`, for the general
/// parser). Leading zeros are fine, as in `int("007")`.
pub fn parse_decimal_word(s: &str) -> Option<i64> {
    let (negative, digits) = match s.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        rest => (false, rest),
    };
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    let mut n: i64 = 0;
    for &c in digits {
        if !c.is_ascii_digit() {
            return None;
        }
        // 18 digits stay below 10^18 < 2^63: no overflow.
        n = n * 10 + i64::from(c - b'0');
    }
    Some(if negative { -n } else { n })
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_integer::Integer;

    fn samples() -> Vec<BigInt> {
        let mut xs = Vec::new();
        for s in ["0", "1", "4294967295", "4294967296", "18446744073709551615", "18446744073709551616", "9223372036854775808"] {
            let n: BigInt = s.parse().unwrap();
            xs.push(n.clone());
            xs.push(-n);
        }
        let mut f = BigInt::from(1);
        for k in 2..60 {
            f *= k;
            xs.push(f.clone());
            xs.push(-f.clone() - 7);
        }
        xs
    }

    const WORDS: [i64; 10] = [1, -1, 2, -3, 7, 1000003, -1000003, 4294967295, -4294967295, 65536];

    #[test]
    fn decimal_words() {
        for (s, n) in [("0", Some(0)), ("7", Some(7)), ("-0", Some(0)), ("+42", Some(42)), ("007", Some(7))] {
            assert_eq!(parse_decimal_word(s), n, "{s}");
        }
        assert_eq!(parse_decimal_word("-999999999999999999"), Some(-999_999_999_999_999_999));
        for s in ["", "-", "+", " 1", "1 ", "1_0", "0x1", "--1", "1e3", "١", "9999999999999999999"] {
            assert_eq!(parse_decimal_word(s), None, "{s}");
        }
    }

    #[test]
    fn rem_word_is_floored() {
        for x in samples() {
            for m in WORDS {
                assert_eq!(BigInt::from(rem_word(&x, m)), x.mod_floor(&BigInt::from(m)), "{x} % {m}");
            }
        }
    }
}
