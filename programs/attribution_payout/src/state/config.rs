use crate::constants::{
    ATTESTOR_BOND_BPS_BOUNDS, CHALLENGE_WINDOW_BOUNDS, CLAIM_WINDOW_BOUNDS, DEFAULT_ATTESTOR_BOND_BPS,
    DEFAULT_CHALLENGE_REWARD_BPS, DEFAULT_RESOLVE_WINDOW_SECS, EPOCH_LENGTH_BOUNDS, MAX_PROTOCOL_FEE_BPS,
    MAX_UNSTAKE_COOLDOWN_SECS, RESOLVE_WINDOW_BOUNDS, ROOT_DEADLINE_BOUNDS, TIMELOCK_DELAY_BOUNDS,
};
use crate::errors::PayoutError;
use crate::state::{ConfigUpdateArgs, Role};
use anchor_lang::prelude::*;

/// The singleton configuration. PDA `[SEED_CONFIG]`; it is also the token authority of the vaults.
#[account]
#[derive(InitSpace, Debug)]
pub struct Config {
    pub version: u8,
    pub bump: u8,
    pub vault_bump: u8,
    pub stake_vault_bump: u8,
    /// The admin role (`Role::Admin`): queues parameter changes, role changes and slashes, which
    /// wait `timelock_delay_secs`. In production a multisig or a DAO's PDA.
    pub authority: Pubkey,
    pub pending_authority: Option<Pubkey>,
    /// Beneficiary of the protocol fee and of every rounding remainder.
    pub treasury: Pubkey,
    /// The OPEN mint, and the token program (Token or Token-2022) that owns it.
    pub mint: Pubkey,
    pub token_program: Pubkey,
    /// The mint's decimals, for `transfer_checked`.
    pub decimals: u8,
    pub vault: Pubkey,
    pub stake_vault: Pubkey,
    /// Share of every fee taken first for the treasury, at most `MAX_PROTOCOL_FEE_BPS`.
    pub protocol_fee_bps: u16,
    /// Stake an operator must keep (not counting stake waiting to be withdrawn) to be payable.
    pub min_operator_stake: u64,
    pub unstake_cooldown_secs: i64,
    /// Proof of Attribution timing: epochs are `epoch_length_secs` long (aligned on the Unix
    /// epoch); an attestor posts a root within `root_deadline_secs` after an epoch ends; claims
    /// open `challenge_window_secs` after the root and stay open `claim_window_secs`.
    pub epoch_length_secs: i64,
    pub root_deadline_secs: i64,
    pub challenge_window_secs: i64,
    pub claim_window_secs: i64,
    /// Set and cleared by the guardian: no fee can be paid; claims and withdrawals keep working.
    pub paused: bool,
    /// Decides challenges of posted roots (`epoch_challenge_end`): upholds or dismisses them. The
    /// admin at `config_init`; in production a multisig of its own.
    pub resolver: Pubkey,
    pub challenge: ChallengeParams,
    /// Pauses, vetoes posted roots, cancels queued actions (`Role::Guardian`). The admin at
    /// `config_init`; in production a fast multisig of its own.
    pub guardian: Pubkey,
    pub pending_guardian: Option<Pubkey>,
    pub pending_resolver: Option<Pubkey>,
    /// How long a queued admin action waits before anyone may execute it.
    pub timelock_delay_secs: i64,
    /// How many actions were ever queued: the next one's id.
    pub action_count: u64,
    pub reserved: [u8; 64],
}

/// What posting and challenging a Proof of Attribution root costs, and what a challenge earns.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, PartialEq, Eq, InitSpace, Debug)]
pub struct ChallengeParams {
    /// The attestor's bond for a root: this share of what the root allocates (rounded up),
    /// within `ATTESTOR_BOND_BPS_BOUNDS`.
    pub attestor_bond_bps: u16,
    /// OPEN base units a challenger posts; above zero.
    pub challenge_bond: u64,
    /// The challenger's reward when its challenge is upheld: this share of the attestor's bond.
    pub challenge_reward_bps: u16,
    /// How long the resolver has to decide a challenge; unresolved after it, the epoch falls back
    /// to the static weights and both bonds go back.
    pub resolve_window_secs: i64,
}

