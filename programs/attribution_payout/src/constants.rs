//! Seeds, bounds and precision of the payout program, defined once and reused by the Rust
//! harness and the TypeScript client.

/// `[SEED_CONFIG]`: the singleton configuration; also the token authority of both vaults.
pub const SEED_CONFIG: &[u8] = b"config";
/// `[SEED_VAULT]`: the token account holding every fee until it is claimed.
pub const SEED_VAULT: &[u8] = b"vault";
/// `[SEED_STAKE_VAULT]`: the token account holding operator stakes, apart from fees.
pub const SEED_STAKE_VAULT: &[u8] = b"stake_vault";
/// `[SEED_POOL, datanet]`: a datanet's reward pool.
pub const SEED_POOL: &[u8] = b"pool";
/// `[SEED_POSITION, contribution]`: an accepted contribution's stake in its datanet's pool.
pub const SEED_POSITION: &[u8] = b"position";
/// `[SEED_EARNINGS, beneficiary, role (u8)]`: what a wallet earned in one role.
pub const SEED_EARNINGS: &[u8] = b"earnings";
/// `[SEED_ESCROW, model]`: what downstream models owe an upstream model, until distributed.
pub const SEED_ESCROW: &[u8] = b"escrow";
/// `[SEED_STAKE, operator authority]`: an operator's stake.
pub const SEED_STAKE: &[u8] = b"stake";

/// Hard cap on the protocol fee: 10 %.
pub const MAX_PROTOCOL_FEE_BPS: u16 = 1_000;
/// Hard cap on the unstake cooldown: 30 days.
pub const MAX_UNSTAKE_COOLDOWN_SECS: i64 = 30 * 24 * 60 * 60;

/// Layout version written into every account this program creates.
pub const ACCOUNT_VERSION: u8 = 1;
