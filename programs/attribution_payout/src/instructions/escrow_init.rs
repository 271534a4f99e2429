use crate::constants::{ACCOUNT_VERSION, SEED_ESCROW};
use crate::events::EscrowInitialized;
use crate::state::Escrow;
use anchor_lang::prelude::*;
use datanet_registry::pda_account::create_account;
use model_registry::state::Model;

/// Permissionless: creates the escrow through which downstream models pay `model`.
#[derive(Accounts)]
pub struct EscrowInit<'info> {
    pub model: Box<Account<'info, Model>>,
    /// CHECK: the escrow's PDA, vacant; created by the handler (`pda_account::create_account`).
    #[account(mut, seeds = [SEED_ESCROW, model.key().as_ref()], bump)]
    pub escrow: UncheckedAccount<'info>,
    #[account(mut)]
    pub payer: Signer<'info>,
    pub system_program: Program<'info, System>,
}

impl EscrowInit<'_> {
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let model = ctx.accounts.model.key();
        let bump = ctx.bumps.escrow;
        let escrow = Escrow {
            version: ACCOUNT_VERSION,
            bump,
            model,
            balance: 0,
            total_received: 0,
            total_distributed: 0,
            reserved: [0; 32],
        };
        let accounts = &ctx.accounts;
        create_account(
            accounts.payer.to_account_info(),
            accounts.escrow.to_account_info(),
            accounts.system_program.key(),
            &[SEED_ESCROW, model.as_ref(), &[bump]],
            &escrow,
        )?;
        emit!(EscrowInitialized { escrow: ctx.accounts.escrow.key(), model });
        Ok(())
    }
}
