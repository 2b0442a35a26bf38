//! Literal values: numbers, string and bytes escapes, identifiers.

use crate::text::substr;
use super::ast::ConstantValue;
use crate::runtime::float_parse::parse_f64;
use num_bigint::BigInt;
use num_traits::Num;
use std::rc::Rc;

/// The value of a NUMBER token (already validated by the tokenizer).
#[cfg_attr(target_arch = "wasm32", track_caller)]
pub fn parse_number(text: &str) -> ConstantValue {
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    let lower = clean.to_ascii_lowercase();
    if let Some(imag) = lower.strip_suffix('j') {
        return ConstantValue::Imaginary(parse_f64(imag).unwrap_or(f64::INFINITY));
    }
    let radix = match lower.get(..2) {
        Some("0x") => 16,
        Some("0o") => 8,
        Some("0b") => 2,
        _ => 10,
    };
    if radix != 10 {
        return ConstantValue::Int(BigInt::from_str_radix(substr(&lower, 2..), radix).unwrap_or_default());
    }
    if lower.contains(['.', 'e']) {
        return ConstantValue::Float(parse_f64(&lower).unwrap_or(f64::INFINITY));
    }
    ConstantValue::Int(BigInt::from_str_radix(&lower, 10).unwrap_or_default())
}

/// Split `rb'...'` into its prefix and the text between the quotes.
fn split_literal(text: &str) -> (&str, &str) {
    let quote_at = text.find(['\'', '"']).unwrap_or(0);
    let (prefix, rest) = crate::text::split_at(text, quote_at);
    let q = if rest.len() >= 6 && (rest.starts_with("'''") || rest.starts_with("\"\"\"")) {
        3
    } else {
        1
    };
    let body = rest.get(q..rest.len().saturating_sub(q)).unwrap_or("");
    (prefix, body)
}

pub fn prefix_is_raw(start_token: &str) -> bool {
    start_token
        .bytes()
        .take_while(|c| c.is_ascii_alphabetic())
        .any(|c| c == b'r' || c == b'R')
}

type DecodeResult<T> = Result<T, (String, usize)>;

/// A complete STRING token's value, whether it is bytes, and the warning
/// for its first invalid escape sequence (CPython warns once per literal).
pub fn decode_string_literal(text: &str) -> DecodeResult<(ConstantValue, bool, Option<String>)> {
    let (prefix, body) = split_literal(text);
    let lower = prefix.to_ascii_lowercase();
    let raw = crate::text::has_char(&lower, 'r');
    if crate::text::has_char(&lower, 'b') {
        if let Some(i) = body.bytes().position(|b| b >= 128) {
            return Err((
                "bytes can only contain ASCII literal characters".to_string(),
                i,
            ));
        }
        if raw {
            return Ok((ConstantValue::Bytes(Rc::from(body.as_bytes())), true, None));
        }
        let (_, bytes, warning) = decode_escapes(body, true)?;
        return Ok((ConstantValue::Bytes(Rc::from(bytes)), true, warning));
    }
    if raw {
        return Ok((ConstantValue::Str(Rc::from(body)), false, None));
    }
    let (s, _, warning) = decode_escapes(body, false)?;
    Ok((ConstantValue::Str(Rc::from(s)), false, warning))
}

/// The value of an FSTRING_MIDDLE: escapes (unless raw) and doubled braces.
pub fn decode_fstring_middle(text: &str, raw: bool) -> DecodeResult<(String, Option<String>)> {
    let undoubled = crate::text::replace(&crate::text::replace(text, "{{", "{"), "}}", "}");
    if raw {
        return Ok((undoubled, None));
    }
    let (s, _, warning) = decode_escapes(&undoubled, false)?;
    Ok((s, warning))
}

