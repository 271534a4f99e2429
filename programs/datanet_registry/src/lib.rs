//! # datanet_registry: who contributed
//!
//! Roles: a datanet's **creator** opens it and becomes its **authority** (curator); any wallet can
//! be a **contributor**. State machine of a contribution:
//!
//! ```text
//! submit ──► Pending ──review(accept, weight>0)──► Accepted   (final; weight frozen)
//!              │    └──review(reject, reason)────► Rejected   (final)
//!              └──withdraw (contributor)──► closed, rent returned
//! open policy: submit ──► Accepted at once with the datanet's fixed weight
//! ```
//! Published versions (`DatanetVersion`) are immutable snapshots that models cite. This program
//! never holds tokens; `attribution_payout` reads accepted contributions to pay their owners.
use anchor_lang::prelude::*;

pub mod constants;
pub mod errors;
pub mod events;
pub mod instructions;
pub mod state;

use instructions::*;

declare_id!("DKoaReFZ2bj4QA82KJfpYn4cM8uYn4vhxhDNzC8TkoLf");

#[program]
pub mod datanet_registry {
    use super::*;

    /// Creates a datanet owned by its creator, who becomes its curator.
    pub fn datanet_create(ctx: Context<DatanetCreate>, args: DatanetCreateArgs) -> Result<()> {
        DatanetCreate::handler(ctx, args)
    }
}

include!("../../../tools/sbf/shims.rs");
