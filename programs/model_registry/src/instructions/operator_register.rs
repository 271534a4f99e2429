use crate::constants::{ACCOUNT_VERSION, SEED_OPERATOR};
use crate::events::OperatorRegistered;
use crate::state::{check_uri, Operator, OperatorStatus};
use anchor_lang::prelude::*;
use datanet_registry::pda_account::create_account;

#[derive(Accounts)]
pub struct OperatorRegister<'info> {
    /// CHECK: the operator's PDA, vacant; created by the handler (`pda_account::create_account`).
    #[account(mut, seeds = [SEED_OPERATOR, authority.key().as_ref()], bump)]
    pub operator: UncheckedAccount<'info>,
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
        let bump = ctx.bumps.operator;
        let operator = Operator {
            version: ACCOUNT_VERSION,
            bump,
            authority,
            status: OperatorStatus::Active,
            registered_at: now,
            updated_at: now,
            pending_authority: None,
            reserved: [0; 32],
            endpoint,
        };
        operator.invariant()?;
        let accounts = &ctx.accounts;
        create_account(
            accounts.authority.to_account_info(),
            accounts.operator.to_account_info(),
            accounts.system_program.key(),
            &[SEED_OPERATOR, authority.as_ref(), &[bump]],
            &operator,
        )?;
        emit!(OperatorRegistered {
            operator: accounts.operator.key(),
            authority,
            endpoint: operator.endpoint,
            timestamp: now,
        });
        Ok(())
    }
}
