use super::check_uri;
use crate::constants::MAX_URI_LEN;
use anchor_lang::prelude::*;

/// An immutable, citable snapshot of a datanet's accepted contributions.
/// PDA `[SEED_DATANET_VERSION, datanet, number (u32 LE)]`; numbers start at 1.
#[account]
#[derive(InitSpace, Debug)]
pub struct DatanetVersion {
    pub version: u8,
    pub bump: u8,
    pub datanet: Pubkey,
    pub number: u32,
    /// Merkle root over the accepted contributions this version contains (computed off chain).
    pub contributions_root: [u8; 32],
    /// How many accepted contributions the root covers.
    pub contribution_count: u64,
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
