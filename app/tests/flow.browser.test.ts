/**
 * The dApp in a real browser (Debian's chromium through playwright-core) against the local
 * validator with the three programs: one walk through the whole flow — connect the test wallet,
 * create a datanet, contribute a file, review it, publish a version, create and publish a model,
 * register and stake an operator, pay, enroll, claim — checking after each step both the chain
 * (web3.js Connection: accounts and balances) and what the page shows; claim-all packing; price
 * and retirement; and the error paths: a rejected signature, a fee above the max, a claim with
 * nothing owed, insufficient OPEN, a duplicate contribution, an unreachable RPC.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, test } from "node:test";
import {
  AttributionClient,
  BN,
  EarningsRole,
  OPEN,
  associatedTokenAddress,
  contributionPda,
  datanetPda,
  datanetVersionPda,
  earningsPda,
  escrowPda,
  findEvents,
  merkleRoot,
  modelPda,
  operatorPda,
  packInstructions,
  poolPda,
  positionPda,
  stakeVaultPda,
  vaultPda,
} from "@attribution-suite/client";
import { Keypair, type PublicKey, type TransactionInstruction } from "@solana/web3.js";
import type { Page } from "playwright-core";
import { fundedWallet, send } from "../scripts/node-chain";
import { type World, startWorld } from "./harness";
import { confirmed, go, txResult, useWallet } from "./ui";

const big = (v: { toString(): string }) => BigInt(v.toString());

describe("the dApp in chromium against the local validator", { timeout: 15 * 60_000 }, () => {
  let world: World;
  let page: Page;
  let client: AttributionClient;
  let curator: Keypair; // creates the datanet, reviews; also builds the model
  let contributor: Keypair;
  let operator: Keypair;
  let payer: Keypair;
  let datanet: PublicKey;
  let contribution: PublicKey;
  let model: PublicKey;
  let paidSignature: string;
  const file = Buffer.from("Chest X-ray report 0001: no acute cardiopulmonary abnormality.\nLabel: normal\n");
  const fileHash = createHash("sha256").update(file).digest();
  const t0 = Date.now();

  const tokenBalance = (owner: PublicKey) => client.tokenBalance(associatedTokenAddress(owner, config.mint, config.tokenProgram));
  let config: Awaited<ReturnType<AttributionClient["fetchConfig"]>>;

  before(async () => {
    world = await startWorld();
    page = world.page;
    page.on("pageerror", (err) => process.stderr.write(`[page error] ${err.message}\n`));
    client = new AttributionClient({ connection: world.connection });
    config = await client.fetchConfig();
    [curator, contributor, operator, payer] = await Promise.all([
      fundedWallet(world.connection, world.deployer, 10, 0n),
      fundedWallet(world.connection, world.deployer, 10, 0n),
      fundedWallet(world.connection, world.deployer, 10, 1_500n * OPEN),
      fundedWallet(world.connection, world.deployer, 10, 100n * OPEN),
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

  test("create a curated datanet (and its reward pool)", async () => {
    await page.getByTestId("datanet-name").fill("radiology-reports");
    await page.getByTestId("datanet-uri").fill("ipfs://radiology-reports");
    await confirmed(page, "tx-create-datanet", () => page.getByTestId("datanet-create").click());

    datanet = datanetPda(curator.publicKey, 1);
    const account = await client.fetchDatanet(datanet);
    assert.equal(account.name, "radiology-reports");
    assert.ok(account.authority.equals(curator.publicKey));
    assert.ok("curated" in account.policy);
    assert.ok((await client.fetchPool(datanet)).datanet.equals(datanet));

    const row = page.locator(`[data-testid="datanet-row"][data-address="${datanet.toBase58()}"]`);
    await row.waitFor();
    assert.match((await row.textContent()) ?? "", /radiology-reports.*curated/);
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

  test("the curator reviews it (accept with weight 3) and publishes version 1", async () => {
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

    await confirmed(page, "tx-version", () => page.getByTestId("version-publish").click());
    const version = await client.fetchDatanetVersion(datanetVersionPda(datanet, 1));
    assert.equal(Number(version.contributionCount), 1);
    assert.deepEqual(Buffer.from(version.contributionsRoot), Buffer.from(await merkleRoot([fileHash])));
    await page.getByTestId("version-row").filter({ hasText: "v1" }).waitFor();
  });

  test("create a model; publish is enabled only at exactly 10,000 bps; publish it", async () => {
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
    await entry.getByTestId("lineage-target").selectOption(datanet.toBase58());
    await entry.getByTestId("lineage-version").selectOption(datanetVersionPda(datanet, 1).toBase58());
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
    assert.ok(published.lineage[0].datanetVersion?.equals(datanetVersionPda(datanet, 1)));
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

  test("pay: a rejected signature and a fee above the max change nothing; then a payment and its breakdown", async () => {
    await useWallet(page, payer);
    await go(page, world, `pay/${model.toBase58()}`);
    await page.getByTestId("pay-operator").selectOption(operator.publicKey.toBase58());
    await page.getByTestId("pay-calls").fill("4");
    await page.getByTestId("pay-price").filter({ hasText: "0.5 OPEN" }).waitFor();
    await page.getByTestId("pay-fee").filter({ hasText: "2 OPEN" }).waitFor();
    const payerBefore = await tokenBalance(payer.publicKey);
    const vaultBefore = await client.tokenBalance(vaultPda());

    // The user rejects the signature in the wallet.
    await page.evaluate(() => window.testWallet!.rejectNext());
    const rejected = await txResult(page, "tx-pay", () => page.getByTestId("pay-submit").click());
    assert.equal(rejected.status, "failed");
    assert.equal(rejected.kind, "rejected");
    assert.match(rejected.text, /You rejected the request in your wallet: nothing was sent/);
    assert.equal(rejected.signatures.length, 0);

    // A max fee below the fee: the program refuses (FeeAboveMax), shown by its message.
    await page.getByTestId("pay-max-fee").fill("1.5");
    await page.getByTestId("pay-above-max").waitFor();
    const refused = await txResult(page, "tx-pay", () => page.getByTestId("pay-submit").click());
    assert.equal(refused.status, "failed");
    assert.equal(refused.kind, "program");
    assert.match(refused.text, /The fee \(price × calls\) is above the max fee you allowed/);
    assert.match(refused.text, /FeeAboveMax/);
    assert.equal(await tokenBalance(payer.publicKey), payerBefore);
    assert.equal(await client.tokenBalance(vaultPda()), vaultBefore);

    await page.getByTestId("pay-max-fee").fill("2");
    const ok = await confirmed(page, "tx-pay", () => page.getByTestId("pay-submit").click());
    paidSignature = ok.signatures[0];
    assert.equal(payerBefore - (await tokenBalance(payer.publicKey)), 2n * OPEN);
    assert.equal((await client.tokenBalance(vaultPda())) - vaultBefore, 2n * OPEN);

    // The breakdown on the page is the event's, and the chain's accounts agree with it.
    const tx = await world.connection.getTransaction(paidSignature, { commitment: "confirmed", maxSupportedTransactionVersion: 0 });
    const [event] = findEvents(tx!.meta!.logMessages!, "attribution_payout", "inferencePaid");
    assert.equal(big(event.fee), 2n * OPEN);
    const owner = big((await client.fetchEarnings(curator.publicKey, EarningsRole.ModelOwner)).balance);
    const operatorEarned = big((await client.fetchEarnings(operator.publicKey, EarningsRole.Operator)).balance);
    const pool = await client.fetchPool(datanet);
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
  });

  test("enroll the contribution; its claimable share shows; claim it; a second claim has nothing owed", async () => {
    await useWallet(page, contributor);
    await go(page, world, "earnings");
    await confirmed(page, "tx-earnings", () => page.locator(`[data-testid="enrollable-row"][data-contribution="${contribution.toBase58()}"]`).getByTestId("enroll-one").click());
    const position = await client.fetchPosition(contribution);
    assert.ok(position.beneficiary.equals(contributor.publicKey));
    assert.equal(Number(position.weight), 3);
    assert.ok(await world.connection.getAccountInfo(positionPda(contribution)));
    // The fee paid before enrolment waited in the pool; the first enrolment takes it.
    const claimable = await client.positionClaimable(contribution);
    const credited = big((await client.fetchPool(datanet)).totalCredited);
    assert.ok(claimable > 0n && claimable <= credited && credited - claimable < 3n, `${claimable} of ${credited}`);
    const row = page.locator(`[data-testid="position-row"][data-contribution="${contribution.toBase58()}"]`);
    await row.and(page.locator(`[data-claimable="${claimable}"]`)).waitFor();

    await confirmed(page, "tx-earnings", () => row.getByTestId("claim-position").click());
    assert.equal(await tokenBalance(contributor.publicKey), claimable);
    assert.equal(big((await client.fetchPosition(contribution)).totalClaimed), claimable);
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
    await confirmed(page, "tx-earnings", () => page.getByTestId("claim-all").click());
    assert.equal(await tokenBalance(curator.publicKey), owed);
    assert.equal(big((await client.fetchEarnings(curator.publicKey, EarningsRole.ModelOwner)).balance), 0n);
    await page.getByTestId("earnings-total-claimable").locator('[data-raw="0"]').waitFor();

    await useWallet(page, operator);
    const opOwed = big((await client.fetchEarnings(operator.publicKey, EarningsRole.Operator)).balance);
    await confirmed(page, "tx-earnings", () => page.getByTestId(`claim-earnings-${EarningsRole.Operator}`).click());
    assert.equal(await tokenBalance(operator.publicKey), 500n * OPEN + opOwed);
  });

  test("claim all: 25 positions and an earnings account in several transactions of at most 1,232 bytes, one approval", async () => {
    // Set up on the Node side: an open datanet (weight 1 each), 25 contributions by one wallet,
    // enrolled; a model on it; a payment.
    const many = await fundedWallet(world.connection, world.deployer, 20, 0n);
    const d = world.deployer;
    const created = await client.datanetCreate({ creator: d.publicKey, id: 7, name: "bulk-open", uri: "ipfs://bulk", policy: { open: { weight: new BN(1) } } });
    const pool = await client.poolInit({ payer: d.publicKey, datanet: created.datanet });
    await send(world.connection, [...created.instructions, ...pool.instructions], d);
    const contributions: PublicKey[] = [];
    const submits: TransactionInstruction[][] = [];
    for (let i = 0; i < 25; i++) {
      const sub = await client.submitFile({ datanet: created.datanet, contributor: many.publicKey, content: Buffer.from(`bulk item ${i}`), uri: `ipfs://bulk/${i}` });
      contributions.push(sub.contribution);
      submits.push(sub.instructions);
    }
    for (const ixs of packInstructions(submits, many.publicKey)) await send(world.connection, ixs, many);
    const enrolls = await Promise.all(contributions.map(async (c) => (await client.positionEnroll({ payer: many.publicKey, contribution: c, datanet: created.datanet })).instructions));
    for (const ixs of packInstructions(enrolls, many.publicKey)) await send(world.connection, ixs, many);
    const bulk = await client.modelCreate({ owner: many.publicKey, id: 1, kind: "base", name: "bulk-model", uri: "ipfs://bulk-model", artifactHash: new Uint8Array(32).fill(7), pricePerCall: OPEN });
    const lineage = await client.modelLineageSet({ model: bulk.model, owner: many.publicKey, entries: [{ source: "datanet", target: created.datanet, shareBps: 5_000 }], ownerShareBps: 4_000, operatorShareBps: 1_000 });
    const publish = await client.modelPublish({ model: bulk.model, owner: many.publicKey });
    const earnings = await client.earningsInit({ payer: many.publicKey, beneficiary: many.publicKey, role: EarningsRole.ModelOwner });
    await send(world.connection, [...bulk.instructions, ...lineage.instructions, ...publish.instructions, ...earnings.instructions], many);
    const pay = await client.inferencePay({ payer: payer.publicKey, model: bulk.model, operator: operator.publicKey, calls: 10, maxFee: 10n * OPEN });
    await send(world.connection, pay.instructions, payer);

    let owed = big((await client.fetchEarnings(many.publicKey, EarningsRole.ModelOwner)).balance);
    for (const c of contributions) owed += await client.positionClaimable(c);
    await useWallet(page, many);
    await go(page, world, "earnings");
    await page.getByTestId("earnings-total-claimable").locator(`[data-raw="${owed}"]`).waitFor();
    assert.equal(await page.getByTestId("position-row").count(), 25);
    const before = await page.evaluate(() => ({ signed: window.testWallet!.signedCount, requests: window.testWallet!.requestCount }));
    const all = await confirmed(page, "tx-earnings", () => page.getByTestId("claim-all").click(), 60_000);
    assert.ok(all.signatures.length >= 2, `${all.signatures.length} transactions`);
    const afterCounts = await page.evaluate(() => ({ signed: window.testWallet!.signedCount, requests: window.testWallet!.requestCount }));
    assert.equal(afterCounts.signed - before.signed, all.signatures.length);
    assert.equal(afterCounts.requests - before.requests, 1, "one wallet approval for all the transactions");
    const claimsPerTx: number[] = [];
    for (const signature of all.signatures) {
      const tx = await world.connection.getTransaction(signature, { commitment: "confirmed", maxSupportedTransactionVersion: 0 });
      assert.ok(tx && tx.meta?.err === null);
      assert.ok(tx.transaction.message.serialize().length + 1 + 64 <= 1_232);
      claimsPerTx.push(tx.transaction.message.compiledInstructions.length);
    }
    // Every claim went, plus the destination account creation.
    assert.equal(claimsPerTx.reduce((a, b) => a + b, 0), 1 + 26);
    assert.equal(await tokenBalance(many.publicKey), owed);
    for (const c of contributions) assert.equal(await client.positionClaimable(c), 0n);
    await page.getByTestId("earnings-total-claimable").locator('[data-raw="0"]').waitFor();
  });

  test("usage: calls, fees and payouts from the programs' events", async () => {
    await go(page, world, "usage");
    const row = page.locator(`[data-testid="usage-model-row"][data-address="${model.toBase58()}"]`);
    await row.waitFor({ timeout: 30_000 });
    assert.equal(await row.getAttribute("data-calls"), "4");
    assert.equal(await row.getAttribute("data-fees"), (2n * OPEN).toString());
    const net = page.locator(`[data-testid="usage-datanet-row"][data-address="${datanet.toBase58()}"]`);
    assert.equal(await net.getAttribute("data-received"), big((await client.fetchPool(datanet)).totalCredited).toString());
    assert.equal(await net.getAttribute("data-paid-out"), big((await client.fetchPool(datanet)).totalClaimed).toString());
    assert.equal(await page.getByTestId("chart-model-calls").getAttribute("data-total"), "4");
    assert.ok(poolPda(datanet));
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
    await page.getByTestId("pay-model").waitFor();
    assert.equal(await page.locator(`[data-testid="pay-model"] option[value="${model.toBase58()}"]`).count(), 0);
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
