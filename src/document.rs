//! What the document shows outside the app's own element: `<html lang>` and the title.

use leptos::prelude::*;

use crate::data::{GenerationId, Lang};
use crate::platform;
use crate::strings;

/// Keeps `<html lang>` and `document.title` in step with the language and the active generation.
pub fn follow(lang: Memo<Lang>, active: Memo<Option<GenerationId>>) {
    if !platform::IN_BROWSER {
        return;
    }
    crate::effect(move |_| {
        let lang = lang.get();
        document().set_title(&strings::document_title(lang, active.get()));
        if let Some(root) = platform::root_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
    });
}
