//! Turns `content/generations.toml` into `$OUT_DIR/content.rs`, which `src/data.rs` includes.
//!
//! The parsing and the checks live in `build/content.rs` (shared with `tests/content_build.rs`). A content file
//! that does not check out fails the build with messages naming the generation and the field to fix.

#[path = "build/content.rs"]
mod content;

use std::path::{Path, PathBuf};
use std::{env, fs, process};

const CONTENT: &str = "content/generations.toml";

fn main() {
    println!("cargo:rerun-if-changed={CONTENT}");
    println!("cargo:rerun-if-changed=build/content.rs");
    println!("cargo:rerun-if-changed=build.rs");

    let manifest_dir = env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_default();
    let source = match fs::read_to_string(manifest_dir.join(CONTENT)) {
        Ok(source) => source,
        Err(e) => fail(&format!("{CONTENT}: cannot read the file: {e}")),
    };
    let rust = match content::generate(&source, CONTENT) {
        Ok(rust) => rust,
        Err(message) => fail(&message),
    };
    let Some(out_dir) = env::var_os("OUT_DIR") else {
        fail("OUT_DIR is not set: build.rs must be run by cargo");
    };
    let out = Path::new(&out_dir).join("content.rs");
    if let Err(e) = fs::write(&out, rust) {
        fail(&format!("cannot write {}: {e}", out.display()));
    }
}

/// Stops the build with `message`, readable in cargo's output: cargo shows a failing build script's stderr.
fn fail(message: &str) -> ! {
    eprintln!();
    eprintln!("error: the content file {CONTENT} is not valid; nothing was built.");
    eprintln!();
    for line in message.lines() {
        eprintln!("  {line}");
    }
    eprintln!();
    process::exit(1);
}
