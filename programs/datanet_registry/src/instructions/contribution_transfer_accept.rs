use crate::errors::DatanetError;
use crate::events::ContributionTransferAccepted;
use crate::state::Contribution;
use anchor_lang::prelude::*;

/// Second step: the proposed wallet signs to become the contribution's contributor, paid for it
/// from now on (and refunded its rent if it is ever withdrawn or cleared).
#[derive(Accounts)]
pub struct ContributionTransferAccept<'info> {
    #[account(
        mut,
        constraint = contribution.pending_contributor == Some(new_contributor.key()) @ DatanetError::NoPendingContributor,
    )]
    pub contribution: Box<Account<'info, Contribution>>,
    pub new_contributor: Signer<'info>,
}

impl ContributionTransferAccept<'_> {
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let contribution = &mut ctx.accounts.contribution;
        let previous = contribution.contributor;
        contribution.contributor = ctx.accounts.new_contributor.key();
        contribution.pending_contributor = None;
        emit!(ContributionTransferAccepted {
            contribution: contribution.key(),
            previous,
            contributor: contribution.contributor,
        });
        Ok(())
    }
}
