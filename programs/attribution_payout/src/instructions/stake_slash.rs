use crate::errors::PayoutError;
use crate::events::StakeSlashed;
use crate::state::{Config, Earnings, EarningsRole, Stake};
use crate::transfer::out_of_vault;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct StakeSlashArgs {
    pub amount: u64,
    /// Why, for the record (the meaning of each code is governance's to publish).
    pub reason: u16,
}

/// Governance slashes an operator's stake to the treasury. The amount comes out of the active
/// stake first, then out of what is unstaking: the cooldown exists so that stake under notice
/// still answers for what its operator did. The tokens move from the stake vault to the fee
/// vault and are credited to the treasury's earnings, claimable like any other earnings.
#[derive(Accounts)]
pub struct StakeSlash<'info> {
    #[account(
        has_one = authority @ PayoutError::NotConfigAuthority,
        has_one = vault,
        has_one = stake_vault,
        has_one = mint @ PayoutError::WrongMint,
        has_one = token_program @ PayoutError::WrongTokenProgram,
    )]
    pub config: Box<Account<'info, Config>>,
    pub authority: Signer<'info>,
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
    fn validate(&self, args: &StakeSlashArgs) -> Result<()> {
        require!(args.amount > 0, PayoutError::ZeroAmount);
        require!(args.amount <= self.stake.total()?, PayoutError::SlashAboveStake);
        Ok(())
    }

    #[access_control(ctx.accounts.validate(&args))]
    pub fn handler(ctx: Context<Self>, args: StakeSlashArgs) -> Result<()> {
        let accounts = &mut *ctx.accounts;
        let stake = &mut accounts.stake;
        let from_active = args.amount.min(stake.active);
        stake.active -= from_active;
        stake.unstaking -= args.amount - from_active;
        accounts.treasury_earnings.credit(args.amount)?;
        out_of_vault(
            &accounts.config,
            accounts.stake_vault.to_account_info(),
            accounts.vault.to_account_info(),
            accounts.mint.to_account_info(),
            accounts.token_program.key(),
            args.amount,
        )?;
        let stake = &accounts.stake;
        emit!(StakeSlashed {
            stake: stake.key(),
            authority: stake.authority,
            amount: args.amount,
            reason: args.reason,
            active: stake.active,
            unstaking: stake.unstaking,
            treasury: accounts.config.treasury,
        });
        Ok(())
    }
}
