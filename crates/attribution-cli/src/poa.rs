//! `attribution poa`: the Proof of Attribution engine (crates/poa-engine) from the command line.
use crate::attest;
use crate::chain::Chain;
use crate::commands::{datanet_ref, resolve_version};
use crate::output::Table;
use crate::{Global, PoaCommand};
use anchor_lang::AccountDeserialize;
use anyhow::{bail, ensure, Context, Result};
use attribution_payout::state::{Epoch, EpochStatus};
use datanet_registry::state::{Contribution, ContributionStatus, DatanetVersion};
use poa_engine::ContributionSource;
use poa_engine::{
    allocate_epoch, attribute, build_index, load_folder, load_manifest, Attribution, BuildOptions, EpochRecord, Index,
    Key32, Params,
};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use svm_harness::Pubkey;

fn open_all(paths: &[PathBuf]) -> Result<Vec<Index>> {
    ensure!(!paths.is_empty(), "pass at least one --index");
    // The engine's errors name the file already.
    let indexes = paths.iter().map(|p| Ok(Index::open(p)?)).collect::<Result<Vec<Index>>>()?;
    Index::check_disjoint(&indexes.iter().collect::<Vec<_>>())?;
    Ok(indexes)
}

fn params(min_span_words: usize, max_contributions: usize) -> Params {
    Params { min_span_words, max_contributions_per_span: max_contributions }
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}

/// Every manifest entry must be an accepted contribution of `datanet` on chain that `version`
/// contains, by the same contributor, with the same content hash.
fn check_on_chain(
    chain: &Chain,
    datanet: &Pubkey,
    (number, version): (u32, &DatanetVersion),
    contributions: &[ContributionSource],
) -> Result<()> {
    for c in contributions {
        let key = Pubkey::new_from_array(c.id.0);
        let account = chain.account(&key)?.ok_or_else(|| anyhow::anyhow!("contribution {key} is not on chain"))?;
        let state = Contribution::try_deserialize(&mut account.data.as_slice())
            .map_err(|_| anyhow::anyhow!("{key} is not a contribution"))?;
        ensure!(account.owner == datanet_registry::ID, "{key} is not owned by datanet_registry");
        ensure!(state.datanet == *datanet, "contribution {key} belongs to another datanet");
        ensure!(state.status == ContributionStatus::Accepted, "contribution {key} is not accepted");
        ensure!(
            state.is_in(version),
            "contribution {key} is not in version {number} (accepted after it was published)"
        );
        ensure!(
            state.content_hash == c.content_hash.0,
            "contribution {key}: the manifest's content hash is not the one on chain"
        );
        ensure!(
            state.contributor.to_bytes() == c.contributor.0,
            "contribution {key}: the manifest's contributor is not the one on chain"
        );
    }
    Ok(())
}

