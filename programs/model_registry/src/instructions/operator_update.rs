use crate::errors::ModelError;
use crate::events::OperatorUpdated;
use crate::state::{check_uri, Operator, OperatorStatus};
use anchor_lang::prelude::*;

/// The operator states where it serves: the endpoint is replaced and the operator is active
/// (this is also how a deactivated operator resumes).
#[derive(Accounts)]
pub struct OperatorUpdate<'info> {
    #[account(mut, has_one = authority @ ModelError::NotOperatorAuthority)]
    pub operator: Box<Account<'info, Operator>>,
    pub authority: Signer<'info>,
}

impl OperatorUpdate<'_> {
    fn validate(&self, endpoint: &str) -> Result<()> {
        check_uri(endpoint)
    }

    #[access_control(ctx.accounts.validate(&endpoint))]
    pub fn handler(ctx: Context<Self>, endpoint: String) -> Result<()> {
        let operator = &mut ctx.accounts.operator;
        operator.endpoint = endpoint;
        operator.status = OperatorStatus::Active;
        operator.updated_at = Clock::get()?.unix_timestamp;
        operator.invariant()?;
        emit!(OperatorUpdated {
            operator: operator.key(),
            status: operator.status,
            endpoint: operator.endpoint.clone(),
            timestamp: operator.updated_at,
        });
        Ok(())
    }
}
