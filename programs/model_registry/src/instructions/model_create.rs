use crate::constants::{ACCOUNT_VERSION, SEED_MODEL};
use crate::errors::ModelError;
use crate::events::ModelCreated;
use crate::state::{check_name, check_uri, Model, ModelKind, ModelState};
use anchor_lang::prelude::*;
use datanet_registry::pda_account::create_account;

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct ModelCreateArgs {
    /// Any number the owner has not used yet; with the owner, it names the model's PDA.
    pub id: u64,
    pub kind: ModelKind,
    pub name: String,
    pub uri: String,
    pub artifact_hash: [u8; 32],
    /// Price per inference call in OPEN base units; above zero.
    pub price_per_call: u64,
}

#[derive(Accounts)]
#[instruction(args: ModelCreateArgs)]
pub struct ModelCreate<'info> {
    /// CHECK: the model's PDA, vacant; created by the handler (`pda_account::create_account`).
    #[account(mut, seeds = [SEED_MODEL, owner.key().as_ref(), &args.id.to_le_bytes()], bump)]
    pub model: UncheckedAccount<'info>,
    /// The model an adapter is trained on: required for an adapter, absent otherwise.
    pub base_model: Option<Box<Account<'info, Model>>>,
    #[account(mut)]
    pub owner: Signer<'info>,
    pub system_program: Program<'info, System>,
}

impl ModelCreate<'_> {
    fn validate(&self, args: &ModelCreateArgs) -> Result<()> {
        check_name(&args.name)?;
        check_uri(&args.uri)?;
        require!(args.price_per_call > 0, ModelError::ZeroPrice);
        require!((args.kind == ModelKind::Adapter) == self.base_model.is_some(), ModelError::InvalidBaseModel);
        Ok(())
    }

    #[access_control(ctx.accounts.validate(&args))]
    pub fn handler(ctx: Context<Self>, args: ModelCreateArgs) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let owner = ctx.accounts.owner.key();
        let base_model = ctx.accounts.base_model.as_ref().map(|m| m.key());
        let bump = ctx.bumps.model;
        let model = Model {
            version: ACCOUNT_VERSION,
            bump,
            owner,
            id: args.id,
            kind: args.kind,
            base_model,
            state: ModelState::Draft,
            price_per_call: args.price_per_call,
            artifact_hash: args.artifact_hash,
            owner_share_bps: 0,
            operator_share_bps: 0,
            attestor: None,
            created_at: now,
            published_at: 0,
            retired_at: 0,
            pending_owner: None,
            reserved: [0; 31],
            lineage: Vec::new(),
            name: args.name,
            uri: args.uri,
        };
        model.invariant()?;
        let accounts = &ctx.accounts;
        let id = args.id.to_le_bytes();
        create_account(
            accounts.owner.to_account_info(),
            accounts.model.to_account_info(),
            accounts.system_program.key(),
            &[SEED_MODEL, owner.as_ref(), &id, &[bump]],
            &model,
        )?;
        emit!(ModelCreated {
            model: accounts.model.key(),
            owner,
            id: args.id,
            kind: args.kind,
            base_model,
            price_per_call: args.price_per_call,
            artifact_hash: args.artifact_hash,
            name: model.name,
            uri: model.uri,
            timestamp: now,
        });
        Ok(())
    }
}