pub fn run(command: PoaCommand, global: &Global) -> Result<()> {
    let json = global.json;
    match command {
        PoaCommand::Index { manifest, folder, contributor, out, datanet } => {
            let contributions = match (manifest, folder) {
                (Some(manifest), _) => load_manifest(&manifest)?,
                (None, Some(folder)) => {
                    let contributor = contributor.as_deref().map(wallet).transpose()?;
                    load_folder(&folder, contributor)?
                }
                (None, None) => bail!("pass --manifest or --folder"),
            };
            if let Some(datanet) = datanet {
                let (datanet, number) = datanet_ref(&datanet)?;
                let chain = match &global.url {
                    Some(url) => Chain::rpc(url)?,
                    None => Chain::embedded(&global.state)?,
                };
                let (number, _, version) = resolve_version(&chain, &datanet, number)?;
                check_on_chain(&chain, &datanet, (number, &version), &contributions)?;
            }
            let summary = build_index(&contributions, &out, &BuildOptions::default())?;
            if json {
                println!("{}", serde_json::to_string(&summary)?);
            } else {
                println!(
                    "indexed {} contributions ({} words, {} distinct, {} bytes) into {} ({} bytes)",
                    summary.contributions,
                    summary.words,
                    summary.vocabulary,
                    summary.corpus_bytes,
                    out.display(),
                    summary.index_bytes
                );
            }
        }
        PoaCommand::Show { index } => {
            let index = Index::open(&index)?;
            if json {
                println!("{}", serde_json::to_string_pretty(index.contributions())?);
                return Ok(());
            }
            println!(
                "{}: {} contributions, {} words",
                index.path().display(),
                index.contributions().len(),
                index.total_words()
            );
            let mut t = Table::new(&["label", "contribution", "contributor", "words"]);
            for c in index.contributions() {
                t.row(vec![c.label.clone(), c.id.to_string(), c.contributor.to_string(), c.words.to_string()]);
            }
            t.print();
        }
        PoaCommand::Attribute { index, text, batch, min_span_words, max_contributions } => {
            let indexes = open_all(&index)?;
            let refs: Vec<&Index> = indexes.iter().collect();
            if let Some(batch) = batch {
                return attribute_batch(&indexes, &batch, &params(min_span_words, max_contributions));
            }
            let text = text.expect("clap requires --text without --batch");
            let output = read(&text)?;
            ensure!(!output.trim().is_empty(), "{} is empty: nothing to attribute", text.display());
            let result = attribute(&refs, &output, &params(min_span_words, max_contributions))?;
            let labels = labels(&indexes);
            if json {
                println!("{}", serde_json::to_string_pretty(&labelled(&result, &labels)?)?);
            } else {
                print_attribution(&result, &labels);
            }
        }
        PoaCommand::Epoch { index, records, epoch, total, min_span_words, max_contributions, threads, publish } => {
            let indexes = open_all(&index)?;
            let refs: Vec<&Index> = indexes.iter().collect();
            let records: Vec<EpochRecord> = serde_json::from_str(&read(&records)?)
                .with_context(|| format!("{} is not a list of epoch records", records.display()))?;
            if records.is_empty() {
                bail!("no records: an epoch with no paid inference has nothing to allocate");
            }
            let params = params(min_span_words, max_contributions);
            let allocation = allocate_epoch(&refs, epoch, total, &records, &params, threads)?;
            if let Some(dir) = publish {
                let hash = attest::publish(&dir, &index, &params, (epoch, total), &records)?;
                eprintln!(
                    "published the attestation to {} (sha256 {}): publish the folder, then `epoch post --attestation`",
                    dir.join(attest::FILE).display(),
                    Key32(hash)
                );
            }
            println!("{}", serde_json::to_string_pretty(&allocation)?);
        }
        PoaCommand::Verify { model, index, attestation } => {
            let chain = match &global.url {
                Some(url) => Chain::rpc(url)?,
                None => Chain::embedded(&global.state)?,
            };
            let model: Pubkey = model.parse().map_err(|_| anyhow::anyhow!("'{model}' is not an address"))?;
            let key = svm_harness::pda::epoch(&model, index);
            let account =
                chain.account(&key)?.ok_or_else(|| anyhow::anyhow!("epoch {index} of {model} is not on chain"))?;
            let epoch = Epoch::try_deserialize(&mut account.data.as_slice())
                .map_err(|_| anyhow::anyhow!("{key} is not an epoch"))?;
            ensure!(epoch.status != EpochStatus::Open, "epoch {index} has no root posted yet");
            let (allocation, differences) = attest::verify(&attestation, &epoch)?;
            if json {
                let report = serde_json::json!({
                    "match": differences.is_empty(),
                    "differences": differences,
                    "root": allocation.root,
                    "leaves": allocation.claims.len(),
                });
                println!("{report}");
            } else if differences.is_empty() {
                println!(
                    "match: the attestation reproduces epoch {index}'s root {} ({} leaves, {} allocated)",
                    allocation.root,
                    allocation.claims.len(),
                    allocation.attributed
                );
            }
            if !differences.is_empty() {
                bail!("mismatch: {}", differences.join("; "));
            }
        }
    }
    Ok(())
}

/// A wallet or key: base58 (an address) or 64 hex characters.
fn wallet(s: &str) -> Result<Key32> {
    match s.parse::<Pubkey>() {
        Ok(key) => Ok(Key32(key.to_bytes())),
        Err(_) => s.parse::<Key32>().map_err(|_| anyhow::anyhow!("'{s}' is neither an address nor 64 hex characters")),
    }
}

/// Each contribution's label, by id (those built without one left out).
fn labels(indexes: &[Index]) -> BTreeMap<Key32, String> {
    let all = indexes.iter().flat_map(|i| i.contributions());
    all.filter(|c| !c.label.is_empty()).map(|c| (c.id, c.label.clone())).collect()
}

/// A contribution as results name it: its label, else its id.
fn name(labels: &BTreeMap<Key32, String>, id: &Key32) -> String {
    labels.get(id).cloned().unwrap_or_else(|| id.to_string())
}

