//! Big-int kernels num-bigint has no cheap form of.
//!
//! num-bigint's `big % word` clones the big int and computes the quotient
//! too; `rem_word` reads the digits where they are and keeps only the
//! remainder. Its `big * word` clones the big int, multiplies the copy in
//! place and reallocates it when the carry needs one more digit (about one
//! product in three); `mul_word` reads the digits where they are and writes
//! the product once into a vector of its final size.

use num_bigint::{BigInt, BigUint, Sign};
use std::hash::{Hash, Hasher};

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

/// Runs `f` on the magnitude of `x` as base-2^32 digits, least significant
/// first, read where num-bigint keeps them (the top digit may be zero when
/// num-bigint's own digits are 64-bit). `None` if they cannot be lent.
///
/// num-bigint lends its digits out only through iterators, whose per-digit
/// `next` stays a call under opt-level "z" (a one-pass multiply over
/// `iter_u32_digits` was slower than copy-then-multiply). Its `Hash` for
/// `BigUint` hashes the digit slice, and std hashes a slice of integers as
/// one `Hasher::write` of the slice's bytes: a hasher that runs `f` on that
/// write reads the digits in place, in safe code and without a copy. The
/// write is checked against the length prefix hashed before it, and the
/// unit tests compare every kernel built on this with num-bigint's own
/// arithmetic, so a num-bigint that hashed differently would fail them.
pub fn with_digits<R>(x: &BigUint, f: impl FnOnce(&[u32]) -> R) -> Option<R> {
    struct Lend<F, R> {
        len: Option<usize>,
        f: Option<F>,
        result: Option<R>,
    }
    impl<F: FnOnce(&[u32]) -> R, R> Hasher for Lend<F, R> {
        fn write_usize(&mut self, len: usize) {
            self.len = Some(len);
        }
        fn write(&mut self, bytes: &[u8]) {
            let Some(len) = self.len.take() else { return };
            // Native-endian bytes of 32- or 64-bit digits: little-endian
            // base-2^32 digits in either case, on a little-endian target.
            if !cfg!(target_endian = "little") || (bytes.len() != 4 * len && bytes.len() != 8 * len) {
                return;
            }
            // SAFETY: every bit pattern is a valid u32; `align_to` puts
            // whatever is not aligned in the head and tail, checked empty.
            let (head, digits, tail) = unsafe { bytes.align_to::<u32>() };
            if let (Some(f), true) = (self.f.take(), head.is_empty() && tail.is_empty()) {
                self.result = Some(f(digits));
            }
        }
        fn finish(&self) -> u64 {
            0
        }
    }
    let mut lend = Lend { len: None, f: Some(f), result: None };
    x.hash(&mut lend);
    lend.result
}

/// Python's `x * m` for `|m| <= MAX_WORD`.
pub fn mul_word(x: &BigInt, m: i64) -> BigInt {
    // num-bigint's digits are 64-bit on 64-bit hosts (the CLI, the tests):
    // there its copy-then-multiply makes half as many steps, and
    // `BigUint::new` would copy 32-bit digits into 64-bit ones.
    if cfg!(target_pointer_width = "64") {
        return x * m;
    }
    mul_word_once(x, m)
}

/// `mul_word` in one pass over the digits into a vector of the product's
/// size (num-bigint copies `x`, then multiplies the copy in place and grows
/// it for the carry): the wasm build's way, where digits are 32-bit.
fn mul_word_once(x: &BigInt, m: i64) -> BigInt {
    debug_assert!(m.unsigned_abs() <= MAX_WORD);
    let word = m.unsigned_abs();
    let product = with_digits(x.magnitude(), |digits| {
        let n = digits.len();
        let mut out: Vec<u32> = Vec::with_capacity(n + 1);
        let slots = out.spare_capacity_mut();
        let mut carry = 0u64;
        // Index loops over slices: bounds checks and no calls under
        // opt-level "z" (`Vec`'s own indexing and `push` stay calls there),
        // and no zeroing pass before the writes.
        for i in 0..n.min(slots.len()) {
            // d * word + carry < 2^32 * 2^32: no overflow.
            let p = u64::from(digits[i]) * word + carry;
            slots[i].write(p as u32);
            carry = p >> 32;
        }
        // The carry is the top digit, kept only if not zero.
        if let Some(top) = slots.get_mut(n) {
            top.write(carry as u32);
        }
        // SAFETY: the capacity is n + 1, so the loop wrote slots 0..n and
        // the line above slot n.
        unsafe { out.set_len(n + usize::from(carry != 0)) };
        out
    });
    let magnitude = match product {
        // `new` takes the vector as it is when num-bigint's digits are
        // 32-bit (the wasm build) and drops a zero top digit.
        Some(out) => BigUint::new(out),
        None => x.magnitude() * word,
    };
    let sign = if m < 0 { -x.sign() } else { x.sign() };
    BigInt::from_biguint(sign, magnitude)
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
    fn digits_are_lent() {
        for x in samples() {
            let lent = with_digits(x.magnitude(), |d| d.to_vec()).expect("digits lent");
            let mut expected = x.magnitude().to_u32_digits();
            expected.resize(lent.len(), 0);
            assert_eq!(lent, expected, "{x}");
        }
    }

    #[test]
    fn mul_word_is_product() {
        for x in samples() {
            for m in WORDS.into_iter().chain([0, 4294967294, -2, 1 << 31]) {
                assert_eq!(mul_word_once(&x, m), &x * m, "{x} * {m}");
                assert_eq!(mul_word(&x, m), &x * m, "{x} * {m}");
            }
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
