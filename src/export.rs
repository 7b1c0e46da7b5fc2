//! Stub until the export branch lands (replaced by it).
use crate::data::Lang;

pub struct File {
    pub name: String,
    pub mime: &'static str,
    pub body: String,
}

pub fn citation(_lang: Lang, url: &str, accessed: &str) -> String {
    let mut s = String::from("웹 인프라 진화. (2025-10-17). ");
    s.push_str(url);
    s.push(' ');
    s.push_str(accessed);
    s
}

pub fn bibtex(url: &str, accessed: &str) -> String {
    citation(Lang::Ko, url, accessed)
}

pub fn file(_kind: &str, _lang: Lang, _url: &str) -> Option<File> {
    None
}
