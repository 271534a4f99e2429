//! An epoch's allocation: per-record attribution, per-contribution amounts, the Merkle tree of
//! claims.
use crate::attribute::{attribute, split_proportionally, Attribution, Params, PPM};
use crate::{Error, Index, Key32, Result};
use poa_merkle::{leaf, output_hash, records_hash_next, Tree, RECORDS_HASH_START};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One paid inference of the epoch, in the chain's order of records. Its id is its position:
/// request ids are the callers' labels and may repeat.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EpochRecord {
    pub request_id: Key32,
    pub model: Key32,
    pub output: String,
    /// The part of the fee that Proof of Attribution allocates.
    pub fee: u64,
}

/// A contribution's part of one record's fee.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Share {
    pub contribution: Key32,
    pub contributor: Key32,
    pub amount: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordAllocation {
    pub request_id: Key32,
    pub model: Key32,
    pub fee: u64,
    pub unattributed: u64,
    /// Sorted by contribution id; zero amounts left out.
    pub shares: Vec<Share>,
}

/// One leaf of the epoch's tree: `contribution` earned `amount` of `model`'s fees; the chain pays
/// it to the contribution's contributor (`contributor` here is who that was in the index).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub model: Key32,
    pub contribution: Key32,
    pub contributor: Key32,
    pub amount: u64,
    pub leaf: Key32,
    pub proof: Vec<Key32>,
}

/// The epoch's result. `attributed` is the sum of the claims and `attributed + unattributed`
/// is `total`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EpochAllocation {
    pub epoch: u64,
    pub total: u64,
    pub attributed: u64,
    pub unattributed: u64,
    pub records_hash: Key32,
    pub root: Key32,
    /// Leaf order: sorted by (model, contribution).
    pub claims: Vec<Claim>,
    pub records: Vec<RecordAllocation>,
}

/// The running hash the chain keeps over the epoch's records, in order (see `poa_merkle`): each
/// record's request id, its output's hash and its fee.
pub fn records_hash(records: &[EpochRecord]) -> Key32 {
    Key32(records.iter().fold(RECORDS_HASH_START, |h, r| {
        records_hash_next(&h, &r.request_id.0, &output_hash(r.output.as_bytes()), r.fee)
    }))
}

fn check_records(total: u64, records: &[EpochRecord]) -> Result<()> {
    let sum: u128 = records.iter().map(|r| u128::from(r.fee)).sum();
    if sum != u128::from(total) {
        return Err(Error::FeesDoNotSumToTotal { sum, total });
    }
    Ok(())
}

/// Attributes every record's output against `shards` (on up to `threads` threads; the result
/// does not depend on how many) and allocates the epoch. Shards that are not disjoint (see
/// [`Index::check_disjoint`]) are refused.
pub fn allocate_epoch(
    shards: &[&Index],
    epoch: u64,
    total: u64,
    records: &[EpochRecord],
    params: &Params,
    threads: usize,
) -> Result<EpochAllocation> {
    check_records(total, records)?;
    Index::check_disjoint(shards)?;
    let chunk = records.len().div_ceil(threads.max(1)).max(1);
    let attributions: Vec<Attribution> = std::thread::scope(|scope| {
        let workers: Vec<_> = records
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter().map(|r| attribute(shards, &r.output, params)).collect::<Result<Vec<_>>>()
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().expect("an attribution thread panicked")).collect::<Result<Vec<_>>>()
    })?
    .into_iter()
    .flatten()
    .collect();
    allocate_attributed(epoch, total, records, &attributions)
}

/// Allocates the epoch from each record's attribution (in the records' order). Each fee is split
/// by largest remainder over its attribution's parts per million (contributions by id, then the
/// unattributed part); a contribution's shares of one model's records pool into one claim.
pub fn allocate_attributed(
    epoch: u64,
    total: u64,
    records: &[EpochRecord],
    attributions: &[Attribution],
) -> Result<EpochAllocation> {
    check_records(total, records)?;
    if records.len() != attributions.len() {
        return Err(Error::AttributionCount { records: records.len(), attributions: attributions.len() });
    }
    // (model, contribution) → (contributor, amount)
    let mut owed: BTreeMap<(Key32, Key32), (Key32, u64)> = BTreeMap::new();
    let mut allocations = Vec::with_capacity(records.len());
    for (record, attribution) in records.iter().zip(attributions) {
        let mut weights: Vec<u64> = attribution.contributions.iter().map(|c| c.ppm).collect();
        weights.push(attribution.unattributed_ppm);
        if weights.iter().sum::<u64>() != PPM {
            return Err(Error::Params("an attribution's parts per million do not sum to 1,000,000"));
        }
        let parts = split_proportionally(record.fee, &weights);
        let shares: Vec<Share> = attribution
            .contributions
            .iter()
            .zip(&parts)
            .filter(|(_, &amount)| amount > 0)
            .map(|(c, &amount)| Share { contribution: c.id, contributor: c.contributor, amount })
            .collect();
        for share in &shares {
            owed.entry((record.model, share.contribution)).or_insert((share.contributor, 0)).1 += share.amount;
        }
        allocations.push(RecordAllocation {
            request_id: record.request_id,
            model: record.model,
            fee: record.fee,
            unattributed: parts[parts.len() - 1],
            shares,
        });
    }
    let leaves: Vec<[u8; 32]> = owed
        .iter()
        .map(|(&(model, contribution), &(_, amount))| leaf(&model.0, epoch, &contribution.0, amount))
        .collect();
    let tree = Tree::new(&leaves);
    let claims: Vec<Claim> = owed
        .iter()
        .zip(&leaves)
        .enumerate()
        .map(|(i, ((&(model, contribution), &(contributor, amount)), leaf))| Claim {
            model,
            contribution,
            contributor,
            amount,
            leaf: Key32(*leaf),
            proof: tree.proof(i).unwrap_or_default().into_iter().map(Key32).collect(),
        })
        .collect();
    let attributed = claims.iter().map(|c| c.amount).sum();
    Ok(EpochAllocation {
        epoch,
        total,
        attributed,
        unattributed: total - attributed,
        records_hash: records_hash(records),
        root: Key32(tree.root()),
        claims,
        records: allocations,
    })
}
