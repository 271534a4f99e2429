use crate::Key32;
use std::io;
use std::path::PathBuf;

/// Everything that can go wrong, each naming what it is about.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("contribution {id}: cannot read {path}: {source}")]
    ContributionRead { id: Key32, path: PathBuf, source: io::Error },
    #[error("contribution {id}: {path} has sha256 {actual}, the manifest expects {expected}")]
    ContributionHash { id: Key32, path: PathBuf, expected: Key32, actual: Key32 },
    #[error("contribution {id}: {path} is not UTF-8 text")]
    ContributionNotUtf8 { id: Key32, path: PathBuf },
    #[error("contribution {0} is listed twice")]
    DuplicateContribution(Key32),
    #[error("{first} and {second} have the same contents: one contribution, keep one of them")]
    SameContents { first: PathBuf, second: PathBuf },
    #[error("no contributions to index")]
    NoContributions,
    #[error("corpus too large for one index: {0} words and separators, at most 2^31 - 1; shard it")]
    CorpusTooLarge(u64),
    #[error("manifest {path}: {message}")]
    Manifest { path: PathBuf, message: String },
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("suffix array construction failed: {0}")]
    SuffixArray(String),
    #[error("{0}: not a Proof of Attribution index")]
    NotAnIndex(PathBuf),
    #[error("{path}: index format {found}, this build reads format {supported}")]
    UnsupportedVersion { path: PathBuf, found: String, supported: String },
    #[error("{path}: truncated index: {actual} bytes, its header announces {expected}")]
    Truncated { path: PathBuf, expected: u64, actual: u64 },
    #[error("{0}: index checksum mismatch: the file is corrupted")]
    ChecksumMismatch(PathBuf),
    #[error("{path}: corrupted index: {what}")]
    Corrupt { path: PathBuf, what: &'static str },
    #[error("the index {0} is given twice: pass each shard once")]
    IndexGivenTwice(PathBuf),
    #[error("{first} and {second} both hold contribution {id}: shards must hold disjoint contributions")]
    SharedContribution { id: Key32, first: PathBuf, second: PathBuf },
    #[error("invalid parameters: {0}")]
    Params(&'static str),
    #[error("shard results do not fit this output: {0}")]
    ShardMismatch(&'static str),
    #[error("the records' fees sum to {sum}, the epoch total is {total}")]
    FeesDoNotSumToTotal { sum: u128, total: u64 },
    #[error("{records} records but {attributions} attributions")]
    AttributionCount { records: usize, attributions: usize },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
