use crate::constants::{ACCOUNT_VERSION, SEED_EARNINGS};
use crate::events::EarningsInitialized;
use crate::state::{Earnings, EarningsRole};
use anchor_lang::prelude::*;

/// Permissionless: creates the earnings account of `beneficiary` in `role` (the payer pays its
/// rent; only the beneficiary can ever claim from it).
#[derive(Accounts)]
#[instruction(beneficiary: Pubkey, role: EarningsRole)]
pub struct EarningsInit<'info> {
    #[account(
        init,
        payer = payer,
        space = 8 + Earnings::INIT_SPACE,
        seeds = [SEED_EARNINGS, beneficiary.as_ref(), &role.seed()],
        bump,
    )]
    pub earnings: Box<Account<'info, Earnings>>,
    #[account(mut)]
    pub payer: Signer<'info>,
    pub system_program: Program<'info, System>,
}

impl EarningsInit<'_> {
    pub fn handler(ctx: Context<Self>, beneficiary: Pubkey, role: EarningsRole) -> Result<()> {
        ctx.accounts.earnings.set_inner(Earnings {
            version: ACCOUNT_VERSION,
            bump: ctx.bumps.earnings,
            beneficiary,
            role,
            balance: 0,
            total_earned: 0,
            total_claimed: 0,
            reserved: [0; 32],
        });
        emit!(EarningsInitialized { earnings: ctx.accounts.earnings.key(), beneficiary, role });
        Ok(())
    }
}
