/**
 * Proof of Attribution epochs through the client against the built programs in LiteSVM: a model
 * whose datanet entry is proof-attributed, with a staked operator as its attestor; payments that
 * open the epoch and extend its running records hash (checked against merkle.ts); the clock warped
 * past the epoch's end, a root over two claimants built with merkle.ts, the challenge window, both
 * claims with their proofs, a forged proof and a second claim refused; after the claim window,
 * epoch_close and receipt_close returning the rent. Then an epoch with no root, released, and a
 * vetoed one: every part the epochs did not attribute went to the pool of the datanet version the
 * model cites, where the version's one contribution, enrolled only at the end, claims all of it.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { before, describe, test } from "node:test";
import { Keypair, PublicKey } from "@solana/web3.js";
import {
  ATTRIBUTION_PAYOUT_PROGRAM_ID,
  AttributionClient,
  BN,
  EarningsRole,
  OPEN,
  OPEN_DECIMALS,
  RECORDS_HASH_START,
  type AttributionAllocation,
  associatedTokenAddress,
  attributionAllocation,
  epochIndexAt,
  epochPda,
  findEvents,
  leaf,
  poolPda,
  quoteInference,
  receiptPda,
  recordsHashNext,
  vaultPda,
} from "@attribution-suite/client";
import { TestChain } from "./helpers/chain";

const big = (v: { toString(): string }) => BigInt(v.toString());
const PRICE = 20_000_000n; // 0.02 OPEN per call
const MIN_STAKE = 1_000n * OPEN;
const TIMING = { epochLengthSecs: 3_600, rootDeadlineSecs: 3_600, challengeWindowSecs: 600, claimWindowSecs: 3_600 };
/** Mid-2025, a little into an epoch. */
const START = 1_750_000_000n + 1_234n;
const requestId = (label: string) => Uint8Array.from(createHash("sha256").update(label).digest());

