use crate::errors::ModelError;
use crate::events::OperatorUpdated;
use crate::state::{Operator, OperatorStatus};
use anchor_lang::prelude::*;

/// The operator stops serving: no fee can name it until it calls `operator_update` again.
#[derive(Accounts)]
pub struct OperatorDeactivate<'info> {
    #[account(mut, has_one = authority @ ModelError::NotOperatorAuthority)]
    pub operator: Box<Account<'info, Operator>>,
    pub authority: Signer<'info>,
}

impl OperatorDeactivate<'_> {
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let operator = &mut ctx.accounts.operator;
        operator.status = OperatorStatus::Inactive;
        operator.updated_at = Clock::get()?.unix_timestamp;
        emit!(OperatorUpdated {
            operator: operator.key(),
            status: operator.status,
            endpoint: operator.endpoint.clone(),
            timestamp: operator.updated_at,
        });
        Ok(())
    }
}
