//! Seeds, bounds and precision of the payout program, defined once and reused by the Rust
//! harness and the TypeScript client.

/// `[SEED_CONFIG]`: the singleton configuration; also the authority of both vaults.
pub const SEED_CONFIG: &[u8] = b"config";
/// `[SEED_VAULT]`: the token account holding every fee until it is claimed.
pub const SEED_VAULT: &[u8] = b"vault";
/// `[SEED_STAKE_VAULT]`: the token account holding operator stakes, apart from fees.
pub const SEED_STAKE_VAULT: &[u8] = b"stake_vault";

/// Hard cap on the protocol fee: 10 %.
pub const MAX_PROTOCOL_FEE_BPS: u16 = 1_000;
/// Hard cap on the unstake cooldown: 30 days.
pub const MAX_UNSTAKE_COOLDOWN_SECS: i64 = 30 * 24 * 60 * 60;

/// Layout version written into every account this program creates.
pub const ACCOUNT_VERSION: u8 = 1;
