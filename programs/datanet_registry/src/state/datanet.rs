use super::{check_name, check_uri};
use crate::constants::{MAX_CONTRIBUTION_WEIGHT, MAX_NAME_LEN, MAX_SPAM_WINDOW_SECS, MAX_URI_LEN};
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

/// What a submission puts at stake, and how long the curator may flag an accepted contribution
/// as spam. Applies to contributions submitted (for the window: accepted) from when it is set.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, PartialEq, Eq, InitSpace, Debug, Default)]
pub struct BondPolicy {
    /// OPEN base units every submission posts into the bond vault; 0 for none.
    pub amount: u64,
    /// How long after its acceptance a contribution that is in no version yet can be flagged as
    /// spam; 0 for never (a pending one can always be flagged). At most `MAX_SPAM_WINDOW_SECS`.
    pub spam_window_secs: i64,
}

impl BondPolicy {
    pub fn validate(&self) -> Result<()> {
        require!((0..=MAX_SPAM_WINDOW_SECS).contains(&self.spam_window_secs), DatanetError::InvalidBondPolicy);
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
    pub bond: BondPolicy,
    /// Contributions ever submitted (withdrawn ones included). `withdrawn` counts those taken
    /// back while pending; a rejected one cleared away stays counted in `rejected`.
    pub submitted: u64,
    pub accepted: u64,
    pub rejected: u64,
    pub withdrawn: u64,
    /// Contributions flagged as spam: `flagged_accepted` of them after acceptance (still counted
    /// in `accepted`, whose count orders acceptances), the others while pending (counted in
    /// `rejected`).
    pub flagged_accepted: u64,
    /// Sum of the weights of the accepted contributions (flagged ones excluded).
    pub total_accepted_weight: u64,
    /// Number of published versions; the next one is `versions + 1`.
    pub versions: u32,
    /// `accepted` when the latest version was published: a contribution with a lower
    /// `accepted_seq` is in a version, and can no longer be flagged.
    pub versioned_end: u64,
    pub created_at: i64,
    pub reserved: [u8; 32],
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
        self.bond.validate()?;
        let decided = self
            .accepted
            .checked_add(self.rejected)
            .and_then(|d| d.checked_add(self.withdrawn))
            .ok_or(DatanetError::Overflow)?;
        require!(decided <= self.submitted, DatanetError::Overflow);
        let live = self.live_accepted()?;
        require!((live == 0) == (self.total_accepted_weight == 0), DatanetError::ZeroWeight);
        require!(self.versioned_end <= self.accepted, DatanetError::Overflow);
        Ok(())
    }

    /// Accepted contributions not flagged as spam.
    pub fn live_accepted(&self) -> Result<u64> {
        Ok(self.accepted.checked_sub(self.flagged_accepted).ok_or(DatanetError::Overflow)?)
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
