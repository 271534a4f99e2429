//! One event per state change, carrying every amount an indexer needs.
use crate::instructions::ChallengeOutcome;
use crate::state::{ChallengeParams, EarningsRole, EpochTiming, GovernanceAction, Role};
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
    pub epoch_timing: EpochTiming,
}

#[event]
pub struct ConfigUpdated {
    pub authority: Pubkey,
    pub treasury: Pubkey,
    pub protocol_fee_bps: u16,
    pub min_operator_stake: u64,
    pub unstake_cooldown_secs: i64,
    pub epoch_timing: EpochTiming,
    pub paused: bool,
    pub resolver: Pubkey,
    pub challenge: ChallengeParams,
    pub timelock_delay_secs: i64,
}

#[event]
pub struct ActionQueued {
    pub action: Pubkey,
    pub id: u64,
    pub proposer: Pubkey,
    pub executable_at: i64,
    pub kind: GovernanceAction,
}

#[event]
pub struct ActionExecuted {
    pub action: Pubkey,
    pub id: u64,
    pub kind: GovernanceAction,
}

#[event]
pub struct ActionCancelled {
    pub action: Pubkey,
    pub id: u64,
    /// The admin or the guardian.
    pub by: Pubkey,
}

#[event]
pub struct PauseSet {
    pub guardian: Pubkey,
    pub paused: bool,
}

#[event]
pub struct RoleAccepted {
    pub role: Role,
    pub previous: Pubkey,
    pub holder: Pubkey,
}

#[event]
pub struct PoolInitialized {
    pub pool: Pubkey,
    pub datanet: Pubkey,
    pub datanet_version: Pubkey,
    /// The version's fixed summed weight: the denominator of every credit to the pool.
    pub total_weight: u64,
}

#[event]
pub struct EarningsInitialized {
    pub earnings: Pubkey,
    pub beneficiary: Pubkey,
    pub role: EarningsRole,
}

#[event]
pub struct EscrowInitialized {
    pub escrow: Pubkey,
    pub model: Pubkey,
}

#[event]
pub struct StakeInitialized {
    pub stake: Pubkey,
    pub authority: Pubkey,
}

#[event]
pub struct StakeChanged {
    pub stake: Pubkey,
    pub authority: Pubkey,
    /// Deposited (+), requested for unstaking, or withdrawn, by this change.
    pub amount: u64,
    pub kind: StakeChange,
    pub active: u64,
    pub unstaking: u64,
    pub unlock_at: i64,
}

/// Governance took `amount` of an operator's stake for the treasury's earnings.
#[event]
pub struct StakeSlashed {
    pub stake: Pubkey,
    /// The operator's wallet.
    pub authority: Pubkey,
    /// The queued action it executed.
    pub action: Pubkey,
    pub amount: u64,
    pub reason: u16,
    pub active: u64,
    pub unstaking: u64,
    /// Whose Treasury earnings were credited.
    pub treasury: Pubkey,
}

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, PartialEq, Eq, Debug)]
pub enum StakeChange {
    Deposit,
    UnstakeRequest,
    Withdraw,
}

/// Where one lineage entry's share of a payment went: the datanet's pool (`[pool, target]`) or
/// the upstream model's escrow (`[escrow, target]`).
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, PartialEq, Eq, Debug)]
pub struct LineageCredit {
    /// The datanet or upstream model of the entry.
    pub target: Pubkey,
    pub amount: u64,
}

