//! # model_registry: who refined, who executes
//!
//! Roles: a model's **owner** (the builder of a base model, fine-tune or adapter) creates it,
//! commits its lineage and publishes it; **operators** register to serve inference. State machine
//! of a model:
//!
//! ```text
//! create ──► Draft ──lineage_set (any number of times)──► Draft ──publish──► Published ──retire──► Retired
//!                └─────────────────────────────retire──────────────────────────────────────────────┘
//! ```
//! Publishing freezes the lineage (at most 8 datanets and upstream models with shares in basis
//! points, plus the owner's and the operator's, summing to exactly 10,000) for good: it is what
//! `attribution_payout` splits every fee by. This program never holds tokens.
use anchor_lang::prelude::*;

pub mod constants;
pub mod errors;
pub mod events;
pub mod instructions;
pub mod state;

use instructions::*;

declare_id!("7kqQgivYUbs3BDWB3vVTKcgyXgQ22ETkEqExWT3GzYg8");

#[program]
pub mod model_registry {
    use super::*;

    /// Creates a draft model (base, fine-tune, or adapter on a named base model).
    pub fn model_create(ctx: Context<ModelCreate>, args: ModelCreateArgs) -> Result<()> {
        ModelCreate::handler(ctx, args)
    }

    /// Sets a draft model's lineage and shares; the referenced datanets, versions and upstream
    /// models are passed as remaining accounts, one per entry in order (plus a cited version).
    pub fn model_lineage_set<'info>(
        ctx: Context<'info, ModelLineageSet<'info>>,
        args: ModelLineageSetArgs,
    ) -> Result<()> {
        ModelLineageSet::handler(ctx, args)
    }

    /// Freezes the lineage and makes the model payable.
    pub fn model_publish(ctx: Context<ModelPublish>, args: ModelPublishArgs) -> Result<()> {
        ModelPublish::handler(ctx, args)
    }

    /// Sets the price per call (owner, any time before retirement).
    pub fn model_price_set(ctx: Context<ModelPriceSet>, price_per_call: u64) -> Result<()> {
        ModelPriceSet::handler(ctx, price_per_call)
    }

    /// Stops new payments; claims keep working.
    pub fn model_retire(ctx: Context<ModelRetire>) -> Result<()> {
        ModelRetire::handler(ctx)
    }

    /// Registers the signer as an inference operator serving at `endpoint`.
    pub fn operator_register(ctx: Context<OperatorRegister>, endpoint: String) -> Result<()> {
        OperatorRegister::handler(ctx, endpoint)
    }

    /// Replaces the operator's endpoint and marks it active.
    pub fn operator_update(ctx: Context<OperatorUpdate>, endpoint: String) -> Result<()> {
        OperatorUpdate::handler(ctx, endpoint)
    }

    /// The model's owner names its successor (or cancels with `None`).
    pub fn model_owner_propose(ctx: Context<ModelOwnerPropose>, new_owner: Option<Pubkey>) -> Result<()> {
        ModelOwnerPropose::handler(ctx, new_owner)
    }

    /// The proposed wallet becomes the model's owner (and is paid its owner share from now on).
    pub fn model_owner_accept(ctx: Context<ModelOwnerAccept>) -> Result<()> {
        ModelOwnerAccept::handler(ctx)
    }

    /// The operator's authority names its successor (or cancels with `None`).
    pub fn operator_authority_propose(
        ctx: Context<OperatorAuthorityPropose>,
        new_authority: Option<Pubkey>,
    ) -> Result<()> {
        OperatorAuthorityPropose::handler(ctx, new_authority)
    }

    /// The proposed wallet becomes the operator's authority. Its stake in `attribution_payout`
    /// follows with `stake_authority_propose`/`_accept` (in the same transaction, ideally): an
    /// operator is payable only while its stake has the same authority.
    pub fn operator_authority_accept(ctx: Context<OperatorAuthorityAccept>) -> Result<()> {
        OperatorAuthorityAccept::handler(ctx)
    }

    /// Marks the operator inactive: not payable until it updates again.
    pub fn operator_deactivate(ctx: Context<OperatorDeactivate>) -> Result<()> {
        OperatorDeactivate::handler(ctx)
    }
}

include!("../../../tools/sbf/shims.rs");

// Where to report a vulnerability, readable from the deployed program (explorers show it). The
// values come from the build's environment: `.cargo/config.toml` names no one; a deployment sets
// its own (README, "Deploy").
#[cfg(not(feature = "no-entrypoint"))]
solana_security_txt::security_txt! {
    name: "model_registry",
    project_url: env!("SECURITY_TXT_PROJECT_URL"),
    contacts: env!("SECURITY_TXT_CONTACTS"),
    policy: env!("SECURITY_TXT_POLICY"),
    source_code: env!("SECURITY_TXT_SOURCE_CODE")
}
