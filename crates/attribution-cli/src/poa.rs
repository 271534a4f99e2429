//! `attribution poa`: the Proof of Attribution engine (crates/poa-engine) from the command line.
use crate::chain::Chain;
use crate::commands::{datanet_ref, resolve_version};
use crate::output::Table;
use crate::{Global, PoaCommand};
use anchor_lang::AccountDeserialize;
use anyhow::{bail, ensure, Context, Result};
use datanet_registry::state::{Contribution, ContributionStatus, DatanetVersion};
use poa_engine::ContributionSource;
use poa_engine::{allocate_epoch, attribute, build_index, load_manifest, BuildOptions, EpochRecord, Index, Params};
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
        PoaCommand::Index { manifest, out, datanet } => {
            let contributions = load_manifest(&manifest)?;
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
        PoaCommand::Attribute { index, text, min_span_words, max_contributions } => {
            let indexes = open_all(&index)?;
            let refs: Vec<&Index> = indexes.iter().collect();
            let output = read(&text)?;
            ensure!(!output.trim().is_empty(), "{} is empty: nothing to attribute", text.display());
            let result = attribute(&refs, &output, &params(min_span_words, max_contributions))?;
            if json {
                println!("{}", serde_json::to_string_pretty(&result)?);
                return Ok(());
            }
            println!(
                "{} words; {} spans found; unattributed {} ppm",
                result.words,
                result.spans.len(),
                result.unattributed_ppm
            );
            let mut t = Table::new(&["contribution", "contributor", "ppm"]);
            for c in &result.contributions {
                t.row(vec![c.id.to_string(), c.contributor.to_string(), c.ppm.to_string()]);
            }
            t.print();
            for s in &result.spans {
                println!("  words {}..{}: \"{}\"", s.start, s.end, s.text);
            }
        }
        PoaCommand::Epoch { index, records, epoch, total, min_span_words, max_contributions, threads } => {
            let indexes = open_all(&index)?;
            let refs: Vec<&Index> = indexes.iter().collect();
            let records: Vec<EpochRecord> = serde_json::from_str(&read(&records)?)
                .with_context(|| format!("{} is not a list of epoch records", records.display()))?;
            if records.is_empty() {
                bail!("no records: an epoch with no paid inference has nothing to allocate");
            }
            let allocation =
                allocate_epoch(&refs, epoch, total, &records, &params(min_span_words, max_contributions), threads)?;
            println!("{}", serde_json::to_string_pretty(&allocation)?);
        }
    }
    Ok(())
}
