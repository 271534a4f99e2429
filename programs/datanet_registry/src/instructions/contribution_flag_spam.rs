use crate::bond::BondAccounts;
use crate::constants::{PAYOUT_PROGRAM_ID, SEED_PAYOUT_CONFIG};
use crate::errors::DatanetError;
use crate::events::ContributionFlagged;
use crate::payout_config::PayoutConfigHead;
use crate::state::{Contribution, ContributionStatus, Datanet};
use anchor_lang::prelude::*;

/// The curator flags a contribution as spam: a pending one at any time, an accepted one only
/// while it is in no published version and within its spam window (`Contribution::is_flaggable`).
/// A flagged contribution is in no version (its weight leaves the datanet's total before the next
/// version fixes it) and its bond goes to the treasury: to nobody the curator picks, so flagging
/// pays the curator nothing. A version, once published, can no longer lose a contribution.
#[derive(Accounts)]
pub struct ContributionFlagSpam<'info> {
    #[account(mut, has_one = authority @ DatanetError::NotAuthority)]
    pub datanet: Box<Account<'info, Datanet>>,
    #[account(mut, has_one = datanet)]
    pub contribution: Box<Account<'info, Contribution>>,
    pub authority: Signer<'info>,
    /// CHECK: `attribution_payout`'s config, which names the treasury (`PayoutConfigHead`), when
    /// a bond is forfeited.
    #[account(seeds = [SEED_PAYOUT_CONFIG], bump, seeds::program = PAYOUT_PROGRAM_ID)]
    pub payout_config: Option<UncheckedAccount<'info>>,
    /// CHECK: the bond vault (`BondAccounts`).
    #[account(mut)]
    pub bond_vault: Option<UncheckedAccount<'info>>,
    /// CHECK: the treasury's OPEN token account the bond goes to (`BondAccounts`).
    #[account(mut)]
    pub treasury_token: Option<UncheckedAccount<'info>>,
    /// CHECK: the OPEN mint (`BondAccounts`).
    pub mint: Option<UncheckedAccount<'info>>,
    /// CHECK: the bond vault's token program (`BondAccounts`).
    pub token_program: Option<UncheckedAccount<'info>>,
}

impl ContributionFlagSpam<'_> {
    fn validate(&self, now: i64) -> Result<()> {
        require!(self.contribution.is_flaggable(&self.datanet, now), DatanetError::NotFlaggable);
        Ok(())
    }

    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        ctx.accounts.validate(now)?;
        let accounts = &mut *ctx.accounts;
        let contribution = &mut accounts.contribution;
        let bond = contribution.bond;
        if bond > 0 {
            let config = accounts.payout_config.as_deref().ok_or(DatanetError::BondAccountsMissing)?;
            let treasury = PayoutConfigHead::read(config)?.treasury;
            BondAccounts::new(
                accounts.bond_vault.as_deref(),
                accounts.treasury_token.as_deref(),
                accounts.mint.as_deref(),
                accounts.token_program.as_deref(),
                &treasury,
            )?
            .release(contribution)?;
        }
        let datanet = &mut accounts.datanet;
        let previous_status = contribution.status;
        let weight_removed = contribution.weight;
        if previous_status == ContributionStatus::Accepted {
            datanet.flagged_accepted = datanet.flagged_accepted.checked_add(1).ok_or(DatanetError::Overflow)?;
            datanet.total_accepted_weight =
                datanet.total_accepted_weight.checked_sub(weight_removed).ok_or(DatanetError::Overflow)?;
        } else {
            datanet.rejected = datanet.rejected.checked_add(1).ok_or(DatanetError::Overflow)?;
            contribution.decided_at = now;
        }
        contribution.status = ContributionStatus::Flagged;
        contribution.weight = 0;
        contribution.invariant()?;
        datanet.invariant()?;
        emit!(ContributionFlagged {
            datanet: datanet.key(),
            contribution: contribution.key(),
            contributor: contribution.contributor,
            previous_status,
            weight_removed,
            bond_forfeited: bond,
            total_accepted_weight: datanet.total_accepted_weight,
            timestamp: now,
        });
        Ok(())
    }
}
