use crate::errors::DatanetError;
use crate::events::DatanetAuthorityAccepted;
use crate::state::Datanet;
use anchor_lang::prelude::*;

/// Second step of the transfer: the proposed authority signs to take over.
#[derive(Accounts)]
pub struct DatanetAuthorityAccept<'info> {
    #[account(
        mut,
        constraint = datanet.pending_authority == Some(new_authority.key()) @ DatanetError::NoPendingAuthority,
    )]
    pub datanet: Box<Account<'info, Datanet>>,
    pub new_authority: Signer<'info>,
}

impl DatanetAuthorityAccept<'_> {
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let datanet = &mut ctx.accounts.datanet;
        let previous = datanet.authority;
        datanet.authority = ctx.accounts.new_authority.key();
        datanet.pending_authority = None;
        emit!(DatanetAuthorityAccepted { datanet: datanet.key(), previous, authority: datanet.authority });
        Ok(())
    }
}
