use crate::errors::DatanetError;
use crate::events::ContributionWithdrawn;
use crate::state::{Contribution, ContributionStatus, Datanet};
use anchor_lang::prelude::*;

/// The contributor takes back a pending contribution, or clears away a rejected one: the account
/// closes, its rent returns to the contributor and its content hash is free again. An accepted
/// contribution is permanent (its weight backs payouts). A rejection stays counted in the
/// datanet's `rejected`, and in the `ContributionRejected` event. (Contribution accounts exist only at their canonical PDA, since this program
/// creates them nowhere else; `has_one = datanet` ties it to the datanet whose counter changes.)
#[derive(Accounts)]
pub struct ContributionWithdraw<'info> {
    #[account(mut)]
    pub datanet: Box<Account<'info, Datanet>>,
    #[account(
        mut,
        close = contributor,
        has_one = datanet,
        has_one = contributor @ DatanetError::NotContributor,
    )]
    pub contribution: Box<Account<'info, Contribution>>,
    #[account(mut)]
    pub contributor: Signer<'info>,
}

impl ContributionWithdraw<'_> {
    fn validate(&self) -> Result<()> {
        require!(self.contribution.status != ContributionStatus::Accepted, DatanetError::AcceptedIsPermanent);
        Ok(())
    }

    #[access_control(ctx.accounts.validate())]
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let datanet = &mut ctx.accounts.datanet;
        let contribution = &ctx.accounts.contribution;
        if contribution.status == ContributionStatus::Pending {
            datanet.withdrawn = datanet.withdrawn.checked_add(1).ok_or(DatanetError::Overflow)?;
        }
        datanet.invariant()?;
        emit!(ContributionWithdrawn {
            datanet: datanet.key(),
            contribution: contribution.key(),
            contributor: contribution.contributor,
            content_hash: contribution.content_hash,
            status: contribution.status,
            rent_returned: contribution.to_account_info().lamports(),
            timestamp: Clock::get()?.unix_timestamp,
        });
        Ok(())
    }
}
