use crate::errors::PayoutError;
use crate::events::{StakeChange, StakeChanged};
use crate::state::{Config, Stake};
use anchor_lang::prelude::*;

/// Moves `amount` of the active stake to unstaking and (re)starts the cooldown: it stops
/// counting toward the minimum at once and is withdrawable when the cooldown ends. A second
/// request adds to the first and restarts the cooldown for the whole unstaking amount.
#[derive(Accounts)]
pub struct StakeUnstakeRequest<'info> {
    pub config: Box<Account<'info, Config>>,
    #[account(mut, has_one = authority @ PayoutError::NotStakeAuthority)]
    pub stake: Box<Account<'info, Stake>>,
    pub authority: Signer<'info>,
}

impl StakeUnstakeRequest<'_> {
    fn validate(&self, amount: u64) -> Result<()> {
        require!(amount > 0, PayoutError::ZeroAmount);
        require!(amount <= self.stake.active, PayoutError::StakeTooLow);
        Ok(())
    }

    #[access_control(ctx.accounts.validate(amount))]
    pub fn handler(ctx: Context<Self>, amount: u64) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let cooldown = ctx.accounts.config.unstake_cooldown_secs;
        let stake = &mut ctx.accounts.stake;
        stake.active -= amount;
        stake.unstaking = stake.unstaking.checked_add(amount).ok_or(PayoutError::MathOverflow)?;
        stake.unlock_at = now.checked_add(cooldown).ok_or(PayoutError::MathOverflow)?;
        emit!(StakeChanged {
            stake: stake.key(),
            authority: stake.authority,
            amount,
            kind: StakeChange::UnstakeRequest,
            active: stake.active,
            unstaking: stake.unstaking,
            unlock_at: stake.unlock_at,
        });
        Ok(())
    }
}
