//! The timelock: the admin queues an action, anyone executes it after the config's delay, the
//! admin or the guardian cancels it before. The guardian's own switch is the pause; roles change
//! hands when the named key accepts.
use crate::constants::{ACCOUNT_VERSION, SEED_ACTION};
use crate::errors::PayoutError;
use crate::events::{ActionCancelled, ActionExecuted, ActionQueued, ConfigUpdated, PauseSet, RoleAccepted};
use crate::state::{Action, Config, GovernanceAction, Role, Stake};
use anchor_lang::prelude::*;
use datanet_registry::pda_account::create_account;

/// The stake a slash names, when the action is one (`None` otherwise).
fn slashed_stake(action: &GovernanceAction) -> Option<(Pubkey, u64)> {
    match action {
        GovernanceAction::Slash { stake, amount, .. } => Some((*stake, *amount)),
        _ => None,
    }
}

/// The `stake` account an instruction was given must be the one a slash names (and absent for
/// other actions).
fn require_named_stake<'a, 'info>(
    action: &GovernanceAction,
    stake: &'a mut Option<Box<Account<'info, Stake>>>,
) -> Result<Option<(&'a mut Account<'info, Stake>, u64)>> {
    match (slashed_stake(action), stake) {
        (None, None) => Ok(None),
        (Some((key, amount)), Some(stake)) if stake.key() == key => Ok(Some((stake, amount))),
        _ => err!(PayoutError::WrongStake),
    }
}

/// The admin queues a parameter change, a role change or a slash. A slash locks its amount of
/// the stake at once (the operator cannot escape it by withdrawing).
#[derive(Accounts)]
pub struct ActionQueue<'info> {
    #[account(mut, has_one = authority @ PayoutError::NotConfigAuthority)]
    pub config: Box<Account<'info, Config>>,
    #[account(mut)]
    pub authority: Signer<'info>,
    /// CHECK: the action's PDA at the config's next id, vacant; created by the handler.
    #[account(mut, seeds = [SEED_ACTION, &config.action_count.to_le_bytes()], bump)]
    pub action: UncheckedAccount<'info>,
    /// The stake a slash names; absent for other actions.
    #[account(mut)]
    pub stake: Option<Box<Account<'info, Stake>>>,
    pub system_program: Program<'info, System>,
}

impl ActionQueue<'_> {
    /// Refuses now what could never execute: a change outside the floors, a slash above what the
    /// stake has unlocked.
    fn validate(&mut self, action: &GovernanceAction) -> Result<()> {
        if let GovernanceAction::Update { change: args } = action {
            let mut after: Config = (**self.config).clone();
            after.apply(args)?;
        }
        if let Some((stake, amount)) = require_named_stake(action, &mut self.stake)? {
            require!(amount > 0, PayoutError::ZeroAmount);
            require!(amount <= stake.unlocked()?, PayoutError::SlashAboveStake);
        }
        Ok(())
    }

    pub fn handler(ctx: Context<Self>, action: GovernanceAction) -> Result<()> {
        ctx.accounts.validate(&action)?;
        let accounts = &mut *ctx.accounts;
        if let Some((stake, amount)) = require_named_stake(&action, &mut accounts.stake)? {
            stake.locked = stake.locked.checked_add(amount).ok_or(PayoutError::MathOverflow)?;
        }
        let config = &mut accounts.config;
        let id = config.action_count;
        config.action_count = id.checked_add(1).ok_or(PayoutError::MathOverflow)?;
        let now = Clock::get()?.unix_timestamp;
        let executable_at = now.checked_add(config.timelock_delay_secs).ok_or(PayoutError::MathOverflow)?;
        let bump = ctx.bumps.action;
        let queued = Action {
            version: ACCOUNT_VERSION,
            bump,
            id,
            proposer: accounts.authority.key(),
            queued_at: now,
            executable_at,
            action,
        };
        create_account(
            accounts.authority.to_account_info(),
            accounts.action.to_account_info(),
            accounts.system_program.key(),
            &[SEED_ACTION, &id.to_le_bytes(), &[bump]],
            &queued,
        )?;
        emit!(ActionQueued {
            action: accounts.action.key(),
            id,
            proposer: queued.proposer,
            executable_at,
            kind: queued.action,
        });
        Ok(())
    }
}

