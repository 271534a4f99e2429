use crate::errors::PayoutError;
use crate::events::{StakeChange, StakeChanged};
use crate::state::{Config, Stake};
use crate::transfer::into_vault;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

/// The operator adds OPEN to its active stake.
#[derive(Accounts)]
pub struct StakeDeposit<'info> {
    #[account(has_one = stake_vault, has_one = mint @ PayoutError::WrongMint, has_one = token_program @ PayoutError::WrongTokenProgram)]
    pub config: Box<Account<'info, Config>>,
    /// CHECK: the config's stake vault (`has_one`); the token program checks it in the transfer.
    #[account(mut)]
    pub stake_vault: UncheckedAccount<'info>,
    /// CHECK: the OPEN mint (`has_one`).
    pub mint: UncheckedAccount<'info>,
    #[account(mut, has_one = authority @ PayoutError::NotStakeAuthority)]
    pub stake: Box<Account<'info, Stake>>,
    pub authority: Signer<'info>,
    /// CHECK: the authority's OPEN account; the token program checks mint and ownership in the
    /// transfer, which `authority` signs.
    #[account(mut)]
    pub source: UncheckedAccount<'info>,
    pub token_program: Interface<'info, TokenInterface>,
}

impl StakeDeposit<'_> {
    fn validate(&self, amount: u64) -> Result<()> {
        require!(amount > 0, PayoutError::ZeroAmount);
        Ok(())
    }

    #[access_control(ctx.accounts.validate(amount))]
    pub fn handler(ctx: Context<Self>, amount: u64) -> Result<()> {
        let accounts = &mut *ctx.accounts;
        into_vault(
            &accounts.config,
            accounts.source.to_account_info(),
            accounts.stake_vault.to_account_info(),
            accounts.authority.to_account_info(),
            accounts.mint.to_account_info(),
            accounts.token_program.key(),
            amount,
        )?;
        let stake = &mut accounts.stake;
        stake.active = stake.active.checked_add(amount).ok_or(PayoutError::MathOverflow)?;
        stake.total()?;
        emit!(StakeChanged {
            stake: stake.key(),
            authority: stake.authority,
            amount,
            kind: StakeChange::Deposit,
            active: stake.active,
            unstaking: stake.unstaking,
            unlock_at: stake.unlock_at,
        });
        Ok(())
    }
}
