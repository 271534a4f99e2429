//! The attestation of an epoch's root: everything the engine computed it from, published so that
//! anyone can recompute it (`attribution poa verify`). A folder holding `attestation.json` (the
//! engine's version and parameters, the epoch, its total, every record with its output, and the
//! index files by name and sha256) and those index files. The root's post commits the sha256 of
//! `attestation.json` (`Epoch::inputs_hash`) and says where the folder is published.
use anyhow::{ensure, Context, Result};
use attribution_payout::state::Epoch;
use poa_engine::{allocate_epoch, EpochAllocation, EpochRecord, Index, Key32, Params, ENGINE_VERSION};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The file a published attestation folder is read from.
pub const FILE: &str = "attestation.json";

#[derive(Serialize, Deserialize)]
pub struct Attestation {
    /// `poa-engine`'s version that computed the root; a different one refuses to recompute it.
    pub engine: String,
    pub params: Params,
    pub epoch: u64,
    pub total: u64,
    /// Index files in the attestation's folder, by name, with their sha256.
    pub indexes: Vec<IndexFile>,
    /// The epoch's records in the chain's order: their request ids, outputs and fees hash to the
    /// epoch's records hash.
    pub records: Vec<EpochRecord>,
}

#[derive(Serialize, Deserialize)]
pub struct IndexFile {
    pub file: String,
    pub sha256: Key32,
}

pub fn sha256_file(path: &Path) -> Result<[u8; 32]> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(Sha256::digest(bytes).into())
}

/// Writes `dir`/attestation.json and copies the index files beside it; returns the sha256 of
/// attestation.json, which the root's post commits.
pub fn publish(
    dir: &Path,
    indexes: &[PathBuf],
    params: &Params,
    (epoch, total): (u64, u64),
    records: &[EpochRecord],
) -> Result<[u8; 32]> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut files = Vec::with_capacity(indexes.len());
    for path in indexes {
        let name = path.file_name().and_then(|n| n.to_str()).context("an index path names no file")?.to_string();
        ensure!(
            files.iter().all(|f: &IndexFile| f.file != name),
            "two indexes are named {name}: a published folder holds each by its name"
        );
        let target = dir.join(&name);
        if std::fs::canonicalize(path).ok() != std::fs::canonicalize(&target).ok() {
            std::fs::copy(path, &target).with_context(|| format!("copying {} to {}", path.display(), dir.display()))?;
        }
        files.push(IndexFile { file: name, sha256: Key32(sha256_file(&target)?) });
    }
    let attestation = Attestation {
        engine: ENGINE_VERSION.to_string(),
        params: params.clone(),
        epoch,
        total,
        indexes: files,
        records: records.to_vec(),
    };
    let path = dir.join(FILE);
    std::fs::write(&path, serde_json::to_vec_pretty(&attestation)?)
        .with_context(|| format!("writing {}", path.display()))?;
    sha256_file(&path)
}

/// Recomputes the root from the attestation at `path` (attestation.json, or its folder) and lists
/// every way it differs from what the posted epoch says: empty when the root is reproduced byte
/// for byte.
pub fn verify(path: &Path, posted: &Epoch) -> Result<(EpochAllocation, Vec<String>)> {
    let file = if path.is_dir() { path.join(FILE) } else { path.to_path_buf() };
    let dir = file.parent().unwrap_or(Path::new("."));
    let mut differences = Vec::new();
    if sha256_file(&file)? != posted.inputs_hash {
        differences.push(format!("{} is not the attestation the root committed (its sha256 differs)", file.display()));
    }
    let text = std::fs::read_to_string(&file).with_context(|| format!("reading {}", file.display()))?;
    let attestation: Attestation =
        serde_json::from_str(&text).with_context(|| format!("{} is not an attestation", file.display()))?;
    ensure!(
        attestation.engine == ENGINE_VERSION,
        "{} was computed by poa-engine {}; this is {ENGINE_VERSION}: recompute it with that version",
        file.display(),
        attestation.engine
    );
    if attestation.epoch != posted.index {
        differences.push(format!("the attestation is of epoch {}, not {}", attestation.epoch, posted.index));
    }
    let mut shards = Vec::with_capacity(attestation.indexes.len());
    for index in &attestation.indexes {
        let path = dir.join(&index.file);
        if sha256_file(&path)? != index.sha256.0 {
            differences.push(format!("{} is not the index the attestation names (its sha256 differs)", path.display()));
        }
        shards.push(Index::open(&path)?);
    }
    let refs: Vec<&Index> = shards.iter().collect();
    let allocation =
        allocate_epoch(&refs, attestation.epoch, attestation.total, &attestation.records, &attestation.params, 1)?;
    let hex = |h: &[u8; 32]| Key32(*h).to_string();
    let mut compare = |what: &str, computed: String, on_chain: String| {
        if computed != on_chain {
            differences.push(format!("{what}: recomputed {computed}, posted {on_chain}"));
        }
    };
    compare("records hash", hex(&allocation.records_hash.0), hex(&posted.records_hash));
    compare("root", hex(&allocation.root.0), hex(&posted.root));
    compare("total allocated", allocation.attributed.to_string(), posted.total.to_string());
    compare("leaves", allocation.claims.len().to_string(), posted.leaf_count.to_string());
    Ok((allocation, differences))
}
