/**
 * Proof of Attribution hashing, byte for byte as `crates/poa-merkle` (checked against
 * `testdata/poa/merkle-vectors.json`): claim leaves, the sorted-pair Merkle tree over them, proofs,
 * output hashes and the running records hash of an epoch. SHA-256 is WebCrypto's
 * (`crypto.subtle`), the same in browsers and Node, so every hashing function is async.
 *
 * - leaf = sha256(0x00 ‖ "poa-leaf-v2" ‖ model ‖ epoch index (u64 LE) ‖ contribution ‖ amount (u64 LE)):
 *   a leaf names a `Contribution` account (its address), never a wallet; `attribution_claim`
 *   pays it only if it is accepted, of the epoch's datanet and in the version the model cites,
 *   into its current contributor's account
 * - node = sha256(0x01 ‖ min(a, b) ‖ max(a, b)), bytewise order: proofs carry no direction bits
 * - each level pairs its nodes left to right; an unpaired last node is promoted unchanged
 * - the root of no leaves is 32 zero bytes
 * - output hash = sha256(the output's bytes; a string as UTF-8): what `inference_pay` commits
 *   for a request. {@link EMPTY_OUTPUT_HASH} (an empty output) commits no output: the engine
 *   attributes it to nobody, so that payment's share goes to the cited version's pool
 * - records hash: h₀ = 32 zero bytes, hᵢ = sha256(hᵢ₋₁ ‖ request id ‖ output hash ‖ amount (u64 LE)),
 *   one record per payment to the epoch, in the chain's order (request ids are the callers'
 *   labels and may repeat: the chain numbers the records, `InferencePaid.record`)
 */
import type { PublicKey } from "@solana/web3.js";
import { type Integer, u64Le } from "./pdas";

/** A 32-byte SHA-256 hash. */
export type Hash = Uint8Array;
/** A public key, or its 32 bytes. */
export type KeyBytes = PublicKey | Uint8Array;

/** Domain tag of a claim leaf, after the 0x00 leaf prefix. */
export const LEAF_TAG = "poa-leaf-v2";
/** The root of an epoch with no claims. */
export const EMPTY_ROOT: Hash = new Uint8Array(32);
/** The records hash of an epoch before its first payment. */
export const RECORDS_HASH_START: Hash = new Uint8Array(32);
/**
 * The output hash of an empty output, sha256(""): a payment that commits no output (the
 * default of `inferencePay`). The engine attributes an empty output to nobody.
 */
export const EMPTY_OUTPUT_HASH: Hash = Uint8Array.from(
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855".match(/../g)!,
  (byte) => parseInt(byte, 16),
);

const LEAF_PREFIX = Uint8Array.of(0x00);
const NODE_PREFIX = Uint8Array.of(0x01);
const LEAF_TAG_BYTES = new TextEncoder().encode(LEAF_TAG);

function key32(key: KeyBytes, what: string): Uint8Array {
  const bytes = key instanceof Uint8Array ? key : key.toBytes();
  if (bytes.length !== 32) throw new RangeError(`${what} must be 32 bytes, not ${bytes.length}`);
  return bytes;
}

function hash32(hash: Uint8Array | number[], what: string): Uint8Array {
  if (hash.length !== 32) throw new RangeError(`${what} must be 32 bytes, not ${hash.length}`);
  return Uint8Array.from(hash);
}

/** `parts` one after the other. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const data = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    data.set(part, offset);
    offset += part.length;
  }
  return data;
}

async function sha256(...parts: Uint8Array[]): Promise<Hash> {
  return new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", concatBytes(...parts)));
}

/** Bytewise lexicographic order of two byte strings (negative, zero or positive). */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** Whether two byte strings are equal. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return compareBytes(a, b) === 0;
}

/**
 * The leaf of one claim: `contribution` (its account's address) earned `amount` of `model`'s
 * fees for epoch `epochIndex`; the claim pays it to the contribution's contributor.
 */
export async function leaf(model: KeyBytes, epochIndex: Integer, contribution: KeyBytes, amount: Integer): Promise<Hash> {
  return sha256(
    LEAF_PREFIX,
    LEAF_TAG_BYTES,
    key32(model, "model"),
    u64Le(epochIndex),
    key32(contribution, "contribution"),
    u64Le(amount),
  );
}

/** The parent of two nodes, whatever their order. */
export async function node(a: Hash, b: Hash): Promise<Hash> {
  const [low, high] = compareBytes(a, b) <= 0 ? [a, b] : [b, a];
  return sha256(NODE_PREFIX, hash32(low, "node"), hash32(high, "node"));
}

/** A whole tree, level by level, so that every proof is read off it without rehashing. */
export class MerkleTree {
  /** `levels[0]` is the leaves, each next level their parents, the last one the root alone. */
  private constructor(readonly levels: readonly (readonly Hash[])[]) {}

  static async build(leaves: readonly Hash[]): Promise<MerkleTree> {
    const levels: Hash[][] = [leaves.map((l) => hash32(l, "leaf"))];
    for (let top = levels[0]; top.length > 1; top = levels[levels.length - 1]) {
      const parents: Promise<Hash>[] = [];
      for (let i = 0; i < top.length; i += 2) {
        parents.push(i + 1 < top.length ? node(top[i], top[i + 1]) : Promise.resolve(top[i]));
      }
      levels.push(await Promise.all(parents));
    }
    return new MerkleTree(levels);
  }

