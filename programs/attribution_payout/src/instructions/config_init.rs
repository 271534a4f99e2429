use crate::constants::{ACCOUNT_VERSION, SEED_CONFIG, SEED_STAKE_VAULT, SEED_VAULT};
use crate::errors::PayoutError;
use crate::events::ConfigInitialized;
use crate::program::AttributionPayout;
use crate::state::{check_mint_extensions, Config, EpochTiming};
use crate::upgrade_authority::require_upgrade_authority;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::{Mint, TokenAccount, TokenInterface};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct ConfigInitArgs {
    /// Governance authority (may differ from the deployer that signs this).
    pub authority: Pubkey,
    pub treasury: Pubkey,
    pub protocol_fee_bps: u16,
    pub min_operator_stake: u64,
    pub unstake_cooldown_secs: i64,
    pub epoch_timing: EpochTiming,
}

/// Adopts `mint` as OPEN and creates the config and both vaults. Only the program's upgrade
/// authority may call it, so that nobody can front-run the deployment with their own config.
#[derive(Accounts)]
pub struct ConfigInit<'info> {
    #[account(init, payer = deployer, space = 8 + Config::INIT_SPACE, seeds = [SEED_CONFIG], bump)]
    pub config: Box<Account<'info, Config>>,
    #[account(
        init,
        payer = deployer,
        seeds = [SEED_VAULT],
        bump,
        token::mint = mint,
        token::authority = config,
        token::token_program = token_program,
    )]
    pub vault: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(
        init,
        payer = deployer,
        seeds = [SEED_STAKE_VAULT],
        bump,
        token::mint = mint,
        token::authority = config,
        token::token_program = token_program,
    )]
    pub stake_vault: Box<InterfaceAccount<'info, TokenAccount>>,
    #[account(mint::token_program = token_program)]
    pub mint: Box<InterfaceAccount<'info, Mint>>,
    #[account(mut)]
    pub deployer: Signer<'info>,
    pub program: Program<'info, AttributionPayout>,
    /// CHECK: the program's ProgramData account; checked in `validate` against `program`.
    pub program_data: UncheckedAccount<'info>,
    pub token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl ConfigInit<'_> {
    fn validate(&self, args: &ConfigInitArgs) -> Result<()> {
        require_upgrade_authority(&self.program, &self.program_data, &self.deployer.key())?;
        require!(self.mint.freeze_authority.is_none(), PayoutError::MintHasFreezeAuthority);
        check_mint_extensions(&self.mint.to_account_info())?;
        Config::check_params(args.protocol_fee_bps, args.unstake_cooldown_secs)?;
        Config::check_timing(&args.epoch_timing)
    }

    #[access_control(ctx.accounts.validate(&args))]
    pub fn handler(ctx: Context<Self>, args: ConfigInitArgs) -> Result<()> {
        let accounts = &mut *ctx.accounts;
        accounts.config.set_inner(Config {
            version: ACCOUNT_VERSION,
            bump: ctx.bumps.config,
            vault_bump: ctx.bumps.vault,
            stake_vault_bump: ctx.bumps.stake_vault,
            authority: args.authority,
            pending_authority: None,
            treasury: args.treasury,
            mint: accounts.mint.key(),
            token_program: accounts.token_program.key(),
            decimals: accounts.mint.decimals,
            vault: accounts.vault.key(),
            stake_vault: accounts.stake_vault.key(),
            protocol_fee_bps: args.protocol_fee_bps,
            min_operator_stake: args.min_operator_stake,
            unstake_cooldown_secs: args.unstake_cooldown_secs,
            epoch_length_secs: args.epoch_timing.epoch_length_secs,
            root_deadline_secs: args.epoch_timing.root_deadline_secs,
            challenge_window_secs: args.epoch_timing.challenge_window_secs,
            claim_window_secs: args.epoch_timing.claim_window_secs,
            paused: false,
            reserved: [0; 128],
        });
        accounts.config.invariant()?;
        emit!(ConfigInitialized {
            config: accounts.config.key(),
            authority: args.authority,
            treasury: args.treasury,
            mint: accounts.mint.key(),
            token_program: accounts.token_program.key(),
            vault: accounts.vault.key(),
            stake_vault: accounts.stake_vault.key(),
            protocol_fee_bps: args.protocol_fee_bps,
            min_operator_stake: args.min_operator_stake,
            unstake_cooldown_secs: args.unstake_cooldown_secs,
            epoch_timing: args.epoch_timing,
        });
        Ok(())
    }
}
