//! Unicode case mapping: the only place that maps case (`str.lower`, `upper`, `casefold`,
//! `swapcase`, `title`, `capitalize`, `islower`, `isupper`).
//!
//! Why a module of its own: size. Rust core's case-conversion tables (`char::to_lowercase`
//! and friends) are about 25 KB of data, 10 KB gzipped, in the wasm. The page's wasm runs in a
//! JS engine that already has full Unicode case mapping (`String.prototype.toLowerCase` and
//! `toUpperCase`, with SpecialCasing and the Final_Sigma rule, as CPython has), so the wasm
//! build asks JS and the native build asks core; nothing else in the crate may call
//! `to_lowercase`/`to_uppercase` (ASCII-only callers use the `to_ascii_*` variants). ASCII text
//! never leaves Rust in either build.
//!
//! Both back ends give only the full lowercase and uppercase mappings of a string. Python's
//! other operations are built here on top of them, with the few rules the two mappings
//! do not imply (titlecase, case folding), each checked against every code point of CPython
//! 3.12's Unicode database.

/// The full lowercase/uppercase mapping of non-ASCII text: core's tables natively.
#[cfg(not(target_arch = "wasm32"))]
mod backend {
    pub fn lower(s: &str) -> String {
        s.to_lowercase()
    }

    pub fn upper(s: &str) -> String {
        s.to_uppercase()
    }
}

/// The full lowercase/uppercase mapping of non-ASCII text: the JS engine's, in the wasm build
/// (so core's tables are not linked in).
#[cfg(target_arch = "wasm32")]
mod backend {
    use js_sys::JsString;

    pub fn lower(s: &str) -> String {
        JsString::from(s).to_lower_case().into()
    }

    pub fn upper(s: &str) -> String {
        JsString::from(s).to_upper_case().into()
    }
}

/// `str.lower()`: full lowercase mapping, with 'Σ' becoming 'ς' at the end of a word.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        backend::lower(s)
    }
}

/// `str.upper()`: full uppercase mapping ('ß' becomes "SS").
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_uppercase()
    } else {
        backend::upper(s)
    }
}

/// `str.casefold()`: Unicode full case folding, character by character (no Final_Sigma).
pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_casefold(c, &mut out);
    }
    out
}

/// Case folding is lower(upper(lower(c))) for every character but two groups: Cherokee folds
/// to its uppercase letters (Unicode 8 made the lowercase ones new), and dotless 'ı' folds to
/// itself (its uppercase is plain 'I'). The inner lower makes 'ẞ' fold to "ss"; a sigma folds
/// to 'σ', never the word-final 'ς'.
fn push_casefold(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if is_cherokee(c) {
        out.push_str(&backend::upper(c.encode_utf8(&mut [0; 4])));
        return;
    }
    if c == 'ı' {
        out.push(c);
        return;
    }
    let folded = lower(&upper(&lower(c.encode_utf8(&mut [0; 4]))));
    out.extend(folded.chars().map(|f| if f == 'ς' { 'σ' } else { f }));
}

fn is_cherokee(c: char) -> bool {
    matches!(c, '\u{13A0}'..='\u{13F5}' | '\u{13F8}'..='\u{13FD}' | '\u{AB70}'..='\u{ABBF}')
}

/// `str.swapcase()`: uppercase letters to lowercase and lowercase ones to uppercase; titlecase
/// letters ('ǅ') and uncased characters stay.
pub fn swapcase(s: &str) -> String {
    map_each(s, |c| {
        if c.is_uppercase() {
            Change::Lower
        } else if c.is_lowercase() {
            Change::Upper
        } else {
            Change::Keep
        }
    })
}

/// `str.title()`: the first cased character of each run of cased characters to titlecase, the
/// others to lowercase.
pub fn title(s: &str) -> String {
    let mut previous_is_cased = false;
    map_each(s, |c| {
        let change = if previous_is_cased { Change::Lower } else { Change::Title };
        previous_is_cased = is_cased(c);
        change
    })
}

