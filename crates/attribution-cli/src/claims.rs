//! `claim all`: every position of a wallet (found by the `Position`'s `beneficiary` field), each
//! with what its version's pool owes it now, claimed with `position_claim` `(position, pool)`
//! pairs packed into as few transactions as fit in one packet. Positions of contributions handed
//! to the wallet (found by the `Contribution`'s `contributor` field) that still name their
//! previous contributor are pointed at the wallet with `position_sync` in the same transaction,
//! just before the claim. The CLI and the demo both claim this way.
use anchor_lang::AccountDeserialize;
use anyhow::{anyhow, ensure, Result};
use attribution_payout::events::PositionClaimed;
use attribution_payout::state::{Pool, Position};
use solana_account::Account;
use std::collections::btree_map::{BTreeMap, Entry};
use svm_harness::ixs::{self, payout::Open};
use svm_harness::{Instruction, Keypair, Pubkey, Signer, MAX_TX_SIZE};

/// Where `Position::beneficiary` starts in a position account: after the discriminator (8),
/// `version` and `bump` (1 + 1), `pool` and `contribution` (32 + 32).
pub const BENEFICIARY_OFFSET: usize = 8 + 1 + 1 + 32 + 32;

/// Where `Contribution::contributor` starts in a contribution account: after the discriminator
/// (8), `version` and `bump` (1 + 1), `datanet` (32).
pub const CONTRIBUTOR_OFFSET: usize = 8 + 1 + 1 + 32;

/// One position of a wallet and what it can claim now.
#[derive(Clone, Debug)]
pub struct Held {
    pub position: Pubkey,
    pub datanet: Pubkey,
    pub version: Pubkey,
    pub contribution: Pubkey,
    /// Who may claim it now: the contribution's previous contributor until `position_sync`
    /// points a handed-over contribution's position at its new one.
    pub beneficiary: Pubkey,
    pub weight: u64,
    pub claimable: u64,
    pub claimed: u64,
}

/// Decodes position accounts and prices each against its pool (`pool_of` is asked once per pool).
pub fn held(accounts: Vec<(Pubkey, Account)>, mut pool_of: impl FnMut(&Pubkey) -> Result<Pool>) -> Result<Vec<Held>> {
    let mut pools: BTreeMap<Pubkey, Pool> = BTreeMap::new();
    let mut out = Vec::new();
    for (key, account) in accounts {
        let position =
            Position::try_deserialize(&mut account.data.as_slice()).map_err(|_| anyhow!("{key} is not a position"))?;
        let pool = match pools.entry(position.pool) {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(e) => e.insert(pool_of(&position.pool)?),
        };
        let (claimable, _) = position.pending(pool.reward_per_weight).map_err(|e| anyhow!("{key}: {e}"))?;
        out.push(Held {
            position: key,
            datanet: pool.datanet,
            version: pool.datanet_version,
            contribution: position.contribution,
            beneficiary: position.beneficiary,
            weight: position.weight,
            claimable,
            claimed: position.total_claimed,
        });
    }
    Ok(out)
}

/// One transaction of `claim all`: `position_sync` for each position of the batch that names
/// another beneficiary than the signer, then one `position_claim` of those that owe something
/// (none when no position of the batch does).
#[derive(Debug)]
pub struct Packed {
    pub instructions: Vec<Instruction>,
    /// Indexes of the positions synced.
    pub synced: Vec<usize>,
    /// Indexes of the positions claimed.
    pub claimed: Vec<usize>,
}

fn build(open: &Open, me: &Pubkey, destination: &Pubkey, positions: &[Held], batch: &[usize]) -> Packed {
    let synced: Vec<usize> = batch.iter().copied().filter(|i| positions[*i].beneficiary != *me).collect();
    let claimed: Vec<usize> = batch.iter().copied().filter(|i| positions[*i].claimable > 0).collect();
    let mut instructions: Vec<Instruction> = synced
        .iter()
        .map(|i| ixs::payout::position_sync(&positions[*i].version, &positions[*i].contribution))
        .collect();
    if !claimed.is_empty() {
        let pairs: Vec<(Pubkey, Pubkey)> =
            claimed.iter().map(|i| (positions[*i].version, positions[*i].contribution)).collect();
        instructions.push(ixs::payout::position_claim(open, me, destination, &pairs));
    }
    Packed { instructions, synced, claimed }
}

