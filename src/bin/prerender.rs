//! Build step (run by `build/steps/prerender.mjs` during `trunk build`): renders the app's first view from
//! the same components and compiled-in data and writes it as an HTML fragment, which the build then puts into
//! `<div id="app">`. Usage: `prerender OUT.html` (or `prerender -` for standard output).

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::io::Write;
    use std::{env, fs, io, process};
    use web_infra_evolution::prerender;

    let Some(out) = env::args().nth(1) else {
        eprintln!("usage: prerender <OUT.html | ->");
        process::exit(2);
    };
    let html = prerender::render();
    let written = if out == "-" {
        io::stdout().write_all(html.as_bytes())
    } else {
        fs::write(&out, html)
    };
    if let Err(e) = written {
        eprintln!("prerender: cannot write {out}: {e}");
        process::exit(1);
    }
}
