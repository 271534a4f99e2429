//! What the bond vault needs from `attribution_payout`'s config: the OPEN mint (with its token
//! program) that bonds are posted in, and the treasury that forfeited bonds go to. This program
//! cannot depend on `attribution_payout` (which depends on it), so it decodes the head of that
//! config here; `svm-harness`'s `payout_config_head_matches_the_config` test pins it to the real
//! layout. The account is trusted by where it lives: owned by `attribution_payout`, at its
//! `[SEED_PAYOUT_CONFIG]` PDA (the callers' `seeds::program` constraint), where only
//! `config_init` creates it.
use crate::constants::PAYOUT_PROGRAM_ID;
use crate::errors::DatanetError;
use anchor_lang::prelude::*;

/// The fields of `attribution_payout::state::Config` up to its decimals, in its order.
#[derive(AnchorDeserialize, Debug, PartialEq, Eq)]
pub struct PayoutConfigHead {
    pub version: u8,
    pub bump: u8,
    pub vault_bump: u8,
    pub stake_vault_bump: u8,
    pub authority: Pubkey,
    pub pending_authority: Option<Pubkey>,
    pub treasury: Pubkey,
    pub mint: Pubkey,
    pub token_program: Pubkey,
    pub decimals: u8,
}

impl PayoutConfigHead {
    /// Decodes the config at `account` (after its 8-byte discriminator).
    pub fn read(account: &AccountInfo) -> Result<Self> {
        require!(*account.owner == PAYOUT_PROGRAM_ID, DatanetError::WrongPayoutConfig);
        let data = account.try_borrow_data()?;
        let mut head = data.get(8..).ok_or(DatanetError::WrongPayoutConfig)?;
        Self::deserialize(&mut head).map_err(|_| error!(DatanetError::WrongPayoutConfig))
    }
}
