//! What the document shows outside the app's own element: `<html lang>` and the title.

use leptos::prelude::*;

use crate::data::Lang;
use crate::platform;
use crate::route::View;
use crate::strings;

/// Keeps `<html lang>` and `document.title` in step with the language and the view.
pub fn follow(lang: Memo<Lang>, view: Memo<View>) {
    if !platform::IN_BROWSER {
        return;
    }
    crate::effect(move |_| {
        let lang = lang.get();
        document().set_title(&strings::document_title(lang, view.get()));
        if let Some(root) = platform::root_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
    });
}