impl ChallengeParams {
    pub fn default_for(min_operator_stake: u64) -> Self {
        ChallengeParams {
            attestor_bond_bps: DEFAULT_ATTESTOR_BOND_BPS,
            challenge_bond: min_operator_stake,
            challenge_reward_bps: DEFAULT_CHALLENGE_REWARD_BPS,
            resolve_window_secs: DEFAULT_RESOLVE_WINDOW_SECS,
        }
    }

    pub fn check(&self) -> Result<()> {
        let (lo, hi) = ATTESTOR_BOND_BPS_BOUNDS;
        let (r_lo, r_hi) = RESOLVE_WINDOW_BOUNDS;
        require!(
            (lo..=hi).contains(&self.attestor_bond_bps)
                && self.challenge_bond > 0
                && self.challenge_reward_bps <= 10_000
                && (r_lo..=r_hi).contains(&self.resolve_window_secs),
            PayoutError::InvalidChallengeParams
        );
        Ok(())
    }
}

impl Config {
    pub fn check_params(protocol_fee_bps: u16, min_operator_stake: u64, unstake_cooldown_secs: i64) -> Result<()> {
        require!(protocol_fee_bps <= MAX_PROTOCOL_FEE_BPS, PayoutError::ProtocolFeeTooHigh);
        require!(min_operator_stake > 0, PayoutError::ZeroMinOperatorStake);
        require!((0..=MAX_UNSTAKE_COOLDOWN_SECS).contains(&unstake_cooldown_secs), PayoutError::InvalidCooldown);
        Ok(())
    }

    pub fn check_timing(timing: &EpochTiming) -> Result<()> {
        let within = |v: i64, (lo, hi): (i64, i64)| (lo..=hi).contains(&v);
        require!(
            within(timing.epoch_length_secs, EPOCH_LENGTH_BOUNDS)
                && within(timing.root_deadline_secs, ROOT_DEADLINE_BOUNDS)
                && within(timing.challenge_window_secs, CHALLENGE_WINDOW_BOUNDS)
                && within(timing.claim_window_secs, CLAIM_WINDOW_BOUNDS),
            PayoutError::InvalidEpochTiming
        );
        Ok(())
    }

    pub fn timing(&self) -> EpochTiming {
        EpochTiming {
            epoch_length_secs: self.epoch_length_secs,
            root_deadline_secs: self.root_deadline_secs,
            challenge_window_secs: self.challenge_window_secs,
            claim_window_secs: self.claim_window_secs,
        }
    }

    /// The index of the epoch `now` falls in.
    pub fn epoch_index(&self, now: i64) -> Result<u64> {
        // Unsigned: LLVM's BPF backend has no signed division.
        let now = u64::try_from(now).map_err(|_| PayoutError::MathOverflow)?;
        let length = u64::try_from(self.epoch_length_secs).map_err(|_| PayoutError::MathOverflow)?;
        Ok(now / length)
    }

    /// The floors no governance can break: fee cap, stake above zero, timing bounds, a cooldown
    /// at least the challenge window, a timelock of at least a day.
    pub fn invariant(&self) -> Result<()> {
        Self::check_params(self.protocol_fee_bps, self.min_operator_stake, self.unstake_cooldown_secs)?;
        Self::check_timing(&self.timing())?;
        require!(self.unstake_cooldown_secs >= self.challenge_window_secs, PayoutError::CooldownBelowChallengeWindow);
        let (lo, hi) = TIMELOCK_DELAY_BOUNDS;
        require!((lo..=hi).contains(&self.timelock_delay_secs), PayoutError::InvalidTimelockDelay);
        self.challenge.check()
    }

