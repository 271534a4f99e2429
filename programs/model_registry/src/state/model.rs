use super::{check_name, check_uri};
use crate::constants::{BPS_DENOMINATOR, MAX_LINEAGE_ENTRIES, MAX_NAME_LEN, MAX_URI_LEN};
use crate::errors::ModelError;
use anchor_lang::prelude::*;

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, PartialEq, Eq, InitSpace, Debug)]
pub enum ModelKind {
    Base,
    FineTune,
    /// A LoRA adapter on `Model::base_model`.
    Adapter,
    /// An AI agent: its lineage lists the models it calls (model entries only), so what users pay
    /// it flows on to those models, and their contributors, through their escrows.
    Agent,
}

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, PartialEq, Eq, InitSpace, Debug)]
pub enum ModelState {
    /// Lineage may still change; not payable.
    Draft,
    /// Lineage and shares frozen for good; payable.
    Published,
    /// No new payments; everything already owed stays claimable.
    Retired,
}

/// What a lineage entry points at.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, PartialEq, Eq, InitSpace, Debug)]
pub enum LineageSource {
    /// A datanet of `datanet_registry`; its share goes to the reward pool of the cited version.
    Datanet,
    /// A published upstream model; its share goes to that model's escrow.
    Model,
}

/// One weighted upstream item of a model.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, PartialEq, Eq, InitSpace, Debug)]
pub struct LineageEntry {
    pub source: LineageSource,
    /// The datanet or upstream model account.
    pub target: Pubkey,
    /// For a datanet entry (required), the `DatanetVersion` the model was trained on: its
    /// contributions, and only they, share the entry's part of every fee. `None` for a model entry.
    pub datanet_version: Option<Pubkey>,
    /// Share of every fee (after the protocol fee), in basis points.
    pub share_bps: u16,
    /// Datanet entries only, at most one per model: the share is allocated per output by Proof of
    /// Attribution epochs instead of by the static weights of the datanet's pool (which receives
    /// whatever an epoch does not attribute).
    pub proof_attributed: bool,
}

/// A model and its frozen attribution commitments. PDA `[SEED_MODEL, owner, id (u64 LE)]`.
#[account]
#[derive(InitSpace, Debug)]
pub struct Model {
    pub version: u8,
    pub bump: u8,
    /// The builder: receives the owner share, sets the price, publishes and retires. It can hand
    /// the model over (`model_owner_propose`/`_accept`); the PDA keeps the creator's key.
    pub owner: Pubkey,
    pub id: u64,
    pub kind: ModelKind,
    /// The base model of an adapter; `None` for other kinds.
    pub base_model: Option<Pubkey>,
    pub state: ModelState,
    /// Price per inference call, in OPEN base units.
    pub price_per_call: u64,
    /// Hash of the published weights or adapter file.
    pub artifact_hash: [u8; 32],
    pub owner_share_bps: u16,
    pub operator_share_bps: u16,
    /// Who may post Proof of Attribution roots for this model; set at publish.
    pub attestor: Option<Pubkey>,
    pub created_at: i64,
    pub published_at: i64,
    pub retired_at: i64,
    /// Set by `model_owner_propose`, cleared when accepted: the wallet the model (and its owner
    /// share of every later fee) is handed to.
    pub pending_owner: Option<Pubkey>,
    pub reserved: [u8; 31],
    #[max_len(MAX_LINEAGE_ENTRIES)]
    pub lineage: Vec<LineageEntry>,
    #[max_len(MAX_NAME_LEN)]
    pub name: String,
    #[max_len(MAX_URI_LEN)]
    pub uri: String,
}

impl Model {
    /// Checks a set of shares: at most 8 entries, each above zero, proof attribution only on
    /// datanets, and everything summing to exactly 10,000 bps.
    pub fn check_shares(lineage: &[LineageEntry], owner_bps: u16, operator_bps: u16) -> Result<()> {
        require!(lineage.len() <= MAX_LINEAGE_ENTRIES, ModelError::TooManyEntries);
        let mut total = u32::from(owner_bps) + u32::from(operator_bps);
        for entry in lineage {
            require!(entry.share_bps > 0, ModelError::ZeroShare);
            require!(
                entry.datanet_version.is_some() == (entry.source == LineageSource::Datanet),
                ModelError::VersionRequired
            );
            require!(
                !entry.proof_attributed || entry.source == LineageSource::Datanet,
                ModelError::ProofAttributedModel
            );
            total += u32::from(entry.share_bps);
        }
        require!(total == u32::from(BPS_DENOMINATOR), ModelError::SharesNotWhole);
        // One epoch account per model and epoch collects the proof-attributed share.
        require!(lineage.iter().filter(|e| e.proof_attributed).count() <= 1, ModelError::TooManyProofAttributed);
        Ok(())
    }

    pub fn has_proof_attributed_entry(&self) -> bool {
        self.proof_attributed_entry().is_some()
    }

    /// The datanet entry whose share Proof of Attribution epochs allocate, if any.
    pub fn proof_attributed_entry(&self) -> Option<&LineageEntry> {
        self.lineage.iter().find(|e| e.proof_attributed)
    }

    pub fn invariant(&self) -> Result<()> {
        check_name(&self.name)?;
        check_uri(&self.uri)?;
        require!(self.price_per_call > 0, ModelError::ZeroPrice);
        require!((self.kind == ModelKind::Adapter) == self.base_model.is_some(), ModelError::InvalidBaseModel);
        if self.state != ModelState::Draft || !self.lineage.is_empty() {
            Self::check_shares(&self.lineage, self.owner_share_bps, self.operator_share_bps)?;
        }
        Ok(())
    }
}
