//! Two-step handovers of an operator's stake and of an earnings account, so that a rotated key
//! keeps what it earned: the holder names its successor (or cancels with `None`), nothing changes
//! until the successor signs. A stake keeps its address (its PDA keeps the first authority's key)
//! and follows its operator (`model_registry`'s `operator_authority_*`): an operator is payable
//! only while its stake has the same authority. An earnings account is keyed by its wallet, so it
//! cannot change hands in place: accepting moves its whole balance into the successor's own
//! earnings account of the same role and closes it, its rent back to the previous wallet.
use crate::errors::PayoutError;
use crate::events::{EarningsTransferred, HandoverAccepted, HandoverProposed};
use crate::state::{Config, Earnings, EarningsRole, Stake};
use anchor_lang::prelude::*;

#[derive(Accounts)]
pub struct StakeAuthorityPropose<'info> {
    #[account(mut, has_one = authority @ PayoutError::NotStakeAuthority)]
    pub stake: Box<Account<'info, Stake>>,
    pub authority: Signer<'info>,
}

impl StakeAuthorityPropose<'_> {
    pub fn handler(ctx: Context<Self>, new_authority: Option<Pubkey>) -> Result<()> {
        let stake = &mut ctx.accounts.stake;
        stake.pending_authority = new_authority;
        emit!(HandoverProposed { account: stake.key(), current: stake.authority, proposed: new_authority });
        Ok(())
    }
}

#[derive(Accounts)]
pub struct StakeAuthorityAccept<'info> {
    #[account(mut, constraint = stake.pending_authority == Some(new_authority.key()) @ PayoutError::NoPendingHandover)]
    pub stake: Box<Account<'info, Stake>>,
    pub new_authority: Signer<'info>,
}

impl StakeAuthorityAccept<'_> {
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let stake = &mut ctx.accounts.stake;
        let previous = stake.authority;
        stake.authority = ctx.accounts.new_authority.key();
        stake.pending_authority = None;
        emit!(HandoverAccepted { account: stake.key(), previous, current: stake.authority });
        Ok(())
    }
}

#[derive(Accounts)]
pub struct EarningsTransferPropose<'info> {
    #[account(mut, has_one = beneficiary @ PayoutError::NotBeneficiary)]
    pub earnings: Box<Account<'info, Earnings>>,
    pub beneficiary: Signer<'info>,
}

impl EarningsTransferPropose<'_> {
    pub fn handler(ctx: Context<Self>, new_beneficiary: Option<Pubkey>) -> Result<()> {
        let earnings = &mut ctx.accounts.earnings;
        require!(new_beneficiary != Some(earnings.beneficiary), PayoutError::HandoverToSelf);
        earnings.pending_beneficiary = new_beneficiary;
        emit!(HandoverProposed { account: earnings.key(), current: earnings.beneficiary, proposed: new_beneficiary });
        Ok(())
    }
}

/// The treasury's account does not move while it is the config's treasury's (every payment
/// credits it, as `earnings_close` says); governance names a new treasury first.
#[derive(Accounts)]
pub struct EarningsTransferAccept<'info> {
    pub config: Box<Account<'info, Config>>,
    #[account(
        mut,
        close = previous_beneficiary,
        constraint = earnings.pending_beneficiary == Some(new_beneficiary.key()) @ PayoutError::NoPendingHandover,
        constraint = !earnings.belongs_to(&config.treasury, EarningsRole::Treasury) @ PayoutError::TreasuryEarningsStay,
    )]
    pub earnings: Box<Account<'info, Earnings>>,
    /// The successor's own earnings account of the same role (`earnings_init` creates it).
    #[account(
        mut,
        constraint = successor_earnings.belongs_to(&new_beneficiary.key(), earnings.role) @ PayoutError::WrongEarnings,
        constraint = successor_earnings.key() != earnings.key() @ PayoutError::HandoverToSelf,
    )]
    pub successor_earnings: Box<Account<'info, Earnings>>,
    /// CHECK: the previous beneficiary (`address`), who paid nothing here and gets the rent back.
    #[account(mut, address = earnings.beneficiary @ PayoutError::NotBeneficiary)]
    pub previous_beneficiary: UncheckedAccount<'info>,
    pub new_beneficiary: Signer<'info>,
}

impl EarningsTransferAccept<'_> {
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let accounts = &mut *ctx.accounts;
        let amount = accounts.earnings.take_balance()?;
        accounts.successor_earnings.credit(amount)?;
        accounts.earnings.invariant()?;
        accounts.successor_earnings.invariant()?;
        emit!(EarningsTransferred {
            from: accounts.earnings.key(),
            to: accounts.successor_earnings.key(),
            previous: accounts.earnings.beneficiary,
            beneficiary: accounts.new_beneficiary.key(),
            role: accounts.earnings.role,
            amount,
        });
        Ok(())
    }
}
