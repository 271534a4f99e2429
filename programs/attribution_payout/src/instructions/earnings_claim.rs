use crate::errors::PayoutError;
use crate::events::EarningsClaimed;
use crate::state::{Config, Earnings};
use crate::transfer::out_of_vault;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

/// A beneficiary (model owner, operator, treasury) claims its whole balance into its own token
/// account.
#[derive(Accounts)]
pub struct EarningsClaim<'info> {
    #[account(has_one = vault, has_one = mint @ PayoutError::WrongMint, has_one = token_program @ PayoutError::WrongTokenProgram)]
    pub config: Box<Account<'info, Config>>,
    #[account(mut)]
    pub vault: Box<InterfaceAccount<'info, TokenAccount>>,
    pub mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(mut, has_one = beneficiary @ PayoutError::NotBeneficiary)]
    pub earnings: Box<Account<'info, Earnings>>,
    pub beneficiary: Signer<'info>,
    #[account(mut, token::mint = mint, token::authority = beneficiary, token::token_program = token_program)]
    pub destination: Box<InterfaceAccount<'info, TokenAccount>>,
    pub token_program: Interface<'info, TokenInterface>,
}

impl EarningsClaim<'_> {
    fn validate(&self) -> Result<()> {
        require!(self.earnings.balance > 0, PayoutError::NothingToClaim);
        Ok(())
    }

    #[access_control(ctx.accounts.validate())]
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let accounts = &mut *ctx.accounts;
        let amount = accounts.earnings.take_balance()?;
        accounts.earnings.invariant()?;
        out_of_vault(
            &accounts.config,
            &accounts.vault,
            &accounts.destination,
            &accounts.mint,
            &accounts.token_program,
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