/// The contributions by weight (heaviest first, then by id).
fn by_weight(result: &Attribution) -> Vec<&poa_engine::ContributionWeight> {
    let mut sorted: Vec<_> = result.contributions.iter().collect();
    sorted.sort_by(|a, b| b.mass.cmp(&a.mass).then(a.id.cmp(&b.id)));
    sorted
}

/// The attribution as JSON, contributions by weight with their labels, each span with the labels
/// of the contributions it is credited to.
fn labelled(result: &Attribution, labels: &BTreeMap<Key32, String>) -> Result<serde_json::Value> {
    let mut value = serde_json::to_value(result)?;
    value["contributions"] = by_weight(result)
        .into_iter()
        .map(|c| {
            let mut entry = serde_json::to_value(c)?;
            entry["label"] = labels.get(&c.id).map_or(serde_json::Value::Null, |l| l.clone().into());
            Ok(entry)
        })
        .collect::<Result<Vec<_>>>()?
        .into();
    for (span, entry) in result.spans.iter().zip(value["spans"].as_array_mut().into_iter().flatten()) {
        entry["credited_labels"] = span.credited.iter().map(|id| name(labels, id)).collect::<Vec<_>>().into();
    }
    Ok(value)
}

fn print_attribution(result: &Attribution, labels: &BTreeMap<Key32, String>) {
    println!(
        "{} words; {} spans found; unattributed {} ppm",
        result.words,
        result.spans.len(),
        result.unattributed_ppm
    );
    let mut t = Table::new(&["label", "contribution", "contributor", "ppm"]);
    for c in by_weight(result) {
        let label = labels.get(&c.id).cloned().unwrap_or_default();
        t.row(vec![label, c.id.to_string(), c.contributor.to_string(), c.ppm.to_string()]);
    }
    t.print();
    for s in &result.spans {
        let credited: Vec<String> = s.credited.iter().map(|id| name(labels, id)).collect();
        println!("  words {}..{} ({}): \"{}\"", s.start, s.end, credited.join(", "), s.text);
    }
}

/// `poa attribute --batch`: one JSON result per input line, in order, against `indexes` opened
/// (and checked) once. A line that cannot be attributed gets {"id", "error"} and the batch goes
/// on; an unreadable input stops it.
fn attribute_batch(indexes: &[Index], batch: &Path, params: &Params) -> Result<()> {
    use std::io::{BufRead, Write};
    let input: Box<dyn BufRead> = if batch == Path::new("-") {
        Box::new(std::io::stdin().lock())
    } else {
        let file = std::fs::File::open(batch).with_context(|| format!("reading {}", batch.display()))?;
        Box::new(std::io::BufReader::new(file))
    };
    let refs: Vec<&Index> = indexes.iter().collect();
    let labels = labels(indexes);
    let mut out = std::io::stdout().lock();
    for (n, line) in input.lines().enumerate() {
        let line = line.with_context(|| format!("reading {} line {}", batch.display(), n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let (id, result) = match serde_json::from_str::<serde_json::Value>(&line) {
            Ok(serde_json::Value::String(output)) => (None, attribute_one(&refs, &output, params, &labels)),
            Ok(serde_json::Value::Object(mut entry)) => {
                let id = entry.remove("id");
                match entry.remove("output") {
                    Some(serde_json::Value::String(output)) => (id, attribute_one(&refs, &output, params, &labels)),
                    _ => (id, Err(anyhow::anyhow!("line {}: no \"output\" string", n + 1))),
                }
            }
            Ok(_) => (None, Err(anyhow::anyhow!("line {}: neither an object nor a string", n + 1))),
            Err(e) => (None, Err(anyhow::anyhow!("line {}: not JSON: {e}", n + 1))),
        };
        let mut value = match result {
            Ok(value) => value,
            Err(e) => serde_json::json!({ "error": format!("{e:#}") }),
        };
        if let Some(id) = id {
            value["id"] = id;
        }
        writeln!(out, "{value}")?;
        out.flush()?;
    }
    Ok(())
}

fn attribute_one(
    shards: &[&Index],
    output: &str,
    params: &Params,
    labels: &BTreeMap<Key32, String>,
) -> Result<serde_json::Value> {
    ensure!(!output.trim().is_empty(), "empty output: nothing to attribute");
    labelled(&attribute(shards, output, params)?, labels)
}
