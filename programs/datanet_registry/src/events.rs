//! One event per state change, carrying what an indexer needs without reading accounts.
use crate::state::{BondPolicy, ContributionStatus, DatanetPolicy};
use anchor_lang::prelude::*;

#[event]
pub struct DatanetCreated {
    pub datanet: Pubkey,
    pub creator: Pubkey,
    pub id: u64,
    pub authority: Pubkey,
    pub policy: DatanetPolicy,
    pub bond: BondPolicy,
    pub name: String,
    pub uri: String,
    pub timestamp: i64,
}

#[event]
pub struct DatanetUpdated {
    pub datanet: Pubkey,
    pub policy: DatanetPolicy,
    pub bond: BondPolicy,
    pub uri: String,
    pub timestamp: i64,
}

#[event]
pub struct DatanetAuthorityProposed {
    pub datanet: Pubkey,
    pub authority: Pubkey,
    /// `None` when a pending proposal was cancelled.
    pub proposed: Option<Pubkey>,
}

#[event]
pub struct DatanetAuthorityAccepted {
    pub datanet: Pubkey,
    pub previous: Pubkey,
    pub authority: Pubkey,
}

#[event]
pub struct ContributionSubmitted {
    pub datanet: Pubkey,
    pub contribution: Pubkey,
    pub contributor: Pubkey,
    pub content_hash: [u8; 32],
    pub size: u64,
    pub index: u64,
    /// `Accepted` at once in an open datanet, `Pending` in a curated one.
    pub status: ContributionStatus,
    pub weight: u64,
    /// OPEN base units posted as its bond (0 when the datanet requires none).
    pub bond: u64,
    pub uri: String,
    pub timestamp: i64,
}

#[event]
pub struct ContributionTransferProposed {
    pub contribution: Pubkey,
    pub contributor: Pubkey,
    /// `None` when a pending proposal was cancelled.
    pub proposed: Option<Pubkey>,
}

#[event]
pub struct ContributionTransferAccepted {
    pub contribution: Pubkey,
    pub previous: Pubkey,
    pub contributor: Pubkey,
}

#[event]
pub struct ContributionWithdrawn {
    pub datanet: Pubkey,
    pub contribution: Pubkey,
    pub contributor: Pubkey,
    pub content_hash: [u8; 32],
    /// Pending (withdrawn before review), or Rejected or Flagged (cleared away after it).
    pub status: ContributionStatus,
    /// Who closed it: the contributor, or the curator clearing a rejected or flagged one.
    pub by: Pubkey,
    /// Lamports returned to the contributor.
    pub rent_returned: u64,
    /// OPEN base units of bond returned to the contributor.
    pub bond_returned: u64,
    pub timestamp: i64,
}

#[event]
pub struct ContributionReviewed {
    pub datanet: Pubkey,
    pub contribution: Pubkey,
    pub contributor: Pubkey,
    pub status: ContributionStatus,
    pub weight: u64,
    pub reject_reason: u16,
    /// The datanet's total accepted weight after this decision.
    pub total_accepted_weight: u64,
    pub timestamp: i64,
}

#[event]
pub struct DatanetVersionPublished {
    pub datanet: Pubkey,
    pub datanet_version: Pubkey,
    pub number: u32,
    pub contributions_root: [u8; 32],
    pub contribution_count: u64,
    /// The fixed denominator of every fee paid to this version.
    pub total_weight: u64,
    pub uri: String,
    pub timestamp: i64,
}

#[event]
pub struct BondVaultCreated {
    pub bond_vault: Pubkey,
    pub mint: Pubkey,
    pub token_program: Pubkey,
}

#[event]
pub struct ContributionFlagged {
    pub datanet: Pubkey,
    pub contribution: Pubkey,
    pub contributor: Pubkey,
    /// Its status before: Pending, or Accepted within its spam window.
    pub previous_status: ContributionStatus,
    /// The weight taken out of the datanet's total (0 for a pending one).
    pub weight_removed: u64,
    /// OPEN base units of bond sent to the treasury.
    pub bond_forfeited: u64,
    /// The datanet's total accepted weight after this flag.
    pub total_accepted_weight: u64,
    pub timestamp: i64,
}

#[event]
pub struct BondRefunded {
    pub datanet: Pubkey,
    pub contribution: Pubkey,
    pub contributor: Pubkey,
    pub amount: u64,
    /// The contributor's token account it went to.
    pub to: Pubkey,
    pub timestamp: i64,
}

/// The curator allowed `attestor` to post Proof of Attribution roots for the datanet's share.
#[event]
pub struct AttestorApproved {
    pub datanet: Pubkey,
    pub attestor: Pubkey,
    pub curator: Pubkey,
}

#[event]
pub struct AttestorRevoked {
    pub datanet: Pubkey,
    pub attestor: Pubkey,
    pub rent_returned: u64,
}
