/**
 * Fair shares (issue 14) through the client against the built programs in LiteSVM: a fee reaches
 * exactly the contributions of the datanet version the model cites. A contribution accepted after
 * a version cannot enrol in its pool (NotInVersion) and gets nothing of a fee to a model citing
 * it; a late position loses nothing; one position_claim pays a wallet's positions across datanets
 * and versions in one transfer; claimAllInstructions packs many positions into transactions of at
 * most 1,232 bytes; the claim's account checks (ClaimAccountMismatch, WrongPool).
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { type Keypair, PublicKey } from "@solana/web3.js";
import {
  AttributionClient,
  BN,
  EarningsRole,
  MAX_TRANSACTION_SIZE,
  POSITION_BENEFICIARY_OFFSET,
  TOKEN_PROGRAM_ID,
  associatedTokenAddress,
  findEvents,
  packInstructions,
  poolPda,
  positionPda,
  quoteInference,
  transactionSize,
  vaultPda,
} from "@attribution-suite/client";
import { TestChain } from "./helpers/chain";
import { big, hash, MIN_STAKE, openMarket, TIMING } from "./helpers/market";

const PRICE = 1_000_000n;

describe("fair shares: a version's pool pays exactly its contributions", () => {
  let chain: TestChain;
  let client: AttributionClient;
  let treasury: Keypair;
  let mintAuthority: Keypair;
  let curator: Keypair;
  let builder: Keypair;
  let operator: Keypair;
  let user: Keypair;
  let alice: Keypair;
  let bob: Keypair;
  let mint: PublicKey;
  let curated: PublicKey; // datanet 1, curated
  let open: PublicKey; // datanet 2, open at weight 5
  let a1: PublicKey; // Alice in `curated`, weight 2 (in v1 and v2)
  let b1: PublicKey; // Bob in `curated`, weight 1 (in v1 and v2)
  let a3: PublicKey; // Alice in `curated`, weight 1,000, accepted after v1 (in v2 only)
  let a2: PublicKey; // Alice in `open`, weight 5
  let curatedV1: PublicKey;
  let curatedV2: PublicKey;
  let openV1: PublicKey;
  let modelId = 0;

  /** A published base model paying `entries` (datanet versions) and 40 % owner / 20 % operator. */
  async function publishedModel(entries: { target: PublicKey; datanetVersion: PublicKey; shareBps: number }[]) {
    const create = await client.modelCreate({
      owner: builder.publicKey,
      id: ++modelId,
      kind: "base",
      name: `m${modelId}`,
      uri: `ipfs://m${modelId}`,
      artifactHash: hash(`weights ${modelId}`),
      pricePerCall: PRICE,
    });
    const lineage = await client.modelLineageSet({
      model: create.model,
      owner: builder.publicKey,
      entries: entries.map((e) => ({ source: "datanet" as const, ...e })),
      ownerShareBps: 4_000,
      operatorShareBps: 2_000,
    });
    const publish = await client.modelPublish({ model: create.model, owner: builder.publicKey });
    chain.sendOk([...create.instructions, ...lineage.instructions, ...publish.instructions], builder);
    return create.model;
  }

  async function pay(model: PublicKey, calls: bigint) {
    const built = await client.inferencePay({ payer: user.publicKey, model, operator: operator.publicKey, calls, maxFee: PRICE * calls });
    return chain.sendOk(built.instructions, user, [operator]);
  }

  async function review(contribution: PublicKey, weight: number) {
    const built = await client.contributionReview({
      datanet: curated,
      contribution,
      authority: curator.publicKey,
      decision: { accept: { weight } },
    });
    chain.sendOk(built.instructions, curator);
  }

  before(async () => {
    chain = new TestChain();
    client = new AttributionClient({ reader: chain.reader, programAccounts: chain.programAccounts });
    [treasury, mintAuthority, curator, builder, operator, user, alice, bob] = Array.from({ length: 8 }, () => chain.wallet());
    mint = await openMarket(chain, client, { treasury, mintAuthority, operator, builder, user }, MIN_STAKE, TIMING);
  });

  test("setup: a curated datanet (v1: Alice 2, Bob 1) and an open one (v1: Alice 5)", async () => {
    const c = await client.datanetCreate({ creator: curator.publicKey, id: 1, name: "curated", uri: "ipfs://c", policy: { curated: {} } });
    const o = await client.datanetCreate({ creator: curator.publicKey, id: 2, name: "open", uri: "ipfs://o", policy: { open: { weight: new BN(5) } } });
    chain.sendOk([...c.instructions, ...o.instructions], curator);
    [curated, open] = [c.datanet, o.datanet];

    const submit = async (who: Keypair, datanet: PublicKey, label: string) => {
      const built = await client.contributionSubmit({ datanet, contributor: who.publicKey, contentHash: hash(label), uri: `ipfs://${label}`, size: 10 });
      chain.sendOk(built.instructions, who);
      return built.contribution;
    };
    a1 = await submit(alice, curated, "a1");
    b1 = await submit(bob, curated, "b1");
    a3 = await submit(alice, curated, "a3");
    a2 = await submit(alice, open, "a2");
    await review(a1, 2);
    await review(b1, 1);

    const v1 = await client.datanetVersionPublish({ datanet: curated, authority: curator.publicKey, contributionsRoot: hash("c v1"), uri: "ipfs://c/v1" });
    const ov1 = await client.datanetVersionPublish({ datanet: open, authority: curator.publicKey, contributionsRoot: hash("o v1"), uri: "ipfs://o/v1" });
    chain.sendOk([...v1.instructions, ...ov1.instructions], curator);
    [curatedV1, openV1] = [v1.datanetVersion, ov1.datanetVersion];
    assert.equal(big((await client.fetchPool(curatedV1)).totalWeight), 3n);
    assert.equal(big((await client.fetchPool(openV1)).totalWeight), 5n);
  });

  test("a contribution accepted after v1 cannot enrol in v1's pool (NotInVersion), and gets nothing of a fee to a model citing v1", async () => {
    // The curator accepts Alice's a3 at a huge weight after v1: it is not in v1.
    await review(a3, 1_000);
    const late = await client.positionEnroll({ payer: alice.publicKey, datanetVersion: curatedV1, contribution: a3 });
    const err = chain.sendErr(late.instructions, alice);
    assert.equal(err.name, "NotInVersion");
    assert.equal(err.program, "attribution_payout");
    // A contribution of another datanet is not in this pool either.
    const foreign = await client.positionEnroll({ payer: alice.publicKey, datanetVersion: curatedV1, contribution: a2 });
    assert.equal(chain.sendErr(foreign.instructions, alice).name, "WrongPool");

    // v2 contains a3; its pool is another pool.
    const v2 = await client.datanetVersionPublish({ datanet: curated, authority: curator.publicKey, contributionsRoot: hash("c v2"), uri: "ipfs://c/v2" });
    assert.equal(v2.number, 2);
    chain.sendOk(v2.instructions, curator);
    curatedV2 = v2.datanetVersion;
    assert.equal(big((await client.fetchPool(curatedV2)).totalWeight), 1_003n);
    assert.ok((await client.latestVersion(curated))!.equals(curatedV2));

    // A fee to a model citing v1: a1 and b1 share the curated entry's part 2:1, whatever a3 weighs.
    const model = await publishedModel([{ target: curated, datanetVersion: curatedV1, shareBps: 4_000 }]);
    const logs = await pay(model, 300n);
    const [paid] = findEvents(logs, "attribution_payout", "inferencePaid");
    const part = big(paid.lineage[0].amount);
    assert.equal(part, quoteInference({ pricePerCall: PRICE, calls: 300n, protocolFeeBps: 250, lineageSharesBps: [4_000], ownerShareBps: 4_000, operatorShareBps: 2_000 }).lineage[0]);
    assert.equal(big((await client.fetchPool(curatedV1)).totalCredited), part);
    assert.equal(big((await client.fetchPool(curatedV2)).totalCredited), 0n);
    for (const [who, c] of [[alice, a1], [bob, b1]] as const) {
      chain.sendOk((await client.positionEnroll({ payer: who.publicKey, datanetVersion: curatedV1, contribution: c })).instructions, who);
    }
    const pool = poolPda(curatedV1);
    const [forA1, forB1] = [await client.positionClaimable(pool, a1), await client.positionClaimable(pool, b1)];
    assert.equal(forA1, (part * 2n) / 3n);
    assert.equal(forB1, part / 3n);
    assert.ok(part - forA1 - forB1 <= 1n);
    assert.equal(await client.fetchPositionOrNull(pool, a3), null);
  });

  test("a late position claims its full share: enrolled after the fees, it loses nothing", async () => {
    // A model citing the open datanet's v1 is paid before Alice's a2 has any position.
    const model = await publishedModel([{ target: open, datanetVersion: openV1, shareBps: 4_000 }]);
    const [paid] = findEvents(await pay(model, 100n), "attribution_payout", "inferencePaid");
    const part = big(paid.lineage[0].amount);
    const [again] = findEvents(await pay(model, 50n), "attribution_payout", "inferencePaid");
    const credited = part + big(again.lineage[0].amount);
    assert.equal(await client.fetchPositionOrNull(poolPda(openV1), a2), null);
    const enroll = await client.positionEnroll({ payer: bob.publicKey, datanetVersion: openV1, contribution: a2 });
    const [enrolled] = findEvents(chain.sendOk(enroll.instructions, bob), "attribution_payout", "positionEnrolled");
    assert.ok(enrolled.beneficiary.equals(alice.publicKey)); // whoever pays the rent, the contributor owns it
    assert.equal(big(enrolled.poolEnrolledWeight), 5n);
    // The only contribution of the version: all of it.
    assert.equal(await client.positionClaimable(poolPda(openV1), a2), credited);
  });

  test("positionClaim: several positions across two datanets and versions, one instruction, one transfer of the sum", async () => {
    // v2 of the curated datanet gets a fee too (a model citing v2), so that Alice holds positions
    // in three pools: curated v1 (a1), curated v2 (a1, a3), open v1 (a2).
    const model = await publishedModel([{ target: curated, datanetVersion: curatedV2, shareBps: 4_000 }]);
    await pay(model, 200n);
    for (const c of [a1, a3]) {
      chain.sendOk((await client.positionEnroll({ payer: alice.publicKey, datanetVersion: curatedV2, contribution: c })).instructions, alice);
    }
    const positions = [
      { datanetVersion: curatedV1, contribution: a1 },
      { datanetVersion: curatedV2, contribution: a1 },
      { datanetVersion: curatedV2, contribution: a3 },
      { datanetVersion: openV1, contribution: a2 },
    ];
    const owed = await Promise.all(positions.map((p) => client.positionClaimable(poolPda(p.datanetVersion), p.contribution)));
    assert.ok(owed.every((x) => x > 0n));
    const sum = owed.reduce((x, y) => x + y, 0n);

    // positionsOf finds the same four, by memcmp on the beneficiary.
    assert.equal(POSITION_BENEFICIARY_OFFSET, 8 + 1 + 1 + 32 + 32);
    const listed = await client.positionsOf(alice.publicKey);
    assert.equal(listed.length, 4);
    assert.equal(listed.reduce((x, p) => x + p.claimable, 0n), sum);
    for (const p of positions) {
      const found = listed.find((l) => l.position.equals(positionPda(poolPda(p.datanetVersion), p.contribution)))!;
      assert.ok(found.datanetVersion.equals(p.datanetVersion) && found.contribution.equals(p.contribution));
    }
    assert.equal((await client.positionsOf(bob.publicKey)).length, 1);

    // A pair whose pool is not its position's: ClaimAccountMismatch.
    const mismatched = await client.positionClaim({ beneficiary: alice.publicKey, positions: positions.slice(0, 1) });
    const claimIx = mismatched.instructions.at(-1)!;
    claimIx.keys[claimIx.keys.length - 1] = { pubkey: poolPda(openV1), isSigner: false, isWritable: true };
    assert.equal(chain.sendErr(mismatched.instructions, alice).name, "ClaimAccountMismatch");

    // Alice's OPEN account exists already: the transaction is the claim alone.
    chain.fund(mintAuthority, mint, alice.publicKey, 0n);
    const claim = await client.positionClaim({ beneficiary: alice.publicKey, positions, createDestination: false });
    assert.equal(claim.instructions.length, 1);
    assert.ok(claim.instructions[0].programId.equals(client.payoutProgram.programId));
    assert.equal(claim.instructions[0].keys.length, 6 + 2 * positions.length);
    const vaultBefore = chain.tokenBalance(vaultPda());
    const logs = chain.sendOk(claim.instructions, alice);
    assert.equal(chain.tokenBalance(claim.destination), sum);
    assert.equal(vaultBefore - chain.tokenBalance(vaultPda()), sum);
    // One event per position, one token transfer (the token program invoked once, by the claim).
    const events = findEvents(logs, "attribution_payout", "positionClaimed");
    assert.deepEqual(events.map((e) => big(e.amount)), owed);
    const transfers = logs.filter((l) => l === `Program ${TOKEN_PROGRAM_ID.toBase58()} invoke [2]`);
    assert.equal(transfers.length, 1);
    for (const p of positions) assert.equal(await client.positionClaimable(poolPda(p.datanetVersion), p.contribution), 0n);
    const nothing = await client.claimAllInstructions(alice.publicKey);
    assert.deepEqual(nothing.transactions, []);
    assert.equal(nothing.total, 0n);
  });

  test("claimAllInstructions: many positions packed into transactions of at most 1,232 bytes; every position paid", async (t) => {
    // Carol contributes 18 files to the open datanet and 12 to a second open one; a version of
    // each, a model citing both, and every position enrolled: 30 positions in 2 pools.
    const carol = chain.wallet();
    const datanets: PublicKey[] = [];
    const versions: PublicKey[] = [];
    for (const [i, count] of [18, 12].entries()) {
      const d = await client.datanetCreate({ creator: carol.publicKey, id: 10 + i, name: `bulk${i}`, uri: "ipfs://bulk", policy: { open: { weight: new BN(1 + i) } } });
      chain.sendOk(d.instructions, carol);
      const submits = await Promise.all(
        Array.from({ length: count }, (_, j) =>
          client.contributionSubmit({ datanet: d.datanet, contributor: carol.publicKey, contentHash: hash(`bulk ${i} ${j}`), uri: "ipfs://x", size: 1 }),
        ),
      );
      for (const tx of packInstructions(submits.map((s) => s.instructions), carol.publicKey)) chain.sendOk(tx, carol);
      const v = await client.datanetVersionPublish({ datanet: d.datanet, authority: carol.publicKey, contributionsRoot: hash(`bulk ${i}`), uri: "ipfs://bulk/v1" });
      chain.sendOk(v.instructions, carol);
      const enrolls = await Promise.all(
        submits.map((s) => client.positionEnroll({ payer: carol.publicKey, datanetVersion: v.datanetVersion, contribution: s.contribution })),
      );
      for (const tx of packInstructions(enrolls.map((e) => e.instructions), carol.publicKey)) chain.sendOk(tx, carol);
      datanets.push(d.datanet);
      versions.push(v.datanetVersion);
    }
    const model = await publishedModel([
      { target: datanets[0], datanetVersion: versions[0], shareBps: 2_000 },
      { target: datanets[1], datanetVersion: versions[1], shareBps: 2_000 },
    ]);
    await pay(model, 1_000n);

    const listed = await client.positionsOf(carol.publicKey);
    assert.equal(listed.length, 30);
    const all = await client.claimAllInstructions(carol.publicKey);
    assert.equal(all.positions.length, 30);
    assert.equal(all.total, listed.reduce((x, p) => x + p.claimable, 0n));
    assert.ok(all.destination.equals(associatedTokenAddress(carol.publicKey, mint)));
    assert.ok(all.transactions.length > 1, `${all.transactions.length} transaction(s)`);
    let claimedPositions = 0;
    for (const [i, tx] of all.transactions.entries()) {
      const size = transactionSize(tx, carol.publicKey);
      assert.ok(size <= MAX_TRANSACTION_SIZE, `transaction ${i} is ${size} bytes`);
      // ATA creation only in the first; then one position_claim per transaction.
      const claims = tx.filter((ix) => ix.programId.equals(client.payoutProgram.programId));
      assert.equal(claims.length, 1);
      assert.equal(tx.length, i === 0 ? 2 : 1);
      const sent = chain.send(tx, carol);
      assert.ok(sent.ok, sent.ok ? "" : `${sent.error?.name}: ${sent.logs.join("\n")}`);
      const paid = findEvents(sent.logs, "attribution_payout", "positionClaimed").length;
      t.diagnostic(`transaction ${i}: ${paid} positions, ${size} bytes, ${sent.computeUnits} CU`);
      claimedPositions += paid;
    }
    // Not room for all of them in one transaction, but every one paid, and fully.
    assert.equal(claimedPositions, 30);
    assert.equal(chain.tokenBalance(all.destination), all.total);
    for (const p of await client.positionsOf(carol.publicKey)) assert.equal(p.claimable, 0n);
  });

  test("conservation: the vault holds exactly what the pools and earnings still owe", async () => {
    const pools = [curatedV1, curatedV2, openV1].map((v) => client.fetchPool(v));
    let owed = 0n;
    for (const p of await Promise.all(pools)) owed += big(p.totalCredited) - big(p.totalClaimed);
    for (const [who, role] of [
      [treasury, EarningsRole.Treasury],
      [builder, EarningsRole.ModelOwner],
      [operator, EarningsRole.Operator],
    ] as const) {
      owed += big((await client.fetchEarnings(who.publicKey, role)).balance);
    }
    // The bulk datanets' pools (claimed in full, up to their fractions).
    const bulk = (await chain.programAccounts(client.payoutProgram.programId, []))
      .map((a) => a.pubkey)
      .filter((k) => ![curatedV1, curatedV2, openV1].some((v) => poolPda(v).equals(k)));
    for (const key of bulk) {
      const info = await chain.reader(key);
      try {
        const pool = client.payoutProgram.coder.accounts.decode("pool", Buffer.from(info!.data));
        owed += big(pool.totalCredited) - big(pool.totalClaimed);
      } catch {
        // not a pool
      }
    }
    assert.equal(chain.tokenBalance(vaultPda()), owed);
  });
});