  get leafCount(): number {
    return this.levels[0].length;
  }

  /** The root ({@link EMPTY_ROOT} for no leaves). */
  get root(): Hash {
    return this.levels[this.levels.length - 1][0] ?? EMPTY_ROOT;
  }

  /** The sibling path of leaf `index`, from the leaf level up. */
  proof(index: number): Hash[] {
    if (!Number.isInteger(index) || index < 0 || index >= this.leafCount) {
      throw new RangeError(`leaf ${index} is not in a tree of ${this.leafCount} leaves`);
    }
    const path: Hash[] = [];
    for (const level of this.levels.slice(0, -1)) {
      const sibling = level[index ^ 1];
      if (sibling) path.push(sibling);
      index = Math.floor(index / 2);
    }
    return path;
  }
}

/** The Merkle root of `leaves`, in their order. */
export async function merkleRoot(leaves: readonly Hash[]): Promise<Hash> {
  return (await MerkleTree.build(leaves)).root;
}

/** The sibling path of `leaves[index]`; build a {@link MerkleTree} once for many proofs. */
export async function merkleProof(leaves: readonly Hash[], index: number): Promise<Hash[]> {
  return (await MerkleTree.build(leaves)).proof(index);
}

/** Whether `proof` leads from `leafHash` to `root` (what `attribution_claim` checks). */
export async function verifyProof(root: Hash, leafHash: Hash, proof: readonly Hash[]): Promise<boolean> {
  let acc = hash32(leafHash, "leaf");
  for (const sibling of proof) acc = await node(acc, sibling);
  return bytesEqual(acc, hash32(root, "root"));
}

/** The output hash a payment commits: sha256 of the output's bytes (a string is hashed as UTF-8). */
export async function outputHash(output: Uint8Array | string): Promise<Hash> {
  return sha256(typeof output === "string" ? new TextEncoder().encode(output) : output);
}

/**
 * The records hash after one more payment: its request id, the hash of its output
 * ({@link outputHash}) and its proof-attributed amount.
 */
export async function recordsHashNext(
  previous: Hash,
  requestId: Uint8Array | number[],
  outputHash: Uint8Array | number[],
  amount: Integer,
): Promise<Hash> {
  return sha256(
    hash32(previous, "previous records hash"),
    hash32(requestId, "requestId"),
    hash32(outputHash, "outputHash"),
    u64Le(amount),
  );
}

/** One payment to an epoch, as its records hash covers it. */
/**
 * A payment channel's running hash of its calls, one step: `sha256(previous ‖ request id ‖ output
 * hash)`, from 32 zero bytes; the voucher carries it, the settlement enters it into the epoch.
 */
export async function voucherRunningHash(previous: Hash, requestId: Uint8Array | number[], outputHash: Uint8Array | number[]): Promise<Hash> {
  return sha256(hash32(previous, "previous running hash"), hash32(requestId, "requestId"), hash32(outputHash, "outputHash"));
}

export interface EpochRecordInput {
  requestId: Uint8Array | number[];
  outputHash: Uint8Array | number[];
  amount: Integer;
}

/** The records hash of a sequence of payments, from {@link RECORDS_HASH_START}. */
export async function recordsHash(records: readonly EpochRecordInput[], start: Hash = RECORDS_HASH_START): Promise<Hash> {
  let hash = start;
  for (const r of records) hash = await recordsHashNext(hash, r.requestId, r.outputHash, r.amount);
  return hash;
}

/** One leaf of an allocation: `contribution` (a `Contribution` account) earned `amount`. */
export interface AttributionClaimInput {
  contribution: PublicKey;
  amount: Integer;
}

export interface AttributionAllocation {
  /** The root to post (`attribution_root_post`). */
  root: Hash;
  /** Sum of the amounts: the root's `total`. */
  total: bigint;
  leafCount: number;
  tree: MerkleTree;
  /** Per claim, in the order given: its leaf and proof, for `attribution_claim`. */
  claims: { contribution: PublicKey; amount: bigint; leaf: Hash; proof: Hash[] }[];
}

/**
 * An attestor's allocation of `model`'s epoch `epochIndex`: the leaves of `claims` (in their
 * order), the tree over them, its root and total, and every claim's proof.
 */
export async function attributionAllocation(
  model: KeyBytes,
  epochIndex: Integer,
  claims: readonly AttributionClaimInput[],
): Promise<AttributionAllocation> {
  const leaves = await Promise.all(claims.map((c) => leaf(model, epochIndex, c.contribution, c.amount)));
  const tree = await MerkleTree.build(leaves);
  return {
    root: tree.root,
    total: claims.reduce((sum, c) => sum + BigInt(c.amount), 0n),
    leafCount: leaves.length,
    tree,
    claims: claims.map((c, i) => ({ contribution: c.contribution, amount: BigInt(c.amount), leaf: leaves[i], proof: tree.proof(i) })),
  };
}
