fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    let mut seed: u64 = 0x2545F4914F6CDD1D;
    let mut next = move || { seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17; seed };
    let pieces = ["(", ")", "[", "]", "{", "}", ":", "'", "\"", "\"\"\"", "f'", "{", "\\", "\n", "\t", "    ", "#", "=", "*", "**", "lambda", "if", "else", "for", "async", "await", "match", "case", "é", "\r", "\0", "0x", "1e", "_", "!", ":=", "...", "@", "yield", "def", "class", "rb'", "f\"{", "}\"", "\u{feff}", "\u{2028}"];
    std::panic::set_hook(Box::new(|_| {}));
    let mut count = 0;
    for f in &files {
        let Ok(src) = std::fs::read_to_string(f) else { continue };
        if src.len() > 60000 { continue; }
        for _ in 0..60 {
            let mut s: Vec<char> = src.chars().collect();
            for _ in 0..(1 + next() % 4) {
                if s.is_empty() { break; }
                let at = (next() as usize) % s.len();
                match next() % 3 {
                    0 => { s.remove(at); }
                    1 => { let p = pieces[(next() as usize) % pieces.len()]; for (k, c) in p.chars().enumerate() { s.insert(at + k, c); } }
                    _ => { let end = (at + (next() as usize) % 40).min(s.len()); s.drain(at..end); }
                }
            }
            let m: String = s.into_iter().collect();
            let m2 = m.clone();
            let r = std::thread::Builder::new().stack_size(1 << 20).spawn(move || {
                std::panic::catch_unwind(|| { if let Err(e) = pvm::syntax::parse(&m2, "f.py") { let _ = e.render(); } }).is_ok()
            }).unwrap().join().unwrap_or(false);
            count += 1;
            if !r {
                std::fs::write("/tmp/pp/crash.py", &m).unwrap();
                println!("PANIC on mutation of {f} (saved /tmp/pp/crash.py)");
                return;
            }
        }
    }
    println!("{count} mutants, no panic");
}
