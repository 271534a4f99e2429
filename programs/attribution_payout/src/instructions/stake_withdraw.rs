use crate::errors::PayoutError;
use crate::events::{StakeChange, StakeChanged};
use crate::state::{Config, Stake};
use crate::transfer::{out_of_vault, require_token_account};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

/// After the cooldown, the operator withdraws everything unstaking to its own token account,
/// unless a queued slash names more than the active stake would keep (`StakeLockedBySlash`) or
/// the stake answers for a posted root still open to challenge (`StakeStillSlashable`).
#[derive(Accounts)]
pub struct StakeWithdraw<'info> {
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
    /// CHECK: an OPEN token account of the authority's own, checked in `validate`.
    #[account(mut)]
    pub destination: UncheckedAccount<'info>,
    pub token_program: Interface<'info, TokenInterface>,
}

impl StakeWithdraw<'_> {
    fn validate(&self) -> Result<()> {
        require!(self.stake.unstaking > 0, PayoutError::NothingUnstaking);
        let now = Clock::get()?.unix_timestamp;
        require!(now >= self.stake.unlock_at, PayoutError::CooldownActive);
        require!(now >= self.stake.slashable_until, PayoutError::StakeStillSlashable);
        require!(self.stake.active >= self.stake.locked, PayoutError::StakeLockedBySlash);
        require_token_account(&self.destination, &self.config, &self.authority.key())
    }

    #[access_control(ctx.accounts.validate())]
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let accounts = &mut *ctx.accounts;
        let amount = accounts.stake.unstaking;
        accounts.stake.unstaking = 0;
        out_of_vault(
            &accounts.config,
            accounts.stake_vault.to_account_info(),
            accounts.destination.to_account_info(),
            accounts.mint.to_account_info(),
            accounts.token_program.key(),
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
