/**
 * merkle.ts against testdata/poa/merkle-vectors.json, which crates/poa-merkle/tests/gen_vectors.py
 * writes from the scheme's definition with Python's hashlib alone (and the Rust crate is checked
 * against): leaves (each naming a contribution), roots, every proof of the small trees, the
 * 12,345-leaf tree's root and last proof, and the records-hash chain over (request id, output
 * hash, amount).
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { Keypair } from "@solana/web3.js";
import {
  EMPTY_OUTPUT_HASH,
  EMPTY_ROOT,
  LEAF_TAG,
  MerkleTree,
  RECORDS_HASH_START,
  attributionAllocation,
  leaf,
  merkleProof,
  merkleRoot,
  node,
  outputHash,
  recordsHash,
  recordsHashNext,
  u64Le,
  verifyProof,
} from "@attribution-suite/client";
import { REPO_ROOT } from "./helpers/chain";

interface Vectors {
  scheme: string;
  empty_root: string;
  trees: {
    leaves: { model: string; epoch: number; contribution: string; amount: number; leaf: string; proof: string[] }[];
    root: string;
  }[];
  large_tree: { tree: number; size: number; root: string; proof_of_last: string[] };
  records: { request_id: string; output: string; amount: number; records_hash: string }[];
}

const vectors: Vectors = JSON.parse(readFileSync(join(REPO_ROOT, "testdata/poa/merkle-vectors.json"), "utf8"));
const bytes = (hex: string) => Uint8Array.from(Buffer.from(hex, "hex"));
const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");
/** gen_vectors.py's deterministic inputs: sha256(tag ‖ n u64 LE). */
const tagged = (tag: string, n: number) => Uint8Array.from(createHash("sha256").update(tag).update(u64Le(n)).digest());
const nodeSha256 = (data: Uint8Array | string) => Uint8Array.from(createHash("sha256").update(data).digest());

