//! Governance: three roles in the config, and the admin's timelocked actions.
use crate::state::{ChallengeParams, EpochTiming};
use anchor_lang::prelude::*;

/// The config's roles. Each is any signer (a wallet, a multisig vault, a DAO's PDA) and changes
/// hands in two steps: the admin queues `GovernanceAction::SetRole`, and after the timelock the
/// named key accepts (`role_accept`).
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, PartialEq, Eq, InitSpace, Debug)]
pub enum Role {
    /// Queues every parameter change, role change and slash (`action_queue`).
    Admin,
    /// Pauses payments, vetoes a posted root within its window, cancels queued actions. It moves
    /// no money and changes no parameter.
    Guardian,
    /// Decides challenges of posted roots (`epoch_challenge_end`).
    Resolver,
}

/// Parameter changes; `None` leaves a field as it is. Bounds are those of `config_init`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, PartialEq, Eq, Debug, Default, InitSpace)]
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
    /// Apply to roots posted and challenges opened from now on.
    pub challenge: Option<ChallengeParams>,
    /// The timelock's delay for actions queued from now on (this change itself waits the current
    /// delay), within `TIMELOCK_DELAY_BOUNDS`.
    pub timelock_delay_secs: Option<i64>,
}

/// What an admin action does once its delay has passed.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, PartialEq, Eq, Debug, InitSpace)]
pub enum GovernanceAction {
    /// Changes parameters (`action_execute`).
    Update { change: ConfigUpdateArgs },
    /// Names the next holder of a role, who then accepts (`action_execute`, `role_accept`).
    SetRole { role: Role, key: Pubkey },
    /// Moves `amount` of an operator's stake to the treasury (`stake_slash`). From the moment it
    /// is queued, that much of the stake cannot be withdrawn (`Stake::locked`).
    Slash { stake: Pubkey, amount: u64, reason: u16 },
}

/// A queued admin action. PDA `[SEED_ACTION, id (u64 LE)]`, `id` from `Config::action_count`.
/// Anyone executes it from `executable_at`; the admin or the guardian cancels it before. Either
/// way the account closes and its rent goes back to the proposer.
#[account]
#[derive(InitSpace, Debug)]
pub struct Action {
    pub version: u8,
    pub bump: u8,
    pub id: u64,
    /// The admin that queued it and paid its rent.
    pub proposer: Pubkey,
    pub queued_at: i64,
    pub executable_at: i64,
    pub action: GovernanceAction,
}
