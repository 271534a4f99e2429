//! The baselines the evaluation compares against, over the same normalised words: BM25 over
//! contributions, and Jaccard similarity of 8-word-gram sets. Floating point is fine here: these
//! only rank.
use poa_engine::normalize::for_each_word;
use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};

const K1: f64 = 1.2;
const B: f64 = 0.75;
const GRAM: usize = 8;

pub struct Baselines {
    vocabulary: HashMap<String, u32>,
    /// Word id → (contribution, term frequency).
    postings: HashMap<u32, Vec<(usize, u32)>>,
    lengths: Vec<f64>,
    average_length: f64,
    /// Gram hash → contributions containing it.
    grams: HashMap<u64, Vec<usize>>,
    gram_counts: Vec<usize>,
}

fn gram_hashes(ids: &[u32]) -> HashSet<u64> {
    ids.windows(GRAM)
        .map(|w| {
            let mut h = DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect()
}

impl Baselines {
    pub fn new<'a>(texts: impl IntoIterator<Item = &'a str>) -> Baselines {
        let mut b = Baselines {
            vocabulary: HashMap::new(),
            postings: HashMap::new(),
            lengths: Vec::new(),
            average_length: 0.0,
            grams: HashMap::new(),
            gram_counts: Vec::new(),
        };
        for (doc, text) in texts.into_iter().enumerate() {
            let ids = b.ids(text, true);
            let mut tf: HashMap<u32, u32> = HashMap::new();
            for &id in &ids {
                *tf.entry(id).or_default() += 1;
            }
            for (id, count) in tf {
                b.postings.entry(id).or_default().push((doc, count));
            }
            let grams = gram_hashes(&ids);
            b.gram_counts.push(grams.len());
            for g in grams {
                b.grams.entry(g).or_default().push(doc);
            }
            b.lengths.push(ids.len() as f64);
        }
        b.average_length = b.lengths.iter().sum::<f64>() / b.lengths.len() as f64;
        b
    }

    fn ids(&mut self, text: &str, learn: bool) -> Vec<u32> {
        let mut ids = Vec::new();
        for_each_word(text, |w, _| {
            let next = self.vocabulary.len() as u32;
            let id = match self.vocabulary.get(w) {
                Some(&id) => id,
                None if learn => *self.vocabulary.entry(w.to_string()).or_insert(next),
                None => u32::MAX,
            };
            ids.push(id);
        });
        ids
    }

    /// BM25 scores of every contribution for `query` (each distinct query word once).
    pub fn bm25(&mut self, query: &str) -> Vec<f64> {
        let n = self.lengths.len() as f64;
        let mut scores = vec![0.0; self.lengths.len()];
        let terms: HashSet<u32> = self.ids(query, false).into_iter().collect();
        for term in terms {
            let Some(postings) = self.postings.get(&term) else { continue };
            let df = postings.len() as f64;
            let idf = ((n - df + 0.5) / (df + 0.5) + 1.0).ln();
            for &(doc, tf) in postings {
                let tf = f64::from(tf);
                let norm = K1 * (1.0 - B + B * self.lengths[doc] / self.average_length);
                scores[doc] += idf * tf * (K1 + 1.0) / (tf + norm);
            }
        }
        scores
    }

    /// Jaccard similarity of the 8-word-gram sets of `query` and of every contribution.
    pub fn jaccard(&mut self, query: &str) -> Vec<f64> {
        let ids = self.ids(query, false);
        let grams = gram_hashes(&ids);
        let mut shared = vec![0usize; self.lengths.len()];
        for g in &grams {
            for &doc in self.grams.get(g).map(Vec::as_slice).unwrap_or_default() {
                shared[doc] += 1;
            }
        }
        shared
            .iter()
            .zip(&self.gram_counts)
            .map(|(&s, &count)| if s == 0 { 0.0 } else { s as f64 / (grams.len() + count - s) as f64 })
            .collect()
    }
}
