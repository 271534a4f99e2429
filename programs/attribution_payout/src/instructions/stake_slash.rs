use crate::errors::PayoutError;
use crate::events::StakeSlashed;
use crate::state::{Action, Config, Earnings, EarningsRole, GovernanceAction, Stake};
use crate::transfer::out_of_vault;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

/// Anyone executes a slash the admin queued (`GovernanceAction::Slash`), once its delay has passed.
/// The amount comes out of the active stake first, then out of what is unstaking: the cooldown
/// exists so that stake under notice still answers for what its operator did, and the queued
/// amount was locked against withdrawal from the moment it was queued. The tokens move from the
/// stake vault to the fee vault and are credited to the treasury's earnings, claimable like any
/// other earnings. The action closes, its rent back to the proposer.
#[derive(Accounts)]
pub struct StakeSlash<'info> {
    #[account(
        has_one = vault,
        has_one = stake_vault,
        has_one = mint @ PayoutError::WrongMint,
        has_one = token_program @ PayoutError::WrongTokenProgram,
    )]
    pub config: Box<Account<'info, Config>>,
    #[account(mut, close = proposer, has_one = proposer @ PayoutError::WrongRentPayer)]
    pub action: Box<Account<'info, Action>>,
    /// CHECK: who queued the slash and paid its rent (`has_one`); gets the rent back.
    #[account(mut)]
    pub proposer: UncheckedAccount<'info>,
    #[account(mut)]
    pub stake: Box<Account<'info, Stake>>,
    #[account(
        mut,
        constraint = treasury_earnings.belongs_to(&config.treasury, EarningsRole::Treasury) @ PayoutError::WrongEarnings,
    )]
    pub treasury_earnings: Box<Account<'info, Earnings>>,
    /// CHECK: the config's stake vault (`has_one`); the token program checks it in the transfer.
    #[account(mut)]
    pub stake_vault: UncheckedAccount<'info>,
    /// CHECK: the config's fee vault (`has_one`).
    #[account(mut)]
    pub vault: UncheckedAccount<'info>,
    /// CHECK: the OPEN mint (`has_one`).
    pub mint: UncheckedAccount<'info>,
    pub token_program: Interface<'info, TokenInterface>,
}

impl StakeSlash<'_> {
    /// The queued slash of this stake, due: its amount and reason code.
    fn validate(&self) -> Result<(u64, u16)> {
        let GovernanceAction::Slash { stake, amount, reason } = self.action.action else {
            return err!(PayoutError::NotASlash);
        };
        require_keys_eq!(stake, self.stake.key(), PayoutError::WrongStake);
        require!(Clock::get()?.unix_timestamp >= self.action.executable_at, PayoutError::ActionNotReady);
        // Locked since it was queued, so still there.
        require!(amount <= self.stake.locked && amount <= self.stake.total()?, PayoutError::SlashAboveStake);
        Ok((amount, reason))
    }

    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let (amount, reason) = ctx.accounts.validate()?;
        let accounts = &mut *ctx.accounts;
        let stake = &mut accounts.stake;
        let from_active = amount.min(stake.active);
        stake.active -= from_active;
        stake.unstaking -= amount - from_active;
        stake.locked -= amount;
        accounts.treasury_earnings.credit(amount)?;
        out_of_vault(
            &accounts.config,
            accounts.stake_vault.to_account_info(),
            accounts.vault.to_account_info(),
            accounts.mint.to_account_info(),
            accounts.token_program.key(),
            amount,
        )?;
        let stake = &accounts.stake;
        emit!(StakeSlashed {
            stake: stake.key(),
            authority: stake.authority,
            action: accounts.action.key(),
            amount,
            reason,
            active: stake.active,
            unstaking: stake.unstaking,
            treasury: accounts.config.treasury,
        });
        Ok(())
    }
}
