/**
 * Every PDA of the suite, with the programs' seeds (`programs/<program>/src/constants.rs`, the
 * same derivations as `crates/svm-harness/src/pda.rs`). Integers are little-endian, as in Rust's
 * `to_le_bytes`.
 */
import { PublicKey } from "@solana/web3.js";
import {
  ATTRIBUTION_PAYOUT_CONSTANTS as P,
  ATTRIBUTION_PAYOUT_PROGRAM_ID,
  BPF_LOADER_UPGRADEABLE_PROGRAM_ID,
  DATANET_REGISTRY_CONSTANTS as D,
  DATANET_REGISTRY_PROGRAM_ID,
  EarningsRole,
  MODEL_REGISTRY_CONSTANTS as M,
  MODEL_REGISTRY_PROGRAM_ID,
} from "./constants";

export type Integer = bigint | number;

const utf8 = (s: string) => new TextEncoder().encode(s);

/** `value` as `bytes` little-endian bytes; throws if it does not fit (unsigned). */
export function leBytes(value: Integer, bytes: number): Uint8Array {
  let v = BigInt(value);
  if (v < 0n || v >= 1n << BigInt(8 * bytes)) throw new RangeError(`${value} does not fit in u${8 * bytes}`);
  const out = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

export const u64Le = (value: Integer) => leBytes(value, 8);
export const u32Le = (value: Integer) => leBytes(value, 4);

function find(seeds: Uint8Array[], program: PublicKey): PublicKey {
  return PublicKey.findProgramAddressSync(seeds, program)[0];
}

function hash32(contentHash: Uint8Array): Uint8Array {
  if (contentHash.length !== 32) throw new RangeError(`a content hash is 32 bytes, not ${contentHash.length}`);
  return contentHash;
}

/** `[b"datanet", creator, id u64 LE]` in datanet_registry. */
export const datanetPda = (creator: PublicKey, id: Integer) =>
  find([utf8(D.SEED_DATANET), creator.toBytes(), u64Le(id)], DATANET_REGISTRY_PROGRAM_ID);

/** `[b"contribution", datanet, content_hash]` in datanet_registry. */
export const contributionPda = (datanet: PublicKey, contentHash: Uint8Array) =>
  find([utf8(D.SEED_CONTRIBUTION), datanet.toBytes(), hash32(contentHash)], DATANET_REGISTRY_PROGRAM_ID);

/** `[b"datanet_version", datanet, number u32 LE]` in datanet_registry. */
export const datanetVersionPda = (datanet: PublicKey, number: Integer) =>
  find([utf8(D.SEED_DATANET_VERSION), datanet.toBytes(), u32Le(number)], DATANET_REGISTRY_PROGRAM_ID);

/**
 * `[b"attestor_approval", datanet, attestor]` in datanet_registry: the datanet's curator allows
 * `attestor` to post Proof of Attribution roots for the datanet's share.
 */
export const attestorApprovalPda = (datanet: PublicKey, attestor: PublicKey) =>
  find([utf8(D.SEED_ATTESTOR_APPROVAL), datanet.toBytes(), attestor.toBytes()], DATANET_REGISTRY_PROGRAM_ID);

/** `[b"bond_vault"]` in datanet_registry: the OPEN token account (its own authority) holding every contributor bond. */
export const bondVaultPda = () => find([utf8(D.SEED_BOND_VAULT)], DATANET_REGISTRY_PROGRAM_ID);

/** `[b"model", owner, id u64 LE]` in model_registry. */
export const modelPda = (owner: PublicKey, id: Integer) =>
  find([utf8(M.SEED_MODEL), owner.toBytes(), u64Le(id)], MODEL_REGISTRY_PROGRAM_ID);

/** `[b"operator", authority]` in model_registry. */
export const operatorPda = (authority: PublicKey) =>
  find([utf8(M.SEED_OPERATOR), authority.toBytes()], MODEL_REGISTRY_PROGRAM_ID);

/** `[b"config"]` in attribution_payout: the singleton config, authority of both vaults. */
export const configPda = () => find([utf8(P.SEED_CONFIG)], ATTRIBUTION_PAYOUT_PROGRAM_ID);

/** `[b"vault"]` in attribution_payout: the OPEN token account holding every unclaimed fee. */
export const vaultPda = () => find([utf8(P.SEED_VAULT)], ATTRIBUTION_PAYOUT_PROGRAM_ID);

/** `[b"stake_vault"]` in attribution_payout: the OPEN token account holding operator stakes. */
export const stakeVaultPda = () => find([utf8(P.SEED_STAKE_VAULT)], ATTRIBUTION_PAYOUT_PROGRAM_ID);

/** `[b"pool", datanet_version]` in attribution_payout: the reward pool of one published datanet version. */
export const poolPda = (datanetVersion: PublicKey) =>
  find([utf8(P.SEED_POOL), datanetVersion.toBytes()], ATTRIBUTION_PAYOUT_PROGRAM_ID);

/** `[b"position", pool, contribution]` in attribution_payout: a contribution's share of one version's pool. */
export const positionPda = (pool: PublicKey, contribution: PublicKey) =>
  find([utf8(P.SEED_POSITION), pool.toBytes(), contribution.toBytes()], ATTRIBUTION_PAYOUT_PROGRAM_ID);

/** `[b"earnings", beneficiary, role u8]` in attribution_payout (Treasury 0, ModelOwner 1, Operator 2). */
export const earningsPda = (beneficiary: PublicKey, role: EarningsRole) =>
  find([utf8(P.SEED_EARNINGS), beneficiary.toBytes(), leBytes(role, 1)], ATTRIBUTION_PAYOUT_PROGRAM_ID);

/** `[b"escrow", model]` in attribution_payout. */
export const escrowPda = (model: PublicKey) =>
  find([utf8(P.SEED_ESCROW), model.toBytes()], ATTRIBUTION_PAYOUT_PROGRAM_ID);

/** `[b"stake", authority]` in attribution_payout: an operator's stake. */
export const stakePda = (authority: PublicKey) =>
  find([utf8(P.SEED_STAKE), authority.toBytes()], ATTRIBUTION_PAYOUT_PROGRAM_ID);

/** `[b"epoch", model, index u64 LE]` in attribution_payout: a model's Proof of Attribution epoch. */
export const epochPda = (model: PublicKey, index: Integer) =>
  find([utf8(P.SEED_EPOCH), model.toBytes(), u64Le(index)], ATTRIBUTION_PAYOUT_PROGRAM_ID);

/** `[b"attestation", epoch]` in attribution_payout: the attestor's bond for an epoch's root, and its challenge. */
export const attestationPda = (epoch: PublicKey) =>
  find([utf8(P.SEED_ATTESTATION), epoch.toBytes()], ATTRIBUTION_PAYOUT_PROGRAM_ID);

/** `[b"receipt", epoch, contribution]` in attribution_payout: `contribution`'s leaf of `epoch` was paid. */
export const receiptPda = (epoch: PublicKey, contribution: PublicKey) =>
  find([utf8(P.SEED_RECEIPT), epoch.toBytes(), contribution.toBytes()], ATTRIBUTION_PAYOUT_PROGRAM_ID);

/** `[b"channel", payer, id (u64 LE)]` in attribution_payout: a payment channel's deposit and what it settled. */
export const channelPda = (payer: PublicKey, id: Integer) =>
  find([utf8(P.SEED_CHANNEL), payer.toBytes(), u64Le(id)], ATTRIBUTION_PAYOUT_PROGRAM_ID);

/** Queued admin action `id` (`Config.actionCount` when it was queued). */
export const actionPda = (id: Integer) => find([utf8(P.SEED_ACTION), u64Le(id)], ATTRIBUTION_PAYOUT_PROGRAM_ID);

/** The upgradeable loader's ProgramData account of `program` (`[program]` under the loader). */
export const programDataPda = (program: PublicKey) => find([program.toBytes()], BPF_LOADER_UPGRADEABLE_PROGRAM_ID);