/// The transactions that sync and claim `positions` (each must need a sync, owe something, or
/// both), each with as many positions as fit in one transaction signed by `beneficiary` alone.
pub fn pack(open: &Open, beneficiary: &Keypair, destination: &Pubkey, positions: &[Held]) -> Result<Vec<Packed>> {
    let me = beneficiary.pubkey();
    let build = |batch: &[usize]| build(open, &me, destination, positions, batch);
    let mut out = Vec::new();
    let mut batch: Vec<usize> = Vec::new();
    for i in 0..positions.len() {
        batch.push(i);
        if svm_harness::tx_size(beneficiary, &build(&batch).instructions) > MAX_TX_SIZE {
            batch.pop();
            ensure!(!batch.is_empty(), "one position's sync and claim do not fit in a transaction");
            out.push(build(&std::mem::take(&mut batch)));
            batch.push(i);
        }
    }
    if !batch.is_empty() {
        out.push(build(&batch));
    }
    Ok(out)
}

/// What `claim_all` did.
#[derive(Debug, Default)]
pub struct Claimed {
    /// Each position claimed and what it paid.
    pub paid: Vec<(Held, u64)>,
    /// The positions pointed at the signer first (`beneficiary` is the wallet they named before).
    pub synced: Vec<Held>,
}