/// `str.capitalize()`: the first character to titlecase (CPython 3.8 and later), the rest to
/// lowercase.
pub fn capitalize(s: &str) -> String {
    let mut first = true;
    map_each(s, |_| if std::mem::take(&mut first) { Change::Title } else { Change::Lower })
}

/// `str.islower()`: some cased character, and no uppercase or titlecase one.
pub fn is_lower(s: &str) -> bool {
    s.chars().any(char::is_lowercase) && !s.chars().any(|c| c.is_uppercase() || is_titlecase(c))
}

/// `str.isupper()`: some cased character, and no lowercase or titlecase one.
pub fn is_upper(s: &str) -> bool {
    s.chars().any(char::is_uppercase) && !s.chars().any(|c| c.is_lowercase() || is_titlecase(c))
}

/// `str.istitle()`: some cased character, every uppercase or titlecase one after an
/// uncased one, and every lowercase one after a cased one.
pub fn is_title(s: &str) -> bool {
    let (mut cased, mut after_cased) = (false, false);
    for c in s.chars() {
        if c.is_uppercase() || is_titlecase(c) {
            if after_cased {
                return false;
            }
            (cased, after_cased) = (true, true);
        } else if c.is_lowercase() {
            if !after_cased {
                return false;
            }
            (cased, after_cased) = (true, true);
        } else {
            after_cased = false;
        }
    }
    cased
}

/// Whether two characters differ only by case (`a.lower() == b.lower()`).
pub fn same_ignoring_case(a: char, b: char) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return a.eq_ignore_ascii_case(&b);
    }
    lower(a.encode_utf8(&mut [0; 4])) == lower(b.encode_utf8(&mut [0; 4]))
}

/// What `map_each` does to one character.
enum Change {
    Lower,
    Upper,
    Title,
    Keep,
}

/// Maps each character of `s` as `choose` says. Lowercasing is in context, as `lower(s)` does:
/// 'Σ' becomes 'ς' at the end of a word.
fn map_each(s: &str, mut choose: impl FnMut(char) -> Change) -> String {
    let mut sigma_forms = lowercase_sigmas(s).into_iter();
    let mut out = String::with_capacity(s.len());
    let mut buf = [0; 4];
    for c in s.chars() {
        let sigma_form = if is_sigma(c) { sigma_forms.next() } else { None };
        match choose(c) {
            Change::Keep => out.push(c),
            Change::Lower if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            Change::Upper if c.is_ascii() => out.push(c.to_ascii_uppercase()),
            Change::Title if c.is_ascii() => out.push(c.to_ascii_uppercase()),
            Change::Lower => match sigma_form {
                Some(form) => out.push(form),
                None => out.push_str(&backend::lower(c.encode_utf8(&mut buf))),
            },
            Change::Upper => out.push_str(&backend::upper(c.encode_utf8(&mut buf))),
            Change::Title => push_titlecase(c, &mut out),
        }
    }
    out
}

fn is_sigma(c: char) -> bool {
    matches!(c, 'Σ' | 'σ' | 'ς')
}

/// The lowercase form of each sigma of `s` ('Σ', 'σ' or 'ς'), in order, when `s` has a capital
/// one (else none are needed). Final_Sigma is the one context-dependent mapping, and both back
/// ends implement it in their whole-string lower, so take it from there rather than carry a
/// Case_Ignorable table: no other character lowercases to a sigma, so the n-th sigma of
/// `lower(s)` is the n-th sigma of `s`, lowercased.
fn lowercase_sigmas(s: &str) -> Vec<char> {
    if !crate::text::has_char(&s, 'Σ') {
        return Vec::new();
    }
    backend::lower(s).chars().filter(|&c| is_sigma(c)).collect()
}

