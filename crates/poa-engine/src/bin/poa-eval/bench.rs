//! The benchmark → target/bench/attribution.json and docs/attribution-bench.md.
use crate::cases::{Rng, Words};
use crate::corpus::{self, key};
use poa_engine::{attribute, build_index, load_manifest, BuildOptions, ContributionSource, Index, Key32, Params};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

const SIZES_MB: [usize; 3] = [1, 10, 100];
const GENERATED_PART_BYTES: usize = 8_000;
const OUTPUT_WORDS: [usize; 2] = [100, 1000];
const QUERIES: usize = 200;

#[derive(Serialize, Deserialize)]
pub struct BuildRun {
    seconds: f64,
    peak_rss_bytes: u64,
    summary: poa_engine::BuildSummary,
}

#[derive(Serialize)]
struct Latency {
    output_words: usize,
    queries: usize,
    p50_ms: f64,
    p99_ms: f64,
}

#[derive(Serialize)]
struct SizeResult {
    target_mb: usize,
    real_bytes: u64,
    generated_bytes: u64,
    build: BuildRun,
    build_mb_per_s: f64,
    index_bytes_per_corpus_byte: f64,
    peak_rss_bytes_per_corpus_byte: f64,
    latency: Vec<Latency>,
}

fn peak_rss_bytes() -> u64 {
    let status = fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok());
    kb.unwrap_or(0) * 1024
}

/// The child process: builds one index and prints its time and peak memory as JSON.
pub fn build_one(manifest: &Path, out: &Path) {
    let sources = load_manifest(manifest).expect("a manifest");
    let started = Instant::now();
    let summary = build_index(&sources, out, &BuildOptions::default()).expect("build the index");
    let run = BuildRun { seconds: started.elapsed().as_secs_f64(), peak_rss_bytes: peak_rss_bytes(), summary };
    println!("{}", serde_json::to_string(&run).unwrap());
}

/// Text drawn from the corpus's own word-pair statistics: each next word follows a random
/// occurrence of the current one.
struct Generator<'a> {
    tokens: Vec<&'a str>,
    occurrences: HashMap<&'a str, Vec<u32>>,
}

