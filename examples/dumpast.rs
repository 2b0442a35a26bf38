// Dev tool (not committed): dump each file's AST or error, one per line.
fn main() {
    for path in std::env::args().skip(1) {
        let src = match std::fs::read_to_string(&path) { Ok(s) => s, Err(_) => { println!("{path}\tUNREADABLE"); continue; } };
        match pvm::syntax::parse(&src, &path) {
            Ok(m) => println!("{path}\t{}", pvm::syntax::dump::dump_module(&m)),
            Err(e) => println!("{path}\tERROR {}|{}|{}|{}|{}|{}", e.kind.name(), e.msg, e.line, e.col, e.end_line, e.end_col),
        }
    }
}
