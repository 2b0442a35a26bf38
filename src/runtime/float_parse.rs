//! Decimal text to the nearest `f64` (ties to even): float literals, `float(str)`, `round(x, n)`
//! and the float repr's round-trip check all read decimals through `parse_f64`.
//!
//! Why not `str::parse::<f64>`: its Eisel-Lemire table (`POWER_OF_FIVE_128`, 10 KB of nearly
//! random bits) and its big-decimal slow path cost the page's wasm about 12 KB gzipped. Here
//! the common case (a short decimal with a small exponent) is exact in f64 arithmetic
//! (Clinger's fast path), and everything else is computed exactly with num-bigint, which the
//! VM carries anyway for Python ints. The tests check it against `str::parse` bit for bit.

use crate::text::substr;
use num_bigint::BigUint;
use num_integer::Integer;
use num_traits::{ToPrimitive, Zero};

/// Parses `[+-]digits[.digits][(e|E)[+-]digits]` (either digit run may be empty, not both),
/// the grammar `str::parse::<f64>` accepts less its "inf"/"nan" words, which every caller
/// handles itself. `None` for anything else.
#[cfg_attr(target_arch = "wasm32", track_caller)]
pub fn parse_f64(text: &str) -> Option<f64> {
    let (negative, unsigned) = match text.as_bytes().first()? {
        b'-' => (true, substr(&text, 1..)),
        b'+' => (false, substr(&text, 1..)),
        _ => (false, text),
    };
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (substr(&unsigned, ..at), parse_exponent(substr(&unsigned, at + 1..))?),
        None => (unsigned, 0),
    };
    let (int_digits, frac_digits) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (int_digits.is_empty() && frac_digits.is_empty()) || !all_digits(int_digits) || !all_digits(frac_digits) {
        return None;
    }
    let digits = Digits::new(int_digits, frac_digits, exponent);
    let magnitude = digits.nearest();
    Some(if negative { -magnitude } else { magnitude })
}

