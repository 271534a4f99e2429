//! One event per state change, carrying what an indexer needs without reading accounts.
use crate::state::{LineageEntry, ModelKind, OperatorStatus};
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

#[event]
pub struct ModelLineageSet {
    pub model: Pubkey,
    pub lineage: Vec<LineageEntry>,
    pub owner_share_bps: u16,
    pub operator_share_bps: u16,
    pub timestamp: i64,
}

#[event]
pub struct ModelPublished {
    pub model: Pubkey,
    pub owner: Pubkey,
    pub kind: ModelKind,
    pub price_per_call: u64,
    /// The frozen commitments every fee of this model is split by.
    pub lineage: Vec<LineageEntry>,
    pub owner_share_bps: u16,
    pub operator_share_bps: u16,
    pub attestor: Option<Pubkey>,
    pub timestamp: i64,
}

#[event]
pub struct ModelPriceSet {
    pub model: Pubkey,
    pub previous_price: u64,
    pub price_per_call: u64,
    pub timestamp: i64,
}

#[event]
pub struct ModelRetired {
    pub model: Pubkey,
    pub timestamp: i64,
}

#[event]
pub struct OperatorRegistered {
    pub operator: Pubkey,
    pub authority: Pubkey,
    pub endpoint: String,
    pub timestamp: i64,
}

#[event]
pub struct OperatorUpdated {
    pub operator: Pubkey,
    pub status: OperatorStatus,
    pub endpoint: String,
    pub timestamp: i64,
}

/// A model's owner or an operator's authority named its successor (`None`: cancelled).
#[event]
pub struct HandoverProposed {
    /// The model or operator.
    pub account: Pubkey,
    pub current: Pubkey,
    pub proposed: Option<Pubkey>,
}

/// The successor accepted: it is the model's owner or the operator's authority from now on.
#[event]
pub struct HandoverAccepted {
    pub account: Pubkey,
    pub previous: Pubkey,
    pub current: Pubkey,
}
