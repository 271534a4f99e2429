use crate::constants::{ACCOUNT_VERSION, SEED_CONFIG, SEED_STAKE_VAULT, SEED_VAULT, TIMELOCK_DELAY_BOUNDS};
use crate::errors::PayoutError;
use crate::events::ConfigInitialized;
use crate::program::AttributionPayout;
use crate::state::{check_mint_extensions, ChallengeParams, Config, EpochTiming};
use crate::upgrade_authority::require_upgrade_authority;
use anchor_lang::prelude::*;
use anchor_spl::token::TokenAccount;
use anchor_spl::token_interface::{Mint, TokenInterface};
use datanet_registry::pda_account::{create, create_account};
use datanet_registry::token::initialize_account3;

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct ConfigInitArgs {
    /// The admin (may differ from the deployer that signs this); also the first guardian and
    /// resolver, until the admin hands those roles on (`GovernanceAction::SetRole`).
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
    /// CHECK: the config's PDA, vacant; created by the handler (`pda_account::create_account`).
    #[account(mut, seeds = [SEED_CONFIG], bump)]
    pub config: UncheckedAccount<'info>,
    /// CHECK: the fee vault's PDA, vacant; created by the handler as an OPEN token account of the
    /// config.
    #[account(mut, seeds = [SEED_VAULT], bump)]
    pub vault: UncheckedAccount<'info>,
    /// CHECK: the stake vault's PDA, vacant; created like the fee vault.
    #[account(mut, seeds = [SEED_STAKE_VAULT], bump)]
    pub stake_vault: UncheckedAccount<'info>,
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

impl<'info> ConfigInit<'info> {
    /// Creates a vault at its PDA (`seed`, `bump`) as a token account of OPEN owned by the config.
    /// A plain token account (165 bytes) for either token program: the mint extensions
    /// `check_mint_extensions` admits require no account extension.
    fn create_vault(&self, vault: &UncheckedAccount<'info>, seed: &[u8], bump: u8) -> Result<()> {
        let mint = self.mint.to_account_info();
        let token_program = self.token_program.key();
        create(
            self.deployer.to_account_info(),
            vault.to_account_info(),
            self.system_program.key(),
            &[seed, &[bump]],
            TokenAccount::LEN,
            &token_program,
        )?;
        initialize_account3(token_program, vault.to_account_info(), mint, &self.config.key())
    }

    fn validate(&self, args: &ConfigInitArgs) -> Result<()> {
        require_upgrade_authority(&self.program, &self.program_data, &self.deployer.key())?;
        require!(self.mint.freeze_authority.is_none(), PayoutError::MintHasFreezeAuthority);
        check_mint_extensions(&self.mint.to_account_info())?;
        Config::check_params(args.protocol_fee_bps, args.min_operator_stake, args.unstake_cooldown_secs)?;
        Config::check_timing(&args.epoch_timing)
    }

    #[access_control(ctx.accounts.validate(&args))]
    pub fn handler(ctx: Context<Self>, args: ConfigInitArgs) -> Result<()> {
        let accounts = &ctx.accounts;
        let bump = ctx.bumps.config;
        let config = Config {
            version: ACCOUNT_VERSION,
            bump,
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
            resolver: args.authority,
            challenge: ChallengeParams::default_for(args.min_operator_stake),
            guardian: args.authority,
            pending_guardian: None,
            pending_resolver: None,
            timelock_delay_secs: TIMELOCK_DELAY_BOUNDS.0,
            action_count: 0,
            reserved: [0; 64],
        };
        config.invariant()?;
        create_account(
            accounts.deployer.to_account_info(),
            accounts.config.to_account_info(),
            accounts.system_program.key(),
            &[SEED_CONFIG, &[bump]],
            &config,
        )?;
        accounts.create_vault(&accounts.vault, SEED_VAULT, ctx.bumps.vault)?;
        accounts.create_vault(&accounts.stake_vault, SEED_STAKE_VAULT, ctx.bumps.stake_vault)?;
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
