//! The copy attacks of issue 15, on the evaluation corpus: contributions accepted after honest
//! ones that copy them (an anthology of two, ten near-copies of a passage), bare or padded with
//! original text, and an epoch repeating a request id → the "Attacks" section of
//! docs/attribution-eval.md.
use crate::cases::{perturb, Rng, Words};
use crate::corpus::{key, Datanet};
use poa_engine::{allocate_epoch, build_index, BuildOptions, ContributionSource, EpochRecord, Index, Key32, Params};
use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// The datanet the copies join (they are accepted after all its contributions).
const DATANET: &str = "shakespeare";
/// The two acts the anthology concatenates.
const ANTHOLOGY_OF: [&str; 2] = ["hamlet-03", "macbeth-02"];
/// The act whose passage is near-copied, the passage's first word and length.
const PASSAGE_OF: (&str, usize, usize) = ("tempest-02", 500, 300);
const COPIES: usize = 10;
const OUTPUTS: usize = 40;
const FEE: u64 = 1_000_000;
/// The honest and the attackers' shares with the copies, measured by this evaluation with the
/// engine of commit 1d55fe3, before copies were flagged and spans went to their first author.
const BEFORE: [(f64, f64); 6] =
    [(0.0000, 0.3303), (0.0000, 0.3306), (0.0200, 0.1661), (0.0200, 0.1661), (0.0223, 0.1872), (0.0223, 0.1872)];

/// One attack: honest and attacking wallets' shares of the epoch's fees (outputs quoting the
/// honest passages), with the copies and without them.
pub struct Outcome {
    pub name: &'static str,
    /// Part of the targets: the honest share with the copies must be at least the share without
    /// (the bare copies; padded ones add words to the corpus, which lowers the weight of the
    /// honest passage's words).
    pub target: bool,
    pub copies: usize,
    /// Copies the index found mostly covered.
    pub mostly_covered: usize,
    pub honest_without: f64,
    pub honest: f64,
    pub attacker: f64,
}

/// Copies (text, contributor) and the outputs quoting what they copy, by `honest` wallets;
/// `target` as in [`Outcome`].
struct Attack<'a> {
    name: &'static str,
    target: bool,
    copies: Vec<(String, Key32)>,
    outputs: &'a [String],
    honest: &'a [Key32],
}

pub struct Attacks {
    pub outcomes: Vec<Outcome>,
    /// What `allocate_epoch` made of an epoch whose fourth record repeats the second's request id.
    pub repeated_id: Result<usize, String>,
}

/// Takes consecutive runs of a text, so that no two padded copies share their padding.
struct Padding {
    words: Words,
    at: usize,
}

impl Padding {
    fn take(&mut self, count: usize) -> String {
        let text = self.words.excerpt(self.at, count).to_string();
        self.at += count;
        text
    }
}

/// Words `from..until` of `text` (until its end without `until`).
fn cut(text: &Words, from: usize, until: Option<usize>) -> Words {
    let end = until.map_or(text.text.len(), |u| text.ranges[u].start);
    Words::new(text.text[text.ranges[from].start..end].to_string())
}

/// A random run of `shortest..=longest` words of `text`.
fn run_of<'a>(rng: &mut Rng, text: &'a Words, shortest: usize, longest: usize) -> &'a str {
    let len = shortest + rng.below(longest - shortest + 1);
    text.random_excerpt(rng, len)
}

/// `count` outputs, each quoting a run of 16–48 words of each of `sources` between runs of
/// 20–59 words of `filler`.
fn outputs(rng: &mut Rng, sources: &[&Words], filler: &Words, count: usize) -> Vec<String> {
    (0..count)
        .map(|_| {
            let mut output = run_of(rng, filler, 20, 59).to_string();
            for source in sources {
                let quote = run_of(rng, source, 16, 48);
                output = format!("{output} {quote} {}", run_of(rng, filler, 20, 59));
            }
            output
        })
        .collect()
}

fn records(outputs: &[String]) -> Vec<EpochRecord> {
    outputs
        .iter()
        .enumerate()
        .map(|(i, output)| EpochRecord {
            request_id: key(&format!("poa-eval attack request {i}")),
            model: Key32([1; 32]),
            output: output.clone(),
            fee: FEE,
        })
        .collect()
}

/// The shares of the epoch's fees paid to `honest` and to `attackers`.
fn shares(shards: &[&Index], outputs: &[String], honest: &[Key32], attackers: &[Key32]) -> (f64, f64) {
    let records = records(outputs);
    let total = FEE * records.len() as u64;
    let epoch = allocate_epoch(shards, 0, total, &records, &Params::default(), 2).expect("allocate the epoch");
    let paid = |wallets: &[Key32]| {
        let amount: u64 = epoch
            .records
            .iter()
            .flat_map(|r| &r.shares)
            .filter(|s| wallets.contains(&s.contributor))
            .map(|s| s.amount)
            .sum();
        amount as f64 / total as f64
    };
    (paid(honest), paid(attackers))
}

