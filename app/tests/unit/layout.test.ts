/**
 * The app's reads (src/lib/data.ts) filter accounts with memcmp at offsets computed from the IDLs;
 * here each offset is checked against the client's coder: a buffer with a distinct key written at
 * each offset decodes to an account whose field is that key. Also the pure helpers over versions
 * (membership: accepted before the version was published) and pools.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  BN,
  type ContributionAccount,
  type DatanetVersionAccount,
  PROGRAMS,
  type ProgramName,
  accountDiscriminator,
  accrue,
} from "@attribution-suite/client";
import { Keypair, type PublicKey } from "@solana/web3.js";
import { OFFSETS, type Row, inVersion, owedByPool, versionContents, versionsContaining } from "../../src/lib/data";

function decodeWith(program: ProgramName, accountType: string, name: string, fields: Record<string, number>) {
  const data = Buffer.alloc(2048);
  Buffer.from(accountDiscriminator(program, accountType)).copy(data, 0);
  const keys: Record<string, PublicKey> = {};
  for (const [field, offset] of Object.entries(fields)) {
    keys[field] = Keypair.generate().publicKey;
    keys[field].toBuffer().copy(data, offset);
  }
  const decoded = PROGRAMS[program].coder.accounts.decode(name, data) as Record<string, PublicKey>;
  for (const field of Object.keys(fields)) assert.ok(decoded[field].equals(keys[field]), `${accountType}.${field} at ${fields[field]}`);
}

test("memcmp offsets agree with the coder's layouts", () => {
  decodeWith("datanet_registry", "Contribution", "contribution", { datanet: OFFSETS.contributionDatanet, contributor: OFFSETS.contributionContributor });
  decodeWith("datanet_registry", "DatanetVersion", "datanetVersion", { datanet: OFFSETS.versionDatanet });
  decodeWith("attribution_payout", "Pool", "pool", { datanet: OFFSETS.poolDatanet, datanetVersion: OFFSETS.poolDatanetVersion });
  decodeWith("attribution_payout", "Position", "position", {
    pool: OFFSETS.positionPool,
    contribution: OFFSETS.positionContribution,
    beneficiary: OFFSETS.positionBeneficiary,
  });
  decodeWith("attribution_payout", "Epoch", "epoch", { model: OFFSETS.epochModel });
  // The fields before them are fixed: discriminator, version u8, bump u8, then 32-byte keys.
  assert.deepEqual(
    [OFFSETS.contributionDatanet, OFFSETS.contributionContributor, OFFSETS.poolDatanetVersion, OFFSETS.positionBeneficiary, OFFSETS.epochModel],
    [10, 42, 42, 74, 10],
  );
});

test("a version contains exactly the contributions accepted before it was published", () => {
  const datanet = Keypair.generate().publicKey;
  const contribution = (status: "accepted" | "pending" | "rejected", seq: number, on = datanet): Row<ContributionAccount> => ({
    address: Keypair.generate().publicKey,
    account: { datanet: on, status: { [status]: {} }, acceptedSeq: new BN(seq), weight: new BN(1) } as unknown as ContributionAccount,
  });
  const version = (number: number, acceptedEnd: number): Row<DatanetVersionAccount> => ({
    address: Keypair.generate().publicKey,
    account: { datanet, number, acceptedEnd: new BN(acceptedEnd), totalWeight: new BN(2) } as unknown as DatanetVersionAccount,
  });
  const [a, b, c, p] = [contribution("accepted", 0), contribution("accepted", 1), contribution("accepted", 2), contribution("pending", 0)];
  const rejected = contribution("rejected", 0);
  const elsewhere = contribution("accepted", 0, Keypair.generate().publicKey);
  const [v1, v2] = [version(1, 2), version(2, 3)];
  assert.equal(inVersion(a.account, v1.account), true);
  assert.equal(inVersion(c.account, v1.account), false, "accepted after v1");
  assert.equal(inVersion(p.account, v2.account), false, "pending");
  assert.equal(inVersion(rejected.account, v2.account), false, "rejected");
  assert.equal(inVersion(elsewhere.account, v2.account), false, "another datanet");
  assert.deepEqual(versionsContaining(b.account, [v1, v2]), [v1, v2]);
  assert.deepEqual(versionsContaining(c.account, [v1, v2]), [v2]);
  assert.deepEqual(versionContents(v1.account, [c, p, b, a, rejected]), [a, b]);
});

test("what a pool owes a contribution not enrolled yet is what its position claims once opened", () => {
  const rewardPerWeight = (123_456_789n << 64n) / 7n;
  assert.equal(owedByPool(5n, { rewardPerWeight: new BN(rewardPerWeight.toString()) }), accrue(5n, 0n, rewardPerWeight, 0n).amount);
  assert.equal(owedByPool(5n, { rewardPerWeight: new BN(0) }), 0n);
});