/// The whole breakdown of one inference fee: who contributed, who refined, who executed, who
/// earned. `protocol_fee + dust + owner_amount + operator_amount + Σ lineage.amount == fee`.
#[event]
pub struct InferencePaid {
    pub model: Pubkey,
    /// The caller's id of the request (a label: callers may repeat it); with a proof-attributed
    /// entry it enters the epoch's records hash with `output_hash` and the entry's amount.
    pub request_id: [u8; 32],
    /// sha256 of what the calls returned, as the payer committed it.
    pub output_hash: [u8; 32],
    pub payer: Pubkey,
    pub operator: Pubkey,
    pub calls: u64,
    pub price_per_call: u64,
    pub fee: u64,
    pub protocol_fee: u64,
    /// Rounding remainder, credited to the treasury with the protocol fee.
    pub dust: u64,
    pub owner: Pubkey,
    pub owner_amount: u64,
    pub operator_amount: u64,
    /// One credit per lineage entry, in order; a proof-attributed entry's goes to the epoch.
    pub lineage: Vec<LineageCredit>,
    /// The epoch credited (its index), when the model has a proof-attributed entry.
    pub epoch: Option<u64>,
    /// The payment's record number in that epoch (from 0): the record's id, which the chain
    /// assigns, so two payments never share one whatever their request ids.
    pub record: Option<u64>,
    pub timestamp: i64,
}

/// An upstream model's escrow split by that model's own lineage.
#[event]
pub struct EscrowDistributed {
    pub model: Pubkey,
    pub escrow: Pubkey,
    pub amount: u64,
    pub dust: u64,
    pub owner: Pubkey,
    /// The owner's share and the operator share (no operator executes an upstream hop).
    pub owner_amount: u64,
    pub lineage: Vec<LineageCredit>,
    pub timestamp: i64,
}

#[event]
pub struct PositionEnrolled {
    pub position: Pubkey,
    pub pool: Pubkey,
    pub contribution: Pubkey,
    pub beneficiary: Pubkey,
    pub weight: u64,
    /// Weight of the pool's positions so far, of the version's fixed total.
    pub pool_enrolled_weight: u64,
}

/// A position now pays its contribution's new contributor.
#[event]
pub struct PositionSynced {
    pub position: Pubkey,
    pub previous: Pubkey,
    pub beneficiary: Pubkey,
}

#[event]
pub struct PositionClaimed {
    pub position: Pubkey,
    pub pool: Pubkey,
    pub beneficiary: Pubkey,
    pub amount: u64,
    pub total_claimed: u64,
}

#[event]
pub struct EarningsClaimed {
    pub earnings: Pubkey,
    pub beneficiary: Pubkey,
    pub role: EarningsRole,
    pub amount: u64,
    pub total_claimed: u64,
}

#[event]
pub struct EpochOpened {
    pub epoch: Pubkey,
    pub model: Pubkey,
    pub index: u64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub datanet: Pubkey,
    pub datanet_version: Pubkey,
}

#[event]
pub struct AttributionRootPosted {
    pub epoch: Pubkey,
    pub model: Pubkey,
    pub index: u64,
    pub attestor: Pubkey,
    /// Locked in the fee vault with the root (`Epoch::attestor_bond`).
    pub attestor_bond: u64,
    pub root: [u8; 32],
    pub accrued: u64,
    pub total: u64,
    pub leaf_count: u64,
    pub records_hash: [u8; 32],
    pub inputs_hash: [u8; 32],
    pub inputs_uri: String,
    /// accrued − total, credited to the datanet's pool at once.
    pub returned: u64,
    pub claims_open_at: i64,
    pub expires_at: i64,
}

/// A challenger disputes a posted root (`disputed`: a leaf, or the contribution a missing leaf
/// would name), bonding `bond`; claims wait for the resolver until `resolve_by`.
#[event]
pub struct EpochChallenged {
    pub epoch: Pubkey,
    pub model: Pubkey,
    pub index: u64,
    pub challenger: Pubkey,
    pub bond: u64,
    pub disputed: [u8; 32],
    pub resolve_by: i64,
}

/// A challenge ended: `to_challenger` paid to the challenger (its bond, and its reward when
/// upheld); `slashed_to_pool` of the attestor's bond and `returned` of the epoch's fees credited
/// to the version's pool; `attestor_bond` is what the epoch still holds for the attestor.
#[event]
pub struct EpochChallengeEnded {
    pub epoch: Pubkey,
    pub model: Pubkey,
    pub index: u64,
    pub challenger: Pubkey,
    pub outcome: ChallengeOutcome,
    pub to_challenger: u64,
    pub slashed_to_pool: u64,
    pub returned: u64,
    pub attestor_bond: u64,
}

