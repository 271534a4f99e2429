use crate::errors::PayoutError;
use crate::events::PositionSynced;
use crate::state::Position;
use anchor_lang::prelude::*;
use datanet_registry::state::Contribution;

/// Permissionless: after a contribution was handed to another wallet
/// (`contribution_transfer_accept` in datanet_registry), points its position at the new
/// contributor, who alone can claim it from then on. What the position accrued stays its own.
#[derive(Accounts)]
pub struct PositionSync<'info> {
    #[account(mut, has_one = contribution @ PayoutError::WrongContribution)]
    pub position: Box<Account<'info, Position>>,
    pub contribution: Box<Account<'info, Contribution>>,
}

impl PositionSync<'_> {
    fn validate(&self) -> Result<()> {
        require_keys_neq!(self.position.beneficiary, self.contribution.contributor, PayoutError::BeneficiaryCurrent);
        Ok(())
    }

    #[access_control(ctx.accounts.validate())]
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let position = &mut ctx.accounts.position;
        let previous = position.beneficiary;
        position.beneficiary = ctx.accounts.contribution.contributor;
        emit!(PositionSynced { position: position.key(), previous, beneficiary: position.beneficiary });
        Ok(())
    }
}
