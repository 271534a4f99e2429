use crate::errors::PayoutError;
use anchor_lang::prelude::*;

/// What downstream models have paid an upstream model, waiting for `escrow_distribute` to apply
/// that model's own split. PDA `[SEED_ESCROW, model]`; created only there, by `escrow_init`.
#[account]
#[derive(InitSpace, Debug)]
pub struct Escrow {
    pub version: u8,
    pub bump: u8,
    pub model: Pubkey,
    /// Waiting to be distributed.
    pub balance: u64,
    pub total_received: u64,
    pub total_distributed: u64,
    pub reserved: [u8; 32],
}

impl Escrow {
    pub fn credit(&mut self, amount: u64) -> Result<()> {
        self.balance = self.balance.checked_add(amount).ok_or(PayoutError::MathOverflow)?;
        self.total_received = self.total_received.checked_add(amount).ok_or(PayoutError::MathOverflow)?;
        Ok(())
    }

    pub fn invariant(&self) -> Result<()> {
        let accounted = self.balance.checked_add(self.total_distributed).ok_or(PayoutError::MathOverflow)?;
        require!(accounted == self.total_received, PayoutError::InvariantViolated);
        Ok(())
    }
}
