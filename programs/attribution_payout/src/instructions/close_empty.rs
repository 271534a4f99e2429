//! Rent back when an account's job is done: an earnings account with nothing to claim, a stake
//! with nothing staked or unstaking. Each closes to its holder, who signs. Either can be created
//! again (`earnings_init` by anyone, `stake_init` by the stake's first authority, or a new stake
//! for a new one). The treasury's account cannot close while it is the config's treasury's:
//! every payment credits it.
use crate::errors::PayoutError;
use crate::events::EmptyAccountClosed;
use crate::state::{Config, Earnings, EarningsRole, Stake};
use anchor_lang::prelude::*;

#[derive(Accounts)]
pub struct EarningsClose<'info> {
    pub config: Box<Account<'info, Config>>,
    #[account(mut, close = beneficiary, has_one = beneficiary @ PayoutError::NotBeneficiary)]
    pub earnings: Box<Account<'info, Earnings>>,
    #[account(mut)]
    pub beneficiary: Signer<'info>,
}

impl EarningsClose<'_> {
    fn validate(&self) -> Result<()> {
        require!(self.earnings.balance == 0, PayoutError::AccountNotEmpty);
        let treasury = self.earnings.belongs_to(&self.config.treasury, EarningsRole::Treasury);
        require!(!treasury, PayoutError::TreasuryEarningsStay);
        Ok(())
    }

    #[access_control(ctx.accounts.validate())]
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let earnings = &ctx.accounts.earnings;
        emit!(EmptyAccountClosed {
            account: earnings.key(),
            holder: earnings.beneficiary,
            rent_returned: earnings.to_account_info().lamports(),
        });
        Ok(())
    }
}

#[derive(Accounts)]
pub struct StakeClose<'info> {
    #[account(mut, close = authority, has_one = authority @ PayoutError::NotStakeAuthority)]
    pub stake: Box<Account<'info, Stake>>,
    #[account(mut)]
    pub authority: Signer<'info>,
}

impl StakeClose<'_> {
    fn validate(&self) -> Result<()> {
        require!(self.stake.total()? == 0, PayoutError::AccountNotEmpty);
        Ok(())
    }

    #[access_control(ctx.accounts.validate())]
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let stake = &ctx.accounts.stake;
        emit!(EmptyAccountClosed {
            account: stake.key(),
            holder: stake.authority,
            rent_returned: stake.to_account_info().lamports(),
        });
        Ok(())
    }
}
