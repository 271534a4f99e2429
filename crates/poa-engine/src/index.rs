//! Opening an index file and querying one shard.
use crate::format::{
    mostly_covered, Header, Layout, FLAG_MOSTLY_COVERED, FORMAT_VERSION, HEADER_LEN, MAGIC, RECORD_LEN, SEPARATOR,
};
use crate::normalize::{for_each_word, NORMALISER_VERSION};
use crate::{Error, Key32, Params, Result};
use memmap2::Mmap;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::cmp::Ordering;
use std::collections::BTreeSet;
use std::fs::File;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// One contribution an index holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contribution {
    pub id: Key32,
    pub contributor: Key32,
    pub content_hash: Key32,
    pub words: u64,
    /// What results call it (empty when the index was built without labels).
    pub label: String,
    /// Its place in the datanet's order of acceptance (ties broken by id).
    pub accepted_seq: u64,
    /// Its words in runs of at least 7 words found in contributions accepted before it (in this
    /// index).
    pub covered_words: u64,
    /// At least half of its words are covered: it is never matched nor credited.
    pub mostly_covered: bool,
}

/// A contribution as cited by a span.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ContributionRef {
    pub id: Key32,
    pub contributor: Key32,
    /// Its place in its datanet's order of acceptance: a span's first author is the earliest of
    /// its contributions (see [`crate::merge`]).
    pub accepted_seq: u64,
}

/// A maximal span of the output (words `start..start + len`) found in this shard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardSpan {
    pub start: usize,
    pub len: usize,
    /// The shard's contributions containing the span, sorted; empty when `too_common`.
    pub contributions: Vec<ContributionRef>,
    /// Contributions of more than `max_contributions_per_span` distinct contributors of this
    /// shard contain it.
    pub too_common: bool,
}

/// What one shard knows about one output: enough to merge shards exactly (see [`crate::merge`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardMatches {
    pub normaliser: u32,
    /// Words in the shard's corpus.
    pub total_words: u64,
    /// How often the shard's corpus has each word of the output, by output position.
    pub word_counts: Vec<u64>,
    /// The shard's maximal spans of at least `min_span_words` words, by start.
    pub spans: Vec<ShardSpan>,
}

/// A memory-mapped index, checked when opened.
pub struct Index {
    path: PathBuf,
    map: Mmap,
    layout: Layout,
    contributions: Vec<Contribution>,
    /// Text position of each contribution's first word.
    doc_starts: Vec<u64>,
    total_words: u64,
}

/// The sections, as typed slices.
struct View<'a> {
    text: &'a [u32],
    suffixes: &'a [u32],
    word_starts: &'a [u64],
    vocab_offsets: &'a [u64],
    blob: &'a [u8],
}

fn corrupt(path: &Path, what: &'static str) -> Error {
    Error::Corrupt { path: path.into(), what }
}

fn is_increasing<T: Ord>(values: impl IntoIterator<Item = T>, strictly: bool) -> bool {
    let mut last: Option<T> = None;
    for value in values {
        if let Some(previous) = last {
            match previous.cmp(&value) {
                Ordering::Greater => return false,
                Ordering::Equal if strictly => return false,
                _ => {}
            }
        }
        last = Some(value);
    }
    true
}

