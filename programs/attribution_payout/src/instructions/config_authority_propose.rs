use crate::errors::PayoutError;
use crate::events::ConfigAuthorityProposed;
use crate::state::Config;
use anchor_lang::prelude::*;

/// First step of a two-step authority transfer (`None` cancels a pending one).
#[derive(Accounts)]
pub struct ConfigAuthorityPropose<'info> {
    #[account(mut, has_one = authority @ PayoutError::NotConfigAuthority)]
    pub config: Box<Account<'info, Config>>,
    pub authority: Signer<'info>,
}

impl ConfigAuthorityPropose<'_> {
    pub fn handler(ctx: Context<Self>, new_authority: Option<Pubkey>) -> Result<()> {
        let config = &mut ctx.accounts.config;
        config.pending_authority = new_authority;
        emit!(ConfigAuthorityProposed { authority: config.authority, proposed: new_authority });
        Ok(())
    }
}
