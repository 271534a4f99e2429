//! Synthetic outputs: passages planted in text from outside the corpus, optionally perturbed.
use poa_engine::normalize::words;
use std::ops::Range;

/// A small deterministic generator (splitmix64).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// A text with its words' byte ranges.
pub struct Words {
    pub text: String,
    pub ranges: Vec<Range<usize>>,
}

impl Words {
    pub fn new(text: String) -> Words {
        let ranges = words(&text).into_iter().map(|(_, r)| r).collect();
        Words { text, ranges }
    }

    /// Words `from..from + count` as written, with what separates them.
    pub fn excerpt(&self, from: usize, count: usize) -> &str {
        &self.text[self.ranges[from].start..self.ranges[from + count - 1].end]
    }

    /// A random excerpt of `count` words.
    pub fn random_excerpt(&self, rng: &mut Rng, count: usize) -> &str {
        self.excerpt(rng.below(self.ranges.len() - count + 1), count)
    }
}

const PUNCTUATION: [&str; 6] = [",", ";", ":", "!", "?", " —"];
const SPACES: [&str; 4] = [" ", "  ", "\n", "\t"];

/// `excerpt` with random case, punctuation and whitespace changes, and one word in every `every`
/// replaced by a word of `outside` (at a random phase of the `every`-word grid).
pub fn perturb(rng: &mut Rng, excerpt: &str, outside: &Words, every: usize) -> String {
    let w = Words::new(excerpt.to_string());
    let phase = rng.below(every);
    let mut out = String::new();
    for (i, range) in w.ranges.iter().enumerate() {
        if i > 0 {
            let gap = &w.text[w.ranges[i - 1].end..range.start];
            let kept: String = gap.chars().filter(|c| !c.is_whitespace() && rng.chance(50)).collect();
            out.push_str(&kept);
            if rng.chance(15) {
                out.push_str(PUNCTUATION[rng.below(PUNCTUATION.len())]);
            }
            out.push_str(SPACES[rng.below(SPACES.len())]);
        }
        let word = if i % every == phase {
            let replacement = outside.random_excerpt(rng, 1);
            if replacement.eq_ignore_ascii_case(&w.text[range.clone()]) {
                "nevertheless"
            } else {
                replacement
            }
        } else {
            &w.text[range.clone()]
        };
        match rng.below(5) {
            0 => out.push_str(&word.to_uppercase()),
            1 => out.push_str(&word.to_lowercase()),
            _ => out.push_str(word),
        }
    }
    out
}
