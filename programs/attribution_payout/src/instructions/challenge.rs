//! Bonded, permissionless challenges of a posted Proof of Attribution root. Anyone who recomputes
//! a root from its published attestation and finds it wrong posts a bond and names what it
//! disputes, inside the challenge window; claims wait. The config's resolver upholds (the root is
//! struck, the attestor's bond slashed: the challenger's bond back plus its reward to the
//! challenger, the rest and the epoch's fees to the version's pool) or dismisses (the challenger's
//! bond joins the attestor's; claims go ahead). Undecided by the deadline, the epoch falls back to
//! the static weights and both bonds go back. What is left of the attestor's bond goes back to it
//! with its attestation's rent once claims open with no challenge pending, or once the epoch is
//! released (`attestation_close`).
use crate::constants::SEED_ATTESTATION;
use crate::errors::PayoutError;
use crate::events::{AttestationClosed, EpochChallengeEnded, EpochChallenged};
use crate::state::{Attestation, Config, Epoch, EpochStatus, Pool};
use crate::transfer::{into_vault, out_of_vault, require_token_account};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;

#[derive(Accounts)]
pub struct EpochChallenge<'info> {
    #[account(has_one = vault, has_one = mint @ PayoutError::WrongMint, has_one = token_program @ PayoutError::WrongTokenProgram)]
    pub config: Box<Account<'info, Config>>,
    /// CHECK: the config's fee vault (`has_one`); the token program checks it in the transfer.
    #[account(mut)]
    pub vault: UncheckedAccount<'info>,
    /// CHECK: the OPEN mint (`has_one`).
    pub mint: UncheckedAccount<'info>,
    #[account(mut)]
    pub epoch: Box<Account<'info, Epoch>>,
    #[account(mut, seeds = [SEED_ATTESTATION, epoch.key().as_ref()], bump = attestation.bump)]
    pub attestation: Box<Account<'info, Attestation>>,
    pub challenger: Signer<'info>,
    /// CHECK: the challenger's OPEN account the bond comes from; the token program requires the
    /// challenger, who signs, to own it (or be its delegate) in the transfer.
    #[account(mut)]
    pub challenger_token: UncheckedAccount<'info>,
    pub token_program: Interface<'info, TokenInterface>,
}

impl EpochChallenge<'_> {
    fn validate(&self) -> Result<()> {
        self.epoch.require_posted()?;
        require!(Clock::get()?.unix_timestamp < self.epoch.claims_open_at, PayoutError::ChallengeWindowClosed);
        Ok(())
    }

    /// `disputed`: the leaf the challenger says is wrong, or the contribution (its address) that a
    /// leaf is missing for.
    #[access_control(ctx.accounts.validate())]
    pub fn handler(ctx: Context<Self>, disputed: [u8; 32]) -> Result<()> {
        let accounts = &mut *ctx.accounts;
        let params = accounts.config.challenge;
        into_vault(
            &accounts.config,
            accounts.challenger_token.to_account_info(),
            accounts.vault.to_account_info(),
            accounts.challenger.to_account_info(),
            accounts.mint.to_account_info(),
            accounts.token_program.key(),
            params.challenge_bond,
        )?;
        let now = Clock::get()?.unix_timestamp;
        let epoch = &mut accounts.epoch;
        epoch.status = EpochStatus::Challenged;
        let attestation = &mut accounts.attestation;
        attestation.challenger = accounts.challenger.key();
        attestation.challenger_bond = params.challenge_bond;
        attestation.challenge_reward_bps = params.challenge_reward_bps;
        attestation.disputed = disputed;
        attestation.resolve_by = now.checked_add(params.resolve_window_secs).ok_or(PayoutError::MathOverflow)?;
        emit!(EpochChallenged {
            epoch: epoch.key(),
            model: epoch.model,
            index: epoch.index,
            challenger: attestation.challenger,
            bond: params.challenge_bond,
            disputed,
            resolve_by: attestation.resolve_by,
        });
        Ok(())
    }
}