/// Backslash escapes of a str (or bytes) literal body.
#[cfg_attr(target_arch = "wasm32", track_caller)]
fn decode_escapes(body: &str, bytes: bool) -> DecodeResult<(String, Vec<u8>, Option<String>)> {
    let mut warning: Option<String> = None;
    let mut s = String::new();
    let mut b: Vec<u8> = Vec::new();
    let push = |s: &mut String, b: &mut Vec<u8>, c: char| {
        if bytes {
            b.push(c as u32 as u8);
        } else {
            s.push(c);
        }
    };
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        i += 1;
        if c != '\\' {
            if bytes {
                let mut buf = [0u8; 4];
                b.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            } else {
                s.push(c);
            }
            continue;
        }
        let Some(&(_, e)) = chars.get(i) else {
            push(&mut s, &mut b, '\\');
            break;
        };
        i += 1;
        match e {
            '\n' => {}
            '\\' => push(&mut s, &mut b, '\\'),
            '\'' => push(&mut s, &mut b, '\''),
            '"' => push(&mut s, &mut b, '"'),
            'a' => push(&mut s, &mut b, '\x07'),
            'b' => push(&mut s, &mut b, '\x08'),
            'f' => push(&mut s, &mut b, '\x0c'),
            'n' => push(&mut s, &mut b, '\n'),
            'r' => push(&mut s, &mut b, '\r'),
            't' => push(&mut s, &mut b, '\t'),
            'v' => push(&mut s, &mut b, '\x0b'),
            '0'..='7' => {
                let mut v = e.to_digit(8).unwrap();
                for _ in 0..2 {
                    match chars.get(i).and_then(|&(_, d)| d.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            i += 1;
                        }
                        None => break,
                    }
                }
                if v > 0o377 && warning.is_none() {
                    let digits: String = chars[i - 3..i].iter().map(|&(_, d)| d).collect();
                    warning = Some(format!("invalid octal escape sequence '\\{}'", digits));
                }
                if bytes {
                    b.push(v as u8);
                } else {
                    s.push(char::from_u32(v).unwrap_or('\u{fffd}'));
                }
            }
            'x' | 'u' | 'U' if !(bytes && e != 'x') => {
                let n = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let digits: String = chars[i..].iter().take(n).map(|&(_, d)| d).collect();
                if digits.len() != n || !digits.chars().all(|d| d.is_ascii_hexdigit()) {
                    let msg = if bytes {
                        format!("(value error) invalid \\x escape at position {}", at)
                    } else {
                        format!(
                            "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: truncated \\{}{} escape",
                            at,
                            at + 1 + digits.chars().take_while(|d| d.is_ascii_hexdigit()).count(),
                            e,
                            "X".repeat(n)
                        )
                    };
                    return Err((msg, at));
                }
                i += n;
                // Checked hex digits. Not `unwrap()`: ParseIntError's Debug would bring core's
                // struct-formatting machinery into the wasm.
                let v = u32::from_str_radix(&digits, 16).unwrap_or_else(|_| unreachable!("hex digits"));
                if bytes {
                    b.push(v as u8);
                } else {
                    match char::from_u32(v) {
                        Some(ch) => s.push(ch),
                        None if v > 0x10ffff => {
                            return Err((
                                format!(
                                    "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: illegal Unicode character",
                                    at,
                                    at + 1 + n
                                ),
                                at,
                            ))
                        }
                        None => s.push('\u{fffd}'),
                    }
                }
            }
            'N' if !bytes => {
                // \N{NAME}: only the names we know; CPython's full table is large.
                let rest: String = chars[i..].iter().map(|&(_, d)| d).collect();
                let close = rest.find('}');
                match (rest.starts_with('{'), close) {
                    (true, Some(end)) => {
                        let name = substr(&rest, 1..end);
                        match unicode_name(name) {
                            Some(ch) => s.push(ch),
                            None => {
                                return Err((
                                    format!(
                                        "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: unknown Unicode character name",
                                        at,
                                        at + 2 + end
                                    ),
                                    at,
                                ))
                            }
                        }
                        i += substr(&rest, ..=end).chars().count();
                    }
                    _ => {
                        return Err((
                            format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: malformed \\N character escape", at, at + 1),
                            at,
                        ))
                    }
                }
            }
            other => {
                // Invalid escapes keep their backslash (CPython warns).
                if warning.is_none() {
                    warning = Some(format!("invalid escape sequence '\\{}'", other));
                }
                push(&mut s, &mut b, '\\');
                if bytes {
                    let mut buf = [0u8; 4];
                    b.extend_from_slice(other.encode_utf8(&mut buf).as_bytes());
                } else {
                    s.push(other);
                }
            }
        }
    }
    Ok((s, b, warning))
}