    /// Applies a queued parameter change, within the floors.
    pub fn apply(&mut self, args: &ConfigUpdateArgs) -> Result<()> {
        if let Some(treasury) = args.treasury {
            self.treasury = treasury;
        }
        if let Some(bps) = args.protocol_fee_bps {
            self.protocol_fee_bps = bps;
        }
        if let Some(stake) = args.min_operator_stake {
            self.min_operator_stake = stake;
        }
        if let Some(secs) = args.unstake_cooldown_secs {
            self.unstake_cooldown_secs = secs;
        }
        if let Some(timing) = args.epoch_timing {
            require!(timing.epoch_length_secs == self.epoch_length_secs, PayoutError::EpochLengthFixed);
            self.root_deadline_secs = timing.root_deadline_secs;
            self.challenge_window_secs = timing.challenge_window_secs;
            self.claim_window_secs = timing.claim_window_secs;
        }
        if let Some(challenge) = args.challenge {
            self.challenge = challenge;
        }
        if let Some(secs) = args.timelock_delay_secs {
            self.timelock_delay_secs = secs;
        }
        self.invariant()
    }

    /// Who holds `role`, and who was named to take it over.
    fn role_slots(&mut self, role: Role) -> (&mut Pubkey, &mut Option<Pubkey>) {
        match role {
            Role::Admin => (&mut self.authority, &mut self.pending_authority),
            Role::Guardian => (&mut self.guardian, &mut self.pending_guardian),
            Role::Resolver => (&mut self.resolver, &mut self.pending_resolver),
        }
    }

    /// First step of a role's transfer (a queued `SetRole`): names the next holder.
    pub fn propose_role(&mut self, role: Role, key: Pubkey) {
        *self.role_slots(role).1 = Some(key);
    }

    /// Second step: the named key takes the role; returns the previous holder.
    pub fn accept_role(&mut self, role: Role, signer: Pubkey) -> Result<Pubkey> {
        let (holder, pending) = self.role_slots(role);
        require!(*pending == Some(signer), PayoutError::NoPendingAuthority);
        *pending = None;
        Ok(std::mem::replace(holder, signer))
    }
}

/// The Proof of Attribution timing parameters, in seconds (bounds in `constants`).
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, PartialEq, Eq, InitSpace, Debug)]
pub struct EpochTiming {
    pub epoch_length_secs: i64,
    pub root_deadline_secs: i64,
    pub challenge_window_secs: i64,
    pub claim_window_secs: i64,
}

/// OPEN may be a Token-2022 mint, but only with extensions that cannot move, withhold or freeze
/// tokens behind the program's back (which would break "vault = Σ entitlements"): metadata,
/// groups, and a mint close authority. Transfer fees, transfer hooks, permanent delegates,
/// default-frozen accounts, confidential transfers, pausing and the like are refused.
pub fn check_mint_extensions(mint: &AccountInfo) -> Result<()> {
    use anchor_spl::token_2022::spl_token_2022::extension::{
        BaseStateWithExtensions, ExtensionType, StateWithExtensions,
    };
    use anchor_spl::token_2022::spl_token_2022::state::Mint as MintState;
    if *mint.owner != anchor_spl::token_2022::ID {
        return Ok(());
    }
    let data = mint.try_borrow_data()?;
    let state = StateWithExtensions::<MintState>::unpack(&data)?;
    for extension in state.get_extension_types()? {
        require!(
            matches!(
                extension,
                ExtensionType::MetadataPointer
                    | ExtensionType::TokenMetadata
                    | ExtensionType::GroupPointer
                    | ExtensionType::TokenGroup
                    | ExtensionType::GroupMemberPointer
                    | ExtensionType::TokenGroupMember
                    | ExtensionType::MintCloseAuthority
            ),
            PayoutError::UnsupportedMintExtension
        );
    }
    Ok(())
}
