//! Building an index from a datanet version's contributions.
use crate::format::{
    mostly_covered, Header, Layout, COVER_SPAN_WORDS, FLAG_MOSTLY_COVERED, FORMAT_VERSION, HEADER_LEN, SEPARATOR,
};
use crate::normalize::{for_each_word, NORMALISER_VERSION};
use crate::{Error, Key32, Result};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use libsais::suffix_array::AlphabetSize;
use libsais::SuffixArrayConstruction;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fs::{self, File};
use std::io::{BufWriter, IsTerminal, Seek, SeekFrom, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};

/// One contribution of a datanet version: its file must hash to `content_hash`.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ContributionSource {
    pub id: Key32,
    pub contributor: Key32,
    pub content_hash: Key32,
    pub path: PathBuf,
    /// What results call it (stored in the index); none by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Its place in the datanet's order of acceptance (on chain, the contribution's
    /// `accepted_seq`); by default its position in the list given to [`build_index`] (a
    /// manifest's order). Ties are broken by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted_seq: Option<u64>,
}

#[derive(Deserialize)]
struct Manifest {
    contributions: Vec<ContributionSource>,
}

/// Reads a manifest `{"contributions": [{"id", "contributor", "content_hash", "path"}, ...]}`
/// (keys in hex; optional `"label"` and `"accepted_seq"`); relative paths are taken from the
/// manifest's folder.
pub fn load_manifest(path: &Path) -> Result<Vec<ContributionSource>> {
    let text = fs::read_to_string(path).map_err(|source| Error::Io { path: path.into(), source })?;
    let manifest: Manifest =
        serde_json::from_str(&text).map_err(|e| Error::Manifest { path: path.into(), message: e.to_string() })?;
    let folder = path.parent().unwrap_or(Path::new(""));
    Ok(manifest.contributions.into_iter().map(|c| ContributionSource { path: folder.join(&c.path), ..c }).collect())
}

