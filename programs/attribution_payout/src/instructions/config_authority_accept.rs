use crate::errors::PayoutError;
use crate::events::ConfigAuthorityAccepted;
use crate::state::Config;
use anchor_lang::prelude::*;

/// Second step: the proposed authority signs to take over.
#[derive(Accounts)]
pub struct ConfigAuthorityAccept<'info> {
    #[account(
        mut,
        constraint = config.pending_authority == Some(new_authority.key()) @ PayoutError::NoPendingAuthority,
    )]
    pub config: Box<Account<'info, Config>>,
    pub new_authority: Signer<'info>,
}

impl ConfigAuthorityAccept<'_> {
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let config = &mut ctx.accounts.config;
        let previous = config.authority;
        config.authority = ctx.accounts.new_authority.key();
        config.pending_authority = None;
        emit!(ConfigAuthorityAccepted { previous, authority: config.authority });
        Ok(())
    }
}
