use crate::errors::PayoutError;
use crate::events::EpochReleased;
use crate::state::{Epoch, EpochStatus, Pool};
use anchor_lang::prelude::*;

/// Permissionless: when no root was posted by the deadline, everything the epoch accrued goes to
/// its datanet's pool (the static path), so unattested value still reaches contributors.
#[derive(Accounts)]
pub struct AttributionRelease<'info> {
    #[account(mut)]
    pub epoch: Box<Account<'info, Epoch>>,
    #[account(mut, constraint = pool.datanet_version == epoch.datanet_version @ PayoutError::WrongPool)]
    pub pool: Box<Account<'info, Pool>>,
}

impl AttributionRelease<'_> {
    fn validate(&self) -> Result<()> {
        require!(self.epoch.status == EpochStatus::Open, PayoutError::RootAlreadyPosted);
        require!(Clock::get()?.unix_timestamp >= self.epoch.root_deadline_at, PayoutError::RootDeadlineNotPassed);
        Ok(())
    }

    #[access_control(ctx.accounts.validate())]
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let epoch = &mut ctx.accounts.epoch;
        let amount = epoch.return_balance(&mut ctx.accounts.pool)?;
        epoch.status = EpochStatus::Released;
        epoch.expires_at = Clock::get()?.unix_timestamp;
        epoch.invariant()?;
        emit!(EpochReleased { epoch: epoch.key(), model: epoch.model, index: epoch.index, amount, closed: false });
        Ok(())
    }
}
