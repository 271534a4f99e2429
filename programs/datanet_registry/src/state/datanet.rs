use super::{check_name, check_uri};
use crate::constants::{MAX_CONTRIBUTION_WEIGHT, MAX_NAME_LEN, MAX_URI_LEN};
use crate::errors::DatanetError;
use anchor_lang::prelude::*;

/// How a datanet decides on contributions.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, PartialEq, Eq, InitSpace, Debug)]
pub enum DatanetPolicy {
    /// Contributions wait as `Pending` until the curator accepts (with a weight) or rejects them.
    Curated,
    /// Contributions are accepted on submission, each with the same fixed `weight`: the rule is
    /// one contribution, one share, whatever its size (a declared size cannot be verified on chain).
    Open { weight: u64 },
}

impl DatanetPolicy {
    pub fn validate(&self) -> Result<()> {
        if let DatanetPolicy::Open { weight } = self {
            require!((1..=MAX_CONTRIBUTION_WEIGHT).contains(weight), DatanetError::InvalidPolicy);
        }
        Ok(())
    }
}

/// A curated collection of contributions. PDA `[SEED_DATANET, creator, id (u64 LE)]`.
/// Fixed-size fields come first so that indexers can filter on them at fixed offsets.
#[account]
#[derive(InitSpace, Debug)]
pub struct Datanet {
    /// Account layout version.
    pub version: u8,
    pub bump: u8,
    /// Who created it; part of the seeds, never changes.
    pub creator: Pubkey,
    /// The creator's identifier for it; part of the seeds.
    pub id: u64,
    /// The curator: reviews contributions, publishes versions, updates the datanet.
    pub authority: Pubkey,
    /// Set by `datanet_authority_propose`, cleared when accepted.
    pub pending_authority: Option<Pubkey>,
    pub policy: DatanetPolicy,
    /// Contributions ever submitted (withdrawn ones included). `withdrawn` counts those taken
    /// back while pending; a rejected one cleared away stays counted in `rejected`.
    pub submitted: u64,
    pub accepted: u64,
    pub rejected: u64,
    pub withdrawn: u64,
    /// Sum of the weights of all accepted contributions.
    pub total_accepted_weight: u64,
    /// Number of published versions; the next one is `versions + 1`.
    pub versions: u32,
    pub created_at: i64,
    pub reserved: [u8; 64],
    #[max_len(MAX_NAME_LEN)]
    pub name: String,
    #[max_len(MAX_URI_LEN)]
    pub uri: String,
}

impl Datanet {
    pub fn invariant(&self) -> Result<()> {
        check_name(&self.name)?;
        check_uri(&self.uri)?;
        self.policy.validate()?;
        let decided = self
            .accepted
            .checked_add(self.rejected)
            .and_then(|d| d.checked_add(self.withdrawn))
            .ok_or(DatanetError::Overflow)?;
        require!(decided <= self.submitted, DatanetError::Overflow);
        require!((self.accepted == 0) == (self.total_accepted_weight == 0), DatanetError::ZeroWeight);
        Ok(())
    }

    /// Records an accepted contribution's weight; returns its order of acceptance.
    pub fn record_accepted(&mut self, weight: u64) -> Result<u64> {
        check_weight(weight)?;
        let seq = self.accepted;
        self.accepted = seq.checked_add(1).ok_or(DatanetError::Overflow)?;
        self.total_accepted_weight = self.total_accepted_weight.checked_add(weight).ok_or(DatanetError::Overflow)?;
        Ok(seq)
    }
}

/// An accepted contribution's weight: above zero, at most `MAX_CONTRIBUTION_WEIGHT`.
pub fn check_weight(weight: u64) -> Result<()> {
    require!(weight > 0, DatanetError::ZeroWeight);
    require!(weight <= MAX_CONTRIBUTION_WEIGHT, DatanetError::WeightTooHigh);
    Ok(())
}
