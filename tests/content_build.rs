#![cfg(not(target_arch = "wasm32"))]
//! The content pipeline's checks (`build/content.rs`, run by `build.rs`): the real file generates, and every kind of
//! mistake a translator can make fails with a message naming the file, the generation and the field.

#[path = "../build/content.rs"]
mod content;

const FILE: &str = "content/generations.toml";
const REAL: &str = include_str!("../content/generations.toml");

/// The real file with `from` (which must occur exactly once, so that the test cannot silently stop testing
/// anything when the file changes) replaced by `to`.
fn edited(from: &str, to: &str) -> String {
    assert_eq!(
        REAL.matches(from).count(),
        1,
        "the test expects {from:?} exactly once in {FILE}"
    );
    REAL.replacen(from, to, 1)
}

/// The error for `src`, which must not generate.
fn error(src: &str) -> String {
    match content::generate(src, FILE) {
        Ok(_) => panic!("expected an error, but the file generated"),
        Err(message) => message,
    }
}

/// `message` names the file, `scope` ("generation 3" or "site") and the field, and says `problem`.
fn assert_names(message: &str, scope: &str, field: &str, problem: &str) {
    let line = message
        .lines()
        .find(|l| l.contains(&format!("field `{field}`")))
        .unwrap_or_else(|| panic!("no line names field `{field}` in:\n{message}"));
    assert!(
        line.starts_with(&format!("{FILE}: {scope}: ")),
        "expected the line to start with {FILE:?} and {scope:?}:\n{line}"
    );
    assert!(
        message.contains(problem),
        "expected {problem:?} in:\n{message}"
    );
}

#[test]
fn the_real_file_generates() {
    let rust = content::generate(REAL, FILE).unwrap_or_else(|e| panic!("{e}"));
    assert!(rust.contains("pub static SITE: Site = Site {"));
    assert!(rust.contains("pub static GENERATIONS: [Generation; COUNT] = ["));
    for n in 1..=content::COUNT {
        assert_eq!(rust.matches(&format!("id: GenerationId({n}),")).count(), 1);
    }
    assert!(rust.starts_with("// @generated"));
}

#[test]
fn rich_text_is_split_into_runs_at_build_time() {
    let rust = content::generate(REAL, FILE).unwrap_or_else(|e| panic!("{e}"));
    assert!(rust.contains(
        r#"Run { text: "모든 서비스(웹, DB, 애플리케이션)를 ", strong: false }, Run { text: "하나의 물리 서버", strong: true }"#
    ));
    assert!(!rust.contains("**"), "no `**` markup may reach the app");
}

#[test]
fn text_is_written_as_valid_rust_string_literals() {
    let src = edited(
        r#"en = "Simple structure" }"#,
        r#"en = "A \"simple\" structure \\ with\ttab" }"#,
    );
    let rust = content::generate(&src, FILE).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        rust.contains(r#"en: "A \"simple\" structure \\ with\ttab" }"#),
        "{rust}"
    );
}

#[test]
fn a_missing_english_text_names_generation_and_field() {
    let src = edited(
        r#"node_title = { ko = "컨테이너 시대", en = "Container Era" }"#,
        r#"node_title = { ko = "컨테이너 시대" }"#,
    );
    assert_names(&error(&src), "generation 3", "node_title.en", "is missing");
}

#[test]
fn a_missing_korean_text_in_the_site_table_names_the_field() {
    let src = edited(
        r#"{ ko = "핵심 개념", en = "Core concept" }"#,
        r#"{ en = "Core concept" }"#,
    );
    assert_names(&error(&src), "site", "diagram_columns[1].ko", "is missing");
}