impl Index {
    /// Maps and checks an index file: magic, versions, length, payload checksum, then the
    /// structure (ranges and orders every query relies on). The file must not be modified while
    /// open; indexes are written to a temporary name and renamed into place.
    pub fn open(path: &Path) -> Result<Index> {
        let io = |source| Error::Io { path: path.into(), source };
        let file = File::open(path).map_err(io)?;
        // SAFETY: the map is read-only and the file is not modified while open (see above).
        let map = unsafe { Mmap::map(&file) }.map_err(io)?;
        if map.get(..MAGIC.len()) != Some(&MAGIC[..]) {
            return Err(Error::NotAnIndex(path.into()));
        }
        let actual = map.len() as u64;
        let Some(Ok(header_bytes)) = map.get(..HEADER_LEN).map(<&[u8; HEADER_LEN]>::try_from) else {
            return Err(Error::Truncated { path: path.into(), expected: HEADER_LEN as u64, actual });
        };
        let header = Header::decode(header_bytes);
        if header.version != FORMAT_VERSION || header.normaliser != NORMALISER_VERSION {
            return Err(Error::UnsupportedVersion {
                path: path.into(),
                found: format!("{} (normaliser {})", header.version, header.normaliser),
                supported: format!("{FORMAT_VERSION} (normaliser {NORMALISER_VERSION})"),
            });
        }
        let layout = Layout::new(&header).ok_or_else(|| corrupt(path, "section sizes overflow or disagree"))?;
        let expected = layout.file_len as u64;
        if Some(expected) != (HEADER_LEN as u64).checked_add(header.payload_len) {
            return Err(corrupt(path, "payload length disagrees with the section sizes"));
        }
        match actual.cmp(&expected) {
            Ordering::Less => return Err(Error::Truncated { path: path.into(), expected, actual }),
            Ordering::Greater => return Err(corrupt(path, "bytes after the end of the index")),
            Ordering::Equal => {}
        }
        if <[u8; 32]>::from(Sha256::digest(&map[HEADER_LEN..])) != header.checksum {
            return Err(Error::ChecksumMismatch(path.into()));
        }
        let sections_aligned =
            [&layout.vocab_offsets, &layout.word_starts, &layout.text, &layout.suffixes, &layout.label_offsets]
                .iter()
                .all(|r| (map.as_ptr() as usize + r.start).is_multiple_of(8));
        if !sections_aligned {
            return Err(corrupt(path, "misaligned sections"));
        }
        let mut index =
            Index { path: path.into(), map, layout, contributions: Vec::new(), doc_starts: Vec::new(), total_words: 0 };
        index.load_structure(&header).map_err(|what| corrupt(path, what))?;
        Ok(index)
    }

