//! The parser never panics or overflows the stack: deep nesting gets a
//! SyntaxError, and arbitrary token soup gets a result either way.

use pvm::syntax::parse;

/// Parse on a thread with a small stack (wasm's default 1 MiB in release
/// builds; 2 MiB, the test default, for unoptimised ones, whose frames are
/// bigger), so the test fails by crashing if the parser's recursion is not
/// bounded.
fn parse_small_stack(src: String) -> Result<(), String> {
    let stack = if cfg!(debug_assertions) { 2 << 20 } else { 1 << 20 };
    std::thread::Builder::new()
        .stack_size(stack)
        .spawn(move || parse(&src, "deep.py").map(|_| ()).map_err(|e| e.msg))
        .unwrap()
        .join()
        .expect("parser panicked")
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = [
        format!("x = {}1{}\n", "(".repeat(5000), ")".repeat(5000)),
        format!("x = {}1{}\n", "[".repeat(199), "]".repeat(199)),
        format!("x = {}1\n", "-".repeat(100_000)),
        format!("x = {}1\n", "not ".repeat(100_000)),
        format!("x = {}1\n", "lambda: ".repeat(10_000)),
        format!("x = 1{}\n", " if 1 else 1".repeat(10_000)),
        format!("x = {}\n", "2 ** ".repeat(10_000) + "2"),
        format!("x = {}\n", "a.".repeat(10_000) + "b"),
        format!("x = {}\n", "1 + ".repeat(10_000) + "1"),
        format!("x = {}\n", "f()".repeat(10_000)),
        format!("x = a{}\n", "[0]".repeat(10_000)),
        format!("x = f{}\n", "f'{".repeat(300) + &"}'".repeat(300)),
        (0..150)
            .map(|i| format!("{}if x:\n", " ".repeat(i)))
            .collect::<String>()
            + &" ".repeat(150)
            + "pass\n",
    ];
    for src in deep {
        let _ = parse_small_stack(src);
    }
    assert_eq!(
        parse_small_stack(format!("x = {}1{}\n", "(".repeat(201), ")".repeat(201))),
        Err("too many nested parentheses".to_string())
    );
}

#[test]
fn moderate_nesting_parses() {
    // Unoptimised test builds use far bigger frames than release/wasm builds.
    assert_eq!(
        parse_small_stack(format!("x = {}1{}\n", "(".repeat(30), ")".repeat(30))),
        Ok(())
    );
    assert_eq!(
        parse_small_stack(format!("x = {}\n", "1 + ".repeat(500) + "1")),
        Ok(())
    );
    assert_eq!(
        parse_small_stack(format!("x = {}1\n", "-".repeat(100))),
        Ok(())
    );
}

#[test]
fn token_soup_never_panics() {
    let pieces = [
        "x", "1", "(", ")", "[", "]", "{", "}", ":", ",", "=", "+", "*", "**", "if", "else", "for",
        "in", "def", "class", "lambda", "\n", "    ", "\t", "'s'", "f'{", "}'", "\"", "'''", "\\",
        "#c", "not", "is", "@", "->", ":=", "yield", "return", ".", "...", "async", "await",
        "match", "case", "_", "é", "0x", "1e", "$", "!",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..3000 {
        let mut src = String::new();
        for _ in 0..(seed % 24) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            src.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            if seed % 3 == 0 {
                src.push(' ');
            }
        }
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
        let r =
            std::panic::catch_unwind(|| parse(&src, "soup.py").map(|_| ()).map_err(|e| e.render()));
        assert!(r.is_ok(), "panic on {src:?}");
    }
}

/// Native `python3.12 FILE` wording (the oracle compiles bytes and differs).
#[test]
fn nul_bytes_and_invalid_utf8_as_native_cpython() {
    let e = pvm::syntax::parse("x = 1\ny = \"a\0b\"\n", "/tmp/w/nul.py").unwrap_err();
    assert_eq!(
        e.render(),
        "  File \"/tmp/w/nul.py\", line 2\n    y = \"a\nSyntaxError: source code cannot contain null bytes\n"
    );
    let e = pvm::syntax::parse_bytes(b"x = 1\ny = \"\xff\"\n", "/tmp/w/bad.py").unwrap_err();
    assert_eq!(
        e.render(),
        "SyntaxError: Non-UTF-8 code starting with '\\xff' in file /tmp/w/bad.py on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details\n"
    );
    assert!(pvm::syntax::parse_bytes(b"\xef\xbb\xbfx = 1\n", "bom.py").is_ok());
}