fn sybil(k: usize) -> Key32 {
    key(&format!("poa-eval sybil {k}"))
}

pub fn run(folder: &Path, datanets: &[Datanet], shards: &[&Index], outside: &Words) -> Attacks {
    let d = datanets.iter().position(|d| d.name == DATANET).expect("the attacked datanet");
    let contribution =
        |name: &str| datanets[d].contributions.iter().find(|c| c.name == name).expect("an attacked contribution");
    // The padding comes from the first half of Milton, the outputs' filler from the second, so
    // that no output quotes the padding.
    let half = outside.ranges.len() / 2;
    let mut padding = Padding { words: cut(outside, 0, Some(half)), at: 0 };
    let filler = cut(outside, half, None);
    let mut rng = Rng(15);

    let acts = ANTHOLOGY_OF.map(contribution);
    let act_words = acts.map(|c| Words::new(c.text.clone()));
    let anthology_outputs = outputs(&mut rng, &[&act_words[0], &act_words[1]], &filler, OUTPUTS);
    let anthology_authors = acts.map(|c| c.source.contributor);
    let (name, from, len) = PASSAGE_OF;
    let passage = Words::new(Words::new(contribution(name).text.clone()).excerpt(from, len).to_string());
    let passage_outputs = outputs(&mut rng, &[&passage], &filler, OUTPUTS);
    let passage_author = [contribution(name).source.contributor];

    let bare = format!("{}\n{}", acts[0].text, acts[1].text);
    let anthology_padding = act_words.iter().map(|w| w.ranges.len()).sum::<usize>() * 3 / 4;
    let padded = format!(
        "{}\n{}\n{}\n{}",
        padding.take(anthology_padding),
        acts[0].text,
        padding.take(anthology_padding),
        acts[1].text
    );
    let near_copy = |rng: &mut Rng| perturb(rng, &passage.text, outside, len);
    let copies: Vec<String> = (0..COPIES).map(|_| near_copy(&mut rng)).collect();
    let padded_copies: Vec<String> =
        (0..COPIES).map(|_| format!("{}\n{}\n{}", padding.take(len), near_copy(&mut rng), padding.take(len))).collect();
    let one_wallet = |texts: &[String]| texts.iter().map(|t| (t.clone(), sybil(0))).collect::<Vec<_>>();
    let ten_wallets = |texts: &[String]| texts.iter().enumerate().map(|(k, t)| (t.clone(), sybil(k))).collect();
    let attack = |name, target, copies, outputs, honest| Attack { name, target, copies, outputs, honest };
    let attacks = [
        attack("anthology of two acts", true, vec![(bare, sybil(0))], &anthology_outputs, &anthology_authors),
        attack(
            "the anthology padded with 1.5 times its length of original text",
            false,
            vec![(padded, sybil(0))],
            &anthology_outputs,
            &anthology_authors,
        ),
        attack("10 near-copies of a passage, one wallet", true, one_wallet(&copies), &passage_outputs, &passage_author),
        attack(
            "10 near-copies of a passage, ten wallets",
            true,
            ten_wallets(&copies),
            &passage_outputs,
            &passage_author,
        ),
        attack(
            "10 near-copies padded with twice their length of original text, one wallet",
            false,
            one_wallet(&padded_copies),
            &passage_outputs,
            &passage_author,
        ),
        attack(
            "10 near-copies padded with twice their length of original text, ten wallets",
            false,
            ten_wallets(&padded_copies),
            &passage_outputs,
            &passage_author,
        ),
    ];
    let attackers: Vec<Key32> = (0..COPIES).map(sybil).collect();
    let outcomes = attacks
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let (index, mostly_covered) = attacked_index(folder, &datanets[d], i, &a.copies);
            let mut attacked: Vec<&Index> = shards.to_vec();
            attacked[d] = &index;
            let (honest_without, _) = shares(shards, a.outputs, a.honest, &attackers);
            let (honest, attacker) = shares(&attacked, a.outputs, a.honest, &attackers);
            Outcome {
                name: a.name,
                target: a.target,
                copies: a.copies.len(),
                mostly_covered,
                honest_without,
                honest,
                attacker,
            }
        })
        .collect();

    let mut repeated = records(&anthology_outputs);
    repeated[3].request_id = repeated[1].request_id;
    let total = FEE * repeated.len() as u64;
    let repeated_id = allocate_epoch(shards, 0, total, &repeated, &Params::default(), 2)
        .map(|e| e.records.len())
        .map_err(|e| e.to_string());
    Attacks { outcomes, repeated_id }
}

