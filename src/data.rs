//! The compiled-in content: the six generations and the post's tables.
//!
//! The content itself is authored in `content/generations.toml` (human-editable, Korean and English side by
//! side). `build.rs` parses and validates it at build time and writes the statics below as plain Rust, so the
//! wasm carries no parser and a bad content file fails the build, not the reader's page.

use std::fmt;

/// Which of the two languages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Korean, the post's own language and the default.
    #[default]
    Ko,
    /// English, our translation of the post.
    En,
}

impl Lang {
    /// Both languages, in the order the switch shows them.
    pub const ALL: [Lang; 2] = [Lang::Ko, Lang::En];

    /// The BCP 47 tag (`ko`, `en`), as used in `<html lang>` and in the URL.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::Ko => "ko",
            Lang::En => "en",
        }
    }

    /// Parses a tag exactly as [`Lang::code`] writes it.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// A value in both languages, side by side, so that no field can forget one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Localized<T> {
    pub ko: T,
    pub en: T,
}

impl<T: Copy> Localized<T> {
    /// The value in `lang`.
    pub const fn get(&self, lang: Lang) -> T {
        match lang {
            Lang::Ko => self.ko,
            Lang::En => self.en,
        }
    }
}

/// Plain text in both languages.
pub type Text = Localized<&'static str>;

/// A run of text, emphasised (`**bold**` in the post) or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    pub text: &'static str,
    pub strong: bool,
}

/// A paragraph with emphasis, in both languages.
pub type RichText = Localized<&'static [Run]>;

/// The number of a generation, 1 to 6. It can only be made valid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GenerationId(u8);

impl GenerationId {
    pub const FIRST: GenerationId = GenerationId(1);
    pub const LAST: GenerationId = GenerationId(LAST_NUMBER);

    /// `Some` for 1..=6, `None` otherwise.
    pub const fn new(n: u8) -> Option<GenerationId> {
        if n >= 1 && n as usize <= COUNT {
            Some(GenerationId(n))
        } else {
            None
        }
    }

    /// The number, 1 to 6.
    pub const fn get(self) -> u8 {
        self.0
    }

    /// The position in [`GENERATIONS`], 0 to 5.
    pub const fn index(self) -> usize {
        self.0 as usize - 1
    }

    /// The generation after this one, if any.
    pub const fn next(self) -> Option<GenerationId> {
        GenerationId::new(self.0 + 1)
    }

    /// The generation before this one, if any.
    pub const fn prev(self) -> Option<GenerationId> {
        GenerationId::new(self.0 - 1)
    }

    /// All six, in order.
    pub fn all() -> impl DoubleEndedIterator<Item = GenerationId> + Clone {
        (1..=LAST_NUMBER).map(GenerationId)
    }

    /// The generation's content.
    pub fn generation(self) -> &'static Generation {
        &GENERATIONS[self.index()]
    }
}

impl fmt::Display for GenerationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// How many generations the post tells of.
pub const COUNT: usize = LAST_NUMBER as usize;

/// The last generation's number.
const LAST_NUMBER: u8 = 6;

/// One generation, with everything the post says of it.
#[derive(Debug)]
pub struct Generation {
    pub id: GenerationId,
    /// The flowchart node's emoji, e.g. "🏗️".
    pub emoji: &'static str,
    /// "1세대" / "Generation 1".
    pub label: Text,
    /// The flowchart node's title, e.g. "물리 서버 시대".
    pub node_title: Text,
    /// The flowchart node's small subtitle, e.g. "VMware / KVM / VirtualBox".
    pub node_subtitle: Text,
    /// The flowchart node's fill colour (`#rrggbb`), from the post's `style` lines.
    pub fill: &'static str,
    /// The flowchart node's stroke colour (`#rrggbb`).
    pub stroke: &'static str,
    /// The section heading before the parenthesis, e.g. "컨테이너 오케스트레이션 시대".
    pub heading: Text,
    /// The English name the post gives in parentheses, e.g. "Traditional Infrastructure".
    pub english_name: &'static str,
    /// 개요: the overview paragraph.
    pub overview: RichText,
    /// 특징: the feature bullets.
    pub features: &'static [Text],
    /// 장점 from the 항목/내용 table.
    pub pros: Text,
    /// 단점 from the 항목/내용 table (only generation 1 has it).
    pub cons: Option<Text>,
    /// 대표 기술 from the 항목/내용 table (generation 1 has none). Names, the same in both languages.
    pub technologies: &'static [&'static str],
    /// This generation's row of the "다이어그램 설명" table.
    pub diagram: DiagramRow,
    /// This generation's row of the "세대별 요약 비교" table.
    pub summary: SummaryRow,
}

/// A row of the post's "다이어그램 설명" table.
#[derive(Debug)]
pub struct DiagramRow {
    /// 핵심 개념.
    pub concept: Text,
    /// 대표 기술.
    pub technologies: &'static [&'static str],
}

/// A row of the post's "세대별 요약 비교" table.
#[derive(Debug)]
pub struct SummaryRow {
    /// 인프라 패러다임.
    pub paradigm: Text,
    /// 핵심 기술.
    pub technologies: &'static [&'static str],
    /// 주요 장점.
    pub benefit: Text,
}

