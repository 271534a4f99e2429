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
}

include!("../../../tools/sbf/shims.rs");
