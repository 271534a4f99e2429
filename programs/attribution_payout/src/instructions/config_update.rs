use crate::errors::PayoutError;
use crate::events::ConfigUpdated;
use crate::state::{ChallengeParams, Config, EpochTiming};
use anchor_lang::prelude::*;

/// Changes of the config; `None` leaves a field as it is. Bounds are those of `config_init`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, Default)]
pub struct ConfigUpdateArgs {
    pub treasury: Option<Pubkey>,
    pub protocol_fee_bps: Option<u16>,
    pub min_operator_stake: Option<u64>,
    pub unstake_cooldown_secs: Option<i64>,
    /// The root deadline and the windows apply to epochs opened from now on (an epoch keeps the
    /// timing it was opened with). The epoch length cannot change (`EpochLengthFixed`): epoch
    /// accounts are addressed by `now / epoch_length`, so a new length would land new epochs on
    /// old epochs' addresses.
    pub epoch_timing: Option<EpochTiming>,
    /// Pausing stops new payments only: claims, distributions and withdrawals keep working.
    pub paused: Option<bool>,
    /// Who decides challenges from now on (a challenge pending is decided by the new resolver).
    pub resolver: Option<Pubkey>,
    /// Apply to roots posted and challenges opened from now on.
    pub challenge: Option<ChallengeParams>,
}

#[derive(Accounts)]
pub struct ConfigUpdate<'info> {
    #[account(mut, has_one = authority @ PayoutError::NotConfigAuthority)]
    pub config: Box<Account<'info, Config>>,
    pub authority: Signer<'info>,
}

impl ConfigUpdate<'_> {
    pub fn handler(ctx: Context<Self>, args: ConfigUpdateArgs) -> Result<()> {
        let config = &mut ctx.accounts.config;
        if let Some(treasury) = args.treasury {
            config.treasury = treasury;
        }
        if let Some(bps) = args.protocol_fee_bps {
            config.protocol_fee_bps = bps;
        }
        if let Some(stake) = args.min_operator_stake {
            config.min_operator_stake = stake;
        }
        if let Some(secs) = args.unstake_cooldown_secs {
            config.unstake_cooldown_secs = secs;
        }
        if let Some(timing) = args.epoch_timing {
            require!(timing.epoch_length_secs == config.epoch_length_secs, PayoutError::EpochLengthFixed);
            config.root_deadline_secs = timing.root_deadline_secs;
            config.challenge_window_secs = timing.challenge_window_secs;
            config.claim_window_secs = timing.claim_window_secs;
        }
        if let Some(paused) = args.paused {
            config.paused = paused;
        }
        if let Some(resolver) = args.resolver {
            config.resolver = resolver;
        }
        if let Some(challenge) = args.challenge {
            config.challenge = challenge;
        }
        config.invariant()?;
        emit!(ConfigUpdated {
            authority: config.authority,
            treasury: config.treasury,
            protocol_fee_bps: config.protocol_fee_bps,
            min_operator_stake: config.min_operator_stake,
            unstake_cooldown_secs: config.unstake_cooldown_secs,
            epoch_timing: config.timing(),
            paused: config.paused,
            resolver: config.resolver,
            challenge: config.challenge,
        });
        Ok(())
    }
}
