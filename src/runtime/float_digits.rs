//! Decimal digits of a double, exactly: the shortest digits that read back
//! as the same double (what `repr` prints) and the correctly rounded digits
//! at a given precision (`'%.3f'`, `'%.10e'`, `round(x, 2)`).
//!
//! Core's float formatting (Grisu with a Dragon4 fallback, its bignum type
//! and tables) is about 10 KB of the gzipped wasm; this is a fraction of
//! that. A finite double is `m * 2^e` exactly, so `x * 10^s` is the
//! fraction `num / den` of two integers; its quotient and remainder give the
//! digits and how to round them. The integers are `u128` when they fit (the
//! usual case: up to 17 digits of a double between about 1e-7 and 1e21) and
//! num-bigint's `BigUint` otherwise. The unit tests compare every function
//! with core's formatting.

use crate::text::substr;
use num_bigint::BigUint;
use std::cmp::Ordering;
use std::ops::{Add, Div, Mul, Shl, Shr, Sub};

/// The integer operations the digits need (`u128` and `BigUint` have them).
trait Exact:
    Sized
    + Clone
    + Ord
    + From<u64>
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + Shl<usize, Output = Self>
    + Shr<usize, Output = Self>
{
    /// The number in decimal.
    fn decimal(&self) -> String;

    fn is_odd(&self) -> bool;
}

impl Exact for u128 {
    /// Through u64's formatting: core's u128 formatting would add 1.5 KB.
    /// The numbers here are below 2^124 (see `fits_u128`), so `high` fits.
    fn decimal(&self) -> String {
        const TEN_19: u128 = 10_000_000_000_000_000_000;
        if let Ok(small) = u64::try_from(*self) {
            return small.to_string();
        }
        let (high, low) = ((self / TEN_19) as u64, (self % TEN_19) as u64);
        format!("{high}{low:019}")
    }

    fn is_odd(&self) -> bool {
        self & 1 == 1
    }
}

impl Exact for BigUint {
    fn decimal(&self) -> String {
        self.to_string()
    }

    fn is_odd(&self) -> bool {
        self.bit(0)
    }
}

/// A finite, non-zero |x| as `m * 2^e` (m < 2^53), and whether the gap to
/// the next smaller double is half the gap above (x is a power of two with
/// a normal predecessor).
fn decompose(x: f64) -> (u64, i32, bool) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    if biased == 0 {
        (fraction, -1074, false)
    } else {
        (fraction | 1 << 52, biased - 1075, biased > 1 && fraction == 0)
    }
}

/// `x * 10^s` as quotient and remainder of `num / den`, with `den` and
/// `unit = num / m` (the scaled weight of one step of m).
struct Scaled<N> {
    q: N,
    r: N,
    den: N,
    unit: N,
}

fn pow10<N: Exact>(mut n: u32) -> N {
    let mut result = N::from(1);
    let mut base = N::from(10);
    while n > 0 {
        if n & 1 == 1 {
            result = result * base.clone();
        }
        n >>= 1;
        if n > 0 {
            base = base.clone() * base;
        }
    }
    result
}

fn scale<N: Exact>(m: u64, e: i32, s: i32) -> Scaled<N> {
    let mut unit = N::from(1);
    let mut den = N::from(1);
    if e > 0 {
        unit = unit << e as usize;
    } else {
        den = den << e.unsigned_abs() as usize;
    }
    if s > 0 {
        unit = unit * pow10(s as u32);
    } else {
        den = den * pow10(s.unsigned_abs());
    }
    let num = unit.clone() * N::from(m);
    let (q, r) = if s >= 0 && e < 0 {
        // den is a power of two (the usual case): no division.
        let shift = e.unsigned_abs() as usize;
        let q = num.clone() >> shift;
        (q.clone(), num - (q << shift))
    } else {
        let q = num.clone() / den.clone();
        (q.clone(), num - q * den.clone())
    };
    Scaled { q, r, den, unit }
}

