//! Prints `python -m dis`-style text for a file (a development aid):
//! cargo run --example dis_file -- FILE.py
fn main() {
    let path = std::env::args().nth(1).expect("usage: dis_file FILE.py");
    let source = std::fs::read_to_string(&path).expect("readable file");
    match pvm::compiler::compile(&source, &path) {
        Ok(code) => print!("{}", pvm::bytecode::dis::dis(&code)),
        Err(e) => eprint!("{}", e.render()),
    }
}
