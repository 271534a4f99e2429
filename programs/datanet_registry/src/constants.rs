//! Seeds and bounds of the datanet registry. Seeds are defined here once and reused by the other
//! programs (`datanet_registry::constants::*`), the Rust harness and the TypeScript client.

/// `[SEED_DATANET, creator, id (u64 LE)]`
pub const SEED_DATANET: &[u8] = b"datanet";
/// `[SEED_CONTRIBUTION, datanet, content_hash]`: one contribution per content per datanet.
pub const SEED_CONTRIBUTION: &[u8] = b"contribution";
/// `[SEED_DATANET_VERSION, datanet, number (u32 LE)]`
pub const SEED_DATANET_VERSION: &[u8] = b"datanet_version";

/// Maximum length in bytes (UTF-8) of a datanet's name.
pub const MAX_NAME_LEN: usize = 64;
/// Maximum length in bytes of any metadata or content URI.
pub const MAX_URI_LEN: usize = 200;

/// The largest weight one contribution can carry: no single acceptance can dwarf a datanet's
/// other contributors beyond this, nor overflow its total weight (2^64 / 10^9 contributions).
pub const MAX_CONTRIBUTION_WEIGHT: u64 = 1_000_000_000;

/// Layout version written into every account this program creates.
pub const ACCOUNT_VERSION: u8 = 1;
