use crate::constants::{ACCOUNT_VERSION, SEED_EPOCH};
use crate::errors::PayoutError;
use crate::events::EpochOpened;
use crate::state::{Config, Epoch, EpochStatus};
use anchor_lang::prelude::*;
use datanet_registry::pda_account::{create, is_vacant};
use model_registry::state::{Model, ModelState};

/// Permissionless and idempotent: creates the current epoch of a model with a proof-attributed
/// lineage entry (the payer pays its rent and gets it back when the epoch closes), or does
/// nothing if it exists. Clients send it before `inference_pay` in the same transaction.
#[derive(Accounts)]
#[instruction(index: u64)]
pub struct EpochOpen<'info> {
    pub config: Box<Account<'info, Config>>,
    pub model: Box<Account<'info, Model>>,
    /// CHECK: the epoch's PDA; created by the handler when vacant, decoded and checked when not.
    #[account(mut, seeds = [SEED_EPOCH, model.key().as_ref(), &index.to_le_bytes()], bump)]
    pub epoch: UncheckedAccount<'info>,
    #[account(mut)]
    pub payer: Signer<'info>,
    pub system_program: Program<'info, System>,
}

impl EpochOpen<'_> {
    fn validate(&self, index: u64) -> Result<()> {
        require!(self.model.state == ModelState::Published, PayoutError::ModelNotPublished);
        require!(self.model.has_proof_attributed_entry(), PayoutError::NotProofAttributed);
        let now = Clock::get()?.unix_timestamp;
        require!(index == self.config.epoch_index(now)?, PayoutError::NotCurrentEpoch);
        Ok(())
    }

    #[access_control(ctx.accounts.validate(index))]
    pub fn handler(ctx: Context<Self>, index: u64) -> Result<()> {
        let accounts = &ctx.accounts;
        if !is_vacant(&accounts.epoch) {
            // Opened already (by an earlier payment of this epoch): check it, change nothing.
            require_keys_eq!(*accounts.epoch.owner, crate::ID, PayoutError::WrongEpoch);
            let epoch = Epoch::try_deserialize(&mut &accounts.epoch.try_borrow_data()?[..])?;
            require!(epoch.model == accounts.model.key() && epoch.index == index, PayoutError::WrongEpoch);
            return Ok(());
        }
        let model = accounts.model.key();
        let index_bytes = index.to_le_bytes();
        let bump = ctx.bumps.epoch;
        let seeds: &[&[u8]] = &[SEED_EPOCH, model.as_ref(), &index_bytes, &[bump]];
        create(
            accounts.payer.to_account_info(),
            accounts.epoch.to_account_info(),
            accounts.system_program.key(),
            seeds,
            8 + Epoch::INIT_SPACE,
            &crate::ID,
        )?;
        let config = &accounts.config;
        let length = config.epoch_length_secs;
        // Unsigned: LLVM's BPF backend cannot lower signed overflow-checked multiplication.
        let starts_at = u64::try_from(length)
            .ok()
            .and_then(|l| index.checked_mul(l))
            .and_then(|s| i64::try_from(s).ok())
            .ok_or(PayoutError::MathOverflow)?;
        let ends_at = starts_at + length;
        let entry = accounts.model.proof_attributed_entry().ok_or(PayoutError::NotProofAttributed)?;
        let (datanet, datanet_version) = (entry.target, entry.datanet_version.ok_or(PayoutError::InvariantViolated)?);
        let epoch = Epoch {
            version: ACCOUNT_VERSION,
            bump,
            model,
            index,
            starts_at,
            ends_at,
            datanet,
            datanet_version,
            accepted_end: 0,
            status: EpochStatus::Open,
            accrued: 0,
            record_count: 0,
            records_hash: poa_merkle::RECORDS_HASH_START,
            root: [0; 32],
            total: 0,
            leaf_count: 0,
            claimed: 0,
            returned: 0,
            posted_at: 0,
            claims_open_at: 0,
            expires_at: 0,
            rent_payer: accounts.payer.key(),
            root_deadline_at: ends_at.checked_add(config.root_deadline_secs).ok_or(PayoutError::MathOverflow)?,
            challenge_window_secs: config.challenge_window_secs,
            claim_window_secs: config.claim_window_secs,
            inputs_hash: [0; 32],
            reserved: [0; 8],
        };
        epoch.try_serialize(&mut &mut accounts.epoch.try_borrow_mut_data()?[..])?;
        emit!(EpochOpened {
            epoch: accounts.epoch.key(),
            model,
            index,
            starts_at: epoch.starts_at,
            ends_at: epoch.ends_at,
            datanet,
            datanet_version,
        });
        Ok(())
    }
}
