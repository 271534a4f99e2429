/**
 * Proof of Attribution epochs through the client against the built programs in LiteSVM: a model
 * whose datanet entry is proof-attributed, with a staked operator as its attestor; payments that
 * open the epoch, commit their outputs' hashes and extend its running records hash (checked
 * against merkle.ts), each numbered by the chain; the clock warped past the epoch's end, a root
 * over two contributions built with merkle.ts (committing its published inputs), the challenge
 * window, both claims with their proofs paid to the contributions' current contributors (one
 * handed over in between), a forged proof and a second claim refused; after the claim window,
 * epoch_close and receipt_close returning the rent. Then an epoch with no root, released; a
 * vetoed one; one paid twice under one request id (two records), whose root allocates to the
 * attestor's wallet, to its contribution in another datanet and to one submitted after the
 * version: each claim refused by name with nothing moved, the honest twin paid. Every part the
 * epochs did not attribute went to the pool of the datanet version the model cites, where the
 * version's contributions, enrolled only at the end, claim all of it. Every root is bonded: a tenth
 * of what it allocates, rounded up, from the attestor's account, back with the attestation's rent
 * once claims open (or the epoch is released), before the epoch can close. Bonded challenges on
 * fresh epochs: one upheld by the resolver after a stranger's attempts were refused (the
 * challenger's bond and half the attestor's to the challenger, the rest and the epoch's fees to
 * the pool, exactly), one dismissed (its bond to the attestor, the claim after the window), one
 * left to expire (both bonds back, the fees to the pool); a challenge window below a day refused
 * at config_init and config_update, exactly a day accepted.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { before, describe, test } from "node:test";
import { Keypair, PublicKey } from "@solana/web3.js";
import {
  ATTRIBUTION_PAYOUT_PROGRAM_ID,
  AttributionClient,
  attestationPda,
  attestorApprovalPda,
  attestorBond,
  bpsOf,
  BN,
  EarningsRole,
  OPEN,
  EMPTY_OUTPUT_HASH,
  OPEN_DECIMALS,
  RECORDS_HASH_START,
  type AttributionAllocation,
  associatedTokenAddress,
  attributionAllocation,
  epochIndexAt,
  epochPda,
  findEvents,
  leaf,
  outputHash,
  poolPda,
  quoteInference,
  receiptPda,
  recordsHashNext,
  vaultPda,
} from "@attribution-suite/client";
import { TestChain } from "./helpers/chain";
import { govern } from "./helpers/market";

const big = (v: { toString(): string }) => BigInt(v.toString());
const PRICE = 20_000_000n; // 0.02 OPEN per call
const MIN_STAKE = 1_000n * OPEN;
/** Hourly epochs; a root's claims open after the challenge window's floor, a day. */
const TIMING = { epochLengthSecs: 3_600, rootDeadlineSecs: 3_600, challengeWindowSecs: 86_400, claimWindowSecs: 3_600 };
const DAY = 86_400;
/** The unstake cooldown: at least the challenge window (here up to two days). */
const COOLDOWN = 2 * DAY;
/** Mid-2025, a little into an epoch. */
const START = 1_750_000_000n + 1_234n;
const requestId = (label: string) => Uint8Array.from(createHash("sha256").update(label).digest());
/** Where the tests' attestor publishes the inputs of its roots, and their hash. */
const inputsUri = (index: bigint) => `https://attestor.example/kjv-lm/epochs/${index}/inputs.json`;
const inputsHash = (index: bigint) => requestId(`inputs of epoch ${index}`);
/** The attestor's OPEN, beside its stake, for the bonds of its roots. */
const ATTESTOR_OPEN = 100n * OPEN;

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
  let heir: Keypair; // bob's contribution is handed to it before the claim
  let mint: PublicKey;
  let datanet: PublicKey;
  let datanetVersion: PublicKey;
  let scribe: Keypair;
  // The version's three contributions: the scribe's, alice's and bob's.
  let contribution: PublicKey;
  let aliceContribution: PublicKey;
  let bobContribution: PublicKey;
  let otherDatanet: PublicKey;
  let model: PublicKey;
  let index: bigint;
  let epoch: PublicKey;
  let allocation: AttributionAllocation;
  let epochRent: bigint;
  let repeated: bigint; // the epoch paid twice under one request id
  const lineageAmounts: bigint[] = [];
  let expectedRecordsHash = RECORDS_HASH_START;

  before(() => {
    chain = new TestChain();
    chain.setTime(START);
    client = new AttributionClient({ reader: chain.reader, programAccounts: chain.programAccounts });
    deployer = chain.upgradeAuthority;
    // The contributors sign their submissions, never their proof claims: the cranker brings their tokens.
    [treasury, mintAuthority, curator, builder, operator, attestor, user, cranker, scribe, alice, bob, heir] = Array.from(
      { length: 12 },
      () => chain.wallet(),
    );
  });

  test("setup: config with epoch timing (a challenge window below a day refused), an open datanet with three contributions, a version and its pool, a staked operator and attestor", async () => {
    mint = chain.createMint(mintAuthority, mintAuthority.publicKey, OPEN_DECIMALS);
    const args = {
      deployer: deployer.publicKey,
      mint,
      authority: deployer.publicKey,
      treasury: treasury.publicKey,
      protocolFeeBps: 250,
      minOperatorStake: MIN_STAKE,
      unstakeCooldownSecs: COOLDOWN,
      epochTiming: TIMING,
    };
    const short = await client.configInit({ ...args, epochTiming: { ...TIMING, challengeWindowSecs: DAY - 1 } });
    assert.equal(chain.sendErr(short.instructions, deployer).name, "InvalidEpochTiming");
    const init = await client.configInit(args);
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
    const submit = async (who: Keypair, verse: number) => {
      const submitted = await client.submitFile({
        datanet,
        contributor: who.publicKey,
        content: new TextEncoder().encode(`Genesis 1:${verse}`),
        uri: `ipfs://kjv/gen-1-${verse}`,
      });
      chain.sendOk(submitted.instructions, who);
      assert.ok("accepted" in (await client.fetchContribution(submitted.contribution)).status);
      return submitted.contribution;
    };
    contribution = await submit(scribe, 1);
    aliceContribution = await submit(alice, 2);
    bobContribution = await submit(bob, 3);
    const version = await client.datanetVersionPublish({
      datanet,
      authority: curator.publicKey,
      contributionsRoot: requestId("kjv v1"),
      uri: "ipfs://kjv/v1",
    });
    chain.sendOk(version.instructions, curator);
    datanetVersion = version.datanetVersion;
    assert.equal(big((await client.fetchPool(datanetVersion)).totalWeight), 3n);
    assert.equal(big((await client.fetchPool(datanetVersion)).acceptedEnd), 3n);

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
    // What the attestor bonds its roots with.
    chain.fund(mintAuthority, mint, attestor.publicKey, ATTESTOR_OPEN);
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
    otherDatanet = other.datanet;
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

  test("inference_pay: [epoch_open, inference_pay]; the epoch accrues, numbers and hashes every payment with its output", async () => {
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
      // The second payment lets the client draw a random request id and commits no output (the
      // default: the empty output's hash, which the engine attributes to nobody).
      const id = i === 1 ? undefined : requestId(`request-${i}`);
      const output = i === 1 ? undefined : await outputHash(`In the beginning God created the heaven and the earth (${i}).`);
      const pay = await client.inferencePay({
        payer: user.publicKey,
        model,
        operator: operator.publicKey,
        calls,
        maxFee: PRICE * calls,
        requestId: id,
        outputHash: output,
      });
      assert.equal(pay.instructions.length, 2);
      assert.equal(pay.epochIndex, index);
      assert.ok(pay.epoch!.equals(epoch));
      assert.ok(pay.instructions[0].programId.equals(ATTRIBUTION_PAYOUT_PROGRAM_ID));
      if (id) assert.deepEqual(pay.requestId, id);
      assert.deepEqual(pay.outputHash, output ?? EMPTY_OUTPUT_HASH);
      // The proof-attributed entry's account is the epoch, not the pool.
      const last = pay.instructions[1].keys.at(-1)!;
      assert.ok(last.pubkey.equals(epoch) && last.isWritable);

      const logs = chain.sendOk(pay.instructions, user, [operator]);
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
      // The chain numbers the epoch's records: this payment is record i.
      assert.equal(big(paid.record!), BigInt(i));
      assert.deepEqual(Uint8Array.from(paid.requestId), pay.requestId);
      assert.deepEqual(Uint8Array.from(paid.outputHash), pay.outputHash);
      const amount = big(paid.lineage[0].amount);
      assert.equal(amount, quote(calls).lineage[0]);
      lineageAmounts.push(amount);
      expectedRecordsHash = await recordsHashNext(expectedRecordsHash, pay.requestId, pay.outputHash, amount);

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

  test("attribution_root_post: AttestorNotApproved until the datanet's curator approves the attestor (NotAuthority for anyone else); EpochNotEnded before the end; then a root over two contributions, committing its inputs and bonded", async () => {
    const state = await client.fetchEpoch(model, index);
    const accrued = big(state.accrued);
    // Alice's contribution 60 %, Bob's 30 %; the unallocated 10 % goes to the pool when the root is posted.
    const aliceAmount = (accrued * 6n) / 10n;
    const bobAmount = (accrued * 3n) / 10n;
    allocation = await attributionAllocation(model, index, [
      { contribution: aliceContribution, amount: aliceAmount },
      { contribution: bobContribution, amount: bobAmount },
    ]);
    const post = (signer: Keypair, recordsHash: Uint8Array = expectedRecordsHash, uri = inputsUri(index)) =>
      client.attributionRootPost({
        attestor: signer.publicKey,
        model,
        index,
        root: allocation.root,
        total: allocation.total,
        leafCount: allocation.leafCount,
        recordsHash,
        inputsHash: inputsHash(index),
        inputsUri: uri,
      });

    // The model's owner named the attestor; the datanet's curator must allow it.
    assert.equal(chain.sendErr((await post(attestor)).instructions, attestor).name, "AttestorNotApproved");
    const byAttestor = await client.datanetAttestorApprove({ datanet, authority: attestor.publicKey, attestor: attestor.publicKey });
    assert.equal(chain.sendErr(byAttestor.instructions, attestor).name, "NotAuthority");
    const approve = await client.datanetAttestorApprove({ datanet, authority: curator.publicKey, attestor: attestor.publicKey });
    assert.ok(approve.approval.equals(attestorApprovalPda(datanet, attestor.publicKey)));
    chain.sendOk(approve.instructions, curator);
    const approval = (await client.fetchAttestorApprovalOrNull(datanet, attestor.publicKey))!;
    assert.ok(approval.datanet.equals(datanet) && approval.attestor.equals(attestor.publicKey) && approval.rentPayer.equals(curator.publicKey));
    assert.equal(chain.sendErr((await client.datanetAttestorApprove({ datanet, authority: curator.publicKey, attestor: attestor.publicKey })).instructions, curator).name, "AttestorAlreadyApproved");
    assert.equal(chain.sendErr((await post(attestor)).instructions, attestor).name, "EpochNotEnded");
    const attestorToken = associatedTokenAddress(attestor.publicKey, mint);
    const vaultBefore = chain.tokenBalance(vaultPda());

    chain.setTime(big(state.endsAt));
    assert.equal(await client.currentEpochIndex(), index + 1n);
    assert.equal(chain.sendErr((await post(operator)).instructions, operator).name, "NotAttestor");
    const wrongHash = await post(attestor, new Uint8Array(32).fill(9));
    assert.equal(chain.sendErr(wrongHash.instructions, attestor).name, "RecordsHashMismatch");
    // The inputs' URI: 1 to 200 bytes (bytes, not characters: 101 characters of 201 bytes are refused).
    for (const uri of ["", "é".repeat(100) + "x"]) {
      assert.equal(chain.sendErr((await post(attestor, expectedRecordsHash, uri)).instructions, attestor).name, "InvalidInputsUri");
    }

    const built = await post(attestor);
    assert.ok(built.attestation.equals(attestationPda(epoch)) && built.attestorToken.equals(attestorToken));
    const logs = chain.sendOk(built.instructions, attestor);
    const [posted] = findEvents(logs, "attribution_payout", "attributionRootPosted");
    // The attestor bonds a tenth of what the root allocates, rounded up, from its OPEN account into the vault.
    const bond = attestorBond(aliceAmount + bobAmount, 1_000);
    assert.equal(bond, (aliceAmount + bobAmount + 9n) / 10n);
    assert.equal(big(posted.attestorBond), bond);
    assert.equal(chain.tokenBalance(attestorToken), ATTESTOR_OPEN - bond);
    assert.equal(chain.tokenBalance(vaultPda()) - vaultBefore, bond);
    const attestation = await client.fetchAttestation(model, index);
    assert.ok(attestation.epoch.equals(epoch) && attestation.attestor.equals(attestor.publicKey));
    assert.equal(big(attestation.bond), bond);
    assert.ok(attestation.challenger.equals(PublicKey.default));
    assert.equal(big(attestation.challengerBond), 0n);
    assert.deepEqual(Uint8Array.from(posted.root), allocation.root);
    assert.equal(big(posted.total), aliceAmount + bobAmount);
    assert.equal(big(posted.returned), accrued - aliceAmount - bobAmount);
    assert.deepEqual(Uint8Array.from(posted.recordsHash), expectedRecordsHash);
    assert.deepEqual(Uint8Array.from(posted.inputsHash), inputsHash(index));
    assert.equal(posted.inputsUri, inputsUri(index));
    const after = await client.fetchEpoch(model, index);
    assert.ok("posted" in after.status);
    // The epoch keeps the inputs' hash (the URI is in the event only) and the cited version's bound.
    assert.deepEqual(Uint8Array.from(after.inputsHash), inputsHash(index));
    assert.equal(big(after.acceptedEnd), big((await client.fetchPool(datanetVersion)).acceptedEnd));
    assert.equal(big(after.acceptedEnd), 3n);
    assert.equal(big(after.claimsOpenAt), big(state.endsAt) + BigInt(DAY));
    assert.equal(big(after.expiresAt), big(after.claimsOpenAt) + 3_600n);
    assert.equal(big((await client.fetchPool(datanetVersion)).totalCredited), big(posted.returned));
    // Once only.
    chain.advanceTime(1);
    assert.equal(chain.sendErr((await post(attestor)).instructions, attestor).name, "RootAlreadyPosted");
  });

  test("attribution_claim: after the challenge window, both claims by a cranker, paid to each contribution's current contributor; forged and repeated claims fail", async () => {
    const [aliceClaim, bobClaim] = allocation.claims;
    const claim = (c: { contribution: PublicKey; amount: bigint; proof: Uint8Array[] }, contributor?: PublicKey) =>
      client.attributionClaim({ cranker: cranker.publicKey, model, index, contribution: c.contribution, amount: c.amount, proof: c.proof, contributor });

    assert.equal(chain.sendErr((await claim(aliceClaim)).instructions, cranker).name, "ChallengeWindowOpen");
    chain.setTime(big((await client.fetchEpoch(model, index)).claimsOpenAt));

    const vaultBefore = chain.tokenBalance(vaultPda());
    const claimOk = async (c: typeof aliceClaim, paidTo: PublicKey) => {
      const built = await claim(c);
      // The client read the contribution's contributor and paid into its ATA.
      assert.ok(built.contributor.equals(paidTo));
      assert.ok(built.destination.equals(associatedTokenAddress(paidTo, mint)));
      assert.ok(built.receipt.equals(receiptPda(epoch, c.contribution)));
      const logs = chain.sendOk(built.instructions, cranker);
      assert.equal(chain.tokenBalance(built.destination), c.amount);
      const [claimed] = findEvents(logs, "attribution_payout", "attributionClaimed");
      assert.ok(claimed.contribution.equals(c.contribution));
      assert.ok(claimed.paidTo.equals(paidTo));
      assert.equal(big(claimed.amount), c.amount);
      const receipt = await client.fetchReceipt(epoch, c.contribution);
      assert.ok(receipt.contribution.equals(c.contribution) && receipt.epoch.equals(epoch));
      assert.equal(big(receipt.amount), c.amount);
      assert.ok(receipt.rentPayer.equals(cranker.publicKey));
    };
    await claimOk(aliceClaim, alice.publicKey);

    // Forged claims (while Bob's share is still unclaimed): the scribe's contribution with Bob's
    // amount and proof is no leaf of the root, nor is Bob's contribution with another amount.
    const forged = await claim({ contribution, amount: bobClaim.amount, proof: bobClaim.proof });
    assert.equal(chain.sendErr(forged.instructions, cranker).name, "InvalidProof");
    assert.equal(chain.exists(receiptPda(epoch, contribution)), false);
    const altered = await claim({ ...bobClaim, amount: bobClaim.amount - 1n });
    assert.equal(chain.sendErr(altered.instructions, cranker).name, "InvalidProof");

    // Bob hands his contribution to his heir: the leaf follows the contribution, not Bob's wallet.
    const propose = await client.contributionTransferPropose({ contribution: bobContribution, contributor: bob.publicKey, newContributor: heir.publicKey });
    chain.sendOk(propose.instructions, bob);
    chain.sendOk((await client.contributionTransferAccept({ contribution: bobContribution, newContributor: heir.publicKey })).instructions, heir);
    // Into Bob's account it is refused; the client, reading the contribution, pays the heir.
    const stale = await claim(bobClaim, bob.publicKey);
    assert.equal(chain.sendErr(stale.instructions, cranker).name, "NotOwnTokenAccount");
    await claimOk(bobClaim, heir.publicKey);
    assert.equal(chain.tokenBalance(associatedTokenAddress(bob.publicKey, mint)), 0n);
    assert.equal(vaultBefore - chain.tokenBalance(vaultPda()), allocation.total);
    assert.equal(big((await client.fetchEpoch(model, index)).claimed), allocation.total);

    // Alice's contribution's leaf, again: its receipt exists.
    const again = await claim(aliceClaim);
    assert.equal(chain.sendErr(again.instructions, cranker).name, "AlreadyClaimed");
    assert.equal(chain.tokenBalance(again.destination), aliceClaim.amount);
    // The leaf the program checks is merkle.ts's.
    assert.deepEqual(aliceClaim.leaf, await leaf(model, index, aliceContribution, aliceClaim.amount));
  });

  test("after the claim window: the attestor's bond and the attestation's rent back to it, then epoch_close returns the epoch's rent to its payer, receipt_close the receipts' to the cranker", async () => {
    const state = await client.fetchEpoch(model, index);
    const early = await client.epochClose({ model, index });
    assert.equal(chain.sendErr(early.instructions, cranker).name, "ClaimPeriodNotOver");
    const stillOpen = await client.receiptClose({ epoch, contribution: aliceContribution });
    assert.equal(chain.sendErr(stillOpen.instructions, cranker).name, "EpochStillOpen");

    chain.setTime(big(state.expiresAt));
    // The epoch closes only once its attestation has: the attestor's bond is still in the vault.
    assert.equal(chain.sendErr((await client.epochClose({ model, index })).instructions, cranker).name, "AttestorBondHeld");
    const { bond } = await client.fetchAttestation(model, index);
    const attestorToken = associatedTokenAddress(attestor.publicKey, mint);
    const [tokenBefore, lamportsBefore, rent] = [chain.tokenBalance(attestorToken), chain.lamports(attestor.publicKey), chain.lamports(attestationPda(epoch))];
    // Anyone closes it; the attestor is read from the attestation.
    const release = await client.attestationClose({ model, index });
    assert.ok(release.attestor.equals(attestor.publicKey) && release.attestorToken.equals(attestorToken));
    const [closedAttestation] = findEvents(chain.sendOk(release.instructions, cranker), "attribution_payout", "attestationClosed");
    assert.equal(big(closedAttestation.bondReturned), big(bond));
    assert.equal(big(closedAttestation.rentReturned), rent);
    assert.equal(chain.tokenBalance(attestorToken) - tokenBefore, big(bond));
    assert.equal(chain.lamports(attestor.publicKey) - lamportsBefore, rent);
    assert.equal(await client.fetchAttestationOrNull(model, index), null);

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
    for (const paid of [aliceContribution, bobContribution]) {
      const receipt = receiptPda(epoch, paid);
      const rent = chain.lamports(receipt);
      const crankerBefore = chain.lamports(cranker.publicKey);
      const built = await client.receiptClose({ epoch, contribution: paid });
      assert.ok(built.rentPayer.equals(cranker.publicKey));
      const [closed] = findEvents(chain.sendOk(built.instructions, payer), "attribution_payout", "receiptClosed");
      assert.ok(closed.receipt.equals(receipt) && closed.epoch.equals(epoch) && closed.contribution.equals(paid));
      assert.equal(big(closed.rentReturned), rent);
      assert.equal(chain.lamports(cranker.publicKey) - crankerBefore, rent);
      assert.equal(await client.fetchReceiptOrNull(epoch, paid), null);
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
    assert.equal(chain.sendErr(stale.instructions, user, [operator]).name, "NotCurrentEpoch");
    chain.sendOk(pay.instructions, user, [operator]);
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

  test("a root governance vetoes in its challenge window: the epoch goes to the pool, the attestor's bond can come back (a veto slashes nothing); NotConfigAuthority for others", async () => {
    const now = await client.currentEpochIndex();
    chain.sendOk((await client.inferencePay({ payer: user.publicKey, model, operator: operator.publicKey, calls: 3, maxFee: PRICE * 3n })).instructions, user, [operator]);
    const state = await client.fetchEpoch(model, now);
    const accrued = big(state.accrued);
    // A root whose one leaf names the attestor's own wallet: no claim could pay it (see below), and
    // governance strikes it down anyway.
    const grab = await attributionAllocation(model, now, [{ contribution: attestor.publicKey, amount: accrued }]);
    chain.setTime(big(state.endsAt));
    const post = await client.attributionRootPost({
      attestor: attestor.publicKey,
      model,
      index: now,
      root: grab.root,
      total: grab.total,
      leafCount: grab.leafCount,
      recordsHash: Uint8Array.from(state.recordsHash),
      inputsHash: inputsHash(now),
      inputsUri: inputsUri(now),
    });
    chain.sendOk(post.instructions, attestor);

    const byAttestor = await client.attributionRootVeto({ guardian: attestor.publicKey, model, index: now, reason: 4 });
    assert.equal(chain.sendErr(byAttestor.instructions, attestor).name, "NotGuardian");
    const poolBefore = big((await client.fetchPool(datanetVersion)).totalCredited);
    const veto = await client.attributionRootVeto({ guardian: deployer.publicKey, model, index: now, reason: 4 });
    const [vetoed] = findEvents(chain.sendOk(veto.instructions, deployer), "attribution_payout", "attributionRootVetoed");
    assert.equal(big(vetoed.amount), accrued);
    assert.equal(vetoed.reason, 4);
    assert.equal(big((await client.fetchPool(datanetVersion)).totalCredited) - poolBefore, accrued);
    assert.ok("released" in (await client.fetchEpoch(model, now)).status);
    // Released: the bond is unlocked at once, before the challenge window would have ended.
    const attestorToken = associatedTokenAddress(attestor.publicKey, mint);
    const tokenBefore = chain.tokenBalance(attestorToken);
    chain.sendOk((await client.attestationClose({ model, index: now })).instructions, cranker);
    assert.equal(chain.tokenBalance(attestorToken) - tokenBefore, attestorBond(accrued, 1_000));
    chain.sendOk((await client.epochClose({ model, index: now })).instructions, cranker);
  });

  test("a repeated request id: two records of one epoch (record 0 and 1), both in its records hash", async () => {
    repeated = await client.currentEpochIndex();
    const id = requestId("the same request, twice");
    const output = await outputHash("And God said, Let there be light: and there was light.");
    let hash = RECORDS_HASH_START;
    for (const [record, calls] of [2n, 4n].entries()) {
      const pay = await client.inferencePay({ payer: user.publicKey, model, operator: operator.publicKey, calls, maxFee: PRICE * calls, requestId: id, outputHash: output });
      const [paid] = findEvents(chain.sendOk(pay.instructions, user, [operator]), "attribution_payout", "inferencePaid");
      assert.equal(big(paid.epoch!), repeated);
      assert.equal(big(paid.record!), BigInt(record));
      assert.deepEqual(Uint8Array.from(paid.requestId), id);
      assert.deepEqual(Uint8Array.from(paid.outputHash), output);
      hash = await recordsHashNext(hash, id, output, big(paid.lineage[0].amount));
      chain.advanceTime(60);
    }
    const state = await client.fetchEpoch(model, repeated);
    assert.equal(big(state.recordCount), 2n);
    assert.deepEqual(Uint8Array.from(state.recordsHash), hash);
  });

  test("a root allocating to the attestor's wallet, to its contribution in another datanet, to one it submitted after the version: each claim refused by name, nothing moves; the honest twin pays its contributor", async () => {
    const state = await client.fetchEpoch(model, repeated);
    const accrued = big(state.accrued);
    // The attestor's own contributions: one in another (open) datanet, one in this datanet after version 1.
    const elsewhere = await client.submitFile({ datanet: otherDatanet, contributor: attestor.publicKey, content: new TextEncoder().encode("the attestor's, elsewhere"), uri: "ipfs://o/2" });
    const late = await client.submitFile({ datanet, contributor: attestor.publicKey, content: new TextEncoder().encode("the attestor's, after version 1"), uri: "ipfs://kjv/late" });
    chain.sendOk([...elsewhere.instructions, ...late.instructions], attestor);
    assert.ok("accepted" in (await client.fetchContribution(elsewhere.contribution)).status);
    assert.equal(big((await client.fetchContribution(late.contribution)).acceptedSeq), 3n);
    // A quarter each: the attestor's wallet, its two contributions, and the scribe's contribution (the honest twin).
    const share = accrued / 4n;
    const targets = [attestor.publicKey, elsewhere.contribution, late.contribution, contribution];
    const grab = await attributionAllocation(model, repeated, targets.map((t) => ({ contribution: t, amount: share })));
    chain.setTime(big(state.endsAt));
    const post = await client.attributionRootPost({
      attestor: attestor.publicKey,
      model,
      index: repeated,
      root: grab.root,
      total: grab.total,
      leafCount: grab.leafCount,
      recordsHash: Uint8Array.from(state.recordsHash),
      inputsHash: inputsHash(repeated),
      inputsUri: inputsUri(repeated),
    });
    chain.sendOk(post.instructions, attestor);
    const posted = await client.fetchEpoch(model, repeated);
    chain.setTime(big(posted.claimsOpenAt));

    const epochKey = epochPda(model, repeated);
    const attestorToken = chain.fund(mintAuthority, mint, attestor.publicKey, 0n);
    const snapshot = async () => ({
      vault: chain.tokenBalance(vaultPda()),
      attestor: chain.tokenBalance(attestorToken),
      claimed: big((await client.fetchEpoch(model, repeated)).claimed),
    });
    const before = await snapshot();
    const claim = (i: number, contributor?: PublicKey) =>
      client.attributionClaim({ cranker: cranker.publicKey, model, index: repeated, contribution: targets[i], amount: share, proof: grab.claims[i].proof, contributor });

    // A wallet is no contribution: the client has no contributor to read, and the program refuses the account.
    await assert.rejects(() => claim(0));
    assert.equal(chain.sendErr((await claim(0, attestor.publicKey)).instructions, cranker).name, "AccountOwnedByWrongProgram");
    // The client reads the attestor as the contributor of both; the program refuses them.
    const foreign = await claim(1);
    assert.ok(foreign.contributor.equals(attestor.publicKey) && foreign.destination.equals(attestorToken));
    assert.equal(chain.sendErr(foreign.instructions, cranker).name, "ContributionOfAnotherDatanet");
    assert.equal(chain.sendErr((await claim(2)).instructions, cranker).name, "NotInVersion");
    assert.deepEqual(await snapshot(), before);
    for (const t of targets.slice(0, 3)) assert.equal(chain.exists(receiptPda(epochKey, t)), false);

    // The honest twin: the scribe's contribution, accepted in version 1, is paid to the scribe.
    const scribeToken = associatedTokenAddress(scribe.publicKey, mint);
    const scribeBefore = chain.tokenBalance(scribeToken);
    const honest = await claim(3);
    const [claimed] = findEvents(chain.sendOk(honest.instructions, cranker), "attribution_payout", "attributionClaimed");
    assert.ok(claimed.contribution.equals(contribution) && claimed.paidTo.equals(scribe.publicKey));
    assert.equal(chain.tokenBalance(scribeToken) - scribeBefore, share);
    assert.equal(before.vault - chain.tokenBalance(vaultPda()), share);
    assert.equal(chain.tokenBalance(attestorToken), before.attestor);

    // What the refused leaves were allocated goes to the version's pool at close, never to the
    // attestor: it gets back its bond (nobody challenged the root), nothing more.
    chain.setTime(big(posted.expiresAt));
    chain.sendOk((await client.attestationClose({ model, index: repeated })).instructions, cranker);
    assert.equal(chain.tokenBalance(attestorToken) - before.attestor, attestorBond(4n * share, 1_000));
    const poolBefore = big((await client.fetchPool(datanetVersion)).totalCredited);
    const [released] = findEvents(chain.sendOk((await client.epochClose({ model, index: repeated })).instructions, cranker), "attribution_payout", "epochReleased");
    assert.equal(big(released.amount), 3n * share);
    assert.equal(big((await client.fetchPool(datanetVersion)).totalCredited) - poolBefore, 3n * share);
    assert.equal(chain.tokenBalance(attestorToken) - before.attestor, attestorBond(4n * share, 1_000));
  });

  test("late positions claim their full shares: everything the epochs sent to the version's pool", async () => {
    const pool = poolPda(datanetVersion);
    const credited = big((await client.fetchPool(datanetVersion)).totalCredited);
    assert.ok(credited > 0n);
    // The version's three contributions (weight 1 each) enrol only now, after every credit:
    // nothing was parked for a first enrolment, nothing is lost to enrolling late.
    const holders: [PublicKey, Keypair][] = [
      [contribution, scribe],
      [aliceContribution, alice],
      [bobContribution, heir],
    ];
    let owed = 0n;
    for (const [c, holder] of holders) {
      const enroll = await client.positionEnroll({ payer: cranker.publicKey, datanetVersion, contribution: c });
      const [enrolled] = findEvents(chain.sendOk(enroll.instructions, cranker), "attribution_payout", "positionEnrolled");
      assert.ok(enrolled.beneficiary.equals(holder.publicKey));
      const claimable = await client.positionClaimable(pool, c);
      assert.ok(credited / 3n - claimable < 2n, `${claimable} of ${credited}`);
      owed += claimable;
    }
    assert.ok(owed <= credited && credited - owed < 3n, `${owed} of ${credited}`);
    const [listed] = await client.positionsOf(scribe.publicKey);
    const scribeOwed = await client.positionClaimable(pool, contribution);
    assert.equal(listed.claimable, scribeOwed);
    const claim = await client.positionClaim({ beneficiary: scribe.publicKey, positions: [{ datanetVersion, contribution }] });
    const scribeBefore = chain.tokenBalance(claim.destination);
    chain.sendOk(claim.instructions, scribe);
    assert.equal(chain.tokenBalance(claim.destination) - scribeBefore, scribeOwed);
    assert.equal(big((await client.fetchPool(datanetVersion)).totalClaimed), scribeOwed);
  });

  // ---------------------------------------------------------------- bonded challenges

  /**
   * A new epoch of the model, paid `calls`, ended, and its root posted by the attestor: 60 % of
   * what it accrued to Alice's contribution. Its index, accrual, allocation and the attestor's bond.
   */
  const postedEpoch = async (calls: bigint) => {
    const at = await client.currentEpochIndex();
    chain.sendOk((await client.inferencePay({ payer: user.publicKey, model, operator: operator.publicKey, calls, maxFee: PRICE * calls })).instructions, user, [operator]);
    const state = await client.fetchEpoch(model, at);
    const accrued = big(state.accrued);
    const alloc = await attributionAllocation(model, at, [{ contribution: aliceContribution, amount: (accrued * 6n) / 10n }]);
    chain.setTime(big(state.endsAt));
    const post = await client.attributionRootPost({
      attestor: attestor.publicKey,
      model,
      index: at,
      root: alloc.root,
      total: alloc.total,
      leafCount: alloc.leafCount,
      recordsHash: Uint8Array.from(state.recordsHash),
      inputsHash: inputsHash(at),
      inputsUri: inputsUri(at),
    });
    const [posted] = findEvents(chain.sendOk(post.instructions, attestor), "attribution_payout", "attributionRootPosted");
    assert.equal(big(posted.attestorBond), attestorBond(alloc.total, 1_000));
    return { index: at, accrued, allocation: alloc, bond: big(posted.attestorBond) };
  };
  /** A new wallet holding exactly the config's challenge bond (the minimum operator stake), and its OPEN account. */
  const challengerWallet = async () => {
    const { challenge } = await client.fetchConfig();
    assert.equal(big(challenge.challengeBond), MIN_STAKE);
    const wallet = chain.wallet();
    const token = chain.fund(mintAuthority, mint, wallet.publicKey, MIN_STAKE);
    return { wallet, token };
  };
  const attestorToken = () => associatedTokenAddress(attestor.publicKey, mint);
  const credited = async () => big((await client.fetchPool(datanetVersion)).totalCredited);

  test("an upheld challenge: a stranger resolving is refused (NotResolver, nothing moves), no claim, veto or second challenge meanwhile; the resolver upholds: the challenger's bond and half the attestor's back to it, the rest and the epoch's fees to the pool", async () => {
    const { index: at, accrued, allocation: alloc, bond } = await postedEpoch(4n);
    const { wallet: challenger, token: challengerToken } = await challengerWallet();
    const returnedAtPost = accrued - alloc.total;
    const [attestorBefore, vaultBefore] = [chain.tokenBalance(attestorToken()), chain.tokenBalance(vaultPda())];
    const poolBefore = await credited();

    // Challenged inside the window, naming the leaf it disputes.
    const disputed = alloc.claims[0].leaf;
    const built = await client.epochChallenge({ challenger: challenger.publicKey, model, index: at, disputed });
    assert.ok(built.challengerToken.equals(challengerToken));
    const [challenged] = findEvents(chain.sendOk(built.instructions, challenger), "attribution_payout", "epochChallenged");
    const { challenge } = await client.fetchConfig();
    assert.equal(big(challenged.bond), MIN_STAKE);
    assert.deepEqual(Uint8Array.from(challenged.disputed), disputed);
    assert.equal(big(challenged.resolveBy), chain.now() + big(challenge.resolveWindowSecs));
    assert.equal(chain.tokenBalance(challengerToken), 0n);
    assert.equal(chain.tokenBalance(vaultPda()) - vaultBefore, MIN_STAKE);
    assert.ok("challenged" in (await client.fetchEpoch(model, at)).status);
    const attestation = await client.fetchAttestation(model, at);
    assert.ok(attestation.challenger.equals(challenger.publicKey));
    assert.equal(big(attestation.challengerBond), MIN_STAKE);
    assert.equal(attestation.challengeRewardBps, 5_000);

    // One challenge at a time; no veto; no claim, even once the window is over.
    const other = await challengerWallet();
    const second = await client.epochChallenge({ challenger: other.wallet.publicKey, model, index: at, disputed: aliceContribution });
    assert.equal(chain.sendErr(second.instructions, other.wallet).name, "RootChallenged");
    const veto = await client.attributionRootVeto({ guardian: deployer.publicKey, model, index: at, reason: 1 });
    assert.equal(chain.sendErr(veto.instructions, deployer).name, "RootChallenged");
    chain.setTime(big((await client.fetchEpoch(model, at)).claimsOpenAt));
    const claim = await client.attributionClaim({ cranker: cranker.publicKey, model, index: at, contribution: aliceContribution, amount: alloc.claims[0].amount, proof: alloc.claims[0].proof });
    assert.equal(chain.sendErr(claim.instructions, cranker).name, "RootChallenged");
    assert.equal(chain.sendErr((await client.attestationClose({ model, index: at })).instructions, cranker).name, "BondLocked");

    // A stranger resolving, either way: NotResolver, nothing moves.
    const snapshot = async () => [chain.tokenBalance(challengerToken), chain.tokenBalance(attestorToken()), chain.tokenBalance(vaultPda()), await credited()];
    const before = await snapshot();
    for (const outcome of ["upheld", "dismissed"] as const) {
      const stranger = await client.epochChallengeEnd({ signer: cranker.publicKey, model, index: at, outcome });
      assert.equal(chain.sendErr(stranger.instructions, cranker).name, "NotResolver");
    }
    // Nor can the resolver pay another wallet's account than the challenger's.
    const elsewhere = await client.epochChallengeEnd({ signer: deployer.publicKey, model, index: at, outcome: "upheld", challengerToken: other.token });
    assert.equal(chain.sendErr(elsewhere.instructions, deployer).name, "NotOwnTokenAccount");
    assert.deepEqual(await snapshot(), before);
    assert.ok("challenged" in (await client.fetchEpoch(model, at)).status);

    // The honest twin: the resolver (the config's authority at config_init) upholds it, paying the
    // challenger's account, which the client reads from the attestation.
    const uphold = await client.epochChallengeEnd({ signer: deployer.publicKey, model, index: at, outcome: "upheld" });
    assert.ok(uphold.challengerToken.equals(challengerToken));
    const [ended] = findEvents(chain.sendOk(uphold.instructions, deployer), "attribution_payout", "epochChallengeEnded");
    const reward = bpsOf(bond, 5_000);
    assert.ok("upheld" in ended.outcome && ended.challenger.equals(challenger.publicKey));
    assert.deepEqual(
      [big(ended.toChallenger), big(ended.slashedToPool), big(ended.returned), big(ended.attestorBond)],
      [MIN_STAKE + reward, bond - reward, alloc.total, 0n],
    );
    // The challenger: its bond and half the attestor's. The pool: the other half, and what the root allocated.
    assert.equal(chain.tokenBalance(challengerToken), MIN_STAKE + reward);
    assert.equal((await credited()) - poolBefore, bond - reward + alloc.total);
    assert.equal((await credited()) - poolBefore + returnedAtPost, accrued + bond - reward);
    assert.equal(chain.tokenBalance(vaultPda()), vaultBefore - reward);
    const state = await client.fetchEpoch(model, at);
    assert.ok("released" in state.status);
    assert.equal(big(state.returned), accrued);

    // The attestor gets its attestation's rent back, and none of its bond; then the epoch closes.
    const rent = chain.lamports(attestationPda(epochPda(model, at)));
    const lamportsBefore = chain.lamports(attestor.publicKey);
    const [closed] = findEvents(chain.sendOk((await client.attestationClose({ model, index: at })).instructions, cranker), "attribution_payout", "attestationClosed");
    assert.equal(big(closed.bondReturned), 0n);
    assert.equal(chain.tokenBalance(attestorToken()), attestorBefore);
    assert.equal(chain.lamports(attestor.publicKey) - lamportsBefore, rent);
    const [released] = findEvents(chain.sendOk((await client.epochClose({ model, index: at })).instructions, cranker), "attribution_payout", "epochReleased");
    assert.equal(big(released.amount), 0n);
  });

  test("a dismissed challenge: the challenger's bond joins the attestor's, locked until claims open; then the claim goes ahead and the attestor gets both bonds", async () => {
    const { index: at, allocation: alloc, bond } = await postedEpoch(3n);
    const { wallet: challenger, token: challengerToken } = await challengerWallet();
    const attestorBefore = chain.tokenBalance(attestorToken());
    // It names a contribution the root left out (a missing leaf): the scribe's.
    chain.sendOk((await client.epochChallenge({ challenger: challenger.publicKey, model, index: at, disputed: contribution })).instructions, challenger);
    assert.deepEqual(Uint8Array.from((await client.fetchAttestation(model, at)).disputed), contribution.toBytes());

    const dismiss = await client.epochChallengeEnd({ signer: deployer.publicKey, model, index: at, outcome: "dismissed" });
    const [ended] = findEvents(chain.sendOk(dismiss.instructions, deployer), "attribution_payout", "epochChallengeEnded");
    assert.deepEqual([big(ended.toChallenger), big(ended.slashedToPool), big(ended.returned), big(ended.attestorBond)], [0n, 0n, 0n, bond + MIN_STAKE]);
    assert.equal(chain.tokenBalance(challengerToken), 0n);
    assert.ok("posted" in (await client.fetchEpoch(model, at)).status);
    const again = await client.epochChallengeEnd({ signer: deployer.publicKey, model, index: at, outcome: "upheld", challengerToken });
    assert.equal(chain.sendErr(again.instructions, deployer).name, "NotChallenged");

    // Locked, and no claim, until the challenge window ends; a challenge after it is too late.
    assert.equal(chain.sendErr((await client.attestationClose({ model, index: at })).instructions, cranker).name, "BondLocked");
    const claim = () => client.attributionClaim({ cranker: cranker.publicKey, model, index: at, contribution: aliceContribution, amount: alloc.claims[0].amount, proof: alloc.claims[0].proof });
    assert.equal(chain.sendErr((await claim()).instructions, cranker).name, "ChallengeWindowOpen");
    chain.setTime(big((await client.fetchEpoch(model, at)).claimsOpenAt));
    const late = await challengerWallet();
    const tooLate = await client.epochChallenge({ challenger: late.wallet.publicKey, model, index: at, disputed: contribution });
    assert.equal(chain.sendErr(tooLate.instructions, late.wallet).name, "ChallengeWindowClosed");
    const aliceToken = associatedTokenAddress(alice.publicKey, mint);
    const aliceBefore = chain.tokenBalance(aliceToken);
    chain.sendOk((await claim()).instructions, cranker);
    assert.equal(chain.tokenBalance(aliceToken) - aliceBefore, alloc.claims[0].amount);

    const [closed] = findEvents(chain.sendOk((await client.attestationClose({ model, index: at })).instructions, cranker), "attribution_payout", "attestationClosed");
    assert.equal(big(closed.bondReturned), bond + MIN_STAKE);
    assert.equal(chain.tokenBalance(attestorToken()) - attestorBefore, bond + MIN_STAKE);
  });

  test("an expired challenge: only the resolver before its deadline (ResolveDeadlineNotPassed for anyone), not even it after (ResolveDeadlinePassed); then anyone ends it: both bonds back, the epoch's fees to the pool", async () => {
    const { index: at, accrued, allocation: alloc, bond } = await postedEpoch(2n);
    const { wallet: challenger, token: challengerToken } = await challengerWallet();
    const attestorBefore = chain.tokenBalance(attestorToken());
    const poolBefore = await credited();
    chain.sendOk((await client.epochChallenge({ challenger: challenger.publicKey, model, index: at, disputed: alloc.claims[0].leaf })).instructions, challenger);
    const expire = () => client.epochChallengeEnd({ signer: cranker.publicKey, model, index: at, outcome: "expired" });
    assert.equal(chain.sendErr((await expire()).instructions, cranker).name, "ResolveDeadlineNotPassed");

    chain.setTime(big((await client.fetchAttestation(model, at)).resolveBy));
    const tooLate = await client.epochChallengeEnd({ signer: deployer.publicKey, model, index: at, outcome: "upheld" });
    assert.equal(chain.sendErr(tooLate.instructions, deployer).name, "ResolveDeadlinePassed");
    const [ended] = findEvents(chain.sendOk((await expire()).instructions, cranker), "attribution_payout", "epochChallengeEnded");
    assert.ok("expired" in ended.outcome);
    assert.deepEqual([big(ended.toChallenger), big(ended.slashedToPool), big(ended.returned), big(ended.attestorBond)], [MIN_STAKE, 0n, alloc.total, bond]);
    // The static fallback: everything the epoch accrued is the pool's (the unallocated part since the post).
    assert.equal(chain.tokenBalance(challengerToken), MIN_STAKE);
    assert.equal((await credited()) - poolBefore, alloc.total);
    assert.equal(big((await client.fetchEpoch(model, at)).returned), accrued);
    chain.sendOk((await client.attestationClose({ model, index: at })).instructions, cranker);
    assert.equal(chain.tokenBalance(attestorToken()), attestorBefore + bond);
  });

  test("a queued change: a challenge window below a day refused (InvalidEpochTiming), exactly a day accepted; the epochs opened then keep it", async () => {
    const update = (challengeWindowSecs: number) => ({ update: { epochTiming: { ...TIMING, challengeWindowSecs } } });
    await govern(chain, client, deployer, update(2 * DAY));
    assert.equal(Number((await client.fetchConfig()).challengeWindowSecs), 2 * DAY);
    const below = await client.actionQueue({ authority: deployer.publicKey, action: update(DAY - 1) });
    assert.equal(chain.sendErr(below.instructions, deployer).name, "InvalidEpochTiming");
    assert.equal(Number((await client.fetchConfig()).challengeWindowSecs), 2 * DAY);
    await govern(chain, client, deployer, update(DAY));
    assert.equal(Number((await client.fetchConfig()).challengeWindowSecs), DAY);
    const { index: at } = await postedEpoch(1n);
    const state = await client.fetchEpoch(model, at);
    assert.equal(big(state.challengeWindowSecs), BigInt(DAY));
    assert.equal(big(state.claimsOpenAt), big(state.postedAt) + BigInt(DAY));
  });

  test("the curator revokes the attestor: its next root is refused (AttestorNotApproved), the epoch stays open; the approval's rent back to the curator", async () => {
    const at = await client.currentEpochIndex();
    chain.sendOk((await client.inferencePay({ payer: user.publicKey, model, operator: operator.publicKey, calls: 1n, maxFee: PRICE })).instructions, user, [operator]);
    const approval = attestorApprovalPda(datanet, attestor.publicKey);
    const rent = chain.lamports(approval);
    const curatorBefore = chain.lamports(curator.publicKey);
    const revoke = await client.datanetAttestorRevoke({ datanet, authority: curator.publicKey, attestor: attestor.publicKey });
    assert.ok(revoke.rentPayer.equals(curator.publicKey));
    const payer = chain.wallet(); // pays the fee, so that the curator's lamports move by the rent only
    chain.sendOk(revoke.instructions, payer, [curator]);
    assert.equal(chain.lamports(curator.publicKey) - curatorBefore, rent);
    assert.equal(await client.fetchAttestorApprovalOrNull(datanet, attestor.publicKey), null);

    const state = await client.fetchEpoch(model, at);
    const alloc = await attributionAllocation(model, at, [{ contribution: aliceContribution, amount: big(state.accrued) }]);
    chain.setTime(big(state.endsAt));
    const attestorBefore = chain.tokenBalance(attestorToken());
    const post = await client.attributionRootPost({
      attestor: attestor.publicKey,
      model,
      index: at,
      root: alloc.root,
      total: alloc.total,
      leafCount: alloc.leafCount,
      recordsHash: Uint8Array.from(state.recordsHash),
      inputsHash: inputsHash(at),
      inputsUri: inputsUri(at),
    });
    assert.equal(chain.sendErr(post.instructions, attestor).name, "AttestorNotApproved");
    assert.ok("open" in (await client.fetchEpoch(model, at)).status);
    assert.equal(chain.tokenBalance(attestorToken()), attestorBefore);
  });
});
