//! Proof of Attribution, off chain: which contributions of a datanet version an output drew on,
//! and how an epoch's attributable fees go to exactly those contributors.
//!
//! * [`build_index`] indexes a datanet version (files checked against their content hashes) into
//!   one file: word ids, their suffix array, word counts, contribution records (with their order
//!   of acceptance, and flagging those mostly covered by earlier ones, which are not searched), a
//!   checksum.
//! * [`Index::open`] maps and checks such a file; [`Index::query`] finds one shard's maximal spans
//!   of an output; [`merge`] combines shards exactly; [`attribute`] does both for local shards.
//! * [`allocate_epoch`] turns an epoch's records into claims, a Merkle root and proofs.
//!
//! Everything that reaches a result is integer arithmetic: the same inputs give byte-identical
//! outputs whatever the sharding and the thread count. The scheme is described in
//! `docs/proof-of-attribution.md`.
mod attribute;
mod build;
mod epoch;
mod error;
mod format;
mod index;
mod key;
pub mod normalize;
pub mod surprisal;

pub use attribute::{attribute, merge, Attribution, ContributionWeight, Params, Span, PPM};
pub use build::{build_index, load_folder, load_manifest, BuildOptions, BuildSummary, ContributionSource};
pub use epoch::{
    allocate_attributed, allocate_epoch, records_hash, Claim, EpochAllocation, EpochRecord, RecordAllocation, Share,
};
pub use error::{Error, Result};
pub use index::{Contribution, ContributionRef, Index, ShardMatches, ShardSpan};
pub use key::Key32;
pub use normalize::NORMALISER_VERSION;

/// This engine's version: an attestation names it, and a root is recomputed with the same.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");
