//! SyntaxWarnings (invalid escapes, `1if`) rendered as CPython 3.12.7 prints
//! them for each tests/syntax/warnings/NAME.py (goldens: scripts/regen-syntax-goldens.sh).

use pvm::syntax::parse_with_warnings;
use std::path::Path;

#[test]
fn warnings_match_cpython() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/syntax/warnings");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let source = std::fs::read_to_string(&path).unwrap();
        let golden = dir
            .with_file_name("warnings_golden")
            .join(name.replace(".py", ".err"));
        let expected = std::fs::read_to_string(golden).unwrap();
        let (result, warnings) = parse_with_warnings(&source, &name);
        assert!(result.is_ok(), "{name} should parse");
        let actual: String = warnings.iter().map(|w| w.render(&name, &source)).collect();
        assert_eq!(actual, expected, "{name}");
        checked += 1;
    }
    assert!(checked >= 5);
}
