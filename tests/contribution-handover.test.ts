/**
 * Handing a contribution to another wallet, through the client against the built programs in
 * LiteSVM: `contribution_transfer_propose` (only the contributor: NotContributor; a proposal can
 * be cancelled), `contribution_transfer_accept` (only the proposed wallet: NoPendingContributor),
 * then `position_sync` (permissionless; BeneficiaryCurrent when already done, WrongContribution
 * against another contribution) and the new wallet's `claimAllInstructions`, which finds the
 * positions still naming the previous contributor (memcmp on Contribution.contributor), syncs
 * them in the claim's transaction and is paid everything they accrued, before and after the
 * handover; the old wallet gets nothing more (NotBeneficiary). Then a second handover whose accept
 * syncs the positions in the same transaction (`syncPositions`).
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import type { Keypair, PublicKey } from "@solana/web3.js";
import {
  AttributionClient,
  CONTRIBUTION_CONTRIBUTOR_OFFSET,
  EarningsRole,
  associatedTokenAddress,
  findEvents,
  poolPda,
  positionPda,
  vaultPda,
} from "@attribution-suite/client";
import { TestChain } from "./helpers/chain";
import { big, hash, MIN_STAKE, openMarket, TIMING } from "./helpers/market";

const PRICE = 1_000_000n;

describe("handing a contribution over: what it earned, before and after, follows to the new wallet", () => {
  let chain: TestChain;
  let client: AttributionClient;
  let mintAuthority: Keypair;
  let curator: Keypair;
  let builder: Keypair;
  let operator: Keypair;
  let user: Keypair;
  let oldWallet: Keypair;
  let newWallet: Keypair;
  let stranger: Keypair;
  let mint: PublicKey;
  let datanet: PublicKey;
  let c: PublicKey; // the old wallet's contribution, weight 2, handed over
  let other: PublicKey; // the stranger's, weight 1
  let v1: PublicKey;
  let v2: PublicKey;
  let modelV1: PublicKey;
  let modelV2: PublicKey;
  let modelId = 0;
  const ata = (owner: PublicKey) => associatedTokenAddress(owner, mint);
  const p1 = () => positionPda(poolPda(v1), c);
  const p2 = () => positionPda(poolPda(v2), c);

  async function publishedModel(datanetVersion: PublicKey) {
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
      entries: [{ source: "datanet", target: datanet, datanetVersion, shareBps: 4_000 }],
      ownerShareBps: 4_000,
      operatorShareBps: 2_000,
    });
    const publish = await client.modelPublish({ model: create.model, owner: builder.publicKey });
    chain.sendOk([...create.instructions, ...lineage.instructions, ...publish.instructions], builder);
    return create.model;
  }

  /** Pays `model` for `calls`; returns what its datanet entry credited to the cited version's pool. */
  async function pay(model: PublicKey, calls: bigint): Promise<bigint> {
    const built = await client.inferencePay({ payer: user.publicKey, model, operator: operator.publicKey, calls, maxFee: PRICE * calls });
    const [paid] = findEvents(chain.sendOk(built.instructions, user, [operator]), "attribution_payout", "inferencePaid");
    return big(paid.lineage[0].amount);
  }

  before(async () => {
    chain = new TestChain();
    client = new AttributionClient({ reader: chain.reader, programAccounts: chain.programAccounts });
    let treasury: Keypair;
    [treasury, mintAuthority, curator, builder, operator, user, oldWallet, newWallet, stranger] = Array.from({ length: 9 }, () => chain.wallet());
    mint = await openMarket(chain, client, { treasury, mintAuthority, operator, builder, user }, MIN_STAKE, TIMING);

    // A curated datanet: the old wallet's contribution (weight 2) and the stranger's (weight 1),
    // version 1 with its pool, the old wallet's position there, a model citing v1.
    const d = await client.datanetCreate({ creator: curator.publicKey, id: 1, name: "handover", uri: "ipfs://h", policy: { curated: {} } });
    chain.sendOk(d.instructions, curator);
    datanet = d.datanet;
    const submit = async (who: Keypair, label: string, weight: number) => {
      const built = await client.contributionSubmit({ datanet, contributor: who.publicKey, contentHash: hash(label), uri: `ipfs://${label}`, size: 10 });
      chain.sendOk(built.instructions, who);
      const review = await client.contributionReview({ datanet, contribution: built.contribution, authority: curator.publicKey, decision: { accept: { weight } } });
      chain.sendOk(review.instructions, curator);
      return built.contribution;
    };
    c = await submit(oldWallet, "old's sample", 2);
    other = await submit(stranger, "stranger's sample", 1);
    const published = await client.datanetVersionPublish({ datanet, authority: curator.publicKey, contributionsRoot: hash("v1"), uri: "ipfs://h/v1" });
    chain.sendOk(published.instructions, curator);
    v1 = published.datanetVersion;
    chain.sendOk((await client.positionEnroll({ payer: oldWallet.publicKey, datanetVersion: v1, contribution: c })).instructions, oldWallet);
    modelV1 = await publishedModel(v1);
  });

  test("the refusals: a stranger cannot propose (NotContributor), nor accept (NoPendingContributor); a cancelled proposal cannot be accepted", async () => {
    // Before the handover the old wallet is paid, and claims once.
    await pay(modelV1, 300n);
    const first = await client.claimAllInstructions(oldWallet.publicKey);
    assert.deepEqual(first.synced, []);
    for (const tx of first.transactions) chain.sendOk(tx, oldWallet);
    assert.ok(first.total > 0n);
    assert.equal(chain.tokenBalance(ata(oldWallet.publicKey)), first.total);
    // Then paid again, and leaves it unclaimed: it must follow to the new wallet.
    await pay(modelV1, 100n);
    assert.ok((await client.positionClaimable(poolPda(v1), c)) > 0n);

    // Only the contributor proposes.
    const byStranger = await client.contributionTransferPropose({ contribution: c, contributor: stranger.publicKey, newContributor: stranger.publicKey });
    const notContributor = chain.sendErr(byStranger.instructions, stranger);
    assert.equal(notContributor.name, "NotContributor");
    assert.equal(notContributor.program, "datanet_registry");

    // The contributor names the new wallet: listed for it (memcmp on pending_contributor), nothing changes yet.
    const propose = await client.contributionTransferPropose({ contribution: c, contributor: oldWallet.publicKey, newContributor: newWallet.publicKey });
    const [proposed] = findEvents(chain.sendOk(propose.instructions, oldWallet), "datanet_registry", "contributionTransferProposed");
    assert.ok(proposed.contribution.equals(c) && proposed.contributor.equals(oldWallet.publicKey) && proposed.proposed!.equals(newWallet.publicKey));
    let account = await client.fetchContribution(c);
    assert.ok(account.contributor.equals(oldWallet.publicKey));
    assert.ok(account.pendingContributor!.equals(newWallet.publicKey));
    assert.deepEqual((await client.handoversProposedTo(newWallet.publicKey)).map((r) => r.address.toBase58()), [c.toBase58()]);
    assert.deepEqual(await client.handoversProposedTo(stranger.publicKey), []);

    // Only the proposed wallet accepts.
    const wrong = await client.contributionTransferAccept({ contribution: c, newContributor: stranger.publicKey });
    assert.equal(chain.sendErr(wrong.instructions, stranger).name, "NoPendingContributor");

    // Cancelled (null): the new wallet can no longer accept.
    const cancel = await client.contributionTransferPropose({ contribution: c, contributor: oldWallet.publicKey, newContributor: null });
    const [cancelled] = findEvents(chain.sendOk(cancel.instructions, oldWallet), "datanet_registry", "contributionTransferProposed");
    assert.equal(cancelled.proposed, null);
    account = await client.fetchContribution(c);
    assert.equal(account.pendingContributor, null);
    assert.deepEqual(await client.handoversProposedTo(newWallet.publicKey), []);
    const late = await client.contributionTransferAccept({ contribution: c, newContributor: newWallet.publicKey });
    assert.equal(chain.sendErr(late.instructions, newWallet).name, "NoPendingContributor");
  });

  test("propose and accept: the new wallet is the contributor; its claimAllInstructions finds the position still naming the old wallet", async () => {
    const propose = await client.contributionTransferPropose({ contribution: c, contributor: oldWallet.publicKey, newContributor: newWallet.publicKey });
    chain.sendOk(propose.instructions, oldWallet);
    const accept = await client.contributionTransferAccept({ contribution: c, newContributor: newWallet.publicKey });
    assert.equal(accept.instructions.length, 1);
    const [accepted] = findEvents(chain.sendOk(accept.instructions, newWallet), "datanet_registry", "contributionTransferAccepted");
    assert.ok(accepted.previous.equals(oldWallet.publicKey) && accepted.contributor.equals(newWallet.publicKey));
    const account = await client.fetchContribution(c);
    assert.ok(account.contributor.equals(newWallet.publicKey));
    assert.equal(account.pendingContributor, null);
    // Listed by contributor now: memcmp at CONTRIBUTION_CONTRIBUTOR_OFFSET.
    assert.equal(CONTRIBUTION_CONTRIBUTOR_OFFSET, 42);
    assert.deepEqual((await client.contributionsOf(newWallet.publicKey)).map((r) => r.address.toBase58()), [c.toBase58()]);
    assert.deepEqual(await client.contributionsOf(oldWallet.publicKey), []);

    // The position still names the old wallet until synced: listed for both, needing a sync for the new one.
    const forNew = await client.positionsOf(newWallet.publicKey);
    assert.equal(forNew.length, 1);
    assert.ok(forNew[0].position.equals(p1()) && forNew[0].needsSync && forNew[0].beneficiary.equals(oldWallet.publicKey));
    const forOld = await client.positionsOf(oldWallet.publicKey);
    assert.equal(forOld.length, 1);
    assert.equal(forOld[0].needsSync, false);
    assert.deepEqual(await client.positionsOf(newWallet.publicKey, { handedOver: false }), []);
  });

  test("fees after the handover, a version published after it; the new wallet's claim everything syncs and pays all; the old wallet gets nothing more", async () => {
    // More fees to v1 after the handover; v2 (published now: the same two contributions), a
    // model citing it paid, and the new wallet's position there (naming it from the start).
    const v1Credited = await pay(modelV1, 200n);
    const published = await client.datanetVersionPublish({ datanet, authority: curator.publicKey, contributionsRoot: hash("v2"), uri: "ipfs://h/v2" });
    chain.sendOk(published.instructions, curator);
    v2 = published.datanetVersion;
    modelV2 = await publishedModel(v2);
    const v2Credited = await pay(modelV2, 150n);
    const enroll = await client.positionEnroll({ payer: newWallet.publicKey, datanetVersion: v2, contribution: c });
    const [enrolled] = findEvents(chain.sendOk(enroll.instructions, newWallet), "attribution_payout", "positionEnrolled");
    assert.ok(enrolled.beneficiary.equals(newWallet.publicKey));

    const owed1 = await client.positionClaimable(poolPda(v1), c);
    const owed2 = await client.positionClaimable(poolPda(v2), c);
    // v1: its 2/3 of the fee left unclaimed before the handover and of the one after it.
    const pool1 = await client.fetchPool(v1);
    const unclaimedBefore = big(pool1.totalCredited) - v1Credited;
    assert.ok(owed1 > ((v1Credited * 2n) / 3n), `${owed1} includes what accrued before the handover`);
    const gap = (big(pool1.totalCredited) * 2n) / 3n - big(pool1.totalClaimed) - owed1;
    assert.ok(gap >= -2n && gap <= 2n, `${owed1} of the ${unclaimedBefore} v1 still owes`);
    assert.ok((v2Credited * 2n) / 3n - owed2 <= 1n);

    const oldBalance = chain.tokenBalance(ata(oldWallet.publicKey));
    const all = await client.claimAllInstructions(newWallet.publicKey);
    assert.equal(all.positions.length, 2);
    assert.equal(all.total, owed1 + owed2);
    assert.deepEqual(all.synced.map((k) => k.toBase58()), [p1().toBase58()]);
    assert.equal(all.transactions.length, 1);
    const [tx] = all.transactions;
    // [the new wallet's ATA, position_sync of the v1 position, position_claim of both]
    assert.equal(tx.length, 3);
    const payout = client.payoutProgram.programId;
    assert.ok(tx[1].programId.equals(payout) && tx[1].keys[0].pubkey.equals(p1()) && tx[1].keys[1].pubkey.equals(c));
    assert.ok(tx[2].programId.equals(payout));
    const vaultBefore = chain.tokenBalance(vaultPda());
    const logs = chain.sendOk(tx, newWallet);
    const [synced] = findEvents(logs, "attribution_payout", "positionSynced");
    assert.ok(synced.position.equals(p1()) && synced.previous.equals(oldWallet.publicKey) && synced.beneficiary.equals(newWallet.publicKey));
    assert.deepEqual(
      findEvents(logs, "attribution_payout", "positionClaimed").map((e) => big(e.amount)).sort(),
      [owed1, owed2].sort(),
    );

    // The chain: the new wallet received exactly what both positions accrued; the old one nothing more.
    assert.equal(chain.tokenBalance(ata(newWallet.publicKey)), owed1 + owed2);
    assert.equal(vaultBefore - chain.tokenBalance(vaultPda()), owed1 + owed2);
    assert.equal(chain.tokenBalance(ata(oldWallet.publicKey)), oldBalance);
    assert.ok((await client.fetchPosition(poolPda(v1), c)).beneficiary.equals(newWallet.publicKey));
    assert.equal(await client.positionClaimable(poolPda(v1), c), 0n);
    assert.equal(await client.positionClaimable(poolPda(v2), c), 0n);

    // The old wallet's claim of the position: NotBeneficiary; nothing is listed for it any more.
    const byOld = await client.positionClaim({ beneficiary: oldWallet.publicKey, positions: [{ datanetVersion: v1, contribution: c }] });
    await pay(modelV1, 10n); // something to claim, so that only the beneficiary check can refuse
    assert.equal(chain.sendErr(byOld.instructions, oldWallet).name, "NotBeneficiary");
    assert.equal(chain.tokenBalance(ata(oldWallet.publicKey)), oldBalance);
    assert.deepEqual(await client.positionsOf(oldWallet.publicKey), []);
    const again = await client.claimAllInstructions(newWallet.publicKey);
    assert.deepEqual(again.synced, []);
    assert.equal(again.transactions.length, 1);
  });

  test("position_sync refusals: BeneficiaryCurrent when already synced, WrongContribution against another contribution", async () => {
    const twice = await client.positionSync({ datanetVersion: v1, contribution: c });
    assert.ok(twice.position.equals(p1()) && twice.pool.equals(poolPda(v1)));
    const current = chain.sendErr(twice.instructions, stranger);
    assert.equal(current.name, "BeneficiaryCurrent");
    assert.equal(current.program, "attribution_payout");
    // The v1 position with another contribution as its `contribution` account.
    const wrong = await client.positionSync({ datanetVersion: v1, contribution: c });
    wrong.instructions[0].keys[1] = { pubkey: other, isSigner: false, isWritable: false };
    assert.equal(chain.sendErr(wrong.instructions, stranger).name, "WrongContribution");
  });

  test("a second handover whose accept syncs the positions in the same transaction (syncPositions)", async () => {
    const carol = chain.wallet();
    chain.sendOk((await client.contributionTransferPropose({ contribution: c, contributor: newWallet.publicKey, newContributor: carol.publicKey })).instructions, newWallet);
    // Before accepting, the new wallet (still the contributor and beneficiary) had claimed all but the last fee.
    const owedBefore = await client.positionClaimable(poolPda(v1), c);
    assert.ok(owedBefore > 0n);
    const accept = await client.contributionTransferAccept({ contribution: c, newContributor: carol.publicKey, syncPositions: true });
    assert.equal(accept.instructions.length, 3);
    assert.deepEqual(accept.synced.map((k) => k.toBase58()).sort(), [p1().toBase58(), p2().toBase58()].sort());
    const logs = chain.sendOk(accept.instructions, carol);
    assert.equal(findEvents(logs, "attribution_payout", "positionSynced").length, 2);
    for (const p of [p1(), p2()]) {
      const info = await chain.reader(p);
      const position = client.payoutProgram.coder.accounts.decode("position", Buffer.from(info!.data));
      assert.ok(position.beneficiary.equals(carol.publicKey));
    }
    // Carol's claim everything needs no sync; the previous wallet has nothing left to claim.
    assert.deepEqual(await client.positionsOf(newWallet.publicKey), []);
    const newBalance = chain.tokenBalance(ata(newWallet.publicKey));
    const all = await client.claimAllInstructions(carol.publicKey);
    assert.deepEqual(all.synced, []);
    assert.ok(all.positions.every((p) => !p.needsSync));
    assert.equal(all.total, owedBefore);
    for (const tx of all.transactions) chain.sendOk(tx, carol);
    assert.equal(chain.tokenBalance(ata(carol.publicKey)), owedBefore);
    assert.equal(chain.tokenBalance(ata(newWallet.publicKey)), newBalance);
  });

  test("conservation: the vault holds exactly what the pools and earnings still owe", async () => {
    let owed = 0n;
    for (const v of [v1, v2]) {
      const pool = await client.fetchPool(v);
      owed += big(pool.totalCredited) - big(pool.totalClaimed);
    }
    const config = await client.fetchConfig();
    for (const [who, role] of [
      [config.treasury, EarningsRole.Treasury],
      [builder.publicKey, EarningsRole.ModelOwner],
      [operator.publicKey, EarningsRole.Operator],
    ] as const) {
      owed += big((await client.fetchEarnings(who, role)).balance);
    }
    assert.equal(chain.tokenBalance(vaultPda()), owed);
  });
});
