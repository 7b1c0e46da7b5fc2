//! The tools' wasm: what the page fetches only when a reader asks for it, so that it costs the first load
//! nothing (Trunk can't split one wasm into parts; this is a second one, built from the same library). Today:
//! the export (`crate::export`). The page's loader (Trunk.toml's `pattern_script`) imports it on first use and
//! calls its functions by name; the app asks it to (`crate::actions`).

/// Makes and downloads the files of the export button `action` (`export-summary-csv`, …) for a reader of `lang`
/// looking at generation `shown` (0: none).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = exportFiles)]
pub fn export_files(action: &str, lang: &str, shown: u8) {
    web_infra_evolution::export::browser::run(action, lang, shown);
}

/// Nothing to start: the loader calls the functions above.
fn main() {}
