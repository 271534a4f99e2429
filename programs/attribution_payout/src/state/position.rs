use crate::errors::PayoutError;
use anchor_lang::prelude::*;

/// A contribution's share of one datanet version's pool: its weight, and where in the
/// accumulator it last claimed. Since the version's membership was fixed before any credit, a
/// position opened late starts from the pool's beginning (checkpoint 0): nothing credited to
/// the version is lost by enrolling late. PDA `[SEED_POSITION, pool, contribution]`; created
/// only there, by `position_enroll`.
#[account]
#[derive(InitSpace, Debug)]
pub struct Position {
    pub version: u8,
    pub bump: u8,
    pub pool: Pubkey,
    pub contribution: Pubkey,
    /// The contributor: the only one who can claim.
    pub beneficiary: Pubkey,
    /// The contribution's accepted weight, copied at enrolment (weights never change).
    pub weight: u64,
    /// The pool's `reward_per_weight` at the position's last claim (0 before the first).
    pub reward_checkpoint: u128,
    /// The part of a token unit accrued but not yet paid (low 64 bits), carried to the next claim.
    pub fraction: u64,
    pub total_claimed: u64,
    pub enrolled_at: i64,
    pub reserved: [u8; 32],
}

impl Position {
    /// What the position may claim now: `(amount, new fraction)`.
    pub fn pending(&self, reward_per_weight: u128) -> Result<(u64, u64)> {
        payout_math::accrue(self.weight, self.reward_checkpoint, reward_per_weight, self.fraction)
            .ok_or_else(|| PayoutError::MathOverflow.into())
    }

    /// Takes what the position accrued up to `reward_per_weight`; returns the amount.
    pub fn take(&mut self, reward_per_weight: u128) -> Result<u64> {
        let (amount, fraction) = self.pending(reward_per_weight)?;
        self.reward_checkpoint = reward_per_weight;
        self.fraction = fraction;
        self.total_claimed = self.total_claimed.checked_add(amount).ok_or(PayoutError::MathOverflow)?;
        Ok(amount)
    }
}