impl<'a> Generator<'a> {
    fn new(texts: impl Iterator<Item = &'a str>) -> Generator<'a> {
        let tokens: Vec<&str> = texts.flat_map(str::split_whitespace).collect();
        let mut occurrences: HashMap<&str, Vec<u32>> = HashMap::new();
        for (i, t) in tokens.iter().enumerate() {
            occurrences.entry(t).or_default().push(i as u32);
        }
        Generator { tokens, occurrences }
    }

    fn text(&self, rng: &mut Rng, bytes: usize) -> String {
        let mut out = String::with_capacity(bytes + 64);
        let mut at = rng.below(self.tokens.len());
        let mut words = 0;
        while out.len() < bytes {
            let token = self.tokens[at];
            out.push_str(token);
            words += 1;
            out.push(if words % 12 == 0 { '\n' } else { ' ' });
            let seen = &self.occurrences[token];
            let next = seen[rng.below(seen.len())] as usize + 1;
            at = if next < self.tokens.len() { next } else { rng.below(self.tokens.len()) };
        }
        out
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1]
}

pub fn run(repo: &Path) {
    let source = corpus::fetch(repo);
    let datanets = corpus::datanets(&source);
    let real: Vec<&corpus::Contribution> = datanets.iter().flat_map(|d| &d.contributions).collect();
    let folder = repo.join("target/poa-bench");
    let files = folder.join("corpus");
    fs::create_dir_all(&files).expect("create target/poa-bench/corpus");
    let mut rng = Rng(7);

    // All sizes share one list: the real contributions first, then generated ones.
    let generator = Generator::new(real.iter().map(|c| c.text.as_str()));
    let mut sources: Vec<(ContributionSource, bool)> = Vec::new();
    let mut total = 0;
    let target_bytes = SIZES_MB[SIZES_MB.len() - 1] * 1_000_000;
    for c in &real {
        let path = files.join(c.source.path.file_name().unwrap());
        fs::write(&path, &c.text).expect("write a contribution");
        sources.push((ContributionSource { path, ..c.source.clone() }, true));
        total += c.text.len();
    }
    let real_total = total;
    let mut part = 0;
    while total < target_bytes {
        let text = generator.text(&mut rng, GENERATED_PART_BYTES);
        let name = format!("generated-{part:06}");
        let path = files.join(format!("{name}.txt"));
        fs::write(&path, &text).expect("write a generated contribution");
        let id = key(&format!("poa-bench contribution {name}"));
        let contributor = key(&format!("poa-bench contributor {}", part % 97));
        sources.push((
            ContributionSource {
                id,
                contributor,
                content_hash: Key32(Sha256::digest(&text).into()),
                path,
                label: None,
                accepted_seq: None,
            },
            false,
        ));
        total += text.len();
        part += 1;
    }
    println!("corpus: {:.1} MB real, {:.1} MB generated", real_total as f64 / 1e6, (total - real_total) as f64 / 1e6);

    let outside = Words::new(corpus::outside_text(&source));
    let real_words: Vec<Words> = real.iter().map(|c| Words::new(c.text.clone())).collect();
    let exe = std::env::current_exe().expect("the bench's own path");
    let mut results = Vec::new();
    for mb in SIZES_MB {
        let mut bytes = 0;
        let chosen: Vec<&(ContributionSource, bool)> = sources
            .iter()
            .take_while(|(s, _)| {
                let fits = bytes < mb * 1_000_000;
                bytes += fs::metadata(&s.path).map(|m| m.len() as usize).unwrap_or(0);
                fits
            })
            .collect();
        let manifest = folder.join(format!("{mb}mb.json"));
        let list: Vec<&ContributionSource> = chosen.iter().map(|(s, _)| s).collect();
        fs::write(&manifest, serde_json::to_string(&serde_json::json!({ "contributions": list })).unwrap())
            .expect("write a manifest");
        let index_path = folder.join(format!("{mb}mb.poaidx"));
        let output =
            Command::new(&exe).arg("build-one").arg(&manifest).arg(&index_path).output().expect("run build-one");
        assert!(output.status.success(), "build-one failed: {}", String::from_utf8_lossy(&output.stderr));
        let build: BuildRun = serde_json::from_slice(&output.stdout).expect("build-one's JSON");
        let corpus_bytes = build.summary.corpus_bytes as f64;
        let real_chosen = chosen.iter().filter(|(_, r)| *r).count();
        let real_bytes: u64 = real[..real_chosen].iter().map(|c| c.text.len() as u64).sum();

        let index = Index::open(&index_path).expect("open the index");
        let params = Params::default();
        let latency = OUTPUT_WORDS
            .iter()
            .map(|&words| {
                let outputs: Vec<String> =
                    (0..QUERIES).map(|_| mixed_output(&mut rng, &real_words[..real_chosen], &outside, words)).collect();
                for o in outputs.iter().take(10) {
                    attribute(&[&index], o, &params).expect("attribute");
                }
                let mut ms: Vec<f64> = outputs
                    .iter()
                    .map(|o| {
                        let started = Instant::now();
                        attribute(&[&index], o, &params).expect("attribute");
                        started.elapsed().as_secs_f64() * 1e3
                    })
                    .collect();
                ms.sort_by(f64::total_cmp);
                Latency {
                    output_words: words,
                    queries: QUERIES,
                    p50_ms: percentile(&ms, 0.5),
                    p99_ms: percentile(&ms, 0.99),
                }
            })
            .collect();
        let result = SizeResult {
            target_mb: mb,
            real_bytes,
            generated_bytes: build.summary.corpus_bytes - real_bytes,
            build_mb_per_s: corpus_bytes / 1e6 / build.seconds,
            index_bytes_per_corpus_byte: build.summary.index_bytes as f64 / corpus_bytes,
            peak_rss_bytes_per_corpus_byte: build.peak_rss_bytes as f64 / corpus_bytes,
            build,
            latency,
        };
        println!("{mb} MB: {}", serde_json::to_string(&result).unwrap());
        results.push(result);
    }
    fs::create_dir_all(repo.join("target/bench")).expect("create target/bench");
    fs::write(repo.join("target/bench/attribution.json"), serde_json::to_string_pretty(&results).unwrap())
        .expect("write attribution.json");
    fs::write(repo.join("docs/attribution-bench.md"), report(&results)).expect("write docs/attribution-bench.md");
    println!("wrote target/bench/attribution.json and docs/attribution-bench.md");
}

/// About half quoted corpus passages of 8–40 words (with a changed word in one of four), half
/// text from outside the corpus.
fn mixed_output(rng: &mut Rng, real: &[Words], outside: &Words, words: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    while count < words {
        let len = (8 + rng.below(33)).min(words - count);
        let source = if rng.chance(50) {
            let c = &real[rng.below(real.len())];
            if c.ranges.len() < len {
                outside
            } else {
                c
            }
        } else {
            outside
        };
        let excerpt = source.random_excerpt(rng, len);
        out.push_str(excerpt);
        if rng.chance(25) {
            out.push_str(" altered");
            count += 1;
        }
        out.push(' ');
        count += len;
    }
    out
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "met"
    } else {
        "**not met**"
    }
}

