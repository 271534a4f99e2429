use crate::constants::{ACCOUNT_VERSION, SEED_STAKE};
use crate::events::StakeInitialized;
use crate::state::Stake;
use anchor_lang::prelude::*;
use datanet_registry::pda_account::create_account;

/// Creates the signer's (empty) stake account.
#[derive(Accounts)]
pub struct StakeInit<'info> {
    /// CHECK: the stake's PDA, vacant; created by the handler (`pda_account::create_account`).
    #[account(mut, seeds = [SEED_STAKE, authority.key().as_ref()], bump)]
    pub stake: UncheckedAccount<'info>,
    #[account(mut)]
    pub authority: Signer<'info>,
    pub system_program: Program<'info, System>,
}

impl StakeInit<'_> {
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let authority = ctx.accounts.authority.key();
        let bump = ctx.bumps.stake;
        let stake = Stake {
            version: ACCOUNT_VERSION,
            bump,
            authority,
            active: 0,
            unstaking: 0,
            unlock_at: 0,
            pending_authority: None,
            locked: 0,
            slashable_until: 0,
            reserved: [0; 16],
        };
        let accounts = &ctx.accounts;
        create_account(
            accounts.authority.to_account_info(),
            accounts.stake.to_account_info(),
            accounts.system_program.key(),
            &[SEED_STAKE, authority.as_ref(), &[bump]],
            &stake,
        )?;
        emit!(StakeInitialized { stake: ctx.accounts.stake.key(), authority });
        Ok(())
    }
}