/// The accounts that end a challenge: the epoch, the pool of its version (which takes what a
/// struck root held) and the challenger's OPEN account (which gets its bond back, and its reward).
#[derive(Accounts)]
pub struct EpochChallengeEnd<'info> {
    #[account(has_one = vault, has_one = mint @ PayoutError::WrongMint, has_one = token_program @ PayoutError::WrongTokenProgram)]
    pub config: Box<Account<'info, Config>>,
    /// CHECK: the config's fee vault (`has_one`); the token program checks it in the transfer.
    #[account(mut)]
    pub vault: UncheckedAccount<'info>,
    /// CHECK: the OPEN mint (`has_one`).
    pub mint: UncheckedAccount<'info>,
    #[account(mut)]
    pub epoch: Box<Account<'info, Epoch>>,
    #[account(mut, seeds = [SEED_ATTESTATION, epoch.key().as_ref()], bump = attestation.bump)]
    pub attestation: Box<Account<'info, Attestation>>,
    #[account(mut, constraint = pool.datanet_version == epoch.datanet_version @ PayoutError::WrongPool)]
    pub pool: Box<Account<'info, Pool>>,
    /// CHECK: an OPEN account of the epoch's challenger, checked in `validate`.
    #[account(mut)]
    pub challenger_token: UncheckedAccount<'info>,
    /// The resolver deciding, or anyone once the resolver's deadline has passed.
    pub signer: Signer<'info>,
    pub token_program: Interface<'info, TokenInterface>,
}

/// How a challenge ends.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, PartialEq, Eq, Debug)]
pub enum ChallengeOutcome {
    /// The resolver upholds it: the root is struck and its attestor's bond slashed.
    Upheld,
    /// The resolver dismisses it: the challenger's bond joins the attestor's, claims go ahead.
    Dismissed,
    /// Nobody decided by the deadline (anyone may end it then): the epoch falls back to the
    /// static weights, both bonds go back.
    Expired,
}

impl EpochChallengeEnd<'_> {
    fn validate(&self, outcome: ChallengeOutcome) -> Result<()> {
        require!(self.epoch.status == EpochStatus::Challenged, PayoutError::NotChallenged);
        let attestation = &self.attestation;
        let now = Clock::get()?.unix_timestamp;
        if outcome == ChallengeOutcome::Expired {
            require!(now >= attestation.resolve_by, PayoutError::ResolveDeadlineNotPassed);
        } else {
            require_keys_eq!(self.signer.key(), self.config.resolver, PayoutError::NotResolver);
            require!(now < attestation.resolve_by, PayoutError::ResolveDeadlinePassed);
        }
        require_token_account(&self.challenger_token, &self.config, &attestation.challenger)
    }

    #[access_control(ctx.accounts.validate(outcome))]
    pub fn handler(ctx: Context<Self>, outcome: ChallengeOutcome) -> Result<()> {
        let accounts = &mut *ctx.accounts;
        let (epoch, attestation) = (&mut accounts.epoch, &mut accounts.attestation);
        let challenger_bond = attestation.challenger_bond;
        // (to the challenger, of the attestor's bond to the pool, fees to the pool)
        let (to_challenger, slashed_to_pool, returned) = match outcome {
            ChallengeOutcome::Upheld => {
                let reward = payout_math::bps_of(attestation.bond, attestation.challenge_reward_bps);
                let rest = attestation.bond - reward; // bps_of(x) ≤ x
                attestation.bond = 0;
                accounts.pool.credit(rest)?;
                let returned = epoch.return_balance(&mut accounts.pool)?;
                epoch.status = EpochStatus::Released;
                epoch.expires_at = Clock::get()?.unix_timestamp;
                (challenger_bond + reward, rest, returned)
            }
            ChallengeOutcome::Dismissed => {
                attestation.bond = attestation.bond.checked_add(challenger_bond).ok_or(PayoutError::MathOverflow)?;
                epoch.status = EpochStatus::Posted;
                (0, 0, 0)
            }
            ChallengeOutcome::Expired => {
                let returned = epoch.return_balance(&mut accounts.pool)?;
                epoch.status = EpochStatus::Released;
                epoch.expires_at = Clock::get()?.unix_timestamp;
                (challenger_bond, 0, returned)
            }
        };
        attestation.challenger_bond = 0;
        epoch.invariant()?;
        accounts.pool.invariant()?;
        if to_challenger > 0 {
            out_of_vault(
                &accounts.config,
                accounts.vault.to_account_info(),
                accounts.challenger_token.to_account_info(),
                accounts.mint.to_account_info(),
                accounts.token_program.key(),
                to_challenger,
            )?;
        }
        let (epoch, attestation) = (&accounts.epoch, &accounts.attestation);
        emit!(EpochChallengeEnded {
            epoch: epoch.key(),
            model: epoch.model,
            index: epoch.index,
            challenger: attestation.challenger,
            outcome,
            to_challenger,
            slashed_to_pool,
            returned,
            attestor_bond: attestation.bond,
        });
        Ok(())
    }
}

