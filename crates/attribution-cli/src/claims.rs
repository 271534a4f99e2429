//! `claim all`: every position of a wallet (found by the `Position`'s `beneficiary` field), each
//! with what its version's pool owes it now, claimed with `position_claim` `(position, pool)`
//! pairs packed into as few transactions as fit in one packet. The CLI and the demo both claim
//! this way.
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

/// One position of a wallet and what it can claim now.
#[derive(Clone, Debug)]
pub struct Held {
    pub position: Pubkey,
    pub datanet: Pubkey,
    pub version: Pubkey,
    pub contribution: Pubkey,
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
            weight: position.weight,
            claimable,
            claimed: position.total_claimed,
        });
    }
    Ok(out)
}

/// `position_claim` instructions for `positions`, each with as many pairs as fit in one
/// transaction signed by `beneficiary` alone; with the indexes of the positions each claims.
pub fn pack(
    open: &Open,
    beneficiary: &Keypair,
    destination: &Pubkey,
    positions: &[Held],
) -> Result<Vec<(Instruction, Vec<usize>)>> {
    let me = beneficiary.pubkey();
    let build = |batch: &[usize]| {
        let pairs: Vec<(Pubkey, Pubkey)> =
            batch.iter().map(|i| (positions[*i].version, positions[*i].contribution)).collect();
        ixs::payout::position_claim(open, &me, destination, &pairs)
    };
    let mut out = Vec::new();
    let mut batch: Vec<usize> = Vec::new();
    for i in 0..positions.len() {
        batch.push(i);
        if svm_harness::tx_size(beneficiary, &[build(&batch)]) > MAX_TX_SIZE {
            batch.pop();
            ensure!(!batch.is_empty(), "one position_claim pair does not fit in a transaction");
            out.push((build(&batch), std::mem::take(&mut batch)));
            batch.push(i);
        }
    }
    if !batch.is_empty() {
        out.push((build(&batch), batch));
    }
    Ok(out)
}

/// Claims every position of `positions` that owes something: one transaction per packed
/// instruction, sent by `send` (which returns the transaction's logs). Returns what each
/// position paid, by the `PositionClaimed` events (or, when a cluster returns no logs, by what
/// it owed before the claim).
pub fn claim_all(
    open: &Open,
    beneficiary: &Keypair,
    destination: &Pubkey,
    positions: &[Held],
    mut send: impl FnMut(&Instruction, usize) -> Result<Vec<String>>,
) -> Result<Vec<(Held, u64)>> {
    let owing: Vec<Held> = positions.iter().filter(|p| p.claimable > 0).cloned().collect();
    let mut paid = Vec::new();
    for (ix, batch) in pack(open, beneficiary, destination, &owing)? {
        let logs = send(&ix, batch.len())?;
        let events: Vec<PositionClaimed> = crate::commands::events(&logs);
        for i in batch {
            let p = &owing[i];
            let amount = match events.is_empty() {
                true => p.claimable,
                false => events.iter().filter(|e| e.position == p.position).map(|e| e.amount).sum(),
            };
            paid.push((p.clone(), amount));
        }
    }
    Ok(paid)
}

#[cfg(test)]
mod tests {
    use super::*;
    use anchor_lang::AccountSerialize;

    fn held(i: u8) -> Held {
        let k = |b: u8| Pubkey::new_from_array([b; 32]);
        Held {
            position: k(i),
            datanet: k(1),
            version: Pubkey::new_unique(),
            contribution: Pubkey::new_unique(),
            weight: 1,
            claimable: 1,
            claimed: 0,
        }
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
    fn pairs_are_packed_into_as_few_transactions_as_fit() {
        let open = Open { mint: Pubkey::new_unique(), token_program: anchor_spl::token::ID };
        let me = Keypair::new();
        let to = Pubkey::new_unique();
        let positions: Vec<Held> = (0..40).map(held).collect();
        let packed = pack(&open, &me, &to, &positions).unwrap();
        assert!(packed.len() >= 2, "40 pairs do not fit in one transaction");
        let per_tx = packed[0].1.len();
        assert!(per_tx >= 10, "a transaction holds {per_tx} pairs");
        for (i, (ix, batch)) in packed.iter().enumerate() {
            assert!(svm_harness::tx_size(&me, std::slice::from_ref(ix)) <= MAX_TX_SIZE);
            assert_eq!(ix.accounts.len(), 6 + 2 * batch.len());
            if i + 1 < packed.len() {
                // Full: one more pair would not fit.
                let mut more = batch.clone();
                more.push(batch[0] + per_tx);
                let pairs: Vec<(Pubkey, Pubkey)> =
                    more.iter().map(|j| (positions[*j].version, positions[*j].contribution)).collect();
                let bigger = ixs::payout::position_claim(&open, &me.pubkey(), &to, &pairs);
                assert!(svm_harness::tx_size(&me, &[bigger]) > MAX_TX_SIZE);
            }
        }
        let all: Vec<usize> = packed.iter().flat_map(|(_, b)| b.clone()).collect();
        assert_eq!(all, (0..40).collect::<Vec<_>>(), "every position once, in order");
    }
}
