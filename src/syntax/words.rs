//! The keywords and operators the parser looks for, as one byte per token.
//!
//! The tokenizer's tokens are byte ranges of the source; the parser asks of
//! each one "is this `:`?", "is this `if`?" hundreds of times. Tagging every
//! NAME and OP token once with its `Word` turns each question into a byte
//! comparison, and each call site's string argument into a one-byte
//! constant.

macro_rules! words {
    ($($name:ident $text:literal,)*) => {
        /// A keyword, soft keyword or operator (`NotAWord` for other tokens).
        /// The hard keywords come first, in one run (see `is_keyword`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[repr(u8)]
        pub enum Word {
            NotAWord,
            $($name,)*
        }

        /// Each word's text, indexed by its tag.
        const TEXTS: &[&str] = &["", $($text,)*];

        impl Word {
            /// The word a NAME or OP token's text spells.
            pub fn of(text: &str) -> Word {
                match text {
                    $($text => Word::$name,)*
                    _ => Word::NotAWord,
                }
            }

            /// The word's text, as the source spells it.
            pub fn text(self) -> &'static str {
                TEXTS[self as usize]
            }
        }
    };
}

words! {
    // Hard keywords (Python 3.12's keyword.kwlist).
    False "False", None "None", True "True", And "and", As "as", Assert "assert", Async "async",
    Await "await", Break "break", Class "class", Continue "continue", Def "def", Del "del",
    Elif "elif", Else "else", Except "except", Finally "finally", For "for", From "from",
    Global "global", If "if", Import "import", In "in", Is "is", Lambda "lambda",
    Nonlocal "nonlocal", Not "not", Or "or", Pass "pass", Raise "raise", Return "return",
    Try "try", While "while", With "with", Yield "yield",
    // Soft keywords: names everywhere but where they start their statement or pattern.
    Match "match", Case "case", Type "type", Underscore "_",
    // Operators and delimiters (named as CPython's token module names them).
    Lpar "(", Rpar ")", Lsqb "[", Rsqb "]", Lbrace "{", Rbrace "}", Colon ":", Comma ",",
    Semi ";", Plus "+", Minus "-", Star "*", Slash "/", Vbar "|", Amper "&", Less "<",
    Greater ">", Equal "=", Dot ".", Percent "%", EqEqual "==", NotEqual "!=",
    LessEqual "<=", GreaterEqual ">=", Tilde "~", Circumflex "^", LeftShift "<<",
    RightShift ">>", DoubleStar "**", PlusEqual "+=", MinEqual "-=", StarEqual "*=",
    SlashEqual "/=", PercentEqual "%=", AmperEqual "&=", VbarEqual "|=",
    CircumflexEqual "^=", LeftShiftEqual "<<=", RightShiftEqual ">>=",
    DoubleStarEqual "**=", DoubleSlash "//", DoubleSlashEqual "//=", At "@", AtEqual "@=",
    Rarrow "->", Ellipsis "...", ColonEqual ":=", Exclamation "!",
}

impl Word {
    /// Whether this is a hard keyword (never a name).
    pub fn is_keyword(self) -> bool {
        (Word::False as u8..=Word::Yield as u8).contains(&(self as u8))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip_and_keywords_are_pythons() {
        for (tag, text) in TEXTS.iter().enumerate().skip(1) {
            assert_eq!(Word::of(text) as usize, tag, "{text}");
            assert_eq!(Word::of(text).text(), *text);
        }
        let kwlist = [
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
            "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
            "try", "while", "with", "yield",
        ];
        let keywords = TEXTS.iter().filter(|t| Word::of(t).is_keyword()).count();
        assert_eq!(keywords, kwlist.len());
        for kw in kwlist {
            assert!(Word::of(kw).is_keyword(), "{kw}");
        }
        assert_eq!(Word::of("print"), Word::NotAWord);
        assert!(!Word::NotAWord.is_keyword());
    }
}
