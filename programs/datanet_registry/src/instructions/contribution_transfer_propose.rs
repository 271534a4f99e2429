use crate::errors::DatanetError;
use crate::events::ContributionTransferProposed;
use crate::state::Contribution;
use anchor_lang::prelude::*;

/// First step of handing a contribution to another wallet (a rotated or lost-at-risk key): the
/// contributor names its successor (or cancels with `None`); nothing changes until the successor
/// accepts. Its positions follow with `position_sync` in attribution_payout.
#[derive(Accounts)]
pub struct ContributionTransferPropose<'info> {
    #[account(mut, has_one = contributor @ DatanetError::NotContributor)]
    pub contribution: Box<Account<'info, Contribution>>,
    pub contributor: Signer<'info>,
}

impl ContributionTransferPropose<'_> {
    pub fn handler(ctx: Context<Self>, new_contributor: Option<Pubkey>) -> Result<()> {
        let contribution = &mut ctx.accounts.contribution;
        contribution.pending_contributor = new_contributor;
        emit!(ContributionTransferProposed {
            contribution: contribution.key(),
            contributor: contribution.contributor,
            proposed: new_contributor,
        });
        Ok(())
    }
}
