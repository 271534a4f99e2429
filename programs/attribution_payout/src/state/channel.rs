use crate::constants::{CHANNEL_DISPUTE_WINDOW_SECS, VOUCHER_DOMAIN};
use crate::errors::PayoutError;
use anchor_lang::prelude::*;

/// A unidirectional payment channel: a payer's OPEN deposit (held in the fee vault) for one model
/// served by one operator, spent by vouchers its `signer` signs off chain and the operator settles.
/// PDA `[SEED_CHANNEL, payer, id]`.
#[account]
#[derive(InitSpace, Debug)]
pub struct Channel {
    pub version: u8,
    pub bump: u8,
    pub payer: Pubkey,
    pub id: u64,
    pub model: Pubkey,
    /// The operator's account (model_registry); its current authority settles.
    pub operator: Pubkey,
    /// The key that signs vouchers: the payer's own, or an agent's (whose budget the deposit is).
    pub signer: Pubkey,
    /// The payer's random number for this opening, in every voucher: a channel closed and opened
    /// again at the same address takes none of the old vouchers.
    pub nonce: [u8; 32],
    /// Fixed at open: the model's price then (at most the payer's `max_price_per_call`).
    pub price_per_call: u64,
    /// Everything deposited; never more than that is settled.
    pub deposit: u64,
    /// What the newest settled voucher said: cumulative calls and amount, its sequence and its
    /// running hash of (request id, output hash) pairs.
    pub settled_calls: u64,
    pub settled_amount: u64,
    pub sequence: u64,
    pub running_hash: [u8; 32],
    pub expires_at: i64,
    /// Set by `channel_close_request`: the operator may settle until then, the payer closes after.
    pub closing_at: Option<i64>,
    pub reserved: [u8; 32],
}

impl Channel {
    /// Until when the operator may still settle: the payer's close request's deadline, else a
    /// dispute window after expiry.
    pub fn settle_deadline(&self) -> Result<i64> {
        match self.closing_at {
            Some(at) => Ok(at),
            None => {
                self.expires_at.checked_add(CHANNEL_DISPUTE_WINDOW_SECS).ok_or_else(|| PayoutError::MathOverflow.into())
            }
        }
    }

    /// What is left of the deposit for the payer.
    pub fn remaining(&self) -> Result<u64> {
        self.deposit.checked_sub(self.settled_amount).ok_or_else(|| PayoutError::InvariantViolated.into())
    }
}

/// What a channel's signer signs after each call: cumulative calls and amount so far, a running
/// hash of the calls' (request id, output hash) pairs, and a sequence number that only grows.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct Voucher {
    pub sequence: u64,
    pub calls: u64,
    pub amount: u64,
    pub running_hash: [u8; 32],
}

/// A voucher's signed bytes: 28 + 32 + 32 + 32 + 3 × 8 + 32.
pub const VOUCHER_MESSAGE_LEN: usize = VOUCHER_DOMAIN.len() + 32 + 32 + 32 + 8 + 8 + 8 + 32;

impl Voucher {
    /// The bytes the signer signs: the domain, this program's id, the channel and its opening's
    /// nonce (so a voucher is good for one opening of one channel of one deployment only), then
    /// the voucher's fields, little-endian.
    pub fn message(&self, channel: &Pubkey, nonce: &[u8; 32]) -> [u8; VOUCHER_MESSAGE_LEN] {
        let mut out = [0u8; VOUCHER_MESSAGE_LEN];
        let fields: [&[u8]; 8] = [
            VOUCHER_DOMAIN,
            crate::ID.as_ref(),
            channel.as_ref(),
            nonce,
            &self.sequence.to_le_bytes(),
            &self.calls.to_le_bytes(),
            &self.amount.to_le_bytes(),
            &self.running_hash,
        ];
        let mut at = 0;
        for field in fields {
            out[at..at + field.len()].copy_from_slice(field);
            at += field.len();
        }
        out
    }
}
