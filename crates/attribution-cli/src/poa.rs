//! `attribution poa`: the Proof of Attribution engine (crates/poa-engine) from the command line.
use crate::output::Table;
use crate::PoaCommand;
use anyhow::{bail, ensure, Context, Result};
use poa_engine::{allocate_epoch, attribute, build_index, load_manifest, BuildOptions, EpochRecord, Index, Params};
use std::path::{Path, PathBuf};

fn open_all(paths: &[PathBuf]) -> Result<Vec<Index>> {
    ensure!(!paths.is_empty(), "pass at least one --index");
    paths.iter().map(|p| Index::open(p).with_context(|| format!("opening the index {}", p.display()))).collect()
}

fn params(min_span_words: usize, max_contributions: usize) -> Params {
    Params { min_span_words, max_contributions_per_span: max_contributions }
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}

pub fn run(command: PoaCommand, json: bool) -> Result<()> {
    match command {
        PoaCommand::Index { manifest, out } => {
            let contributions = load_manifest(&manifest)?;
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