/// Titlecase is uppercase except for the characters below (all of them: the titlecase and
/// uppercase mappings of CPython 3.12's Unicode database differ nowhere else).
fn push_titlecase(c: char, out: &mut String) {
    let upper = || backend::upper(c.encode_utf8(&mut [0; 4]));
    match c {
        // Georgian Mkhedruli has uppercase letters (Mtavruli) but is written without capitals.
        '\u{10D0}'..='\u{10FA}' | '\u{10FD}'..='\u{10FF}' => out.push(c),
        // The digraphs DŽ Dž dž, LJ Lj lj, NJ Nj nj come in threes (upper, title, lower): the
        // middle one. DZ Dz dz are the same, elsewhere.
        '\u{1C4}'..='\u{1CC}' => out.push(char_at(0x1C5 + (c as u32 - 0x1C4) / 3 * 3)),
        '\u{1F1}'..='\u{1F3}' => out.push('\u{1F2}'),
        // Greek with iota subscript: uppercase spells the iota out ('ᾳ' to "ΑΙ"); titlecase keeps
        // it under the capital, as a precomposed titlecase letter where one exists (ᾈ..ᾯ: the
        // lowercase ᾀ..ᾧ plus 8) ...
        '\u{1F80}'..='\u{1FAF}' => out.push(char_at(c as u32 | 8)),
        'ᾳ' | 'ᾼ' => out.push('ᾼ'),
        'ῃ' | 'ῌ' => out.push('ῌ'),
        'ῳ' | 'ῼ' => out.push('ῼ'),
        // ... and else as a combining ypogegrammeni after the capital and its accents.
        'ᾲ' | 'ᾴ' | 'ᾷ' | 'ῂ' | 'ῄ' | 'ῇ' | 'ῲ' | 'ῴ' | 'ῷ' => {
            let upper = upper();
            out.push_str(upper.strip_suffix('Ι').unwrap_or(&upper));
            out.push('\u{345}');
        }
        // Ligatures whose uppercase is several letters ('ß' to "SS", 'ﬁ' to "FI", Armenian 'և'
        // to "ԵՒ"): only the first letter becomes a capital.
        'ß' | 'և' | '\u{FB00}'..='\u{FB06}' | '\u{FB13}'..='\u{FB17}' => {
            let upper = upper();
            let mut letters = upper.chars();
            out.extend(letters.next());
            out.push_str(&lower(letters.as_str()));
        }
        _ => out.push_str(&upper()),
    }
}

/// A code point computed from another in a range of letters (always a valid char).
fn char_at(code: u32) -> char {
    char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
}

/// Unicode's titlecase letters (general category Lt): 'ǅ', 'ᾈ' and the like.
fn is_titlecase(c: char) -> bool {
    matches!(c,
        '\u{1C5}' | '\u{1C8}' | '\u{1CB}' | '\u{1F2}'
        | '\u{1F88}'..='\u{1F8F}' | '\u{1F98}'..='\u{1F9F}' | '\u{1FA8}'..='\u{1FAF}'
        | '\u{1FBC}' | '\u{1FCC}' | '\u{1FFC}')
}

/// Unicode's Cased property (Lowercase, Uppercase or titlecase), which `str.title` uses to find
/// the start of a word.
fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_titlecase(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_casing_and_final_sigma() {
        assert_eq!(upper("straße ﬁ"), "STRASSE FI");
        assert_eq!(lower("ΟΔΟΣ ΟΔΟΣ."), "οδος οδος.");
        assert_eq!(lower("İ"), "i\u{307}");
        assert_eq!(casefold("Straße ΣΑΣ ꭰ ı ẞ"), "strasse σασ Ꭰ ı ss");
        assert_eq!(swapcase("ΟΔΟΣ ǅ ß"), "οδος ǅ SS");
        assert_eq!(title("ǆemal ßa ﬁsh ᾳb a中b"), "ǅemal Ssa Fish ᾼb A中B");
        assert_eq!(capitalize("ǆΑΣ"), "ǅας");
        assert!(!is_lower("aǅ") && !is_upper("Aǅ") && is_lower("a1") && is_upper("A1"));
        assert!(same_ignoring_case('É', 'é') && same_ignoring_case('a', 'A') && !same_ignoring_case('a', 'b'));
    }
}
