//! The on-disk index format, version [`FORMAT_VERSION`]; all integers little-endian.
//!
//! A 128-byte header: magic `POAINDEX`, format version (u32), normaliser version (u32),
//! contribution count C, vocabulary size V, text length N (words plus one separator per
//! contribution), word-blob length B, payload length (all u64), the sha256 of the payload,
//! label-blob length L, indexed word count S (u64), zeros.
//! Then the payload, each section starting on an 8-byte boundary (zero padding):
//! 1. C contribution records of 128 bytes, sorted by id: id, contributor wallet, content sha256,
//!    position of the contribution's first word in the text, its acceptance sequence number, its
//!    covered words (those in a run of [`COVER_SPAN_WORDS`] or more words found in a contribution
//!    accepted before it), flags (bit 0: mostly covered, see [`mostly_covered`]) (u64 each);
//! 2. V + 1 u64 offsets of each word in the blob (words sorted bytewise; word w has id w + 1);
//! 3. V + 1 u64 word starts: the suffix array positions where suffixes beginning with each word
//!    begin; word w occurs `starts[w + 1] − starts[w]` times in the indexed words (its count,
//!    0 for a word only mostly covered contributions have);
//! 4. the text: N u32 word ids, each contribution followed by the separator id 0;
//! 5. the suffix array of the indexed words: the S u32 positions of the words of contributions
//!    that are not mostly covered;
//! 6. the word blob: B bytes of UTF-8;
//! 7. C + 1 u64 offsets of each contribution's label in the label blob (record order);
//! 8. the label blob: L bytes of UTF-8 (a label may be empty).
//!
//! Format 2 added the labels (7, 8), format 3 the order of acceptance and the coverage (records
//! of 128 bytes, S); older files are refused (rebuild them).
use std::ops::Range;

pub(crate) const MAGIC: [u8; 8] = *b"POAINDEX";
pub(crate) const FORMAT_VERSION: u32 = 3;
pub(crate) const HEADER_LEN: usize = 128;
pub(crate) const RECORD_LEN: usize = 128;
pub(crate) const SEPARATOR: u32 = 0;
/// Runs of at least this many words count as copied (the default `min_span_words`).
pub(crate) const COVER_SPAN_WORDS: usize = 7;
pub(crate) const FLAG_MOSTLY_COVERED: u64 = 1;

/// A contribution with at least half of its words covered by contributions accepted before it is
/// mostly covered: kept in the records, left out of the suffix array (never matched, never
/// credited, its words not counted).
pub(crate) fn mostly_covered(covered_words: u64, words: u64) -> bool {
    words > 0 && 2 * covered_words >= words
}

#[cfg(not(target_endian = "little"))]
compile_error!("the index is memory-mapped as little-endian integers");

pub(crate) struct Header {
    pub version: u32,
    pub normaliser: u32,
    pub contributions: u64,
    pub vocabulary: u64,
    pub text_len: u64,
    pub blob_len: u64,
    pub payload_len: u64,
    pub checksum: [u8; 32],
    pub label_blob_len: u64,
    pub indexed_words: u64,
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(bytes[at..at + 4].try_into().expect("4 bytes"))
}

fn u64_at(bytes: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(bytes[at..at + 8].try_into().expect("8 bytes"))
}

impl Header {
    pub fn encode(&self) -> [u8; HEADER_LEN] {
        let mut out = [0; HEADER_LEN];
        out[0..8].copy_from_slice(&MAGIC);
        out[8..12].copy_from_slice(&self.version.to_le_bytes());
        out[12..16].copy_from_slice(&self.normaliser.to_le_bytes());
        let counts = [self.contributions, self.vocabulary, self.text_len, self.blob_len, self.payload_len];
        for (i, value) in counts.iter().enumerate() {
            out[16 + 8 * i..24 + 8 * i].copy_from_slice(&value.to_le_bytes());
        }
        out[56..88].copy_from_slice(&self.checksum);
        out[88..96].copy_from_slice(&self.label_blob_len.to_le_bytes());
        out[96..104].copy_from_slice(&self.indexed_words.to_le_bytes());
        out
    }

    /// Reads a header whose magic has been checked.
    pub fn decode(bytes: &[u8; HEADER_LEN]) -> Header {
        Header {
            version: u32_at(bytes, 8),
            normaliser: u32_at(bytes, 12),
            contributions: u64_at(bytes, 16),
            vocabulary: u64_at(bytes, 24),
            text_len: u64_at(bytes, 32),
            blob_len: u64_at(bytes, 40),
            payload_len: u64_at(bytes, 48),
            checksum: bytes[56..88].try_into().expect("32 bytes"),
            label_blob_len: u64_at(bytes, 88),
            indexed_words: u64_at(bytes, 96),
        }
    }
}

/// Where each section lies in the file (byte ranges from the file's start).
pub(crate) struct Layout {
    pub records: Range<usize>,
    pub vocab_offsets: Range<usize>,
    pub word_starts: Range<usize>,
    pub text: Range<usize>,
    pub suffixes: Range<usize>,
    pub blob: Range<usize>,
    pub label_offsets: Range<usize>,
    pub labels: Range<usize>,
    /// The end of the last section, padded: the whole file's length.
    pub file_len: usize,
}

impl Layout {
    /// `None` when the sizes overflow or there are more indexed words than words.
    pub fn new(h: &Header) -> Option<Layout> {
        let c = usize::try_from(h.contributions).ok()?;
        let v = usize::try_from(h.vocabulary).ok()?;
        let n = usize::try_from(h.text_len).ok()?;
        let b = usize::try_from(h.blob_len).ok()?;
        let l = usize::try_from(h.label_blob_len).ok()?;
        let indexed = usize::try_from(h.indexed_words).ok()?;
        if indexed > n.checked_sub(c)? {
            return None;
        }
        let mut at = HEADER_LEN;
        let mut section = |len: Option<usize>| -> Option<Range<usize>> {
            let start = at;
            let end = start.checked_add(len?)?;
            at = end.checked_add(7)? & !7;
            Some(start..end)
        };
        let records = section(c.checked_mul(RECORD_LEN))?;
        let vocab_offsets = section(v.checked_add(1)?.checked_mul(8))?;
        let word_starts = section(v.checked_add(1)?.checked_mul(8))?;
        let text = section(n.checked_mul(4))?;
        let suffixes = section(indexed.checked_mul(4))?;
        let blob = section(Some(b))?;
        let label_offsets = section(c.checked_add(1)?.checked_mul(8))?;
        let labels = section(Some(l))?;
        Some(Layout { records, vocab_offsets, word_starts, text, suffixes, blob, label_offsets, labels, file_len: at })
    }
}
