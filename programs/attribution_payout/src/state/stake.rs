use crate::errors::PayoutError;
use anchor_lang::prelude::*;

/// An operator's stake in the stake vault. PDA `[SEED_STAKE, first authority]`; created only
/// there, by `stake_init`. Handed over with the operator (`stake_authority_propose`/`_accept`).
#[account]
#[derive(InitSpace, Debug)]
pub struct Stake {
    pub version: u8,
    pub bump: u8,
    /// The operator's wallet (its `model_registry` Operator's authority).
    pub authority: Pubkey,
    /// Counts toward the minimum that makes the operator payable.
    pub active: u64,
    /// Requested for withdrawal; no longer counts; withdrawable from `unlock_at`.
    pub unstaking: u64,
    pub unlock_at: i64,
    /// Set by `stake_authority_propose`, cleared when accepted.
    pub pending_authority: Option<Pubkey>,
    /// What queued slashes name (`GovernanceAction::Slash`): the withdrawal must leave this much.
    pub locked: u64,
    /// The stake posted a Proof of Attribution root: nothing is withdrawn before that epoch's
    /// challenge window and any challenge's resolution are over, whatever the config says later.
    pub slashable_until: i64,
    pub reserved: [u8; 16],
}

impl Stake {
    pub fn total(&self) -> Result<u64> {
        self.active.checked_add(self.unstaking).ok_or_else(|| PayoutError::MathOverflow.into())
    }

    /// What a new slash may still name: the stake not locked by queued ones.
    pub fn unlocked(&self) -> Result<u64> {
        self.total()?.checked_sub(self.locked).ok_or_else(|| PayoutError::MathOverflow.into())
    }
}
