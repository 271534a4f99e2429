use crate::errors::PayoutError;
use crate::events::{StakeChange, StakeChanged};
use crate::state::{Config, Stake};
use crate::transfer::out_of_vault;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

/// After the cooldown, the operator withdraws everything unstaking to its own token account.
#[derive(Accounts)]
pub struct StakeWithdraw<'info> {
    #[account(has_one = stake_vault, has_one = mint @ PayoutError::WrongMint, has_one = token_program @ PayoutError::WrongTokenProgram)]
    pub config: Box<Account<'info, Config>>,
    #[account(mut)]
    pub stake_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    pub mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(mut, has_one = authority @ PayoutError::NotStakeAuthority)]
    pub stake: Box<Account<'info, Stake>>,
    pub authority: Signer<'info>,
    #[account(mut, token::mint = mint, token::authority = authority, token::token_program = token_program)]
    pub destination: Box<InterfaceAccount<'info, TokenAccount>>,
    pub token_program: Interface<'info, TokenInterface>,
}

impl StakeWithdraw<'_> {
    fn validate(&self) -> Result<()> {
        require!(self.stake.unstaking > 0, PayoutError::NothingUnstaking);
        require!(Clock::get()?.unix_timestamp >= self.stake.unlock_at, PayoutError::CooldownActive);
        Ok(())
    }

    #[access_control(ctx.accounts.validate())]
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let accounts = &mut *ctx.accounts;
        let amount = accounts.stake.unstaking;
        accounts.stake.unstaking = 0;
        out_of_vault(
            &accounts.config,
            &accounts.stake_vault,
            &accounts.destination,
            &accounts.mint,
            &accounts.token_program,
            amount,
        )?;
        let stake = &accounts.stake;
        emit!(StakeChanged {
            stake: stake.key(),
            authority: stake.authority,
            amount,
            kind: StakeChange::Withdraw,
            active: stake.active,
            unstaking: stake.unstaking,
            unlock_at: stake.unlock_at,
        });
        Ok(())
    }
}
