//! `float.hex()` and `float.fromhex()`: a double written exactly in hexadecimal
//! (`0x1.8000000000000p+1` is 3.0), as CPython's floatobject.c writes and reads it.

use crate::text::substr;
use num_bigint::BigUint;
use num_traits::{ToPrimitive, Zero};

/// `x.hex()`: 13 hex digits after the point (the 52 stored mantissa bits), the
/// binary exponent in decimal; subnormals as `0x0.…p-1022`.
pub fn to_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x < 0.0 { "-inf" } else { "inf" }.into();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let fraction = bits & ((1 << 52) - 1);
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let (lead, exponent) = if biased == 0 { (0, -1022) } else { (1, biased - 1023) };
    format!("{sign}0x{lead}.{fraction:013x}p{exponent:+}")
}

/// Why `float.fromhex` refused its argument.
#[derive(Debug, PartialEq)]
pub enum FromHexError {
    /// ValueError: "invalid hexadecimal floating-point string".
    Invalid,
    /// OverflowError: "hexadecimal value too large to represent as a float".
    TooLarge,
}

/// `float.fromhex(s)`: `[sign] ['0x'] digits ['.' digits] ['p' [sign] decimal]`, or
/// inf/infinity/nan, with surrounding whitespace; rounded half to even like any
/// other float literal.
pub fn from_hex(s: &str) -> Result<f64, FromHexError> {
    let s = s.trim_matches(|c: char| c.is_ascii_whitespace());
    let (negative, rest) = match s.as_bytes().first() {
        Some(b'-') => (true, substr(&s, 1..)),
        Some(b'+') => (false, substr(&s, 1..)),
        _ => (false, s),
    };
    let sign = if negative { -1.0 } else { 1.0 };
    let lower = rest.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Ok(sign * f64::INFINITY);
    }
    if lower == "nan" {
        return Ok(f64::NAN.copysign(sign));
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (digits_part, exponent_part) = match body.split_once('p') {
        Some((d, e)) => (d, Some(e)),
        None => (body, None),
    };
    let (whole, fraction) = digits_part.split_once('.').unwrap_or((digits_part, ""));
    let is_hex = |t: &str| t.bytes().all(|b| b.is_ascii_hexdigit());
    if whole.len() + fraction.len() == 0 || !is_hex(whole) || !is_hex(fraction) {
        return Err(FromHexError::Invalid);
    }
    let exponent: i64 = match exponent_part {
        None => 0,
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(FromHexError::Invalid);
            }
            // Past any float's range either way; the digits still decide zero or overflow.
            e.parse::<i64>().unwrap_or(if e.starts_with('-') { i64::MIN / 2 } else { i64::MAX / 2 })
        }
    };
    let mantissa = BigUint::parse_bytes(format!("{whole}{fraction}").as_bytes(), 16).unwrap_or_default();
    let scale = exponent.saturating_sub(4 * fraction.len() as i64);
    Ok(sign * scaled(&mantissa, scale)?)
}

/// `mantissa * 2**scale`, correctly rounded to a double.
fn scaled(mantissa: &BigUint, scale: i64) -> Result<f64, FromHexError> {
    if mantissa.is_zero() {
        return Ok(0.0);
    }
    let bits = mantissa.bits() as i64;
    // The value is in [2**top, 2**(top+1)).
    let top = bits - 1 + scale;
    if top > 1023 {
        return Err(FromHexError::TooLarge);
    }
    // Bits a double keeps at this magnitude: 53, fewer for a subnormal.
    let keep = if top >= -1022 { 53 } else { 53 - (-1022 - top) };
    if keep < 0 {
        return Ok(0.0); // below half the smallest subnormal
    }
    let drop = bits - keep;
    let (mut kept, mut at) = (mantissa.clone(), scale);
    if drop > 0 {
        let drop = drop as u64;
        kept = mantissa >> drop;
        let half = BigUint::from(1u8) << (drop - 1);
        let rest = mantissa - (&kept << drop);
        if rest > half || (rest == half && kept.bit(0)) {
            kept += 1u8;
        }
        at += drop as i64;
    }
    let kept = kept.to_u64().unwrap_or(u64::MAX) as f64; // at most 2**53: exact
    let value = kept * 2f64.powi((at - (at / 2)) as i32) * 2f64.powi((at / 2) as i32);
    if value.is_infinite() {
        return Err(FromHexError::TooLarge);
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_as_cpython() {
        assert_eq!(to_hex(1.0), "0x1.0000000000000p+0");
        assert_eq!(to_hex(0.1), "0x1.999999999999ap-4");
        assert_eq!(to_hex(-2.5), "-0x1.4000000000000p+1");
        assert_eq!(to_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(to_hex(f64::MAX), "0x1.fffffffffffffp+1023");
        assert_eq!(to_hex(-0.0), "-0x0.0p+0");
    }

    #[test]
    fn reads_back_every_kind_of_double() {
        for x in [1.0, 0.1, -2.5, 5e-324, 2.2250738585072014e-308, 1e-310, f64::MAX, 123456.789, 1.0 / 3.0] {
            assert_eq!(from_hex(&to_hex(x)), Ok(x), "{x}");
        }
    }

    #[test]
    fn rounds_half_to_even_and_reports_range() {
        assert_eq!(from_hex("0x1.00000000000008p0"), Ok(1.0)); // a tie: to even
        assert_eq!(from_hex("0x1.00000000000018p0"), Ok(1.0000000000000004));
        assert_eq!(from_hex("0x1.000000000000081p0"), Ok(1.0000000000000002));
        assert_eq!(from_hex("0x0.0000000000000_8p-1022".replace('_', "").as_str()), Ok(0.0));
        assert_eq!(from_hex("0x0.00000000000008000001p-1022"), Ok(5e-324));
        assert_eq!(from_hex("0x1p1024"), Err(FromHexError::TooLarge));
        assert_eq!(from_hex("0x1.fffffffffffff8p1023"), Err(FromHexError::TooLarge));
        assert_eq!(from_hex("  -0X1P-2 "), Ok(-0.25));
        assert_eq!(from_hex("ff"), Ok(255.0));
        assert_eq!(from_hex(".8"), Ok(0.5));
        assert_eq!(from_hex("1p99999999999999999999"), Err(FromHexError::TooLarge));
        assert_eq!(from_hex("1p-99999999999999999999"), Ok(0.0));
        for bad in ["", "0x", "0x.p1", "1p", "1e5x", "0xg", "1.2.3", "--1"] {
            assert_eq!(from_hex(bad), Err(FromHexError::Invalid), "{bad:?}");
        }
    }
}
