//! Token movements: the only places tokens enter or leave the vaults, through the token
//! program's `TransferChecked` (`datanet_registry::token`). The vaults and the mint are
//! passed as plain accounts pinned by the config (`has_one`): decoding them would cost compute
//! units and check nothing the config and the token program do not already guarantee.
use crate::constants::SEED_CONFIG;
use crate::errors::PayoutError;
use crate::state::Config;
use anchor_lang::prelude::*;
use datanet_registry::token::{token_account_mint_owner, transfer_checked};

/// Requires `account` to be an initialised OPEN token account owned by `owner`.
pub fn require_token_account(account: &AccountInfo, config: &Config, owner: &Pubkey) -> Result<()> {
    let (mint, account_owner) =
        token_account_mint_owner(account, &config.token_program).ok_or(PayoutError::NotOwnTokenAccount)?;
    require_keys_eq!(mint, config.mint, PayoutError::WrongMint);
    require_keys_eq!(account_owner, *owner, PayoutError::NotOwnTokenAccount);
    Ok(())
}

/// Moves `amount` from a wallet's token account, which `authority` signed for, into a vault.
pub fn into_vault<'info>(
    config: &Config,
    from: AccountInfo<'info>,
    vault: AccountInfo<'info>,
    authority: AccountInfo<'info>,
    mint: AccountInfo<'info>,
    token_program: Pubkey,
    amount: u64,
) -> Result<()> {
    transfer_checked(token_program, from, mint, vault, authority, amount, config.decimals, &[])
}

/// Moves `amount` out of a vault (whose authority is the config PDA) to `to`.
pub fn out_of_vault<'info>(
    config: &Account<'info, Config>,
    vault: AccountInfo<'info>,
    to: AccountInfo<'info>,
    mint: AccountInfo<'info>,
    token_program: Pubkey,
    amount: u64,
) -> Result<()> {
    let bump = [config.bump];
    let signer: &[&[&[u8]]] = &[&[SEED_CONFIG, &bump]];
    transfer_checked(token_program, vault, mint, to, config.to_account_info(), amount, config.decimals, signer)
}
