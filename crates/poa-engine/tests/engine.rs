//! The engine end to end on the committed sample (`testdata/poa/sample`: KJV chapters and
//! Shakespeare acts in three datanets, and Milton as text outside the corpus), and against a
//! brute force on random corpora.
use poa_engine::{
    allocate_attributed, allocate_epoch, attribute, build_index, load_manifest, merge, records_hash, BuildOptions,
    ContributionSource, EpochRecord, Error, Index, Key32, Params, PPM,
};
use sha2::{Digest, Sha256};
use std::fs;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

const DATANETS: [&str; 3] = ["kjv-old-testament", "kjv-new-testament", "shakespeare"];

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/poa/sample")
}

fn manifest(datanet: &str) -> Vec<ContributionSource> {
    load_manifest(&sample().join(format!("{datanet}.json"))).unwrap()
}

fn quiet() -> BuildOptions {
    BuildOptions { progress: false }
}

fn build(dir: &Path, name: &str, sources: &[ContributionSource]) -> Index {
    let path = dir.join(name);
    build_index(sources, &path, &quiet()).unwrap();
    Index::open(&path).unwrap()
}

/// A datanet's contributions accepted in the manifest's order, said explicitly.
fn in_order(mut sources: Vec<ContributionSource>) -> Vec<ContributionSource> {
    for (seq, c) in (0..).zip(&mut sources) {
        c.accepted_seq = Some(seq);
    }
    sources
}

/// The three datanets as shards, and one index over all of them (each contribution keeping its
/// place in its datanet's order).
fn indexes(dir: &Path) -> (Vec<Index>, Index) {
    let shards = DATANETS.iter().map(|d| build(dir, d, &manifest(d))).collect();
    let all: Vec<ContributionSource> = DATANETS.iter().flat_map(|d| in_order(manifest(d))).collect();
    (shards, build(dir, "all", &all))
}

fn id_of(datanet: &str, name: &str) -> Key32 {
    let path = PathBuf::from(format!("{datanet}/{name}.txt"));
    manifest(datanet).into_iter().find(|c| c.path.ends_with(&path)).unwrap().id
}

fn read(datanet: &str, name: &str) -> String {
    fs::read_to_string(sample().join(datanet).join(format!("{name}.txt"))).unwrap()
}

fn outside() -> String {
    fs::read_to_string(sample().join("outside.txt")).unwrap()
}

/// `count` words of `text` from word `from`, as written there.
fn excerpt(text: &str, from: usize, count: usize) -> String {
    let words = poa_engine::normalize::words(text);
    text[words[from].1.start..words[from + count - 1].1.end].to_string()
}

fn ids(attribution: &poa_engine::Attribution) -> Vec<Key32> {
    attribution.contributions.iter().map(|c| c.id).collect()
}

fn sum_ppm(a: &poa_engine::Attribution) -> u64 {
    a.contributions.iter().map(|c| c.ppm).sum::<u64>() + a.unattributed_ppm
}

#[test]
fn planted_passages_are_found_exactly_and_perturbed() {
    let dir = TempDir::new().unwrap();
    let (_, all) = indexes(dir.path());
    let ruth = excerpt(&read("kjv-old-testament", "ruth-001"), 200, 32);
    let hamlet = excerpt(&read("shakespeare", "hamlet-03"), 1000, 16);
    let filler = outside();
    let output = format!(
        "{} {ruth} {} {hamlet} {}",
        excerpt(&filler, 0, 40),
        excerpt(&filler, 500, 30),
        excerpt(&filler, 900, 20)
    );
    let a = attribute(&[&all], &output, &Params::default()).unwrap();
    let mut expected = vec![id_of("kjv-old-testament", "ruth-001"), id_of("shakespeare", "hamlet-03")];
    expected.sort();
    assert_eq!(ids(&a), expected);
    assert_eq!(a.spans.len(), 2);
    assert_eq!(a.spans[0].text, ruth);
    assert_eq!((a.spans[0].start, a.spans[0].end), (40, 72));
    assert_eq!(a.spans[1].text, hamlet);
    assert_eq!(sum_ppm(&a), PPM);
    assert!(a.unattributed_ppm > 300_000 && a.unattributed_ppm < 900_000, "{}", a.unattributed_ppm);

    // Case, punctuation and whitespace do not matter; a changed word splits the span.
    let words: Vec<String> = ruth.split_whitespace().map(|w| w.to_uppercase()).collect();
    let perturbed = format!("{} ;; {}\n\n{}", words[..12].join("\t"), "Xyzzy", words[13..].join(" ,  "));
    let b = attribute(&[&all], &perturbed, &Params::default()).unwrap();
    assert_eq!(ids(&b), [id_of("kjv-old-testament", "ruth-001")]);
    assert!(b.unattributed_ppm < 100_000, "{}", b.unattributed_ppm);
}