/// The contributions of a folder of plain files, without a manifest: every regular file under
/// `folder` (recursively, in path order; names starting with `.` skipped), its content hash its
/// sha256, its id the same hash, its contributor `contributor` (default: its id, so that each file
/// is its own claimant), its label its path inside the folder (`/`-separated), its acceptance
/// sequence number its place in path order. Two files with the same contents are refused, naming
/// both.
pub fn load_folder(folder: &Path, contributor: Option<Key32>) -> Result<Vec<ContributionSource>> {
    let mut files = Vec::new();
    let mut pending = vec![folder.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = fs::read_dir(&dir).map_err(|source| Error::Io { path: dir.clone(), source })?;
        for entry in entries {
            let entry = entry.map_err(|source| Error::Io { path: dir.clone(), source })?;
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let kind = entry.file_type().map_err(|source| Error::Io { path: path.clone(), source })?;
            if kind.is_dir() {
                pending.push(path);
            } else if fs::metadata(&path).map(|m| m.is_file()).unwrap_or(false) {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut seen: std::collections::BTreeMap<Key32, PathBuf> = std::collections::BTreeMap::new();
    let mut sources = Vec::with_capacity(files.len());
    for (seq, path) in (0..).zip(files) {
        let content = fs::read(&path).map_err(|source| Error::Io { path: path.clone(), source })?;
        let hash = Key32(Sha256::digest(&content).into());
        if let Some(first) = seen.insert(hash, path.clone()) {
            return Err(Error::SameContents { first, second: path });
        }
        let relative = path.strip_prefix(folder).unwrap_or(&path);
        let label = relative.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
        sources.push(ContributionSource {
            id: hash,
            contributor: contributor.unwrap_or(hash),
            content_hash: hash,
            path,
            label: Some(label),
            accepted_seq: Some(seq),
        });
    }
    Ok(sources)
}

#[derive(Clone, Debug)]
pub struct BuildOptions {
    /// Draw progress bars on stderr.
    pub progress: bool,
}

impl Default for BuildOptions {
    /// Progress bars when stderr is a terminal.
    fn default() -> Self {
        BuildOptions { progress: std::io::stderr().is_terminal() }
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct BuildSummary {
    pub contributions: u64,
    /// Contributions mostly covered by contributions accepted before them: kept in the index,
    /// never matched (see `docs/proof-of-attribution.md`).
    pub mostly_covered: u64,
    /// Words in the corpus (separators not counted), mostly covered contributions included.
    pub words: u64,
    pub vocabulary: u64,
    pub corpus_bytes: u64,
    pub index_bytes: u64,
}

/// Indexes `contributions` into the file `out`. Every file is first checked against its expected
/// sha256 (and for UTF-8); any failure names the contribution and leaves `out` untouched. The
/// records are sorted by id, so the index depends on the order of `contributions` only through
/// the acceptance sequence numbers it gives those without one. Contributions mostly covered by
/// earlier-accepted ones are flagged and left out of the suffix array.
pub fn build_index(contributions: &[ContributionSource], out: &Path, options: &BuildOptions) -> Result<BuildSummary> {
    let mut sources: Vec<(&ContributionSource, u64)> =
        contributions.iter().zip(0..).map(|(c, position)| (c, c.accepted_seq.unwrap_or(position))).collect();
    sources.sort_by_key(|(c, _)| c.id);
    let (sources, accepted): (Vec<&ContributionSource>, Vec<u64>) = sources.into_iter().unzip();
    if sources.is_empty() {
        return Err(Error::NoContributions);
    }
    if let Some(pair) = sources.windows(2).find(|pair| pair[0].id == pair[1].id) {
        return Err(Error::DuplicateContribution(pair[0].id));
    }
    let corpus_bytes = verify_contents(&sources, options)?;
    let corpus = tokenise(&sources, corpus_bytes, options)?;
    let mut sa = suffix_array(corpus.text, corpus.vocabulary.len(), sources.len(), options)?;
    let covered = covered_words(&sa, &corpus.doc_starts, &accepted);
    let records: Vec<Record> = (0..sources.len())
        .map(|d| {
            let start = corpus.doc_starts[d];
            let words = corpus.doc_starts.get(d + 1).map_or(sa.text.len() as u64, |&next| next) - 1 - start;
            Record {
                start,
                words,
                accepted_seq: accepted[d],
                covered_words: covered[d],
                mostly_covered: mostly_covered(covered[d], words),
            }
        })
        .collect();
    sa.drop_mostly_covered(&records);
    let word_starts = sa.word_starts(&records, corpus.vocabulary.len());
    let index_bytes = write_index(out, &sources, &records, &corpus.vocabulary, &sa, &word_starts)?;
    Ok(BuildSummary {
        contributions: sources.len() as u64,
        mostly_covered: records.iter().filter(|r| r.mostly_covered).count() as u64,
        words: (sa.text.len() - sources.len()) as u64,
        vocabulary: corpus.vocabulary.len() as u64,
        corpus_bytes,
        index_bytes,
    })
}

/// A contribution's record in the index, besides its source.
struct Record {
    /// Text position of its first word.
    start: u64,
    words: u64,
    accepted_seq: u64,
    covered_words: u64,
    mostly_covered: bool,
}

fn progress_bar(options: &BuildOptions, len: u64, what: &'static str) -> ProgressBar {
    let target = if options.progress { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() };
    let bar = ProgressBar::with_draw_target(Some(len), target).with_message(what);
    bar.set_style(
        ProgressStyle::with_template("{msg:>10} [{bar:40}] {bytes}/{total_bytes} ({bytes_per_sec}, {eta})")
            .expect("a valid template")
            .progress_chars("=> "),
    );
    bar
}

fn read_contribution(c: &ContributionSource) -> Result<Vec<u8>> {
    fs::read(&c.path).map_err(|source| Error::ContributionRead { id: c.id, path: c.path.clone(), source })
}

/// Checks every file's hash and encoding; returns the corpus size in bytes.
fn verify_contents(sources: &[&ContributionSource], options: &BuildOptions) -> Result<u64> {
    let bar = progress_bar(options, sources.len() as u64, "verifying");
    bar.set_style(ProgressStyle::with_template("{msg:>10} [{bar:40}] {pos}/{len} files").expect("a valid template"));
    let mut bytes = 0;
    for c in sources {
        let content = read_contribution(c)?;
        let actual = Key32(Sha256::digest(&content).into());
        if actual != c.content_hash {
            return Err(Error::ContributionHash { id: c.id, path: c.path.clone(), expected: c.content_hash, actual });
        }
        if std::str::from_utf8(&content).is_err() {
            return Err(Error::ContributionNotUtf8 { id: c.id, path: c.path.clone() });
        }
        bytes += content.len() as u64;
        bar.inc(1);
    }
    bar.finish_and_clear();
    Ok(bytes)
}

struct Corpus {
    /// Word ids (sorted vocabulary order, from 1) with a separator after each contribution.
    text: Vec<i32>,
    /// The words, sorted bytewise; word `vocabulary[i]` has id `i + 1`.
    vocabulary: Vec<String>,
    doc_starts: Vec<u64>,
}

fn tokenise(sources: &[&ContributionSource], corpus_bytes: u64, options: &BuildOptions) -> Result<Corpus> {
    let bar = progress_bar(options, corpus_bytes, "reading");
    // Ids in order of first appearance here, renumbered in sorted order below.
    let mut ids: FxHashMap<String, i32> = FxHashMap::default();
    let mut text: Vec<i32> = Vec::with_capacity((corpus_bytes / 5) as usize + sources.len());
    let mut doc_starts = Vec::with_capacity(sources.len());
    for c in sources {
        let content = read_contribution(c)?;
        let content =
            String::from_utf8(content).map_err(|_| Error::ContributionNotUtf8 { id: c.id, path: c.path.clone() })?;
        doc_starts.push(text.len() as u64);
        for_each_word(&content, |word, _| {
            let next = ids.len() as i32 + 1;
            let id = match ids.get(word) {
                Some(&id) => id,
                None => *ids.entry(word.to_owned()).or_insert(next),
            };
            text.push(id);
        });
        text.push(SEPARATOR as i32);
        if text.len() > i32::MAX as usize {
            return Err(Error::CorpusTooLarge(text.len() as u64));
        }
        bar.inc(content.len() as u64);
    }
    bar.finish_and_clear();
    let mut vocabulary: Vec<(String, i32)> = ids.into_iter().collect();
    vocabulary.sort_unstable();
    let mut renumber = vec![0; vocabulary.len() + 1];
    for (rank, (_, first_seen)) in vocabulary.iter().enumerate() {
        renumber[*first_seen as usize] = rank as i32 + 1;
    }
    for id in &mut text {
        *id = renumber[*id as usize];
    }
    Ok(Corpus { text, vocabulary: vocabulary.into_iter().map(|(w, _)| w).collect(), doc_starts })
}

struct Suffixes {
    text: Vec<i32>,
    /// The suffix array without the suffixes that begin with a separator.
    suffixes: Vec<i32>,
}

impl Suffixes {
    /// Leaves the words of mostly covered contributions out of the array (which stays sorted).
    fn drop_mostly_covered(&mut self, records: &[Record]) {
        let dropped: Vec<Range<i32>> =
            records.iter().filter(|r| r.mostly_covered).map(|r| r.start as i32..(r.start + r.words) as i32).collect();
        if !dropped.is_empty() {
            self.suffixes.retain(|&s| {
                let i = dropped.partition_point(|d| d.end <= s);
                i == dropped.len() || s < dropped[i].start
            });
        }
    }

    /// Suffix array position where each word's suffixes begin, and the total at the end: the
    /// prefix sums of the words' counts in the contributions that are not mostly covered.
    fn word_starts(&self, records: &[Record], vocabulary: usize) -> Vec<u64> {
        let mut counts = vec![0u64; vocabulary + 1];
        for r in records.iter().filter(|r| !r.mostly_covered) {
            for &id in &self.text[r.start as usize..(r.start + r.words) as usize] {
                counts[id as usize] += 1;
            }
        }
        let mut starts = Vec::with_capacity(vocabulary + 1);
        let mut total = 0;
        starts.push(total);
        for count in &counts[1..] {
            total += count;
            starts.push(total);
        }
        starts
    }
}

/// For each contribution (record order), its words in a run of at least [`COVER_SPAN_WORDS`]
/// words that also occurs in a contribution accepted before it (by sequence number, then id).
/// Suffixes sharing their first [`COVER_SPAN_WORDS`] words are adjacent in the suffix array: in
/// each such group, the occurrences outside the earliest-accepted contribution of the group are
/// copied. One pass over the array (reading each suffix's first words; a binary search for the
/// contribution of each suffix in a group) and one over the text.
fn covered_words(sa: &Suffixes, doc_starts: &[u64], accepted: &[u64]) -> Vec<u64> {
    const SPAN: usize = COVER_SPAN_WORDS;
    let text = &sa.text;
    let doc_of = |pos: usize| doc_starts.partition_point(|&start| start <= pos as u64) - 1;
    let rank = |doc: usize| (accepted[doc], doc);
    // The first `SPAN` words from a position, if no separator comes first.
    let gram = |pos: i32| -> Option<[i32; SPAN]> {
        let words: [i32; SPAN] = text.get(pos as usize..pos as usize + SPAN)?.try_into().ok()?;
        (!words.contains(&(SEPARATOR as i32))).then_some(words)
    };
    // Bit p: the `SPAN` words from text position p occur in an earlier-accepted contribution.
    let mut copied = vec![0u64; text.len().div_ceil(64)];
    let mut group: Vec<usize> = Vec::new();
    let mut close = |group: &mut Vec<usize>| {
        if group.len() > 1 {
            let docs: Vec<usize> = group.iter().map(|&p| doc_of(p)).collect();
            let earliest = docs.iter().map(|&d| rank(d)).min().expect("a group");
            for (&p, &d) in group.iter().zip(&docs) {
                if rank(d) > earliest {
                    copied[p / 64] |= 1 << (p % 64);
                }
            }
        }
        group.clear();
    };
    // The words are read a block of suffixes at a time, in a tight loop whose scattered reads the
    // processor overlaps.
    let mut grams = Vec::with_capacity(4096);
    let mut last = None;
    for block in sa.suffixes.chunks(4096) {
        grams.clear();
        grams.extend(block.iter().map(|&s| gram(s)));
        for (&s, &g) in block.iter().zip(&grams) {
            if g.is_none() || g != last {
                close(&mut group);
            }
            if g.is_some() {
                group.push(s as usize);
            }
            last = g;
        }
    }
    close(&mut group);
    // A word is covered when a copied run of `SPAN` words starting at or before it reaches it.
    let mut covered = vec![0; doc_starts.len()];
    let (mut doc, mut reach) = (0, 0);
    for (pos, &id) in text.iter().enumerate() {
        if copied[pos / 64] >> (pos % 64) & 1 == 1 {
            reach = pos + SPAN;
        }
        if id == SEPARATOR as i32 {
            doc += 1;
        } else if pos < reach {
            covered[doc] += 1;
        }
    }
    covered
}

fn suffix_array(
    mut text: Vec<i32>,
    vocabulary: usize,
    contributions: usize,
    options: &BuildOptions,
) -> Result<Suffixes> {
    let spinner = progress_bar(options, 0, "sorting");
    spinner.set_style(ProgressStyle::with_template("{msg:>10} {spinner} {elapsed}").expect("a valid template"));
    spinner.enable_steady_tick(std::time::Duration::from_millis(200));
    let construction = SuffixArrayConstruction::for_text_mut(&mut text).in_owned_buffer32().single_threaded();
    // SAFETY: every id is in 0..=vocabulary (separator 0, words 1..=vocabulary), none negative.
    let construction = unsafe { construction.with_alphabet_size(AlphabetSize::new(vocabulary as i32 + 1)) };
    let mut suffixes = construction.run().map_err(|e| Error::SuffixArray(format!("{e:?}")))?.into_vec();
    spinner.finish_and_clear();
    // The separators' suffixes sort first; queries never start at a separator.
    suffixes.drain(..contributions);
    Ok(Suffixes { text, suffixes })
}

/// Counts and hashes what passes through it.
struct HashingWriter<W: Write> {
    inner: W,
    hasher: Sha256,
    written: u64,
}

impl<W: Write> HashingWriter<W> {
    fn put(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.inner.write_all(bytes)?;
        self.hasher.update(bytes);
        self.written += bytes.len() as u64;
        Ok(())
    }

    fn pad(&mut self) -> std::io::Result<()> {
        let padding = (8 - (self.written % 8) as usize) % 8;
        self.put(&[0; 8][..padding])
    }
}

fn write_index(
    out: &Path,
    sources: &[&ContributionSource],
    records: &[Record],
    vocabulary: &[String],
    sa: &Suffixes,
    word_starts: &[u64],
) -> Result<u64> {
    let (file, partial) = temporary_beside(out)?;
    // Removes the temporary file unless it was renamed into place.
    let mut guard = RemoveOnDrop(Some(partial.clone()));
    let io_error = |source| Error::Io { path: partial.clone(), source };
    let mut w = HashingWriter { inner: BufWriter::with_capacity(1 << 20, file), hasher: Sha256::new(), written: 0 };
    w.inner.write_all(&[0; HEADER_LEN]).map_err(io_error)?;
    let write_payload = |w: &mut HashingWriter<BufWriter<File>>| -> std::io::Result<()> {
        for (c, r) in sources.iter().zip(records) {
            w.put(&c.id.0)?;
            w.put(&c.contributor.0)?;
            w.put(&c.content_hash.0)?;
            let flags = if r.mostly_covered { FLAG_MOSTLY_COVERED } else { 0 };
            for value in [r.start, r.accepted_seq, r.covered_words, flags] {
                w.put(&value.to_le_bytes())?;
            }
        }
        w.pad()?;
        let mut offset = 0u64;
        w.put(&offset.to_le_bytes())?;
        for word in vocabulary {
            offset += word.len() as u64;
            w.put(&offset.to_le_bytes())?;
        }
        w.pad()?;
        w.put(bytemuck::cast_slice(word_starts))?;
        w.pad()?;
        w.put(bytemuck::cast_slice(&sa.text))?;
        w.pad()?;
        w.put(bytemuck::cast_slice(&sa.suffixes))?;
        w.pad()?;
        for word in vocabulary {
            w.put(word.as_bytes())?;
        }
        w.pad()?;
        let mut offset = 0u64;
        w.put(&offset.to_le_bytes())?;
        for c in sources {
            offset += c.label.as_deref().map_or(0, str::len) as u64;
            w.put(&offset.to_le_bytes())?;
        }
        w.pad()?;
        for c in sources {
            w.put(c.label.as_deref().unwrap_or("").as_bytes())?;
        }
        w.pad()
    };
    write_payload(&mut w).map_err(io_error)?;
    let header = Header {
        version: FORMAT_VERSION,
        normaliser: NORMALISER_VERSION,
        contributions: sources.len() as u64,
        vocabulary: vocabulary.len() as u64,
        text_len: sa.text.len() as u64,
        blob_len: vocabulary.iter().map(|w| w.len() as u64).sum(),
        payload_len: w.written,
        checksum: w.hasher.finalize().into(),
        label_blob_len: sources.iter().map(|c| c.label.as_deref().map_or(0, str::len) as u64).sum(),
        indexed_words: sa.suffixes.len() as u64,
    };
    debug_assert_eq!(Layout::new(&header).map(|l| l.file_len as u64), Some(HEADER_LEN as u64 + header.payload_len));
    let mut file = w.inner.into_inner().map_err(|e| io_error(e.into_error()))?;
    file.seek(SeekFrom::Start(0)).map_err(io_error)?;
    file.write_all(&header.encode()).map_err(io_error)?;
    file.sync_all().map_err(io_error)?;
    drop(file);
    fs::rename(&partial, out).map_err(|source| Error::Io { path: out.into(), source })?;
    guard.0 = None;
    Ok(HEADER_LEN as u64 + header.payload_len)
}

/// A new file of its own in `out`'s folder (so that the final rename stays on one file system
/// and is atomic): `.<out's name>.<process id>-<counter>-<nanos>.partial`, created exclusively,
/// so that concurrent builds, even into outputs whose names differ only in extension, never
/// share one.
fn temporary_beside(out: &Path) -> Result<(File, PathBuf)> {
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let folder = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "index".into());
    loop {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
        let count = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let path = folder.join(format!(".{name}.{}-{count}-{nanos}.partial", std::process::id()));
        match fs::OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(file) => return Ok((file, path)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(source) => return Err(Error::Io { path, source }),
        }
    }
}

/// Deletes a temporary file when a build fails half-way.
struct RemoveOnDrop(Option<PathBuf>);

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        if let Some(path) = self.0.take() {
            let _ = fs::remove_file(path);
        }
    }
}
