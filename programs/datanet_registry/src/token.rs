//! Token instructions and layouts, encoded by hand: anchor-spl's builders measured about 3,000
//! compute units more per transfer for the same instruction. `TransferChecked` and
//! `InitializeAccount3` have the same encoding in Token and Token-2022, so both kinds of mint work
//! alike; the token program itself checks mints, decimals, balances and authorities. Used by this
//! program's bond vault and by `attribution_payout`'s vaults.
use anchor_lang::prelude::*;
use anchor_lang::solana_program::instruction::{AccountMeta, Instruction};
use anchor_lang::solana_program::program::invoke_signed;

/// `TokenInstruction::TransferChecked`'s and `InitializeAccount3`'s tags in both token programs.
const TRANSFER_CHECKED: u8 = 12;
const INITIALIZE_ACCOUNT3: u8 = 18;

/// A token account's base layout (the same for Token and Token-2022): mint, owner, then the
/// amount, ...; `state` at byte 108; Token-2022 accounts with extensions carry their account type
/// (2 = Account) at byte 165.
pub const TOKEN_ACCOUNT_LEN: usize = 165;
const STATE_OFFSET: usize = 108;
const ACCOUNT_TYPE_ACCOUNT: u8 = 2;
/// A mint's decimals, after its optional mint authority (36 bytes) and supply (8).
const MINT_DECIMALS_OFFSET: usize = 44;

/// The mint and the owner of `account` if it is an initialised token account of `token_program`.
pub fn token_account_mint_owner(account: &AccountInfo, token_program: &Pubkey) -> Option<(Pubkey, Pubkey)> {
    if account.owner != token_program {
        return None;
    }
    let data = account.try_borrow_data().ok()?;
    let layout_ok = data.len() == TOKEN_ACCOUNT_LEN
        || (data.len() > TOKEN_ACCOUNT_LEN && data[TOKEN_ACCOUNT_LEN] == ACCOUNT_TYPE_ACCOUNT);
    if !layout_ok || data[STATE_OFFSET] == 0 {
        return None;
    }
    let mint = Pubkey::try_from(&data[..32]).ok()?;
    let owner = Pubkey::try_from(&data[32..64]).ok()?;
    Some((mint, owner))
}

/// A mint account's decimals (the token program checks them again in `TransferChecked`).
pub fn mint_decimals(mint: &AccountInfo) -> Option<u8> {
    mint.try_borrow_data().ok()?.get(MINT_DECIMALS_OFFSET).copied()
}

/// `TransferChecked { amount, decimals }` from `from` to `to`, signed by `authority` (with
/// `signer_seeds` when it is a PDA).
#[allow(clippy::too_many_arguments)]
pub fn transfer_checked<'info>(
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

/// `InitializeAccount3 { owner }`: makes the allocated `account` a token account of `mint`.
pub fn initialize_account3<'info>(
    token_program: Pubkey,
    account: AccountInfo<'info>,
    mint: AccountInfo<'info>,
    owner: &Pubkey,
) -> Result<()> {
    let mut data = [0u8; 33];
    data[0] = INITIALIZE_ACCOUNT3;
    data[1..].copy_from_slice(owner.as_ref());
    let ix = Instruction {
        program_id: token_program,
        accounts: vec![AccountMeta::new(account.key(), false), AccountMeta::new_readonly(mint.key(), false)],
        data: data.to_vec(),
    };
    invoke_signed(&ix, &[account, mint], &[])?;
    Ok(())
}