#[test]
fn an_empty_text_names_generation_and_field() {
    let src = edited(
        r#"en = "Environment consistency across applications" }"#,
        r#"en = "" }"#,
    );
    assert_names(&error(&src), "generation 3", "features[1].en", "is empty");

    let src = edited(r#"en = "Serverless structure" }"#, r#"en = "   " }"#);
    assert_names(
        &error(&src),
        "generation 5",
        "diagram.concept.en",
        "is empty",
    );
}

#[test]
fn a_missing_field_names_generation_and_field() {
    let src = edited("english_name = \"Orchestration\"\n", "");
    assert_names(&error(&src), "generation 4", "english_name", "is missing");

    let src = edited("technologies = [\"Docker\", \"Nginx\", \"Podman\"]\n", "");
    assert_names(&error(&src), "generation 3", "technologies", "is missing");
}

#[test]
fn five_generations_fail() {
    let last = REAL
        .rfind("[[generation]]")
        .expect("the file has generations");
    let message = error(&REAL[..last]);
    assert_names(
        &message,
        "generation 6",
        "[[generation]]",
        "must list exactly 6 generations, it lists 5",
    );
}

#[test]
fn seven_generations_fail() {
    let last = REAL
        .rfind("[[generation]]")
        .expect("the file has generations");
    let src = format!(
        "{REAL}\n{}",
        REAL[last..].replacen("id = 6\n", "id = 7\n", 1)
    );
    let message = error(&src);
    assert_names(
        &message,
        "generation 7",
        "[[generation]]",
        "must list exactly 6 generations, it lists 7",
    );
}

#[test]
fn generations_out_of_order_fail() {
    let src = edited("id = 4\n", "id = 5\n");
    assert_names(&error(&src), "generation 4", "id", "must be 4, found 5");
}

#[test]
fn an_unknown_field_names_generation_and_field() {
    let src = edited(
        r#"node_title = { ko = "컨테이너 시대", en = "Container Era" }"#,
        r#"node_title = { ko = "컨테이너 시대", en = "Container Era", fr = "L'ère des conteneurs" }"#,
    );
    assert_names(
        &error(&src),
        "generation 3",
        "node_title.fr",
        "unknown field `fr`, expected `ko` or `en`",
    );

    let src = edited("id = 2\n", "id = 2\nsubtitle = \"oops\"\n");
    assert_names(
        &error(&src),
        "generation 2",
        "subtitle",
        "unknown field `subtitle`",
    );

    let src = edited(
        "summary.benefit = { ko = \"자동화, 확장성\"",
        "summary.advantage = { ko = \"x\", en = \"y\" }\nsummary.benefit = { ko = \"자동화, 확장성\"",
    );
    assert_names(
        &error(&src),
        "generation 4",
        "summary.advantage",
        "unknown field `advantage`",
    );
}

#[test]
fn a_value_of_the_wrong_type_names_generation_and_field() {
    let src = edited(
        "summary.technologies = [\"Docker\", \"Nginx\"]",
        "summary.technologies = \"Docker, Nginx\"",
    );
    assert_names(
        &error(&src),
        "generation 3",
        "summary.technologies",
        "invalid type",
    );

    let src = edited(
        r#"{ ko = "클라우드 중심 아키텍처", en = "Cloud-centric architecture" },"#,
        r#""클라우드 중심 아키텍처","#,
    );
    assert_names(
        &error(&src),
        "generation 5",
        "features[2]",
        "expected a text written { ko = \"...\", en = \"...\" }",
    );
}

#[test]
fn a_bad_colour_names_generation_and_field() {
    for bad in ["#b49ee", "b49ee5", "#b49ee5ff", "#g49ee5", "purple"] {
        let src = edited("stroke = \"#b49ee5\"", &format!("stroke = \"{bad}\""));
        assert_names(
            &error(&src),
            "generation 4",
            "stroke",
            "must be a colour written `#rrggbb`",
        );
    }
    let src = edited("fill = \"#fff7f0\"", "fill = \"\"");
    assert_names(&error(&src), "generation 5", "fill", "is empty");
}

#[test]
fn unbalanced_bold_names_generation_and_field() {
    let src = edited(
        "**Decentralized web (DWeb)** technologies",
        "**Decentralized web (DWeb) technologies",
    );
    assert_names(
        &error(&src),
        "generation 6",
        "overview.en",
        "unbalanced `**`",
    );

    let src = edited("**하나의 물리 서버**에서", "**하나의 물리 서버에서");
    assert_names(
        &error(&src),
        "generation 1",
        "overview.ko",
        "unbalanced `**`",
    );
}

#[test]
fn empty_or_spaced_bold_fails() {
    let src = edited("**Docker**, OS-level", "****Docker, OS-level");
    assert_names(
        &error(&src),
        "generation 3",
        "overview.en",
        "no text between them",
    );
    let src = edited("**Docker**, OS-level", "** Docker**, OS-level");
    assert_names(
        &error(&src),
        "generation 3",
        "overview.en",
        "starts or ends with a space",
    );
}

#[test]
fn bold_outside_the_overview_fails() {
    let src = edited(
        r#"en = "Automation, scalability, stability" }"#,
        r#"en = "**Automation**, scalability, stability" }"#,
    );
    assert_names(
        &error(&src),
        "generation 4",
        "pros.en",
        "bold is only possible in `overview`",
    );
}

#[test]
fn technology_lists_of_the_tables_must_not_be_empty() {
    let src = edited(
        "diagram.technologies = [\"VMware\", \"KVM\"]",
        "diagram.technologies = []",
    );
    assert_names(
        &error(&src),
        "generation 2",
        "diagram.technologies",
        "is empty",
    );

    let src = edited(
        "summary.technologies = [\"AWS Lambda\", \"Hyproxy\"]",
        "summary.technologies = [\"AWS Lambda\", \"\"]",
    );
    assert_names(
        &error(&src),
        "generation 5",
        "summary.technologies[1]",
        "is empty",
    );
}

#[test]
fn the_detail_technologies_may_be_empty_as_in_generation_1() {
    assert!(REAL.contains("technologies = []\n"));
    let src = edited(
        "technologies = [\"Docker\", \"Nginx\", \"Podman\"]",
        "technologies = []",
    );
    assert!(content::generate(&src, FILE).is_ok());
}

#[test]
fn a_toml_syntax_error_passes_through_with_file_generation_and_field() {
    let src = edited(
        r#"node_title = { ko = "가상화 시대", en = "Virtualization Era" }"#,
        r#"node_title = { ko = "가상화 시대", en = "Virtualization Era""#,
    );
    let message = error(&src);
    assert!(
        message.starts_with(&format!("{FILE}: generation 2: near field `node_title`: ")),
        "{message}"
    );
    // toml's own message, with its line and column.
    assert!(message.contains("TOML parse error at line"), "{message}");
    assert!(message.contains("expected `}`"), "{message}");

    let src = edited("overview.ko = \"**Docker**의", "overview.ko = **Docker**의");
    let message = error(&src);
    assert!(
        message.starts_with(&format!("{FILE}: generation 3: near field `overview.ko`: ")),
        "{message}"
    );
}

#[test]
fn an_unquoted_date_explains_itself() {
    let src = edited("date = \"2025-10-17\"", "date = 2025-10-17");
    let message = error(&src);
    assert!(
        message.starts_with(&format!("{FILE}: site: field `date`: invalid type: map")),
        "{message}"
    );
    assert!(message.contains("between double quotes"), "{message}");

    let src = edited("date = \"2025-10-17\"", "date = \"17.10.2025\"");
    assert_names(&error(&src), "site", "date", "YYYY-MM-DD");
}

#[test]
fn a_wrong_number_of_column_headings_fails() {
    let src = edited("  { ko = \"주요 장점\", en = \"Main advantages\" },\n", "");
    assert_names(
        &error(&src),
        "site",
        "summary_columns",
        "must have exactly 4 entries, it has 3",
    );

    let src = edited(
        "  { ko = \"주요 장점\", en = \"Main advantages\" },\n",
        "  { ko = \"주요 장점\", en = \"Main advantages\" },\n  { ko = \"비고\", en = \"Notes\" },\n",
    );
    assert_names(
        &error(&src),
        "site",
        "summary_columns",
        "must have exactly 4 entries, it has 5",
    );
}

#[test]
fn a_missing_table_names_generation_and_field() {
    let src = edited(
        "diagram.concept = { ko = \"가상화 (VM)\", en = \"Virtualization (VMs)\" }\ndiagram.technologies = [\"VMware\", \"KVM\"]\n",
        "",
    );
    assert_names(&error(&src), "generation 2", "diagram", "is missing");
}

#[test]
fn every_problem_is_reported_at_once() {
    let src = edited("fill = \"#f3fff4\"", "fill = \"#f3fff\"").replacen(
        r#"en = "Cloud-centric architecture""#,
        r#"en = """#,
        1,
    );
    let message = error(&src);
    assert_eq!(message.lines().count(), 2, "{message}");
    assert_names(&message, "generation 3", "fill", "#rrggbb");
    assert_names(&message, "generation 5", "features[2].en", "is empty");
}

/// serde's derive also reads a struct from a list of its values in field order: a text written as a list must not
/// build (as `{ ko = "Advantages", en = "장점" }`, languages swapped), and neither must a table row.
#[test]
fn a_list_where_a_table_belongs_fails() {
    let src = edited(
        r#"pros = { ko = "자동화, 확장성, 안정성", en = "Automation, scalability, stability" }"#,
        r#"pros = ["Automation, scalability, stability", "자동화, 확장성, 안정성"]"#,
    );
    assert_names(
        &error(&src),
        "generation 4",
        "pros",
        "invalid type: sequence, expected a text written { ko = \"...\", en = \"...\" }",
    );

    let src = edited(
        "diagram.concept = { ko = \"가상화 (VM)\", en = \"Virtualization (VMs)\" }\ndiagram.technologies = [\"VMware\", \"KVM\"]\n",
        "diagram = [{ ko = \"가상화 (VM)\", en = \"Virtualization (VMs)\" }, [\"VMware\", \"KVM\"]]\n",
    );
    assert_names(
        &error(&src),
        "generation 2",
        "diagram",
        "invalid type: sequence, expected a table with `concept` and `technologies`",
    );
}

#[test]
fn a_missing_field_of_the_site_names_site_and_field() {
    let src = edited(
        "title = { ko = \"웹 인프라 진화\", en = \"Web Infrastructure Evolution\" }\n",
        "",
    );
    assert_names(&error(&src), "site", "title", "is missing");
}
