/** The Governance page's pure parts (src/lib/governance.ts): countdowns and what a queued action does. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { type ActionAccount, BN } from "@attribution-suite/client";
import { Keypair } from "@solana/web3.js";
import { countdown, describeAction } from "../../src/lib/governance";

test("a countdown: due at or after the time, else what is left", () => {
  assert.equal(countdown(0n), "due");
  assert.equal(countdown(-5n), "due");
  assert.equal(countdown(45n), "in 45 s");
  assert.equal(countdown(86_400n + 7_200n), "in 1 d 2 h");
});

test("a queued action in words: only the parameters it changes; a role; a slash in OPEN", () => {
  const none = { treasury: null, protocolFeeBps: null, minOperatorStake: null, unstakeCooldownSecs: null, epochTiming: null, challenge: null, timelockDelaySecs: null };
  const change = { update: { change: { ...none, protocolFeeBps: 300, timelockDelaySecs: new BN(172_800) } } } as ActionAccount["action"];
  assert.equal(describeAction(change, 9), "change: protocol fee 300 bps, timelock delay 172800 s");
  const key = Keypair.generate().publicKey;
  const role = { setRole: { role: { guardian: {} }, key } } as ActionAccount["action"];
  assert.equal(describeAction(role, 9), `guardian role to ${key.toBase58()}`);
  const slash = { slash: { stake: key, amount: new BN(1_500_000_000), reason: 3 } } as ActionAccount["action"];
  assert.equal(describeAction(slash, 9), `slash 1.5 OPEN of stake ${key.toBase58()} (reason 3)`);
});