fn report(results: &[SizeResult]) -> String {
    let mut md = String::new();
    let _ = writeln!(md, "# Proof of Attribution: benchmark\n");
    let _ = writeln!(
        md,
        "Written by `cargo run --release -p poa-engine --bin poa-eval -j1 -- bench` (from `crates/`) on this \
         project's 2-core machine; do not edit by hand. Raw figures: `target/bench/attribution.json`.\n"
    );
    let _ = writeln!(
        md,
        "- Corpus: the evaluation corpus (KJV + Shakespeare, see `docs/attribution-eval.md`), its contributions \
         in order up to the size; above its 9.2 MB, contributions of 8 KB **generated** from the corpus's own \
         word-pair statistics (each next whitespace token follows a random occurrence of the current one), so the \
         10 and 100 MB rows are mostly synthetic text with the real vocabulary and bigrams.\n\
         - Build: `build_index` in a child process (verification of every file's sha256, tokenising, libsais \
         single-threaded, finding the contributions mostly covered by earlier ones, writing and checksumming the \
         index); peak memory is the child's peak resident set \
         (VmHWM), the index size is the file's.\n\
         - Latency: `attribute` against the opened (memory-mapped, page-cached) index, {QUERIES} outputs per \
         length, after 10 warm-up queries; outputs are about half corpus passages of 8–40 words (a word altered \
         after a quarter of them) and half Milton.\n"
    );
    let _ = writeln!(md, "| corpus | real / generated MB | build s | build MB/s | peak RSS / corpus byte | index bytes / corpus byte | 100 words p50 / p99 ms | 1,000 words p50 / p99 ms |");
    let _ = writeln!(md, "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for r in results {
        let lat = |i: usize| format!("{:.2} / {:.2}", r.latency[i].p50_ms, r.latency[i].p99_ms);
        let _ = writeln!(
            md,
            "| {} MB | {:.1} / {:.1} | {:.2} | {:.1} | {:.2} | {:.2} | {} | {} |",
            r.target_mb,
            r.real_bytes as f64 / 1e6,
            r.generated_bytes as f64 / 1e6,
            r.build.seconds,
            r.build_mb_per_s,
            r.peak_rss_bytes_per_corpus_byte,
            r.index_bytes_per_corpus_byte,
            lat(0),
            lat(1),
        );
    }
    let largest = &results[results.len() - 1];
    let _ = writeln!(md, "\n## Targets\n\n| target | measured | result |\n| --- | --- | --- |");
    let min_build = results.iter().map(|r| r.build_mb_per_s).fold(f64::INFINITY, f64::min);
    let max_index = results.iter().map(|r| r.index_bytes_per_corpus_byte).fold(0.0, f64::max);
    let _ = writeln!(md, "| build ≥ 20 MB/s | {min_build:.1} MB/s (slowest size) | {} |", verdict(min_build >= 20.0));
    let _ = writeln!(
        md,
        "| ≤ 6 bytes of index per corpus byte | {max_index:.2} (largest) | {} |",
        verdict(max_index <= 6.0)
    );
    let p50 = largest.latency[1].p50_ms;
    let _ = writeln!(md, "| 1,000-word output ≤ 10 ms p50 at 100 MB | {p50:.2} ms | {} |", verdict(p50 <= 10.0));
    md
}