/// Syncs every position of `positions` that names another beneficiary and claims every one that
/// owes something: one transaction per `Packed`, sent by `send` (which returns the transaction's
/// logs). What each position paid comes from the `PositionClaimed` events (or, when a cluster
/// returns no logs, from what it owed before the claim).
pub fn claim_all(
    open: &Open,
    beneficiary: &Keypair,
    destination: &Pubkey,
    positions: &[Held],
    mut send: impl FnMut(&Packed) -> Result<Vec<String>>,
) -> Result<Claimed> {
    let me = beneficiary.pubkey();
    let work: Vec<Held> = positions.iter().filter(|p| p.claimable > 0 || p.beneficiary != me).cloned().collect();
    let mut done = Claimed::default();
    for packed in pack(open, beneficiary, destination, &work)? {
        let logs = send(&packed)?;
        let events: Vec<PositionClaimed> = crate::commands::events(&logs);
        done.synced.extend(packed.synced.iter().map(|i| work[*i].clone()));
        for i in packed.claimed {
            let p = &work[i];
            let amount = match events.is_empty() {
                true => p.claimable,
                false => events.iter().filter(|e| e.position == p.position).map(|e| e.amount).sum(),
            };
            done.paid.push((p.clone(), amount));
        }
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;
    use anchor_lang::{AccountSerialize, Discriminator};
    use datanet_registry::state::{Contribution, ContributionStatus};

    fn held(i: u8, beneficiary: Pubkey) -> Held {
        let k = |b: u8| Pubkey::new_from_array([b; 32]);
        Held {
            position: k(i),
            datanet: k(1),
            version: Pubkey::new_unique(),
            contribution: Pubkey::new_unique(),
            beneficiary,
            weight: 1,
            claimable: 1,
            claimed: 0,
        }
    }

    fn is_claim(ix: &Instruction) -> bool {
        ix.data.starts_with(attribution_payout::instruction::PositionClaim::DISCRIMINATOR)
    }

    fn is_sync(ix: &Instruction) -> bool {
        ix.data.starts_with(attribution_payout::instruction::PositionSync::DISCRIMINATOR)
    }

    #[test]
    fn the_beneficiary_offset_is_where_the_field_is_serialised() {
        let beneficiary = Pubkey::new_unique();
        let position = Position {
            version: 1,
            bump: 255,
            pool: Pubkey::new_unique(),
            contribution: Pubkey::new_unique(),
            beneficiary,
            weight: 7,
            reward_checkpoint: 0,
            fraction: 0,
            total_claimed: 0,
            enrolled_at: 0,
            reserved: [0; 32],
        };
        let mut data = Vec::new();
        position.try_serialize(&mut data).unwrap();
        assert_eq!(&data[BENEFICIARY_OFFSET..BENEFICIARY_OFFSET + 32], beneficiary.as_ref());
    }

    #[test]
    fn the_contributor_offset_is_where_the_field_is_serialised() {
        let contributor = Pubkey::new_unique();
        let contribution = Contribution {
            version: 1,
            bump: 254,
            datanet: Pubkey::new_unique(),
            contributor,
            content_hash: [7; 32],
            size: 100,
            status: ContributionStatus::Accepted,
            weight: 5,
            reject_reason: 0,
            index: 3,
            submitted_at: 1,
            decided_at: 2,
            accepted_seq: 1,
            pending_contributor: Some(Pubkey::new_unique()),
            bond: 0,
            flaggable_until: 0,
            reserved: [0; 8],
            uri: "ipfs://c".into(),
        };
        let mut data = Vec::new();
        contribution.try_serialize(&mut data).unwrap();
        assert_eq!(&data[CONTRIBUTOR_OFFSET..CONTRIBUTOR_OFFSET + 32], contributor.as_ref());
    }

    #[test]
    fn pairs_are_packed_into_as_few_transactions_as_fit() {
        let open = Open { mint: Pubkey::new_unique(), token_program: anchor_spl::token::ID };
        let me = Keypair::new();
        let to = Pubkey::new_unique();
        let positions: Vec<Held> = (0..40).map(|i| held(i, me.pubkey())).collect();
        let packed = pack(&open, &me, &to, &positions).unwrap();
        assert!(packed.len() >= 2, "40 pairs do not fit in one transaction");
        let per_tx = packed[0].claimed.len();
        assert!(per_tx >= 10, "a transaction holds {per_tx} pairs");
        for (i, p) in packed.iter().enumerate() {
            assert!(svm_harness::tx_size(&me, &p.instructions) <= MAX_TX_SIZE);
            assert!(p.synced.is_empty(), "every position is already the signer's");
            assert_eq!(p.instructions.len(), 1);
            assert_eq!(p.instructions[0].accounts.len(), 6 + 2 * p.claimed.len());
            if i + 1 < packed.len() {
                // Full: one more pair would not fit.
                let mut more = p.claimed.clone();
                more.push(p.claimed[0] + per_tx);
                let pairs: Vec<(Pubkey, Pubkey)> =
                    more.iter().map(|j| (positions[*j].version, positions[*j].contribution)).collect();
                let bigger = ixs::payout::position_claim(&open, &me.pubkey(), &to, &pairs);
                assert!(svm_harness::tx_size(&me, &[bigger]) > MAX_TX_SIZE);
            }
        }
        let all: Vec<usize> = packed.iter().flat_map(|p| p.claimed.clone()).collect();
        assert_eq!(all, (0..40).collect::<Vec<_>>(), "every position once, in order");
    }

    /// Positions still naming the previous contributor are synced just before their claim, in
    /// the same transaction where it fits; one that owes nothing is synced but not claimed.
    #[test]
    fn syncs_go_before_the_claims_in_the_same_transactions() {
        let open = Open { mint: Pubkey::new_unique(), token_program: anchor_spl::token::ID };
        let me = Keypair::new();
        let to = Pubkey::new_unique();
        let previous = Pubkey::new_unique();
        let mut positions: Vec<Held> =
            (0..30).map(|i| held(i, if i % 3 == 0 { previous } else { me.pubkey() })).collect();
        positions[3].claimable = 0;
        let packed = pack(&open, &me, &to, &positions).unwrap();
        assert!(packed.len() >= 2, "30 positions, 10 synced, do not fit in one transaction");
        for p in &packed {
            assert!(svm_harness::tx_size(&me, &p.instructions) <= MAX_TX_SIZE);
            let syncs = p.instructions.iter().take_while(|ix| is_sync(ix)).count();
            assert_eq!(syncs, p.synced.len(), "the syncs come first");
            assert_eq!(&p.instructions[syncs..].iter().map(is_claim).collect::<Vec<_>>(), &[true], "then one claim");
            for (ix, i) in p.instructions.iter().zip(&p.synced) {
                assert_eq!(
                    ix.accounts[0].pubkey,
                    ixs::payout::position_sync(&positions[*i].version, &positions[*i].contribution).accounts[0].pubkey
                );
            }
        }
        let synced: Vec<usize> = packed.iter().flat_map(|p| p.synced.clone()).collect();
        assert_eq!(synced, (0..30).filter(|i| i % 3 == 0).collect::<Vec<_>>());
        let claimed: Vec<usize> = packed.iter().flat_map(|p| p.claimed.clone()).collect();
        assert_eq!(claimed, (0..30).filter(|i| *i != 3).collect::<Vec<_>>(), "3 owes nothing");

        // Only syncs: no claim (it would fail with NothingToClaim).
        let idle: Vec<Held> = (0..3).map(|i| Held { claimable: 0, ..held(i, previous) }).collect();
        let packed = pack(&open, &me, &to, &idle).unwrap();
        assert_eq!(packed.len(), 1);
        assert!(packed[0].instructions.iter().all(is_sync) && packed[0].instructions.len() == 3);
        assert!(packed[0].claimed.is_empty());
    }
}
