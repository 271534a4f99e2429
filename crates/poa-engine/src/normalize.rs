//! The text normalisation every index and every query shares (version [`NORMALISER_VERSION`]).
//!
//! A word is a maximal run of characters that are alphanumeric (Rust's `char::is_alphanumeric`:
//! Unicode `Alphabetic` or `Numeric`), each lowercased with `char::to_lowercase`. The apostrophes
//! U+0027 ('), U+2018 (‘), U+2019 (’) and U+02BC (ʼ) are dropped without ending a word, so
//! "Lord's" and "lords" are the same word. Every other character (whitespace, punctuation,
//! symbols, controls) ends the current word. No NFKC or other Unicode normalisation is applied;
//! the character tables are those of the toolchain's Unicode version (17.0.0 with Rust 1.95), and
//! a change of them would need a new normaliser version.
use std::ops::Range;

/// Written into every index and every shard result; shards must agree on it.
pub const NORMALISER_VERSION: u32 = 1;

fn is_dropped(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{02BC}')
}

/// Calls `f(word, byte range of the word in text)` for each word of `text`, in order.
pub fn for_each_word(text: &str, mut f: impl FnMut(&str, Range<usize>)) {
    let mut word = String::new();
    let mut span: Option<Range<usize>> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if c.is_ascii() {
                word.push(c.to_ascii_lowercase());
            } else {
                word.extend(c.to_lowercase());
            }
            let end = i + c.len_utf8();
            span = Some(span.map_or(i..end, |s| s.start..end));
        } else if !is_dropped(c) {
            if let Some(s) = span.take() {
                f(&word, s);
                word.clear();
            }
        }
    }
    if let Some(s) = span {
        f(&word, s);
    }
}

/// The words of `text` with their byte ranges.
pub fn words(text: &str) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    for_each_word(text, |w, r| out.push((w.to_owned(), r)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Vec<String> {
        words(text).into_iter().map(|(w, _)| w).collect()
    }

    #[test]
    fn folds_case_punctuation_and_whitespace() {
        assert_eq!(
            plain("  In the Beginning,\tGOD\n\ncreated... the-heaven!"),
            plain("in the beginning god created the heaven")
        );
        assert_eq!(plain("the LORD's house; don’t"), ["the", "lords", "house", "dont"]);
        assert_eq!(plain("ÉTÉ Straße 42x"), ["été", "straße", "42x"]);
        assert!(plain(" ,.; ").is_empty());
    }

    #[test]
    fn ranges_point_at_the_original_text() {
        let text = "«Ça va», l'ami?";
        let got: Vec<&str> = words(text).into_iter().map(|(_, r)| &text[r]).collect();
        assert_eq!(got, ["Ça", "va", "l'ami"]);
    }
}
