use crate::constants::{ACCOUNT_VERSION, MAX_INPUTS_URI_LEN, SEED_ATTESTATION};
use crate::errors::PayoutError;
use crate::events::AttributionRootPosted;
use crate::state::{Attestation, Config, Epoch, EpochStatus, Pool, Stake};
use crate::transfer::into_vault;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use datanet_registry::constants::SEED_ATTESTOR_APPROVAL;
use datanet_registry::pda_account::create_account;
use model_registry::state::Model;

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct AttributionRootPostArgs {
    /// Merkle root over (model, epoch, contribution, amount) leaves (`poa-merkle`).
    pub root: [u8; 32],
    /// What the leaves allocate in total; at most what the epoch accrued.
    pub total: u64,
    pub leaf_count: u64,
    /// Must equal the epoch's running hash: the attestor used exactly the epoch's payments.
    pub records_hash: [u8; 32],
    /// sha256 of the published attestation the root was computed from (`Epoch::inputs_hash`).
    pub inputs_hash: [u8; 32],
    /// Where that attestation is published (1 to 200 bytes); recorded in the event only.
    pub inputs_uri: String,
}

/// The model's attestor, holding an operator stake and approved by the datanet's curator
/// (`datanet_attestor_approve`), posts the allocation of an ended epoch, once,
/// before the deadline, and bonds it: `challenge.attestor_bond_bps` of what it allocates (rounded
/// up) moves from its token account into the fee vault, slashed if a challenge is upheld (its
/// `Attestation`, whose rent the attestor pays and gets back at `attestation_close`). The part
/// of the accrual it does not allocate goes to the datanet's pool at once; claims open after the
/// challenge window.
#[derive(Accounts)]
pub struct AttributionRootPost<'info> {
    #[account(has_one = vault, has_one = mint @ PayoutError::WrongMint, has_one = token_program @ PayoutError::WrongTokenProgram)]
    pub config: Box<Account<'info, Config>>,
    /// CHECK: the config's fee vault (`has_one`); the token program checks it in the transfer.
    #[account(mut)]
    pub vault: UncheckedAccount<'info>,
    /// CHECK: the OPEN mint (`has_one`).
    pub mint: UncheckedAccount<'info>,
    pub model: Box<Account<'info, Model>>,
    #[account(mut, has_one = model @ PayoutError::WrongEpoch)]
    pub epoch: Box<Account<'info, Epoch>>,
    #[account(mut)]
    pub attestor: Signer<'info>,
    /// Answers for the root: no withdrawal until its challenge window and any challenge are over.
    #[account(mut, constraint = attestor_stake.authority == attestor.key() @ PayoutError::WrongStake)]
    pub attestor_stake: Box<Account<'info, Stake>>,
    #[account(mut, constraint = pool.datanet_version == epoch.datanet_version @ PayoutError::WrongPool)]
    pub pool: Box<Account<'info, Pool>>,
    /// CHECK: the attestor's OPEN account the bond comes from; the token program requires the
    /// attestor, who signs, to own it (or be its delegate) in the transfer.
    #[account(mut)]
    pub attestor_token: UncheckedAccount<'info>,
    /// CHECK: the datanet curator's approval of this attestor (`datanet_registry`'s
    /// `AttestorApproval` PDA for the epoch's datanet); it must exist (`validate`).
    #[account(
        seeds = [SEED_ATTESTOR_APPROVAL, epoch.datanet.as_ref(), attestor.key().as_ref()],
        bump,
        seeds::program = datanet_registry::ID,
    )]
    pub attestor_approval: UncheckedAccount<'info>,
    /// CHECK: the epoch's attestation PDA, vacant (the epoch is still open); created here.
    #[account(mut, seeds = [SEED_ATTESTATION, epoch.key().as_ref()], bump)]
    pub attestation: UncheckedAccount<'info>,
    pub token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl AttributionRootPost<'_> {
    fn validate(&self, args: &AttributionRootPostArgs) -> Result<()> {
        let (config, epoch) = (&self.config, &self.epoch);
        require!(self.model.attestor == Some(self.attestor.key()), PayoutError::NotAttestor);
        // Only datanet_registry can have written data at its PDA.
        require!(*self.attestor_approval.owner == datanet_registry::ID, PayoutError::AttestorNotApproved);
        require!(self.attestor_stake.active >= config.min_operator_stake, PayoutError::AttestorNotStaked);
        require!(epoch.status == EpochStatus::Open, PayoutError::RootAlreadyPosted);
        let now = Clock::get()?.unix_timestamp;
        require!(now >= epoch.ends_at, PayoutError::EpochNotEnded);
        require!(now < epoch.root_deadline_at, PayoutError::RootDeadlinePassed);
        require!(args.total <= epoch.accrued, PayoutError::TotalAboveAccrued);
        require!(args.records_hash == epoch.records_hash, PayoutError::RecordsHashMismatch);
        require!(args.total == 0 || args.leaf_count > 0, PayoutError::NoLeaves);
        require!(
            !args.inputs_uri.is_empty() && args.inputs_uri.len() <= MAX_INPUTS_URI_LEN,
            PayoutError::InvalidInputsUri
        );
        Ok(())
    }

    #[access_control(ctx.accounts.validate(&args))]
    pub fn handler(ctx: Context<Self>, args: AttributionRootPostArgs) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let accounts = &mut *ctx.accounts;
        let bond = bond_for(args.total, accounts.config.challenge.attestor_bond_bps);
        if bond > 0 {
            into_vault(
                &accounts.config,
                accounts.attestor_token.to_account_info(),
                accounts.vault.to_account_info(),
                accounts.attestor.to_account_info(),
                accounts.mint.to_account_info(),
                accounts.token_program.key(),
                bond,
            )?;
        }
        let epoch_key = accounts.epoch.key();
        let attestation = Attestation {
            version: ACCOUNT_VERSION,
            bump: ctx.bumps.attestation,
            epoch: epoch_key,
            attestor: accounts.attestor.key(),
            bond,
            challenger: Pubkey::default(),
            challenger_bond: 0,
            challenge_reward_bps: 0,
            disputed: [0; 32],
            resolve_by: 0,
            reserved: [0; 16],
        };
        create_account(
            accounts.attestor.to_account_info(),
            accounts.attestation.to_account_info(),
            accounts.system_program.key(),
            &[SEED_ATTESTATION, epoch_key.as_ref(), &[ctx.bumps.attestation]],
            &attestation,
        )?;
        let epoch = &mut accounts.epoch;
        let returned = epoch.accrued - args.total;
        accounts.pool.credit(returned)?;
        accounts.pool.invariant()?;
        epoch.status = EpochStatus::Posted;
        epoch.root = args.root;
        epoch.total = args.total;
        epoch.leaf_count = args.leaf_count;
        epoch.returned = returned;
        epoch.posted_at = now;
        epoch.accepted_end = accounts.pool.accepted_end;
        epoch.inputs_hash = args.inputs_hash;
        epoch.claims_open_at = now.checked_add(epoch.challenge_window_secs).ok_or(PayoutError::MathOverflow)?;
        epoch.expires_at =
            epoch.claims_open_at.checked_add(epoch.claim_window_secs).ok_or(PayoutError::MathOverflow)?;
        epoch.invariant()?;
        // A challenge opens before `claims_open_at` and is decided within the resolve window.
        let answers_until = epoch
            .claims_open_at
            .checked_add(accounts.config.challenge.resolve_window_secs)
            .ok_or(PayoutError::MathOverflow)?;
        let stake = &mut accounts.attestor_stake;
        stake.slashable_until = stake.slashable_until.max(answers_until);
        emit!(AttributionRootPosted {
            epoch: epoch.key(),
            model: epoch.model,
            index: epoch.index,
            attestor: accounts.attestor.key(),
            attestor_bond: bond,
            root: args.root,
            accrued: epoch.accrued,
            total: args.total,
            leaf_count: args.leaf_count,
            records_hash: args.records_hash,
            inputs_hash: args.inputs_hash,
            inputs_uri: args.inputs_uri,
            returned,
            claims_open_at: epoch.claims_open_at,
            expires_at: epoch.expires_at,
        });
        Ok(())
    }
}

/// The attestor's bond for a root allocating `total`: `bps` of it, rounded up. Only the
/// `total % 10,000` part of `bps_of` can leave a remainder.
fn bond_for(total: u64, bps: u16) -> u64 {
    let exact = ((total % 10_000) * u64::from(bps)).is_multiple_of(10_000);
    payout_math::bps_of(total, bps) + u64::from(!exact)
}
