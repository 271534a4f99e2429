/**
 * The client against the real programs: target/deploy/*.so in LiteSVM, every step a signed
 * transaction built by @attribution-suite/client. One flow, in order: config and OPEN, a curated
 * datanet with reviewed contributions and a published version (with its pool), a base model
 * citing it and a fine-tune built on it, a staked operator, payments, the escrow crank, every
 * claim, and the program errors on the way.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { before, describe, test } from "node:test";
import { Keypair, PublicKey, SystemProgram, TransactionInstruction } from "@solana/web3.js";
import {
  ATTRIBUTION_PAYOUT_CONSTANTS,
  AttributionClient,
  type ConfigChangeInput,
  EMPTY_OUTPUT_HASH,
  EarningsRole,
  OPEN,
  OPEN_DECIMALS,
  associatedTokenAddress,
  bondVaultPda,
  buildServedPayment,
  buildTransaction,
  configPda,
  contributionPda,
  datanetPda,
  decodeEvents,
  earningsPda,
  encodeServedPayment,
  errorCode,
  escrowPda,
  findEvents,
  modelPda,
  outputHash,
  poolPda,
  positionPda,
  quoteInference,
  readServedPayment,
  stakePda,
  stakeVaultPda,
  TIMELOCK_DELAY_BOUNDS,
  vaultPda,
} from "@attribution-suite/client";
import { TestChain, requireBuiltPrograms } from "./helpers/chain";
import { govern } from "./helpers/market";

const big = (v: { toString(): string }) => BigInt(v.toString());
const PRICE = 20_000_000n; // 0.02 OPEN per call
const MIN_STAKE = 1_000n * OPEN;
const COOLDOWN = 7 * 24 * 3600;
const EPOCH_TIMING = { epochLengthSecs: 86_400, rootDeadlineSecs: 86_400, challengeWindowSecs: 86_400, claimWindowSecs: 2_592_000 };

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
  let pool: PublicKey;
  let baseModel: PublicKey;
  let fineTune: PublicKey;
  let userToken: PublicKey;
  const fileA = new TextEncoder().encode("alice: 10,000 labelled chest X-ray reports\n");
  const fileB = new TextEncoder().encode("bob: 2,500 annotated radiology images\n");

  before(() => {
    chain = new TestChain();
    client = new AttributionClient({ reader: chain.reader, programAccounts: chain.programAccounts });
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
    // Challenges: the authority resolves them; the defaults (a 10 % attestor bond, a challenger's
    // bond of the minimum stake, half the attestor's bond as its reward, three days to decide).
    assert.ok(config.resolver.equals(governance.publicKey));
    assert.deepEqual(
      [config.challenge.attestorBondBps, big(config.challenge.challengeBond), config.challenge.challengeRewardBps, big(config.challenge.resolveWindowSecs)],
      [
        ATTRIBUTION_PAYOUT_CONSTANTS.DEFAULT_ATTESTOR_BOND_BPS,
        MIN_STAKE,
        ATTRIBUTION_PAYOUT_CONSTANTS.DEFAULT_CHALLENGE_REWARD_BPS,
        BigInt(ATTRIBUTION_PAYOUT_CONSTANTS.DEFAULT_RESOLVE_WINDOW_SECS),
      ],
    );
    assert.deepEqual(await client.openToken(), { mint, tokenProgram: config.tokenProgram, decimals: 9 });

    const treasuryEarnings = await client.earningsInit({
      payer: deployer.publicKey,
      beneficiary: treasury.publicKey,
      role: EarningsRole.Treasury,
    });
    chain.sendOk(treasuryEarnings.instructions, deployer);
    assert.ok(treasuryEarnings.earnings.equals(earningsPda(treasury.publicKey, 0)));
    assert.ok("treasury" in (await client.fetchEarnings(treasury.publicKey, EarningsRole.Treasury)).role);

    // The bond vault (permissionless, once): the config's OPEN, read from it.
    const vault = await client.bondVaultInit({ payer: deployer.publicKey });
    assert.ok(vault.bondVault.equals(bondVaultPda()));
    const [created] = findEvents(chain.sendOk(vault.instructions, deployer), "datanet_registry", "bondVaultCreated");
    assert.ok(created.bondVault.equals(bondVaultPda()) && created.mint.equals(mint) && created.tokenProgram.equals(config.tokenProgram));
    assert.equal(chain.tokenBalance(bondVaultPda()), 0n);
    const twice = await client.bondVaultInit({ payer: stranger.publicKey });
    assert.ok(!chain.send(twice.instructions, stranger).ok, "created once");
  });

  test("datanet_create (curated): no version yet, so nothing to cite and no pool", async () => {
    const created = await client.datanetCreate({
      creator: curator.publicKey,
      id: 1,
      name: "radiology",
      uri: "ipfs://radiology",
      policy: { curated: {} },
    });
    assert.ok(created.datanet.equals(datanetPda(curator.publicKey, 1n)));
    chain.sendOk(created.instructions, curator);
    datanet = created.datanet;
    const account = await client.fetchDatanet(datanet);
    assert.equal(account.name, "radiology");
    assert.ok(account.authority.equals(curator.publicKey));
    assert.equal(await client.latestVersion(datanet), null);

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

  test("contribution_withdraw returns a pending or rejected contribution's rent to its contributor", async () => {
    const c = await client.submitFile({
      datanet,
      contributor: carol.publicKey,
      content: new TextEncoder().encode("carol: draft"),
      uri: "ipfs://c",
    });
    chain.sendOk(c.instructions, carol);
    // The curator may not take back a pending contribution; nor may anyone name another contributor.
    const byCurator = await client.contributionWithdraw({ datanet, contribution: c.contribution, signer: curator.publicKey });
    assert.ok(byCurator.contributor.equals(carol.publicKey));
    assert.equal(chain.sendErr(byCurator.instructions, curator).name, "NotContributor");
    const wrong = await client.contributionWithdraw({
      datanet,
      contribution: c.contribution,
      signer: carol.publicKey,
      contributor: bob.publicKey,
    });
    assert.equal(chain.sendErr(wrong.instructions, carol).name, "WrongContributor");

    const w = await client.contributionWithdraw({ datanet, contribution: c.contribution, signer: carol.publicKey });
    const logs = chain.sendOk(w.instructions, carol);
    const [withdrawn] = findEvents(logs, "datanet_registry", "contributionWithdrawn");
    assert.ok("pending" in withdrawn.status);
    assert.ok(withdrawn.by.equals(carol.publicKey));
    assert.equal(chain.exists(c.contribution), false);

    // A rejected contribution is cleared away the same way.
    const d = await client.submitFile({ datanet, contributor: carol.publicKey, content: new TextEncoder().encode("carol: spam"), uri: "ipfs://d" });
    chain.sendOk(d.instructions, carol);
    const reject = await client.contributionReview({ datanet, contribution: d.contribution, authority: curator.publicKey, decision: { reject: { reason: 2 } } });
    chain.sendOk(reject.instructions, curator);
    const clear = await client.contributionWithdraw({ datanet, contribution: d.contribution, signer: carol.publicKey, contributor: carol.publicKey });
    const [cleared] = findEvents(chain.sendOk(clear.instructions, carol), "datanet_registry", "contributionWithdrawn");
    assert.ok("rejected" in cleared.status);
    assert.equal(chain.exists(d.contribution), false);
  });

  test("squatting: the curator clears a rejected front-run, and the author submits the same content again", async () => {
    const dave = chain.wallet();
    const squatter = chain.wallet();
    const content = new TextEncoder().encode("dave: 400 de-identified discharge summaries\n");
    // The squatter saw the content hash and submitted it first.
    const squat = await client.submitFile({ datanet, contributor: squatter.publicKey, content, uri: "ipfs://stolen" });
    chain.sendOk(squat.instructions, squatter);
    const blocked = await client.submitFile({ datanet, contributor: dave.publicKey, content, uri: "ipfs://dave" });
    assert.equal(chain.sendErr(blocked.instructions, dave).name, "DuplicateContribution");
    // The curator rejects the squat and clears it; the rent goes back to the squatter, not the curator.
    const reject = await client.contributionReview({
      datanet,
      contribution: squat.contribution,
      authority: curator.publicKey,
      decision: { reject: { reason: 7 } },
    });
    chain.sendOk(reject.instructions, curator);
    const rent = chain.lamports(squat.contribution);
    const squatterBefore = chain.lamports(squatter.publicKey);
    const clear = await client.contributionWithdraw({ datanet, contribution: squat.contribution, signer: curator.publicKey });
    assert.ok(clear.contributor.equals(squatter.publicKey));
    const [cleared] = findEvents(chain.sendOk(clear.instructions, curator), "datanet_registry", "contributionWithdrawn");
    assert.ok("rejected" in cleared.status);
    assert.ok(cleared.by.equals(curator.publicKey));
    assert.ok(cleared.contributor.equals(squatter.publicKey));
    assert.equal(chain.exists(squat.contribution), false);
    assert.equal(chain.lamports(squatter.publicKey) - squatterBefore, rent);
    // The author submits the same content: the same address, now theirs.
    const again = await client.submitFile({ datanet, contributor: dave.publicKey, content, uri: "ipfs://dave" });
    assert.ok(again.contribution.equals(squat.contribution));
    chain.sendOk(again.instructions, dave);
    assert.ok((await client.fetchContribution(again.contribution)).contributor.equals(dave.publicKey));
    // Dave withdraws it again (pending) so that the flow below keeps its two contributions.
    chain.sendOk((await client.contributionWithdraw({ datanet, contribution: again.contribution, signer: dave.publicKey })).instructions, dave);
  });

  test("contribution_review: the curator accepts with weights; a version (and its pool) is published", async () => {
    // Nothing accepted yet: a version would be empty.
    const empty = await client.datanetVersionPublish({
      datanet,
      authority: curator.publicKey,
      contributionsRoot: new Uint8Array(32),
      uri: "ipfs://radiology/empty",
    });
    assert.equal(chain.sendErr(empty.instructions, curator).name, "EmptyVersion");

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

    // The number defaults to the datanet's versions + 1; pool_init rides along.
    const version = await client.datanetVersionPublish({
      datanet,
      authority: curator.publicKey,
      contributionsRoot: createHash("sha256").update("root of A and B").digest(),
      uri: "ipfs://radiology/v1",
    });
    assert.equal(version.number, 1);
    assert.equal(version.instructions.length, 2);
    assert.ok(version.pool.equals(poolPda(version.datanetVersion)));
    const logs = chain.sendOk(version.instructions, curator);
    datanetVersion = version.datanetVersion;
    pool = version.pool;
    assert.ok((await client.latestVersion(datanet))!.equals(datanetVersion));
    const [published] = findEvents(logs, "datanet_registry", "datanetVersionPublished");
    assert.equal(big(published.contributionCount), 2n);
    assert.equal(big(published.totalWeight), 4n);
    const stored = await client.fetchDatanetVersion(datanetVersion);
    assert.equal(stored.number, 1);
    assert.equal(big(stored.contributionCount), 2n);
    assert.equal(big(stored.acceptedEnd), 2n);
    assert.equal(big(stored.totalWeight), 4n);
    const [initialized] = findEvents(logs, "attribution_payout", "poolInitialized");
    assert.ok(initialized.pool.equals(pool) && initialized.datanetVersion.equals(datanetVersion));
    const account = await client.fetchPool(datanetVersion);
    assert.ok(account.datanet.equals(datanet) && account.datanetVersion.equals(datanetVersion));
    assert.equal(big(account.totalWeight), 4n);
    assert.equal(big(account.acceptedEnd), 2n);
    assert.equal(big(account.enrolledWeight), 0n);
  });

  test("position_enroll: both accepted contributions open a position in the version's pool", async () => {
    const a = await client.positionEnroll({ payer: alice.publicKey, datanetVersion, contribution: contributionA });
    const b = await client.positionEnroll({ payer: bob.publicKey, datanetVersion, contribution: contributionB });
    assert.ok(a.position.equals(positionPda(pool, contributionA)) && a.pool.equals(pool));
    const logs = chain.sendOk(a.instructions, alice);
    chain.sendOk(b.instructions, bob);
    const [enrolled] = findEvents(logs, "attribution_payout", "positionEnrolled");
    assert.ok(enrolled.pool.equals(pool) && enrolled.beneficiary.equals(alice.publicKey));
    assert.equal(big(enrolled.weight), 3n);
    const account = await client.fetchPool(datanetVersion);
    assert.equal(Number(account.totalWeight), 4);
    assert.equal(Number(account.enrolledWeight), 4);
    assert.equal(Number(account.positions), 2);
    assert.ok((await client.fetchPosition(pool, contributionA)).beneficiary.equals(alice.publicKey));
    // Once per version.
    const twice = await client.positionEnroll({ payer: alice.publicKey, datanetVersion, contribution: contributionA });
    assert.equal(chain.send(twice.instructions, alice).ok, false);
  });

  test("model_lineage_set: a datanet entry must cite a version (VersionRequired); the client defaults to the latest", async () => {
    const draft = await client.modelCreate({
      owner: builder.publicKey,
      id: 99,
      kind: "base",
      name: "draft",
      uri: "ipfs://draft",
      artifactHash: createHash("sha256").update("draft").digest(),
      pricePerCall: PRICE,
    });
    chain.sendOk(draft.instructions, builder);
    // A datanet with no published version: nothing to cite, the program refuses the entry.
    const bare = await client.datanetCreate({ creator: curator.publicKey, id: 2, name: "bare", uri: "ipfs://bare", policy: { curated: {} } });
    chain.sendOk(bare.instructions, curator);
    const split = { ownerShareBps: 4_000, operatorShareBps: 2_000 };
    const unversioned = await client.modelLineageSet({
      model: draft.model,
      owner: builder.publicKey,
      entries: [{ source: "datanet", target: bare.datanet, shareBps: 4_000 }],
      ...split,
    });
    assert.equal(unversioned.entries[0].datanetVersion, null);
    const refused = chain.sendErr(unversioned.instructions, builder);
    assert.equal(refused.name, "VersionRequired");
    assert.equal(refused.program, "model_registry");
    // An entry of the radiology datanet without a version cites its latest one (v1).
    const defaulted = await client.modelLineageSet({
      model: draft.model,
      owner: builder.publicKey,
      entries: [{ source: "datanet", target: datanet, shareBps: 4_000 }],
      ...split,
    });
    assert.ok(defaulted.entries[0].datanetVersion!.equals(datanetVersion));
    assert.ok(defaulted.instructions[0].keys.at(-1)!.pubkey.equals(datanetVersion));
    chain.sendOk(defaulted.instructions, builder);
    assert.ok((await client.fetchModel(draft.model)).lineage[0].datanetVersion!.equals(datanetVersion));
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
    const err = chain.sendErr(tooLow.instructions, user, [operator]);
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
    // No proof-attributed entry: no epoch, one instruction, a random request id, no output committed.
    assert.equal(pay.instructions.length, 1);
    assert.equal(pay.epoch, null);
    assert.equal(pay.requestId.length, 32);
    assert.deepEqual(pay.outputHash, EMPTY_OUTPUT_HASH);
    // The pool of the version the datanet entry cites rides as a writable remaining account.
    const last = pay.instructions[0].keys.at(-1)!;
    assert.ok(last.pubkey.equals(poolPda(datanetVersion)) && last.isWritable);
    const logs = chain.sendOk(pay.instructions, user, [operator]);
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
    assert.deepEqual(Uint8Array.from(paid.outputHash), EMPTY_OUTPUT_HASH);
    // No epoch credited, so no record numbered.
    assert.equal(paid.epoch, null);
    assert.equal(paid.record, null);
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
    assert.equal(big((await client.fetchPool(datanetVersion)).totalCredited), quote.lineage[0]);
    // Weights 3 and 1: Alice can claim three quarters of the pool's share, Bob one quarter.
    const claimA = await client.positionClaimable(pool, contributionA);
    const claimB = await client.positionClaimable(pool, contributionB);
    assert.equal(claimA, (quote.lineage[0] * 3n) / 4n);
    assert.equal(claimB, quote.lineage[0] / 4n);
  });

  test("a served payment: the operator signs what it served first; the payer checks it, signs and sends it", async () => {
    const served = await outputHash("a served completion");
    const built = await client.inferencePay({ payer: user.publicKey, model: baseModel, operator: operator.publicKey, calls: 2, maxFee: PRICE * 2n, outputHash: served });
    /** The operator's side: the payment transaction for `feePayer`, signed by `signer`. */
    const serve = (instructions: TransactionInstruction[], feePayer = user.publicKey, signer: Keypair | null = operator) => {
      const tx = buildTransaction(instructions, feePayer, chain.blockhash());
      if (signer) tx.partialSign(signer);
      return tx;
    };
    const paidBefore = chain.tokenBalance(userToken);
    const earnedBefore = big((await client.fetchEarnings(operator.publicKey, EarningsRole.Operator)).balance);
    const read = (base64: string) => readServedPayment(client, base64, user.publicKey);

    // Attacks the payer's check refuses before its wallet signs anything: a payment that also
    // moves the payer's lamports, one the operator has not signed, one whose terms were changed
    // after it signed, one for another wallet to sign, and bytes that are no transaction.
    const drain = SystemProgram.transfer({ fromPubkey: user.publicKey, toPubkey: operator.publicKey, lamports: 1_000_000_000 });
    assert.throws(() => read(encodeServedPayment(serve([...built.instructions, drain]))), /instruction 2 \(11111111111111111111111111111111\) is not part of a payment/);
    assert.throws(() => read(encodeServedPayment(serve(built.instructions, user.publicKey, null))), /has not signed this payment/);
    const tampered = serve(built.instructions);
    const [pay] = tampered.instructions;
    const more = Buffer.from(pay.data);
    more[8] += 1; // calls: 2 → 3
    tampered.instructions[0] = new TransactionInstruction({ programId: pay.programId, keys: pay.keys, data: more });
    assert.throws(() => read(tampered.serialize({ requireAllSignatures: false, verifySignatures: false }).toString("base64")), /has not signed this payment \(validly\)/);
    assert.throws(() => read(encodeServedPayment(serve(built.instructions, operator.publicKey))), /this payment is for .* to sign, not/);
    assert.throws(() => read("bm90IGEgdHJhbnNhY3Rpb24="), /not a served payment/);
    assert.equal(chain.tokenBalance(userToken), paidBefore);

    // Honest twin: the operator builds the payment (`buildServedPayment`) and signs it; its terms
    // read back as it built them; the payer signs and sends it.
    const honest = await buildServedPayment(client, { payer: user.publicKey, model: baseModel, operator: operator.publicKey, calls: 2, maxFee: PRICE * 2n, outputHash: served, blockhash: chain.blockhash() });
    honest.partialSign(operator);
    const payment = read(encodeServedPayment(honest));
    assert.ok(payment.model.equals(baseModel) && payment.operatorAuthority.equals(operator.publicKey) && payment.payerToken.equals(userToken));
    assert.deepEqual([payment.calls, payment.maxFee, payment.outputHash], [2n, PRICE * 2n, served]);
    payment.transaction.partialSign(user);
    const sent = chain.submit(payment.transaction);
    assert.ok(sent.ok, sent.logs.join("\n"));
    const [paid] = findEvents(sent.logs, "attribution_payout", "inferencePaid");
    assert.deepEqual(Uint8Array.from(paid.outputHash), served);
    assert.equal(chain.tokenBalance(userToken), paidBefore - PRICE * 2n);
    assert.equal(big((await client.fetchEarnings(operator.publicKey, EarningsRole.Operator)).balance) - earnedBefore, big(paid.operatorAmount));
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
    chain.sendOk(pay.instructions, user, [operator]);
    const held = big((await client.fetchEscrow(baseModel)).balance);
    assert.ok(held > 0n);
    const poolBefore = big((await client.fetchPool(datanetVersion)).totalCredited);

    const crank = await client.escrowDistribute({ model: baseModel });
    const logs = chain.sendOk(crank.instructions, user);
    const [distributed] = findEvents(logs, "attribution_payout", "escrowDistributed");
    assert.equal(big(distributed.amount), held);
    assert.equal(big((await client.fetchEscrow(baseModel)).balance), 0n);
    assert.equal(big((await client.fetchPool(datanetVersion)).totalCredited) - poolBefore, big(distributed.lineage[0].amount));

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
    // positionsOf lists a wallet's positions with what each can claim now.
    const [listed] = await client.positionsOf(alice.publicKey);
    assert.equal((await client.positionsOf(alice.publicKey)).length, 1);
    assert.ok(listed.position.equals(positionPda(pool, contributionA)));
    assert.ok(listed.pool.equals(pool) && listed.datanetVersion.equals(datanetVersion) && listed.datanet.equals(datanet));
    assert.ok(listed.contribution.equals(contributionA));
    assert.equal(listed.weight, 3n);
    assert.equal(listed.claimable, await client.positionClaimable(pool, contributionA));

    // Bob may not claim Alice's position; an empty claim names no position.
    const theft = await client.positionClaim({ beneficiary: bob.publicKey, positions: [{ datanetVersion, contribution: contributionA }] });
    const theftErr = chain.sendErr(theft.instructions, bob);
    assert.equal(theftErr.name, "NotBeneficiary");
    const none = await client.positionClaim({ beneficiary: bob.publicKey, positions: [] });
    assert.equal(chain.sendErr(none.instructions, bob).name, "ClaimAccountMismatch");

    for (const [who, contribution] of [
      [alice, contributionA],
      [bob, contributionB],
    ] as const) {
      const claimable = await client.positionClaimable(pool, contribution);
      assert.ok(claimable > 0n);
      const claim = await client.positionClaim({ beneficiary: who.publicKey, positions: [{ datanetVersion, contribution }] });
      assert.ok(claim.destination.equals(associatedTokenAddress(who.publicKey, mint)));
      assert.ok(claim.positions[0].equals(positionPda(pool, contribution)));
      // (position, pool), both writable, after the six named accounts.
      const ix = claim.instructions.at(-1)!;
      assert.deepEqual(
        ix.keys.slice(6).map((k) => [k.pubkey.toBase58(), k.isWritable]),
        [
          [positionPda(pool, contribution).toBase58(), true],
          [pool.toBase58(), true],
        ],
      );
      const logs = chain.sendOk(claim.instructions, who);
      assert.equal(chain.tokenBalance(claim.destination), claimable);
      assert.equal(big(findEvents(logs, "attribution_payout", "positionClaimed")[0].amount), claimable);
      assert.equal(await client.positionClaimable(pool, contribution), 0n);
    }
    // Nothing left: NothingToClaim.
    const empty = await client.positionClaim({ beneficiary: alice.publicKey, positions: [{ datanetVersion, contribution: contributionA }] });
    assert.equal(chain.sendErr(empty.instructions, alice).name, "NothingToClaim");

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
    const account = await client.fetchPool(datanetVersion);
    assert.equal(chain.tokenBalance(vaultPda()), big(account.totalCredited) - big(account.totalClaimed));
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

  test("a slash: queued by the admin only (NotConfigAuthority), at most the stake (SlashAboveStake), locked, executed by anyone after the timelock (ActionNotReady before), to the treasury", async () => {
    const stake = await client.fetchStake(operator.publicKey);
    const slash = (amount: bigint) => ({ slash: { stake: stakePda(operator.publicKey), amount, reason: 3 } });
    const stranger = await client.actionQueue({ authority: user.publicKey, action: slash(OPEN) });
    assert.equal(chain.sendErr(stranger.instructions, user).name, "NotConfigAuthority");
    const total = big(stake.active) + big(stake.unstaking);
    const tooMuch = await client.actionQueue({ authority: governance.publicKey, action: slash(total + 1n) });
    assert.equal(chain.sendErr(tooMuch.instructions, governance).name, "SlashAboveStake");
    const treasuryBefore = big((await client.fetchEarnings(treasury.publicKey, EarningsRole.Treasury)).balance);
    const queued = await client.actionQueue({ authority: governance.publicKey, action: slash(OPEN) });
    const [event] = findEvents(chain.sendOk(queued.instructions, governance), "attribution_payout", "actionQueued");
    assert.equal(big(event.id), queued.id);
    assert.equal(big((await client.fetchStake(operator.publicKey)).locked), OPEN);
    const listed = await client.fetchActions();
    assert.deepEqual(listed.map((a) => a.address.toBase58()), [queued.action.toBase58()]);
    const early = await client.actionExecute({ id: queued.id });
    assert.equal(chain.sendErr(early.instructions, user).name, "ActionNotReady");
    chain.advanceTime(Number((await client.fetchConfig()).timelockDelaySecs));
    chain.sendOk((await client.actionExecute({ id: queued.id })).instructions, user);
    const after = await client.fetchStake(operator.publicKey);
    assert.deepEqual([big(after.active), big(after.locked)], [big(stake.active) - OPEN, 0n]);
    assert.equal(big((await client.fetchEarnings(treasury.publicKey, EarningsRole.Treasury)).balance), treasuryBefore + OPEN);
    assert.equal((await client.fetchActions()).length, 0);
    // Restore the operator's minimum for the tests that follow.
    const topUp = await client.stakeDeposit({ authority: operator.publicKey, amount: OPEN });
    chain.sendOk(topUp.instructions, operator);
  });

  test("governance: the guardian's pause stops payments (Paused); changes through the timelock within the floors; roles handed on in two steps; price, retire, deactivate", async () => {
    const pay = () =>
      client.inferencePay({ payer: user.publicKey, model: baseModel, operator: operator.publicKey, calls: 1, maxFee: OPEN });

    const pause = await client.configPause({ guardian: governance.publicKey, paused: true });
    chain.sendOk(pause.instructions, governance);
    assert.equal(chain.sendErr((await pay()).instructions, user, [operator]).name, "Paused");
    const notGuardian = await client.configPause({ guardian: user.publicKey, paused: false });
    assert.equal(chain.sendErr(notGuardian.instructions, user).name, "NotGuardian");
    chain.sendOk((await client.configPause({ guardian: governance.publicKey, paused: false })).instructions, governance);

    // Epoch timing: bounded (a 59-second root deadline, an unstake cooldown shorter than the
    // challenge window are refused when queued), the epoch length fixed, the rest applied to
    // epochs opened from then on.
    const refusedChange = async (update: ConfigChangeInput) => {
      const queued = await client.actionQueue({ authority: governance.publicKey, action: { update } });
      return chain.sendErr(queued.instructions, governance).name;
    };
    assert.equal(await refusedChange({ epochTiming: { ...EPOCH_TIMING, rootDeadlineSecs: 59 } }), "InvalidEpochTiming");
    assert.equal(await refusedChange({ unstakeCooldownSecs: EPOCH_TIMING.challengeWindowSecs - 1 }), "CooldownBelowChallengeWindow");
    assert.equal(await refusedChange({ epochTiming: { ...EPOCH_TIMING, epochLengthSecs: 7_200 } }), "EpochLengthFixed");
    assert.equal(await refusedChange({ minOperatorStake: 0 }), "ZeroMinOperatorStake");
    assert.equal(await refusedChange({ timelockDelaySecs: TIMELOCK_DELAY_BOUNDS[0] - 1 }), "InvalidTimelockDelay");
    const timing = { update: { epochTiming: { ...EPOCH_TIMING, rootDeadlineSecs: 7_200, challengeWindowSecs: 2 * 86_400 } } };
    const [updated] = findEvents(await govern(chain, client, governance, timing), "attribution_payout", "configUpdated");
    assert.equal(Number(updated.epochTiming.rootDeadlineSecs), 7_200);
    const afterTiming = await client.fetchConfig();
    assert.equal(Number(afterTiming.rootDeadlineSecs), 7_200);
    assert.equal(Number(afterTiming.challengeWindowSecs), 2 * 86_400);
    assert.equal(big(afterTiming.minOperatorStake), MIN_STAKE); // untouched

    // Challenges: new parameters, in the ConfigUpdated event; out of bounds refused by name.
    const params = { attestorBondBps: 2_000, challengeBond: 5n * OPEN, challengeRewardBps: 7_500, resolveWindowSecs: 86_400 };
    for (const bad of [{ attestorBondBps: 999 }, { challengeBond: 0n }, { challengeRewardBps: 10_001 }, { resolveWindowSecs: 3_599 }]) {
      assert.equal(await refusedChange({ challenge: { ...params, ...bad } }), "InvalidChallengeParams", JSON.stringify(bad, (_, v) => (typeof v === "bigint" ? `${v}` : v)));
    }
    const [set] = findEvents(await govern(chain, client, governance, { update: { challenge: params } }), "attribution_payout", "configUpdated");
    assert.equal(big(set.challenge.challengeBond), 5n * OPEN);
    const afterChallenge = await client.fetchConfig();
    assert.deepEqual(
      [afterChallenge.challenge.attestorBondBps, big(afterChallenge.challenge.challengeBond), afterChallenge.challenge.challengeRewardBps, big(afterChallenge.challenge.resolveWindowSecs)],
      [2_000, 5n * OPEN, 7_500, 86_400n],
    );

    // A queued change the guardian cancels: gone, its rent back to the admin.
    const cancelled = await client.actionQueue({ authority: governance.publicKey, action: { update: { protocolFeeBps: 0 } } });
    chain.sendOk(cancelled.instructions, governance);
    const byStranger = await client.actionCancel({ signer: user.publicKey, id: cancelled.id });
    assert.equal(chain.sendErr(byStranger.instructions, user).name, "NotAdminOrGuardian");
    chain.sendOk((await client.actionCancel({ signer: governance.publicKey, id: cancelled.id })).instructions, governance);
    assert.equal(chain.lamports(cancelled.action), 0n);
    assert.equal((await client.fetchConfig()).protocolFeeBps, 250);

    // Roles: a new resolver, then a new admin; each named through the timelock, then accepting.
    const resolver = chain.wallet();
    await govern(chain, client, governance, { setRole: { role: "resolver", key: resolver.publicKey } });
    assert.ok((await client.fetchConfig()).pendingResolver?.equals(resolver.publicKey));
    chain.sendOk((await client.roleAccept({ newHolder: resolver.publicKey, role: "resolver" })).instructions, resolver);
    const next = chain.wallet();
    await govern(chain, client, governance, { setRole: { role: "admin", key: next.publicKey } });
    const wrongRole = await client.roleAccept({ newHolder: next.publicKey, role: "guardian" });
    assert.equal(chain.sendErr(wrongRole.instructions, next).name, "NoPendingAuthority");
    chain.sendOk((await client.roleAccept({ newHolder: next.publicKey, role: "admin" })).instructions, next);
    const roles = await client.fetchConfig();
    assert.ok(roles.authority.equals(next.publicKey) && roles.resolver.equals(resolver.publicKey) && roles.guardian.equals(governance.publicKey));

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
    assert.equal(chain.sendErr((await pay()).instructions, user, [operator]).name, "OperatorInactive");

    chain.sendOk((await client.modelRetire({ model: fineTune, owner: builder.publicKey })).instructions, builder);
    const retired = await client.inferencePay({
      payer: user.publicKey,
      model: fineTune,
      operator: operator.publicKey,
      calls: 1,
      maxFee: OPEN,
    });
    const err = chain.sendErr(retired.instructions, user, [operator]);
    assert.equal(err.name, "ModelRetired");
    assert.equal(err.program, "attribution_payout");
  });
});
