/** packInstructions / transactionSize (packages/client/src/pack.ts), on real claim instructions. */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  AttributionClient,
  EarningsRole,
  MAX_TRANSACTION_SIZE,
  TOKEN_PROGRAM_ID,
  buildTransaction,
  createAssociatedTokenAccountIdempotentInstruction,
  packInstructions,
  transactionSize,
} from "@attribution-suite/client";
import { Keypair, type TransactionInstruction } from "@solana/web3.js";

const open = { mint: Keypair.generate().publicKey, tokenProgram: TOKEN_PROGRAM_ID, decimals: 9 };

async function claims(beneficiary: Keypair, positions: number): Promise<TransactionInstruction[][]> {
  const client = new AttributionClient();
  const groups: TransactionInstruction[][] = [];
  for (let i = 0; i < positions; i++) {
    const claim = await client.positionClaim({
      beneficiary: beneficiary.publicKey,
      positions: [{ datanetVersion: Keypair.generate().publicKey, contribution: Keypair.generate().publicKey }],
      open,
      createDestination: false,
    });
    groups.push(claim.instructions);
  }
  for (const role of [EarningsRole.ModelOwner, EarningsRole.Operator]) {
    groups.push((await client.earningsClaim({ beneficiary: beneficiary.publicKey, role, open, createDestination: false })).instructions);
  }
  groups[0] = [createAssociatedTokenAccountIdempotentInstruction(beneficiary.publicKey, beneficiary.publicKey, open.mint, open.tokenProgram), ...groups[0]];
  return groups;
}

test("transactionSize is the signed wire size", async () => {
  const me = Keypair.generate();
  for (const n of [1, 3, 5]) {
    const ixs = (await claims(me, n)).flat();
    const tx = buildTransaction(ixs, me.publicKey, Keypair.generate().publicKey.toBase58());
    tx.sign(me);
    const wire = tx.serialize({ requireAllSignatures: true, verifySignatures: false }).length;
    assert.equal(transactionSize(ixs, me.publicKey), wire);
  }
});

test("packInstructions: every transaction fits 1,232 bytes, in order, groups intact, greedy", async () => {
  const me = Keypair.generate();
  const groups = await claims(me, 23);
  const packed = packInstructions(groups, me.publicKey);
  assert.ok(packed.length > 1, "23 position claims and 2 earnings claims need several transactions");
  assert.deepEqual(packed.flat(), groups.flat());
  let g = 0;
  for (const [i, tx] of packed.entries()) {
    const size = transactionSize(tx, me.publicKey);
    assert.ok(size <= MAX_TRANSACTION_SIZE, `transaction ${i}: ${size} bytes`);
    const signed = buildTransaction(tx, me.publicKey, Keypair.generate().publicKey.toBase58());
    signed.sign(me);
    assert.ok(signed.serialize().length <= MAX_TRANSACTION_SIZE);
    // Groups are never split: each transaction starts where a group starts.
    let count = 0;
    while (count < tx.length) count += groups[g++].length;
    assert.equal(count, tx.length);
    // Greedy: the next group would not have fitted.
    if (i < packed.length - 1) assert.ok(transactionSize([...tx, ...groups[g]], me.publicKey) > MAX_TRANSACTION_SIZE);
  }
});

test("packInstructions throws when one group alone is too large", async () => {
  const me = Keypair.generate();
  const all = (await claims(me, 30)).flat();
  assert.throws(() => packInstructions([all], me.publicKey), /alone is \d+ bytes/);
  assert.deepEqual(packInstructions([], me.publicKey), []);
});
