//! Merging shard results into one attribution: spans, rarity weights, parts per million.
use crate::index::{ContributionRef, ShardMatches};
use crate::normalize::words;
use crate::surprisal::surprisal;
use crate::{Error, Index, Key32, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Parts per million in a whole.
pub const PPM: u64 = 1_000_000;

/// The knobs of attribution; every party recomputing a result must use the same.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Params {
    /// A span must have at least this many words (default 7: one word short of an 8-word quote,
    /// so a quote whose first or last word was changed still counts; `make eval` measures it).
    pub min_span_words: usize,
    /// A span found in the contributions of more distinct contributors than this is a common
    /// phrase, not evidence (default 10). Contributions mostly covered by earlier ones are not
    /// searched, so copies do not count.
    pub max_contributions_per_span: usize,
}

impl Default for Params {
    fn default() -> Self {
        Params { min_span_words: 7, max_contributions_per_span: 10 }
    }
}

impl Params {
    pub(crate) fn check(&self) -> Result<()> {
        if self.min_span_words == 0 {
            return Err(Error::Params("min_span_words must be at least 1"));
        }
        if self.max_contributions_per_span == 0 {
            return Err(Error::Params("max_contributions_per_span must be at least 1"));
        }
        Ok(())
    }
}

/// A maximal span of the output found in the corpus: words `start..end` of the output.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    /// The span as it appears in the output.
    pub text: String,
    /// The contributions containing it, sorted.
    pub contributions: Vec<Key32>,
    /// The one of them it is credited to: its first author, the earliest accepted, unless the
    /// output draws more on another's own text (see [`merge`]).
    pub credited: Vec<Key32>,
}

/// One contribution's share of an output.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContributionWeight {
    pub id: Key32,
    pub contributor: Key32,
    /// Its rarity weight (surprisal units, 2⁻¹⁶ bit).
    pub mass: u64,
    pub ppm: u64,
}

/// Which contributions one output drew on. The contributions' `ppm` and `unattributed_ppm` sum
/// to exactly 1,000,000.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// Words in the output.
    pub words: usize,
    /// The output's rarity weight: the sum of its words' surprisals.
    pub total_mass: u64,
    pub unattributed_mass: u64,
    pub unattributed_ppm: u64,
    /// Spans dropped because the contributions of too many contributors contain them.
    pub common_spans: usize,
    pub spans: Vec<Span>,
    /// Sorted by id; only contributions with a positive mass.
    pub contributions: Vec<ContributionWeight>,
}

/// Attributes `text` against a set of shards (one or several indexes of disjoint contributions;
/// [`Index::check_disjoint`] checks it once for many calls).
pub fn attribute(shards: &[&Index], text: &str, params: &Params) -> Result<Attribution> {
    let matches: Vec<ShardMatches> = shards.iter().map(|s| s.query(text, params)).collect::<Result<_>>()?;
    merge(text, &matches, params)
}

/// Splits `units` in proportion to `weights` (whose sum must be positive): each part floored,
/// then one more unit to each of the largest remainders, ties to the earlier entry. The parts sum
/// to `units` exactly.
pub(crate) fn split_proportionally(units: u64, weights: &[u64]) -> Vec<u64> {
    let sum: u128 = weights.iter().map(|&w| u128::from(w)).sum();
    let (mut parts, remainders): (Vec<u64>, Vec<u128>) = weights
        .iter()
        .map(|&w| {
            let scaled = u128::from(units) * u128::from(w);
            ((scaled / sum) as u64, scaled % sum)
        })
        .unzip();
    let left = units - parts.iter().sum::<u64>();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| remainders[b].cmp(&remainders[a]).then(a.cmp(&b)));
    for &i in order.iter().take(left as usize) {
        parts[i] += 1;
    }
    parts
}

/// A span after merging the shards.
struct Merged {
    start: usize,
    end: usize,
    contributions: Vec<ContributionRef>,
    too_common: bool,
}