    fn view(&self) -> View<'_> {
        // Alignment and lengths were checked by `open`, so these casts cannot fail.
        let section = |r: &Range<usize>| &self.map[r.clone()];
        View {
            text: bytemuck::cast_slice(section(&self.layout.text)),
            suffixes: bytemuck::cast_slice(section(&self.layout.suffixes)),
            word_starts: bytemuck::cast_slice(section(&self.layout.word_starts)),
            vocab_offsets: bytemuck::cast_slice(section(&self.layout.vocab_offsets)),
            blob: section(&self.layout.blob),
        }
    }

    /// Reads the contribution records and checks every invariant the queries rely on.
    fn load_structure(&mut self, header: &Header) -> Result<(), &'static str> {
        let records = &self.map[self.layout.records.clone()];
        let key = |record: &[u8], at: usize| Key32(record[at..at + 32].try_into().expect("32 bytes"));
        let number = |record: &[u8], at: usize| u64::from_le_bytes(record[at..at + 8].try_into().expect("8 bytes"));
        let parsed: Vec<(Contribution, u64)> = records
            .chunks_exact(RECORD_LEN)
            .map(|r| {
                let c = Contribution {
                    id: key(r, 0),
                    contributor: key(r, 32),
                    content_hash: key(r, 64),
                    words: 0,
                    label: String::new(),
                    accepted_seq: number(r, 104),
                    covered_words: number(r, 112),
                    mostly_covered: number(r, 120) == FLAG_MOSTLY_COVERED,
                };
                (c, number(r, 96))
            })
            .collect();
        if parsed.is_empty() {
            return Err("no contributions");
        }
        if !is_increasing(parsed.iter().map(|(c, _)| c.id), true) {
            return Err("contributions not sorted by id");
        }
        if records.chunks_exact(RECORD_LEN).any(|r| number(r, 120) & !FLAG_MOSTLY_COVERED != 0) {
            return Err("unknown contribution flags");
        }
        let (mut contributions, doc_starts): (Vec<Contribution>, Vec<u64>) = parsed.into_iter().unzip();
        // The labels: C + 1 offsets into a UTF-8 blob.
        let label_offsets: &[u64] = bytemuck::cast_slice(&self.map[self.layout.label_offsets.clone()]);
        let label_blob = &self.map[self.layout.labels.clone()];
        if label_offsets.first() != Some(&0)
            || label_offsets.last() != Some(&(label_blob.len() as u64))
            || !is_increasing(label_offsets.iter(), false)
        {
            return Err("label offsets out of order");
        }
        for (c, w) in contributions.iter_mut().zip(label_offsets.windows(2)) {
            let label =
                std::str::from_utf8(&label_blob[w[0] as usize..w[1] as usize]).map_err(|_| "label not UTF-8")?;
            c.label = label.to_owned();
        }
        let v = self.view();
        let vocabulary = header.vocabulary as usize;
        let n = v.text.len();
        // The text: ids in range, one separator at the end of each contribution; each word's
        // count in the indexed contributions (not mostly covered), and whether the text has it.
        let mut counts = vec![0u64; vocabulary + 1];
        let mut present = vec![false; vocabulary + 1];
        let mut doc = 0;
        for (pos, &id) in v.text.iter().enumerate() {
            *present.get_mut(id as usize).ok_or("word id out of range")? = true;
            if id != SEPARATOR && !contributions.get(doc).is_some_and(|c| c.mostly_covered) {
                counts[id as usize] += 1;
            }
            if id == SEPARATOR {
                let start = doc_starts.get(doc).copied().unwrap_or(u64::MAX);
                let end = doc_starts.get(doc + 1).map_or(n as u64, |&next| next);
                if end != pos as u64 + 1 || start > pos as u64 {
                    return Err("separators disagree with the contribution records");
                }
                contributions[doc].words = pos as u64 - start;
                doc += 1;
            }
        }
        if doc != contributions.len() || doc_starts[0] != 0 {
            return Err("separators disagree with the contribution records");
        }
        if contributions
            .iter()
            .any(|c| c.covered_words > c.words || c.mostly_covered != mostly_covered(c.covered_words, c.words))
        {
            return Err("coverage disagrees with the contribution's words");
        }
        // The vocabulary: sorted, distinct, non-empty UTF-8 words.
        if v.vocab_offsets.first() != Some(&0)
            || v.vocab_offsets.last() != Some(&(v.blob.len() as u64))
            || !is_increasing(v.vocab_offsets.iter(), true)
        {
            return Err("word offsets out of order");
        }
        let words = v.vocab_offsets.windows(2).map(|w| &v.blob[w[0] as usize..w[1] as usize]);
        if !is_increasing(words.clone(), true) || words.clone().any(|w| std::str::from_utf8(w).is_err()) {
            return Err("vocabulary not sorted UTF-8 words");
        }
        // Word starts: the prefix sums of the counts, up to the suffix array's length; every word
        // in the text.
        if v.word_starts.first() != Some(&0)
            || v.word_starts.last() != Some(&(v.suffixes.len() as u64))
            || v.word_starts.windows(2).zip(&counts[1..]).any(|(w, &count)| w[1].checked_sub(w[0]) != Some(count))
            || present[1..].contains(&false)
        {
            return Err("word counts disagree with the text");
        }
        if v.suffixes.iter().any(|&s| s as usize >= n) {
            return Err("suffix array entry out of range");
        }
        self.total_words = v.suffixes.len() as u64;
        self.contributions = contributions;
        self.doc_starts = doc_starts;
        Ok(())
    }

    /// Refuses a set of shards that is not a partition: the same index given twice (by the same
    /// file, whatever the path spelling), or two indexes holding one contribution (a copy, or
    /// overlapping shards), which would count its words and spans twice.
    pub fn check_disjoint(shards: &[&Index]) -> Result<()> {
        let canonical = |i: &Index| std::fs::canonicalize(&i.path).unwrap_or_else(|_| i.path.clone());
        let mut files = std::collections::BTreeSet::new();
        for shard in shards {
            if !files.insert(canonical(shard)) {
                return Err(Error::IndexGivenTwice(shard.path.clone()));
            }
        }
        let mut holder: std::collections::BTreeMap<Key32, &Path> = std::collections::BTreeMap::new();
        for shard in shards {
            for c in &shard.contributions {
                if let Some(first) = holder.insert(c.id, &shard.path) {
                    return Err(Error::SharedContribution {
                        id: c.id,
                        first: first.into(),
                        second: shard.path.clone(),
                    });
                }
            }
        }
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The contributions, sorted by id.
    pub fn contributions(&self) -> &[Contribution] {
        &self.contributions
    }

    /// Words in the corpus that queries search: those of the contributions that are not mostly
    /// covered.
    pub fn total_words(&self) -> u64 {
        self.total_words
    }

    /// The id of a normalised word, 0 (never matched) when the corpus lacks it.
    fn word_id(v: &View<'_>, word: &str) -> u32 {
        let (mut lo, mut hi) = (0, v.vocab_offsets.len() - 1);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let entry = &v.blob[v.vocab_offsets[mid] as usize..v.vocab_offsets[mid + 1] as usize];
            match entry.cmp(word.as_bytes()) {
                Ordering::Less => lo = mid + 1,
                Ordering::Greater => hi = mid,
                Ordering::Equal => return mid as u32 + 1,
            }
        }
        SEPARATOR
    }

    /// This shard's part of attributing `text`.
    pub fn query(&self, text: &str, params: &Params) -> Result<ShardMatches> {
        params.check()?;
        let v = self.view();
        let mut ids = Vec::new();
        for_each_word(text, |word, _| ids.push(Self::word_id(&v, word)));
        let word_counts = ids
            .iter()
            .map(|&id| match id {
                SEPARATOR => 0,
                id => v.word_starts[id as usize] - v.word_starts[id as usize - 1],
            })
            .collect();
        let spans = self.maximal_spans(&v, &ids, params);
        Ok(ShardMatches { normaliser: NORMALISER_VERSION, total_words: self.total_words, word_counts, spans })
    }

    /// The spans `ids[i..i + L(i)]` with L(i) ≥ `min_span_words` and L(i − 1) ≤ L(i), where L(i) is
    /// the length of the longest prefix of `ids[i..]` that occurs in one contribution: exactly the
    /// maximal intervals of the output that occur in the shard. Positions are visited right to
    /// left, and L(i) ≤ L(i + 1) + 1 skips the searches that cannot reach the minimum.
    fn maximal_spans(&self, v: &View<'_>, ids: &[u32], params: &Params) -> Vec<ShardSpan> {
        let m = params.min_span_words;
        // lens[i] is L(i), or an upper bound of it when below m.
        let mut lens = vec![0; ids.len() + 1];
        let mut candidates = Vec::new();
        for i in (0..ids.len()).rev() {
            let bound = lens[i + 1] + 1;
            if bound < m {
                lens[i] = bound;
                continue;
            }
            let (len, range) = longest_match(v, &ids[i..]);
            lens[i] = len;
            if len >= m {
                candidates.push((i, len, range));
            }
        }
        candidates
            .into_iter()
            .rev()
            .filter(|&(i, len, _)| i == 0 || lens[i - 1] <= len)
            .map(|(start, len, range)| {
                let found = self.contributions_in(v, range, params.max_contributions_per_span);
                ShardSpan { start, len, too_common: found.is_none(), contributions: found.unwrap_or_default() }
            })
            .collect()
    }

    /// The distinct contributions of the suffixes in `range`, sorted; `None` when they have more
    /// than `max` distinct contributors.
    fn contributions_in(&self, v: &View<'_>, range: Range<usize>, max: usize) -> Option<Vec<ContributionRef>> {
        let mut docs = BTreeSet::new();
        let mut contributors = BTreeSet::new();
        for &pos in &v.suffixes[range] {
            let doc = self.doc_starts.partition_point(|&start| start <= u64::from(pos)) - 1;
            if docs.insert(doc) && contributors.insert(self.contributions[doc].contributor) && contributors.len() > max
            {
                return None;
            }
        }
        Some(
            docs.into_iter()
                .map(|d| {
                    let c = &self.contributions[d];
                    ContributionRef { id: c.id, contributor: c.contributor, accepted_seq: c.accepted_seq }
                })
                .collect(),
        )
    }
}