/// The datanet's index with `copies` (text, contributor) accepted after its contributions, and how
/// many contributions it found mostly covered.
fn attacked_index(folder: &Path, datanet: &Datanet, attack: usize, copies: &[(String, Key32)]) -> (Index, usize) {
    let files = folder.join(format!("attack-{attack}"));
    fs::create_dir_all(&files).expect("create an attack folder");
    let mut sources: Vec<ContributionSource> = datanet
        .contributions
        .iter()
        .map(|c| ContributionSource { path: folder.join(&c.source.path), ..c.source.clone() })
        .collect();
    for (k, (text, contributor)) in copies.iter().enumerate() {
        let path: PathBuf = files.join(format!("copy-{k}.txt"));
        fs::write(&path, text).expect("write a copy");
        sources.push(ContributionSource {
            id: key(&format!("poa-eval attack {attack} copy {k}")),
            contributor: *contributor,
            content_hash: Key32(Sha256::digest(text.as_bytes()).into()),
            path,
            label: None,
            accepted_seq: Some((datanet.contributions.len() + k) as u64),
        });
    }
    let path = folder.join(format!("attack-{attack}.poaidx"));
    build_index(&sources, &path, &BuildOptions::default()).expect("build an attacked index");
    let index = Index::open(&path).expect("open an attacked index");
    let copied = &sources[datanet.contributions.len()..];
    let flagged = index.contributions().iter().filter(|c| c.mostly_covered && copied.iter().any(|s| s.id == c.id));
    let flagged = flagged.count();
    (index, flagged)
}

/// The "Attacks" section.
pub fn report(a: &Attacks, md: &mut String) {
    let (name, from, len) = PASSAGE_OF;
    let _ = writeln!(md, "## Attacks: copies and a repeated request id\n");
    let _ = writeln!(
        md,
        "Contributions of `{DATANET}` accepted after all its others copy honest ones: an **anthology** concatenating \
         `{}` and `{}`; **near-copies** of words {from}–{} of `{name}`, each with random case, punctuation \
         and whitespace changes and one word replaced. **Padded** copies add runs of Milton (text outside the \
         corpus) around the copied text: the anthology 1.5 times as many words as the acts, in two runs, each \
         near-copy {len} words on each side. {OUTPUTS} outputs quote the honest passages (the anthology's: one run \
         of 16–48 words of each act; the near-copies': one run of the passage) between runs of Milton (another \
         part than the padding), each paying the same fee; a share is the part of the epoch's fees paid to the \
         honest authors' wallets (the acts' works) or to the attackers', from `allocate_epoch`.\n",
        ANTHOLOGY_OF[0],
        ANTHOLOGY_OF[1],
        from + len - 1,
    );
    let _ = writeln!(
        md,
        "**Before**: the engine of commit 1d55fe3, which credited a span several contributions contain to those the \
         whole output supports most and counted the common-span cut-off over contributions. **After**: this \
         engine (copies mostly covered by earlier contributions are not searched; a span goes to its first \
         author unless the output draws more on another container's own text; the cut-off counts contributors; \
         see `docs/proof-of-attribution.md`).\n"
    );
    let _ = writeln!(
        md,
        "| attack | copies mostly covered | honest share without the copies | honest share with them, before → after | attackers' share, before → after |"
    );
    let _ = writeln!(md, "| --- | ---: | ---: | ---: | ---: |");
    for (o, (honest_before, attacker_before)) in a.outcomes.iter().zip(BEFORE) {
        let _ = writeln!(
            md,
            "| {} | {} of {} | {:.4} | {honest_before:.4} → {:.4} | {attacker_before:.4} → {:.4} |",
            o.name, o.mostly_covered, o.copies, o.honest_without, o.honest, o.attacker
        );
    }
    let _ = writeln!(
        md,
        "\nPadded copies hold more words of their own than copied ones, so they are searched; they still get \
         nothing, as the outputs quote no text they were the first to contribute. The honest share dips a little with \
         them because they add the passage's words to the corpus, which lowers those words' weights. With ten \
         wallets, a quote found in the contributions of eleven contributors is a common phrase and goes to nobody: \
         the limit of the cut-off (`docs/proof-of-attribution.md`)."
    );
    let repeated = match &a.repeated_id {
        Ok(records) => format!("allocates all {records} records"),
        Err(e) => format!("is refused: {e}"),
    };
    let _ = writeln!(
        md,
        "\nAn epoch of the anthology's outputs whose fourth record repeats the second's request id {repeated}."
    );
}

/// The attacks' rows of the targets table.
pub fn targets(a: &Attacks, md: &mut String, verdict: fn(bool) -> &'static str) {
    for o in a.outcomes.iter().filter(|o| o.target) {
        let _ = writeln!(
            md,
            "| {}: honest share with the copies ≥ without ({:.4} vs {:.4}) | {} |",
            o.name,
            o.honest,
            o.honest_without,
            verdict(o.honest >= o.honest_without)
        );
    }
    let unpaid = a.outcomes.iter().all(|o| o.attacker == 0.0);
    let _ = writeln!(md, "| the copies are paid nothing, in every attack above | {} |", verdict(unpaid));
    let _ = writeln!(md, "| an epoch repeating a request id allocates | {} |", verdict(a.repeated_id.is_ok()));
}