#[test]
fn text_outside_the_corpus_is_unattributed() {
    let dir = TempDir::new().unwrap();
    let (shards, _) = indexes(dir.path());
    let shards: Vec<&Index> = shards.iter().collect();
    let filler = outside();
    for from in (0..5000).step_by(250) {
        let a = attribute(&shards, &excerpt(&filler, from, 200), &Params::default()).unwrap();
        assert!(a.unattributed_ppm >= 950_000, "from word {from}: {a:?}");
        assert_eq!(sum_ppm(&a), PPM);
    }
    let empty = attribute(&shards, " ... ", &Params::default()).unwrap();
    assert_eq!((empty.words, empty.unattributed_ppm, empty.contributions.len()), (0, PPM, 0));
}

fn outputs() -> Vec<String> {
    let filler = outside();
    let texts =
        [("kjv-old-testament", "genesis-001"), ("kjv-new-testament", "john-003"), ("shakespeare", "macbeth-02")];
    (0..24)
        .map(|i| {
            let (d, n) = texts[i % 3];
            let source = read(d, n);
            let quoted = excerpt(&source, 7 * i, 8 + 3 * i);
            let common = "and the lord said unto moses and he said unto them";
            format!(
                "{} {quoted} {common} {}",
                excerpt(&filler, 40 * i, 10 + i),
                excerpt(&read(texts[(i + 1) % 3].0, texts[(i + 1) % 3].1), 50, 1 + 5 * i)
            )
        })
        .collect()
}

fn records() -> Vec<EpochRecord> {
    outputs()
        .into_iter()
        .enumerate()
        .map(|(i, output)| EpochRecord {
            request_id: Key32(Sha256::digest(format!("request {i}")).into()),
            model: Key32([1 + (i % 2) as u8; 32]),
            output,
            fee: 1_000_003 * (i as u64 + 1),
        })
        .collect()
}

#[test]
fn sharded_equals_unsharded_and_threads_do_not_matter() {
    let dir = TempDir::new().unwrap();
    let (shards, all) = indexes(dir.path());
    let shards: Vec<&Index> = shards.iter().collect();
    let params = Params::default();
    for output in outputs() {
        let one = attribute(&[&all], &output, &params).unwrap();
        let many = attribute(&shards, &output, &params).unwrap();
        assert_eq!(serde_json::to_string(&one).unwrap(), serde_json::to_string(&many).unwrap());
        // Shard results travel as JSON between machines.
        let remote: Vec<_> = shards
            .iter()
            .map(|s| {
                serde_json::from_str(&serde_json::to_string(&s.query(&output, &params).unwrap()).unwrap()).unwrap()
            })
            .collect();
        assert_eq!(merge(&output, &remote, &params).unwrap(), one);
    }
    let records = records();
    let total = records.iter().map(|r| r.fee).sum();
    let reference = allocate_epoch(&[&all], 7, total, &records, &params, 1).unwrap();
    for threads in [2, 3, 8] {
        let other = allocate_epoch(&shards, 7, total, &records, &params, threads).unwrap();
        assert_eq!(serde_json::to_vec(&other).unwrap(), serde_json::to_vec(&reference).unwrap());
    }
}

