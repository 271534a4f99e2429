use crate::constants::{ACCOUNT_VERSION, SEED_ESCROW};
use crate::events::EscrowInitialized;
use crate::state::Escrow;
use anchor_lang::prelude::*;
use model_registry::state::Model;

/// Permissionless: creates the escrow through which downstream models pay `model`.
#[derive(Accounts)]
pub struct EscrowInit<'info> {
    pub model: Box<Account<'info, Model>>,
    #[account(init, payer = payer, space = 8 + Escrow::INIT_SPACE, seeds = [SEED_ESCROW, model.key().as_ref()], bump)]
    pub escrow: Box<Account<'info, Escrow>>,
    #[account(mut)]
    pub payer: Signer<'info>,
    pub system_program: Program<'info, System>,
}

impl EscrowInit<'_> {
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let model = ctx.accounts.model.key();
        ctx.accounts.escrow.set_inner(Escrow {
            version: ACCOUNT_VERSION,
            bump: ctx.bumps.escrow,
            model,
            balance: 0,
            total_received: 0,
            total_distributed: 0,
            reserved: [0; 32],
        });
        emit!(EscrowInitialized { escrow: ctx.accounts.escrow.key(), model });
        Ok(())
    }
}
