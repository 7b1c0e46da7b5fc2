//! What the property tests of the modules share (native tests only: proptest is not built for wasm).

use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::test_runner::RngAlgorithm;

/// Cases per property: issue 10 asks for at least 10,000 for everything that parses outside input.
pub const CASES: u32 = 10_000;

/// [`CASES`] cases, drawn with XorShift: the default ChaCha generator, built without optimisation as tests are,
/// takes most of the run time.
pub fn config() -> ProptestConfig {
    ProptestConfig {
        rng_algorithm: RngAlgorithm::XorShift,
        ..ProptestConfig::with_cases(CASES)
    }
}

/// Text that looks like one of `codes` (a stored value, a language tag): any short text, one of `near` (codes in
/// another case, with a region, from a future version…), or a code with one character changed.
pub fn code_like(
    codes: &'static [&'static str],
    near: &'static [&'static str],
) -> impl Strategy<Value = String> {
    prop_oneof![
        2 => proptest::collection::vec(any::<char>(), 0..12).prop_map(String::from_iter),
        2 => select(near).prop_map(str::to_owned),
        3 => (select(codes), any::<Index>(), any::<u8>(), any::<char>())
            .prop_map(|(code, at, op, c)| mutated(code, at, op, c)),
    ]
}

/// `code` with one character inserted, replaced or removed at `at`, or its ASCII case flipped there.
fn mutated(code: &str, at: Index, op: u8, c: char) -> String {
    let mut chars: Vec<char> = code.chars().collect();
    let i = at.index(chars.len() + 1);
    match op % 4 {
        0 => chars.insert(i, c),
        1 if i < chars.len() => chars[i] = c,
        2 if i < chars.len() => {
            chars.remove(i);
        }
        _ if i < chars.len() => chars[i] = flip_case(chars[i]),
        _ => chars.push(c),
    }
    chars.into_iter().collect()
}

fn flip_case(c: char) -> char {
    if c.is_ascii_lowercase() {
        c.to_ascii_uppercase()
    } else {
        c.to_ascii_lowercase()
    }
}