describe("Proof of Attribution epochs against the built programs", () => {
  let chain: TestChain;
  let client: AttributionClient;
  let deployer: Keypair;
  let treasury: Keypair;
  let mintAuthority: Keypair;
  let curator: Keypair;
  let builder: Keypair;
  let operator: Keypair;
  let attestor: Keypair;
  let user: Keypair;
  let cranker: Keypair;
  let alice: Keypair;
  let bob: Keypair;
  let mint: PublicKey;
  let datanet: PublicKey;
  let datanetVersion: PublicKey;
  let scribe: Keypair; // the datanet's one contributor
  let contribution: PublicKey;
  let model: PublicKey;
  let index: bigint;
  let epoch: PublicKey;
  let allocation: AttributionAllocation;
  let epochRent: bigint;
  const lineageAmounts: bigint[] = [];
  let expectedRecordsHash = RECORDS_HASH_START;

  before(() => {
    chain = new TestChain();
    chain.setTime(START);
    client = new AttributionClient({ reader: chain.reader, programAccounts: chain.programAccounts });
    deployer = chain.upgradeAuthority;
    [treasury, mintAuthority, curator, builder, operator, attestor, user, cranker, scribe] = Array.from({ length: 9 }, () =>
      chain.wallet(),
    );
    // The claimants never sign or pay anything: the cranker brings their tokens.
    alice = Keypair.generate();
    bob = Keypair.generate();
  });

  test("setup: config with epoch timing, an open datanet with a version and its pool, a staked operator and attestor", async () => {
    mint = chain.createMint(mintAuthority, mintAuthority.publicKey, OPEN_DECIMALS);
    const init = await client.configInit({
      deployer: deployer.publicKey,
      mint,
      authority: deployer.publicKey,
      treasury: treasury.publicKey,
      protocolFeeBps: 250,
      minOperatorStake: MIN_STAKE,
      unstakeCooldownSecs: 3_600,
      epochTiming: TIMING,
    });
    const treasuryEarnings = await client.earningsInit({
      payer: deployer.publicKey,
      beneficiary: treasury.publicKey,
      role: EarningsRole.Treasury,
    });
    const bondVault = await client.bondVaultInit({ payer: deployer.publicKey, mint });
    chain.sendOk([...init.instructions, ...treasuryEarnings.instructions, ...bondVault.instructions], deployer);
    const config = await client.fetchConfig();
    assert.equal(Number(config.epochLengthSecs), TIMING.epochLengthSecs);
    assert.equal(await client.currentEpochIndex(), START / 3_600n);
    assert.equal((await client.fetchClock()).unixTimestamp, START);

    const created = await client.datanetCreate({
      creator: curator.publicKey,
      id: 1,
      name: "kjv",
      uri: "ipfs://kjv",
      policy: { open: { weight: new BN(1) } },
    });
    chain.sendOk(created.instructions, curator);
    datanet = created.datanet;
    // An open datanet accepts at once, at its policy's weight.
    const submitted = await client.submitFile({
      datanet,
      contributor: scribe.publicKey,
      content: new TextEncoder().encode("Genesis 1:1"),
      uri: "ipfs://kjv/gen-1-1",
    });
    chain.sendOk(submitted.instructions, scribe);
    contribution = submitted.contribution;
    assert.ok("accepted" in (await client.fetchContribution(contribution)).status);
    const version = await client.datanetVersionPublish({
      datanet,
      authority: curator.publicKey,
      contributionsRoot: requestId("kjv v1"),
      uri: "ipfs://kjv/v1",
    });
    chain.sendOk(version.instructions, curator);
    datanetVersion = version.datanetVersion;
    assert.equal(big((await client.fetchPool(datanetVersion)).totalWeight), 1n);

    for (const who of [operator, attestor]) {
      const register = await client.operatorRegister({ authority: who.publicKey, endpoint: "https://op.example" });
      const stakeInit = await client.stakeInit({ authority: who.publicKey });
      chain.sendOk([...register.instructions, ...stakeInit.instructions], who);
      chain.fund(mintAuthority, mint, who.publicKey, MIN_STAKE);
      const deposit = await client.stakeDeposit({ authority: who.publicKey, amount: MIN_STAKE });
      const earnings = await client.earningsInit({ payer: who.publicKey, beneficiary: who.publicKey, role: EarningsRole.Operator });
      chain.sendOk([...deposit.instructions, ...earnings.instructions], who);
    }
    assert.equal(big((await client.fetchStake(attestor.publicKey)).active), MIN_STAKE);
  });

  test("model_lineage_set and model_publish: one proof-attributed entry, with an attestor", async () => {
    const create = await client.modelCreate({
      owner: builder.publicKey,
      id: 7,
      kind: "base",
      name: "kjv-lm",
      uri: "ipfs://kjv-lm",
      artifactHash: requestId("weights"),
      pricePerCall: PRICE,
    });
    chain.sendOk(create.instructions, builder);
    model = create.model;

    // Two proof-attributed entries (each citing a version of its datanet): refused.
    const other = await client.datanetCreate({ creator: curator.publicKey, id: 2, name: "other", uri: "ipfs://o", policy: { open: { weight: new BN(1) } } });
    const otherContribution = await client.contributionSubmit({
      datanet: other.datanet,
      contributor: curator.publicKey,
      contentHash: requestId("other"),
      uri: "ipfs://o/1",
      size: 5,
      bond: 0, // created in the same transaction: its bond (none) is given, not read
    });
    chain.sendOk([...other.instructions, ...otherContribution.instructions], curator);
    const otherVersion = await client.datanetVersionPublish({
      datanet: other.datanet,
      authority: curator.publicKey,
      contributionsRoot: requestId("other v1"),
      uri: "ipfs://o/v1",
    });
    chain.sendOk(otherVersion.instructions, curator);
    const two = await client.modelLineageSet({
      model,
      owner: builder.publicKey,
      entries: [
        { source: "datanet", target: datanet, datanetVersion, shareBps: 2_500, proofAttributed: true },
        { source: "datanet", target: other.datanet, datanetVersion: otherVersion.datanetVersion, shareBps: 2_500, proofAttributed: true },
      ],
      ownerShareBps: 3_000,
      operatorShareBps: 2_000,
    });
    const tooMany = chain.sendErr(two.instructions, builder);
    assert.equal(tooMany.name, "TooManyProofAttributed");
    assert.equal(tooMany.program, "model_registry");

    const lineage = await client.modelLineageSet({
      model,
      owner: builder.publicKey,
      entries: [{ source: "datanet", target: datanet, datanetVersion, shareBps: 5_000, proofAttributed: true }],
      ownerShareBps: 3_000,
      operatorShareBps: 2_000,
    });
    chain.sendOk(lineage.instructions, builder);
    // A proof-attributed model needs an attestor.
    const bare = await client.modelPublish({ model, owner: builder.publicKey });
    assert.equal(chain.sendErr(bare.instructions, builder).name, "AttestorMismatch");
    const publish = await client.modelPublish({ model, owner: builder.publicKey, attestor: attestor.publicKey });
    const ownerEarnings = await client.earningsInit({
      payer: builder.publicKey,
      beneficiary: builder.publicKey,
      role: EarningsRole.ModelOwner,
    });
    chain.sendOk([...publish.instructions, ...ownerEarnings.instructions], builder);
    const state = await client.fetchModel(model);
    assert.ok(state.attestor!.equals(attestor.publicKey));
    assert.equal(state.lineage[0].proofAttributed, true);
  });

  test("inference_pay: [epoch_open, inference_pay]; the epoch accrues and hashes every payment", async () => {
    chain.fund(mintAuthority, mint, user.publicKey, 100n * OPEN);
    index = await client.currentEpochIndex();
    epoch = epochPda(model, index);
    const quote = (calls: bigint) =>
      quoteInference({
        pricePerCall: PRICE,
        calls,
        protocolFeeBps: 250,
        lineageSharesBps: [5_000],
        ownerShareBps: 3_000,
        operatorShareBps: 2_000,
      });

    for (const [i, calls] of [3n, 5n, 1n].entries()) {
      // The second payment lets the client draw a random request id.
      const id = i === 1 ? undefined : requestId(`request-${i}`);
      const pay = await client.inferencePay({
        payer: user.publicKey,
        model,
        operator: operator.publicKey,
        calls,
        maxFee: PRICE * calls,
        requestId: id,
      });
      assert.equal(pay.instructions.length, 2);
      assert.equal(pay.epochIndex, index);
      assert.ok(pay.epoch!.equals(epoch));
      assert.ok(pay.instructions[0].programId.equals(ATTRIBUTION_PAYOUT_PROGRAM_ID));
      if (id) assert.deepEqual(pay.requestId, id);
      // The proof-attributed entry's account is the epoch, not the pool.
      const last = pay.instructions[1].keys.at(-1)!;
      assert.ok(last.pubkey.equals(epoch) && last.isWritable);

      const logs = chain.sendOk(pay.instructions, user);
      // epoch_open creates the epoch on the first payment only, and is a no-op afterwards.
      const opened = findEvents(logs, "attribution_payout", "epochOpened");
      assert.equal(opened.length, i === 0 ? 1 : 0);
      if (i === 0) {
        assert.equal(big(opened[0].index), index);
        assert.equal(big(opened[0].startsAt), index * 3_600n);
        assert.ok(opened[0].datanet.equals(datanet));
        assert.ok(opened[0].datanetVersion.equals(datanetVersion));
      }
      const [paid] = findEvents(logs, "attribution_payout", "inferencePaid");
      assert.equal(big(paid.epoch!), index);
      assert.deepEqual(Uint8Array.from(paid.requestId), pay.requestId);
      const amount = big(paid.lineage[0].amount);
      assert.equal(amount, quote(calls).lineage[0]);
      lineageAmounts.push(amount);
      expectedRecordsHash = await recordsHashNext(expectedRecordsHash, pay.requestId, amount);

      const state = await client.fetchEpoch(model, index);
      assert.equal(big(state.accrued), lineageAmounts.reduce((a, b) => a + b));
      assert.equal(Number(state.recordCount), i + 1);
      assert.deepEqual(Uint8Array.from(state.recordsHash), expectedRecordsHash);
      chain.advanceTime(60);
    }
    const state = await client.fetchEpoch(model, index);
    assert.ok("open" in state.status);
    assert.ok(state.rentPayer.equals(user.publicKey));
    assert.ok(state.datanetVersion.equals(datanetVersion));
    assert.equal(big(state.endsAt), (index + 1n) * 3_600n);
    // Nothing reached the pool: the proof-attributed share waits in the epoch.
    assert.equal(big((await client.fetchPool(datanetVersion)).totalCredited), 0n);
    epochRent = chain.lamports(epoch);
    assert.ok(epochRent > 0n);
  });

  test("attribution_root_post: EpochNotEnded before the end; then a root over two claimants", async () => {
    const state = await client.fetchEpoch(model, index);
    const accrued = big(state.accrued);
    // Alice 60 %, Bob 30 %; the unallocated 10 % goes to the pool when the root is posted.
    const aliceAmount = (accrued * 6n) / 10n;
    const bobAmount = (accrued * 3n) / 10n;
    allocation = await attributionAllocation(model, index, [
      { claimant: alice.publicKey, amount: aliceAmount },
      { claimant: bob.publicKey, amount: bobAmount },
    ]);
    const post = (signer: Keypair, recordsHash: Uint8Array = expectedRecordsHash) =>
      client.attributionRootPost({
        attestor: signer.publicKey,
        model,
        index,
        root: allocation.root,
        total: allocation.total,
        leafCount: allocation.leafCount,
        recordsHash,
      });

    assert.equal(chain.sendErr((await post(attestor)).instructions, attestor).name, "EpochNotEnded");

    chain.setTime(big(state.endsAt));
    assert.equal(await client.currentEpochIndex(), index + 1n);
    assert.equal(chain.sendErr((await post(operator)).instructions, operator).name, "NotAttestor");
    const wrongHash = await post(attestor, new Uint8Array(32).fill(9));
    assert.equal(chain.sendErr(wrongHash.instructions, attestor).name, "RecordsHashMismatch");

    const logs = chain.sendOk((await post(attestor)).instructions, attestor);
    const [posted] = findEvents(logs, "attribution_payout", "attributionRootPosted");
    assert.deepEqual(Uint8Array.from(posted.root), allocation.root);
    assert.equal(big(posted.total), aliceAmount + bobAmount);
    assert.equal(big(posted.returned), accrued - aliceAmount - bobAmount);
    const after = await client.fetchEpoch(model, index);
    assert.ok("posted" in after.status);
    assert.equal(big(after.claimsOpenAt), big(state.endsAt) + 600n);
    assert.equal(big(after.expiresAt), big(after.claimsOpenAt) + 3_600n);
    assert.equal(big((await client.fetchPool(datanetVersion)).totalCredited), big(posted.returned));
    // Once only.
    chain.advanceTime(1);
    assert.equal(chain.sendErr((await post(attestor)).instructions, attestor).name, "RootAlreadyPosted");
  });

  test("attribution_claim: after the challenge window, both claims by a cranker; forged and repeated claims fail", async () => {
    const [aliceClaim, bobClaim] = allocation.claims;
    const claim = (c: { claimant: PublicKey; amount: bigint; proof: Uint8Array[] }) =>
      client.attributionClaim({ cranker: cranker.publicKey, model, index, claimant: c.claimant, amount: c.amount, proof: c.proof });

    assert.equal(chain.sendErr((await claim(aliceClaim)).instructions, cranker).name, "ChallengeWindowOpen");
    chain.setTime(big((await client.fetchEpoch(model, index)).claimsOpenAt));

    const vaultBefore = chain.tokenBalance(vaultPda());
    const claimOk = async (c: typeof aliceClaim) => {
      const built = await claim(c);
      assert.ok(built.destination.equals(associatedTokenAddress(c.claimant, mint)));
      assert.ok(built.receipt.equals(receiptPda(epoch, c.claimant)));
      const logs = chain.sendOk(built.instructions, cranker);
      assert.equal(chain.tokenBalance(built.destination), c.amount);
      const [claimed] = findEvents(logs, "attribution_payout", "attributionClaimed");
      assert.ok(claimed.claimant.equals(c.claimant));
      assert.equal(big(claimed.amount), c.amount);
      const receipt = await client.fetchReceipt(epoch, c.claimant);
      assert.equal(big(receipt.amount), c.amount);
      assert.ok(receipt.rentPayer.equals(cranker.publicKey));
    };
    await claimOk(aliceClaim);

    // Forged claims (while Bob's share is still unclaimed): Carol with Bob's amount and proof is
    // no leaf of the root, nor is Bob with another amount.
    const carol = Keypair.generate().publicKey;
    const forged = await claim({ claimant: carol, amount: bobClaim.amount, proof: bobClaim.proof });
    assert.equal(chain.sendErr(forged.instructions, cranker).name, "InvalidProof");
    assert.equal(chain.exists(receiptPda(epoch, carol)), false);
    const altered = await claim({ ...bobClaim, amount: bobClaim.amount - 1n });
    assert.equal(chain.sendErr(altered.instructions, cranker).name, "InvalidProof");

    await claimOk(bobClaim);
    assert.equal(vaultBefore - chain.tokenBalance(vaultPda()), allocation.total);
    assert.equal(big((await client.fetchEpoch(model, index)).claimed), allocation.total);

    // Alice's own leaf, again: her receipt exists.
    const again = await claim(aliceClaim);
    assert.equal(chain.sendErr(again.instructions, cranker).name, "AlreadyClaimed");
    assert.equal(chain.tokenBalance(again.destination), aliceClaim.amount);
    // The leaf the program checks is merkle.ts's.
    assert.deepEqual(aliceClaim.leaf, await leaf(model, index, alice.publicKey, aliceClaim.amount));
  });

  test("after the claim window: epoch_close returns the epoch's rent to its payer, receipt_close the receipts' to the cranker", async () => {
    const state = await client.fetchEpoch(model, index);
    const early = await client.epochClose({ model, index });
    assert.equal(chain.sendErr(early.instructions, cranker).name, "ClaimPeriodNotOver");
    const stillOpen = await client.receiptClose({ epoch, claimant: alice.publicKey });
    assert.equal(chain.sendErr(stillOpen.instructions, cranker).name, "EpochStillOpen");

    chain.setTime(big(state.expiresAt));
    const userBefore = chain.lamports(user.publicKey);
    const close = await client.epochClose({ model, index });
    assert.ok(close.rentPayer.equals(user.publicKey));
    const logs = chain.sendOk(close.instructions, cranker);
    const [released] = findEvents(logs, "attribution_payout", "epochReleased");
    assert.equal(released.closed, true);
    assert.equal(big(released.amount), 0n); // everything allocated was claimed
    assert.equal(chain.lamports(user.publicKey) - userBefore, epochRent);
    assert.equal(chain.exists(epoch), false);
    assert.equal(await client.fetchEpochOrNull(model, index), null);

    const payer = chain.wallet();
    for (const claimant of [alice.publicKey, bob.publicKey]) {
      const receipt = receiptPda(epoch, claimant);
      const rent = chain.lamports(receipt);
      const crankerBefore = chain.lamports(cranker.publicKey);
      const built = await client.receiptClose({ epoch, claimant });
      assert.ok(built.rentPayer.equals(cranker.publicKey));
      const closed = chain.sendOk(built.instructions, payer);
      assert.equal(big(findEvents(closed, "attribution_payout", "receiptClosed")[0].rentReturned), rent);
      assert.equal(chain.lamports(cranker.publicKey) - crankerBefore, rent);
      assert.equal(await client.fetchReceiptOrNull(epoch, claimant), null);
    }
  });

  test("an epoch without a root: attribution_release after the deadline sends it all to the pool; then closed", async () => {
    const now = await client.currentEpochIndex();
    assert.equal(now, epochIndexAt(chain.now(), 3_600));
    const pay = await client.inferencePay({ payer: user.publicKey, model, operator: operator.publicKey, calls: 2, maxFee: PRICE * 2n });
    // A transaction built for an epoch that is no longer current fails at epoch_open.
    const stale = await client.inferencePay({
      payer: user.publicKey,
      model,
      operator: operator.publicKey,
      calls: 1,
      maxFee: PRICE,
      epochIndex: index,
    });
    assert.equal(chain.sendErr(stale.instructions, user).name, "NotCurrentEpoch");
    chain.sendOk(pay.instructions, user);
    const state = await client.fetchEpoch(model, now);
    const accrued = big(state.accrued);
    assert.ok(accrued > 0n);

    const early = await client.attributionRelease({ model, index: now });
    assert.equal(chain.sendErr(early.instructions, cranker).name, "RootDeadlineNotPassed");
    chain.setTime(big(state.endsAt) + 3_600n);
    const poolBefore = big((await client.fetchPool(datanetVersion)).totalCredited);
    const logs = chain.sendOk((await client.attributionRelease({ model, index: now })).instructions, cranker);
    const [released] = findEvents(logs, "attribution_payout", "epochReleased");
    assert.equal(big(released.amount), accrued);
    assert.equal(released.closed, false);
    assert.equal(big((await client.fetchPool(datanetVersion)).totalCredited) - poolBefore, accrued);
    assert.ok("released" in (await client.fetchEpoch(model, now)).status);

    const rent = chain.lamports(epochPda(model, now));
    const userBefore = chain.lamports(user.publicKey);
    chain.sendOk((await client.epochClose({ model, index: now })).instructions, cranker);
    assert.equal(chain.lamports(user.publicKey) - userBefore, rent);
    assert.equal(chain.exists(poolPda(datanetVersion)), true);
  });

  test("a root governance vetoes in its challenge window: the epoch goes to the pool; NotConfigAuthority for others", async () => {
    const now = await client.currentEpochIndex();
    chain.sendOk((await client.inferencePay({ payer: user.publicKey, model, operator: operator.publicKey, calls: 3, maxFee: PRICE * 3n })).instructions, user);
    const state = await client.fetchEpoch(model, now);
    const accrued = big(state.accrued);
    const grab = await attributionAllocation(model, now, [{ claimant: attestor.publicKey, amount: accrued }]);
    chain.setTime(big(state.endsAt));
    const post = await client.attributionRootPost({
      attestor: attestor.publicKey,
      model,
      index: now,
      root: grab.root,
      total: grab.total,
      leafCount: grab.leafCount,
      recordsHash: Uint8Array.from(state.recordsHash),
    });
    chain.sendOk(post.instructions, attestor);

    const byAttestor = await client.attributionRootVeto({ authority: attestor.publicKey, model, index: now, reason: 4 });
    assert.equal(chain.sendErr(byAttestor.instructions, attestor).name, "NotConfigAuthority");
    const poolBefore = big((await client.fetchPool(datanetVersion)).totalCredited);
    const veto = await client.attributionRootVeto({ authority: deployer.publicKey, model, index: now, reason: 4 });
    const [vetoed] = findEvents(chain.sendOk(veto.instructions, deployer), "attribution_payout", "attributionRootVetoed");
    assert.equal(big(vetoed.amount), accrued);
    assert.equal(vetoed.reason, 4);
    assert.equal(big((await client.fetchPool(datanetVersion)).totalCredited) - poolBefore, accrued);
    assert.ok("released" in (await client.fetchEpoch(model, now)).status);
  });

  test("a late position claims its full share: everything the epochs sent to the version's pool", async () => {
    const pool = poolPda(datanetVersion);
    const credited = big((await client.fetchPool(datanetVersion)).totalCredited);
    assert.ok(credited > 0n);
    // The version's one contribution enrols only now, after every credit: nothing was parked for
    // a first enrolment, nothing is lost to enrolling late.
    const enroll = await client.positionEnroll({ payer: cranker.publicKey, datanetVersion, contribution });
    const [enrolled] = findEvents(chain.sendOk(enroll.instructions, cranker), "attribution_payout", "positionEnrolled");
    assert.ok(enrolled.beneficiary.equals(scribe.publicKey));
    assert.equal(await client.positionClaimable(pool, contribution), credited);
    const [listed] = await client.positionsOf(scribe.publicKey);
    assert.equal(listed.claimable, credited);
    const claim = await client.positionClaim({ beneficiary: scribe.publicKey, positions: [{ datanetVersion, contribution }] });
    chain.sendOk(claim.instructions, scribe);
    assert.equal(chain.tokenBalance(claim.destination), credited);
    const after = await client.fetchPool(datanetVersion);
    assert.equal(big(after.totalClaimed), credited);
  });
});
