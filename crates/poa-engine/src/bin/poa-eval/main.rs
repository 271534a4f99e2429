//! `poa-eval`: the Proof of Attribution evaluation and benchmark (release mode, from `crates/`):
//!
//! * `cargo run --release -p poa-engine --bin poa-eval -j1 -- eval`: planted-passage precision,
//!   recall and MRR against BM25 and 8-gram Jaccard, negative controls, copy attacks →
//!   `docs/attribution-eval.md`
//! * `cargo run --release -p poa-engine --bin poa-eval -j1 -- bench`: index build throughput and
//!   memory, attribution latency at 1, 10 and 100 MB → `target/bench/attribution.json`,
//!   `docs/attribution-bench.md`
//! * `cargo run -p poa-engine --bin poa-eval -j1 -- sample`: rewrites the test suite's sample
//!   corpus `testdata/poa/sample`
//!
//! The corpus is fetched by `crates/poa-engine/eval/fetch-corpus.sh` on first use.
mod attacks;
mod baselines;
mod bench;
mod cases;
mod corpus;
mod eval;

use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("the repository root")
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let repo = repo();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["eval"] => eval::run(&repo),
        ["bench"] => bench::run(&repo),
        ["build-one", manifest, out] => bench::build_one(Path::new(manifest), Path::new(out)),
        ["sample"] => sample(&repo),
        _ => {
            eprintln!("usage: poa-eval eval | bench | sample | build-one MANIFEST INDEX");
            std::process::exit(2);
        }
    }
}

/// Books, chapters and works kept in the committed sample.
const SAMPLE: &[&str] = &["genesis-00", "ruth-", "psalms-00", "psalms-01", "john-00", "hamlet-", "macbeth-"];
const SAMPLE_OUTSIDE_BYTES: usize = 40_000;

fn sample(repo: &Path) {
    let source = corpus::fetch(repo);
    let mut datanets = corpus::datanets(&source);
    for d in &mut datanets {
        d.contributions.retain(|c| SAMPLE.iter().any(|prefix| c.name.starts_with(prefix)));
    }
    let folder = repo.join("testdata/poa/sample");
    let _ = std::fs::remove_dir_all(&folder);
    let manifests = corpus::write(&folder, &datanets);
    let outside = corpus::outside_text(&source);
    let cut = outside.char_indices().map(|(i, _)| i).find(|&i| i >= SAMPLE_OUTSIDE_BYTES).unwrap_or(outside.len());
    std::fs::write(folder.join("outside.txt"), &outside[..cut]).expect("write outside.txt");
    for m in manifests {
        println!("{}", m.display());
    }
}
