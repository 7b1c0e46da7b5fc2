//! Markup written as a string from the typed content, for the views whose Leptos form would cost the wasm too
//! much (see `crate::compare`): text escaped, both languages side by side, links within the app.

use crate::data::{Lang, Run, Text};
use crate::route::Route;

/// Markup, written with its text escaped.
pub struct Markup(String);

impl Markup {
    pub fn new() -> Markup {
        Markup(String::with_capacity(4096))
    }

    /// The markup written.
    pub fn finish(self) -> String {
        self.0
    }

    /// Text with `&`, `<`, `>` and `"` escaped.
    pub fn text(&mut self, text: &str) {
        for c in text.chars() {
            match c {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '"' => self.0.push_str("&quot;"),
                c => self.0.push(c),
            }
        }
    }

    /// Markup of our own (tags, attributes without outside text).
    pub fn raw(&mut self, markup: &str) {
        self.0.push_str(markup);
    }

    /// A text in both languages, each in its span (the stylesheet shows the page's).
    pub fn both(&mut self, text: Text) {
        self.both_with(|m, lang| m.text(text.get(lang)));
    }

    /// Both languages, each written by `write`.
    pub fn both_with(&mut self, write: impl Fn(&mut Self, Lang)) {
        for lang in Lang::ALL {
            self.raw(r#"<span class=""#);
            self.raw(lang.code());
            self.raw(r#"" lang=""#);
            self.raw(lang.code());
            self.raw(r#"">"#);
            write(self, lang);
            self.raw("</span>");
        }
    }

    /// A link within the app.
    pub fn link(&mut self, class: &str, route: Route, content: impl FnOnce(&mut Self)) {
        self.raw("<a ");
        if !class.is_empty() {
            self.raw(r#"class=""#);
            self.raw(class);
            self.raw(r#"" "#);
        }
        self.raw(r#"href=""#);
        self.text(&route.to_string());
        self.raw(r#"">"#);
        content(self);
        self.raw("</a>");
    }

    pub fn runs(&mut self, runs: &[Run]) {
        for run in runs {
            if run.strong {
                self.raw("<strong>");
                self.text(run.text);
                self.raw("</strong>");
            } else {
                self.text(run.text);
            }
        }
    }
}

impl Default for Markup {
    fn default() -> Markup {
        Markup::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        let mut m = Markup::new();
        m.text(r#"<script>"Edge & more"</script>"#);
        assert_eq!(
            m.finish(),
            "&lt;script&gt;&quot;Edge &amp; more&quot;&lt;/script&gt;"
        );
    }
}