#[test]
fn epoch_allocation_adds_up_and_every_claim_verifies() {
    let dir = TempDir::new().unwrap();
    let (shards, _) = indexes(dir.path());
    let shards: Vec<&Index> = shards.iter().collect();
    let records = records();
    let total: u64 = records.iter().map(|r| r.fee).sum();
    let e = allocate_epoch(&shards, 7, total, &records, &Params::default(), 2).unwrap();
    assert_eq!(e.attributed + e.unattributed, total);
    assert_eq!(e.claims.iter().map(|c| c.amount).sum::<u64>(), e.attributed);
    assert!(e.attributed > 0 && e.unattributed > 0);
    for (record, allocation) in records.iter().zip(&e.records) {
        assert_eq!(allocation.shares.iter().map(|s| s.amount).sum::<u64>() + allocation.unattributed, record.fee);
    }
    assert_eq!(e.records.iter().map(|r| r.unattributed).sum::<u64>(), e.unattributed);
    // One claim per (model, contribution), never per wallet: a leaf names what earned it.
    let mut keys: Vec<(Key32, Key32)> = e.claims.iter().map(|c| (c.model, c.contribution)).collect();
    let n = keys.len();
    keys.dedup();
    assert_eq!(keys.len(), n);
    assert!(keys.windows(2).all(|w| w[0] < w[1]));
    for c in &e.claims {
        assert_eq!(c.leaf.0, poa_merkle::leaf(&c.model.0, 7, &c.contribution.0, c.amount));
        let proof: Vec<[u8; 32]> = c.proof.iter().map(|k| k.0).collect();
        assert!(poa_merkle::verify(&e.root.0, &c.leaf.0, &proof));
    }
    let chain = records.iter().fold([0; 32], |h, r| {
        poa_merkle::records_hash_next(&h, &r.request_id.0, &poa_merkle::output_hash(r.output.as_bytes()), r.fee)
    });
    assert_eq!(e.records_hash, Key32(chain));
    assert_eq!(records_hash(&records), e.records_hash);
}

/// The chain accepts a request id twice (records are numbered by position), so the engine does
/// too: the epoch allocates every record, and the records hash still tells the two apart.
#[test]
fn a_repeated_request_id_does_not_block_the_epoch() {
    let dir = TempDir::new().unwrap();
    let (shards, _) = indexes(dir.path());
    let shards: Vec<&Index> = shards.iter().collect();
    let records = records();
    let mut twice = records.clone();
    twice[3].request_id = twice[1].request_id;
    let total: u64 = records.iter().map(|r| r.fee).sum();
    let once = allocate_epoch(&shards, 7, total, &records, &Params::default(), 1).unwrap();
    let e = allocate_epoch(&shards, 7, total, &twice, &Params::default(), 1).unwrap();
    assert_eq!(e.records.len(), records.len());
    assert_eq!((e.attributed, e.root), (once.attributed, once.root));
    assert_ne!(e.records_hash, once.records_hash);
}

#[test]
fn epoch_input_errors_are_named() {
    let records = records();
    let total: u64 = records.iter().map(|r| r.fee).sum();
    assert!(matches!(
        allocate_attributed(1, total + 1, &records, &[]),
        Err(Error::FeesDoNotSumToTotal { total: t, .. }) if t == total + 1
    ));
    assert!(matches!(allocate_attributed(1, total, &records, &[]), Err(Error::AttributionCount { .. })));
    let bad = Params { min_span_words: 0, ..Params::default() };
    let dir = TempDir::new().unwrap();
    let index = build(dir.path(), "nt", &manifest("kjv-new-testament"));
    assert!(matches!(attribute(&[&index], "text", &bad), Err(Error::Params(_))));
    assert!(matches!(attribute(&[], "text", &Params::default()), Err(Error::Params(_))));
}

/// The records are sorted by id: the list's order only matters as the default order of
/// acceptance, which the index keeps.
#[test]
fn the_index_depends_on_the_list_only_through_the_order_of_acceptance() {
    let dir = TempDir::new().unwrap();
    let mut sources = manifest("shakespeare");
    let a = dir.path().join("a");
    build_index(&sources, &a, &quiet()).unwrap();
    let explicit = in_order(sources.clone());
    let b = dir.path().join("b");
    build_index(&explicit.iter().rev().cloned().collect::<Vec<_>>(), &b, &quiet()).unwrap();
    assert_eq!(fs::read(&a).unwrap(), fs::read(&b).unwrap());
    sources.reverse();
    let c = dir.path().join("c");
    let summary = build_index(&sources, &c, &quiet()).unwrap();
    assert_ne!(fs::read(&a).unwrap(), fs::read(&c).unwrap());
    assert_eq!(summary.index_bytes, fs::metadata(&c).unwrap().len());
    assert_eq!((summary.contributions, summary.mostly_covered), (sources.len() as u64, 0));
    let index = Index::open(&c).unwrap();
    for (position, source) in sources.iter().enumerate() {
        let held = index.contributions().iter().find(|c| c.id == source.id).unwrap();
        assert_eq!(held.accepted_seq, position as u64);
    }
    assert_eq!(index.total_words(), summary.words);
    assert_eq!(index.contributions().iter().map(|c| c.words).sum::<u64>(), summary.words);
}

