/**
 * Program ids, seeds and bounds of the suite. Program ids come from the IDLs (`address`); the
 * seeds and bounds mirror `programs/<program>/src/constants.rs` name for name (the IDLs carry no
 * constants), and the tests compare every one of them with those Rust sources.
 */
import { PublicKey } from "@solana/web3.js";
import { attributionPayoutIdlJson } from "./generated/attribution_payout";
import { datanetRegistryIdlJson } from "./generated/datanet_registry";
import { modelRegistryIdlJson } from "./generated/model_registry";

export const DATANET_REGISTRY_PROGRAM_ID = new PublicKey(datanetRegistryIdlJson.address);
export const MODEL_REGISTRY_PROGRAM_ID = new PublicKey(modelRegistryIdlJson.address);
export const ATTRIBUTION_PAYOUT_PROGRAM_ID = new PublicKey(attributionPayoutIdlJson.address);

/** `programs/datanet_registry/src/constants.rs`. */
export const DATANET_REGISTRY_CONSTANTS = {
  SEED_DATANET: "datanet",
  SEED_CONTRIBUTION: "contribution",
  SEED_DATANET_VERSION: "datanet_version",
  SEED_ATTESTOR_APPROVAL: "attestor_approval",
  SEED_BOND_VAULT: "bond_vault",
  /** attribution_payout's program id and config seed: the bond vault adopts its OPEN mint. */
  PAYOUT_PROGRAM_ID: "AueT3FvXkKmviBpEafzxqpLdNrBu3ifT6pikLWanCFWU",
  SEED_PAYOUT_CONFIG: "config",
  MAX_SPAM_WINDOW_SECS: 30 * 24 * 60 * 60,
  MAX_NAME_LEN: 64,
  MAX_URI_LEN: 200,
  MAX_CONTRIBUTION_WEIGHT: 1_000_000_000,
  ACCOUNT_VERSION: 1,
} as const;

/** `programs/model_registry/src/constants.rs`. */
export const MODEL_REGISTRY_CONSTANTS = {
  SEED_MODEL: "model",
  SEED_OPERATOR: "operator",
  BPS_DENOMINATOR: 10_000,
  MAX_LINEAGE_ENTRIES: 8,
  MAX_NAME_LEN: 64,
  MAX_URI_LEN: 200,
  ACCOUNT_VERSION: 1,
} as const;

/** `programs/attribution_payout/src/constants.rs`. */
export const ATTRIBUTION_PAYOUT_CONSTANTS = {
  SEED_CONFIG: "config",
  SEED_VAULT: "vault",
  SEED_STAKE_VAULT: "stake_vault",
  SEED_POOL: "pool",
  SEED_POSITION: "position",
  SEED_EARNINGS: "earnings",
  SEED_ESCROW: "escrow",
  SEED_STAKE: "stake",
  SEED_EPOCH: "epoch",
  SEED_ATTESTATION: "attestation",
  SEED_RECEIPT: "receipt",
  SEED_CHANNEL: "channel",
  MAX_PROTOCOL_FEE_BPS: 1_000,
  MAX_UNSTAKE_COOLDOWN_SECS: 30 * 24 * 60 * 60,
  EPOCH_LENGTH_BOUNDS: [60, 30 * 24 * 60 * 60],
  CHALLENGE_WINDOW_BOUNDS: [24 * 60 * 60, 7 * 24 * 60 * 60],
  ROOT_DEADLINE_BOUNDS: [60, 30 * 24 * 60 * 60],
  CLAIM_WINDOW_BOUNDS: [60 * 60, 365 * 24 * 60 * 60],
  ATTESTOR_BOND_BPS_BOUNDS: [1_000, 10_000],
  RESOLVE_WINDOW_BOUNDS: [60 * 60, 30 * 24 * 60 * 60],
  DEFAULT_ATTESTOR_BOND_BPS: 1_000,
  DEFAULT_CHALLENGE_REWARD_BPS: 5_000,
  DEFAULT_RESOLVE_WINDOW_SECS: 3 * 24 * 60 * 60,
  MAX_PROOF_LEN: 32,
  MAX_INPUTS_URI_LEN: 200,
  ACCOUNT_VERSION: 1,
  CHANNEL_DISPUTE_WINDOW_SECS: 24 * 60 * 60,
  CHANNEL_MAX_LIFETIME_SECS: 365 * 24 * 60 * 60,
  VOUCHER_DOMAIN: "attribution-suite/voucher/v1",
  TIMELOCK_DELAY_BOUNDS: [24 * 60 * 60, 30 * 24 * 60 * 60],
  SEED_ACTION: "action",
} as const;

