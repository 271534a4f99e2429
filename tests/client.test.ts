/**
 * The client against the real programs: target/deploy/*.so in LiteSVM, every step a signed
 * transaction built by @attribution-suite/client. One flow, in order: config and OPEN, a curated
 * datanet with reviewed contributions, a base model and a fine-tune built on it, a staked
 * operator, payments, the escrow crank, every claim, and the program errors on the way.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { before, describe, test } from "node:test";
import { Keypair, PublicKey } from "@solana/web3.js";
import {
  AttributionClient,
  EarningsRole,
  OPEN,
  OPEN_DECIMALS,
  associatedTokenAddress,
  configPda,
  contributionPda,
  datanetPda,
  decodeEvents,
  earningsPda,
  errorCode,
  escrowPda,
  findEvents,
  modelPda,
  poolPda,
  quoteInference,
  stakeVaultPda,
  vaultPda,
} from "@attribution-suite/client";
import { TestChain, requireBuiltPrograms } from "./helpers/chain";

const big = (v: { toString(): string }) => BigInt(v.toString());
const PRICE = 20_000_000n; // 0.02 OPEN per call
const MIN_STAKE = 1_000n * OPEN;
const COOLDOWN = 7 * 24 * 3600;
const EPOCH_TIMING = { epochLengthSecs: 86_400, rootDeadlineSecs: 86_400, challengeWindowSecs: 3_600, claimWindowSecs: 2_592_000 };

test("the built programs are present (run `make build` otherwise)", () => {
  requireBuiltPrograms();
});

describe("client against the built programs in LiteSVM", () => {
  let chain: TestChain;
  let client: AttributionClient;
  let deployer: Keypair;
  let governance: Keypair;
  let treasury: Keypair;
  let mintAuthority: Keypair;
  let curator: Keypair;
  let alice: Keypair; // contributor, weight 3
  let bob: Keypair; // contributor, weight 1
  let carol: Keypair; // contributor who withdraws
  let builder: Keypair; // model owner
  let operator: Keypair;
  let user: Keypair;
  let mint: PublicKey;
  let datanet: PublicKey;
  let contributionA: PublicKey;
  let contributionB: PublicKey;
  let datanetVersion: PublicKey;
  let baseModel: PublicKey;
  let fineTune: PublicKey;
  let userToken: PublicKey;
  const fileA = new TextEncoder().encode("alice: 10,000 labelled chest X-ray reports\n");
  const fileB = new TextEncoder().encode("bob: 2,500 annotated radiology images\n");

  before(() => {
    chain = new TestChain();
    client = new AttributionClient({ reader: chain.reader });
    deployer = chain.upgradeAuthority;
    [governance, treasury, mintAuthority, curator, alice, bob, carol, builder, operator, user] = Array.from(
      { length: 10 },
      () => chain.wallet(),
    );
  });

  test("config_init: only the upgrade authority, then OPEN adopted with its decimals", async () => {
    mint = chain.createMint(mintAuthority, mintAuthority.publicKey, OPEN_DECIMALS);
    const args = {
      mint,
      authority: governance.publicKey,
      treasury: treasury.publicKey,
      protocolFeeBps: 250,
      minOperatorStake: MIN_STAKE,
      unstakeCooldownSecs: COOLDOWN,
      epochTiming: EPOCH_TIMING,
    };
    const stranger = chain.wallet();
    const refused = await client.configInit({ ...args, deployer: stranger.publicKey });
    const err = chain.sendErr(refused.instructions, stranger);
    assert.equal(err.name, "NotUpgradeAuthority");
    assert.equal(err.program, "attribution_payout");
    assert.equal(err.code, errorCode("attribution_payout", "NotUpgradeAuthority"));

    const built = await client.configInit({ ...args, deployer: deployer.publicKey });
    assert.ok(built.config.equals(configPda()) && built.vault.equals(vaultPda()) && built.stakeVault.equals(stakeVaultPda()));
    const logs = chain.sendOk(built.instructions, deployer);
    const [event] = findEvents(logs, "attribution_payout", "configInitialized");
    assert.ok(event.mint.equals(mint));
    assert.equal(event.protocolFeeBps, 250);

    const config = await client.fetchConfig();
    assert.ok(config.authority.equals(governance.publicKey));
    assert.ok(config.treasury.equals(treasury.publicKey));
    assert.equal(config.decimals, OPEN_DECIMALS);
    assert.equal(big(config.minOperatorStake), MIN_STAKE);
    assert.equal(Number(config.unstakeCooldownSecs), COOLDOWN);
    assert.equal(Number(config.epochLengthSecs), EPOCH_TIMING.epochLengthSecs);
    assert.equal(Number(config.rootDeadlineSecs), EPOCH_TIMING.rootDeadlineSecs);
    assert.equal(Number(config.challengeWindowSecs), EPOCH_TIMING.challengeWindowSecs);
    assert.equal(Number(config.claimWindowSecs), EPOCH_TIMING.claimWindowSecs);
    assert.equal(Number(event.epochTiming.claimWindowSecs), EPOCH_TIMING.claimWindowSecs);
    assert.deepEqual(await client.openToken(), { mint, tokenProgram: config.tokenProgram, decimals: 9 });

    const treasuryEarnings = await client.earningsInit({
      payer: deployer.publicKey,
      beneficiary: treasury.publicKey,
      role: EarningsRole.Treasury,
    });
    chain.sendOk(treasuryEarnings.instructions, deployer);
    assert.ok(treasuryEarnings.earnings.equals(earningsPda(treasury.publicKey, 0)));
    assert.ok("treasury" in (await client.fetchEarnings(treasury.publicKey, EarningsRole.Treasury)).role);
  });

  test("datanet_create (curated) and pool_init", async () => {
    const created = await client.datanetCreate({
      creator: curator.publicKey,
      id: 1,
      name: "radiology",
      uri: "ipfs://radiology",
      policy: { curated: {} },
    });
    assert.ok(created.datanet.equals(datanetPda(curator.publicKey, 1n)));
    const pool = await client.poolInit({ payer: curator.publicKey, datanet: created.datanet });
    chain.sendOk([...created.instructions, ...pool.instructions], curator);
    datanet = created.datanet;
    const account = await client.fetchDatanet(datanet);
    assert.equal(account.name, "radiology");
    assert.ok(account.authority.equals(curator.publicKey));
    assert.ok((await client.fetchPool(datanet)).datanet.equals(datanet));

    const updated = await client.datanetUpdate({ datanet, authority: curator.publicKey, uri: "ipfs://radiology-v2" });
    chain.sendOk(updated.instructions, curator);
    assert.equal((await client.fetchDatanet(datanet)).uri, "ipfs://radiology-v2");
  });

  test("submitFile hashes the content (SHA-256); the same content twice is DuplicateContribution", async () => {
    const a = await client.submitFile({ datanet, contributor: alice.publicKey, content: fileA, uri: "ipfs://a" });
    assert.deepEqual(Buffer.from(a.contentHash), createHash("sha256").update(fileA).digest());
    assert.ok(a.contribution.equals(contributionPda(datanet, a.contentHash)));
    const logs = chain.sendOk(a.instructions, alice);
    const [submitted] = findEvents(logs, "datanet_registry", "contributionSubmitted");
    assert.ok("pending" in submitted.status);
    contributionA = a.contribution;

    const b = await client.submitFile({ datanet, contributor: bob.publicKey, content: new Blob([fileB]), uri: "ipfs://b" });
    assert.equal(b.size, fileB.length);
    chain.sendOk(b.instructions, bob);
    contributionB = b.contribution;
    const stored = await client.fetchContribution(contributionB);
    assert.equal(Number(stored.size), fileB.length);
    assert.ok(stored.contributor.equals(bob.publicKey));

    // Bob submits Alice's file: the same content hash in the same datanet.
    const again = await client.submitFile({ datanet, contributor: bob.publicKey, content: fileA, uri: "ipfs://copy" });
    const err = chain.sendErr(again.instructions, bob);
    assert.equal(err.name, "DuplicateContribution");
    assert.equal(err.program, "datanet_registry");
    assert.match(err.message, /./);
  });

  test("contribution_withdraw returns a pending or rejected contribution's rent", async () => {
    const c = await client.submitFile({
      datanet,
      contributor: carol.publicKey,
      content: new TextEncoder().encode("carol: draft"),
      uri: "ipfs://c",
    });
    chain.sendOk(c.instructions, carol);
    const w = await client.contributionWithdraw({ datanet, contribution: c.contribution, contributor: carol.publicKey });
    const logs = chain.sendOk(w.instructions, carol);
    const [withdrawn] = findEvents(logs, "datanet_registry", "contributionWithdrawn");
    assert.ok("pending" in withdrawn.status);
    assert.equal(chain.exists(c.contribution), false);

    // A rejected contribution is cleared away the same way.
    const d = await client.submitFile({ datanet, contributor: carol.publicKey, content: new TextEncoder().encode("carol: spam"), uri: "ipfs://d" });
    chain.sendOk(d.instructions, carol);
    const reject = await client.contributionReview({ datanet, contribution: d.contribution, authority: curator.publicKey, decision: { reject: { reason: 2 } } });
    chain.sendOk(reject.instructions, curator);
    const clear = await client.contributionWithdraw({ datanet, contribution: d.contribution, contributor: carol.publicKey });
    const [cleared] = findEvents(chain.sendOk(clear.instructions, carol), "datanet_registry", "contributionWithdrawn");
    assert.ok("rejected" in cleared.status);
    assert.equal(chain.exists(d.contribution), false);
  });

  test("contribution_review: the curator accepts with weights; a version is published", async () => {
    const reviewA = await client.contributionReview({
      datanet,
      contribution: contributionA,
      authority: curator.publicKey,
      decision: { accept: { weight: 3 } },
    });
    const reviewB = await client.contributionReview({
      datanet,
      contribution: contributionB,
      authority: curator.publicKey,
      decision: { accept: { weight: 1 } },
    });
    // Only the curator reviews.
    const notCurator = await client.contributionReview({
      datanet,
      contribution: contributionA,
      authority: alice.publicKey,
      decision: { accept: { weight: 100 } },
    });
    const err = chain.sendErr(notCurator.instructions, alice);
    assert.equal(err.name, "NotAuthority");

    chain.sendOk([...reviewA.instructions, ...reviewB.instructions], curator);
    const a = await client.fetchContribution(contributionA);
    assert.ok("accepted" in a.status);
    assert.equal(Number(a.weight), 3);
    assert.equal(Number((await client.fetchDatanet(datanet)).totalAcceptedWeight), 4);

    const version = await client.datanetVersionPublish({
      datanet,
      authority: curator.publicKey,
      number: 1,
      contributionsRoot: createHash("sha256").update("root of A and B").digest(),
      contributionCount: 2,
      uri: "ipfs://radiology/v1",
    });
    chain.sendOk(version.instructions, curator);
    datanetVersion = version.datanetVersion;
    assert.equal((await client.fetchDatanetVersion(datanetVersion)).number, 1);
  });

  test("position_enroll: both accepted contributions join the pool", async () => {
    const a = await client.positionEnroll({ payer: alice.publicKey, contribution: contributionA });
    const b = await client.positionEnroll({ payer: bob.publicKey, contribution: contributionB, datanet });
    chain.sendOk(a.instructions, alice);
    chain.sendOk(b.instructions, bob);
    const pool = await client.fetchPool(datanet);
    assert.equal(Number(pool.totalWeight), 4);
    assert.equal(Number(pool.positions), 2);
    assert.ok((await client.fetchPosition(contributionA)).beneficiary.equals(alice.publicKey));
  });

  test("models: a base model citing the datanet version, a fine-tune owing the base model", async () => {
    const create = await client.modelCreate({
      owner: builder.publicKey,
      id: 1,
      kind: "base",
      name: "radiology-base",
      uri: "ipfs://model-1",
      artifactHash: createHash("sha256").update("weights-1").digest(),
      pricePerCall: PRICE,
    });
    baseModel = create.model;
    assert.ok(baseModel.equals(modelPda(builder.publicKey, 1)));
    const lineage = await client.modelLineageSet({
      model: baseModel,
      owner: builder.publicKey,
      entries: [{ source: "datanet", target: datanet, datanetVersion, shareBps: 4_000 }],
      ownerShareBps: 4_000,
      operatorShareBps: 2_000,
    });
    // The cited version rides after its datanet as a read-only remaining account.
    assert.deepEqual(
      lineage.instructions[0].keys.slice(-2).map((k) => [k.pubkey.toBase58(), k.isWritable]),
      [
        [datanet.toBase58(), false],
        [datanetVersion.toBase58(), false],
      ],
    );
    const publish = await client.modelPublish({ model: baseModel, owner: builder.publicKey });
    const escrow = await client.escrowInit({ payer: builder.publicKey, model: baseModel });
    const ownerEarnings = await client.earningsInit({
      payer: builder.publicKey,
      beneficiary: builder.publicKey,
      role: EarningsRole.ModelOwner,
    });
    chain.sendOk(create.instructions, builder);
    chain.sendOk([...lineage.instructions, ...publish.instructions], builder);
    chain.sendOk([...escrow.instructions, ...ownerEarnings.instructions], builder);
    const model = await client.fetchModel(baseModel);
    assert.ok("published" in model.state);
    assert.equal(model.lineage.length, 1);
    assert.ok(model.lineage[0].datanetVersion!.equals(datanetVersion));

    // A fine-tune: half of every fee (after the protocol fee) to the base model's escrow.
    const ft = await client.modelCreate({
      owner: builder.publicKey,
      id: 2,
      kind: "fineTune",
      name: "radiology-ft",
      uri: "ipfs://model-2",
      artifactHash: createHash("sha256").update("weights-2").digest(),
      pricePerCall: PRICE * 2n,
    });
    fineTune = ft.model;
    const ftLineage = await client.modelLineageSet({
      model: fineTune,
      owner: builder.publicKey,
      entries: [{ source: "model", target: baseModel, shareBps: 5_000 }],
      ownerShareBps: 3_000,
      operatorShareBps: 2_000,
    });
    const ftPublish = await client.modelPublish({ model: fineTune, owner: builder.publicKey });
    chain.sendOk([...ft.instructions, ...ftLineage.instructions, ...ftPublish.instructions], builder);
    assert.ok("fineTune" in (await client.fetchModel(fineTune)).kind);
  });

  test("operator: register, stake at least the minimum, earnings account", async () => {
    const register = await client.operatorRegister({ authority: operator.publicKey, endpoint: "https://op.example/v1" });
    const stakeInit = await client.stakeInit({ authority: operator.publicKey });
    chain.sendOk([...register.instructions, ...stakeInit.instructions], operator);
    chain.fund(mintAuthority, mint, operator.publicKey, MIN_STAKE + 100n * OPEN);
    const deposit = await client.stakeDeposit({ authority: operator.publicKey, amount: MIN_STAKE + 100n * OPEN });
    const earnings = await client.earningsInit({
      payer: operator.publicKey,
      beneficiary: operator.publicKey,
      role: EarningsRole.Operator,
    });
    const logs = chain.sendOk([...deposit.instructions, ...earnings.instructions], operator);
    assert.equal(findEvents(logs, "attribution_payout", "stakeChanged").length, 1);
    assert.equal(big((await client.fetchStake(operator.publicKey)).active), MIN_STAKE + 100n * OPEN);
    assert.equal(chain.tokenBalance(stakeVaultPda()), MIN_STAKE + 100n * OPEN);
    const update = await client.operatorUpdate({ authority: operator.publicKey, endpoint: "https://op.example/v2" });
    chain.sendOk(update.instructions, operator);
    assert.equal((await client.fetchOperator(operator.publicKey)).endpoint, "https://op.example/v2");
  });

  test("inference_pay: FeeAboveMax below the fee; at the fee, the vault takes it and the split is exact", async () => {
    userToken = chain.fund(mintAuthority, mint, user.publicKey, 100n * OPEN);
    const calls = 7n;
    const fee = PRICE * calls;

    const tooLow = await client.inferencePay({
      payer: user.publicKey,
      model: baseModel,
      operator: operator.publicKey,
      calls,
      maxFee: fee - 1n,
    });
    const err = chain.sendErr(tooLow.instructions, user);
    assert.equal(err.name, "FeeAboveMax");
    assert.equal(err.code, 6009);
    assert.equal(err.message, "The fee (price × calls) is above the max fee you allowed");

    const vaultBefore = chain.tokenBalance(vaultPda());
    const pay = await client.inferencePay({
      payer: user.publicKey,
      model: baseModel,
      operator: operator.publicKey,
      calls,
      maxFee: fee,
    });
    // No proof-attributed entry: no epoch, one instruction, a random request id.
    assert.equal(pay.instructions.length, 1);
    assert.equal(pay.epoch, null);
    assert.equal(pay.requestId.length, 32);
    // The pool of the datanet entry rides as a writable remaining account.
    const last = pay.instructions[0].keys.at(-1)!;
    assert.ok(last.pubkey.equals(poolPda(datanet)) && last.isWritable);
    const logs = chain.sendOk(pay.instructions, user);
    assert.equal(chain.tokenBalance(vaultPda()) - vaultBefore, fee);
    assert.equal(chain.tokenBalance(userToken), 100n * OPEN - fee);

    const config = await client.fetchConfig();
    const quote = quoteInference({
      pricePerCall: PRICE,
      calls,
      protocolFeeBps: config.protocolFeeBps,
      lineageSharesBps: [4_000],
      ownerShareBps: 4_000,
      operatorShareBps: 2_000,
    });
    const [paid] = findEvents(logs, "attribution_payout", "inferencePaid");
    assert.ok(paid.model.equals(baseModel) && paid.payer.equals(user.publicKey) && paid.operator.equals(operator.publicKey));
    assert.deepEqual(Uint8Array.from(paid.requestId), pay.requestId);
    assert.equal(paid.epoch, null);
    assert.equal(big(paid.fee), fee);
    assert.equal(big(paid.protocolFee), quote.protocol);
    assert.equal(big(paid.dust), quote.dust);
    assert.equal(big(paid.ownerAmount), quote.owner);
    assert.equal(big(paid.operatorAmount), quote.operator);
    assert.equal(paid.lineage.length, 1);
    assert.ok(paid.lineage[0].target.equals(datanet));
    assert.equal(big(paid.lineage[0].amount), quote.lineage[0]);
    assert.equal(quote.treasury + quote.owner + quote.operator + quote.lineage[0], fee);
    assert.deepEqual(
      decodeEvents(logs).map((e) => `${e.program}:${e.name}`),
      ["attribution_payout:inferencePaid"],
    );

    const balance = async (who: Keypair, role: EarningsRole) => big((await client.fetchEarnings(who.publicKey, role)).balance);
    assert.equal(await balance(treasury, EarningsRole.Treasury), quote.treasury);
    assert.equal(await balance(builder, EarningsRole.ModelOwner), quote.owner);
    assert.equal(await balance(operator, EarningsRole.Operator), quote.operator);
    assert.equal(big((await client.fetchPool(datanet)).totalCredited), quote.lineage[0]);
    // Weights 3 and 1: Alice can claim three quarters of the pool's share, Bob one quarter.
    const claimA = await client.positionClaimable(contributionA);
    const claimB = await client.positionClaimable(contributionB);
    assert.equal(claimA, (quote.lineage[0] * 3n) / 4n);
    assert.equal(claimB, quote.lineage[0] / 4n);
  });

  test("a fine-tune's payment reaches the base model's escrow; escrow_distribute flushes it", async () => {
    const pay = await client.inferencePay({
      payer: user.publicKey,
      model: fineTune,
      operator: operator.publicKey,
      calls: 3,
      maxFee: PRICE * 2n * 3n,
    });
    assert.ok(pay.instructions[0].keys.at(-1)!.pubkey.equals(escrowPda(baseModel)));
    chain.sendOk(pay.instructions, user);
    const held = big((await client.fetchEscrow(baseModel)).balance);
    assert.ok(held > 0n);
    const poolBefore = big((await client.fetchPool(datanet)).totalCredited);

    const crank = await client.escrowDistribute({ model: baseModel });
    const logs = chain.sendOk(crank.instructions, user);
    const [distributed] = findEvents(logs, "attribution_payout", "escrowDistributed");
    assert.equal(big(distributed.amount), held);
    assert.equal(big((await client.fetchEscrow(baseModel)).balance), 0n);
    assert.equal(big((await client.fetchPool(datanet)).totalCredited) - poolBefore, big(distributed.lineage[0].amount));

    const empty = await client.escrowDistribute({ model: baseModel });
    assert.equal(chain.sendErr(empty.instructions, user).name, "NothingToDistribute");

    // Anchor's own errors decode too: the fine-tune has no escrow account.
    const missing = await client.escrowDistribute({ model: fineTune });
    const err = chain.sendErr(missing.instructions, user);
    assert.equal(err.name, "AccountNotInitialized");
    assert.equal(err.code, 3012);
    assert.equal(err.anchor, true);
  });

  test("position_claim and earnings_claim pay out exactly what the accounts said", async () => {
    for (const [who, contribution] of [
      [alice, contributionA],
      [bob, contributionB],
    ] as const) {
      const claimable = await client.positionClaimable(contribution);
      assert.ok(claimable > 0n);
      const claim = await client.positionClaim({ beneficiary: who.publicKey, contribution });
      assert.ok(claim.destination.equals(associatedTokenAddress(who.publicKey, mint)));
      const logs = chain.sendOk(claim.instructions, who);
      assert.equal(chain.tokenBalance(claim.destination), claimable);
      assert.equal(big(findEvents(logs, "attribution_payout", "positionClaimed")[0].amount), claimable);
      assert.equal(await client.positionClaimable(contribution), 0n);
    }
    // Bob may not claim Alice's position.
    const theft = await client.positionClaim({ beneficiary: bob.publicKey, contribution: contributionA });
    const theftErr = chain.sendErr(theft.instructions, bob);
    assert.equal(theftErr.name, "NotBeneficiary");

    for (const [who, role] of [
      [treasury, EarningsRole.Treasury],
      [builder, EarningsRole.ModelOwner],
      [operator, EarningsRole.Operator],
    ] as const) {
      const owed = big((await client.fetchEarnings(who.publicKey, role)).balance);
      assert.ok(owed > 0n);
      const claim = await client.earningsClaim({ beneficiary: who.publicKey, role });
      const before = chain.tokenBalance(claim.destination);
      chain.sendOk(claim.instructions, who);
      assert.equal(chain.tokenBalance(claim.destination) - before, owed);
      const after = await client.fetchEarnings(who.publicKey, role);
      assert.equal(big(after.balance), 0n);
      assert.equal(big(after.totalClaimed), owed);
    }
    const again = await client.earningsClaim({ beneficiary: builder.publicKey, role: EarningsRole.ModelOwner });
    assert.equal(chain.sendErr(again.instructions, builder).name, "NothingToClaim");

    // What stays in the vault is exactly what is still owed: the pool's unclaimed fractions.
    const pool = await client.fetchPool(datanet);
    assert.equal(chain.tokenBalance(vaultPda()), big(pool.totalCredited) - big(pool.totalClaimed));
  });

  test("stakes: unstake, CooldownActive before the cooldown, withdraw after it", async () => {
    const request = await client.stakeUnstakeRequest({ authority: operator.publicKey, amount: 100n * OPEN });
    chain.sendOk(request.instructions, operator);
    const stake = await client.fetchStake(operator.publicKey);
    assert.equal(big(stake.unstaking), 100n * OPEN);
    const early = await client.stakeWithdraw({ authority: operator.publicKey });
    assert.equal(chain.sendErr(early.instructions, operator).name, "CooldownActive");
    chain.advanceTime(COOLDOWN + 1);
    const before = chain.tokenBalance(early.destination);
    chain.sendOk((await client.stakeWithdraw({ authority: operator.publicKey })).instructions, operator);
    assert.equal(chain.tokenBalance(early.destination) - before, 100n * OPEN);
    assert.equal(chain.tokenBalance(stakeVaultPda()), MIN_STAKE);
  });

  test("stake_slash: governance only (NotConfigAuthority), at most the stake (SlashAboveStake), to the treasury", async () => {
    const stranger = await client.stakeSlash({ authority: user.publicKey, operator: operator.publicKey, amount: OPEN, reason: 3 });
    assert.equal(chain.sendErr(stranger.instructions, user).name, "NotConfigAuthority");
    const stake = await client.fetchStake(operator.publicKey);
    const total = big(stake.active) + big(stake.unstaking);
    const tooMuch = await client.stakeSlash({ authority: governance.publicKey, operator: operator.publicKey, amount: total + 1n, reason: 3 });
    assert.equal(chain.sendErr(tooMuch.instructions, governance).name, "SlashAboveStake");
    const treasuryBefore = big((await client.fetchEarnings(treasury.publicKey, EarningsRole.Treasury)).balance);
    const slash = await client.stakeSlash({ authority: governance.publicKey, operator: operator.publicKey, amount: OPEN, reason: 3 });
    chain.sendOk(slash.instructions, governance);
    assert.equal(big((await client.fetchStake(operator.publicKey)).active), big(stake.active) - OPEN);
    assert.equal(big((await client.fetchEarnings(treasury.publicKey, EarningsRole.Treasury)).balance), treasuryBefore + OPEN);
    // Restore the operator's minimum for the tests that follow.
    const topUp = await client.stakeDeposit({ authority: operator.publicKey, amount: OPEN });
    chain.sendOk(topUp.instructions, operator);
  });

  test("governance: pause stops payments (Paused), authority handover; price, retire, deactivate", async () => {
    const pay = () =>
      client.inferencePay({ payer: user.publicKey, model: baseModel, operator: operator.publicKey, calls: 1, maxFee: OPEN });

    const pause = await client.configUpdate({ authority: governance.publicKey, paused: true });
    chain.sendOk(pause.instructions, governance);
    assert.equal(chain.sendErr((await pay()).instructions, user).name, "Paused");
    const notGov = await client.configUpdate({ authority: user.publicKey, paused: false });
    assert.equal(chain.sendErr(notGov.instructions, user).name, "NotConfigAuthority");
    chain.sendOk((await client.configUpdate({ authority: governance.publicKey, paused: false })).instructions, governance);

    // Epoch timing: bounded (a 59-second root deadline is refused), the epoch length fixed, the
    // rest applied to epochs opened from then on.
    const badTiming = await client.configUpdate({
      authority: governance.publicKey,
      epochTiming: { ...EPOCH_TIMING, rootDeadlineSecs: 59 },
    });
    assert.equal(chain.sendErr(badTiming.instructions, governance).name, "InvalidEpochTiming");
    const newLength = await client.configUpdate({
      authority: governance.publicKey,
      epochTiming: { ...EPOCH_TIMING, epochLengthSecs: 7_200 },
    });
    assert.equal(chain.sendErr(newLength.instructions, governance).name, "EpochLengthFixed");
    const timing = await client.configUpdate({
      authority: governance.publicKey,
      epochTiming: { ...EPOCH_TIMING, rootDeadlineSecs: 7_200, challengeWindowSecs: 0 },
    });
    const [updated] = findEvents(chain.sendOk(timing.instructions, governance), "attribution_payout", "configUpdated");
    assert.equal(Number(updated.epochTiming.rootDeadlineSecs), 7_200);
    const afterTiming = await client.fetchConfig();
    assert.equal(Number(afterTiming.rootDeadlineSecs), 7_200);
    assert.equal(Number(afterTiming.challengeWindowSecs), 0);
    assert.equal(big(afterTiming.minOperatorStake), MIN_STAKE); // untouched

    const next = chain.wallet();
    const propose = await client.configAuthorityPropose({ authority: governance.publicKey, newAuthority: next.publicKey });
    chain.sendOk(propose.instructions, governance);
    chain.sendOk((await client.configAuthorityAccept({ newAuthority: next.publicKey })).instructions, next);
    assert.ok((await client.fetchConfig()).authority.equals(next.publicKey));

    const newCurator = chain.wallet();
    const dPropose = await client.datanetAuthorityPropose({
      datanet,
      authority: curator.publicKey,
      newAuthority: newCurator.publicKey,
    });
    chain.sendOk(dPropose.instructions, curator);
    chain.sendOk((await client.datanetAuthorityAccept({ datanet, newAuthority: newCurator.publicKey })).instructions, newCurator);
    assert.ok((await client.fetchDatanet(datanet)).authority.equals(newCurator.publicKey));

    const price = await client.modelPriceSet({ model: baseModel, owner: builder.publicKey, pricePerCall: PRICE * 2n });
    chain.sendOk(price.instructions, builder);
    assert.equal(big((await client.fetchModel(baseModel)).pricePerCall), PRICE * 2n);

    chain.sendOk((await client.operatorDeactivate({ authority: operator.publicKey })).instructions, operator);
    assert.equal(chain.sendErr((await pay()).instructions, user).name, "OperatorInactive");

    chain.sendOk((await client.modelRetire({ model: fineTune, owner: builder.publicKey })).instructions, builder);
    const retired = await client.inferencePay({
      payer: user.publicKey,
      model: fineTune,
      operator: operator.publicKey,
      calls: 1,
      maxFee: OPEN,
    });
    const err = chain.sendErr(retired.instructions, user);
    assert.equal(err.name, "ModelRetired");
    assert.equal(err.program, "attribution_payout");
  });
});
