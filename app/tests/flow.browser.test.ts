/**
 * The dApp in a real browser (Debian's chromium through playwright-core) against the local
 * validator with the three programs: one walk through the whole flow — connect the test wallet,
 * create a datanet, contribute a file, review it, publish versions (the chain counts them and
 * fixes their total weight; each gets its pool), the curator clearing a squatter's rejected copy
 * of a content hash, create and publish a model (the lineage editor cites the latest version),
 * register and stake an operator, pay (committing the output received by its hash), pay a
 * proof-attributed model (the page shows the record number the chain gave each payment), enroll
 * late, claim, claim everything over two versions
 * in one approval, hand a contribution with earnings to another wallet (which accepts, and whose
 * claim everything syncs its positions and is paid what they accrued), a datanet with a contributor
 * bond (the submit form shows it and posts it; not enough OPEN is said first), the curator's spam
 * flag (the bond to the treasury, status flagged, out of the next version) and a bond refunded once
 * a version contains its contribution, a model handed over (proposed on its page, accepted from the
 * new owner's Earnings page) and the new owner's emptied earnings account closed, its rent back — checking after each step both the chain (web3.js
 * Connection: accounts and balances) and what the page shows; claim-everything packing; the Usage page from the
 * programs' events and from the KPI indexer's API (`attribution index --follow --serve` over the validator);
 * price and retirement; and the
 * error paths: a rejected signature, a fee above the max, a claim with nothing owed, insufficient
 * OPEN, a duplicate contribution, an unreachable RPC.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, test } from "node:test";
import {
  AttributionClient,
  BN,
  EMPTY_OUTPUT_HASH,
  EarningsRole,
  OPEN,
  accrue,
  actionPda,
  associatedTokenAddress,
  attestationPda,
  attestorBond,
  attributionAllocation,
  bpsOf,
  bondVaultPda,
  contributionPda,
  datanetPda,
  datanetVersionPda,
  earningsPda,
  epochPda,
  escrowPda,
  findEvents,
  merkleRoot,
  modelPda,
  operatorPda,
  packInstructions,
  poolPda,
  positionPda,
  recordsHash,
  signVoucher,
  stakeVaultPda,
  vaultPda,
  voucherMessage,
  voucherToJson,
} from "@attribution-suite/client";
import { Keypair, PublicKey, type TransactionInstruction } from "@solana/web3.js";
import type { Page } from "playwright-core";
import { type Kpis, fetchKpis } from "../src/lib/kpis";
import { fundedWallet, mintOpen, send, timeTravel } from "../scripts/node-chain";
import { type World, startIndexer, startWorld } from "./harness";
import { appUrl, confirmed, go, txResult, useWallet } from "./ui";

const big = (v: { toString(): string }) => BigInt(v.toString());

describe("the dApp in chromium against the local validator", { timeout: 15 * 60_000 }, () => {
  let world: World;
  let page: Page;
  let client: AttributionClient;
  let curator: Keypair; // creates the datanet, reviews; also builds the model
  let contributor: Keypair;
  let operator: Keypair;
  let payer: Keypair;
  let squatter: Keypair; // copies a content hash it saw and submits it first
  let datanet: PublicKey;
  let contribution: PublicKey;
  let contribution2: PublicKey;
  let model: PublicKey;
  let modelV1: PublicKey; // a second model, citing v1
  let paidSignature: string;
  // The proof-attributed model the Pay page paid twice, its epoch, the version it cites and that version's contribution.
  let attributed: { model: PublicKey; index: bigint; version: PublicKey; contribution: PublicKey };
  // The main model's usage, as the usage test expects it.
  let modelCalls = 0n;
  let modelFees = 0n;
  const file = Buffer.from("Chest X-ray report 0001: no acute cardiopulmonary abnormality.\nLabel: normal\n");
  const fileHash = createHash("sha256").update(file).digest();
  const file2 = Buffer.from("Chest X-ray report 0002: small left pleural effusion.\nLabel: effusion\n");
  const fileHash2 = createHash("sha256").update(file2).digest();
  const t0 = Date.now();
  const version = (n: number) => datanetVersionPda(datanet, n);
  const pool = (n: number) => poolPda(version(n));

  /**
   * The attestor (the staked operator, holding OPEN for the bond) posts the root of the attributed
   * model's ended epoch `index`, allocating `share` of its accrual to the version's contribution.
   */
  const postRoot = async (index: bigint, share: (accrued: bigint) => bigint) => {
    const { model: m, contribution: c } = attributed;
    const epoch = await client.fetchEpoch(m, index);
    const alloc = await attributionAllocation(m, index, [{ contribution: c, amount: share(big(epoch.accrued)) }]);
    const inputsHash = createHash("sha256").update(`the attestation of epoch ${index}`).digest();
    const post = await client.attributionRootPost({
      attestor: operator.publicKey,
      model: m,
      index,
      root: alloc.root,
      total: alloc.total,
      leafCount: alloc.leafCount,
      recordsHash: Uint8Array.from(epoch.recordsHash),
      inputsHash,
      inputsUri: `https://attestor.example/attributed-lm/epochs/${index}/inputs.json`,
    });
    await send(world.connection, post.instructions, operator);
    return { alloc, inputsHash };
  };
  const tokenBalance = (owner: PublicKey) => client.tokenBalance(associatedTokenAddress(owner, config.mint, config.tokenProgram));
  let config: Awaited<ReturnType<AttributionClient["fetchConfig"]>>;

  before(async () => {
    world = await startWorld();
    page = world.page;
    page.on("pageerror", (err) => process.stderr.write(`[page error] ${err.message}\n`));
    client = new AttributionClient({ connection: world.connection });
    config = await client.fetchConfig();
    [curator, contributor, operator, payer, squatter] = await Promise.all([
      fundedWallet(world.connection, world.deployer, 10, 0n),
      fundedWallet(world.connection, world.deployer, 10, 0n),
      fundedWallet(world.connection, world.deployer, 10, 1_500n * OPEN),
      fundedWallet(world.connection, world.deployer, 10, 100n * OPEN),
      fundedWallet(world.connection, world.deployer, 1, 0n),
    ]);
  });

  after(async () => {
    await world?.stop();
    process.stderr.write(`[timing] ${JSON.stringify({ ...world?.timings, total: Date.now() - t0 })}\n`);
  });

  test("connect the test wallet through the wallet modal", async () => {
    await go(page, world, "datanets");
    await page.getByTestId("rpc-status").and(page.locator('[data-status="ok"]')).waitFor();
    await useWallet(page, curator);
    // The header shows the wallet's balances, read from the chain.
    await page.getByTestId("wallet-sol-balance").filter({ hasText: "10 SOL" }).waitFor();
    assert.equal(await page.getByTestId("wallet-open-balance").getAttribute("data-raw"), "0");
  });

  test("create a curated datanet (its reward pools come with its versions)", async () => {
    await page.getByTestId("datanet-name").fill("radiology-reports");
    await page.getByTestId("datanet-uri").fill("ipfs://radiology-reports");
    await confirmed(page, "tx-create-datanet", () => page.getByTestId("datanet-create").click());

    datanet = datanetPda(curator.publicKey, 1);
    const account = await client.fetchDatanet(datanet);
    assert.equal(account.name, "radiology-reports");
    assert.ok(account.authority.equals(curator.publicKey));
    assert.ok("curated" in account.policy);
    assert.equal(account.versions, 0);
    assert.equal(await world.connection.getAccountInfo(pool(1)), null);

    const row = page.locator(`[data-testid="datanet-row"][data-address="${datanet.toBase58()}"]`);
    await row.waitFor();
    assert.match((await row.textContent()) ?? "", /radiology-reports.*curated.*no version yet/);
  });

  test("contribute a file: hashed in the browser, submitted with its SHA-256", async () => {
    await useWallet(page, contributor);
    await page.locator(`[data-testid="datanet-row"][data-address="${datanet.toBase58()}"] a`).first().click();
    await page.getByTestId("datanet-title").filter({ hasText: "radiology-reports" }).waitFor();
    await page.getByTestId("contribute-file").setInputFiles({ name: "report-0001.txt", mimeType: "text/plain", buffer: file });
    // The page computed the same SHA-256 as Node.
    await page.getByTestId("content-hash").filter({ hasText: fileHash.toString("hex") }).waitFor();
    await confirmed(page, "tx-contribute", () => page.getByTestId("contribute-submit").click());

    contribution = contributionPda(datanet, fileHash);
    const c = await client.fetchContribution(contribution);
    assert.ok(c.contributor.equals(contributor.publicKey));
    assert.deepEqual(Buffer.from(c.contentHash), fileHash);
    assert.equal(Number(c.size), file.length);
    assert.ok("pending" in c.status);
    assert.equal(c.uri, "file://report-0001.txt");
    const row = page.locator(`[data-testid="contribution-row"][data-contribution="${contribution.toBase58()}"]`);
    assert.equal(await row.getAttribute("data-status"), "pending");
    // Not the curator: no review queue.
    assert.equal(await page.getByTestId("review-queue").count(), 0);

    // The same content again: the program's DuplicateContribution, shown as its message.
    const dup = await txResult(page, "tx-contribute", () => page.getByTestId("contribute-submit").click());
    assert.equal(dup.status, "failed");
    assert.equal(dup.kind, "program");
    assert.match(dup.text, /This content was already submitted to this datanet/);
  });

  test("the curator accepts it (weight 3) and publishes version 1: the chain counts it and fixes its weight; its pool comes with it", async () => {
    await useWallet(page, curator);
    const row = page.locator(`[data-testid="review-row"][data-contribution="${contribution.toBase58()}"]`);
    await row.getByTestId("review-weight").fill("3");
    await confirmed(page, "tx-review", () => row.getByTestId("review-accept").click());

    const c = await client.fetchContribution(contribution);
    assert.ok("accepted" in c.status);
    assert.equal(Number(c.weight), 3);
    assert.equal(Number((await client.fetchDatanet(datanet)).totalAcceptedWeight), 3);
    await page.locator(`[data-testid="contribution-row"][data-contribution="${contribution.toBase58()}"][data-status="accepted"]`).waitFor();
    assert.equal(await page.getByTestId("review-row").count(), 0);

    // No count to type: the page says what the chain will count.
    await page.getByTestId("version-next").filter({ hasText: "Version 1 will contain the 1 contributions accepted so far, total weight 3" }).waitFor();
    await confirmed(page, "tx-version", () => page.getByTestId("version-publish").click());
    const v1 = await client.fetchDatanetVersion(version(1));
    assert.equal(Number(v1.contributionCount), 1);
    assert.equal(Number(v1.acceptedEnd), 1);
    assert.equal(Number(v1.totalWeight), 3);
    assert.deepEqual(Buffer.from(v1.contributionsRoot), Buffer.from(await merkleRoot([fileHash])));
    assert.equal(Number((await client.fetchContribution(contribution)).acceptedSeq), 0);
    // The version's reward pool, created in the same transaction, with the version's fixed weight.
    const p1 = await client.fetchPool(version(1));
    assert.ok(p1.datanet.equals(datanet) && p1.datanetVersion.equals(version(1)));
    assert.equal(Number(p1.totalWeight), 3);
    assert.equal(Number(p1.acceptedEnd), 1);
    const versionRow = page.locator(`[data-testid="version-row"][data-number="1"]`);
    await versionRow.and(page.locator('[data-count="1"][data-total-weight="3"]')).waitFor();
    await versionRow.getByTestId("version-pool").waitFor();
  });

  test("a squatter's copy of a content hash: the curator rejects and clears it, the author submits its file; version 2", async () => {
    // The squatter saw the hash of the contributor's next file and submitted it first.
    const squat = await client.contributionSubmit({ datanet, contributor: squatter.publicKey, contentHash: fileHash2, uri: "ipfs://mine", size: file2.length });
    await send(world.connection, squat.instructions, squatter);
    assert.ok(squat.contribution.equals(contributionPda(datanet, fileHash2)));

    // The author cannot submit it: the hash is taken.
    await useWallet(page, contributor);
    await page.getByTestId("contribute-file").setInputFiles({ name: "report-0002.txt", mimeType: "text/plain", buffer: file2 });
    await page.getByTestId("content-hash").filter({ hasText: fileHash2.toString("hex") }).waitFor();
    const taken = await txResult(page, "tx-contribute", () => page.getByTestId("contribute-submit").click());
    assert.equal(taken.status, "failed");
    assert.match(taken.text, /This content was already submitted to this datanet/);

    // The curator rejects the squat, then clears it: the rent goes back to the squatter, the hash is free.
    await useWallet(page, curator);
    await go(page, world, "datanets"); // and back: the page reads the squat, sent from outside
    await go(page, world, `datanets/${datanet.toBase58()}`);
    const review = page.locator(`[data-testid="review-row"][data-contribution="${squat.contribution.toBase58()}"]`);
    await review.getByTestId("review-reason").fill("2");
    await confirmed(page, "tx-review", () => review.getByTestId("review-reject").click());
    const row = page.locator(`[data-testid="contribution-row"][data-contribution="${squat.contribution.toBase58()}"]`);
    await row.and(page.locator('[data-status="rejected"]')).waitFor();
    const rent = (await world.connection.getAccountInfo(squat.contribution))!.lamports;
    const squatterBefore = await world.connection.getBalance(squatter.publicKey, "confirmed");
    await confirmed(page, "tx-contribution-action", () => row.getByTestId("clear-contribution").click());
    assert.equal(await world.connection.getAccountInfo(squat.contribution), null);
    assert.equal(await world.connection.getBalance(squatter.publicKey, "confirmed"), squatterBefore + rent);
    const counts = await client.fetchDatanet(datanet);
    assert.equal(Number(counts.rejected), 1);
    await row.waitFor({ state: "detached" });

    // The author submits its file; the curator accepts it (weight 2) and publishes version 2.
    await useWallet(page, contributor);
    await page.getByTestId("contribute-file").setInputFiles({ name: "report-0002.txt", mimeType: "text/plain", buffer: file2 });
    await page.getByTestId("content-hash").filter({ hasText: fileHash2.toString("hex") }).waitFor();
    await confirmed(page, "tx-contribute", () => page.getByTestId("contribute-submit").click());
    contribution2 = contributionPda(datanet, fileHash2);
    assert.ok((await client.fetchContribution(contribution2)).contributor.equals(contributor.publicKey));

    await useWallet(page, curator);
    const review2 = page.locator(`[data-testid="review-row"][data-contribution="${contribution2.toBase58()}"]`);
    await review2.getByTestId("review-weight").fill("2");
    await confirmed(page, "tx-review", () => review2.getByTestId("review-accept").click());
    await page.getByTestId("version-next").filter({ hasText: "Version 2 will contain the 2 contributions accepted so far, total weight 5" }).waitFor();
    await confirmed(page, "tx-version", () => page.getByTestId("version-publish").click());
    const v2 = await client.fetchDatanetVersion(version(2));
    assert.equal(Number(v2.contributionCount), 2);
    assert.equal(Number(v2.totalWeight), 5);
    assert.deepEqual(Buffer.from(v2.contributionsRoot), Buffer.from(await merkleRoot([fileHash, fileHash2])));
    assert.equal(Number((await client.fetchPool(version(2))).totalWeight), 5);
    await page.locator('[data-testid="version-row"][data-number="2"][data-count="2"][data-total-weight="5"]').waitFor();
    // Contribution 1 is in both versions, contribution 2 in v2 only.
    const versionsOf = (c: PublicKey) => page.locator(`[data-testid="contribution-row"][data-contribution="${c.toBase58()}"]`).getByTestId("contribution-versions");
    await versionsOf(contribution).filter({ hasText: /v1.*v2/ }).waitFor();
    assert.doesNotMatch((await versionsOf(contribution2).textContent()) ?? "", /v1/);
  });

  test("create a model; the lineage editor cites the latest version; publish is enabled only at exactly 10,000 bps; publish it", async () => {
    // A datanet with no published version cannot be cited yet.
    const bare = await client.datanetCreate({ creator: world.deployer.publicKey, id: 9, name: "unversioned", uri: "ipfs://unversioned", policy: { curated: {} } });
    await send(world.connection, bare.instructions, world.deployer);
    await go(page, world, "models");
    await page.getByTestId("model-name").fill("radiology-base");
    await page.getByTestId("model-price").fill("0.5");
    await confirmed(page, "tx-create-model", () => page.getByTestId("model-create").click());
    model = modelPda(curator.publicKey, 1);
    const draft = await client.fetchModel(model);
    assert.ok("draft" in draft.state);
    assert.equal(big(draft.pricePerCall), OPEN / 2n);

    await page.locator(`[data-testid="model-row"][data-address="${model.toBase58()}"] a`).first().click();
    await page.getByTestId("lineage-editor").waitFor();
    const entry = page.getByTestId("lineage-entry").first();
    const unversioned = entry.locator(`[data-testid="lineage-target"] option[value="${bare.datanet.toBase58()}"]`);
    assert.equal(await unversioned.isDisabled(), true);
    assert.match((await unversioned.textContent()) ?? "", /publish a version first/);
    await entry.getByTestId("lineage-target").selectOption(datanet.toBase58());
    // The version picker defaults to the datanet's latest version, v2; v1 can be picked too.
    const picker = entry.getByTestId("lineage-version");
    assert.equal(await picker.inputValue(), version(2).toBase58());
    assert.match((await picker.locator("option:checked").textContent()) ?? "", /v2 \(latest\): 2 contributions, weight 5/);
    assert.deepEqual(await picker.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)), [version(2).toBase58(), version(1).toBase58()]);
    await entry.getByTestId("lineage-share").fill("6000");
    await page.getByTestId("lineage-owner-share").fill("3000");
    await page.getByTestId("lineage-operator-share").fill("900");
    assert.equal(await page.getByTestId("lineage-total").getAttribute("data-total"), "9900");
    assert.equal(await page.getByTestId("model-publish").isDisabled(), true);
    assert.match((await page.getByTestId("lineage-not-whole").textContent()) ?? "", /100 bps left/);
    await page.getByTestId("lineage-operator-share").fill("1100");
    assert.equal(await page.getByTestId("model-publish").isDisabled(), true);
    await page.getByTestId("lineage-operator-share").fill("1000");
    assert.equal(await page.getByTestId("lineage-total").getAttribute("data-total"), "10000");
    assert.equal(await page.getByTestId("model-publish").isEnabled(), true);
    // The graph draws the datanet with its share.
    await page.locator('[data-testid="graph-node"][data-kind="datanet"][data-label="radiology-reports"]').waitFor();
    await page.locator('[data-testid="graph-edge"][data-label="60%"]').waitFor();

    await confirmed(page, "tx-lineage", () => page.getByTestId("model-publish").click());
    const published = await client.fetchModel(model);
    assert.ok("published" in published.state);
    assert.equal(published.lineage.length, 1);
    assert.ok(published.lineage[0].target.equals(datanet));
    assert.equal(published.lineage[0].shareBps, 6000);
    assert.ok(published.lineage[0].datanetVersion?.equals(version(2)), "the model cites the latest version");
    assert.equal(published.ownerShareBps, 3000);
    assert.equal(published.operatorShareBps, 1000);
    assert.ok(await world.connection.getAccountInfo(escrowPda(model)));
    assert.ok(await world.connection.getAccountInfo(earningsPda(curator.publicKey, EarningsRole.ModelOwner)));
    await page.getByTestId("model-state").filter({ hasText: "published" }).waitFor();
    await page.getByTestId("lineage-graph").waitFor();
  });

  test("register and stake an operator (insufficient OPEN shown first)", async () => {
    await useWallet(page, operator);
    await go(page, world, "models");
    await page.getByTestId("operator-endpoint").fill("https://infer.op-one.example/v1");
    await page.getByTestId("operator-stake").fill("2000");
    await page.getByTestId("stake-insufficient").waitFor();
    assert.equal(await page.getByTestId("operator-submit").isDisabled(), true);
    await page.getByTestId("operator-stake").fill("1000");
    assert.equal(await page.getByTestId("stake-insufficient").count(), 0);
    const vaultBefore = await client.tokenBalance(stakeVaultPda());
    await confirmed(page, "tx-operator", () => page.getByTestId("operator-submit").click());

    const registered = await client.fetchOperator(operator.publicKey);
    assert.equal(registered.endpoint, "https://infer.op-one.example/v1");
    assert.ok("active" in registered.status);
    assert.equal(big((await client.fetchStake(operator.publicKey)).active), 1_000n * OPEN);
    assert.equal((await client.tokenBalance(stakeVaultPda())) - vaultBefore, 1_000n * OPEN);
    assert.equal(await tokenBalance(operator.publicKey), 500n * OPEN);
    assert.ok(await world.connection.getAccountInfo(earningsPda(operator.publicKey, EarningsRole.Operator)));
    const row = page.locator(`[data-testid="operator-row"][data-authority="${operator.publicKey.toBase58()}"]`);
    await row.filter({ hasText: "yes" }).waitFor();
    assert.ok(operatorPda(operator.publicKey));
  });

  /**
   * The operator's side of the Pay page, with the operator's wallet connected: signs a payment of
   * `calls` of `m` with `maxFee` (OPEN) for `forWallet` (default: the payer) committing `output`;
   * returns it.
   */
  async function serve(m: PublicKey, calls: string, maxFee: string, output: string, forWallet = payer.publicKey): Promise<string> {
    await useWallet(page, operator);
    await go(page, world, `pay/${m.toBase58()}`);
    await page.getByTestId("serve-payer").fill(forWallet.toBase58());
    await page.getByTestId("serve-model").selectOption(m.toBase58());
    await page.getByTestId("serve-calls").fill(calls);
    await page.getByTestId("serve-max-fee").fill(maxFee);
    await page.getByTestId("serve-output").fill(output);
    await page.getByTestId("serve-output-hash").filter({ hasText: createHash("sha256").update(output).digest("hex") }).waitFor();
    await page.getByTestId("serve-submit").click();
    const signed = page.getByTestId("serve-signed");
    await signed.waitFor();
    return signed.inputValue();
  }

  /** The payer's side: pastes `served` with the payer's wallet connected. */
  async function receive(m: PublicKey, served: string, output = ""): Promise<void> {
    await useWallet(page, payer);
    await go(page, world, `pay/${m.toBase58()}`);
    await page.getByTestId("pay-served").fill(served);
    await page.getByTestId("pay-output").fill(output);
  }

  test("pay: the operator signs what it served; a payment for another wallet, a rejected signature and a fee above the max change nothing; then the payment and its breakdown", async () => {
    const output = "Impression: no acute cardiopulmonary abnormality (report 0001, radiology-base).";
    const outputHash = createHash("sha256").update(output).digest();
    const payerBefore = await tokenBalance(payer.publicKey);
    const vaultBefore = await client.tokenBalance(vaultPda());

    // The payer sees a payment signed for another wallet: refused before its wallet signs anything.
    const foreign = await serve(model, "4", "2", output, operator.publicKey);
    await receive(model, foreign, output);
    await page.getByTestId("pay-served-error").filter({ hasText: /this payment is for .* to sign, not/ }).waitFor();
    assert.ok(await page.getByTestId("pay-submit").isDisabled());

    // A payment signed with a max fee (1.5 OPEN) below the fee (4 × 0.5): shown, then refused by
    // the program (FeeAboveMax), by its message.
    await receive(model, await serve(model, "4", "1.5", output), output);
    await page.getByTestId("pay-above-max").waitFor();
    const refused = await txResult(page, "tx-pay", () => page.getByTestId("pay-submit").click());
    assert.equal(refused.status, "failed");
    assert.equal(refused.kind, "program");
    assert.match(refused.text, /The fee \(price × calls\) is above the max fee you allowed/);
    assert.match(refused.text, /FeeAboveMax/);

    // The honest payment: its terms on the page are the operator's, the output checks out.
    const served = await serve(model, "4", "2", output);
    await receive(model, served, "another output");
    await page.getByTestId("pay-output-mismatch").waitFor();
    await page.getByTestId("pay-output").fill(output);
    await page.getByTestId("pay-output-match").waitFor();
    assert.equal(await page.getByTestId("pay-operator").getAttribute("data-authority"), operator.publicKey.toBase58());
    assert.equal(await page.getByTestId("pay-calls").textContent(), "4");
    await page.getByTestId("pay-price").filter({ hasText: "0.5 OPEN" }).waitFor();
    await page.getByTestId("pay-fee").filter({ hasText: "2 OPEN" }).waitFor();
    await page.getByTestId("pay-output-hash").filter({ hasText: outputHash.toString("hex") }).waitFor();

    // The user rejects the signature in the wallet.
    await page.evaluate(() => window.testWallet!.rejectNext());
    const rejected = await txResult(page, "tx-pay", () => page.getByTestId("pay-submit").click());
    assert.equal(rejected.status, "failed");
    assert.equal(rejected.kind, "rejected");
    assert.match(rejected.text, /You rejected the request in your wallet: nothing was sent/);
    assert.equal(rejected.signatures.length, 0);
    assert.equal(await tokenBalance(payer.publicKey), payerBefore);
    assert.equal(await client.tokenBalance(vaultPda()), vaultBefore);

    const ok = await confirmed(page, "tx-pay", () => page.getByTestId("pay-submit").click());
    paidSignature = ok.signatures[0];
    assert.equal(payerBefore - (await tokenBalance(payer.publicKey)), 2n * OPEN);
    assert.equal((await client.tokenBalance(vaultPda())) - vaultBefore, 2n * OPEN);

    // The breakdown on the page is the event's, and the chain's accounts agree with it.
    const tx = await world.connection.getTransaction(paidSignature, { commitment: "confirmed", maxSupportedTransactionVersion: 0 });
    const [event] = findEvents(tx!.meta!.logMessages!, "attribution_payout", "inferencePaid");
    assert.equal(big(event.fee), 2n * OPEN);
    assert.deepEqual(Buffer.from(event.outputHash), outputHash);
    // Not proof-attributed: no epoch, no record number.
    assert.equal(event.record, null);
    assert.equal(await page.getByTestId("breakdown-output-hash").getAttribute("data-hash"), outputHash.toString("hex"));
    assert.equal(await page.getByTestId("breakdown-record").count(), 0);
    const owner = big((await client.fetchEarnings(curator.publicKey, EarningsRole.ModelOwner)).balance);
    const operatorEarned = big((await client.fetchEarnings(operator.publicKey, EarningsRole.Operator)).balance);
    const pool = await client.fetchPool(version(2));
    assert.equal(owner, big(event.ownerAmount));
    assert.equal(operatorEarned, big(event.operatorAmount));
    assert.equal(big(pool.totalCredited), big(event.lineage[0].amount));
    assert.equal(owner + operatorEarned + big(pool.totalCredited) + big(event.protocolFee) + big(event.dust), 2n * OPEN);
    await page.getByTestId("breakdown").waitFor();
    assert.equal(await page.getByTestId("breakdown-owner").getAttribute("data-raw"), owner.toString());
    assert.equal(await page.getByTestId("breakdown-operator").getAttribute("data-raw"), operatorEarned.toString());
    assert.equal(await page.getByTestId("breakdown-lineage").getAttribute("data-raw"), pool.totalCredited.toString());
    assert.equal(
      await page.getByTestId("breakdown-protocol").getAttribute("data-raw"),
      (big(event.protocolFee) + big(event.dust)).toString(),
    );
    assert.equal(await page.getByTestId("breakdown-fee-amount").getAttribute("data-raw"), (2n * OPEN).toString());
    // The fee reached v2's contributions, neither enrolled yet; v1's pool got nothing.
    await page.getByTestId("breakdown-contributor").nth(1).waitFor();
    assert.equal(await page.getByTestId("breakdown-contributor").count(), 2);
    assert.equal(big((await client.fetchPool(version(1))).totalCredited), 0n);
    modelCalls += 4n;
    modelFees += 2n * OPEN;
  });

  test("pay a proof-attributed model: its share goes to the model's epoch, and the page shows the record number the chain gave each payment (0, then 1)", async () => {
    // Set up on the Node side: an open datanet with one contribution and its version 1, and a
    // model whose entry citing it is proof-attributed, the staked operator its attestor.
    const owner = await fundedWallet(world.connection, world.deployer, 5, 0n);
    const d = world.deployer;
    const created = await client.datanetCreate({ creator: d.publicKey, id: 5, name: "attributed-notes", uri: "ipfs://attributed", policy: { open: { weight: new BN(1) } } });
    const sub = await client.contributionSubmit({ datanet: created.datanet, contributor: d.publicKey, contentHash: new Uint8Array(32).fill(5), uri: "ipfs://attributed/1", size: 1, bond: 0 });
    await send(world.connection, [...created.instructions, ...sub.instructions], d);
    const v1 = await client.datanetVersionPublish({ datanet: created.datanet, authority: d.publicKey, contributionsRoot: new Uint8Array(32).fill(6), uri: "ipfs://attributed/v1" });
    await send(world.connection, v1.instructions, d);
    const m = await client.modelCreate({ owner: owner.publicKey, id: 1, kind: "base", name: "attributed-lm", uri: "ipfs://attributed-lm", artifactHash: new Uint8Array(32).fill(9), pricePerCall: OPEN / 10n });
    const lineage = await client.modelLineageSet({
      model: m.model,
      owner: owner.publicKey,
      entries: [{ source: "datanet", target: created.datanet, datanetVersion: v1.datanetVersion, shareBps: 5_000, proofAttributed: true }],
      ownerShareBps: 4_000,
      operatorShareBps: 1_000,
    });
    const publish = await client.modelPublish({ model: m.model, owner: owner.publicKey, attestor: operator.publicKey });
    await send(world.connection, [...m.instructions, ...lineage.instructions, ...publish.instructions], owner);

    await useWallet(page, payer);
    await go(page, world, "models"); // and back: the Pay page reads the model, created from outside
    const records: { requestId: Uint8Array; outputHash: Uint8Array; amount: bigint }[] = [];
    let epochIndex = -1n;
    for (const [record, output] of ["", "Ward note: stable overnight; continue the current plan."].entries()) {
      await receive(m.model, await serve(m.model, "1", "0.1", output), output);
      await page.getByTestId("pay-fee").filter({ hasText: "0.1 OPEN" }).waitFor();
      await page.getByTestId("pay-proof-attributed").waitFor();
      const expected = createHash("sha256").update(output).digest();
      await page.getByTestId("pay-output-hash").filter({ hasText: expected.toString("hex") }).waitFor();
      const ok = await confirmed(page, "tx-pay", () => page.getByTestId("pay-submit").click());
      const tx = await world.connection.getTransaction(ok.signatures.at(-1)!, { commitment: "confirmed", maxSupportedTransactionVersion: 0 });
      const [event] = findEvents(tx!.meta!.logMessages!, "attribution_payout", "inferencePaid");
      // The first payment commits no output: the empty output's hash.
      assert.deepEqual(Buffer.from(event.outputHash), record === 0 ? Buffer.from(EMPTY_OUTPUT_HASH) : expected);
      assert.equal(big(event.record!), BigInt(record));
      epochIndex = big(event.epoch!);
      records.push({ requestId: Uint8Array.from(event.requestId), outputHash: Uint8Array.from(event.outputHash), amount: big(event.lineage[0].amount) });
      // The page shows the record number the chain gave it, and says the share went to the epoch.
      await page.locator(`[data-testid="breakdown-record"][data-record="${record}"][data-epoch="${epochIndex}"]`).waitFor();
      assert.equal(await page.getByTestId("breakdown-output-hash").getAttribute("data-hash"), expected.toString("hex"));
      await page.getByTestId("breakdown-to-epoch").filter({ hasText: `record #${record}` }).waitFor();
      assert.equal(await page.getByTestId("breakdown-contributor").count(), 0);
    }
    // The chain's epoch: two records, its records hash over (request id, output hash, amount) as merkle.ts computes it.
    const epoch = await client.fetchEpoch(m.model, epochIndex);
    assert.equal(big(epoch.recordCount), 2n);
    assert.equal(big(epoch.accrued), records[0].amount + records[1].amount);
    assert.deepEqual(Buffer.from(epoch.recordsHash), Buffer.from(await recordsHash(records)));
    assert.equal(big((await client.fetchPool(v1.datanetVersion)).totalCredited), 0n);
    attributed = { model: m.model, index: epochIndex, version: v1.datanetVersion, contribution: sub.contribution };
  });

  test("enrolling late loses nothing: enroll in v2 after the fee, its whole share shows; claim it; a second claim has nothing owed", async () => {
    await useWallet(page, contributor);
    await go(page, world, "earnings");
    // Three (contribution, version) pairs, none enrolled: contribution 1 in v1 and v2, contribution 2 in v2.
    await page.getByTestId("enrollable-row").nth(2).waitFor();
    assert.equal(await page.getByTestId("enrollable-row").count(), 3);
    const p2 = await client.fetchPool(version(2));
    const owed = accrue(3n, 0n, big(p2.rewardPerWeight), 0n).amount;
    const credited = big(p2.totalCredited);
    // Its share of everything credited to v2 before it enrolled: weight 3 of the fixed 5.
    assert.ok(owed > 0n && (credited * 3n) / 5n - owed < 2n, `${owed} of ${credited}`);
    const pair = page.locator(`[data-testid="enrollable-row"][data-contribution="${contribution.toBase58()}"][data-version="${version(2).toBase58()}"]`);
    assert.equal(await pair.getAttribute("data-owed"), owed.toString());
    await confirmed(page, "tx-earnings", () => pair.getByTestId("enroll-one").click());
    const position = await client.fetchPosition(pool(2), contribution);
    assert.ok(position.beneficiary.equals(contributor.publicKey));
    assert.equal(Number(position.weight), 3);
    assert.ok(await world.connection.getAccountInfo(positionPda(pool(2), contribution)));
    const claimable = await client.positionClaimable(pool(2), contribution);
    assert.equal(claimable, owed);
    const row = page.locator(`[data-testid="position-row"][data-contribution="${contribution.toBase58()}"][data-version="${version(2).toBase58()}"]`);
    await row.and(page.locator(`[data-claimable="${claimable}"]`)).waitFor();

    await confirmed(page, "tx-earnings", () => row.getByTestId("claim-position").click());
    assert.equal(await tokenBalance(contributor.publicKey), claimable);
    assert.equal(big((await client.fetchPosition(pool(2), contribution)).totalClaimed), claimable);
    await page.getByTestId("wallet-open-balance").and(page.locator(`[data-raw="${claimable}"]`)).waitFor();
    await row.and(page.locator('[data-claimable="0"]')).waitFor();

    const nothing = await txResult(page, "tx-earnings", () => row.getByTestId("claim-position").click());
    assert.equal(nothing.status, "failed");
    assert.equal(nothing.kind, "program");
    assert.match(nothing.text, /Nothing to claim/);
    assert.equal(await tokenBalance(contributor.publicKey), claimable);
  });

  test("the model owner and the operator claim their earnings (claim all, claim one)", async () => {
    await useWallet(page, curator);
    await go(page, world, "earnings");
    const owed = big((await client.fetchEarnings(curator.publicKey, EarningsRole.ModelOwner)).balance);
    await page.getByTestId("earnings-total-claimable").locator(`[data-raw="${owed}"]`).waitFor();
    await confirmed(page, "tx-earnings", () => page.getByTestId("claim-everything").click());
    assert.equal(await tokenBalance(curator.publicKey), owed);
    assert.equal(big((await client.fetchEarnings(curator.publicKey, EarningsRole.ModelOwner)).balance), 0n);
    await page.getByTestId("earnings-total-claimable").locator('[data-raw="0"]').waitFor();

    await useWallet(page, operator);
    const opOwed = big((await client.fetchEarnings(operator.publicKey, EarningsRole.Operator)).balance);
    await confirmed(page, "tx-earnings", () => page.getByTestId(`claim-earnings-${EarningsRole.Operator}`).click());
    assert.equal(await tokenBalance(operator.publicKey), 500n * OPEN + opOwed);
  });

  test("claim everything: positions of two versions, shown first, paid in one approval; the chain's balances after", async () => {
    // Fees reach both versions: a second model, citing v1, is paid; the main model (v2) again.
    const other = await fundedWallet(world.connection, world.deployer, 5, 0n);
    const m = await client.modelCreate({ owner: other.publicKey, id: 1, kind: "base", name: "radiology-v1", uri: "ipfs://radiology-v1", artifactHash: new Uint8Array(32).fill(3), pricePerCall: OPEN });
    const lineage = await client.modelLineageSet({
      model: m.model,
      owner: other.publicKey,
      entries: [{ source: "datanet", target: datanet, datanetVersion: version(1), shareBps: 5_000 }],
      ownerShareBps: 4_000,
      operatorShareBps: 1_000,
    });
    const publish = await client.modelPublish({ model: m.model, owner: other.publicKey });
    const earnings = await client.earningsInit({ payer: other.publicKey, beneficiary: other.publicKey, role: EarningsRole.ModelOwner });
    await send(world.connection, [...m.instructions, ...lineage.instructions, ...publish.instructions, ...earnings.instructions], other);
    modelV1 = m.model;
    await send(world.connection, (await client.inferencePay({ payer: payer.publicKey, model: m.model, operator: operator.publicKey, calls: 3, maxFee: 3n * OPEN })).instructions, payer, [operator]);
    await send(world.connection, (await client.inferencePay({ payer: payer.publicKey, model, operator: operator.publicKey, calls: 2, maxFee: OPEN })).instructions, payer, [operator]);
    modelCalls += 2n;
    modelFees += OPEN;
    assert.ok(big((await client.fetchPool(version(1))).totalCredited) > 0n);

    // The contributor enrolls the two remaining pairs (late: nothing lost), then sees what claiming everything pays.
    await useWallet(page, contributor);
    await go(page, world, "earnings");
    await confirmed(page, "tx-earnings", () => page.getByTestId("enroll-all").click());
    const pairs: [number, PublicKey][] = [
      [1, contribution],
      [2, contribution],
      [2, contribution2],
    ];
    const owed = await Promise.all(pairs.map(([v, c]) => client.positionClaimable(pool(v), c)));
    assert.ok(owed.every((o) => o > 0n), `${owed}`);
    const total = owed.reduce((a, b) => a + b, 0n);
    // v1's contribution 1 holds all of v1 (weight 3 of 3): everything credited to v1 but rounding.
    assert.ok(big((await client.fetchPool(version(1))).totalCredited) - owed[0] < 2n);
    await page.getByTestId("earnings-total-claimable").locator(`[data-raw="${total}"]`).waitFor();
    const preview = page.getByTestId("claim-preview-item");
    assert.equal(await preview.count(), 3);
    for (const [i, [v, c]] of pairs.entries()) {
      const item = page.locator(`[data-testid="claim-preview-item"][data-position="${positionPda(pool(v), c).toBase58()}"]`);
      assert.equal(await item.getAttribute("data-claimable"), owed[i].toString());
      assert.match((await item.textContent()) ?? "", new RegExp(`radiology-reports v${v}, contribution #${v === 1 || c.equals(contribution) ? 0 : 2}`));
    }

    const balanceBefore = await tokenBalance(contributor.publicKey);
    const claimedBefore = await Promise.all([1, 2].map(async (v) => big((await client.fetchPool(version(v))).totalClaimed)));
    const before = await page.evaluate(() => ({ signed: window.testWallet!.signedCount, requests: window.testWallet!.requestCount }));
    const all = await confirmed(page, "tx-earnings", () => page.getByTestId("claim-everything").click());
    const afterCounts = await page.evaluate(() => ({ signed: window.testWallet!.signedCount, requests: window.testWallet!.requestCount }));
    assert.equal(afterCounts.requests - before.requests, 1, "one wallet approval");
    assert.equal(afterCounts.signed - before.signed, all.signatures.length);
    let claimed = 0;
    for (const signature of all.signatures) {
      const tx = await world.connection.getTransaction(signature, { commitment: "confirmed", maxSupportedTransactionVersion: 0 });
      assert.ok(tx && tx.meta?.err === null);
      claimed += findEvents(tx.meta!.logMessages!, "attribution_payout", "positionClaimed").length;
    }
    assert.equal(claimed, 3, "the three positions, of two versions");
    // The chain: the wallet received exactly what was owed; every position and both pools agree.
    assert.equal((await tokenBalance(contributor.publicKey)) - balanceBefore, total);
    for (const [i, [v, c]] of pairs.entries()) {
      assert.equal(await client.positionClaimable(pool(v), c), 0n);
      const p = await client.fetchPosition(pool(v), c);
      assert.ok(big(p.totalClaimed) >= owed[i]);
    }
    assert.equal(big((await client.fetchPool(version(1))).totalClaimed) - claimedBefore[0], owed[0]);
    assert.equal(big((await client.fetchPool(version(2))).totalClaimed) - claimedBefore[1], owed[1] + owed[2]);
    await page.getByTestId("earnings-total-claimable").locator('[data-raw="0"]').waitFor();
    await page.getByTestId("wallet-open-balance").and(page.locator(`[data-raw="${balanceBefore + total}"]`)).waitFor();
  });

  test("claim everything: 25 positions and an earnings account in several transactions of at most 1,232 bytes, one approval", async () => {
    // Set up on the Node side: an open datanet (weight 1 each), 25 contributions by one wallet,
    // version 1 (with its pool), the 25 positions enrolled; a model citing it; a payment.
    const many = await fundedWallet(world.connection, world.deployer, 20, 0n);
    const d = world.deployer;
    const created = await client.datanetCreate({ creator: d.publicKey, id: 7, name: "bulk-open", uri: "ipfs://bulk", policy: { open: { weight: new BN(1) } } });
    await send(world.connection, created.instructions, d);
    const contributions: PublicKey[] = [];
    const hashes: Uint8Array[] = [];
    const submits: TransactionInstruction[][] = [];
    for (let i = 0; i < 25; i++) {
      const content = Buffer.from(`bulk item ${i}`);
      const sub = await client.submitFile({ datanet: created.datanet, contributor: many.publicKey, content, uri: `ipfs://bulk/${i}` });
      contributions.push(sub.contribution);
      hashes.push(createHash("sha256").update(content).digest());
      submits.push(sub.instructions);
    }
    for (const ixs of packInstructions(submits, many.publicKey)) await send(world.connection, ixs, many);
    const v1 = await client.datanetVersionPublish({ datanet: created.datanet, authority: d.publicKey, contributionsRoot: await merkleRoot(hashes), uri: "ipfs://bulk/v1" });
    await send(world.connection, v1.instructions, d);
    assert.equal(Number((await client.fetchPool(v1.datanetVersion)).totalWeight), 25);
    const enrolls = await Promise.all(contributions.map(async (c) => (await client.positionEnroll({ payer: many.publicKey, datanetVersion: v1.datanetVersion, contribution: c })).instructions));
    for (const ixs of packInstructions(enrolls, many.publicKey)) await send(world.connection, ixs, many);
    const bulk = await client.modelCreate({ owner: many.publicKey, id: 1, kind: "base", name: "bulk-model", uri: "ipfs://bulk-model", artifactHash: new Uint8Array(32).fill(7), pricePerCall: OPEN });
    const lineage = await client.modelLineageSet({ model: bulk.model, owner: many.publicKey, entries: [{ source: "datanet", target: created.datanet, datanetVersion: v1.datanetVersion, shareBps: 5_000 }], ownerShareBps: 4_000, operatorShareBps: 1_000 });
    const publish = await client.modelPublish({ model: bulk.model, owner: many.publicKey });
    const earnings = await client.earningsInit({ payer: many.publicKey, beneficiary: many.publicKey, role: EarningsRole.ModelOwner });
    await send(world.connection, [...bulk.instructions, ...lineage.instructions, ...publish.instructions, ...earnings.instructions], many);
    const pay = await client.inferencePay({ payer: payer.publicKey, model: bulk.model, operator: operator.publicKey, calls: 10, maxFee: 10n * OPEN });
    await send(world.connection, pay.instructions, payer, [operator]);

    let owed = big((await client.fetchEarnings(many.publicKey, EarningsRole.ModelOwner)).balance);
    for (const c of contributions) owed += await client.positionClaimable(v1.pool, c);
    await useWallet(page, many);
    await go(page, world, "earnings");
    await page.getByTestId("earnings-total-claimable").locator(`[data-raw="${owed}"]`).waitFor();
    assert.equal(await page.getByTestId("position-row").count(), 25);
    assert.equal(await page.getByTestId("claim-preview-item").count(), 26);
    const before = await page.evaluate(() => ({ signed: window.testWallet!.signedCount, requests: window.testWallet!.requestCount }));
    const all = await confirmed(page, "tx-earnings", () => page.getByTestId("claim-everything").click(), 60_000);
    assert.ok(all.signatures.length >= 2, `${all.signatures.length} transactions`);
    const afterCounts = await page.evaluate(() => ({ signed: window.testWallet!.signedCount, requests: window.testWallet!.requestCount }));
    assert.equal(afterCounts.signed - before.signed, all.signatures.length);
    assert.equal(afterCounts.requests - before.requests, 1, "one wallet approval for all the transactions");
    let positionsClaimed = 0;
    let earningsClaimed = 0;
    for (const signature of all.signatures) {
      const tx = await world.connection.getTransaction(signature, { commitment: "confirmed", maxSupportedTransactionVersion: 0 });
      assert.ok(tx && tx.meta?.err === null);
      assert.ok(tx.transaction.message.serialize().length + 1 + 64 <= 1_232);
      positionsClaimed += findEvents(tx.meta!.logMessages!, "attribution_payout", "positionClaimed").length;
      earningsClaimed += findEvents(tx.meta!.logMessages!, "attribution_payout", "earningsClaimed").length;
    }
    // Every claim went: 25 positions (many per instruction) and the earnings.
    assert.equal(positionsClaimed, 25);
    assert.equal(earningsClaimed, 1);
    assert.equal(await tokenBalance(many.publicKey), owed);
    for (const c of contributions) assert.equal(await client.positionClaimable(v1.pool, c), 0n);
    await page.getByTestId("earnings-total-claimable").locator('[data-raw="0"]').waitFor();
  });

  test("hand a contribution over: propose (a bad address, cancel, again), the successor accepts; its claim everything syncs the positions and is paid what they accrued before and after; the old wallet gets nothing more", async () => {
    const heir = await fundedWallet(world.connection, world.deployer, 5, 0n);
    const payModel = async (m: PublicKey, calls: number) => {
      const built = await client.inferencePay({ payer: payer.publicKey, model: m, operator: operator.publicKey, calls, maxFee: BigInt(calls) * OPEN });
      await send(world.connection, built.instructions, payer, [operator]);
    };
    // Fees before the handover, left unclaimed: to v1 (the second model) and v2 (the main model).
    // The handed contribution (#0, weight 3) has a position in both.
    await payModel(modelV1, 2);
    await payModel(model, 2);
    modelCalls += 2n;
    modelFees += OPEN;
    const owedBefore = await Promise.all([1, 2].map((v) => client.positionClaimable(pool(v), contribution)));
    assert.ok(owedBefore.every((o) => o > 0n), `${owedBefore}`);
    const oldBalance = await tokenBalance(contributor.publicKey);

    // The contributor proposes the heir on the datanet's page (a bad address first), cancels, proposes again.
    await useWallet(page, contributor);
    await go(page, world, `datanets/${datanet.toBase58()}`);
    const row = page.locator(`[data-testid="contribution-row"][data-contribution="${contribution.toBase58()}"]`);
    await row.getByTestId("handover-open").click();
    await row.getByTestId("handover-address").fill("not-a-wallet");
    await row.getByTestId("handover-problem").filter({ hasText: "Not a wallet address" }).waitFor();
    assert.equal(await row.getByTestId("handover-propose").isDisabled(), true);
    await row.getByTestId("handover-address").fill(heir.publicKey.toBase58());
    await confirmed(page, "tx-contribution-action", () => row.getByTestId("handover-propose").click());
    let account = await client.fetchContribution(contribution);
    assert.ok(account.pendingContributor?.equals(heir.publicKey));
    assert.ok(account.contributor.equals(contributor.publicKey));
    await row.locator(`[data-testid="handover-pending"][data-successor="${heir.publicKey.toBase58()}"]`).waitFor();
    await confirmed(page, "tx-contribution-action", () => row.getByTestId("handover-cancel").click());
    assert.equal((await client.fetchContribution(contribution)).pendingContributor, null);
    await row.getByTestId("handover-pending").waitFor({ state: "detached" });
    await row.getByTestId("handover-open").click();
    await row.getByTestId("handover-address").fill(heir.publicKey.toBase58());
    await confirmed(page, "tx-contribution-action", () => row.getByTestId("handover-propose").click());
    assert.ok((await client.fetchContribution(contribution)).pendingContributor?.equals(heir.publicKey));

    // The heir sees the proposal on its Earnings page and accepts it on the datanet's page.
    await useWallet(page, heir);
    await go(page, world, "earnings");
    await page.locator(`[data-testid="handover-row"][data-contribution="${contribution.toBase58()}"]`).waitFor();
    await go(page, world, `datanets/${datanet.toBase58()}`);
    await confirmed(page, "tx-contribution-action", () => row.getByTestId("handover-accept").click());
    account = await client.fetchContribution(contribution);
    assert.ok(account.contributor.equals(heir.publicKey));
    assert.equal(account.pendingContributor, null);
    // Its positions still name the old wallet: they follow when synced.
    for (const v of [1, 2]) assert.ok((await client.fetchPosition(pool(v), contribution)).beneficiary.equals(contributor.publicKey));

    // Fees after the handover, to both versions again.
    await payModel(modelV1, 1);
    await payModel(model, 2);
    modelCalls += 2n;
    modelFees += OPEN;
    const owed = await Promise.all([1, 2].map((v) => client.positionClaimable(pool(v), contribution)));
    owed.forEach((o, i) => assert.ok(o > owedBefore[i], `${o} includes what accrued before the handover (${owedBefore[i]})`));
    const total = owed[0] + owed[1];

    // The heir's Earnings page: both positions, to be synced; claim everything syncs them and pays everything.
    await go(page, world, "earnings");
    await page.getByTestId("earnings-total-claimable").locator(`[data-raw="${total}"]`).waitFor();
    assert.equal(await page.locator('[data-testid="position-row"][data-needs-sync="true"]').count(), 2);
    assert.equal(await page.getByTestId("claim-preview-item").count(), 2);
    const before = await page.evaluate(() => ({ signed: window.testWallet!.signedCount, requests: window.testWallet!.requestCount }));
    const all = await confirmed(page, "tx-earnings", () => page.getByTestId("claim-everything").click());
    const afterCounts = await page.evaluate(() => ({ signed: window.testWallet!.signedCount, requests: window.testWallet!.requestCount }));
    assert.equal(afterCounts.requests - before.requests, 1, "one wallet approval");
    let synced = 0;
    let claimed = 0n;
    for (const signature of all.signatures) {
      const tx = await world.connection.getTransaction(signature, { commitment: "confirmed", maxSupportedTransactionVersion: 0 });
      assert.ok(tx && tx.meta?.err === null);
      for (const e of findEvents(tx.meta!.logMessages!, "attribution_payout", "positionSynced")) {
        assert.ok(e.previous.equals(contributor.publicKey) && e.beneficiary.equals(heir.publicKey));
        synced++;
      }
      for (const e of findEvents(tx.meta!.logMessages!, "attribution_payout", "positionClaimed")) claimed += big(e.amount);
    }
    assert.equal(synced, 2, "both positions synced in the claim's transaction");
    assert.equal(claimed, total);
    // The chain: the heir received everything both positions accrued; the old wallet nothing more.
    assert.equal(await tokenBalance(heir.publicKey), total);
    assert.equal(await tokenBalance(contributor.publicKey), oldBalance);
    for (const v of [1, 2]) {
      assert.ok((await client.fetchPosition(pool(v), contribution)).beneficiary.equals(heir.publicKey));
      assert.equal(await client.positionClaimable(pool(v), contribution), 0n);
    }
    await page.getByTestId("earnings-total-claimable").locator('[data-raw="0"]').waitFor();
    await page.locator('[data-testid="position-row"][data-needs-sync="false"]').nth(1).waitFor();

    // The old wallet can no longer claim the position (NotBeneficiary), and its page no longer lists it.
    const byOld = await client.positionClaim({ beneficiary: contributor.publicKey, positions: [{ datanetVersion: version(2), contribution }], createDestination: false });
    await assert.rejects(send(world.connection, byOld.instructions, contributor), /NotBeneficiary/);
    assert.equal(await tokenBalance(contributor.publicKey), oldBalance);
    await useWallet(page, contributor);
    await page.locator(`[data-testid="position-row"][data-contribution="${contribution2.toBase58()}"]`).waitFor();
    assert.equal(await page.locator(`[data-testid="position-row"][data-contribution="${contribution.toBase58()}"]`).count(), 0);
  });

  test("a bonded open datanet: the bond on the create and submit forms; the curator flags spam (its bond to the treasury, out of v1); a bond refunded once v1 contains it", async () => {
    const BOND = 5n * OPEN;
    const [honest, spammer] = await Promise.all([
      fundedWallet(world.connection, world.deployer, 5, 20n * OPEN),
      fundedWallet(world.connection, world.deployer, 5, 20n * OPEN),
    ]);
    // The curator creates an open datanet asking 5 OPEN per submission, with a 24-hour spam window.
    await useWallet(page, curator);
    await go(page, world, "datanets");
    await page.getByTestId("datanet-name").fill("bonded-notes");
    await page.getByTestId("datanet-policy").selectOption("open");
    await page.getByTestId("datanet-open-weight").fill("1");
    await page.getByTestId("datanet-bond").fill("5");
    await page.getByTestId("datanet-spam-window").fill("721");
    await page.getByText("A spam window of 0 to 720 whole hours.").waitFor();
    assert.equal(await page.getByTestId("datanet-create").isDisabled(), true);
    await page.getByTestId("datanet-spam-window").fill("24");
    await confirmed(page, "tx-create-datanet", () => page.getByTestId("datanet-create").click());
    const bonded = datanetPda(curator.publicKey, 2);
    const created = await client.fetchDatanet(bonded);
    assert.equal(big(created.bond.amount), BOND);
    assert.equal(Number(created.bond.spamWindowSecs), 24 * 3600);
    const listed = page.locator(`[data-testid="datanet-row"][data-address="${bonded.toBase58()}"]`);
    await listed.filter({ hasText: "bond 5 OPEN" }).waitFor();

    // A wallet without OPEN is told before it signs anything.
    await useWallet(page, squatter);
    await go(page, world, `datanets/${bonded.toBase58()}`);
    await page.getByTestId("datanet-bond-text").filter({ hasText: "bond 5 OPEN per submission, spam window 1 d after acceptance" }).waitFor();
    await page.getByTestId("contribute-bond").filter({ hasText: "5 OPEN" }).waitFor();
    await page.getByTestId("bond-insufficient").waitFor();
    await page.getByTestId("contribute-file").setInputFiles({ name: "nothing.txt", mimeType: "text/plain", buffer: Buffer.from("no OPEN") });
    await page.getByTestId("content-hash").waitFor();
    assert.equal(await page.getByTestId("contribute-submit").isDisabled(), true);

    // Two submissions, each posting its bond: an honest note and spam.
    const vaultBefore = await client.tokenBalance(bondVaultPda());
    const submitted: PublicKey[] = [];
    for (const [who, name, text] of [
      [honest, "note-1.txt", "Ward round note: stable overnight, continue current plan."],
      [spammer, "buy-now.txt", "BUY CHEAP TOKENS NOW!!! visit spam.example"],
    ] as const) {
      await useWallet(page, who);
      await page.getByTestId("bond-insufficient").waitFor({ state: "detached" });
      const content = Buffer.from(text);
      await page.getByTestId("contribute-file").setInputFiles({ name, mimeType: "text/plain", buffer: content });
      await page.getByTestId("content-hash").filter({ hasText: createHash("sha256").update(content).digest("hex") }).waitFor();
      assert.equal(await page.getByTestId("contribute-submit").textContent(), "Submit with a bond of 5 OPEN");
      await confirmed(page, "tx-contribute", () => page.getByTestId("contribute-submit").click());
      const c = contributionPda(bonded, createHash("sha256").update(content).digest());
      const account = await client.fetchContribution(c);
      assert.ok("accepted" in account.status);
      assert.equal(big(account.bond), BOND);
      assert.equal(await tokenBalance(who.publicKey), 15n * OPEN);
      await page.locator(`[data-testid="contribution-row"][data-contribution="${c.toBase58()}"][data-bond="${BOND}"]`).waitFor();
      submitted.push(c);
    }
    const [note, spam] = submitted;
    assert.equal((await client.tokenBalance(bondVaultPda())) - vaultBefore, 2n * BOND);
    // Not the curator: no flag.
    assert.equal(await page.getByTestId("flag-spam").count(), 0);

    // The curator flags the spam within its window: its bond goes to the treasury, its weight leaves.
    await useWallet(page, curator);
    const spamRow = page.locator(`[data-testid="contribution-row"][data-contribution="${spam.toBase58()}"]`);
    await spamRow.getByTestId("flaggable-until").waitFor();
    const treasuryBefore = await tokenBalance(config.treasury);
    await confirmed(page, "tx-contribution-action", () => spamRow.getByTestId("flag-spam").click());
    const flagged = await client.fetchContribution(spam);
    assert.ok("flagged" in flagged.status);
    assert.equal(big(flagged.bond), 0n);
    assert.equal((await tokenBalance(config.treasury)) - treasuryBefore, BOND);
    assert.equal((await client.tokenBalance(bondVaultPda())) - vaultBefore, BOND);
    assert.equal(big((await client.fetchDatanet(bonded)).totalAcceptedWeight), 1n);
    await spamRow.and(page.locator('[data-status="flagged"][data-bond="0"]')).waitFor();
    await spamRow.locator(".badge-flagged").filter({ hasText: "flagged" }).waitFor();

    // Version 1 leaves it out; the honest note, now in a version, can no longer be flagged.
    await page.getByTestId("version-next").filter({ hasText: "Version 1 will contain the 1 contributions accepted so far (not the 1 flagged as spam), total weight 1" }).waitFor();
    await confirmed(page, "tx-version", () => page.getByTestId("version-publish").click());
    const v1 = await client.fetchDatanetVersion(datanetVersionPda(bonded, 1));
    assert.equal(Number(v1.contributionCount), 1);
    assert.equal(Number(v1.totalWeight), 1);
    const noteRow = page.locator(`[data-testid="contribution-row"][data-contribution="${note.toBase58()}"]`);
    await noteRow.getByTestId("contribution-versions").filter({ hasText: "v1" }).waitFor();
    assert.equal(await noteRow.getByTestId("flag-spam").count(), 0);

    // Its bond can be refunded now (anyone may send it): it goes to its contributor, once.
    await useWallet(page, honest);
    await confirmed(page, "tx-contribution-action", () => noteRow.getByTestId("refund-bond").click());
    assert.equal(await tokenBalance(honest.publicKey), 20n * OPEN);
    assert.equal(big((await client.fetchContribution(note)).bond), 0n);
    assert.equal(await client.tokenBalance(bondVaultPda()), vaultBefore);
    await noteRow.and(page.locator('[data-bond="0"]')).waitFor();
    await noteRow.getByTestId("refund-bond").waitFor({ state: "detached" });

    // The curator clears the flagged contribution: its rent to the spammer, no bond left to return.
    await useWallet(page, curator);
    await confirmed(page, "tx-contribution-action", () => spamRow.getByTestId("clear-contribution").click());
    assert.equal(await world.connection.getAccountInfo(spam), null);
    assert.equal(await tokenBalance(spammer.publicKey), 15n * OPEN);
    await spamRow.waitFor({ state: "detached" });
  });

  test("hand a model over (propose, the new owner accepts from its Earnings page; the next fee is its), then close its emptied earnings account: the rent it shows comes back", async () => {
    const heir = await fundedWallet(world.connection, world.deployer, 2, 0n);
    // The curator's second model, citing v1.
    const created = await client.modelCreate({ owner: curator.publicKey, id: 2, kind: "base", name: "radiology-handed", uri: "ipfs://radiology-handed", artifactHash: new Uint8Array(32).fill(7), pricePerCall: OPEN });
    const lineage = await client.modelLineageSet({
      model: created.model,
      owner: curator.publicKey,
      entries: [{ source: "datanet", target: datanet, datanetVersion: version(1), shareBps: 5_000 }],
      ownerShareBps: 4_000,
      operatorShareBps: 1_000,
    });
    const publish = await client.modelPublish({ model: created.model, owner: curator.publicKey });
    await send(world.connection, [...created.instructions, ...lineage.instructions, ...publish.instructions], curator);
    const handed = created.model;

    // The owner proposes it to the heir on the model's page.
    await useWallet(page, curator);
    await go(page, world, `models/${handed.toBase58()}`);
    const owner = page.getByTestId("model-owner");
    await owner.getByTestId("handover-open").click();
    await owner.getByTestId("handover-address").fill(heir.publicKey.toBase58());
    await confirmed(page, "tx-model-owner", () => owner.getByTestId("handover-propose").click());
    assert.ok((await client.fetchModel(handed)).pendingOwner?.equals(heir.publicKey));
    await owner.locator(`[data-testid="handover-pending"][data-successor="${heir.publicKey.toBase58()}"]`).waitFor();
    await owner.getByTestId("handover-cancel").waitFor();

    // The heir finds it on its Earnings page and accepts: its model-owner earnings come with it.
    await useWallet(page, heir);
    await go(page, world, "earnings");
    const row = page.locator(`[data-testid="handover-row"][data-kind="model"][data-account="${handed.toBase58()}"]`);
    await confirmed(page, "tx-handed", () => row.getByTestId("handover-accept").click());
    const accepted = await client.fetchModel(handed);
    assert.ok(accepted.owner.equals(heir.publicKey));
    assert.equal(accepted.pendingOwner, null);
    const earnings = earningsPda(heir.publicKey, EarningsRole.ModelOwner);
    assert.ok(await world.connection.getAccountInfo(earnings));
    await row.waitFor({ state: "detached" });

    // The next fee's owner share is the heir's, the model's page names it the owner; not empty,
    // its account offers no Close.
    await send(world.connection, (await client.inferencePay({ payer: payer.publicKey, model: handed, operator: operator.publicKey, calls: 1, maxFee: OPEN })).instructions, payer, [operator]);
    const earned = big((await client.fetchEarnings(heir.publicKey, EarningsRole.ModelOwner)).balance);
    assert.equal(earned, (OPEN * 9_750n) / 10_000n * 4_000n / 10_000n);
    await go(page, world, `models/${handed.toBase58()}`);
    await owner.and(page.locator(`[data-owner="${heir.publicKey.toBase58()}"]`)).filter({ hasText: "you" }).waitFor();
    assert.equal(await owner.getByTestId("handover-open").count(), 1, "the new owner can hand it over in turn");
    await go(page, world, "earnings");
    const account = page.locator(`[data-testid="earnings-row"][data-role="Model owner"]`);
    await account.and(page.locator(`[data-balance="${earned}"]`)).waitFor();
    assert.equal(await account.getByTestId(`close-earnings-${EarningsRole.ModelOwner}`).count(), 0);
    // Claimed, it is empty: Close says the rent it returns, and returns it.
    await confirmed(page, "tx-earnings", () => account.getByTestId(`claim-earnings-${EarningsRole.ModelOwner}`).click());
    assert.equal(await tokenBalance(heir.publicKey), earned);
    const rent = BigInt((await world.connection.getAccountInfo(earnings))!.lamports);
    const closeButton = account.getByTestId(`close-earnings-${EarningsRole.ModelOwner}`);
    await closeButton.and(page.locator(`[data-rent="${rent}"]`)).waitFor();
    assert.match((await closeButton.textContent()) ?? "", /Close \(returns 0\.\d+ SOL\)/);
    const solBefore = BigInt(await world.connection.getBalance(heir.publicKey, "confirmed"));
    const closed = await confirmed(page, "tx-earnings-accounts", () => closeButton.click());
    assert.equal(await world.connection.getAccountInfo(earnings), null);
    const tx = await world.connection.getTransaction(closed.signatures[0], { commitment: "confirmed", maxSupportedTransactionVersion: 0 });
    const [event] = findEvents(tx!.meta!.logMessages!, "attribution_payout", "emptyAccountClosed");
    assert.ok(event.account.equals(earnings) && event.holder.equals(heir.publicKey));
    assert.equal(big(event.rentReturned), rent);
    assert.equal(BigInt(await world.connection.getBalance(heir.publicKey, "confirmed")) - solBefore, rent - BigInt(tx!.meta!.fee));
    await page.locator(`[data-testid="rent-returned"][data-lamports="${rent}"]`).waitFor();
    await account.waitFor({ state: "detached" });
  });

  test("channels: the payer gives an agent a budget of 4 calls; the operator settles the agent's voucher on the page (a forged one refused); the payer sees it spent and closes it", async () => {
    const agent = Keypair.generate();
    await useWallet(page, payer);
    await go(page, world, "channels");
    await page.getByTestId("channel-model").selectOption(model.toBase58());
    await page.getByTestId("channel-operator").selectOption(operatorPda(operator.publicKey).toBase58());
    await page.getByTestId("channel-deposit").fill("2");
    await page.getByTestId("channel-signer").fill(agent.publicKey.toBase58());
    await page.getByTestId("channel-calls").filter({ hasText: "4 calls" }).waitFor();
    const payerBefore = await tokenBalance(payer.publicKey);
    await confirmed(page, "tx-channel-open", () => page.getByTestId("channel-open-submit").click());
    assert.equal(payerBefore - (await tokenBalance(payer.publicKey)), 2n * OPEN);
    const channel = new PublicKey((await page.getByTestId("channel-row").first().getAttribute("data-channel"))!);
    const state = await client.fetchChannel(channel);
    assert.ok(state.signer.equals(agent.publicKey) && state.payer.equals(payer.publicKey));

    // The agent (software, Node here) signs a voucher for its 4 calls; one with 3 calls under the
    // same signature is refused on the page before anything is sent.
    const voucher = { sequence: 1n, calls: 4n, amount: 2n * OPEN, runningHash: new Uint8Array(32).fill(4) };
    const signature = signVoucher(voucherMessage(channel, state.nonce, voucher), agent.secretKey);
    const forged = voucherToJson({ channel, voucher: { ...voucher, calls: 3n, amount: (3n * OPEN) / 2n }, signer: agent.publicKey, signature });
    await useWallet(page, operator);
    await go(page, world, "channels");
    await page.getByTestId("channel-voucher").fill(forged);
    await page.getByTestId("channel-settle").getByText("The signature is not the channel's signer's of this voucher.").waitFor();
    assert.ok(await page.getByTestId("channel-settle-submit").isDisabled());
    await page.getByTestId("channel-voucher").fill(voucherToJson({ channel, voucher, signer: agent.publicKey, signature }));
    await page.getByTestId("channel-voucher-ok").waitFor();
    const earnedBefore = big((await client.fetchEarnings(operator.publicKey, EarningsRole.Operator)).balance);
    const settled = await confirmed(page, "tx-channel-settle", () => page.getByTestId("channel-settle-submit").click());
    await page.locator(`[data-testid="channel-settled-fee"] [data-raw="${2n * OPEN}"]`).waitFor();
    const tx = await world.connection.getTransaction(settled.signatures.at(-1)!, { commitment: "confirmed", maxSupportedTransactionVersion: 0 });
    const [paid] = findEvents(tx!.meta!.logMessages!, "attribution_payout", "inferencePaid");
    assert.deepEqual([big(paid.calls), big(paid.fee)], [4n, 2n * OPEN]);
    assert.equal(big((await client.fetchEarnings(operator.publicKey, EarningsRole.Operator)).balance) - earnedBefore, big(paid.operatorAmount));
    assert.equal(big((await client.fetchChannel(channel)).settledAmount), 2n * OPEN);

    // The payer: all spent, nothing remains: Close returns the rent at once.
    await useWallet(page, payer);
    await go(page, world, "channels");
    const mine = page.locator(`[data-testid="channel-row"][data-channel="${channel.toBase58()}"]`);
    await mine.locator('[data-testid="channel-remaining"][data-raw="0"]').waitFor();
    assert.equal(await mine.getByTestId("channel-settled-calls").textContent(), "4");
    await confirmed(page, "tx-channel", () => mine.getByTestId("channel-close").click());
    assert.equal(await world.connection.getAccountInfo(channel, "confirmed"), null);
    await mine.waitFor({ state: "detached" });
    modelCalls += 4n;
    modelFees += 2n * OPEN;
  });

  test("usage: calls, fees and payouts from the programs' events", async () => {
    await go(page, world, "usage");
    const row = page.locator(`[data-testid="usage-model-row"][data-address="${model.toBase58()}"]`);
    await row.waitFor({ timeout: 30_000 });
    assert.equal(await row.getAttribute("data-calls"), modelCalls.toString());
    assert.equal(await row.getAttribute("data-fees"), modelFees.toString());
    // A datanet's usage sums its versions' pools.
    const pools = await Promise.all([1, 2].map((v) => client.fetchPool(version(v))));
    const net = page.locator(`[data-testid="usage-datanet-row"][data-address="${datanet.toBase58()}"]`);
    assert.equal(await net.getAttribute("data-received"), pools.reduce((s, p) => s + big(p.totalCredited), 0n).toString());
    assert.equal(await net.getAttribute("data-paid-out"), pools.reduce((s, p) => s + big(p.totalClaimed), 0n).toString());
    assert.equal(await page.getByTestId("chart-model-calls").getAttribute("data-total"), modelCalls.toString());
  });

  test("usage from the KPI indexer: the page shows what the indexer's API says, the main model's calls and fees as the chain's", async () => {
    // `attribution index` backfills the validator's history, then follows it behind its API.
    const indexer = await startIndexer(world.rpcUrl, 18911);
    const api = indexer.api;
    try {
      let kpis: Kpis | undefined;
      const mine = () => kpis?.models.find((m) => m.model === model.toBase58());
      for (let tries = 0; tries < 120 && mine()?.calls !== Number(modelCalls); tries++) {
        await new Promise((r) => setTimeout(r, 500));
        kpis = await fetchKpis(api).catch(() => undefined);
      }
      assert.ok(kpis, "the indexer's API answered");
      assert.equal(mine()?.calls, Number(modelCalls));
      assert.equal(mine()?.fees, modelFees.toString());
      assert.equal(kpis.indexed.skipped_events, 0);
      assert.ok(kpis.payments.via_channel >= 1, "the channel's settlement counts as an agent's payment");

      await page.goto(appUrl(world, "usage", api));
      await page.locator('[data-testid="usage-source"][data-source="indexer"]').waitFor();
      const row = page.locator(`[data-testid="usage-model-row"][data-address="${model.toBase58()}"]`);
      assert.equal(await row.getAttribute("data-calls"), modelCalls.toString());
      assert.equal(await row.getAttribute("data-fees"), modelFees.toString());
      assert.equal(await page.getByTestId("usage-payments").textContent(), String(kpis.payments.count));
      const via = page.getByTestId("usage-via");
      assert.equal(await via.getAttribute("data-channel"), String(kpis.payments.via_channel));
      const split = await page.getByTestId("usage-split").evaluateAll((rows) => rows.map((r) => BigInt(r.getAttribute("data-amount") ?? "0")));
      assert.equal(split.reduce((a, b) => a + b, 0n), BigInt(kpis.payments.fees), "the fee split adds up to the fees");
      assert.equal(await page.getByTestId("usage-hhi").getAttribute("data-bps"), String(kpis.concentration.operator_hhi_bps));
      const earned = page.getByTestId("usage-earned");
      assert.equal(await earned.getAttribute("data-earned"), String(kpis.contributors.earned_contributions));
      assert.ok(kpis.contributors.earned_contributions >= 1, "the claims above paid contributions out");
      assert.equal(await page.getByTestId("usage-operator-row").count(), kpis.operators.length);
      assert.equal(await page.getByTestId("chart-claiming").getAttribute("data-total"), String(kpis.contributors.claiming_per_day.reduce((s, d) => s + d.count, 0)));
    } finally {
      indexer.stop();
      await go(page, world, "usage");
    }
  });

  test("the owner sets a new price, then retires the model: no longer payable", async () => {
    await useWallet(page, curator);
    await go(page, world, `models/${model.toBase58()}`);
    await page.getByTestId("price-input").fill("0.75");
    await confirmed(page, "tx-price-retire", () => page.getByTestId("price-set").click());
    assert.equal(big((await client.fetchModel(model)).pricePerCall), 750_000_000n);
    await page.getByTestId("model-price-text").filter({ hasText: "0.75 OPEN" }).waitFor();
    page.once("dialog", (dialog) => void dialog.accept());
    await confirmed(page, "tx-price-retire", () => page.getByTestId("model-retire").click());
    assert.ok("retired" in (await client.fetchModel(model)).state);
    await page.getByTestId("model-state").filter({ hasText: "retired" }).waitFor();
    await go(page, world, "pay");
    await page.getByTestId("serve-model").waitFor();
    assert.equal(await page.locator(`[data-testid="serve-model"] option[value="${model.toBase58()}"]`).count(), 0);
  });

  test("Proof of Attribution: the curator approves the attestor, which posts a bonded root (Node); a challenger challenges it on the page; the resolver upholds it on the page: the challenger's bond and half the attestor's to the challenger, the rest and the epoch's fees to the version's pool; the attestation closed on the page", async () => {
    const { model: m, index, version: v } = attributed;
    const hex = (bytes: Uint8Array | number[]) => Buffer.from(bytes).toString("hex");
    // Past the epoch's end (the validator's clock jumps), the attestor (the staked operator),
    // approved by the datanet's curator (the deployer), posts a root allocating 80 % of the epoch
    // to the version's contribution, and bonds a tenth of it.
    let epoch = await client.fetchEpoch(m, index);
    await timeTravel(world.connection, big(epoch.endsAt) + 1n);
    const approve = await client.datanetAttestorApprove({ datanet: epoch.datanet, authority: world.deployer.publicKey, attestor: operator.publicKey });
    await send(world.connection, approve.instructions, world.deployer);
    await mintOpen(world.connection, world.deployer, operator.publicKey, OPEN);
    const attestorToken = associatedTokenAddress(operator.publicKey, config.mint, config.tokenProgram);
    const attestorBefore = await client.tokenBalance(attestorToken);
    const { alloc, inputsHash } = await postRoot(index, (accrued) => (accrued * 8n) / 10n);
    const bond = attestorBond(alloc.total, config.challenge.attestorBondBps);
    assert.ok(bond > 0n);
    assert.equal(attestorBefore - (await client.tokenBalance(attestorToken)), bond);
    epoch = await client.fetchEpoch(m, index);

    // The page: the model's epoch with its root, hashes, window countdown and the attestor's bond.
    const challengeBond = big(config.challenge.challengeBond);
    const challenger = await fundedWallet(world.connection, world.deployer, 5, challengeBond);
    const challengerToken = associatedTokenAddress(challenger.publicKey, config.mint, config.tokenProgram);
    await useWallet(page, challenger);
    await go(page, world, "models"); // and back: the page reads the epochs anew
    await go(page, world, `attribution/${m.toBase58()}`);
    const card = page.getByTestId(`epoch-${index}`);
    await card.locator('[data-testid="epoch-facts"][data-status="posted"]').waitFor();
    assert.equal(await card.getByTestId("epoch-root").textContent(), hex(alloc.root));
    assert.equal(await card.getByTestId("epoch-records-hash").textContent(), hex(epoch.recordsHash));
    assert.equal(await card.getByTestId("epoch-inputs-hash").textContent(), hex(inputsHash));
    assert.equal(await card.getByTestId("epoch-attestor-bond").getAttribute("data-raw"), bond.toString());
    assert.equal(await card.getByTestId("epoch-claims-open").getAttribute("data-at"), big(epoch.claimsOpenAt).toString());
    assert.match((await card.getByTestId("epoch-claims-open").textContent()) ?? "", /\(in 23 h \d+ min/);
    assert.equal(await page.getByTestId("poa-challenge-bond").getAttribute("data-raw"), challengeBond.toString());

    // A challenge names a leaf or a contribution: other text is refused by the form.
    const input = card.getByTestId("challenge-disputed");
    await input.fill("not a leaf");
    await card.getByTestId("challenge-problem").waitFor();
    assert.equal(await card.getByTestId("challenge-submit").isDisabled(), true);
    const disputed = alloc.claims[0].leaf;
    await input.fill(hex(disputed));
    await confirmed(page, `tx-epoch-${index}`, () => card.getByTestId("challenge-submit").click());
    const attestation = await client.fetchAttestation(m, index);
    assert.ok("challenged" in (await client.fetchEpoch(m, index)).status);
    assert.ok(attestation.challenger.equals(challenger.publicKey));
    assert.equal(big(attestation.challengerBond), challengeBond);
    assert.equal(hex(attestation.disputed), hex(disputed));
    assert.equal(await client.tokenBalance(challengerToken), 0n);
    const challenge = card.getByTestId("epoch-challenge");
    await challenge.waitFor();
    assert.equal(await challenge.getAttribute("data-challenger"), challenger.publicKey.toBase58());
    assert.equal(await challenge.getAttribute("data-bond"), challengeBond.toString());
    assert.equal(await card.getByTestId("epoch-disputed").textContent(), hex(disputed));
    // The challenger is not the resolver: no Uphold, no Dismiss.
    assert.equal(await card.getByTestId("challenge-uphold").count(), 0);

    // The resolver (the config's authority, the deployer at bootstrap) upholds it on the page.
    assert.ok(config.resolver.equals(world.deployer.publicKey));
    await useWallet(page, world.deployer);
    await card.getByTestId("challenge-uphold").waitFor();
    const poolBefore = big((await client.fetchPool(v)).totalCredited);
    await confirmed(page, `tx-epoch-${index}`, () => card.getByTestId("challenge-uphold").click());
    const reward = bpsOf(bond, config.challenge.challengeRewardBps);
    assert.equal(await client.tokenBalance(challengerToken), challengeBond + reward);
    assert.equal(big((await client.fetchPool(v)).totalCredited) - poolBefore, bond - reward + alloc.total);
    assert.ok("released" in (await client.fetchEpoch(m, index)).status);
    const ended = card.getByTestId("challenge-ended").locator("[data-to-challenger]");
    await ended.waitFor();
    assert.equal(await ended.getAttribute("data-to-challenger"), (challengeBond + reward).toString());
    assert.equal(await ended.getAttribute("data-slashed"), (bond - reward).toString());
    assert.equal(await ended.getAttribute("data-returned"), alloc.total.toString());
    await card.locator('[data-testid="epoch-facts"][data-status="released"]').waitFor();
    assert.equal(await card.getByTestId("epoch-attestor-bond").getAttribute("data-raw"), "0");

    // Anyone closes the attestation: none of the bond, the rent to the attestor.
    const attestationKey = attestationPda(epochPda(m, index));
    const rent = BigInt(await world.connection.getBalance(attestationKey, "confirmed"));
    const attestorLamports = BigInt(await world.connection.getBalance(operator.publicKey, "confirmed"));
    await confirmed(page, `tx-epoch-${index}`, () => card.getByTestId("attestation-close").click());
    await card.getByTestId("epoch-attestation-closed").waitFor();
    assert.equal(await world.connection.getAccountInfo(attestationKey, "confirmed"), null);
    assert.equal(BigInt(await world.connection.getBalance(operator.publicKey, "confirmed")) - attestorLamports, rent);
    assert.equal(await client.tokenBalance(attestorToken), attestorBefore - bond);
    // The challenger's wallet shows what it was paid.
    await useWallet(page, challenger);
    await page.locator(`[data-testid="wallet-open-balance"][data-raw="${challengeBond + reward}"]`).waitFor();
  });

  test("governance: the admin queues a fee change (a stranger sees it coming, cannot cancel it); executable only after the day's timelock; one cancelled by the guardian; the guardian's pause stops a payment; the guardian vetoes a posted root", async () => {
    const admin = world.deployer;
    const fee = (await client.fetchConfig()).protocolFeeBps;
    await useWallet(page, admin);
    await go(page, world, "governance");
    for (const role of ["admin", "guardian", "resolver"]) {
      await page.locator(`[data-testid="gov-role-${role}"][data-key="${admin.publicKey.toBase58()}"]`).waitFor();
    }
    // A change below a floor is refused by the program, nothing queued.
    await page.getByTestId("gov-min-stake").fill("0");
    const refused = await txResult(page, "tx-gov-queue", () => page.getByTestId("gov-queue-submit").click());
    assert.equal(refused.status, "failed");
    assert.match(refused.text, /ZeroMinOperatorStake|minimum operator stake must be above zero/);
    await page.getByTestId("gov-min-stake").fill("");
    const first = big((await client.fetchConfig()).actionCount);
    await page.getByTestId("gov-fee").fill(String(fee + 50));
    await confirmed(page, "tx-gov-queue", () => page.getByTestId("gov-queue-submit").click());
    await page.getByTestId("gov-fee").fill("0");
    await confirmed(page, "tx-gov-queue", () => page.getByTestId("gov-queue-submit").click());
    const [change, doomed] = [first.toString(), (first + 1n).toString()];
    await page.getByTestId(`gov-action-${change}-what`).filter({ hasText: `protocol fee ${fee + 50} bps` }).waitFor();
    await page.getByTestId(`gov-action-${change}-when`).filter({ hasText: /^in 2[0-3] h|^in 1 d/ }).waitFor();
    assert.ok(await page.getByTestId(`gov-action-${change}-execute`).isDisabled());

    // A stranger sees the queue, and has no cancel button; the guardian (here the admin's key too) cancels one.
    const stranger = await fundedWallet(world.connection, world.deployer, 1, 0n);
    await useWallet(page, stranger);
    await go(page, world, "governance");
    await page.getByTestId(`gov-action-${change}`).waitFor();
    assert.equal(await page.getByTestId(`gov-action-${change}-cancel`).count(), 0);
    await useWallet(page, admin);
    await go(page, world, "governance");
    await confirmed(page, "tx-gov-action", () => page.getByTestId(`gov-action-${doomed}-cancel`).click());
    await page.getByTestId(`gov-action-${doomed}`).waitFor({ state: "detached" });
    assert.equal(await world.connection.getAccountInfo(actionPda(first + 1n), "confirmed"), null);

    // A day later, anyone executes it (the stranger here): the new fee.
    const queued = await client.fetchAction(first);
    await timeTravel(world.connection, big(queued.executableAt) + 1n);
    await useWallet(page, stranger);
    await go(page, world, "governance");
    await page.getByTestId(`gov-action-${change}-when`).filter({ hasText: "due" }).waitFor();
    await confirmed(page, "tx-gov-action", () => page.getByTestId(`gov-action-${change}-execute`).click());
    assert.equal((await client.fetchConfig()).protocolFeeBps, fee + 50);

    // The guardian pauses: a payment is refused; lifted, payments flow.
    await useWallet(page, admin);
    await go(page, world, "governance");
    await confirmed(page, "tx-gov-guardian", () => page.getByTestId("gov-pause").click());
    await page.locator('[data-testid="gov-paused"][data-paused="true"]').waitFor();
    const pay = await client.inferencePay({ payer: payer.publicKey, model: attributed.model, operator: operator.publicKey, calls: 1n, maxFee: OPEN });
    await assert.rejects(send(world.connection, pay.instructions, payer, [operator]), /^Error: Paused|Paused:/);
    await confirmed(page, "tx-gov-guardian", () => page.getByTestId("gov-pause").click());
    await page.locator('[data-testid="gov-paused"][data-paused="false"]').waitFor();
    await send(world.connection, pay.instructions, payer, [operator]);

    // That payment's epoch ends; the attestor posts a root (Node); the guardian vetoes it on the
    // page within its challenge window: the epoch is released, its whole accrual to the version's pool.
    const { model: m, version: v } = attributed;
    const index = await client.currentEpochIndex();
    let epoch = await client.fetchEpoch(m, index);
    await timeTravel(world.connection, big(epoch.endsAt) + 1n);
    await mintOpen(world.connection, world.deployer, operator.publicKey, OPEN);
    await postRoot(index, (accrued) => accrued);
    const poolBefore = big((await client.fetchPool(v)).totalCredited);
    await page.getByTestId("gov-veto-model").fill(m.toBase58());
    await page.getByTestId("gov-veto-index").fill(index.toString());
    await confirmed(page, "tx-gov-guardian", () => page.getByTestId("gov-veto").click());
    epoch = await client.fetchEpoch(m, index);
    assert.ok("released" in epoch.status);
    assert.equal(big((await client.fetchPool(v)).totalCredited) - poolBefore, big(epoch.accrued));
  });

  test("a wallet without SOL: insufficient SOL, nothing created", async () => {
    const broke = Keypair.generate();
    await useWallet(page, broke);
    await go(page, world, "datanets");
    await page.getByTestId("datanet-name").fill("no-sol");
    const r = await txResult(page, "tx-create-datanet", () => page.getByTestId("datanet-create").click());
    assert.equal(r.status, "failed");
    assert.equal(r.kind, "insufficient-sol");
    assert.match(r.text, /Insufficient SOL/);
    assert.equal(await world.connection.getAccountInfo(datanetPda(broke.publicKey, 1)), null);
  });

  test("an unreachable RPC is a clear state, and the app recovers when it is back", async () => {
    await page.getByTestId("rpc-url").fill("http://127.0.0.1:9");
    await page.getByRole("button", { name: "Use" }).click();
    await page.getByTestId("rpc-down").filter({ hasText: "The RPC at http://127.0.0.1:9 is unreachable" }).waitFor({ timeout: 20_000 });
    await page.getByTestId("rpc-url").fill(world.rpcUrl);
    await page.getByRole("button", { name: "Use" }).click();
    await page.getByTestId("rpc-status").and(page.locator('[data-status="ok"]')).waitFor({ timeout: 20_000 });
    assert.equal(await page.getByTestId("rpc-down").count(), 0);
  });
});
