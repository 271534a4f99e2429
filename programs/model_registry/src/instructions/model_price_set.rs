use crate::errors::ModelError;
use crate::events::ModelPriceSet as ModelPriceSetEvent;
use crate::state::{Model, ModelState};
use anchor_lang::prelude::*;

/// The owner changes the price per call at any time before retirement; payers protect
/// themselves with `inference_pay`'s `max_fee`.
#[derive(Accounts)]
pub struct ModelPriceSet<'info> {
    #[account(mut, has_one = owner @ ModelError::NotOwner)]
    pub model: Box<Account<'info, Model>>,
    pub owner: Signer<'info>,
}

impl ModelPriceSet<'_> {
    fn validate(&self, price_per_call: u64) -> Result<()> {
        require!(self.model.state != ModelState::Retired, ModelError::Retired);
        require!(price_per_call > 0, ModelError::ZeroPrice);
        Ok(())
    }

    #[access_control(ctx.accounts.validate(price_per_call))]
    pub fn handler(ctx: Context<Self>, price_per_call: u64) -> Result<()> {
        let model = &mut ctx.accounts.model;
        let previous_price = model.price_per_call;
        model.price_per_call = price_per_call;
        model.invariant()?;
        emit!(ModelPriceSetEvent {
            model: model.key(),
            previous_price,
            price_per_call,
            timestamp: Clock::get()?.unix_timestamp,
        });
        Ok(())
    }
}