/// Anyone executes a queued parameter or role change once its delay has passed (a slash is
/// `stake_slash`'s); the action closes, its rent back to the proposer.
#[derive(Accounts)]
pub struct ActionExecute<'info> {
    #[account(mut)]
    pub config: Box<Account<'info, Config>>,
    #[account(mut, close = proposer, has_one = proposer @ PayoutError::WrongRentPayer)]
    pub action: Box<Account<'info, Action>>,
    /// CHECK: who queued the action and paid its rent (`has_one`); gets the rent back.
    #[account(mut)]
    pub proposer: UncheckedAccount<'info>,
}

impl ActionExecute<'_> {
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let (config, action) = (&mut ctx.accounts.config, &ctx.accounts.action);
        require!(Clock::get()?.unix_timestamp >= action.executable_at, PayoutError::ActionNotReady);
        match &action.action {
            GovernanceAction::Update { change: args } => {
                config.apply(args)?;
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
                    timelock_delay_secs: config.timelock_delay_secs,
                });
            }
            GovernanceAction::SetRole { role, key } => config.propose_role(*role, *key),
            GovernanceAction::Slash { .. } => return err!(PayoutError::SlashIsStakeSlash),
        }
        emit!(ActionExecuted { action: action.key(), id: action.id, kind: action.action.clone() });
        Ok(())
    }
}

/// The admin or the guardian cancels a queued action (a slash's lock on the stake goes with it);
/// the guardian not one that replaces the guardian.
#[derive(Accounts)]
pub struct ActionCancel<'info> {
    pub config: Box<Account<'info, Config>>,
    #[account(
        constraint = signer.key() == config.authority || signer.key() == config.guardian @ PayoutError::NotAdminOrGuardian,
    )]
    pub signer: Signer<'info>,
    #[account(mut, close = proposer, has_one = proposer @ PayoutError::WrongRentPayer)]
    pub action: Box<Account<'info, Action>>,
    /// CHECK: who queued the action and paid its rent (`has_one`); gets the rent back.
    #[account(mut)]
    pub proposer: UncheckedAccount<'info>,
    /// The stake a cancelled slash named, unlocked; absent for other actions.
    #[account(mut)]
    pub stake: Option<Box<Account<'info, Stake>>>,
}

impl ActionCancel<'_> {
    /// The guardian cannot cancel its own replacement: a guardian gone rogue could otherwise
    /// freeze governance by cancelling every action that removes it.
    fn validate(&self) -> Result<()> {
        let by_guardian_only = self.signer.key() != self.config.authority;
        let replaces_guardian = matches!(self.action.action, GovernanceAction::SetRole { role: Role::Guardian, .. });
        require!(!(by_guardian_only && replaces_guardian), PayoutError::GuardianReplacementStands);
        Ok(())
    }

    #[access_control(ctx.accounts.validate())]
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let accounts = &mut *ctx.accounts;
        if let Some((stake, amount)) = require_named_stake(&accounts.action.action, &mut accounts.stake)? {
            stake.locked = stake.locked.checked_sub(amount).ok_or(PayoutError::MathOverflow)?;
        }
        let action = &accounts.action;
        emit!(ActionCancelled { action: action.key(), id: action.id, by: accounts.signer.key() });
        Ok(())
    }
}

/// The guardian pauses payments (inference fees and channel openings and settlements) or lifts
/// the pause. Claims, distributions and withdrawals keep working either way.
#[derive(Accounts)]
pub struct ConfigPause<'info> {
    #[account(mut, has_one = guardian @ PayoutError::NotGuardian)]
    pub config: Box<Account<'info, Config>>,
    pub guardian: Signer<'info>,
}

impl ConfigPause<'_> {
    pub fn handler(ctx: Context<Self>, paused: bool) -> Result<()> {
        ctx.accounts.config.paused = paused;
        emit!(PauseSet { guardian: ctx.accounts.guardian.key(), paused });
        Ok(())
    }
}

/// The key a queued `SetRole` named takes the role over.
#[derive(Accounts)]
pub struct RoleAccept<'info> {
    #[account(mut)]
    pub config: Box<Account<'info, Config>>,
    pub new_holder: Signer<'info>,
}

impl RoleAccept<'_> {
    pub fn handler(ctx: Context<Self>, role: Role) -> Result<()> {
        let holder = ctx.accounts.new_holder.key();
        let previous = ctx.accounts.config.accept_role(role, holder)?;
        emit!(RoleAccepted { role, previous, holder });
        Ok(())
    }
}
