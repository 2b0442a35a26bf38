//! The `pvm` command line:
//!   pvm dis FILE     the `python -m dis FILE` listing
//!   pvm run FILE     run like `python3.12 FILE` (stdout, stderr, exit status)
//!   pvm trace FILE   JSON Lines of the executed instructions

use pvm::bytecode::dis;
use pvm::runtime::limits::{stack, Limits};
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: pvm (dis|run|trace) [--max-steps N] FILE.py";

/// Native stack of the thread that compiles and runs the program: deep
/// nesting (source nested as deep as CPython accepts, Python code called from
/// builtins such as `__repr__` up to the recursion limit) needs far more than
/// a main thread's 8 MiB. Only the pages touched are ever committed.
const STACK_BYTES: usize = stack::CLI_BYTES;

fn main() -> ExitCode {
    std::thread::Builder::new()
        .stack_size(STACK_BYTES)
        .spawn(cli)
        .and_then(|t| t.join().map_err(|_| std::io::Error::other("the pvm thread panicked")))
        .unwrap_or_else(|e| {
            eprintln!("pvm: {e}");
            ExitCode::from(2)
        })
}

fn cli() -> ExitCode {
    stack::declare(STACK_BYTES);
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let Some(limits) = take_limit_options(&mut args) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let (Some(cmd), Some(path), None) = (args.first(), args.get(1), args.get(2)) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    if !matches!(cmd.as_str(), "dis" | "run" | "trace") {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    // Like CPython, a script is named by its absolute path (not normalised).
    let filename = absolute(path);
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            let errno = e.raw_os_error().unwrap_or(2);
            let reason = match e.kind() {
                std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
                std::io::ErrorKind::PermissionDenied => "Permission denied".to_string(),
                _ => e.to_string(),
            };
            eprintln!("pvm: can't open file '{filename}': [Errno {errno}] {reason}");
            return ExitCode::from(2);
        }
    };
    // `python -m dis` names the file as given; running names it absolutely.
    let name = if cmd == "dis" { path.clone() } else { filename };
    let source = match decode(&bytes, &name) {
        Ok(s) => s,
        Err(rendered) => {
            eprint!("{rendered}");
            return ExitCode::from(1);
        }
    };
    let stdin = read_stdin(cmd);
    match cmd.as_str() {
        "dis" => match pvm::compiler::compile(&source, &name) {
            Ok(code) => {
                print!("{}", dis::dis(&code));
                ExitCode::SUCCESS
            }
            Err(err) => {
                eprint!("{}", err.as_file_error(&source).render());
                ExitCode::from(1)
            }
        },
        "run" => {
            let outcome = pvm::vm::run_with_limits(&source, &name, &stdin, &limits);
            finish(&outcome.stdout, &outcome.stderr, outcome.exit_code)
        }
        _ => {
            let (trace, outcome) = pvm::vm::trace_with_limits(&source, &name, &stdin, &limits);
            finish(&trace, &outcome.stderr, outcome.exit_code)
        }
    }
}

/// Removes `--max-steps N` from `args` (N = 0: no step budget); the budgets
/// to run under, or None for a malformed option.
fn take_limit_options(args: &mut Vec<String>) -> Option<Limits> {
    let mut limits = Limits { native_stack_bytes: STACK_BYTES - (64 << 20), ..Limits::default() };
    while let Some(i) = args.iter().position(|a| a == "--max-steps") {
        let n: u64 = args.get(i + 1)?.parse().ok()?;
        limits.max_instructions = (n > 0).then_some(n);
        args.drain(i..i + 2);
    }
    Some(limits)
}

fn absolute(path: &str) -> String {
    if path.starts_with('/') {
        return path.to_string();
    }
    match std::env::current_dir() {
        Ok(cwd) => format!("{}/{}", cwd.display(), path),
        Err(_) => path.to_string(),
    }
}

/// The source text, or the rendered SyntaxError for undecodable bytes.
fn decode(bytes: &[u8], filename: &str) -> Result<String, String> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(_) => match pvm::syntax::parse_bytes(bytes, filename) {
            Err(e) => Err(e.render()),
            Ok(_) => Err(String::new()),
        },
    }
}

/// The program's stdin (only run and trace read it, and only when piped).
fn read_stdin(cmd: &str) -> String {
    let mut s = String::new();
    if cmd != "dis" && !is_terminal() {
        let mut buf = Vec::new();
        let _ = std::io::stdin().read_to_end(&mut buf);
        s = String::from_utf8_lossy(&buf).into_owned();
    }
    s
}

fn is_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stdin().is_terminal()
}

fn finish(stdout: &str, stderr: &str, code: i32) -> ExitCode {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(stdout.as_bytes());
    let _ = out.flush();
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(stderr.as_bytes());
    let _ = err.flush();
    ExitCode::from((code & 0xff) as u8)
}
