use crate::errors::PayoutError;
use anchor_lang::prelude::*;
use payout_math::Accumulator;

/// A datanet's reward pool: the classic reward-per-weight accumulator, so that a fee costs the
/// same whether the datanet has one enrolled contribution or a million.
/// PDA `[SEED_POOL, datanet]`; created only there, by `pool_init`.
#[account]
#[derive(InitSpace, Debug)]
pub struct Pool {
    pub version: u8,
    pub bump: u8,
    pub datanet: Pubkey,
    /// Sum of the enrolled positions' weights; it never decreases (weights are final).
    pub total_weight: u64,
    pub positions: u64,
    /// Rewards per unit of weight since the pool began, scaled by 2^64.
    pub reward_per_weight: u128,
    /// The remainder of the last accumulator division, in 2^-64 token units, carried forward.
    pub carry: u64,
    /// Credited while the pool had no weight; released to the accumulator by the next enrolment.
    pub undistributed: u64,
    pub total_credited: u64,
    pub total_claimed: u64,
    pub reserved: [u8; 64],
}

impl Pool {
    fn accumulator(&self) -> Accumulator {
        Accumulator { reward_per_weight: self.reward_per_weight, carry: self.carry }
    }

    fn accumulate(&mut self, amount: u64) -> Result<()> {
        let acc =
            payout_math::distribute(self.accumulator(), amount, self.total_weight).ok_or(PayoutError::MathOverflow)?;
        self.reward_per_weight = acc.reward_per_weight;
        self.carry = acc.carry;
        Ok(())
    }

    /// Credits a share of a fee: into the accumulator, or, while the pool has no weight, into
    /// `undistributed`.
    pub fn credit(&mut self, amount: u64) -> Result<()> {
        self.total_credited = self.total_credited.checked_add(amount).ok_or(PayoutError::MathOverflow)?;
        if self.total_weight == 0 {
            self.undistributed = self.undistributed.checked_add(amount).ok_or(PayoutError::MathOverflow)?;
            return Ok(());
        }
        self.accumulate(amount)
    }

    /// Adds an enrolled position's weight, then releases anything that waited for weight.
    pub fn enroll(&mut self, weight: u64) -> Result<u64> {
        self.total_weight = self.total_weight.checked_add(weight).ok_or(PayoutError::MathOverflow)?;
        self.positions = self.positions.checked_add(1).ok_or(PayoutError::MathOverflow)?;
        let released = self.undistributed;
        if released > 0 {
            self.undistributed = 0;
            self.accumulate(released)?;
        }
        Ok(released)
    }

    pub fn record_claim(&mut self, amount: u64) -> Result<()> {
        self.total_claimed = self.total_claimed.checked_add(amount).ok_or(PayoutError::MathOverflow)?;
        require!(self.total_claimed <= self.total_credited, PayoutError::InvariantViolated);
        Ok(())
    }

    pub fn invariant(&self) -> Result<()> {
        require!(self.total_claimed <= self.total_credited, PayoutError::InvariantViolated);
        require!(self.undistributed == 0 || self.total_weight == 0, PayoutError::InvariantViolated);
        Ok(())
    }
}
