//! One event per state change, carrying every amount an indexer needs.
use anchor_lang::prelude::*;

#[event]
pub struct ConfigInitialized {
    pub config: Pubkey,
    pub authority: Pubkey,
    pub treasury: Pubkey,
    pub mint: Pubkey,
    pub token_program: Pubkey,
    pub vault: Pubkey,
    pub stake_vault: Pubkey,
    pub protocol_fee_bps: u16,
    pub min_operator_stake: u64,
    pub unstake_cooldown_secs: i64,
}
