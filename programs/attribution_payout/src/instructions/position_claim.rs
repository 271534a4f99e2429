use crate::errors::PayoutError;
use crate::events::PositionClaimed;
use crate::state::{Config, Pool, Position};
use crate::transfer::{out_of_vault, require_token_account};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

/// The contributor claims what its position accrued since its last claim, into its own token
/// account. O(1): the pool's accumulator already holds every fee.
#[derive(Accounts)]
pub struct PositionClaim<'info> {
    #[account(has_one = vault, has_one = mint @ PayoutError::WrongMint, has_one = token_program @ PayoutError::WrongTokenProgram)]
    pub config: Box<Account<'info, Config>>,
    /// CHECK: the config's fee vault (`has_one`); the token program checks it in the transfer.
    #[account(mut)]
    pub vault: UncheckedAccount<'info>,
    /// CHECK: the OPEN mint (`has_one`).
    pub mint: UncheckedAccount<'info>,
    #[account(mut, has_one = pool, has_one = beneficiary @ PayoutError::NotBeneficiary)]
    pub position: Box<Account<'info, Position>>,
    #[account(mut)]
    pub pool: Box<Account<'info, Pool>>,
    pub beneficiary: Signer<'info>,
    /// CHECK: an OPEN token account of the beneficiary's own, checked in the handler.
    #[account(mut)]
    pub destination: UncheckedAccount<'info>,
    pub token_program: Interface<'info, TokenInterface>,
}

impl PositionClaim<'_> {
    fn validate(&self) -> Result<()> {
        require_token_account(&self.destination, &self.config, &self.beneficiary.key())
    }

    #[access_control(ctx.accounts.validate())]
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let accounts = &mut *ctx.accounts;
        let reward_per_weight = accounts.pool.reward_per_weight;
        let (amount, fraction) = accounts.position.pending(reward_per_weight)?;
        require!(amount > 0, PayoutError::NothingToClaim);
        let position = &mut accounts.position;
        position.reward_checkpoint = reward_per_weight;
        position.fraction = fraction;
        position.total_claimed = position.total_claimed.checked_add(amount).ok_or(PayoutError::MathOverflow)?;
        accounts.pool.record_claim(amount)?;
        out_of_vault(
            &accounts.config,
            accounts.vault.to_account_info(),
            accounts.destination.to_account_info(),
            accounts.mint.to_account_info(),
            accounts.token_program.key(),
            amount,
        )?;
        emit!(PositionClaimed {
            position: accounts.position.key(),
            pool: accounts.pool.key(),
            beneficiary: accounts.beneficiary.key(),
            amount,
            total_claimed: accounts.position.total_claimed,
        });
        Ok(())
    }
}