/// Whether `m * 2^e * 10^s` and its pieces fit in a u128 with room to spare.
fn fits_u128(e: i32, s: i32) -> bool {
    let bits = |n: i32| n.max(0) as u32;
    let ten_bits = |n: i32| (bits(n) * 3322).div_ceil(1000);
    53 + bits(e) + ten_bits(s) <= 124 && bits(-e) + ten_bits(-s) <= 124
}

/// How `r / den` compares with one half.
fn half<N: Exact>(sc: &Scaled<N>) -> Ordering {
    (sc.r.clone() + sc.r.clone()).cmp(&sc.den)
}

/// Whether `x * 10^s` rounds up to the next integer (ties to even).
fn rounds_up<N: Exact>(sc: &Scaled<N>) -> bool {
    match half(sc) {
        Ordering::Greater => true,
        Ordering::Equal => sc.q.is_odd(),
        Ordering::Less => false,
    }
}

/// `x * 10^s` rounded to an integer (ties to even), in decimal, if its
/// integer part has `len` digits (any number when `len` is None); else the
/// length of the integer part (0 when it is 0).
fn rounded<N: Exact>(m: u64, e: i32, s: i32, len: Option<usize>) -> Result<String, usize> {
    let sc = scale::<N>(m, e, s);
    let mut digits = sc.q.decimal();
    if let Some(len) = len {
        if digits.len() != len || digits == "0" {
            return Err(if digits == "0" { 0 } else { digits.len() });
        }
    }
    if rounds_up(&sc) {
        increment(&mut digits);
    }
    Ok(digits)
}

/// Adds one to a decimal numeral (`199` -> `200`, `99` -> `100`).
#[cfg_attr(target_arch = "wasm32", track_caller)]
fn increment(digits: &mut String) {
    let mut bytes = std::mem::take(digits).into_bytes();
    let mut i = bytes.len();
    while i > 0 && bytes[i - 1] == b'9' {
        bytes[i - 1] = b'0';
        i -= 1;
    }
    if i == 0 {
        bytes.insert(0, b'1');
    } else {
        bytes[i - 1] += 1;
    }
    *digits = String::from_utf8(bytes).unwrap_or_default();
}

fn rounded_digits(m: u64, e: i32, s: i32, len: Option<usize>) -> Result<String, usize> {
    if fits_u128(e, s) {
        rounded::<u128>(m, e, s, len)
    } else {
        rounded::<BigUint>(m, e, s, len)
    }
}

/// floor(log10(x)) for finite x > 0, and x's digits rounded to `digits`
/// significant ones, ties to even (`digits + 1` of them, a 1 and zeros,
/// when rounding carried: 9.96 -> 10.0).
fn significant(x: f64, digits: usize) -> (i32, String) {
    let (m, e, _) = decompose(x);
    // The estimate, corrected until x / 10^k has one digit before the point.
    let mut k = x.log10().floor() as i32;
    loop {
        match rounded_digits(m, e, digits as i32 - 1 - k, Some(digits)) {
            Ok(rounded) => return (k, rounded),
            Err(len) if len > digits => k += 1,
            Err(_) => k -= 1,
        }
    }
}

fn with_sign(x: f64, body: String) -> String {
    if x.is_sign_negative() {
        format!("-{body}")
    } else {
        body
    }
}

/// `x` (finite) with `decimals` digits after the point, correctly rounded:
/// what `format!("{:.*}", decimals, x)` gives.
pub fn fixed(x: f64, decimals: usize) -> String {
    let digits = if x == 0.0 {
        "0".to_string()
    } else {
        let (m, e, _) = decompose(x.abs());
        rounded_digits(m, e, decimals as i32, None).unwrap_or_default()
    };
    let mut body = String::with_capacity(digits.len() + decimals + 2);
    if digits.len() <= decimals {
        body.push_str("0.");
        body.extend(std::iter::repeat('0').take(decimals - digits.len()));
        body.push_str(&digits);
    } else {
        let (int, frac) = crate::text::split_at(&digits, digits.len() - decimals);
        body.push_str(int);
        if decimals > 0 {
            body.push('.');
            body.push_str(frac);
        }
    }
    with_sign(x, body)
}

