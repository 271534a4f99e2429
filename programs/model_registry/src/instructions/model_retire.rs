use crate::errors::ModelError;
use crate::events::ModelRetired;
use crate::state::{Model, ModelState};
use anchor_lang::prelude::*;

/// No new payments for this model from now on; everything already owed stays claimable and its
/// escrow can still be distributed.
#[derive(Accounts)]
pub struct ModelRetire<'info> {
    #[account(mut, has_one = owner @ ModelError::NotOwner)]
    pub model: Box<Account<'info, Model>>,
    pub owner: Signer<'info>,
}

impl ModelRetire<'_> {
    fn validate(&self) -> Result<()> {
        require!(self.model.state != ModelState::Retired, ModelError::Retired);
        Ok(())
    }

    #[access_control(ctx.accounts.validate())]
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let model = &mut ctx.accounts.model;
        model.state = ModelState::Retired;
        model.retired_at = now;
        emit!(ModelRetired { model: model.key(), timestamp: now });
        Ok(())
    }
}
