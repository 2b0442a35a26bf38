//! complex arithmetic as CPython 3.12 computes it (Objects/complexobject.c:
//! `_Py_c_prod`, `_Py_c_quot`, `_Py_c_pow`, integer powers by squaring), so
//! the VM and the compiler's constant folding agree to the last digit.

/// A complex number as (real, imaginary).
pub type C = (f64, f64);

/// Why `a ** b` has no complex result.
#[derive(Debug, PartialEq)]
pub enum PowError {
    /// A zero base with a negative or complex exponent (ZeroDivisionError).
    ZeroToNegative,
    /// An infinite result from finite operands (OverflowError).
    Overflow,
}

pub fn prod(a: C, b: C) -> C {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `a / b`, or None for a zero divisor (CPython's `_Py_c_quot`).
pub fn quot(a: C, b: C) -> Option<C> {
    let (abs_re, abs_im) = (b.0.abs(), b.1.abs());
    if abs_re >= abs_im {
        if abs_re == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_im >= abs_re {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// `x ** n` for a non-negative int by repeated squaring (`c_powu`).
fn powu(x: C, n: u64) -> C {
    let (mut r, mut p, mut mask) = ((1.0, 0.0), x, 1u64);
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = prod(r, p);
        }
        mask <<= 1;
        p = prod(p, p);
    }
    r
}

/// `a ** b` in polar form; None for a zero base with a negative or complex power.
fn polar_pow(a: C, b: C) -> Option<C> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Some((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        return if b.1 != 0.0 || b.0 < 0.0 { None } else { Some((0.0, 0.0)) };
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    Some((len * phase.cos(), len * phase.sin()))
}

/// `a ** b`: integral exponents up to 100 in magnitude by repeated
/// multiplication, the others in polar form (`complex_pow`).
pub fn power(a: C, b: C) -> Result<C, PowError> {
    let small_int = b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0;
    let p = if small_int {
        let n = b.0 as i64;
        if n >= 0 {
            Some(powu(a, n as u64))
        } else {
            quot((1.0, 0.0), powu(a, n.unsigned_abs()))
        }
    } else {
        polar_pow(a, b)
    };
    match p {
        None => Err(PowError::ZeroToNegative),
        Some(p) if p.0.is_infinite() || p.1.is_infinite() => Err(PowError::Overflow),
        Some(p) => Ok(p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected values from CPython 3.12.
    #[test]
    fn powers_and_quotients() {
        assert_eq!(quot((1.0, 2.0), (3.0, -4.0)), Some((-0.2, 0.4)));
        assert_eq!(quot((1.0, 2.0), (0.0, 0.0)), None);
        assert_eq!(power((1.0, 2.0), (-2.0, 0.0)), Ok((-0.12, -0.16)));
        assert_eq!(power((0.0, 1.0), (2.0, 0.0)), Ok((-1.0, 0.0)));
        assert_eq!(power((1.0, 2.0), (1.0, 1.0)), Ok((-0.24720004426291722, 0.6964504870825432)));
        assert_eq!(power((0.0, 0.0), (-1.0, 0.0)), Err(PowError::ZeroToNegative));
        assert_eq!(power((1e200, 1e200), (2.0, 0.0)).map(|c| c.0.is_nan()), Ok(true));
    }
}
