//! Seeds, bounds and precision of the payout program, defined once and reused by the Rust
//! harness and the TypeScript client.

/// `[SEED_CONFIG]`: the singleton configuration; also the token authority of both vaults.
pub const SEED_CONFIG: &[u8] = b"config";
/// `[SEED_VAULT]`: the token account holding every fee until it is claimed.
pub const SEED_VAULT: &[u8] = b"vault";
/// `[SEED_STAKE_VAULT]`: the token account holding operator stakes, apart from fees.
pub const SEED_STAKE_VAULT: &[u8] = b"stake_vault";
/// `[SEED_POOL, datanet_version]`: the reward pool of a published datanet version.
pub const SEED_POOL: &[u8] = b"pool";
/// `[SEED_POSITION, pool, contribution]`: a contribution's share of a version's pool.
pub const SEED_POSITION: &[u8] = b"position";
/// `[SEED_EARNINGS, beneficiary, role (u8)]`: what a wallet earned in one role.
pub const SEED_EARNINGS: &[u8] = b"earnings";
/// `[SEED_ESCROW, model]`: what downstream models owe an upstream model, until distributed.
pub const SEED_ESCROW: &[u8] = b"escrow";
/// `[SEED_STAKE, operator authority]`: an operator's stake.
pub const SEED_STAKE: &[u8] = b"stake";

/// `[SEED_EPOCH, model, index (u64 LE)]`: a model's Proof of Attribution epoch.
pub const SEED_EPOCH: &[u8] = b"epoch";
/// `[SEED_ATTESTATION, epoch]`: the attestor's bond for an epoch's root, and its challenge.
pub const SEED_ATTESTATION: &[u8] = b"attestation";
/// `[SEED_RECEIPT, epoch, contribution]`: proof that a contribution's leaf of an epoch was paid.
pub const SEED_RECEIPT: &[u8] = b"receipt";
/// `[SEED_CHANNEL, payer, id (u64 LE)]`: a payment channel's deposit and what it settled.
pub const SEED_CHANNEL: &[u8] = b"channel";

/// Hard cap on the protocol fee: 10 %.
pub const MAX_PROTOCOL_FEE_BPS: u16 = 1_000;
/// Hard cap on the unstake cooldown: 30 days.
pub const MAX_UNSTAKE_COOLDOWN_SECS: i64 = 30 * 24 * 60 * 60;

const DAY: i64 = 24 * 60 * 60;
/// Bounds of the Proof of Attribution timing parameters, in seconds.
pub const EPOCH_LENGTH_BOUNDS: (i64, i64) = (60, 30 * DAY);
/// The challenge window is at least a day, whatever governance sets: anyone must have time to
/// recompute a root from its attestation and challenge it.
pub const CHALLENGE_WINDOW_BOUNDS: (i64, i64) = (DAY, 7 * DAY);
pub const ROOT_DEADLINE_BOUNDS: (i64, i64) = (60, 30 * DAY);
pub const CLAIM_WINDOW_BOUNDS: (i64, i64) = (60 * 60, 365 * DAY);
/// Bounds of the challenge parameters (`ChallengeParams`): the attestor bonds at least 10 % of
/// what its root allocates; the resolver has between an hour and 30 days to decide a challenge.
pub const ATTESTOR_BOND_BPS_BOUNDS: (u16, u16) = (1_000, 10_000);
pub const RESOLVE_WINDOW_BOUNDS: (i64, i64) = (60 * 60, 30 * DAY);
/// The challenge parameters `config_init` starts with (the challenger's bond is the minimum
/// operator stake): `config_update` changes them.
pub const DEFAULT_ATTESTOR_BOND_BPS: u16 = 1_000;
pub const DEFAULT_CHALLENGE_REWARD_BPS: u16 = 5_000;
pub const DEFAULT_RESOLVE_WINDOW_SECS: i64 = 3 * DAY;
/// A Merkle proof longer than this cannot belong to any epoch (2^32 leaves).
pub const MAX_PROOF_LEN: usize = 32;
/// Where a root's attestation is published (`Epoch::inputs_uri`): 1 to this many bytes.
pub const MAX_INPUTS_URI_LEN: usize = 200;

/// Governance's timelock: an admin action waits at least a day (and at most 30) between being
/// queued and being executable; `config_init` starts at the floor.
pub const TIMELOCK_DELAY_BOUNDS: (i64, i64) = (DAY, 30 * DAY);
/// `[SEED_ACTION, id (u64 LE)]`: a queued admin action.
pub const SEED_ACTION: &[u8] = b"action";

/// Layout version written into every account this program creates.
pub const ACCOUNT_VERSION: u8 = 1;

/// Payment channels: after the payer asks to close (or after expiry), the operator has this long
/// to settle the newest voucher before the rest of the deposit goes back; a channel lives at most
/// a year.
pub const CHANNEL_DISPUTE_WINDOW_SECS: i64 = DAY;
pub const CHANNEL_MAX_LIFETIME_SECS: i64 = 365 * DAY;
/// The first bytes of every voucher a channel's signer signs (see `state::Voucher::message`).
pub const VOUCHER_DOMAIN: &[u8] = b"attribution-suite/voucher/v1";
