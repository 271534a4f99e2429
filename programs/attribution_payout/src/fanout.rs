//! The split of one amount by a model's frozen lineage, shared by `inference_pay`,
//! `channel_settle` and `escrow_distribute`: O(lineage entries), whatever the number of
//! contributors behind them.
use crate::errors::PayoutError;
use crate::events::{InferencePaid, LineageCredit};
use crate::state::{Config, Earnings, Epoch, EpochStatus, Escrow, Pool, Stake};
use anchor_lang::prelude::*;
use model_registry::state::{LineageSource, Model, ModelState, Operator};
use payout_math::{Split, MAX_SPLIT_PARTS};

/// Splits `amount` by `model`'s shares, `protocol_bps` off the top. The parts come in the order
/// owner, operator, then one per lineage entry; the protocol fee and the dust go to the treasury.
pub fn split_by_lineage(amount: u64, protocol_bps: u16, model: &Model) -> Result<Split> {
    let mut shares = [0u16; MAX_SPLIT_PARTS];
    shares[0] = model.owner_share_bps;
    shares[1] = model.operator_share_bps;
    for (share, entry) in shares[2..].iter_mut().zip(&model.lineage) {
        *share = entry.share_bps;
    }
    // model_registry caps a lineage at 8 entries; a longer one is refused, never sliced past.
    let shares = shares.get(..2 + model.lineage.len()).ok_or(PayoutError::InvariantViolated)?;
    payout_math::split(amount, protocol_bps, shares).ok_or_else(|| PayoutError::InvariantViolated.into())
}

/// A payment's identity, for the epoch that a proof-attributed entry's part goes to.
pub struct Payment {
    pub request_id: [u8; 32],
    /// sha256 of what the calls returned: with the request id and the amount it enters the
    /// epoch's records hash, so the outputs an attestor attributes are the ones paid for.
    pub output_hash: [u8; 32],
    /// The epoch index the payment falls in.
    pub epoch_index: u64,
}

/// Credits each lineage entry's part to the pool of its cited datanet version, its upstream
/// model's escrow, or, for
/// the proof-attributed entry of a paid inference (`payment`), the model's current epoch. The
/// accounts must be exactly those, one per entry, in the lineage's order, writable: no
/// substitution, no omission, nothing extra. At an upstream hop (`payment` is `None`) there are
/// no outputs to attribute, and the proof-attributed entry's part goes to its pool.
/// Returns the credits and, when an epoch was credited, the payment's record number in it (its
/// position among the epoch's records, from 0: the chain's own id of the record, unique whatever
/// request ids callers choose).
pub fn credit_lineage<'info>(
    model_key: &Pubkey,
    model: &Model,
    parts: &[u64],
    accounts: &'info [AccountInfo<'info>],
    payment: Option<&Payment>,
) -> Result<(Vec<LineageCredit>, Option<u64>)> {
    require!(accounts.len() == model.lineage.len(), PayoutError::LineageAccountMismatch);
    let mut credits = Vec::with_capacity(accounts.len());
    let mut record = None;
    for ((entry, amount), info) in model.lineage.iter().zip(parts).zip(accounts) {
        require!(info.is_writable, PayoutError::LineageAccountMismatch);
        match (entry.source, entry.proof_attributed, payment) {
            (LineageSource::Datanet, true, Some(payment)) => {
                let mut epoch = Account::<Epoch>::try_from(info)?;
                require!(
                    epoch.model == *model_key
                        && epoch.index == payment.epoch_index
                        && epoch.status == EpochStatus::Open,
                    PayoutError::WrongEpoch
                );
                epoch.accrued = epoch.accrued.checked_add(*amount).ok_or(PayoutError::MathOverflow)?;
                epoch.records_hash = poa_merkle::records_hash_next(
                    &epoch.records_hash,
                    &payment.request_id,
                    &payment.output_hash,
                    *amount,
                );
                record = Some(epoch.record_count);
                epoch.record_count = epoch.record_count.checked_add(1).ok_or(PayoutError::MathOverflow)?;
                epoch.exit(&crate::ID)?;
            }
            (LineageSource::Datanet, _, _) => {
                let version = entry.datanet_version.ok_or(PayoutError::LineageAccountMismatch)?;
                Pool::credit_in_place(info, &version, *amount)?;
            }
            (LineageSource::Model, _, _) => {
                let mut escrow = Account::<Escrow>::try_from(info)?;
                require_keys_eq!(escrow.model, entry.target, PayoutError::LineageAccountMismatch);
                escrow.credit(*amount)?;
                escrow.exit(&crate::ID)?;
            }
        }
        credits.push(LineageCredit { target: entry.target, amount: *amount });
    }
    Ok((credits, record))
}

