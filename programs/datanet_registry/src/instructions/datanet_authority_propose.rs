use crate::errors::DatanetError;
use crate::events::DatanetAuthorityProposed;
use crate::state::Datanet;
use anchor_lang::prelude::*;

/// First step of a two-step authority transfer: the current authority names its successor (or
/// cancels with `None`); nothing changes until the successor accepts.
#[derive(Accounts)]
pub struct DatanetAuthorityPropose<'info> {
    #[account(mut, has_one = authority @ DatanetError::NotAuthority)]
    pub datanet: Box<Account<'info, Datanet>>,
    pub authority: Signer<'info>,
}

impl DatanetAuthorityPropose<'_> {
    pub fn handler(ctx: Context<Self>, new_authority: Option<Pubkey>) -> Result<()> {
        let datanet = &mut ctx.accounts.datanet;
        datanet.pending_authority = new_authority;
        emit!(DatanetAuthorityProposed {
            datanet: datanet.key(),
            authority: datanet.authority,
            proposed: new_authority,
        });
        Ok(())
    }
}
