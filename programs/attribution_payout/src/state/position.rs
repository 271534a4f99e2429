use crate::errors::PayoutError;
use anchor_lang::prelude::*;

/// An accepted contribution's stake in its datanet's pool: its weight, and where in the
/// accumulator it last claimed. PDA `[SEED_POSITION, contribution]`; created only there, by
/// `position_enroll`.
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
    /// The pool's `reward_per_weight` when the position last claimed (or enrolled).
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
}
