use crate::errors::PayoutError;
use anchor_lang::prelude::*;

/// The capacity in which a wallet earns. One `Earnings` account per (wallet, role), so that a
/// model owner who also operates, or a treasury that also builds, never needs the same account
/// twice in one payment.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, PartialEq, Eq, InitSpace, Debug)]
pub enum EarningsRole {
    /// The protocol fee and every rounding remainder (`Config::treasury`).
    Treasury,
    /// A model owner's share, and at an upstream hop the operator share too (nobody executed it).
    ModelOwner,
    /// An operator's share of the fees for inference it served.
    Operator,
}

impl EarningsRole {
    pub fn seed(self) -> [u8; 1] {
        [self as u8]
    }
}

/// What a wallet earned in one role and has not claimed yet.
/// PDA `[SEED_EARNINGS, beneficiary, role]`; created only there, by `earnings_init`.
#[account]
#[derive(InitSpace, Debug)]
pub struct Earnings {
    pub version: u8,
    pub bump: u8,
    pub beneficiary: Pubkey,
    pub role: EarningsRole,
    /// Claimable now.
    pub balance: u64,
    pub total_earned: u64,
    pub total_claimed: u64,
    /// Set by `earnings_transfer_propose`, cleared when accepted (the account then closes).
    pub pending_beneficiary: Option<Pubkey>,
    pub reserved: [u8; 32],
}

impl Earnings {
    /// Whether this is `beneficiary`'s account for `role`. (Earnings accounts exist only at their
    /// canonical PDA, so the stored pair identifies the account as well as its seeds would.)
    pub fn belongs_to(&self, beneficiary: &Pubkey, role: EarningsRole) -> bool {
        self.beneficiary == *beneficiary && self.role == role
    }

    pub fn credit(&mut self, amount: u64) -> Result<()> {
        self.balance = self.balance.checked_add(amount).ok_or(PayoutError::MathOverflow)?;
        self.total_earned = self.total_earned.checked_add(amount).ok_or(PayoutError::MathOverflow)?;
        Ok(())
    }

    /// Empties the balance and returns it.
    pub fn take_balance(&mut self) -> Result<u64> {
        let amount = self.balance;
        self.balance = 0;
        self.total_claimed = self.total_claimed.checked_add(amount).ok_or(PayoutError::MathOverflow)?;
        Ok(amount)
    }

    pub fn invariant(&self) -> Result<()> {
        let accounted = self.balance.checked_add(self.total_claimed).ok_or(PayoutError::MathOverflow)?;
        require!(accounted == self.total_earned, PayoutError::InvariantViolated);
        Ok(())
    }
}