fn unicode_name(name: &str) -> Option<char> {
    let upper = name.to_ascii_uppercase();
    Some(match upper.as_str() {
        "SPACE" => ' ',
        "NO-BREAK SPACE" => '\u{a0}',
        "BULLET" => '\u{2022}',
        "EM DASH" => '\u{2014}',
        "EN DASH" => '\u{2013}',
        "HORIZONTAL ELLIPSIS" => '\u{2026}',
        "GREEK SMALL LETTER ALPHA" => 'α',
        "GREEK SMALL LETTER BETA" => 'β',
        "GREEK SMALL LETTER PI" => 'π',
        "GREEK CAPITAL LETTER DELTA" => 'Δ',
        "DEGREE SIGN" => '°',
        "EURO SIGN" => '€',
        "POUND SIGN" => '£',
        "COPYRIGHT SIGN" => '©',
        "BLACK STAR" => '★',
        "WHITE STAR" => '☆',
        "CHECK MARK" => '✓',
        "SNOWMAN" => '☃',
        "LATIN SMALL LETTER E WITH ACUTE" => 'é',
        "RIGHTWARDS ARROW" => '→',
        "LEFTWARDS ARROW" => '←',
        "NULL" => '\0',
        "LINE FEED" => '\n',
        "CHARACTER TABULATION" => '\t',
        _ => return None,
    })
}

/// Identifiers are NFKC-normalised by CPython; ASCII ones are unchanged.
/// The compatibility forms folded here are the ones that plausibly appear in
/// identifiers (styled math letters and digits, fullwidth forms, ligatures);
/// a full NFKC table would cost more wasm than it is worth.
pub fn normalize_identifier(name: &str) -> String {
    if name.is_ascii() {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match compatibility_form(c) {
            Some(folded) => out.push_str(folded),
            None => out.push(c),
        }
    }
    out
}

const LATIN_LETTERS: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const DIGITS: &str = "0123456789";

fn compatibility_form(c: char) -> Option<&'static str> {
    let cp = c as u32;
    let nth = |set: &'static str, i: u32| Some(substr(&set, i as usize..i as usize + 1));
    match cp {
        // Fullwidth ASCII letters and digits.
        0xFF21..=0xFF3A => nth(LATIN_LETTERS, cp - 0xFF21),
        0xFF41..=0xFF5A => nth(LATIN_LETTERS, cp - 0xFF41 + 26),
        0xFF10..=0xFF19 => nth(DIGITS, cp - 0xFF10),
        0xFF3F => Some("_"),
        // Mathematical alphanumeric symbols: styled A-Z a-z in runs of 52,
        // styled digits in runs of 10.
        0x1D400..=0x1D6A3 => nth(LATIN_LETTERS, (cp - 0x1D400) % 52),
        0x1D7CE..=0x1D7FF => nth(DIGITS, (cp - 0x1D7CE) % 10),
        _ => Some(match c {
            'ℂ' | 'ℭ' => "C",
            'ℊ' => "g",
            'ℋ' | 'ℌ' | 'ℍ' => "H",
            'ℎ' => "h",
            'ℐ' | 'ℑ' => "I",
            'ℒ' => "L",
            'ℓ' => "l",
            'ℕ' => "N",
            'ℙ' => "P",
            'ℚ' => "Q",
            'ℛ' | 'ℜ' | 'ℝ' => "R",
            'ℤ' | 'ℨ' => "Z",
            'ℬ' => "B",
            'ℯ' => "e",
            'ℰ' => "E",
            'ℱ' => "F",
            'ℳ' => "M",
            'ℴ' => "o",
            'ℹ' => "i",
            'ª' => "a",
            'º' => "o",
            'µ' => "μ",
            'ſ' => "s",
            'ﬀ' => "ff",
            'ﬁ' => "fi",
            'ﬂ' => "fl",
            'ﬃ' => "ffi",
            'ﬄ' => "ffl",
            '¹' => "1",
            '²' => "2",
            '³' => "3",
            '⁰' => "0",
            '₀' => "0",
            '₁' => "1",
            '₂' => "2",
            '₃' => "3",
            _ => return None,
        }),
    }
}
