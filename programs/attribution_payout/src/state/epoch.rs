use crate::errors::PayoutError;
use crate::state::Pool;
use anchor_lang::prelude::*;

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, PartialEq, Eq, InitSpace, Debug)]
pub enum EpochStatus {
    /// Accruing (until `ends_at`), then waiting for its root.
    Open,
    /// The attestor's root allocates `total`; claims open at `claims_open_at`.
    Posted,
    /// No root came in time, governance vetoed it, a challenge of it was upheld or not decided in
    /// time: everything the epoch held went to the datanet's pool.
    Released,
    /// A challenger disputes the posted root: no claim until the resolver decides (or fails to,
    /// by `resolve_by`).
    Challenged,
}

/// One model's Proof of Attribution epoch: what its proof-attributed lineage entry earned from
/// `starts_at` to `ends_at`, the running hash of the payments, then the attestor's allocation.
/// PDA `[SEED_EPOCH, model, index (u64 LE)]`; created only there, by `epoch_open`.
#[account]
#[derive(InitSpace, Debug)]
pub struct Epoch {
    pub version: u8,
    pub bump: u8,
    pub model: Pubkey,
    pub index: u64,
    pub starts_at: i64,
    pub ends_at: i64,
    /// The proof-attributed entry's datanet.
    pub datanet: Pubkey,
    /// The version the entry cites: its pool receives what the epoch does not attribute.
    pub datanet_version: Pubkey,
    /// That version's bound, copied from its pool when the root is posted: a leaf is paid only
    /// to a contribution accepted with `accepted_seq` below it.
    pub accepted_end: u64,
    pub status: EpochStatus,
    /// Credited by `inference_pay`.
    pub accrued: u64,
    pub record_count: u64,
    /// h_0 = 0; h_i = sha256(h_{i−1} ‖ request id ‖ output hash ‖ amount (u64 LE)) over the
    /// epoch's payments, in order (`poa_merkle`).
    pub records_hash: [u8; 32],
    /// The attestor's Merkle root over (model, epoch, contribution, amount) leaves.
    pub root: [u8; 32],
    /// What the root allocates (≤ accrued); the rest went to the pool when it was posted.
    pub total: u64,
    pub leaf_count: u64,
    pub claimed: u64,
    /// Sent to the datanet's pool: the unallocated part, a release, or the unclaimed rest at close.
    pub returned: u64,
    pub posted_at: i64,
    pub claims_open_at: i64,
    pub expires_at: i64,
    /// Paid the account's rent; gets it back at close.
    pub rent_payer: Pubkey,
    /// The timing, fixed when the epoch opened (a later `config_update` applies to later epochs):
    /// the attestor may post until `root_deadline_at`; a posted root's claims open
    /// `challenge_window_secs` after it and stay open `claim_window_secs`.
    pub root_deadline_at: i64,
    pub challenge_window_secs: i64,
    pub claim_window_secs: i64,
    /// sha256 of the attestation the root was computed from (engine version, parameters, index
    /// files' hashes, every record with its output: `attribution poa epoch --publish`), published
    /// where the post's `AttributionRootPosted::inputs_uri` says: anyone holding it reruns the
    /// engine and gets `root` (`attribution poa verify`).
    pub inputs_hash: [u8; 32],
    pub reserved: [u8; 8],
}

impl Epoch {
    /// Value the epoch still holds in the vault.
    pub fn balance(&self) -> Result<u64> {
        self.accrued
            .checked_sub(self.claimed)
            .and_then(|v| v.checked_sub(self.returned))
            .ok_or_else(|| PayoutError::InvariantViolated.into())
    }

    /// Sends everything the epoch still holds to its version's pool (the static path); returns it.
    pub fn return_balance(&mut self, pool: &mut Pool) -> Result<u64> {
        let amount = self.balance()?;
        pool.credit(amount)?;
        pool.invariant()?;
        self.returned += amount; // the epoch's balance: `returned` stays at most `accrued`
        Ok(amount)
    }

    /// Claims and vetoes need a posted root that nobody is challenging.
    pub fn require_posted(&self) -> Result<()> {
        match self.status {
            EpochStatus::Posted => Ok(()),
            EpochStatus::Challenged => err!(PayoutError::RootChallenged),
            EpochStatus::Open | EpochStatus::Released => err!(PayoutError::RootNotPosted),
        }
    }

    pub fn invariant(&self) -> Result<()> {
        self.balance()?;
        require!(self.total <= self.accrued && self.claimed <= self.total, PayoutError::InvariantViolated);
        Ok(())
    }
}

/// The attestor's stake in its root: the OPEN it locked in the fee vault with the post (back to it
/// when `attestation_close` closes this account, once claims open with no challenge pending or
/// the epoch was released; slashed when a challenge is upheld; a dismissed challenger's bond joins
/// it), and the root's challenge, if any. Kept apart from the `Epoch` so that claims do not carry
/// it. PDA `[SEED_ATTESTATION, epoch]`; created by `attribution_root_post`, its rent the
/// attestor's and back to it at close.
#[account]
#[derive(InitSpace, Debug)]
pub struct Attestation {
    pub version: u8,
    pub bump: u8,
    pub epoch: Pubkey,
    pub attestor: Pubkey,
    pub bond: u64,
    /// The pending (or last dismissed) challenge: who, its bond still held (0 when none is
    /// pending), the share of the attestor's bond it wins if upheld, what it disputes (a leaf, or
    /// the contribution a missing leaf would name), and until when the resolver may decide.
    pub challenger: Pubkey,
    pub challenger_bond: u64,
    pub challenge_reward_bps: u16,
    pub disputed: [u8; 32],
    pub resolve_by: i64,
    pub reserved: [u8; 16],
}

/// A contribution's leaf of `epoch` was paid (`amount`, to its contributor then: the
/// `AttributionClaimed` event names the wallet); its existence makes a second claim fail.
/// PDA `[SEED_RECEIPT, epoch, contribution]`.
#[account]
#[derive(InitSpace, Debug)]
pub struct Receipt {
    pub version: u8,
    pub bump: u8,
    pub epoch: Pubkey,
    pub contribution: Pubkey,
    pub amount: u64,
    /// Paid the account's rent; gets it back when the receipt is closed after the epoch.
    pub rent_payer: Pubkey,
}
