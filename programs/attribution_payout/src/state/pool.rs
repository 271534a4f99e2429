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

/// Byte offsets in a `Pool` account (discriminator included) of the fields a credit reads or
/// writes; a test of the harness (`pool_offsets_match_the_layout`) pins them to the borsh layout.
pub mod pool_offset {
    pub const DATANET_VERSION: usize = 8 + 1 + 1 + 32;
    pub const TOTAL_WEIGHT: usize = DATANET_VERSION + 32 + 8;
    pub const REWARD_PER_WEIGHT: usize = TOTAL_WEIGHT + 8 + 8 + 8;
    pub const CARRY: usize = REWARD_PER_WEIGHT + 16;
    pub const TOTAL_CREDITED: usize = CARRY + 8;
    pub const END: usize = TOTAL_CREDITED + 8;
}

/// Adds `amount` to a pool's accumulator and its `total_credited`: the one place a pool is credited.
fn credit_fields(total_weight: u64, acc: Accumulator, total_credited: u64, amount: u64) -> Result<(Accumulator, u64)> {
    let total_credited = total_credited.checked_add(amount).ok_or(PayoutError::MathOverflow)?;
    let acc = payout_math::distribute(acc, amount, total_weight).ok_or(PayoutError::MathOverflow)?;
    Ok((acc, total_credited))
}

/// `N` bytes of `data` from `at`; the caller has checked the length.
pub fn read_bytes<const N: usize>(data: &[u8], at: usize) -> [u8; N] {
    data[at..at + N].try_into().expect("within the checked length")
}

impl Pool {
    /// Credits a share of a fee to every contribution of the version, by weight.
    pub fn credit(&mut self, amount: u64) -> Result<()> {
        let acc = Accumulator { reward_per_weight: self.reward_per_weight, carry: self.carry };
        let (acc, total_credited) = credit_fields(self.total_weight, acc, self.total_credited, amount)?;
        self.reward_per_weight = acc.reward_per_weight;
        self.carry = acc.carry;
        self.total_credited = total_credited;
        Ok(())
    }

    /// `credit` on the pool account `info`, reading and writing only the fields a credit touches:
    /// the fee path's write per datanet entry, without decoding and re-encoding the whole pool.
    /// Checks what `Account::<Pool>::try_from` does (this program's account, a `Pool`'s
    /// discriminator) and that the pool is `datanet_version`'s.
    pub fn credit_in_place(info: &AccountInfo, datanet_version: &Pubkey, amount: u64) -> Result<()> {
        require_keys_eq!(*info.owner, crate::ID, ErrorCode::AccountOwnedByWrongProgram);
        let mut data = info.try_borrow_mut_data()?;
        require!(data.get(..8) == Some(Pool::DISCRIMINATOR), ErrorCode::AccountDiscriminatorMismatch);
        require!(data.len() >= pool_offset::END, ErrorCode::AccountDidNotDeserialize);
        require!(
            data[pool_offset::DATANET_VERSION..pool_offset::DATANET_VERSION + 32] == datanet_version.to_bytes(),
            PayoutError::LineageAccountMismatch
        );
        let total_weight = u64::from_le_bytes(read_bytes(&data, pool_offset::TOTAL_WEIGHT));
        let acc = Accumulator {
            reward_per_weight: u128::from_le_bytes(read_bytes(&data, pool_offset::REWARD_PER_WEIGHT)),
            carry: u64::from_le_bytes(read_bytes(&data, pool_offset::CARRY)),
        };
        let total_credited = u64::from_le_bytes(read_bytes(&data, pool_offset::TOTAL_CREDITED));
        let (acc, total_credited) = credit_fields(total_weight, acc, total_credited, amount)?;
        data[pool_offset::REWARD_PER_WEIGHT..pool_offset::CARRY].copy_from_slice(&acc.reward_per_weight.to_le_bytes());
        data[pool_offset::CARRY..pool_offset::TOTAL_CREDITED].copy_from_slice(&acc.carry.to_le_bytes());
        data[pool_offset::TOTAL_CREDITED..pool_offset::END].copy_from_slice(&total_credited.to_le_bytes());
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
