//! One event per state change, carrying what an indexer needs without reading accounts.
use crate::state::ModelKind;
use anchor_lang::prelude::*;

#[event]
pub struct ModelCreated {
    pub model: Pubkey,
    pub owner: Pubkey,
    pub id: u64,
    pub kind: ModelKind,
    pub base_model: Option<Pubkey>,
    pub price_per_call: u64,
    pub artifact_hash: [u8; 32],
    pub name: String,
    pub uri: String,
    pub timestamp: i64,
}