/// Merges shard results for `text` into its attribution. Because each shard reports its maximal
/// spans and its word counts, the result is the one a single index over all the shards'
/// contributions gives: counts add up, identical spans pool their contributions, and a span
/// strictly inside another shard's span is not maximal overall and is dropped.
///
/// Each word weighs its surprisal. A span's first author is the earliest accepted of the
/// contributions containing it (the lowest acceptance sequence number, ties to the lowest id); a
/// contribution's support is the weight of the output's spans it is the first author of. A span
/// goes to the contribution containing it with the most support, ties to the earliest. Copied
/// text earns no support, so a later copy, an anthology or a longer text containing a span never
/// takes it from its first author for what it copied; a later parallel text takes a shared piece
/// only when the output draws more on text it was the first to contribute. Each run of words
/// covered by the same spans is split equally among their credited contributions; the words no
/// span covers are the unattributed part.
pub fn merge(text: &str, shards: &[ShardMatches], params: &Params) -> Result<Attribution> {
    params.check()?;
    if shards.is_empty() {
        return Err(Error::Params("no shards"));
    }
    let tokens = words(text);
    let n = tokens.len();
    if shards.iter().any(|s| s.normaliser != crate::NORMALISER_VERSION) {
        return Err(Error::ShardMismatch("a shard uses another normaliser version"));
    }
    if shards.iter().any(|s| s.word_counts.len() != n || s.spans.iter().any(|sp| sp.len == 0 || sp.start + sp.len > n))
    {
        return Err(Error::ShardMismatch("word positions outside the output"));
    }
    let total_words: u64 = shards.iter().map(|s| s.total_words).sum();
    let masses: Vec<u64> =
        (0..n).map(|k| surprisal(shards.iter().map(|s| s.word_counts[k]).sum(), total_words)).collect();
    let total_mass: u64 = masses.iter().sum();

    let spans = merge_spans(shards, params.max_contributions_per_span);
    let common_spans = spans.iter().filter(|s| s.too_common).count();
    let spans: Vec<Merged> = spans.into_iter().filter(|s| !s.too_common).collect();

    // Each span's first author: the earliest accepted of the contributions containing it. A
    // contribution's support is the weight of the spans it is the first author of; a span goes
    // to the contribution containing it with the most support, ties to the earliest.
    let order = |c: &ContributionRef| (c.accepted_seq, c.id);
    let span_mass = |s: &Merged| masses[s.start..s.end].iter().sum::<u64>();
    let mut support: BTreeMap<ContributionRef, u64> = BTreeMap::new();
    for span in &spans {
        if let Some(first) = span.contributions.iter().min_by_key(|c| order(c)) {
            *support.entry(*first).or_default() += span_mass(span);
        }
    }
    let support_of = |c: &ContributionRef| support.get(c).copied().unwrap_or(0);
    let credited: Vec<Vec<ContributionRef>> = spans
        .iter()
        .map(|span| {
            let strongest = span.contributions.iter().min_by_key(|c| (std::cmp::Reverse(support_of(c)), order(c)));
            strongest.into_iter().copied().collect()
        })
        .collect();

    // Each run of words covered by the same spans goes to the union of their credited
    // contributions, split equally (remainder units to the lowest ids).
    let mut covering: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, span) in spans.iter().enumerate() {
        for cover in &mut covering[span.start..span.end] {
            cover.push(i);
        }
    }
    let mut shares: BTreeMap<ContributionRef, u64> = BTreeMap::new();
    let mut k = 0;
    while k < n {
        let run_end = (k..n).find(|&j| covering[j] != covering[k]).unwrap_or(n);
        if !covering[k].is_empty() {
            let mut owners: Vec<ContributionRef> =
                covering[k].iter().flat_map(|&i| credited[i].iter().copied()).collect();
            owners.sort_unstable();
            owners.dedup();
            let mass = masses[k..run_end].iter().sum();
            for (owner, part) in owners.iter().zip(split_proportionally(mass, &vec![1; owners.len()])) {
                *shares.entry(*owner).or_default() += part;
            }
        }
        k = run_end;
    }
    let attributed_mass: u64 = shares.values().sum();
    let unattributed_mass = total_mass - attributed_mass;

    // Parts per million by largest remainder over the contributions (by id) and then the rest.
    let mut weights: Vec<u64> = shares.values().copied().collect();
    weights.push(unattributed_mass);
    let ppm = if total_mass == 0 { vec![0; weights.len()] } else { split_proportionally(PPM, &weights) };
    let unattributed_ppm = if total_mass == 0 { PPM } else { ppm[weights.len() - 1] };
    let contributions = shares
        .iter()
        .zip(&ppm)
        .map(|((c, &mass), &ppm)| ContributionWeight { id: c.id, contributor: c.contributor, mass, ppm })
        .collect();
    let spans = spans
        .iter()
        .zip(&credited)
        .map(|(s, credited)| Span {
            start: s.start,
            end: s.end,
            text: text[tokens[s.start].1.start..tokens[s.end - 1].1.end].to_owned(),
            contributions: s.contributions.iter().map(|c| c.id).collect(),
            credited: credited.iter().map(|c| c.id).collect(),
        })
        .collect();
    Ok(Attribution { words: n, total_mass, unattributed_mass, unattributed_ppm, common_spans, spans, contributions })
}

