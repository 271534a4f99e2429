use crate::constants::{ACCOUNT_VERSION, SEED_OPERATOR};
use crate::events::OperatorRegistered;
use crate::state::{check_uri, Operator, OperatorStatus};
use anchor_lang::prelude::*;

#[derive(Accounts)]
pub struct OperatorRegister<'info> {
    #[account(
        init,
        payer = authority,
        space = 8 + Operator::INIT_SPACE,
        seeds = [SEED_OPERATOR, authority.key().as_ref()],
        bump,
    )]
    pub operator: Box<Account<'info, Operator>>,
    #[account(mut)]
    pub authority: Signer<'info>,
    pub system_program: Program<'info, System>,
}

impl OperatorRegister<'_> {
    fn validate(&self, endpoint: &str) -> Result<()> {
        check_uri(endpoint)
    }

    #[access_control(ctx.accounts.validate(&endpoint))]
    pub fn handler(ctx: Context<Self>, endpoint: String) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let authority = ctx.accounts.authority.key();
        let operator = &mut ctx.accounts.operator;
        operator.set_inner(Operator {
            version: ACCOUNT_VERSION,
            bump: ctx.bumps.operator,
            authority,
            status: OperatorStatus::Active,
            registered_at: now,
            updated_at: now,
            reserved: [0; 32],
            endpoint,
        });
        operator.invariant()?;
        emit!(OperatorRegistered {
            operator: operator.key(),
            authority,
            endpoint: operator.endpoint.clone(),
            timestamp: now,
        });
        Ok(())
    }
}
