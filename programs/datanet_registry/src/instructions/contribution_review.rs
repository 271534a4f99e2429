use crate::errors::DatanetError;
use crate::events::ContributionReviewed;
use crate::state::{Contribution, ContributionStatus, Datanet};
use anchor_lang::prelude::*;

/// The curator's decision on a pending contribution. Final either way.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, PartialEq, Eq, Debug)]
pub enum ReviewDecision {
    /// Accepted with an attribution weight above zero; the weight never changes afterwards.
    Accept { weight: u64 },
    /// Rejected with a reason code whose meaning is the datanet's own.
    Reject { reason: u16 },
}

#[derive(Accounts)]
pub struct ContributionReview<'info> {
    #[account(mut, has_one = authority @ DatanetError::NotAuthority)]
    pub datanet: Box<Account<'info, Datanet>>,
    #[account(mut, has_one = datanet)]
    pub contribution: Box<Account<'info, Contribution>>,
    pub authority: Signer<'info>,
}

impl ContributionReview<'_> {
    fn validate(&self) -> Result<()> {
        // An accepted weight is checked where every acceptance is recorded: Datanet::record_accepted.
        require!(self.contribution.status == ContributionStatus::Pending, DatanetError::NotPending);
        Ok(())
    }

    #[access_control(ctx.accounts.validate())]
    pub fn handler(ctx: Context<Self>, decision: ReviewDecision) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let datanet = &mut ctx.accounts.datanet;
        let contribution = &mut ctx.accounts.contribution;
        match decision {
            ReviewDecision::Accept { weight } => contribution.accept(datanet, weight, now)?,
            ReviewDecision::Reject { reason } => {
                datanet.rejected = datanet.rejected.checked_add(1).ok_or(DatanetError::Overflow)?;
                contribution.status = ContributionStatus::Rejected;
                contribution.reject_reason = reason;
                contribution.decided_at = now;
            }
        }
        contribution.invariant()?;
        datanet.invariant()?;
        emit!(ContributionReviewed {
            datanet: datanet.key(),
            contribution: contribution.key(),
            contributor: contribution.contributor,
            status: contribution.status,
            weight: contribution.weight,
            reject_reason: contribution.reject_reason,
            total_accepted_weight: datanet.total_accepted_weight,
            timestamp: now,
        });
        Ok(())
    }
}
