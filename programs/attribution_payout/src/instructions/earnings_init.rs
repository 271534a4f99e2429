use crate::constants::{ACCOUNT_VERSION, SEED_EARNINGS};
use crate::events::EarningsInitialized;
use crate::state::{Earnings, EarningsRole};
use anchor_lang::prelude::*;
use datanet_registry::pda_account::create_account;

/// Permissionless: creates the earnings account of `beneficiary` in `role` (the payer pays its
/// rent; only the beneficiary can ever claim from it).
#[derive(Accounts)]
#[instruction(beneficiary: Pubkey, role: EarningsRole)]
pub struct EarningsInit<'info> {
    /// CHECK: the earnings PDA, vacant; created by the handler (`pda_account::create_account`).
    #[account(mut, seeds = [SEED_EARNINGS, beneficiary.as_ref(), &role.seed()], bump)]
    pub earnings: UncheckedAccount<'info>,
    #[account(mut)]
    pub payer: Signer<'info>,
    pub system_program: Program<'info, System>,
}

impl EarningsInit<'_> {
    pub fn handler(ctx: Context<Self>, beneficiary: Pubkey, role: EarningsRole) -> Result<()> {
        let bump = ctx.bumps.earnings;
        let earnings = Earnings {
            version: ACCOUNT_VERSION,
            bump,
            beneficiary,
            role,
            balance: 0,
            total_earned: 0,
            total_claimed: 0,
            pending_beneficiary: None,
            reserved: [0; 32],
        };
        let accounts = &ctx.accounts;
        create_account(
            accounts.payer.to_account_info(),
            accounts.earnings.to_account_info(),
            accounts.system_program.key(),
            &[SEED_EARNINGS, beneficiary.as_ref(), &role.seed(), &[bump]],
            &earnings,
        )?;
        emit!(EarningsInitialized { earnings: ctx.accounts.earnings.key(), beneficiary, role });
        Ok(())
    }
}