/// An exponent's value, saturated far beyond where every result is 0 or infinity.
#[cfg_attr(target_arch = "wasm32", track_caller)]
fn parse_exponent(text: &str) -> Option<i64> {
    let (negative, digits) = match text.as_bytes().first()? {
        b'-' => (true, substr(&text, 1..)),
        b'+' => (false, substr(&text, 1..)),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value = digits.bytes().fold(0i64, |acc, b| (acc * 10 + (b - b'0') as i64).min(1 << 40));
    Some(if negative { -value } else { value })
}

/// Beyond this many significant digits only whether the rest is zero can change the rounding
/// (an exact halfway point between two doubles has at most 767 significant digits).
const MAX_SIGNIFICANT: usize = 800;

/// Powers of ten that f64 holds exactly.
const EXACT_POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// A non-negative decimal `significand × 10^exponent`, its significand written as text
/// without leading or trailing zeros.
struct Digits {
    significand: Vec<u8>,
    exponent: i64,
    /// Some digit beyond `MAX_SIGNIFICANT` was dropped and was not zero.
    inexact_tail: bool,
}

impl Digits {
    fn new(int_digits: &str, frac_digits: &str, exponent: i64) -> Digits {
        let all = int_digits.bytes().chain(frac_digits.bytes());
        let mut significand: Vec<u8> = all.skip_while(|&b| b == b'0').collect();
        // The value is significand × 10^(exponent - fraction length); trailing zeros move
        // into the exponent.
        let mut exponent = exponent - frac_digits.len() as i64;
        while significand.last() == Some(&b'0') {
            significand.pop();
            exponent += 1;
        }
        let mut inexact_tail = false;
        if significand.len() > MAX_SIGNIFICANT {
            exponent += (significand.len() - MAX_SIGNIFICANT) as i64;
            inexact_tail = significand[MAX_SIGNIFICANT..].iter().any(|&b| b != b'0');
            significand.truncate(MAX_SIGNIFICANT);
        }
        Digits { significand, exponent, inexact_tail }
    }

    fn nearest(&self) -> f64 {
        if self.significand.is_empty() {
            return 0.0;
        }
        // The value lies in [10^(magnitude-1), 10^magnitude).
        let magnitude = self.significand.len() as i64 + self.exponent;
        if magnitude > 310 {
            return f64::INFINITY;
        }
        if magnitude < -323 {
            // Below 10^-324, under half the smallest subnormal (4.9e-324).
            return 0.0;
        }
        self.exact_in_f64().unwrap_or_else(|| self.rounded_with_bigints())
    }

    /// Clinger's fast path: a significand below 2^53 and a power of ten that f64 holds exactly
    /// give the correctly rounded result in one multiplication or division.
    fn exact_in_f64(&self) -> Option<f64> {
        if self.significand.len() > 19 || self.exponent.unsigned_abs() > 22 {
            return None;
        }
        let value = self.significand.iter().fold(0u64, |acc, &b| acc * 10 + (b - b'0') as u64);
        if value >= 1 << 53 {
            return None;
        }
        let value = value as f64;
        let power = EXACT_POWERS_OF_TEN[self.exponent.unsigned_abs() as usize];
        Some(if self.exponent < 0 { value / power } else { value * power })
    }

    /// The value as the fraction `numerator / denominator`, scaled by 2^shift so that its
    /// integer part has at least 55 bits, then rounded to 53 bits (fewer for a subnormal)
    /// half to even, the division's remainder and any dropped tail counting as sticky bits.
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    fn rounded_with_bigints(&self) -> f64 {
        let significand = BigUint::parse_bytes(&self.significand, 10).expect("ascii digits");
        let power = BigUint::from(10u32).pow(self.exponent.unsigned_abs() as u32);
        let (numerator, denominator) = if self.exponent >= 0 {
            (significand * power, BigUint::from(1u32))
        } else {
            (significand, power)
        };
        let shift = 55 - (numerator.bits() as i64 - denominator.bits() as i64);
        let (quotient, remainder) = if shift >= 0 {
            (numerator << shift as u64).div_rem(&denominator)
        } else {
            numerator.div_rem(&(denominator << shift.unsigned_abs()))
        };
        let sticky = !remainder.is_zero() || self.inexact_tail;
        // value = (quotient + fraction) × 2^-shift, quotient ≥ 2^54.
        let binary_exponent = quotient.bits() as i64 - 1 - shift;
        let ulp_exponent = (binary_exponent - 52).max(-1074);
        let dropped_bits = (ulp_exponent + shift) as u64;
        let mut mantissa = (&quotient >> dropped_bits).to_u64().expect("at most 53 bits");
        let rest = &quotient - (BigUint::from(mantissa) << dropped_bits);
        let half = BigUint::from(1u32) << (dropped_bits - 1);
        if rest > half || (rest == half && (sticky || mantissa & 1 == 1)) {
            mantissa += 1;
        }
        // Exact: the mantissa has at most 53 bits (2^53 after rounding up), or overflows to
        // infinity as it should.
        mantissa as f64 * power_of_two(ulp_exponent)
    }
}

/// 2^exponent for -1074 ≤ exponent ≤ 1023.
fn power_of_two(exponent: i64) -> f64 {
    if exponent >= -1022 {
        f64::from_bits(((exponent + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (exponent + 1074))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// xorshift64*: deterministic test inputs without a dependency.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    fn same_as_std(text: &str) {
        let ours = parse_f64(text);
        let std = text.parse::<f64>().ok();
        assert_eq!(ours.map(f64::to_bits), std.map(f64::to_bits), "{text:?}: ours {ours:?}, std {std:?}");
    }

    #[test]
    fn edges_match_std() {
        for text in [
            "0", "-0", "+0.0", "0e999999999999999999", "1", "1.", ".5", "-.5", "1.e5", "1e-5", "6.02e23",
            "0.1", "0.3", "123456789012345678901234567890", "1e22", "1e23", "9007199254740993",
            "1e308", "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
            "1e309", "2.2250738585072011e-308", "2.2250738585072014e-308", "4.9406564584124654e-324",
            "2.4703282292062328e-324", "2.4703282292062327e-324", "1e-400", "1e-99999999999999999999",
            "1E+10", "000123.4500e-2", "0.000000000000000000000000000000000000001",
        ] {
            same_as_std(text);
        }
    }

    #[test]
    fn malformed_is_none_like_std() {
        for text in ["", "+", "-", ".", "e5", "1e", "1e+", "--1", "+-1", "1.2.3", " 1", "1 ", "1_0", "0x10", "1e5.0", "١"] {
            assert_eq!(parse_f64(text), None, "{text:?}");
            assert!(text.parse::<f64>().is_err(), "{text:?}");
        }
    }

    #[test]
    fn every_double_round_trips_through_its_decimal_forms() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..20_000 {
            let x = f64::from_bits(rng.next() >> 1);
            if !x.is_finite() {
                continue;
            }
            for text in [format!("{x:e}"), format!("{x:.16e}"), format!("{x:.20e}"), format!("{x:.3e}"), format!("{x}")] {
                same_as_std(&text);
            }
        }
    }

    #[test]
    fn halfway_points_round_to_even() {
        // The exact midpoint between a double and the next one up, written out in full, and
        // one unit in its last decimal place below and above.
        let mut rng = Rng(12345);
        for i in 0..2_000 {
            // Normal and subnormal doubles alike.
            let bits = if i % 4 == 0 { rng.below(1 << 53) } else { rng.next() >> 2 };
            let x = f64::from_bits(bits);
            let (mantissa, exponent) = if bits >> 52 == 0 {
                (bits & ((1 << 52) - 1), -1074i64)
            } else {
                ((bits & ((1 << 52) - 1)) | (1 << 52), (bits >> 52) as i64 - 1075)
            };
            // midpoint = (2·mantissa + 1) × 2^(exponent-1)
            let odd = BigUint::from(2 * mantissa + 1);
            let e = exponent - 1;
            let decimal = if e >= 0 {
                (odd << e as u64).to_string()
            } else {
                // (odd × 5^-e) × 10^e
                let digits = (odd * BigUint::from(5u32).pow(e.unsigned_abs() as u32)).to_string();
                format!("{digits}e{e}")
            };
            same_as_std(&decimal);
            let (body, exp) = decimal.split_once('e').unwrap_or((&decimal, "0"));
            same_as_std(&format!("{body}1e{}", exp.parse::<i64>().unwrap() - 1));
            let below = (BigUint::parse_bytes(body.as_bytes(), 10).unwrap() * 10u32 - 1u32).to_string();
            same_as_std(&format!("{below}e{}", exp.parse::<i64>().unwrap() - 1));
            assert!(x.is_finite());
        }
    }

    #[test]
    fn random_digit_strings_match_std() {
        let mut rng = Rng(777);
        for _ in 0..20_000 {
            let len = 1 + rng.below(40) as usize;
            let digits: String = (0..len).map(|_| char::from(b'0' + rng.below(10) as u8)).collect();
            let point = rng.below(len as u64 + 1) as usize;
            let exponent = rng.below(700) as i64 - 350;
            same_as_std(&format!("{}.{}e{exponent}", &digits[..point], &digits[point..]));
        }
    }

    #[test]
    fn long_inputs_keep_their_sticky_tail() {
        let long_zeros = format!("1.{}1e-300", "0".repeat(2000));
        same_as_std(&long_zeros);
        let many = "7".repeat(5000);
        same_as_std(&many);
        same_as_std(&format!("0.{many}"));
        // Exactly halfway between 1 and the next double, then a tiny bit more far away.
        let half_ulp = "1.00000000000000011102230246251565404236316680908203125";
        same_as_std(half_ulp);
        same_as_std(&format!("{half_ulp}{}1", "0".repeat(1000)));
    }
}
