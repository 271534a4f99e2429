use crate::errors::PayoutError;
use crate::events::EarningsClaimed;
use crate::state::{Config, Earnings};
use crate::transfer::{out_of_vault, require_token_account};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

/// A beneficiary (model owner, operator, treasury) claims its whole balance into its own token
/// account.
#[derive(Accounts)]
pub struct EarningsClaim<'info> {
    #[account(has_one = vault, has_one = mint @ PayoutError::WrongMint, has_one = token_program @ PayoutError::WrongTokenProgram)]
    pub config: Box<Account<'info, Config>>,
    /// CHECK: the config's fee vault (`has_one`); the token program checks it in the transfer.
    #[account(mut)]
    pub vault: UncheckedAccount<'info>,
    /// CHECK: the OPEN mint (`has_one`).
    pub mint: UncheckedAccount<'info>,
    #[account(mut, has_one = beneficiary @ PayoutError::NotBeneficiary)]
    pub earnings: Box<Account<'info, Earnings>>,
    pub beneficiary: Signer<'info>,
    /// CHECK: an OPEN token account of the beneficiary's own, checked in the handler.
    #[account(mut)]
    pub destination: UncheckedAccount<'info>,
    pub token_program: Interface<'info, TokenInterface>,
}

impl EarningsClaim<'_> {
    fn validate(&self) -> Result<()> {
        require!(self.earnings.balance > 0, PayoutError::NothingToClaim);
        require_token_account(&self.destination, &self.config, &self.beneficiary.key())
    }

    #[access_control(ctx.accounts.validate())]
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let accounts = &mut *ctx.accounts;
        let amount = accounts.earnings.take_balance()?;
        accounts.earnings.invariant()?;
        out_of_vault(
            &accounts.config,
            accounts.vault.to_account_info(),
            accounts.destination.to_account_info(),
            accounts.mint.to_account_info(),
            accounts.token_program.key(),
            amount,
        )?;
        emit!(EarningsClaimed {
            earnings: accounts.earnings.key(),
            beneficiary: accounts.beneficiary.key(),
            role: accounts.earnings.role,
            amount,
            total_claimed: accounts.earnings.total_claimed,
        });
        Ok(())
    }
}
