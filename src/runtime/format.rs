//! Number formatting the VM needs beyond `repr`: float repr and
//! format-spec mini-language pieces.

pub use super::repr::{float_repr, str_repr};


/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FormatSpec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub alternate: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub kind: Option<char>,
}

impl FormatSpec {
    #[cfg_attr(target_arch = "wasm32", track_caller)]
    pub fn parse(spec: &str) -> Result<FormatSpec, String> {
        let chars: Vec<char> = spec.chars().collect();
        let mut i = 0;
        let mut f = FormatSpec::default();
        let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
        if chars.len() >= 2 && is_align(chars[1]) {
            f.fill = Some(chars[0]);
            f.align = Some(chars[1]);
            i = 2;
        } else if !chars.is_empty() && is_align(chars[0]) {
            f.align = Some(chars[0]);
            i = 1;
        }
        if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
            f.sign = Some(chars[i]);
            i += 1;
        }
        if i < chars.len() && chars[i] == '#' {
            f.alternate = true;
            i += 1;
        }
        if i < chars.len() && chars[i] == '0' {
            f.zero = true;
            i += 1;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i > start {
            f.width = chars[start..i].iter().collect::<String>().parse().ok();
        }
        if i < chars.len() && matches!(chars[i], ',' | '_') {
            f.grouping = Some(chars[i]);
            i += 1;
        }
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i == start {
                return Err("Format specifier missing precision".into());
            }
            f.precision = chars[start..i].iter().collect::<String>().parse().ok();
        }
        if i < chars.len() {
            f.kind = Some(chars[i]);
            i += 1;
        }
        if i < chars.len() {
            return Err("Invalid format specifier".into());
        }
        Ok(f)
    }

    /// Pads `body` (with its sign split off as `sign`) to the width.
    pub fn pad(&self, sign: &str, body: &str, default_align: char) -> String {
        let len = sign.chars().count() + body.chars().count();
        let width = self.width.unwrap_or(0);
        if len >= width {
            return format!("{sign}{body}");
        }
        let fill_n = width - len;
        let (fill, align) = if self.zero && self.fill.is_none() && self.align.is_none() {
            ('0', '=')
        } else {
            (self.fill.unwrap_or(' '), self.align.unwrap_or(default_align))
        };
        let pad = |n: usize| std::iter::repeat(fill).take(n).collect::<String>();
        match align {
            '<' => format!("{sign}{body}{}", pad(fill_n)),
            '^' => format!("{}{sign}{body}{}", pad(fill_n / 2), pad(fill_n - fill_n / 2)),
            '=' => format!("{sign}{}{body}", pad(fill_n)),
            _ => format!("{}{sign}{body}", pad(fill_n)),
        }
    }
}

/// Inserts a thousands separator into a string of digits.
pub fn group_digits(digits: &str, sep: char) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// `format(x, spec)` for a float with one of the types e f g % (or none).
pub fn format_float(x: f64, spec: &FormatSpec) -> String {
    let neg = x.is_sign_negative() && !(x == 0.0 && spec.kind.is_none() && false);
    let a = x.abs();
    let kind = spec.kind.unwrap_or('r');
    let mut body = if a.is_nan() {
        "nan".to_string()
    } else if a.is_infinite() {
        "inf".to_string()
    } else {
        match kind {
            'f' | 'F' | '%' => {
                let v = if kind == '%' { a * 100.0 } else { a };
                let mut s = fixed_digits(v, spec.precision.unwrap_or(6));
                if let Some(sep) = spec.grouping {
                    let (int, frac) = s.split_once('.').map(|(i, f)| (i.to_string(), format!(".{f}"))).unwrap_or((s.clone(), String::new()));
                    s = format!("{}{}", group_digits(&int, sep), frac);
                }
                if spec.alternate && !crate::text::has_char(&s, '.') {
                    s.push('.');
                }
                if kind == '%' {
                    s.push('%');
                }
                s
            }
            'e' | 'E' => exp_format(a, spec.precision.unwrap_or(6), kind == 'E'),
            'g' | 'G' => general_format(a, spec.precision.unwrap_or(6), spec.alternate, kind == 'G'),
            _ => {
                // No type: like repr, but a precision means 'g' that keeps a ".0".
                match spec.precision {
                    Some(p) => {
                        let s = general_format(a, p.max(1), spec.alternate, false);
                        s
                    }
                    None => {
                        let s = float_repr(a);
                        if let Some(sep) = spec.grouping {
                            let (int, frac) = s.split_once('.').map(|(i, f)| (i.to_string(), format!(".{f}"))).unwrap_or((s.clone(), String::new()));
                            format!("{}{}", group_digits(&int, sep), frac)
                        } else {
                            s
                        }
                    }
                }
            }
        }
    };
    if matches!(kind, 'F' | 'E' | 'G') {
        body = body.to_ascii_uppercase();
    }
    let sign = if neg && !(a == 0.0 && !x.is_sign_negative()) {
        "-"
    } else {
        match spec.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    };
    spec.pad(sign, &body, '>')
}

/// Digits past this many decimals are zeros for every f64 (the exact binary
/// fraction has at most 1074 of them): longer precisions are padded with zeros.
const EXACT_DECIMALS: usize = 1100;

/// `x` with `precision` digits after the point, exactly rounded (`'%.*f'`).
fn fixed_digits(x: f64, precision: usize) -> String {
    let mut s = super::float_digits::fixed(x, precision.min(EXACT_DECIMALS));
    s.extend(std::iter::repeat('0').take(precision.saturating_sub(EXACT_DECIMALS)));
    s
}

/// The scientific form of `x` (`1.50e3`, as Rust's `{:.*e}` writes it) with
/// `precision` mantissa decimals.
fn scientific_digits(x: f64, precision: usize) -> String {
    let s = super::float_digits::scientific(x, precision.min(EXACT_DECIMALS));
    let padding = precision.saturating_sub(EXACT_DECIMALS);
    match s.split_once('e') {
        Some((mantissa, exp)) if padding > 0 => format!("{mantissa}{}e{exp}", "0".repeat(padding)),
        _ => s,
    }
}

fn exp_format(a: f64, precision: usize, upper: bool) -> String {
    let s = scientific_digits(a, precision);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let e = if upper { 'E' } else { 'e' };
    format!("{mant}{e}{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs())
}

/// The 'g' presentation type.
fn general_format(a: f64, precision: usize, alternate: bool, upper: bool) -> String {
    let p = precision.max(1);
    if a == 0.0 {
        return if alternate { format!("0.{}", "0".repeat(p - 1)) } else { "0".into() };
    }
    let s = scientific_digits(a, p - 1);
    // i64, as the other parses of decimal text: one `str::parse` instance fewer in the wasm.
    let exp: i64 = s.split_once('e').map(|(_, e)| e.parse().unwrap_or(0)).unwrap_or(0);
    let mut out = if exp < -4 || exp >= p as i64 {
        let t = exp_format(a, p - 1, upper);
        if alternate {
            t
        } else {
            let (m, e) = t.split_once(if upper { 'E' } else { 'e' }).unwrap();
            let m = if crate::text::has_char(&m, '.') { m.trim_end_matches('0').trim_end_matches('.') } else { m };
            format!("{m}{}{e}", if upper { 'E' } else { 'e' })
        }
    } else {
        let decimals = (p as i64 - 1 - exp).max(0) as usize;
        let t = fixed_digits(a, decimals);
        if alternate || !crate::text::has_char(&t, '.') {
            t
        } else {
            t.trim_end_matches('0').trim_end_matches('.').to_string()
        }
    };
    if upper {
        out = out.to_ascii_uppercase();
    }
    out
}
