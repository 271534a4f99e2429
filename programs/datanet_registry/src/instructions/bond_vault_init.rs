use crate::constants::{PAYOUT_PROGRAM_ID, SEED_BOND_VAULT, SEED_PAYOUT_CONFIG};
use crate::errors::DatanetError;
use crate::events::BondVaultCreated;
use crate::payout_config::PayoutConfigHead;
use crate::pda_account::create;
use crate::token::{initialize_account3, TOKEN_ACCOUNT_LEN};
use anchor_lang::prelude::*;

/// Creates the bond vault: a token account of OPEN (the mint `attribution_payout`'s config
/// adopted) at `[SEED_BOND_VAULT]`, its own authority, so that only this program moves bonds.
/// Anyone may create it, once; its mint and token program can only be the config's.
#[derive(Accounts)]
pub struct BondVaultInit<'info> {
    /// CHECK: `attribution_payout`'s config (`PayoutConfigHead`).
    #[account(seeds = [SEED_PAYOUT_CONFIG], bump, seeds::program = PAYOUT_PROGRAM_ID)]
    pub payout_config: UncheckedAccount<'info>,
    /// CHECK: the bond vault's PDA, vacant; created by the handler.
    #[account(mut, seeds = [SEED_BOND_VAULT], bump)]
    pub bond_vault: UncheckedAccount<'info>,
    /// CHECK: the config's OPEN mint (compared in the handler).
    pub mint: UncheckedAccount<'info>,
    #[account(mut)]
    pub payer: Signer<'info>,
    /// CHECK: the config's token program (compared in the handler).
    pub token_program: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

impl BondVaultInit<'_> {
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let accounts = &ctx.accounts;
        let config = PayoutConfigHead::read(&accounts.payout_config)?;
        require!(accounts.mint.key() == config.mint, DatanetError::WrongBondMint);
        require!(accounts.token_program.key() == config.token_program, DatanetError::WrongBondVault);
        create(
            accounts.payer.to_account_info(),
            accounts.bond_vault.to_account_info(),
            accounts.system_program.key(),
            &[SEED_BOND_VAULT, &[ctx.bumps.bond_vault]],
            TOKEN_ACCOUNT_LEN,
            &config.token_program,
        )?;
        let vault = accounts.bond_vault.key();
        initialize_account3(
            config.token_program,
            accounts.bond_vault.to_account_info(),
            accounts.mint.to_account_info(),
            &vault,
        )?;
        emit!(BondVaultCreated { bond_vault: vault, mint: config.mint, token_program: config.token_program });
        Ok(())
    }
}
