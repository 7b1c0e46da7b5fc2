//! The design tokens against the content and against WCAG: the light palette is the post's own colours
//! (as in content/generations.toml), and every text on every node fill keeps contrast ≥ 4.5:1 in both themes.
//! Run with `--nocapture` to see the figures.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used)] // a malformed tokens.css should fail the test

use web_infra_evolution::data::GENERATIONS;

const TOKENS: &str = include_str!("../style/tokens.css");

/// The declarations of the first rule whose selector is exactly `selector`.
fn block(selector: &str) -> &'static str {
    let start = TOKENS
        .find(&format!("{selector} {{"))
        .unwrap_or_else(|| panic!("no `{selector}` rule in tokens.css"));
    let body = &TOKENS[start..];
    let open = body.find('{').unwrap() + 1;
    let close = body.find('}').unwrap();
    &body[open..close]
}

/// The value of custom property `name` in `block`.
fn var(block: &str, name: &str) -> String {
    let key = format!("{name}:");
    let at = block
        .find(&key)
        .unwrap_or_else(|| panic!("{name} is not set"));
    let rest = &block[at + key.len()..];
    rest[..rest.find(';').unwrap()].trim().to_owned()
}

fn rgb(hex: &str) -> [f64; 3] {
    assert!(
        hex.len() == 7 && hex.starts_with('#'),
        "{hex} is not #rrggbb"
    );
    let c = |i: usize| f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
    [c(1), c(3), c(5)]
}

fn luminance(hex: &str) -> f64 {
    let lin = |v: f64| {
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    let [r, g, b] = rgb(hex).map(lin);
    0.2126 * r + 0.7152 * g + 0.0722 * b
}

/// WCAG 2 contrast ratio.
fn contrast(a: &str, b: &str) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[test]
fn light_palette_is_the_posts() {
    let light = block(":root");
    for g in &GENERATIONS {
        let n = g.id;
        assert_eq!(
            var(light, &format!("--gen{n}-fill")),
            g.fill,
            "generation {n} fill"
        );
        assert_eq!(
            var(light, &format!("--gen{n}-stroke")),
            g.stroke,
            "generation {n} stroke"
        );
    }
}

#[test]
fn every_generation_has_its_data_gen_rule() {
    for g in &GENERATIONS {
        let n = g.id;
        let rule = block(&format!("[data-gen=\"{n}\"]"));
        assert!(rule.contains(&format!("var(--gen{n}-fill)")), "{rule}");
        assert!(rule.contains(&format!("var(--gen{n}-stroke)")), "{rule}");
        assert!(rule.contains(&format!("--i: {}", n.index())), "{rule}");
    }
}

#[test]
fn node_text_contrast_in_both_themes() {
    for (theme, selector) in [("light", ":root"), ("dark", ":root[data-theme=\"dark\"]")] {
        let b = block(selector);
        let text = var(b, "--node-text");
        let subtext = var(b, "--node-subtext");
        let bg = var(b, "--bg");
        let body = var(b, "--text");
        let muted = var(b, "--text-muted");
        for (name, fg) in [("--text", &body), ("--text-muted", &muted)] {
            let ratio = contrast(fg, &bg);
            println!("{theme}: {name} {fg} on --bg {bg}: {ratio:.2}:1");
            assert!(ratio >= 4.5, "{theme}: {name} on --bg is {ratio:.2}:1");
        }
        for g in &GENERATIONS {
            let n = g.id;
            let fill = var(b, &format!("--gen{n}-fill"));
            let stroke = var(b, &format!("--gen{n}-stroke"));
            let (t, s) = (contrast(&text, &fill), contrast(&subtext, &fill));
            println!(
                "{theme}: generation {n} fill {fill} stroke {stroke}: title {text} {t:.2}:1, subtitle {subtext} {s:.2}:1"
            );
            assert!(
                t >= 4.5 && s >= 4.5,
                "{theme}: generation {n}: {t:.2} / {s:.2}"
            );
        }
    }
}
