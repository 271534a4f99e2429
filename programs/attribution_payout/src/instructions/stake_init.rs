use crate::constants::{ACCOUNT_VERSION, SEED_STAKE};
use crate::events::StakeInitialized;
use crate::state::Stake;
use anchor_lang::prelude::*;

/// Creates the signer's (empty) stake account.
#[derive(Accounts)]
pub struct StakeInit<'info> {
    #[account(init, payer = authority, space = 8 + Stake::INIT_SPACE, seeds = [SEED_STAKE, authority.key().as_ref()], bump)]
    pub stake: Box<Account<'info, Stake>>,
    #[account(mut)]
    pub authority: Signer<'info>,
    pub system_program: Program<'info, System>,
}

impl StakeInit<'_> {
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let authority = ctx.accounts.authority.key();
        ctx.accounts.stake.set_inner(Stake {
            version: ACCOUNT_VERSION,
            bump: ctx.bumps.stake,
            authority,
            active: 0,
            unstaking: 0,
            unlock_at: 0,
            reserved: [0; 32],
        });
        emit!(StakeInitialized { stake: ctx.accounts.stake.key(), authority });
        Ok(())
    }
}
