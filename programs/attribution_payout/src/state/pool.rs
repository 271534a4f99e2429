use crate::errors::PayoutError;
use anchor_lang::prelude::*;
use payout_math::Accumulator;

/// The reward pool of one published datanet version: the classic reward-per-weight accumulator
/// over a membership and a total weight that were fixed when the version was published. Every
/// credit is divided among exactly the version's contributions, so a fee costs the same whether
/// it has one contribution or a million, nothing ever waits for "the next enrolment", and no
/// weight can join after the fact. PDA `[SEED_POOL, datanet_version]`; created only there, by
/// `pool_init`.
#[account]
#[derive(InitSpace, Debug)]
pub struct Pool {
    pub version: u8,
    pub bump: u8,
    pub datanet: Pubkey,
    pub datanet_version: Pubkey,
    /// The version's contributions are those accepted with `accepted_seq < accepted_end`.
    pub accepted_end: u64,
    /// The version's summed weight, copied at `pool_init`; never changes, above zero.
    pub total_weight: u64,
    /// Weight of the positions opened so far (at most `total_weight`); informational.
    pub enrolled_weight: u64,
    pub positions: u64,
    /// Rewards per unit of weight since the pool began, scaled by 2^64.
    pub reward_per_weight: u128,
    /// The remainder of the last accumulator division, in 2^-64 token units, carried forward.
    pub carry: u64,
    pub total_credited: u64,
    pub total_claimed: u64,
    pub reserved: [u8; 64],
}

impl Pool {
    /// Credits a share of a fee to every contribution of the version, by weight.
    pub fn credit(&mut self, amount: u64) -> Result<()> {
        self.total_credited = self.total_credited.checked_add(amount).ok_or(PayoutError::MathOverflow)?;
        let acc = Accumulator { reward_per_weight: self.reward_per_weight, carry: self.carry };
        let acc = payout_math::distribute(acc, amount, self.total_weight).ok_or(PayoutError::MathOverflow)?;
        self.reward_per_weight = acc.reward_per_weight;
        self.carry = acc.carry;
        Ok(())
    }

    /// Records a position opened for `weight` of the version's total.
    pub fn enroll(&mut self, weight: u64) -> Result<()> {
        self.enrolled_weight = self.enrolled_weight.checked_add(weight).ok_or(PayoutError::MathOverflow)?;
        self.positions = self.positions.checked_add(1).ok_or(PayoutError::MathOverflow)?;
        self.invariant()
    }

    pub fn record_claim(&mut self, amount: u64) -> Result<()> {
        self.total_claimed = self.total_claimed.checked_add(amount).ok_or(PayoutError::MathOverflow)?;
        self.invariant()
    }

    pub fn invariant(&self) -> Result<()> {
        require!(self.total_weight > 0, PayoutError::InvariantViolated);
        require!(self.enrolled_weight <= self.total_weight, PayoutError::InvariantViolated);
        require!(self.total_claimed <= self.total_credited, PayoutError::InvariantViolated);
        Ok(())
    }
}