#[test]
fn bad_contributions_are_named_and_nothing_is_written() {
    let dir = TempDir::new().unwrap();
    let out = dir.path().join("index");
    let mut sources = manifest("kjv-new-testament");
    let victim = sources[2].id;

    sources[2].content_hash = Key32([9; 32]);
    let err = build_index(&sources, &out, &quiet()).unwrap_err();
    assert!(matches!(err, Error::ContributionHash { id, .. } if id == victim));
    assert!(err.to_string().contains(&victim.to_string()), "{err}");

    sources[2] = manifest("kjv-new-testament")[2].clone();
    sources[2].path = dir.path().join("missing.txt");
    assert!(matches!(build_index(&sources, &out, &quiet()), Err(Error::ContributionRead { id, .. }) if id == victim));

    let latin1 = dir.path().join("latin1.txt");
    fs::write(&latin1, b"caf\xe9").unwrap();
    sources[2].path = latin1;
    sources[2].content_hash = Key32(Sha256::digest(b"caf\xe9").into());
    assert!(
        matches!(build_index(&sources, &out, &quiet()), Err(Error::ContributionNotUtf8 { id, .. }) if id == victim)
    );

    sources[2] = sources[1].clone();
    assert!(matches!(build_index(&sources, &out, &quiet()), Err(Error::DuplicateContribution(_))));
    assert!(matches!(build_index(&[], &out, &quiet()), Err(Error::NoContributions)));
    assert!(!out.exists());
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "only latin1.txt");
}

#[test]
fn damaged_indexes_are_refused() {
    let dir = TempDir::new().unwrap();
    let good = dir.path().join("good");
    build_index(&manifest("kjv-new-testament"), &good, &quiet()).unwrap();
    let bytes = fs::read(&good).unwrap();
    let open = |name: &str, content: &[u8]| {
        let path = dir.path().join(name);
        fs::write(&path, content).unwrap();
        Index::open(&path).err().expect("refused")
    };
    // A flipped bit anywhere in the payload.
    for at in [128, 200, bytes.len() / 3, bytes.len() / 2, bytes.len() - 1] {
        let mut damaged = bytes.clone();
        damaged[at] ^= 0x10;
        assert!(matches!(open("flipped", &damaged), Error::ChecksumMismatch(_)), "byte {at}");
    }
    assert!(matches!(open("truncated", &bytes[..bytes.len() - 8]), Error::Truncated { .. }));
    assert!(matches!(open("header only", &bytes[..100]), Error::Truncated { .. }));
    let mut longer = bytes.clone();
    longer.extend_from_slice(&[0; 8]);
    assert!(matches!(open("longer", &longer), Error::Corrupt { .. }));
    assert!(matches!(open("foreign", b"{\"contributions\": []}"), Error::NotAnIndex(_)));
    assert!(matches!(open("empty", b""), Error::NotAnIndex(_)));
    let mut future = bytes.clone();
    future[8] = 4;
    assert!(matches!(open("future", &future), Error::UnsupportedVersion { .. }));
    // Format 2 (before the order of acceptance and the coverage) is refused, saying so.
    let mut older = bytes.clone();
    older[8] = 2;
    let err = open("format 2", &older);
    assert!(matches!(err, Error::UnsupportedVersion { .. }), "{err}");
    assert!(err.to_string().contains("index format 2 (normaliser 1), this build reads format 3"), "{err}");
    let mut huge = bytes.clone();
    huge[32..40].copy_from_slice(&u64::MAX.to_le_bytes());
    assert!(matches!(open("huge", &huge), Error::Corrupt { .. }));
    assert!(matches!(Index::open(&dir.path().join("absent")), Err(Error::Io { .. })));
}

/// A small deterministic generator (splitmix64).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) % n as u64) as usize
    }

    /// Up to `max_len` words drawn from `alphabet` words.
    fn words(&mut self, max_len: usize, alphabet: usize) -> Vec<String> {
        let len = self.below(max_len + 1);
        (0..len).map(|_| format!("w{}", self.below(alphabet))).collect()
    }
}

fn occurs(piece: &[String], doc: &[String]) -> bool {
    doc.windows(piece.len()).any(|w| w == piece)
}

