//! Rendering the first view to HTML at build time (native), for `src/bin/prerender.rs`.
//!
//! The same components and compiled-in data as the browser render the first view (overview, Korean,
//! nothing saved); `platform::IN_BROWSER` keeps them from reaching for a browser. Effects belong to the
//! browser: the executor installed here drops them unrun.

use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};
use leptos::prelude::*;

/// An executor that never runs anything: at build time there is nothing to react to.
struct Discard;

impl CustomExecutor for Discard {
    fn spawn(&self, _fut: PinnedFuture<()>) {}
    fn spawn_local(&self, _fut: PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

/// The app's first view as HTML.
pub fn render() -> String {
    // A second call finds the executor already set, which is fine.
    let _ = Executor::init_local_custom_executor(Discard);
    let owner = Owner::new();
    owner.with(|| view! { <crate::App /> }.to_html())
}

/// Puts `app_html` into `page` in place of the empty `<div id="app"></div>` placeholder (also as a
/// minifier writes it, `<div id=app></div>`).
pub fn inject(page: &str, app_html: &str) -> Result<String, String> {
    const PLACEHOLDERS: [&str; 2] = [r#"<div id="app"></div>"#, "<div id=app></div>"];
    let found: Vec<&str> = PLACEHOLDERS
        .into_iter()
        .flat_map(|p| page.matches(p))
        .collect();
    match found.as_slice() {
        [placeholder] => Ok(page.replacen(
            placeholder,
            &format!(r#"<div id="app" data-prerendered="">{app_html}</div>"#),
            1,
        )),
        _ => Err(format!(
            "expected exactly one {} in the page, found {}",
            PLACEHOLDERS[0],
            found.len()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_the_whole_first_view() {
        let html = render();
        let escaped = |s: &str| s.replace('&', "&amp;");
        for g in &crate::data::GENERATIONS {
            assert!(
                html.contains(&escaped(g.node_title.ko)),
                "{}",
                g.node_title.ko
            );
            assert!(html.contains(&escaped(g.heading.ko)), "{}", g.heading.ko);
            for tech in g.summary.technologies {
                assert!(html.contains(tech), "{tech}");
            }
        }
        assert!(html.contains(crate::data::SITE.summary_caption.ko));
        assert!(html.contains(crate::data::SITE.diagram_caption.ko));
        assert!(html.contains(r##"href="#/gen/3""##));
    }

    #[test]
    fn inject_needs_exactly_one_placeholder() {
        let page = r#"<body><div id="app"></div></body>"#;
        let out = inject(page, "<p>x</p>").unwrap();
        assert_eq!(
            out,
            r#"<body><div id="app" data-prerendered=""><p>x</p></div></body>"#
        );
        assert!(inject("<body></body>", "x").is_err());
        assert!(inject("<body><div id=app></div></body>", "x").is_ok());
        assert!(inject(&format!("{page}{page}"), "x").is_err());
    }
}
