use super::check_uri;
use crate::constants::MAX_URI_LEN;
use anchor_lang::prelude::*;

/// An immutable, citable snapshot of a datanet's accepted contributions, taken on chain: it
/// contains exactly the contributions accepted before it was published (`accepted_seq <
/// accepted_end`), and their summed weight is fixed here for good. A fee paid to a model that
/// cites this version is shared among exactly these contributions over `total_weight`.
/// Versions are cumulative: a contribution stays in every later version.
/// PDA `[SEED_DATANET_VERSION, datanet, number (u32 LE)]`; numbers start at 1.
#[account]
#[derive(InitSpace, Debug)]
pub struct DatanetVersion {
    pub version: u8,
    pub bump: u8,
    pub datanet: Pubkey,
    pub number: u32,
    /// The curator's Merkle root over the manifest of the contributions this version contains
    /// (computed off chain; what Proof of Attribution indexes).
    pub contributions_root: [u8; 32],
    /// How many contributions it contains: the accepted ones with `accepted_seq < accepted_end`
    /// (none flagged as spam).
    pub contribution_count: u64,
    /// The datanet's count of acceptances when the version was published.
    pub accepted_end: u64,
    /// The summed weight of the contributions it contains: every share of a fee paid to this
    /// version is divided by it.
    pub total_weight: u64,
    pub published_at: i64,
    pub reserved: [u8; 32],
    /// Where the version's manifest (the list of contributions) is published.
    #[max_len(MAX_URI_LEN)]
    pub uri: String,
}

impl DatanetVersion {
    pub fn invariant(&self) -> Result<()> {
        check_uri(&self.uri)
    }
}
