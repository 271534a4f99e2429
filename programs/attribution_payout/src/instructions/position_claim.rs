use crate::errors::PayoutError;
use crate::events::PositionClaimed;
use crate::state::{Config, Pool, Position};
use crate::transfer::{out_of_vault, require_token_account};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

/// The contributor claims what any number of its positions accrued (across datanets and
/// versions) in one token transfer into its own token account. O(positions): each pool's
/// accumulator already holds every fee.
/// `remaining_accounts`: `(position, pool)` pairs, both writable, each position the signer's and
/// followed by its own pool. A position or pool may repeat: each pair is read after the previous
/// one was written back, so a repeated position pays nothing the second time.
#[derive(Accounts)]
pub struct PositionClaim<'info> {
    #[account(has_one = vault, has_one = mint @ PayoutError::WrongMint, has_one = token_program @ PayoutError::WrongTokenProgram)]
    pub config: Box<Account<'info, Config>>,
    /// CHECK: the config's fee vault (`has_one`); the token program checks it in the transfer.
    #[account(mut)]
    pub vault: UncheckedAccount<'info>,
    /// CHECK: the OPEN mint (`has_one`).
    pub mint: UncheckedAccount<'info>,
    pub beneficiary: Signer<'info>,
    /// CHECK: an OPEN token account of the beneficiary's own, checked in the handler.
    #[account(mut)]
    pub destination: UncheckedAccount<'info>,
    pub token_program: Interface<'info, TokenInterface>,
}

impl<'info> PositionClaim<'info> {
    fn validate(&self) -> Result<()> {
        require_token_account(&self.destination, &self.config, &self.beneficiary.key())
    }

    /// Takes what one position accrued, writing the position and its pool back.
    fn claim_pair(
        beneficiary: &Pubkey,
        position: &'info AccountInfo<'info>,
        pool: &'info AccountInfo<'info>,
    ) -> Result<u64> {
        require!(position.is_writable && pool.is_writable, PayoutError::ClaimAccountMismatch);
        let mut position = Account::<Position>::try_from(position)?;
        let mut pool = Account::<Pool>::try_from(pool)?;
        require_keys_eq!(position.beneficiary, *beneficiary, PayoutError::NotBeneficiary);
        require_keys_eq!(position.pool, pool.key(), PayoutError::ClaimAccountMismatch);
        let amount = position.take(pool.reward_per_weight)?;
        pool.record_claim(amount)?;
        position.exit(&crate::ID)?;
        pool.exit(&crate::ID)?;
        if amount > 0 {
            emit!(PositionClaimed {
                position: position.key(),
                pool: pool.key(),
                beneficiary: *beneficiary,
                amount,
                total_claimed: position.total_claimed,
            });
        }
        Ok(amount)
    }

    #[access_control(ctx.accounts.validate())]
    pub fn handler(ctx: Context<'info, Self>) -> Result<()> {
        let pairs = ctx.remaining_accounts;
        require!(!pairs.is_empty() && pairs.len().is_multiple_of(2), PayoutError::ClaimAccountMismatch);
        let beneficiary = ctx.accounts.beneficiary.key();
        let mut total: u64 = 0;
        for pair in pairs.chunks_exact(2) {
            let amount = Self::claim_pair(&beneficiary, &pair[0], &pair[1])?;
            total = total.checked_add(amount).ok_or(PayoutError::MathOverflow)?;
        }
        require!(total > 0, PayoutError::NothingToClaim);
        let accounts = &ctx.accounts;
        out_of_vault(
            &accounts.config,
            accounts.vault.to_account_info(),
            accounts.destination.to_account_info(),
            accounts.mint.to_account_info(),
            accounts.token_program.key(),
            total,
        )
    }
}
