use crate::bond::BondAccounts;
use crate::errors::DatanetError;
use crate::events::ContributionWithdrawn;
use crate::state::{Contribution, ContributionStatus, Datanet};
use anchor_lang::prelude::*;

/// The contributor takes back a pending contribution, or the contributor or the curator clears
/// away a rejected or flagged one: the account closes, its rent and any bond still held for it
/// return to the contributor, and its content hash is free again. The curator's clearing is what
/// stops squatting: whoever copies a content hash it saw in a transaction and submits it first is
/// rejected (or, in an open datanet, flagged as spam) and cleared, and the content's author
/// submits it again. An accepted contribution is permanent (its weight backs payouts). A
/// rejection stays counted in the datanet's `rejected`, and in the `ContributionReviewed` event.
/// (Contribution accounts exist only at their canonical PDA, since this program creates them
/// nowhere else; `has_one = datanet` ties it to the datanet whose counter changes.)
#[derive(Accounts)]
pub struct ContributionWithdraw<'info> {
    #[account(mut)]
    pub datanet: Box<Account<'info, Datanet>>,
    #[account(mut, close = contributor, has_one = datanet, has_one = contributor @ DatanetError::WrongContributor)]
    pub contribution: Box<Account<'info, Contribution>>,
    /// CHECK: the contribution's contributor (`has_one`); receives the rent.
    #[account(mut)]
    pub contributor: UncheckedAccount<'info>,
    /// The contributor, or the datanet's curator for a rejected or flagged contribution.
    pub signer: Signer<'info>,
    /// CHECK: the bond vault, when a bond is held for the contribution (`BondAccounts`).
    #[account(mut)]
    pub bond_vault: Option<UncheckedAccount<'info>>,
    /// CHECK: the contributor's OPEN token account the bond returns to (`BondAccounts`).
    #[account(mut)]
    pub contributor_token: Option<UncheckedAccount<'info>>,
    /// CHECK: the OPEN mint (`BondAccounts`).
    pub mint: Option<UncheckedAccount<'info>>,
    /// CHECK: the bond vault's token program (`BondAccounts`).
    pub token_program: Option<UncheckedAccount<'info>>,
}

impl ContributionWithdraw<'_> {
    fn validate(&self) -> Result<()> {
        let status = self.contribution.status;
        require!(status != ContributionStatus::Accepted, DatanetError::AcceptedIsPermanent);
        let signer = self.signer.key();
        let curator_clears = signer == self.datanet.authority && status != ContributionStatus::Pending;
        require!(signer == self.contribution.contributor || curator_clears, DatanetError::NotContributor);
        Ok(())
    }

    #[access_control(ctx.accounts.validate())]
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let accounts = &mut *ctx.accounts;
        let contribution = &mut accounts.contribution;
        let bond = contribution.bond;
        if bond > 0 {
            BondAccounts::new(
                accounts.bond_vault.as_deref(),
                accounts.contributor_token.as_deref(),
                accounts.mint.as_deref(),
                accounts.token_program.as_deref(),
                &contribution.contributor,
            )?
            .release(contribution)?;
        }
        let datanet = &mut accounts.datanet;
        if contribution.status == ContributionStatus::Pending {
            datanet.withdrawn = datanet.withdrawn.checked_add(1).ok_or(DatanetError::Overflow)?;
        }
        datanet.invariant()?;
        emit!(ContributionWithdrawn {
            datanet: datanet.key(),
            contribution: contribution.key(),
            contributor: contribution.contributor,
            content_hash: contribution.content_hash,
            status: contribution.status,
            by: accounts.signer.key(),
            rent_returned: contribution.to_account_info().lamports(),
            bond_returned: bond,
            timestamp: Clock::get()?.unix_timestamp,
        });
        Ok(())
    }
}