/// An epoch's attestation closed: what was left of the attestor's bond and the account's rent
/// went back to the attestor.
#[event]
pub struct AttestationClosed {
    pub epoch: Pubkey,
    pub model: Pubkey,
    pub index: u64,
    pub attestor: Pubkey,
    pub bond_returned: u64,
    pub rent_returned: u64,
}

#[event]
pub struct AttributionClaimed {
    pub epoch: Pubkey,
    pub model: Pubkey,
    pub index: u64,
    pub contribution: Pubkey,
    /// The contribution's contributor when claimed (the wallet a handover moved it to, if any).
    pub paid_to: Pubkey,
    pub amount: u64,
    pub claimed: u64,
}

/// An epoch's value went to its datanet's pool: all of it (no root by the deadline), or what
/// was not claimed (at close).
/// Governance struck down a posted root in its challenge window; `amount` went to the pool.
#[event]
pub struct AttributionRootVetoed {
    pub epoch: Pubkey,
    pub model: Pubkey,
    pub index: u64,
    pub root: [u8; 32],
    pub amount: u64,
    pub reason: u16,
}

#[event]
pub struct EpochReleased {
    pub epoch: Pubkey,
    pub model: Pubkey,
    pub index: u64,
    pub amount: u64,
    pub closed: bool,
}

#[event]
pub struct ReceiptClosed {
    pub receipt: Pubkey,
    pub epoch: Pubkey,
    pub contribution: Pubkey,
    pub rent_returned: u64,
}

/// A stake's or an earnings account's holder named its successor (`None`: cancelled).
#[event]
pub struct HandoverProposed {
    /// The stake or earnings account.
    pub account: Pubkey,
    pub current: Pubkey,
    pub proposed: Option<Pubkey>,
}

/// The successor accepted a stake: it is its authority from now on.
#[event]
pub struct HandoverAccepted {
    pub account: Pubkey,
    pub previous: Pubkey,
    pub current: Pubkey,
}

/// The successor accepted an earnings account: its balance moved into the successor's own
/// earnings account of the same role, and the old account closed (rent to its beneficiary).
#[event]
pub struct EarningsTransferred {
    pub from: Pubkey,
    pub to: Pubkey,
    pub previous: Pubkey,
    pub beneficiary: Pubkey,
    pub role: EarningsRole,
    pub amount: u64,
}

/// An empty earnings account or stake closed; its rent went back to its holder.
#[event]
pub struct EmptyAccountClosed {
    pub account: Pubkey,
    pub holder: Pubkey,
    pub rent_returned: u64,
}

/// A payer opened a payment channel with a deposit (in the fee vault).
#[event]
pub struct ChannelOpened {
    pub channel: Pubkey,
    pub payer: Pubkey,
    pub model: Pubkey,
    pub operator: Pubkey,
    /// The key that signs the channel's vouchers (the payer's, or an agent's).
    pub signer: Pubkey,
    pub nonce: [u8; 32],
    pub price_per_call: u64,
    pub deposit: u64,
    pub expires_at: i64,
}

#[event]
pub struct ChannelToppedUp {
    pub channel: Pubkey,
    pub amount: u64,
    /// The deposit after it.
    pub deposit: u64,
}

/// A voucher settled: `fee` (what it added to the settled amount) was split as its
/// `InferencePaid` event, emitted with it, tells.
#[event]
pub struct ChannelSettled {
    pub channel: Pubkey,
    pub sequence: u64,
    /// Cumulative, as the voucher says.
    pub calls: u64,
    pub amount: u64,
    pub fee: u64,
    pub running_hash: [u8; 32],
    /// What is left of the deposit.
    pub remaining: u64,
}

#[event]
pub struct ChannelCloseRequested {
    pub channel: Pubkey,
    /// The operator may settle until then; the payer closes after it.
    pub closing_at: i64,
}

#[event]
pub struct ChannelClosed {
    pub channel: Pubkey,
    pub payer: Pubkey,
    pub settled_amount: u64,
    /// What went back to the payer.
    pub refunded: u64,
}
