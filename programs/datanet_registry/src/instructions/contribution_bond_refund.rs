use crate::bond::BondAccounts;
use crate::errors::DatanetError;
use crate::events::BondRefunded;
use crate::state::{Contribution, Datanet};
use anchor_lang::prelude::*;

/// Returns a contribution's bond to its contributor once it can no longer be forfeited: rejected
/// (not as spam), or accepted and in a published version or past its spam window
/// (`Contribution::bond_is_refundable`). Anyone may send it (the bond goes only to a token
/// account of the contributor), so a bond never waits on its contributor's own transaction. The
/// contribution's `bond` is zeroed: a second refund finds `NoBond`.
#[derive(Accounts)]
pub struct ContributionBondRefund<'info> {
    pub datanet: Box<Account<'info, Datanet>>,
    #[account(mut, has_one = datanet)]
    pub contribution: Box<Account<'info, Contribution>>,
    /// CHECK: the bond vault (`BondAccounts`).
    #[account(mut)]
    pub bond_vault: UncheckedAccount<'info>,
    /// CHECK: the contributor's OPEN token account (`BondAccounts`).
    #[account(mut)]
    pub contributor_token: UncheckedAccount<'info>,
    /// CHECK: the OPEN mint (`BondAccounts`).
    pub mint: UncheckedAccount<'info>,
    /// CHECK: the bond vault's token program (`BondAccounts`).
    pub token_program: UncheckedAccount<'info>,
}

impl ContributionBondRefund<'_> {
    fn validate(&self, now: i64) -> Result<()> {
        require!(self.contribution.bond > 0, DatanetError::NoBond);
        require!(self.contribution.bond_is_refundable(&self.datanet, now), DatanetError::BondNotRefundable);
        Ok(())
    }

    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        ctx.accounts.validate(now)?;
        let accounts = &mut *ctx.accounts;
        let contribution = &mut accounts.contribution;
        let amount = BondAccounts::new(
            Some(&*accounts.bond_vault),
            Some(&*accounts.contributor_token),
            Some(&*accounts.mint),
            Some(&*accounts.token_program),
            &contribution.contributor,
        )?
        .release(contribution)?;
        emit!(BondRefunded {
            datanet: accounts.datanet.key(),
            contribution: contribution.key(),
            contributor: contribution.contributor,
            amount,
            to: accounts.contributor_token.key(),
            timestamp: now,
        });
        Ok(())
    }
}
