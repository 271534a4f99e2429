/** The Proof of Attribution page's pure parts (src/lib/attribution.ts): the disputed input, and which actions an epoch offers when. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { type AttestationAccount, BN, type EpochAccount } from "@attribution-suite/client";
import { Keypair } from "@solana/web3.js";
import { epochActions, parseDisputed } from "../../src/lib/attribution";

test("the disputed leaf or contribution: 64 hex characters or a base58 address, else a problem", () => {
  assert.deepEqual(parseDisputed("  "), { bytes: null, problem: null });
  const leaf = "ab".repeat(32);
  assert.deepEqual(parseDisputed(leaf).bytes, new Uint8Array(32).fill(0xab));
  assert.deepEqual(parseDisputed(`0x${leaf.toUpperCase()}`).bytes, new Uint8Array(32).fill(0xab));
  const key = Keypair.generate().publicKey;
  assert.deepEqual(parseDisputed(` ${key.toBase58()} `), { bytes: key.toBytes(), problem: null });
  for (const bad of ["ab".repeat(31), "not an address", `${leaf}00`]) {
    const parsed = parseDisputed(bad);
    assert.equal(parsed.bytes, null, bad);
    assert.match(parsed.problem!, /64 hex characters/);
  }
});

test("an epoch's actions follow the program's rules: challenge in the window, the resolver before its deadline, anyone after it, the bond once unlocked", () => {
  const epoch = (status: string): Pick<EpochAccount, "status" | "claimsOpenAt"> =>
    ({ status: { [status]: {} }, claimsOpenAt: new BN(1_000) }) as unknown as EpochAccount;
  const attestation = { resolveBy: new BN(2_000) } as unknown as AttestationAccount;
  const none = { challenge: false, resolve: false, expire: false, closeAttestation: false };
  // Open (no root yet): nothing.
  assert.deepEqual(epochActions(epoch("open"), null, 500n, true), none);
  // Posted: challenge until claims open; then the attestation closes.
  assert.deepEqual(epochActions(epoch("posted"), attestation, 999n, false), { ...none, challenge: true });
  assert.deepEqual(epochActions(epoch("posted"), attestation, 1_000n, false), { ...none, closeAttestation: true });
  assert.deepEqual(epochActions(epoch("posted"), null, 1_000n, false), none);
  // Challenged: the resolver before resolveBy, nobody else; anyone ends it from resolveBy on.
  assert.deepEqual(epochActions(epoch("challenged"), attestation, 1_999n, true), { ...none, resolve: true });
  assert.deepEqual(epochActions(epoch("challenged"), attestation, 1_999n, false), none);
  assert.deepEqual(epochActions(epoch("challenged"), attestation, 2_000n, true), { ...none, expire: true });
  // Released (no root in time, vetoed, struck or expired): the attestation, if any, closes at once.
  assert.deepEqual(epochActions(epoch("released"), attestation, 500n, false), { ...none, closeAttestation: true });
  assert.deepEqual(epochActions(epoch("released"), null, 500n, false), none);
});