/** Basis points in a whole: a model's lineage, owner and operator shares sum to exactly this. */
export const BPS_DENOMINATOR = MODEL_REGISTRY_CONSTANTS.BPS_DENOMINATOR;
/** At most this many lineage entries (datanets and upstream models) per model. */
export const MAX_LINEAGE_ENTRIES = MODEL_REGISTRY_CONSTANTS.MAX_LINEAGE_ENTRIES;
/** Hard cap on the protocol fee (10 %). */
export const MAX_PROTOCOL_FEE_BPS = ATTRIBUTION_PAYOUT_CONSTANTS.MAX_PROTOCOL_FEE_BPS;
/** Inclusive `[min, max]` bounds, in seconds, of the timelock's delay (a day to 30 days). */
export const TIMELOCK_DELAY_BOUNDS = ATTRIBUTION_PAYOUT_CONSTANTS.TIMELOCK_DELAY_BOUNDS;
/** Hard cap on the unstake cooldown (30 days). */
export const MAX_UNSTAKE_COOLDOWN_SECS = ATTRIBUTION_PAYOUT_CONSTANTS.MAX_UNSTAKE_COOLDOWN_SECS;

/** Inclusive `[min, max]` bounds, in seconds, of each Proof of Attribution timing parameter. */
export const EPOCH_TIMING_BOUNDS = {
  epochLengthSecs: ATTRIBUTION_PAYOUT_CONSTANTS.EPOCH_LENGTH_BOUNDS,
  rootDeadlineSecs: ATTRIBUTION_PAYOUT_CONSTANTS.ROOT_DEADLINE_BOUNDS,
  challengeWindowSecs: ATTRIBUTION_PAYOUT_CONSTANTS.CHALLENGE_WINDOW_BOUNDS,
  claimWindowSecs: ATTRIBUTION_PAYOUT_CONSTANTS.CLAIM_WINDOW_BOUNDS,
} as const;
/**
 * Inclusive `[min, max]` bounds of the challenge parameters (`ChallengeParams`, set by
 * `configUpdate`): the attestor's bond in bps of what its root allocates (at least 10 %), and the
 * resolver's window in seconds. The challenger's bond must be above zero, its reward at most
 * 10,000 bps of the attestor's bond. The challenge window itself (`EPOCH_TIMING_BOUNDS`) is at
 * least a day.
 */
export const CHALLENGE_PARAMS_BOUNDS = {
  attestorBondBps: ATTRIBUTION_PAYOUT_CONSTANTS.ATTESTOR_BOND_BPS_BOUNDS,
  resolveWindowSecs: ATTRIBUTION_PAYOUT_CONSTANTS.RESOLVE_WINDOW_BOUNDS,
} as const;
/** The longest spam window a datanet's bond policy can set (30 days after acceptance). */
export const MAX_SPAM_WINDOW_SECS = DATANET_REGISTRY_CONSTANTS.MAX_SPAM_WINDOW_SECS;
/** The longest Merkle proof `attribution_claim` accepts (trees of up to 2^32 leaves). */
export const MAX_PROOF_LEN = ATTRIBUTION_PAYOUT_CONSTANTS.MAX_PROOF_LEN;

/**
 * OPEN's decimals when the project mints it (tests, the demo, the migration). The program stores
 * the adopted mint's decimals in `Config.decimals`: read that (`fetchConfig`) where a config exists.
 */
export const OPEN_DECIMALS = 9;
/** One OPEN in base units, at `OPEN_DECIMALS`. */
export const OPEN = 10n ** BigInt(OPEN_DECIMALS);

/**
 * The capacity in which a wallet earns; its value is the PDA seed byte (`EarningsRole::seed`),
 * the variant's index in the IDL's `EarningsRole` enum.
 */
export enum EarningsRole {
  Treasury = 0,
  ModelOwner = 1,
  Operator = 2,
}

/** The upgradeable BPF loader: owner of the programs and of their ProgramData accounts. */
export const BPF_LOADER_UPGRADEABLE_PROGRAM_ID = new PublicKey("BPFLoaderUpgradeab1e11111111111111111111111");