/// The maximal spans by definition: for each start, the longest prefix found in an indexed
/// document.
fn brute_force_spans(
    docs: &[Vec<String>],
    indexed: &[bool],
    output: &[String],
    min: usize,
) -> Vec<(usize, usize, Vec<usize>)> {
    let searched: Vec<usize> = (0..docs.len()).filter(|&d| indexed[d]).collect();
    let longest: Vec<usize> = (0..output.len())
        .map(|i| {
            (0..=output.len() - i)
                .rev()
                .find(|&l| l == 0 || searched.iter().any(|&d| occurs(&output[i..i + l], &docs[d])))
                .unwrap()
        })
        .collect();
    (0..output.len())
        .filter(|&i| longest[i] >= min && (i == 0 || longest[i - 1] <= longest[i]))
        .map(|i| {
            let piece = &output[i..i + longest[i]];
            (i, i + longest[i], searched.iter().copied().filter(|&d| occurs(piece, &docs[d])).collect())
        })
        .collect()
}

/// Each document's covered words by definition: those inside a run of 7 words that a document
/// earlier in `order` (acceptance sequence number, id) contains. Only `members` count.
fn brute_force_covered(docs: &[Vec<String>], order: &[(u64, Key32)], members: &[usize]) -> Vec<u64> {
    (0..docs.len())
        .map(|d| {
            let copied =
                |s: usize| members.iter().any(|&e| order[e] < order[d] && occurs(&docs[d][s..s + 7], &docs[e]));
            let starts: Vec<usize> = (0..(docs[d].len() + 1).saturating_sub(7)).filter(|&s| copied(s)).collect();
            (0..docs[d].len()).filter(|&i| starts.iter().any(|&s| s <= i && i < s + 7)).count() as u64
        })
        .collect()
}

#[test]
fn spans_and_coverage_match_a_brute_force_on_random_corpora() {
    let mut rng = Rng(42);
    let dir = TempDir::new().unwrap();
    let params = Params { min_span_words: 3, max_contributions_per_span: 1000 };
    let (mut flagged, mut shards_agree) = (0, 0);
    for round in 0..16 {
        let alphabet = 2 + round % 4;
        let docs: Vec<Vec<String>> = (0..2 + rng.below(6)).map(|_| rng.words(40, alphabet)).collect();
        let sources: Vec<ContributionSource> = docs
            .iter()
            .enumerate()
            .map(|(d, words)| {
                let path = dir.path().join(format!("r{round}-d{d}.txt"));
                let text = words.join(" ");
                fs::write(&path, &text).unwrap();
                ContributionSource {
                    id: Key32(Sha256::digest(format!("doc {d}")).into()),
                    contributor: Key32([d as u8; 32]),
                    content_hash: Key32(Sha256::digest(&text).into()),
                    path,
                    label: None,
                    // Few numbers, so that ties (broken by id) occur.
                    accepted_seq: Some(rng.below(3) as u64),
                }
            })
            .collect();
        let order: Vec<(u64, Key32)> = sources.iter().map(|c| (c.accepted_seq.unwrap(), c.id)).collect();
        let split = 1 + rng.below(sources.len() - 1);
        let all: Vec<usize> = (0..docs.len()).collect();
        let (first, second) = all.split_at(split);
        // Coverage, and so which documents are searched, within each index.
        let indexed_by = |groups: &[&[usize]]| {
            let mut indexed = vec![false; docs.len()];
            for group in groups {
                let covered = brute_force_covered(&docs, &order, group);
                for &d in *group {
                    indexed[d] = 2 * covered[d] < docs[d].len() as u64 || docs[d].is_empty();
                }
            }
            indexed
        };
        let (indexed, indexed_in_parts) = (indexed_by(&[&all]), indexed_by(&[first, second]));
        let whole = build(dir.path(), &format!("r{round}"), &sources);
        let covered = brute_force_covered(&docs, &order, &all);
        for (d, source) in sources.iter().enumerate() {
            let held = whole.contributions().iter().find(|c| c.id == source.id).unwrap();
            assert_eq!((held.covered_words, held.mostly_covered), (covered[d], !indexed[d]), "round {round}, doc {d}");
        }
        flagged += indexed.iter().filter(|&&i| !i).count();
        let parts = [
            build(dir.path(), &format!("r{round}a"), &sources[..split]),
            build(dir.path(), &format!("r{round}b"), &sources[split..]),
        ];
        shards_agree += usize::from(indexed == indexed_in_parts);
        for _ in 0..10 {
            let output = rng.words(30, alphabet + 1);
            let text = output.join(" ");
            // Spans and their contributions; each credited to one of them (which one: unit tests).
            let expected = |indexed: &[bool]| -> Vec<(usize, usize, Vec<Key32>)> {
                brute_force_spans(&docs, indexed, &output, 3)
                    .into_iter()
                    .map(|(s, e, ds)| {
                        let mut ids: Vec<Key32> = ds.iter().map(|&d| sources[d].id).collect();
                        ids.sort();
                        (s, e, ids)
                    })
                    .collect()
            };
            let spans = |a: &poa_engine::Attribution| -> Vec<(usize, usize, Vec<Key32>)> {
                assert!(a.spans.iter().all(|s| s.credited.len() == 1 && s.contributions.contains(&s.credited[0])));
                a.spans.iter().map(|s| (s.start, s.end, s.contributions.clone())).collect()
            };
            let a = attribute(&[&whole], &text, &params).unwrap();
            assert_eq!(spans(&a), expected(&indexed), "round {round}: {text}");
            let sharded = attribute(&[&parts[0], &parts[1]], &text, &params).unwrap();
            assert_eq!(spans(&sharded), expected(&indexed_in_parts), "round {round}: {text}");
            if indexed == indexed_in_parts {
                assert_eq!(sharded, a);
            }
            assert_eq!(sum_ppm(&a), PPM);
        }
    }
    // Both cases occurred.
    assert!(flagged > 0 && shards_agree > 0, "{flagged} flagged, {shards_agree} rounds whose shards agree");
}

