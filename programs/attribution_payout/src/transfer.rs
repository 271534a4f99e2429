//! Token movements: the only places tokens enter or leave the vaults. Both use `transfer_checked`
//! through the token interface, so Token and Token-2022 mints work alike.
use crate::constants::SEED_CONFIG;
use crate::state::Config;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{self, Mint, TokenAccount, TokenInterface, TransferChecked};

/// Moves `amount` from a wallet's token account, which `authority` signed for, into a vault.
pub fn into_vault<'info>(
    from: &InterfaceAccount<'info, TokenAccount>,
    vault: &InterfaceAccount<'info, TokenAccount>,
    authority: &Signer<'info>,
    mint: &InterfaceAccount<'info, Mint>,
    token_program: &Interface<'info, TokenInterface>,
    amount: u64,
) -> Result<()> {
    let accounts = TransferChecked {
        from: from.to_account_info(),
        mint: mint.to_account_info(),
        to: vault.to_account_info(),
        authority: authority.to_account_info(),
    };
    token_interface::transfer_checked(CpiContext::new(token_program.key(), accounts), amount, mint.decimals)
}

/// Moves `amount` out of a vault (whose authority is the config PDA) to `to`.
pub fn out_of_vault<'info>(
    config: &Account<'info, Config>,
    vault: &InterfaceAccount<'info, TokenAccount>,
    to: &InterfaceAccount<'info, TokenAccount>,
    mint: &InterfaceAccount<'info, Mint>,
    token_program: &Interface<'info, TokenInterface>,
    amount: u64,
) -> Result<()> {
    let bump = [config.bump];
    let signer: &[&[&[u8]]] = &[&[SEED_CONFIG, &bump]];
    let accounts = TransferChecked {
        from: vault.to_account_info(),
        mint: mint.to_account_info(),
        to: to.to_account_info(),
        authority: config.to_account_info(),
    };
    let ctx = CpiContext::new_with_signer(token_program.key(), accounts, signer);
    token_interface::transfer_checked(ctx, amount, mint.decimals)
}
