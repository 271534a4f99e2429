//! Token movements: the only places tokens enter or leave the vaults. Both use `transfer_checked`
//! through the token interface, so Token and Token-2022 mints work alike; the token program
//! itself checks the mint, the balances and the source's authority. The vaults and the mint are
//! passed as plain accounts pinned by the config (`has_one`): decoding them would cost compute
//! units and check nothing the config and the token program do not already guarantee.
use crate::constants::SEED_CONFIG;
use crate::errors::PayoutError;
use crate::state::Config;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{self, TransferChecked};

/// A token account's base layout (the same for Token and Token-2022): mint, owner, then the
/// amount, ...; `state` at byte 108; Token-2022 accounts with extensions carry their account type
/// (2 = Account) at byte 165.
const TOKEN_ACCOUNT_LEN: usize = 165;
const STATE_OFFSET: usize = 108;
const ACCOUNT_TYPE_ACCOUNT: u8 = 2;

/// Requires `account` to be an initialised OPEN token account owned by `owner`.
pub fn require_token_account(account: &AccountInfo, config: &Config, owner: &Pubkey) -> Result<()> {
    require_keys_eq!(*account.owner, config.token_program, PayoutError::NotOwnTokenAccount);
    let data = account.try_borrow_data()?;
    let layout_ok = data.len() == TOKEN_ACCOUNT_LEN
        || (data.len() > TOKEN_ACCOUNT_LEN && data[TOKEN_ACCOUNT_LEN] == ACCOUNT_TYPE_ACCOUNT);
    require!(layout_ok && data[STATE_OFFSET] != 0, PayoutError::NotOwnTokenAccount);
    require!(data[..32] == config.mint.to_bytes(), PayoutError::WrongMint);
    require!(data[32..64] == owner.to_bytes(), PayoutError::NotOwnTokenAccount);
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
    let accounts = TransferChecked { from, mint, to: vault, authority };
    token_interface::transfer_checked(CpiContext::new(token_program, accounts), amount, config.decimals)
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
    let accounts = TransferChecked { from: vault, mint, to, authority: config.to_account_info() };
    let ctx = CpiContext::new_with_signer(token_program, accounts, signer);
    token_interface::transfer_checked(ctx, amount, config.decimals)
}
