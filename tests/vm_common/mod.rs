//! Shared helpers of the VM's integration tests: the program corpora and
//! their oracle goldens (see tests/vm_data/README.md).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub struct Program {
    pub name: String,
    pub source: String,
    pub stdin: String,
    pub golden: PathBuf,
}

impl Program {
    pub fn golden(&self, ext: &str) -> String {
        std::fs::read_to_string(self.golden.join(format!("{}.{ext}", self.name))).unwrap_or_default()
    }

    pub fn exit_code(&self) -> i32 {
        self.golden("code").trim().parse().expect("golden exit code")
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

/// Programs of `dir` (relative to tests/) that have goldens in `golden`
/// (relative to tests/): the goldens define the corpus, so programs another
/// engineer adds to a shared folder join once their goldens are generated.
pub fn corpus(dir: &str, golden: &str) -> Vec<Program> {
    let dir = root().join(dir);
    let mut names: Vec<String> = std::fs::read_dir(root().join(golden))
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok()?.strip_suffix(".code").map(String::from))
        .filter(|name| dir.join(format!("{name}.py")).exists())
        .collect();
    names.sort();
    let only = std::env::var("PVM_ONLY").ok();
    names
        .into_iter()
        .filter(|n| only.as_ref().map_or(true, |o| n.contains(o.as_str())))
        .map(|name| Program {
            source: std::fs::read_to_string(dir.join(format!("{name}.py"))).unwrap(),
            stdin: std::fs::read_to_string(dir.join(format!("{name}.in"))).unwrap_or_default(),
            golden: root().join(golden),
            name,
        })
        .collect()
}

/// Every corpus with run goldens.
pub fn all_programs() -> Vec<Program> {
    let mut v = corpus("vm_data/programs", "vm_data/golden");
    v.extend(corpus("dis", "vm_data/dis_golden"));
    v
}

/// The first line where two texts differ, for short failure messages.
pub fn first_difference(got: &str, want: &str) -> String {
    for (i, (g, w)) in got.lines().zip(want.lines()).enumerate() {
        if g != w {
            return format!("line {}: got {:?}, want {:?}", i + 1, g, w);
        }
    }
    format!("lengths differ: got {} lines, want {} lines", got.lines().count(), want.lines().count())
}