/// The longest prefix of `pattern` that occurs in the text, and its suffix array interval.
fn longest_match(v: &View<'_>, pattern: &[u32]) -> (usize, Range<usize>) {
    let first = pattern[0] as usize;
    if first == SEPARATOR as usize {
        return (0, 0..0);
    }
    let (mut lo, mut hi) = (v.word_starts[first - 1] as usize, v.word_starts[first] as usize);
    if lo == hi {
        // Only mostly covered contributions have the word.
        return (0, 0..0);
    }
    let mut len = 1;
    // Narrow the interval one word at a time while several suffixes remain.
    while hi - lo > 1 && len < pattern.len() && pattern[len] != SEPARATOR {
        let (c, depth) = (pattern[len], len);
        let key = |&s: &u32| v.text.get(s as usize + depth).copied().unwrap_or(SEPARATOR);
        let interval = &v.suffixes[lo..hi];
        let from = interval.partition_point(|s| key(s) < c);
        let to = from + interval[from..].partition_point(|s| key(s) == c);
        if from == to {
            return (len, lo..hi);
        }
        (lo, hi) = (lo + from, lo + to);
        len += 1;
    }
    // One suffix left: compare word by word.
    if hi - lo == 1 {
        let pos = v.suffixes[lo] as usize;
        while len < pattern.len() && pattern[len] != SEPARATOR && v.text.get(pos + len) == Some(&pattern[len]) {
            len += 1;
        }
    }
    (len, lo..hi)
}