/// A paid model must be published, and its operator active and staked at least the minimum.
/// (`channel_settle` also settles calls of a model retired since they were served.)
pub fn require_payable(
    config: &Config,
    model: &Model,
    operator: &Operator,
    stake: &Stake,
    retired_ok: bool,
) -> Result<()> {
    require!(!config.paused, PayoutError::Paused);
    match model.state {
        ModelState::Published => {}
        ModelState::Retired if retired_ok => {}
        ModelState::Draft => return err!(PayoutError::ModelNotPublished),
        ModelState::Retired => return err!(PayoutError::ModelRetired),
    }
    require!(operator.is_active(), PayoutError::OperatorInactive);
    require!(stake.active >= config.min_operator_stake, PayoutError::InsufficientStake);
    Ok(())
}

/// Where a fee's parts go: the treasury's, the model owner's and the operator's earnings, then
/// the lineage.
pub struct FeeCredit<'a, 'info> {
    pub config: &'a Config,
    pub model: &'a Account<'info, Model>,
    pub treasury: &'a mut Account<'info, Earnings>,
    pub owner: &'a mut Account<'info, Earnings>,
    pub operator: &'a mut Account<'info, Earnings>,
}

/// What a fee paid for, as its `InferencePaid` event tells it.
pub struct Paid {
    pub payer: Pubkey,
    /// The operator's authority, which signed.
    pub operator: Pubkey,
    pub calls: u64,
    pub price_per_call: u64,
    pub fee: u64,
    pub request_id: [u8; 32],
    pub output_hash: [u8; 32],
}

impl<'info> FeeCredit<'_, 'info> {
    /// Splits `paid.fee` (already in the vault) by the model's frozen shares, credits every part
    /// (a proof-attributed entry's to the model's current epoch, with the payment's record) and
    /// emits `InferencePaid`. `lineage_accounts`: as `credit_lineage` takes them.
    pub fn credit(self, paid: Paid, lineage_accounts: &'info [AccountInfo<'info>]) -> Result<()> {
        let split = split_by_lineage(paid.fee, self.config.protocol_fee_bps, self.model)?;
        let parts = split.parts();
        self.treasury.credit(split.treasury())?;
        self.owner.credit(parts[0])?;
        self.operator.credit(parts[1])?;
        let now = Clock::get()?.unix_timestamp;
        let payment = Payment {
            request_id: paid.request_id,
            output_hash: paid.output_hash,
            epoch_index: self.config.epoch_index(now)?,
        };
        let model_key = self.model.key();
        let (lineage, record) = credit_lineage(&model_key, self.model, &parts[2..], lineage_accounts, Some(&payment))?;
        emit!(InferencePaid {
            model: model_key,
            request_id: paid.request_id,
            output_hash: paid.output_hash,
            payer: paid.payer,
            operator: paid.operator,
            calls: paid.calls,
            price_per_call: paid.price_per_call,
            fee: paid.fee,
            protocol_fee: split.protocol,
            dust: split.dust,
            owner: self.model.owner,
            owner_amount: parts[0],
            operator_amount: parts[1],
            lineage,
            epoch: record.map(|_| payment.epoch_index),
            record,
            timestamp: now,
        });
        Ok(())
    }
}