/// `x` (finite) in scientific notation with `decimals` digits after the
/// point, correctly rounded: what `format!("{:.*e}", decimals, x)` gives
/// (`1.50e3`, `2e-7`).
pub fn scientific(x: f64, decimals: usize) -> String {
    let (digits, k) = if x == 0.0 {
        ("0".repeat(decimals + 1), 0)
    } else {
        let (k, digits) = significant(x.abs(), decimals + 1);
        if digits.len() > decimals + 1 {
            // Rounding carried into a new digit (9.96 -> 10.0): 1.00e(k+1).
            (substr(&digits, ..decimals + 1).to_string(), k + 1)
        } else {
            (digits, k)
        }
    };
    let (first, rest) = crate::text::split_at(&digits, 1);
    let mut body = String::with_capacity(digits.len() + 6);
    body.push_str(first);
    if !rest.is_empty() {
        body.push('.');
        body.push_str(rest);
    }
    body.push('e');
    body.push_str(&k.to_string());
    with_sign(x, body)
}

/// The nearest `p`-digit decimal to x that reads back as x, if any: its
/// digits (`p` of them, or a 1 and `p` zeros when rounding carried).
fn round_trip<N: Exact>(m: u64, e: i32, tight_below: bool, k: i32, p: i32) -> Option<String> {
    let sc = scale::<N>(m, e, p - 1 - k);
    let twice = |n: N| n.clone() + n;
    // A decimal reads back as x when it is within half a gap of x (the ends
    // count when m is even: ties go to the even neighbour). The gap below a
    // power of two is half the gap above.
    let inside = |dist: N, below: bool| {
        let lhs = if below && tight_below { twice(twice(dist)) } else { twice(dist) };
        match lhs.cmp(&sc.unit) {
            Ordering::Less => true,
            Ordering::Equal => m % 2 == 0,
            Ordering::Greater => false,
        }
    };
    let below = sc.q.clone();
    let above = sc.q.clone() + N::from(1);
    let up_is_nearer = rounds_up(&sc);
    let below_ok = inside(sc.r.clone(), true);
    let above_ok = inside(sc.den.clone() - sc.r.clone(), false);
    match (up_is_nearer, below_ok, above_ok) {
        (true, _, true) | (false, false, true) => Some(above.decimal()),
        (false, true, _) | (true, true, false) => Some(below.decimal()),
        _ => None,
    }
}

