//! Seeds and bounds of the datanet registry. Seeds are defined here once and reused by the other
//! programs (`datanet_registry::constants::*`), the Rust harness and the TypeScript client.
use anchor_lang::prelude::*;

/// `[SEED_DATANET, creator, id (u64 LE)]`
pub const SEED_DATANET: &[u8] = b"datanet";
/// `[SEED_CONTRIBUTION, datanet, content_hash]`: one contribution per content per datanet.
pub const SEED_CONTRIBUTION: &[u8] = b"contribution";
/// `[SEED_DATANET_VERSION, datanet, number (u32 LE)]`
pub const SEED_DATANET_VERSION: &[u8] = b"datanet_version";

/// `[SEED_ATTESTOR_APPROVAL, datanet, attestor]`: the curator allows an attestor for the datanet.
pub const SEED_ATTESTOR_APPROVAL: &[u8] = b"attestor_approval";

/// `[SEED_BOND_VAULT]`: the token account (of OPEN, its own authority) holding every bond.
pub const SEED_BOND_VAULT: &[u8] = b"bond_vault";

/// `attribution_payout`'s program id and its config's seed: the bond vault adopts that config's
/// OPEN mint, and forfeited bonds go to its treasury (see `payout_config`).
pub const PAYOUT_PROGRAM_ID: Pubkey = pubkey!("AueT3FvXkKmviBpEafzxqpLdNrBu3ifT6pikLWanCFWU");
pub const SEED_PAYOUT_CONFIG: &[u8] = b"config";

/// The longest spam window a policy can set: 30 days after acceptance.
pub const MAX_SPAM_WINDOW_SECS: i64 = 30 * 24 * 60 * 60;

/// Maximum length in bytes (UTF-8) of a datanet's name.
pub const MAX_NAME_LEN: usize = 64;
/// Maximum length in bytes of any metadata or content URI.
pub const MAX_URI_LEN: usize = 200;

/// The largest weight one contribution can carry: no single acceptance can dwarf a datanet's
/// other contributors beyond this, nor overflow its total weight (2^64 / 10^9 contributions).
pub const MAX_CONTRIBUTION_WEIGHT: u64 = 1_000_000_000;

/// Layout version written into every account this program creates.
pub const ACCOUNT_VERSION: u8 = 1;