/// The maximal spans over all shards, by start.
fn merge_spans(shards: &[ShardMatches], max_contributions: usize) -> Vec<Merged> {
    let mut by_interval: BTreeMap<(usize, std::cmp::Reverse<usize>), Merged> = BTreeMap::new();
    for span in shards.iter().flat_map(|s| &s.spans) {
        let end = span.start + span.len;
        let merged = by_interval.entry((span.start, std::cmp::Reverse(end))).or_insert_with(|| Merged {
            start: span.start,
            end,
            contributions: Vec::new(),
            too_common: false,
        });
        merged.too_common |= span.too_common;
        merged.contributions.extend(&span.contributions);
    }
    // Ordered by start, longer first: a span is inside another exactly when an earlier one
    // reaches at least as far.
    let mut reach = 0;
    let mut out = Vec::new();
    for mut span in by_interval.into_values() {
        if span.end <= reach {
            continue;
        }
        reach = span.end;
        span.contributions.sort_unstable();
        span.contributions.dedup();
        let contributors: std::collections::BTreeSet<Key32> =
            span.contributions.iter().map(|c| c.contributor).collect();
        span.too_common |= contributors.len() > max_contributions;
        if span.too_common {
            span.contributions.clear();
        }
        out.push(span);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::ShardSpan;

    #[test]
    fn proportional_split_is_exact_and_breaks_ties_by_order() {
        assert_eq!(split_proportionally(10, &[1, 1, 1]), [4, 3, 3]);
        assert_eq!(split_proportionally(2, &[1, 1, 1]), [1, 1, 0]);
        assert_eq!(split_proportionally(1_000_000, &[1, 2]), [333_333, 666_667]);
        assert_eq!(
            split_proportionally(u64::MAX, &[u64::MAX, u64::MAX]).iter().map(|&p| u128::from(p)).sum::<u128>(),
            u128::from(u64::MAX)
        );
        assert_eq!(split_proportionally(7, &[0, 5]), [0, 7]);
    }

    /// Contribution `b`, by contributor `b`, accepted `b`-th.
    fn contribution(b: u8) -> ContributionRef {
        ContributionRef { id: Key32([b; 32]), contributor: Key32([b; 32]), accepted_seq: u64::from(b) }
    }

    fn shard(spans: &[(usize, usize, &[u8])]) -> ShardMatches {
        shard_of(spans.iter().map(|&(start, len, cs)| (start, len, cs.iter().map(|&b| contribution(b)).collect())))
    }

    fn shard_of(spans: impl IntoIterator<Item = (usize, usize, Vec<ContributionRef>)>) -> ShardMatches {
        ShardMatches {
            normaliser: crate::NORMALISER_VERSION,
            total_words: 100,
            word_counts: vec![1; 12],
            spans: spans
                .into_iter()
                .map(|(start, len, contributions)| ShardSpan { start, len, contributions, too_common: false })
                .collect(),
        }
    }

    #[test]
    fn shards_pool_equal_spans_and_drop_those_inside_another() {
        let text = "a b c d e f g h i j k l";
        let params = Params { min_span_words: 2, max_contributions_per_span: 2 };
        // Shard A: 0..4 and 6..9; shard B: 0..4 (pooled), 1..3 (inside), 5..11; shard C: 6..9 too.
        let a = shard(&[(0, 4, &[1]), (6, 3, &[2])]);
        let b = shard(&[(0, 4, &[3]), (1, 2, &[4]), (5, 6, &[5])]);
        let c = shard(&[(6, 3, &[6, 7])]);
        let got = merge(text, &[a, b, c], &params).unwrap();
        let spans: Vec<(usize, usize, usize)> =
            got.spans.iter().map(|s| (s.start, s.end, s.contributions.len())).collect();
        // 6..9 is inside 5..11; 0..4 pools contributions 1 and 3.
        assert_eq!(spans, [(0, 4, 2), (5, 11, 1)]);
        assert_eq!(got.spans[0].text, "a b c d");
        // 0..4 goes to 1, accepted before 3.
        assert_eq!(got.spans[0].credited, [Key32([1; 32])]);
        assert_eq!(got.contributions.iter().map(|c| c.id.0[0]).collect::<Vec<_>>(), [1, 5]);
        // Equal word weights: 4 words to 1, 6 words to 5, 2 words unattributed.
        assert_eq!(got.contributions.iter().map(|c| c.ppm).collect::<Vec<_>>(), [333_333, 500_000]);
        assert_eq!(got.unattributed_ppm, 166_667);
        // Three contributions on one span exceed the limit of two: the span is common.
        let d = shard(&[(0, 4, &[8])]);
        let common = merge(text, &[shard(&[(0, 4, &[1, 3])]), d], &params).unwrap();
        assert_eq!((common.common_spans, common.spans.len(), common.unattributed_ppm), (1, 0, PPM));
    }

    #[test]
    fn a_shared_span_goes_to_its_first_author_unless_the_output_draws_more_on_another() {
        let text = "a b c d e f g h i j k l";
        let params = Params { min_span_words: 2, max_contributions_per_span: 10 };
        let credited = |got: &Attribution| got.spans.iter().map(|s| s.credited.clone()).collect::<Vec<_>>();
        let one = |b: u8| vec![Key32([b; 32])];
        // An anthology (9) of 1 and 2, accepted after them: first author of nothing the output
        // quotes, so it supports nothing and gets nothing, however much of the output it contains.
        let got = merge(text, &[shard(&[(0, 3, &[1, 9]), (4, 6, &[2, 9])])], &params).unwrap();
        assert_eq!(credited(&got), [one(1), one(2)]);
        assert_eq!(
            got.contributions.iter().map(|c| (c.id.0[0], c.ppm)).collect::<Vec<_>>(),
            [(1, 250_000), (2, 500_000)]
        );
        // A parallel text (2, later than 1) that the output quotes more of its own: it gets the
        // piece it shares with 1 too.
        let got = merge(text, &[shard(&[(0, 3, &[1, 2]), (4, 6, &[2])])], &params).unwrap();
        assert_eq!(credited(&got), [one(2), one(2)]);
        // Equal support goes to the first accepted.
        let got = merge(text, &[shard(&[(0, 3, &[1, 2]), (4, 3, &[2])])], &params).unwrap();
        assert_eq!(credited(&got), [one(1), one(2)]);
        // The order is the acceptance sequence number, not the id; equal numbers (shards of
        // different datanets) go to the lower id.
        let late = ContributionRef { accepted_seq: 9, ..contribution(1) };
        let got = merge(text, &[shard_of([(0, 3, vec![late, contribution(2)])])], &params).unwrap();
        assert_eq!(credited(&got), [one(2)]);
        let tied = ContributionRef { accepted_seq: 2, ..contribution(3) };
        let got = merge(text, &[shard_of([(0, 3, vec![tied])]), shard(&[(0, 3, &[2])])], &params).unwrap();
        assert_eq!(credited(&got), [one(2)]);
    }

    #[test]
    fn the_common_span_cut_off_counts_distinct_contributors() {
        let text = "a b c d e f g h i j k l";
        let params = Params { min_span_words: 2, max_contributions_per_span: 2 };
        // Three contributions of one contributor (a sybil's copies, say): not a common phrase, and
        // the span goes to the earliest.
        let sybil = |b: u8| ContributionRef { contributor: Key32([9; 32]), ..contribution(b) };
        let got =
            merge(text, &[shard_of([(0, 4, vec![sybil(5), sybil(6), sybil(7), contribution(1)])])], &params).unwrap();
        assert_eq!((got.common_spans, got.spans[0].credited.clone()), (0, vec![Key32([1; 32])]));
        // Three contributors, over two shards: common.
        let got = merge(text, &[shard(&[(0, 4, &[1, 2])]), shard(&[(0, 4, &[3])])], &params).unwrap();
        assert_eq!((got.common_spans, got.spans.len(), got.unattributed_ppm), (1, 0, PPM));
    }

    #[test]
    fn mismatched_shards_are_refused() {
        let params = Params::default();
        assert!(matches!(merge("one two", &[shard(&[])], &params), Err(Error::ShardMismatch(_))));
        let mut other = shard(&[]);
        other.normaliser = 99;
        assert!(matches!(merge("a b c d e f g h i j k l", &[other], &params), Err(Error::ShardMismatch(_))));
    }
}
