//! Creating program-owned PDAs by hand, so that nobody can block a creation. Every account the
//! suite's programs create goes through `create`: Anchor 1.2.2's `init` (and the system
//! program's `CreateAccountAllowPrefund`) would, for an address that someone already sent
//! lamports to, need SIMD-0312's feature, and on a cluster without it that one transfer would make
//! the creation fail for good. Also lets an instruction tell "already exists" apart with an error
//! of its own (a duplicate contribution, a second claim). Used by all three programs.
use anchor_lang::prelude::*;
use anchor_lang::system_program::{self, Allocate, Assign, CreateAccount, Transfer};

/// True while `account` has never been created (or was closed): system-owned and empty.
pub fn is_vacant(account: &AccountInfo) -> bool {
    account.owner == &System::id() && account.data_is_empty()
}

/// Creates `account` (a PDA signed for by `signer_seeds`, bump included) with `space` bytes owned
/// by `owner`, rent paid by `payer`: `CreateAccount` when the address holds nothing; otherwise, as
/// Anchor did before SIMD-0312, the shortfall to the rent minimum transferred, then `Allocate` and
/// `Assign`, which every cluster runs. An address that already holds data or belongs to another
/// program is refused by the system program ("already in use"): no re-initialisation.
pub fn create<'info>(
    payer: AccountInfo<'info>,
    account: AccountInfo<'info>,
    system_program: Pubkey,
    signer_seeds: &[&[u8]],
    space: usize,
    owner: &Pubkey,
) -> Result<()> {
    let rent = Rent::get()?.minimum_balance(space);
    let signer = &[signer_seeds];
    let funded = account.lamports();
    if funded == 0 {
        let accounts = CreateAccount { from: payer, to: account };
        return system_program::create_account(
            CpiContext::new_with_signer(system_program, accounts, signer),
            rent,
            space as u64,
            owner,
        );
    }
    if funded < rent {
        let accounts = Transfer { from: payer, to: account.clone() };
        system_program::transfer(CpiContext::new(system_program, accounts), rent - funded)?;
    }
    let accounts = Allocate { account_to_allocate: account.clone() };
    system_program::allocate(CpiContext::new_with_signer(system_program, accounts, signer), space as u64)?;
    let accounts = Assign { account_to_assign: account };
    system_program::assign(CpiContext::new_with_signer(system_program, accounts, signer), owner)
}

/// `create`s `account` for this program's account type `T` and writes `value` into it
/// (discriminator first), after checking nothing more: callers check `value`'s invariant.
pub fn create_account<'info, T: AccountSerialize + Owner + Space>(
    payer: AccountInfo<'info>,
    account: AccountInfo<'info>,
    system_program: Pubkey,
    signer_seeds: &[&[u8]],
    value: &T,
) -> Result<()> {
    create(payer, account.clone(), system_program, signer_seeds, 8 + T::INIT_SPACE, &T::owner())?;
    value.try_serialize(&mut &mut account.try_borrow_mut_data()?[..])
}
