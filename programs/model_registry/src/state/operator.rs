use super::check_uri;
use crate::constants::MAX_URI_LEN;
use anchor_lang::prelude::*;

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, PartialEq, Eq, InitSpace, Debug)]
pub enum OperatorStatus {
    Active,
    Inactive,
}

/// An inference operator. PDA `[SEED_OPERATOR, first authority]`. It is payable while `Active` here and
/// staked at least the minimum in `attribution_payout`.
#[account]
#[derive(InitSpace, Debug)]
pub struct Operator {
    pub version: u8,
    pub bump: u8,
    /// The operator's wallet: signs its updates, receives its earnings. It can hand the operator
    /// over (`operator_authority_propose`/`_accept`); the PDA keeps the first authority's key.
    pub authority: Pubkey,
    pub status: OperatorStatus,
    pub registered_at: i64,
    pub updated_at: i64,
    /// Set by `operator_authority_propose`, cleared when accepted.
    pub pending_authority: Option<Pubkey>,
    pub reserved: [u8; 32],
    /// Where it serves inference.
    #[max_len(MAX_URI_LEN)]
    pub endpoint: String,
}

impl Operator {
    pub fn invariant(&self) -> Result<()> {
        check_uri(&self.endpoint)
    }

    pub fn is_active(&self) -> bool {
        self.status == OperatorStatus::Active
    }
}
