//! Seeds and bounds of the model registry, defined once and reused by `attribution_payout`, the
//! Rust harness and the TypeScript client.

/// `[SEED_MODEL, owner, id (u64 LE)]`
pub const SEED_MODEL: &[u8] = b"model";
/// `[SEED_OPERATOR, authority]`
pub const SEED_OPERATOR: &[u8] = b"operator";

/// Basis points in a whole: lineage entries plus owner and operator shares sum to exactly this.
pub const BPS_DENOMINATOR: u16 = 10_000;
/// At most this many lineage entries (datanets and upstream models) per model.
pub const MAX_LINEAGE_ENTRIES: usize = 8;
/// Maximum length in bytes (UTF-8) of a model's name.
pub const MAX_NAME_LEN: usize = 64;
/// Maximum length in bytes of a metadata or endpoint URI.
pub const MAX_URI_LEN: usize = 200;

/// Layout version written into every account this program creates.
pub const ACCOUNT_VERSION: u8 = 1;