/// Two builds at once into outputs whose names differ only in extension: each output is its own
/// index (they once shared one temporary file, `<out>.partial`), and no temporary file is left.
#[test]
fn concurrent_builds_into_outputs_differing_in_extension_keep_their_own_index() {
    let all = manifest("kjv-old-testament");
    let (a_sources, b_sources) = (all.clone(), all[..all.len() - 1].to_vec());
    let ids = |sources: &[ContributionSource]| {
        let mut ids: Vec<Key32> = sources.iter().map(|c| c.id).collect();
        ids.sort();
        ids
    };
    for round in 0..8 {
        let dir = TempDir::new().unwrap();
        let (a, b) = (dir.path().join("corpus.idx"), dir.path().join("corpus.bin"));
        std::thread::scope(|s| {
            let built_a = s.spawn(|| build_index(&a_sources, &a, &quiet()).unwrap());
            let built_b = s.spawn(|| build_index(&b_sources, &b, &quiet()).unwrap());
            assert_eq!(built_a.join().unwrap().contributions, a_sources.len() as u64);
            assert_eq!(built_b.join().unwrap().contributions, b_sources.len() as u64);
        });
        for (path, sources) in [(&a, &a_sources), (&b, &b_sources)] {
            let index = Index::open(path).unwrap();
            let held: Vec<Key32> = index.contributions().iter().map(|c| c.id).collect();
            assert_eq!(held, ids(sources), "round {round}: {} is another build's index", path.display());
        }
        let mut left: Vec<String> =
            fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        left.sort();
        assert_eq!(left, ["corpus.bin", "corpus.idx"], "round {round}: no temporary file left");
    }
}

/// The same index twice, or two indexes sharing a contribution, would count its words and spans
/// twice: refused, naming the files.
#[test]
fn shards_that_are_not_disjoint_are_refused() {
    let dir = TempDir::new().unwrap();
    let nt = build(dir.path(), "nt", &manifest("kjv-new-testament"));
    let ot = build(dir.path(), "ot", &manifest("kjv-old-testament"));
    let again = Index::open(&dir.path().join("nt")).unwrap();
    fs::copy(dir.path().join("nt"), dir.path().join("nt-copy")).unwrap();
    let copy = Index::open(&dir.path().join("nt-copy")).unwrap();
    let part = build(dir.path(), "part", &manifest("kjv-new-testament")[..2]);
    assert!(Index::check_disjoint(&[&nt, &ot]).is_ok());
    assert!(matches!(Index::check_disjoint(&[&nt, &ot, &again]), Err(Error::IndexGivenTwice(p)) if p.ends_with("nt")));
    for other in [&copy, &part] {
        let err = Index::check_disjoint(&[&nt, other]).unwrap_err();
        assert!(matches!(err, Error::SharedContribution { .. }), "{err}");
    }
    let records = vec![EpochRecord { request_id: Key32([1; 32]), model: Key32([2; 32]), output: outside(), fee: 10 }];
    let err = allocate_epoch(&[&nt, &copy], 0, 10, &records, &Params::default(), 1).unwrap_err();
    assert!(err.to_string().contains("both hold contribution"), "{err}");
}

