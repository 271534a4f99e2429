//! Contributor bonds. A datanet's `BondPolicy` may require a bond in OPEN with every submission;
//! it waits in the program's one bond vault (a token account at `[SEED_BOND_VAULT]`, its own
//! authority, created by `bond_vault_init` with `attribution_payout`'s OPEN mint). A bond comes
//! back when its contribution is withdrawn while pending, rejected, included in a version, or
//! out of its spam window; it goes to the treasury when the curator flags the contribution as
//! spam. `Contribution.bond` holds what is still in the vault for it and is zeroed when it moves,
//! so nothing is paid twice.
use crate::constants::SEED_BOND_VAULT;
use crate::errors::DatanetError;
use crate::state::Contribution;
use crate::token::{mint_decimals, token_account_mint_owner, transfer_checked};
use anchor_lang::prelude::*;

/// The accounts a bond moves through: the bond vault, the other side's token account, the OPEN
/// mint and its token program. Instructions take them as optional accounts, needed only when a
/// bond moves.
pub struct BondAccounts<'a, 'info> {
    vault: &'a AccountInfo<'info>,
    token_account: &'a AccountInfo<'info>,
    mint: &'a AccountInfo<'info>,
    token_program: &'a AccountInfo<'info>,
    vault_bump: u8,
    decimals: u8,
}

impl<'a, 'info> BondAccounts<'a, 'info> {
    /// Checks the four accounts: the vault at its PDA, the token program that owns it, its mint,
    /// and `token_account` an account of that mint owned by `owner`.
    pub fn new(
        vault: Option<&'a AccountInfo<'info>>,
        token_account: Option<&'a AccountInfo<'info>>,
        mint: Option<&'a AccountInfo<'info>>,
        token_program: Option<&'a AccountInfo<'info>>,
        owner: &Pubkey,
    ) -> Result<Self> {
        let missing = || error!(DatanetError::BondAccountsMissing);
        let (vault, token_account) = (vault.ok_or_else(missing)?, token_account.ok_or_else(missing)?);
        let (mint, token_program) = (mint.ok_or_else(missing)?, token_program.ok_or_else(missing)?);
        let (address, vault_bump) = Pubkey::find_program_address(&[SEED_BOND_VAULT], &crate::ID);
        require!(vault.key() == address, DatanetError::WrongBondVault);
        require!(token_program.key() == *vault.owner, DatanetError::WrongBondVault);
        let (vault_mint, _) = token_account_mint_owner(vault, vault.owner).ok_or(DatanetError::WrongBondVault)?;
        require!(mint.key() == vault_mint, DatanetError::WrongBondMint);
        let (account_mint, account_owner) =
            token_account_mint_owner(token_account, vault.owner).ok_or(DatanetError::WrongBondTokenAccount)?;
        require!(account_mint == vault_mint, DatanetError::WrongBondMint);
        require!(account_owner == *owner, DatanetError::WrongBondTokenAccount);
        let decimals = mint_decimals(mint).ok_or(DatanetError::WrongBondMint)?;
        Ok(Self { vault, token_account, mint, token_program, vault_bump, decimals })
    }

    /// Moves `amount` from the token account (whose owner, `authority`, signed) into the vault.
    pub fn deposit(&self, authority: AccountInfo<'info>, amount: u64) -> Result<()> {
        transfer_checked(
            self.token_program.key(),
            self.token_account.clone(),
            self.mint.clone(),
            self.vault.clone(),
            authority,
            amount,
            self.decimals,
            &[],
        )
    }

    /// Moves the bond the vault still holds for `contribution` to the token account and zeroes
    /// it, so that a bond moves once whichever way it goes; returns the amount.
    pub fn release(&self, contribution: &mut Contribution) -> Result<u64> {
        let amount = contribution.bond;
        contribution.bond = 0;
        let bump = [self.vault_bump];
        transfer_checked(
            self.token_program.key(),
            self.vault.clone(),
            self.mint.clone(),
            self.token_account.clone(),
            self.vault.clone(),
            amount,
            self.decimals,
            &[&[SEED_BOND_VAULT, &bump]],
        )?;
        Ok(amount)
    }
}