/// The post's own words around the generations: titles, table captions and column headings.
#[derive(Debug)]
pub struct Site {
    /// The post's title, "웹 인프라 진화".
    pub title: Text,
    /// The post's main heading, "웹 인프라의 진화".
    pub heading: Text,
    /// The post's date, ISO 8601.
    pub date: &'static str,
    /// The flowchart's two row names, "1~3세대" and "4~6세대".
    pub rows: [Text; 2],
    /// "다이어그램 설명".
    pub diagram_caption: Text,
    /// 세대 / 핵심 개념 / 대표 기술.
    pub diagram_columns: [Text; 3],
    /// "세대별 요약 비교".
    pub summary_caption: Text,
    /// 세대 / 인프라 패러다임 / 핵심 기술 / 주요 장점.
    pub summary_columns: [Text; 4],
    /// "개요".
    pub overview: Text,
    /// "특징".
    pub features: Text,
    /// The detail table's column headings, 항목 / 내용.
    pub item_columns: [Text; 2],
    /// "장점".
    pub pros: Text,
    /// "단점".
    pub cons: Text,
    /// "대표 기술".
    pub technologies: Text,
}

/// A technology the post names, and every place it names it: the index behind `#/tech`.
#[derive(Debug)]
pub struct Technology {
    /// The name as the post writes it, e.g. "Kubernetes" (the same in both languages).
    pub name: &'static str,
    /// Where the post names it, in generation order.
    pub mentions: &'static [Mention],
}

/// One place where the post names a technology.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub generation: GenerationId,
    pub place: Place,
}

/// The parts of the post that name technologies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// The flowchart node's subtitle, e.g. "Docker / Nginx / DevOps".
    Node,
    /// The "다이어그램 설명" table's 대표 기술.
    Diagram,
    /// The "세대별 요약 비교" table's 핵심 기술.
    Summary,
    /// The generation's own 항목/내용 table, 대표 기술.
    Items,
}

/// A technology of [`TECHNOLOGIES`], by its position there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TechId(u8);

impl TechId {
    /// The technology named `name`, ignoring ASCII case (`kubernetes` finds Kubernetes).
    pub fn find(name: &str) -> Option<TechId> {
        TECHNOLOGIES
            .iter()
            .position(|t| t.name.eq_ignore_ascii_case(name))
            .and_then(|i| u8::try_from(i).ok())
            .map(TechId)
    }

    /// The technology named exactly `name`, as the content writes it.
    pub fn of(name: &str) -> Option<TechId> {
        TECHNOLOGIES
            .iter()
            .position(|t| t.name == name)
            .and_then(|i| u8::try_from(i).ok())
            .map(TechId)
    }

    /// The technology.
    pub fn technology(self) -> &'static Technology {
        &TECHNOLOGIES[usize::from(self.0)]
    }

    /// The id of its entry in the index: `tech-` and its name with `-` for spaces.
    pub fn anchor(self) -> String {
        let mut id = String::from("tech-");
        for c in self.technology().name.chars() {
            id.push(if c == ' ' { '-' } else { c });
        }
        id
    }
}

include!(concat!(env!("OUT_DIR"), "/content.rs"));

/// Which row of the flowchart a generation sits in: 0 for 1~3, 1 for 4~6.
pub const fn row_of(id: GenerationId) -> usize {
    id.index() / 3
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every name of a place that lists technologies, for a generation: the node subtitle when it lists them
    /// (`A / B`), the two tables' columns, the 대표 기술 row. Written out here independently of `build/content.rs`.
    fn named(g: &Generation) -> Vec<(&'static str, Place)> {
        let mut names: Vec<(&'static str, Place)> = Vec::new();
        if g.node_subtitle.en.contains(" / ") {
            names.extend(g.node_subtitle.en.split(" / ").map(|n| (n, Place::Node)));
        }
        names.extend(g.diagram.technologies.iter().map(|&n| (n, Place::Diagram)));
        names.extend(g.summary.technologies.iter().map(|&n| (n, Place::Summary)));
        names.extend(g.technologies.iter().map(|&n| (n, Place::Items)));
        names
    }

    #[test]
    fn the_index_holds_every_technology_the_post_names_where_it_names_it() {
        for g in &GENERATIONS {
            for (name, place) in named(g) {
                let tech = TechId::of(name).unwrap_or_else(|| panic!("{name} is not in the index"));
                let mention = Mention {
                    generation: g.id,
                    place,
                };
                assert!(
                    tech.technology().mentions.contains(&mention),
                    "{name}: {mention:?}"
                );
            }
        }
        // And nothing else: every mention is one of those places.
        for tech in &TECHNOLOGIES {
            assert!(!tech.mentions.is_empty(), "{}", tech.name);
            for m in tech.mentions {
                assert!(
                    named(m.generation.generation()).contains(&(tech.name, m.place)),
                    "{} {m:?}",
                    tech.name
                );
            }
        }
        assert_eq!(TECHNOLOGIES.len(), 24);
        for name in [
            "Apache",
            "PHP",
            "VMware",
            "KVM",
            "VirtualBox",
            "Docker",
            "Nginx",
            "DevOps",
            "Kubernetes",
            "Helm",
            "Keycloak",
            "AWS Lambda",
            "Azure Functions",
            "Cloudflare",
            "IPFS",
            "WASM",
            "WebGPU",
        ] {
            assert!(TechId::of(name).is_some(), "{name}");
        }
    }

    #[test]
    fn the_index_is_alphabetical_and_names_are_found_in_any_ascii_case() {
        let names: Vec<String> = TECHNOLOGIES.iter().map(|t| t.name.to_lowercase()).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted);
        assert_eq!(TechId::find("aws lambda"), TechId::of("AWS Lambda"));
        assert_eq!(TechId::find("nope"), None);
        assert_eq!(
            TechId::of("AWS Lambda").map(TechId::anchor).as_deref(),
            Some("tech-AWS-Lambda")
        );
    }
}