/// Labels given at build are stored in the index; a folder's files are labelled by their path
/// and accepted in its order.
#[test]
fn labels_are_stored_in_the_index_and_folders_label_their_files() {
    let dir = TempDir::new().unwrap();
    let mut sources = manifest("kjv-new-testament");
    sources[0].label = Some("first — ünïcode".into());
    let index = build(dir.path(), "labelled", &sources);
    let label = |id: Key32| index.contributions().iter().find(|c| c.id == id).unwrap().label.clone();
    assert_eq!(label(sources[0].id), "first — ünïcode");
    assert_eq!(label(sources[1].id), "", "unlabelled");

    let folder = sample().join("kjv-new-testament");
    let found = poa_engine::load_folder(&folder, None).unwrap();
    assert_eq!(found.len(), manifest("kjv-new-testament").len());
    // Accepted in file-name order.
    assert!(found.windows(2).all(|w| w[0].path < w[1].path));
    assert!(found.iter().zip(0..).all(|(c, seq)| c.accepted_seq == Some(seq)));
    for c in &found {
        let content = fs::read(&c.path).unwrap();
        assert_eq!(
            (c.id, c.contributor, c.content_hash),
            (c.content_hash, c.content_hash, Key32(Sha256::digest(&content).into()))
        );
        assert_eq!(c.label.as_deref(), c.path.file_name().and_then(|n| n.to_str()));
    }
    let index = build(dir.path(), "folder", &found);
    assert!(index.contributions().iter().all(|c| c.label.ends_with(".txt")));
}

/// `text` written into `dir` as a contribution of `contributor`, accepted `seq`-th.
fn written(dir: &Path, name: &str, text: &str, contributor: Key32, seq: u64) -> ContributionSource {
    let path = dir.join(format!("{name}.txt"));
    fs::write(&path, text).unwrap();
    ContributionSource {
        id: Key32(Sha256::digest(name).into()),
        contributor,
        content_hash: Key32(Sha256::digest(text).into()),
        path,
        label: Some(name.into()),
        accepted_seq: Some(seq),
    }
}

/// An anthology of two chapters accepted after them: bare, it is mostly covered (never matched,
/// its words not counted); padded with more original text than it copies, it is searched but
/// every span it shares with them goes to the earlier chapters. Accepted before them, it is they
/// that are mostly covered.
#[test]
fn an_anthology_never_takes_what_it_copies_from_earlier_contributions() {
    let dir = TempDir::new().unwrap();
    let honest = in_order(manifest("kjv-old-testament"));
    let later = honest.len() as u64;
    let (genesis, ruth) = (read("kjv-old-testament", "genesis-001"), read("kjv-old-testament", "ruth-001"));
    let (genesis_id, ruth_id) = (id_of("kjv-old-testament", "genesis-001"), id_of("kjv-old-testament", "ruth-001"));
    let filler = outside();
    let sybil = Key32([0xee; 32]);
    let bare = written(dir.path(), "anthology", &format!("{genesis}\n{ruth}"), sybil, later);
    let padding = (excerpt(&filler, 0, 1100), excerpt(&filler, 1100, 1100));
    let padded =
        written(dir.path(), "padded", &format!("{}\n{genesis}\n{}\n{ruth}", padding.0, padding.1), sybil, later + 1);
    let output = format!(
        "{} {} {} {} {}",
        excerpt(&filler, 3000, 30),
        excerpt(&genesis, 200, 20),
        excerpt(&filler, 3100, 30),
        excerpt(&ruth, 100, 20),
        excerpt(&filler, 3200, 30)
    );
    let params = Params::default();
    let without = attribute(&[&build(dir.path(), "honest", &honest)], &output, &params).unwrap();
    let mut expected = vec![genesis_id, ruth_id];
    expected.sort();
    assert_eq!(ids(&without), expected);

    let index = build(dir.path(), "bare", &[honest.clone(), vec![bare.clone()]].concat());
    let held = |index: &Index, id: Key32| index.contributions().iter().find(|c| c.id == id).unwrap().clone();
    let anthology = held(&index, bare.id);
    assert!(anthology.mostly_covered && anthology.covered_words == anthology.words, "{anthology:?}");
    assert!(!held(&index, ruth_id).mostly_covered);
    // Never matched, its words not counted: the result is the one without it.
    assert_eq!(attribute(&[&index], &output, &params).unwrap(), without);

    let index = build(dir.path(), "padded", &[honest.clone(), vec![padded.clone()]].concat());
    let anthology = held(&index, padded.id);
    assert!(!anthology.mostly_covered && anthology.covered_words > anthology.words / 3, "{anthology:?}");
    let a = attribute(&[&index], &output, &params).unwrap();
    assert_eq!(ids(&a), expected);
    assert!(a.spans.iter().all(|s| s.contributions.contains(&padded.id) && s.credited != [padded.id]), "{a:?}");

    // Accepted first, the anthology is the original: the chapters are the copies.
    let first = ContributionSource { accepted_seq: Some(0), ..bare.clone() };
    let shifted: Vec<ContributionSource> = honest
        .iter()
        .map(|c| ContributionSource { accepted_seq: c.accepted_seq.map(|s| s + 1), ..c.clone() })
        .collect();
    let index = build(dir.path(), "anthology first", &[shifted, vec![first]].concat());
    assert!(held(&index, genesis_id).mostly_covered && held(&index, ruth_id).mostly_covered);
    assert!(!held(&index, bare.id).mostly_covered);
    assert_eq!(ids(&attribute(&[&index], &output, &params).unwrap()), [bare.id]);
}

