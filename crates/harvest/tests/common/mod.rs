//! What the harvester's integration tests share: running the built command and reading what it
//! wrote. Each test file compiles this module on its own and uses part of it, hence the allow.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Output};

/// Runs `kulttuurikartta-harvest` with `args`.
pub fn harvest<S: AsRef<OsStr>>(args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kulttuurikartta-harvest"))
        .args(args)
        .output()
        .expect("the command runs")
}

/// Runs it and fails the test, with its error output, unless it succeeds.
pub fn harvest_ok<S: AsRef<OsStr>>(args: &[S]) -> Output {
    let o = harvest(args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

/// The event ids of `out/feed.json`, in its order.
pub fn ids(out: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(out.join("feed.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap().to_owned())
        .collect()
}

pub fn report(out: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(out.join("report.json")).unwrap()).unwrap()
}

/// One source's entry in a report, by name.
pub fn source<'a>(report: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    report["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("no source {name} in the report"))
}
