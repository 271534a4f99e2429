//! Token movements: the only places tokens enter or leave the vaults. Both use the token
//! program's `TransferChecked`, whose encoding Token and Token-2022 share, so both kinds of mint
//! work alike; the token program itself checks the mint, the decimals, the balances and the
//! source's authority. The vaults and the mint are
//! passed as plain accounts pinned by the config (`has_one`): decoding them would cost compute
//! units and check nothing the config and the token program do not already guarantee.
use crate::constants::SEED_CONFIG;
use crate::errors::PayoutError;
use crate::state::Config;
use anchor_lang::prelude::*;
use anchor_lang::solana_program::instruction::{AccountMeta, Instruction};
use anchor_lang::solana_program::program::invoke_signed;

/// `TokenInstruction::TransferChecked`'s tag in both token programs.
const TRANSFER_CHECKED: u8 = 12;

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

/// `TransferChecked { amount, decimals }` from `from` to `to`, signed by `authority` (with
/// `signer_seeds` when it is a PDA). Encoded here rather than through anchor-spl's builder, which
/// measured about 3,000 compute units more per transfer for the same instruction.
#[allow(clippy::too_many_arguments)]
fn transfer_checked<'info>(
    token_program: Pubkey,
    from: AccountInfo<'info>,
    mint: AccountInfo<'info>,
    to: AccountInfo<'info>,
    authority: AccountInfo<'info>,
    amount: u64,
    decimals: u8,
    signer_seeds: &[&[&[u8]]],
) -> Result<()> {
    let mut data = [0u8; 10];
    data[0] = TRANSFER_CHECKED;
    data[1..9].copy_from_slice(&amount.to_le_bytes());
    data[9] = decimals;
    let ix = Instruction {
        program_id: token_program,
        accounts: vec![
            AccountMeta::new(from.key(), false),
            AccountMeta::new_readonly(mint.key(), false),
            AccountMeta::new(to.key(), false),
            AccountMeta::new_readonly(authority.key(), true),
        ],
        data: data.to_vec(),
    };
    invoke_signed(&ix, &[from, mint, to, authority], signer_seeds)?;
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