/// The shortest decimal digits that read back as `x` (finite, > 0), the
/// nearest to x among those (ties to even), as Python's repr picks them,
/// and the position of the decimal point: x ~ 0.DIGITS * 10^decpt.
pub fn shortest(x: f64) -> (String, i32) {
    if x == 0.0 {
        return ("0".to_string(), 1);
    }
    let (m, e, tight_below) = decompose(x);
    let k = significant(x, 1).0;
    let attempt = |p: i32| {
        if fits_u128(e, p - 1 - k) {
            round_trip::<u128>(m, e, tight_below, k, p)
        } else {
            round_trip::<BigUint>(m, e, tight_below, k, p)
        }
    };
    // 17 digits always read back; a shorter length that does is the answer
    // (if p digits read back, so do p + 1): binary search.
    let (mut lo, mut hi) = (1, 17);
    let mut best = attempt(17);
    while lo < hi {
        let mid = (lo + hi) / 2;
        match attempt(mid) {
            Some(digits) => {
                best = Some(digits);
                hi = mid;
            }
            None => lo = mid + 1,
        }
    }
    let mut digits = best.unwrap_or_default();
    let mut decpt = k + 1;
    if digits.len() as i32 > hi {
        // Rounding carried (99 -> 100): one digit more before the point.
        decpt += 1;
    }
    let trimmed = digits.trim_end_matches('0').len();
    digits.truncate(trimmed);
    (digits, decpt)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The repr digits by core's formatting (what repr.rs did before).
    fn core_shortest(x: f64) -> (String, i32) {
        let split = |sci: &str| -> (String, i32) {
            let (mantissa, exp) = sci.split_once('e').unwrap();
            let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
            (digits, exp.parse::<i32>().unwrap() + 1)
        };
        let shortest_sci = format!("{:e}", x);
        let shortest = split(&shortest_sci);
        let nearest_sci = format!("{:.*e}", shortest.0.len() - 1, x);
        if nearest_sci == shortest_sci {
            return shortest;
        }
        if nearest_sci.parse::<f64>() == Ok(x) {
            let (digits, decpt) = split(&nearest_sci);
            let trimmed = digits.trim_end_matches('0');
            if !trimmed.is_empty() {
                return (trimmed.to_string(), decpt);
            }
        }
        shortest
    }

    fn check(x: f64) {
        if x == 0.0 {
            assert_eq!(shortest(x), ("0".to_string(), 1));
        } else {
            assert_eq!(shortest(x.abs()), core_shortest(x.abs()), "shortest {x:e} ({:#x})", x.to_bits());
        }
        for p in [0, 1, 2, 3, 5, 6, 10, 16, 17, 20, 40] {
            assert_eq!(fixed(x, p), format!("{:.*}", p, x), "fixed {p} {x:e}");
            assert_eq!(scientific(x, p), format!("{:.*e}", p, x), "scientific {p} {x:e}");
        }
    }

    /// xorshift64*: deterministic pseudo-random bits.
    fn rng(state: &mut u64) -> u64 {
        *state ^= *state >> 12;
        *state ^= *state << 25;
        *state ^= *state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    #[test]
    fn special_values_match_core() {
        let values = [
            0.0, -0.0, 1.0, 0.1, 0.2, 0.3, 0.1 + 0.2, 1.5, 2.5, 0.5, 0.125, 0.375, 1e16, 1e17, 1e21,
            1e22, 1e23, 123456789.0, 9.995, 9.5, 99.5, 0.05, 5e-324, 1e-323, 2.2250738585072014e-308,
            2.225073858507201e-308, f64::MAX, f64::MIN_POSITIVE, 1.7976931348623157e308, 9007199254740993.0,
            4.35, 2.675, 1e-7, 1.5e-5, 3.14159, 2.0f64.powi(-1022), 2.0f64.powi(60), 2.0f64.powi(-60),
            0.999999999999999, 9.999999999999999e22, 5e-310,
        ];
        for &x in &values {
            check(x);
            check(-x);
        }
        for i in -1074..1024 {
            check(2.0f64.powi(i));
        }
        for i in -325..309 {
            let x: f64 = format!("1e{i}").parse().unwrap();
            if x != 0.0 && x.is_finite() {
                check(x);
            }
        }
    }

    #[test]
    fn random_doubles_match_core() {
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..10_000 {
            let x = f64::from_bits(rng(&mut state) & !(1 << 63));
            if x.is_finite() {
                check(x);
            }
        }
        // Short decimals and values near the u128/BigUint border.
        for _ in 0..10_000 {
            let digits = rng(&mut state) % 100_000_000;
            let exp = (rng(&mut state) % 60) as i32 - 30;
            let x: f64 = format!("{digits}e{exp}").parse().unwrap();
            check(x);
        }
    }

    #[test]
    fn u128_decimal_matches_core() {
        let ten_19 = 10_000_000_000_000_000_000u128;
        for n in [0, 1, 9, ten_19 - 1, ten_19, ten_19 + 1, ten_19 * 7 + 5, u64::MAX as u128, (1 << 124) - 1] {
            assert_eq!(n.decimal(), n.to_string());
        }
    }

    #[test]
    fn long_precisions_match_core() {
        for &x in &[0.1, 1e-300, 5e-324, 1e300, 123.456, f64::MAX, 0.0] {
            for p in [100, 330, 767, 1100] {
                assert_eq!(fixed(x, p), format!("{:.*}", p, x));
                assert_eq!(scientific(x, p), format!("{:.*e}", p, x));
            }
        }
    }
}