describe("Proof of Attribution hashing is poa-merkle's (testdata/poa/merkle-vectors.json)", () => {
  test("the empty root and the records hash start are 32 zero bytes", async () => {
    assert.equal(hex(EMPTY_ROOT), vectors.empty_root);
    assert.equal(hex(await merkleRoot([])), vectors.empty_root);
    assert.deepEqual(RECORDS_HASH_START, new Uint8Array(32));
  });

  test("the leaf tag is v2 (leaves name contributions); output hashes are sha256 of the bytes, a string's UTF-8", async () => {
    assert.equal(LEAF_TAG, "poa-leaf-v2");
    assert.ok(vectors.scheme.includes("'poa-leaf-v2'") && vectors.scheme.includes("contribution"));
    assert.deepEqual(await outputHash(""), EMPTY_OUTPUT_HASH);
    assert.deepEqual(EMPTY_OUTPUT_HASH, nodeSha256(""));
    assert.deepEqual(await outputHash(new Uint8Array(0)), EMPTY_OUTPUT_HASH);
    const text = "In the beginning — « au commencement » 🌍";
    assert.deepEqual(await outputHash(text), nodeSha256(Buffer.from(text, "utf8")));
    assert.deepEqual(await outputHash(new TextEncoder().encode(text)), await outputHash(text));
  });

  test("small trees: every leaf, root and proof", async () => {
    assert.deepEqual(vectors.trees.map((t) => t.leaves.length), [1, 2, 3, 5, 7, 16]);
    for (const tree of vectors.trees) {
      const leaves = await Promise.all(tree.leaves.map((l) => leaf(bytes(l.model), l.epoch, bytes(l.contribution), l.amount)));
      assert.deepEqual(leaves.map(hex), tree.leaves.map((l) => l.leaf));
      const built = await MerkleTree.build(leaves);
      assert.equal(hex(built.root), tree.root);
      assert.equal(hex(await merkleRoot(leaves)), tree.root);
      for (const [i, l] of tree.leaves.entries()) {
        assert.deepEqual(built.proof(i).map(hex), l.proof, `tree of ${leaves.length}, leaf ${i}`);
        assert.ok(await verifyProof(built.root, leaves[i], built.proof(i)));
      }
      assert.deepEqual((await merkleProof(leaves, leaves.length - 1)).map(hex), tree.leaves.at(-1)!.proof);
      assert.throws(() => built.proof(leaves.length), RangeError);
    }
  });

  test("the 12,345-leaf tree: root and the last leaf's proof", async () => {
    const { tree, size, root, proof_of_last } = vectors.large_tree;
    const leaves = await Promise.all(
      Array.from({ length: size }, (_, i) =>
        leaf(tagged("model", tree), 1000 + tree, tagged("contribution", i), BigInt(i * 7919 + 13) * 1_000_003n),
      ),
    );
    const built = await MerkleTree.build(leaves);
    assert.equal(hex(built.root), root);
    const last = built.proof(size - 1);
    assert.deepEqual(last.map(hex), proof_of_last);
    assert.ok(await verifyProof(built.root, leaves[size - 1], last));
    // A proof is bound to its leaf; a sample of proofs verify.
    assert.equal(await verifyProof(built.root, leaves[0], last), false);
    for (const i of [0, 1, 2, 4095, 4096, 8191, 12_000, size - 2]) {
      assert.ok(await verifyProof(built.root, leaves[i], built.proof(i)), `leaf ${i}`);
    }
  });

  test("records hash chain: (request id, sha256 of the output, amount)", async () => {
    let h = RECORDS_HASH_START;
    const records = await Promise.all(
      vectors.records.map(async (r) => ({ requestId: bytes(r.request_id), outputHash: await outputHash(r.output), amount: r.amount })),
    );
    for (const [i, r] of records.entries()) {
      h = await recordsHashNext(h, r.requestId, r.outputHash, r.amount);
      assert.equal(hex(h), vectors.records[i].records_hash);
    }
    assert.equal(hex(await recordsHash(records)), vectors.records.at(-1)!.records_hash);
    // The output is bound: another output (or none) under the same id and amount is another chain.
    const [first] = records;
    const none = await recordsHashNext(RECORDS_HASH_START, first.requestId, EMPTY_OUTPUT_HASH, first.amount);
    assert.notEqual(hex(none), vectors.records[0].records_hash);
    await assert.rejects(() => recordsHashNext(RECORDS_HASH_START, first.requestId, new Uint8Array(31), 1), RangeError);
  });

  test("node ignores order, promoted nodes, tampered proofs fail", async () => {
    const l = await Promise.all([1, 2, 3].map((i) => leaf(new Uint8Array(32).fill(7), 3, new Uint8Array(32).fill(i), i * 10)));
    assert.deepEqual(await node(l[0], l[1]), await node(l[1], l[0]));
    assert.deepEqual(await merkleRoot(l), await node(await node(l[0], l[1]), l[2]));
    assert.deepEqual(await merkleProof(l, 2), [await node(l[0], l[1])]);
    const root = await merkleRoot(l);
    const proof = await merkleProof(l, 0);
    const tampered = proof.map((p, i) => (i === 0 ? p.map((b) => b ^ 1) : p));
    assert.equal(await verifyProof(root, l[0], tampered), false);
    assert.equal(await verifyProof(root, l[0], proof.slice(1)), false);
    await assert.rejects(() => leaf(new Uint8Array(31), 0, new Uint8Array(32), 1), RangeError);
    await assert.rejects(() => leaf(new Uint8Array(32), 0, new Uint8Array(32), -1n), RangeError);
  });

  test("attributionAllocation: leaves over contribution addresses, total, proofs", async () => {
    const model = Keypair.generate().publicKey;
    const claims = [Keypair.generate().publicKey, Keypair.generate().publicKey, Keypair.generate().publicKey].map(
      (contribution, i) => ({ contribution, amount: BigInt(i + 1) * 1_000n }),
    );
    const a = await attributionAllocation(model, 42n, claims);
    assert.equal(a.total, 6_000n);
    assert.equal(a.leafCount, 3);
    for (const [i, c] of a.claims.entries()) {
      assert.ok(c.contribution.equals(claims[i].contribution));
      assert.deepEqual(c.leaf, await leaf(model.toBytes(), 42, c.contribution.toBytes(), c.amount));
      assert.ok(await verifyProof(a.root, c.leaf, c.proof));
    }
  });
});
