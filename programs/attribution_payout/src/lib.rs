//! # attribution_payout: who earned, and who may withdraw it
//!
//! Roles: the **deployer** (upgrade authority) initialises the config once; the config's
//! **authority** (governance) tunes bounded parameters; **payers** pay inference fees in OPEN;
//! **beneficiaries** (contributors through their positions, model owners, operators, the
//! treasury) claim what they earned; **operators** stake OPEN to be payable.
//!
//! Money path: one transfer of the whole fee into the vault, then pure accounting by the model's
//! frozen lineage (protocol fee → treasury; owner and operator → earnings; datanets → reward pools;
//! upstream models → escrows). Tokens live only in this program's two vaults.
use anchor_lang::prelude::*;

pub mod constants;
pub mod errors;
pub mod events;
pub mod instructions;
pub mod state;
mod upgrade_authority;

use instructions::*;

declare_id!("AueT3FvXkKmviBpEafzxqpLdNrBu3ifT6pikLWanCFWU");

#[program]
pub mod attribution_payout {
    use super::*;

    /// Adopts the OPEN mint and creates the config and the vaults (upgrade authority only).
    pub fn config_init(ctx: Context<ConfigInit>, args: ConfigInitArgs) -> Result<()> {
        ConfigInit::handler(ctx, args)
    }
}

include!("../../../tools/sbf/shims.rs");
