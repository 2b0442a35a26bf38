//! `"..." % (a, b)` with only `%s`, `%r`, `%a` conversions becomes an
//! f-string, as CPython's ast_opt `optimize_format` does.

use crate::syntax::ast::*;

/// Pieces without a location (CPython creates them with lineno -1).
fn no_span() -> Span {
    Span::default()
}

fn literal(text: &str) -> Expr {
    Expr { kind: ExprKind::Constant(ConstantValue::Str(text.into())), span: no_span() }
}

struct Spec {
    conversion: char,
    left_justify: bool,
    width: Option<u32>,
    precision: Option<u32>,
}

const MAXDIGITS: u32 = 3;

/// Parses one conversion after its `%`; `None` for unsupported forms.
#[cfg_attr(target_arch = "wasm32", track_caller)]
fn parse_spec(chars: &[char], pos: &mut usize) -> Option<Spec> {
    let mut next = || -> Option<char> {
        let c = chars.get(*pos).copied()?;
        *pos += 1;
        Some(c)
    };
    let mut left_justify = false;
    let mut ch = next()?;
    loop {
        match ch {
            '-' => left_justify = true,
            '+' | ' ' | '#' | '0' => {}
            _ => break,
        }
        ch = next()?;
    }
    let mut width = None;
    if ch.is_ascii_digit() {
        let mut w = 0;
        let mut digits = 0;
        while ch.is_ascii_digit() {
            w = w * 10 + ch.to_digit(10).unwrap();
            ch = next()?;
            digits += 1;
            if digits >= MAXDIGITS {
                return None;
            }
        }
        width = Some(w);
    }
    let mut precision = None;
    if ch == '.' {
        ch = next()?;
        let mut p = 0;
        if ch.is_ascii_digit() {
            let mut digits = 0;
            while ch.is_ascii_digit() {
                p = p * 10 + ch.to_digit(10).unwrap();
                ch = next()?;
                digits += 1;
                if digits >= MAXDIGITS {
                    return None;
                }
            }
        }
        precision = Some(p);
    }
    Some(Spec { conversion: ch, left_justify, width, precision })
}

/// The f-string equivalent of `fmt % (elts...)`, or `None` to keep the `%`. On
/// success the f-string takes the tuple's elements (moved, not copied: `elts` is
/// left empty); on `None` they are untouched.
#[cfg_attr(target_arch = "wasm32", track_caller)]
pub fn optimize_format(fmt: &str, elts: &mut Vec<Expr>, span: Span) -> Option<ExprKind> {
    let _ = span;
    if elts.iter().any(|e| matches!(e.kind, ExprKind::Starred { .. })) {
        return None;
    }
    let chars: Vec<char> = fmt.chars().collect();
    let mut pos = 0;
    let mut count = 0;
    let mut pieces = Vec::new();
    loop {
        let start = pos;
        let mut text = String::new();
        while pos < chars.len() {
            if chars[pos] != '%' {
                text.push(chars[pos]);
                pos += 1;
            } else if pos + 1 < chars.len() && chars[pos + 1] == '%' {
                text.push('%');
                pos += 2;
            } else {
                break;
            }
        }
        if pos != start {
            pieces.push(literal(&text));
        }
        if pos >= chars.len() {
            break;
        }
        if count >= elts.len() {
            return None;
        }
        pos += 1;
        let spec = parse_spec(&chars, &mut pos)?;
        if !matches!(spec.conversion, 's' | 'r' | 'a') {
            return None;
        }
        let arg = &elts[count];
        count += 1;
        let mut spec_text = String::new();
        if !spec.left_justify && spec.width.is_some_and(|w| w > 0) {
            spec_text.push('>');
        }
        if let Some(w) = spec.width {
            spec_text.push_str(&w.to_string());
        }
        if let Some(p) = spec.precision {
            spec_text.push_str(&format!(".{p}"));
        }
        let format_spec = (!spec_text.is_empty()).then(|| Box::new(literal(&spec_text)));
        // The value is a stand-in until the whole format is known to fold.
        let stand_in = Expr { kind: ExprKind::Constant(ConstantValue::None), span: arg.span };
        pieces.push(Expr {
            kind: ExprKind::FormattedValue {
                value: Box::new(stand_in),
                conversion: spec.conversion as i32,
                format_spec,
            },
            span: arg.span,
        });
    }
    if count < elts.len() {
        return None;
    }
    // Each argument was used once, in order: move them into their places.
    let values = pieces.iter_mut().filter_map(|p| match &mut p.kind {
        ExprKind::FormattedValue { value, .. } => Some(value),
        _ => None,
    });
    for (value, arg) in values.zip(elts.drain(..)) {
        **value = arg;
    }
    Some(ExprKind::JoinedStr(pieces))
}
