use crate::constants::MAX_INPUTS_URI_LEN;
use crate::errors::PayoutError;
use crate::events::AttributionRootPosted;
use crate::state::{Config, Epoch, EpochStatus, Pool, Stake};
use anchor_lang::prelude::*;
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

/// The model's attestor, holding an operator stake, posts the allocation of an ended epoch, once,
/// before the deadline. The part of the accrual it does not allocate goes to the datanet's pool at
/// once; claims open after the challenge window.
#[derive(Accounts)]
pub struct AttributionRootPost<'info> {
    pub config: Box<Account<'info, Config>>,
    pub model: Box<Account<'info, Model>>,
    #[account(mut, has_one = model @ PayoutError::WrongEpoch)]
    pub epoch: Box<Account<'info, Epoch>>,
    pub attestor: Signer<'info>,
    #[account(constraint = attestor_stake.authority == attestor.key() @ PayoutError::WrongStake)]
    pub attestor_stake: Box<Account<'info, Stake>>,
    #[account(mut, constraint = pool.datanet_version == epoch.datanet_version @ PayoutError::WrongPool)]
    pub pool: Box<Account<'info, Pool>>,
}

impl AttributionRootPost<'_> {
    fn validate(&self, args: &AttributionRootPostArgs) -> Result<()> {
        let (config, epoch) = (&self.config, &self.epoch);
        require!(self.model.attestor == Some(self.attestor.key()), PayoutError::NotAttestor);
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
        let epoch = &mut ctx.accounts.epoch;
        let returned = epoch.accrued - args.total;
        ctx.accounts.pool.credit(returned)?;
        ctx.accounts.pool.invariant()?;
        epoch.status = EpochStatus::Posted;
        epoch.root = args.root;
        epoch.total = args.total;
        epoch.leaf_count = args.leaf_count;
        epoch.returned = returned;
        epoch.posted_at = now;
        epoch.accepted_end = ctx.accounts.pool.accepted_end;
        epoch.inputs_hash = args.inputs_hash;
        epoch.claims_open_at = now.checked_add(epoch.challenge_window_secs).ok_or(PayoutError::MathOverflow)?;
        epoch.expires_at =
            epoch.claims_open_at.checked_add(epoch.claim_window_secs).ok_or(PayoutError::MathOverflow)?;
        epoch.invariant()?;
        emit!(AttributionRootPosted {
            epoch: epoch.key(),
            model: epoch.model,
            index: epoch.index,
            attestor: ctx.accounts.attestor.key(),
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