/// Permissionless: pays the attestor what is left of its bond (nothing after an upheld challenge)
/// and closes its attestation, the rent back to it, once claims are open with no challenge
/// pending, or once the epoch was released. The epoch closes only after it.
#[derive(Accounts)]
pub struct AttestationClose<'info> {
    #[account(has_one = vault, has_one = mint @ PayoutError::WrongMint, has_one = token_program @ PayoutError::WrongTokenProgram)]
    pub config: Box<Account<'info, Config>>,
    /// CHECK: the config's fee vault (`has_one`); the token program checks it in the transfer.
    #[account(mut)]
    pub vault: UncheckedAccount<'info>,
    /// CHECK: the OPEN mint (`has_one`).
    pub mint: UncheckedAccount<'info>,
    pub epoch: Box<Account<'info, Epoch>>,
    #[account(
        mut,
        close = attestor,
        seeds = [SEED_ATTESTATION, epoch.key().as_ref()],
        bump = attestation.bump,
        has_one = attestor @ PayoutError::WrongRentPayer,
    )]
    pub attestation: Box<Account<'info, Attestation>>,
    /// CHECK: the attestation's attestor (`has_one`): gets the rent back.
    #[account(mut)]
    pub attestor: UncheckedAccount<'info>,
    /// CHECK: an OPEN account of the attestor's, checked in `validate`.
    #[account(mut)]
    pub attestor_token: UncheckedAccount<'info>,
    pub token_program: Interface<'info, TokenInterface>,
}

impl AttestationClose<'_> {
    fn validate(&self) -> Result<()> {
        let epoch = &self.epoch;
        let unlocked = match epoch.status {
            EpochStatus::Posted => Clock::get()?.unix_timestamp >= epoch.claims_open_at,
            EpochStatus::Released => true,
            EpochStatus::Open | EpochStatus::Challenged => false,
        };
        require!(unlocked, PayoutError::BondLocked);
        require_token_account(&self.attestor_token, &self.config, &self.attestation.attestor)
    }

    #[access_control(ctx.accounts.validate())]
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let accounts = &mut *ctx.accounts;
        let amount = accounts.attestation.bond;
        if amount > 0 {
            out_of_vault(
                &accounts.config,
                accounts.vault.to_account_info(),
                accounts.attestor_token.to_account_info(),
                accounts.mint.to_account_info(),
                accounts.token_program.key(),
                amount,
            )?;
        }
        let epoch = &accounts.epoch;
        emit!(AttestationClosed {
            epoch: epoch.key(),
            model: epoch.model,
            index: epoch.index,
            attestor: accounts.attestation.attestor,
            bond_returned: amount,
            rent_returned: accounts.attestation.to_account_info().lamports(),
        });
        Ok(())
    }
}