/// Ten near-copies of a passage accepted after it: bare, they are mostly covered; padded with
/// original text by one wallet, they are one more contributor, so the passage stays evidence and
/// goes to its author. Padded by ten wallets, they make it a common phrase: the known limit
/// (docs/proof-of-attribution.md), which gives the copies nothing either.
#[test]
fn near_copies_neither_capture_a_passage_nor_make_it_common_unless_from_many_wallets() {
    let dir = TempDir::new().unwrap();
    let honest = in_order(manifest("kjv-old-testament"));
    let later = honest.len() as u64;
    let ruth = read("kjv-old-testament", "ruth-001");
    let ruth_id = id_of("kjv-old-testament", "ruth-001");
    let filler = outside();
    let words: Vec<String> = excerpt(&ruth, 0, 200).split_whitespace().map(str::to_uppercase).collect();
    let near_copy = |k: usize| {
        let mut copy = words.clone();
        copy[150 + k] = "xyzzy".into();
        copy.join(" ")
    };
    let output = format!("{} {} {}", excerpt(&filler, 4500, 30), excerpt(&ruth, 20, 40), excerpt(&filler, 4600, 30));
    let params = Params::default();
    let copies = |padded: bool, wallets: usize| -> Vec<ContributionSource> {
        (0..10)
            .map(|k| {
                let text = if padded {
                    format!(
                        "{}\n{}\n{}",
                        excerpt(&filler, 400 * k, 200),
                        near_copy(k),
                        excerpt(&filler, 400 * k + 200, 200)
                    )
                } else {
                    near_copy(k)
                };
                let wallet = Key32([0xe0 + (k % wallets) as u8; 32]);
                written(dir.path(), &format!("copy {padded} {wallets} {k}"), &text, wallet, later + k as u64)
            })
            .collect()
    };
    for (padded, wallets, flagged, common) in
        [(false, 1, 10, false), (false, 10, 10, false), (true, 1, 0, false), (true, 10, 0, true)]
    {
        let sources = [honest.clone(), copies(padded, wallets)].concat();
        let path = dir.path().join(format!("index {padded} {wallets}"));
        let summary = build_index(&sources, &path, &quiet()).unwrap();
        assert_eq!(summary.mostly_covered, flagged);
        let a = attribute(&[&Index::open(&path).unwrap()], &output, &params).unwrap();
        let case = format!("padded {padded}, {wallets} wallets: {a:?}");
        if common {
            assert!(a.common_spans > 0 && a.contributions.is_empty(), "{case}");
        } else {
            assert_eq!((a.common_spans, ids(&a)), (0, vec![ruth_id]), "{case}");
        }
    }
}
