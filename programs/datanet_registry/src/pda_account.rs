//! Creating a program-owned PDA by hand, for instructions that must tell "already exists" apart
//! with an error of their own (a duplicate contribution, a second claim) instead of the system
//! program's bare "already in use", which is all Anchor's `init` can report. Also used by
//! `attribution_payout`.
use anchor_lang::prelude::*;
use anchor_lang::system_program::{self, CreateAccount, CreateAccountAllowPrefund};

/// True while `account` has never been created (or was closed): system-owned and empty.
pub fn is_vacant(account: &AccountInfo) -> bool {
    account.owner == &System::id() && account.data_is_empty()
}

/// Creates `account` (a PDA of `owner`, signed for by `signer_seeds`, bump included) with `space`
/// bytes, rent paid by `payer`, the way Anchor's `init` does, including when someone has already
/// sent lamports to the address.
pub fn create<'info>(
    payer: AccountInfo<'info>,
    account: AccountInfo<'info>,
    system_program: Pubkey,
    signer_seeds: &[&[u8]],
    space: usize,
    owner: &Pubkey,
) -> Result<()> {
    let rent = Rent::get()?.minimum_balance(space);
    match account.lamports() {
        0 => system_program::create_account(
            CpiContext::new_with_signer(system_program, CreateAccount { from: payer, to: account }, &[signer_seeds]),
            rent,
            space as u64,
            owner,
        ),
        funded => system_program::create_account_allow_prefund(
            CpiContext::new_with_signer(
                system_program,
                CreateAccountAllowPrefund { from: payer, to: account },
                &[signer_seeds],
            ),
            rent.saturating_sub(funded),
            space as u64,
            owner,
        ),
    }
}
