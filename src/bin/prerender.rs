//! Build step (after `trunk build`): writes the app's first view, rendered from the same components and
//! compiled-in data, into the built page. Usage: `prerender dist/index.html`.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::{env, fs, process};
    use web_infra_evolution::prerender;

    let Some(path) = env::args().nth(1) else {
        eprintln!("usage: prerender <dist/index.html>");
        process::exit(2);
    };
    let result = fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {path}: {e}"))
        .and_then(|page| prerender::inject(&page, &prerender::render()))
        .and_then(|page| fs::write(&path, page).map_err(|e| format!("cannot write {path}: {e}")));
    if let Err(message) = result {
        eprintln!("prerender: {message}");
        process::exit(1);
    }
}
