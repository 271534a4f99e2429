/**
 * Contributor bonds and the curator's spam flag, through the client against the built programs
 * in LiteSVM, balances checked after every step, each refusal mounted next to its honest twin:
 * a submission to a bonded datanet posts its bond (one built as if the datanet had none:
 * BondAccountsMissing, nothing moves); the curator flags spam within the window (the bond goes to
 * the treasury, the next version excludes the contribution; a stranger cannot flag, nor the
 * curator once the contribution is in a version or past its window: NotFlaggable); a refund
 * (permissionless, to the contributor only) once it can no longer be forfeited, then NoBond; a
 * pending bonded contribution withdrawn with its bond; a rejected one's bond returned when the
 * curator clears it. The vault always holds exactly the bonds the contributions still hold.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { type Keypair, PublicKey } from "@solana/web3.js";
import {
  AttributionClient,
  BN,
  type ContributionAccount,
  OPEN,
  associatedTokenAddress,
  bondVaultPda,
  findEvents,
  isBondRefundable,
  isFlaggable,
  sha256,
} from "@attribution-suite/client";
import { TestChain } from "./helpers/chain";
import { big, openMarket, TIMING } from "./helpers/market";

const BOND = 10n * OPEN;
const WINDOW = 24 * 3600;

describe("contributor bonds and the spam flag against the built programs", () => {
  let chain: TestChain;
  let client: AttributionClient;
  let mintAuthority: Keypair;
  let treasury: Keypair;
  let curator: Keypair;
  let stranger: Keypair;
  let mint: PublicKey;
  let open: PublicKey; // open datanet (weight 1 each), bond BOND, spam window WINDOW
  let curated: PublicKey; // curated datanet, the same bond policy
  let alice: Keypair;
  let aliceContribution: PublicKey; // honest, accepted, in v1
  const contributions: PublicKey[] = []; // every contribution made here, for the conservation check
  let item = 0;

  const ata = (owner: PublicKey) => associatedTokenAddress(owner, mint);
  const balance = (owner: PublicKey) => chain.tokenBalance(ata(owner));
  const vault = () => chain.tokenBalance(bondVaultPda());

  /** A contributor holding 100 OPEN. */
  function contributor(): Keypair {
    const who = chain.wallet();
    chain.fund(mintAuthority, mint, who.publicKey, 100n * OPEN);
    return who;
  }

  /** Builds the submission of a new item by `who` to `datanet` (`bond` as the client is told, or read). */
  async function submission(datanet: PublicKey, who: Keypair, bond?: bigint) {
    const content = new TextEncoder().encode(`item ${++item}`);
    return client.submitFile({ datanet, contributor: who.publicKey, content, uri: `ipfs://item/${item}`, bond });
  }

  /** Submits a new item by `who` to `datanet`, with its bond; returns the contribution. */
  async function submit(datanet: PublicKey, who: Keypair): Promise<PublicKey> {
    const built = await submission(datanet, who);
    chain.sendOk(built.instructions, who);
    contributions.push(built.contribution);
    return built.contribution;
  }

  async function flag(datanet: PublicKey, contribution: PublicKey, by: Keypair = curator) {
    return chain.send((await client.contributionFlagSpam({ datanet, contribution, authority: by.publicKey })).instructions, by);
  }

  /** What the chain will say: the client's rules on the contribution, its datanet and the clock. */
  async function flaggable(c: PublicKey): Promise<{ flaggable: boolean; refundable: boolean; account: ContributionAccount }> {
    const account = await client.fetchContribution(c);
    const datanet = await client.fetchDatanet(account.datanet);
    const now = chain.now();
    return { flaggable: isFlaggable(account, datanet, now), refundable: isBondRefundable(account, datanet, now), account };
  }

  before(async () => {
    chain = new TestChain();
    chain.setTime(1_800_000_000);
    client = new AttributionClient({ reader: chain.reader, programAccounts: chain.programAccounts });
    let operator: Keypair, builder: Keypair, user: Keypair;
    [treasury, mintAuthority, operator, builder, user, curator, stranger] = Array.from({ length: 7 }, () => chain.wallet());
    mint = await openMarket(chain, client, { treasury, mintAuthority, operator, builder, user }, 1_000n * OPEN, TIMING);
    const bond = { amount: BOND, spamWindowSecs: WINDOW };
    const o = await client.datanetCreate({ creator: curator.publicKey, id: 1, name: "open", uri: "ipfs://open", policy: { open: { weight: new BN(1) } }, bond });
    const c = await client.datanetCreate({ creator: curator.publicKey, id: 2, name: "curated", uri: "ipfs://curated", policy: { curated: {} }, bond });
    const [created] = findEvents(chain.sendOk([...o.instructions, ...c.instructions], curator), "datanet_registry", "datanetCreated");
    assert.equal(big(created.bond.amount), BOND);
    [open, curated] = [o.datanet, c.datanet];
    const account = await client.fetchDatanet(open);
    assert.equal(big(account.bond.amount), BOND);
    assert.equal(Number(account.bond.spamWindowSecs), WINDOW);
    alice = contributor();
  });

  test("a submission to a bonded open datanet posts the bond; one built without the bond accounts fails (BondAccountsMissing) and moves nothing", async () => {
    // Attack: the submission as if the datanet required no bond (no bond accounts).
    const unbonded = await submission(open, alice, 0n);
    assert.equal(unbonded.bond, 0n);
    assert.equal(unbonded.instructions[0].keys.length, 8, "the four optional accounts are there, as the program id");
    assert.equal(chain.sendErr(unbonded.instructions, alice).name, "BondAccountsMissing");
    assert.equal(balance(alice.publicKey), 100n * OPEN);
    assert.equal(vault(), 0n);
    assert.equal(chain.exists(unbonded.contribution), false);

    // Honest twin: the client reads the datanet's bond and passes the bond accounts.
    const honest = await client.submitFile({ datanet: open, contributor: alice.publicKey, content: new TextEncoder().encode(`item ${item}`), uri: "ipfs://a" });
    assert.ok(honest.contribution.equals(unbonded.contribution));
    assert.equal(honest.bond, BOND);
    const [submitted] = findEvents(chain.sendOk(honest.instructions, alice), "datanet_registry", "contributionSubmitted");
    assert.equal(big(submitted.bond), BOND);
    aliceContribution = honest.contribution;
    contributions.push(aliceContribution);
    assert.equal(balance(alice.publicKey), 90n * OPEN);
    assert.equal(vault(), BOND);
    const c = await client.fetchContribution(aliceContribution);
    assert.ok("accepted" in c.status);
    assert.equal(big(c.bond), BOND);
    assert.equal(big(c.flaggableUntil), big(c.decidedAt) + BigInt(WINDOW));

    // A bond paid from another wallet's token account: refused, nothing moves.
    const bob = contributor();
    const stolen = await submission(open, alice);
    stolen.instructions[0].keys[5] = { pubkey: ata(bob.publicKey), isSigner: false, isWritable: true };
    assert.equal(chain.sendErr(stolen.instructions, alice).name, "WrongBondTokenAccount");
    assert.equal(balance(bob.publicKey), 100n * OPEN);
    assert.equal(vault(), BOND);
  });

  test("the curator flags spam within the window: the treasury gets the bond, the weight leaves, the next version excludes it; a stranger cannot flag", async () => {
    const spammer = contributor();
    const spam = await submit(open, spammer);
    assert.equal(vault(), 2n * BOND);
    const before = await client.fetchDatanet(open);
    assert.equal(big(before.totalAcceptedWeight), 2n);
    assert.ok((await flaggable(spam)).flaggable);

    // Attack: a stranger flags.
    const byStranger = await flag(open, spam, stranger);
    assert.ok(!byStranger.ok && byStranger.error?.name === "NotAuthority", JSON.stringify(!byStranger.ok && byStranger.error));
    assert.equal(vault(), 2n * BOND);

    // Honest twin: the curator, within the window.
    const flagged = await flag(open, spam);
    assert.ok(flagged.ok, flagged.ok ? "" : flagged.logs.join("\n"));
    const [event] = findEvents(flagged.logs, "datanet_registry", "contributionFlagged");
    assert.ok("accepted" in event.previousStatus);
    assert.equal(big(event.weightRemoved), 1n);
    assert.equal(big(event.bondForfeited), BOND);
    assert.equal(big(event.totalAcceptedWeight), 1n);
    assert.equal(balance(treasury.publicKey), BOND);
    assert.equal(balance(spammer.publicKey), 90n * OPEN);
    assert.equal(vault(), BOND);
    const { account, flaggable: again, refundable } = await flaggable(spam);
    assert.ok("flagged" in account.status);
    assert.equal(big(account.weight), 0n);
    assert.equal(big(account.bond), 0n);
    assert.ok(!again && !refundable);
    const after = await client.fetchDatanet(open);
    assert.equal(big(after.totalAcceptedWeight), 1n);
    assert.equal(big(after.flaggedAccepted), 1n);
    assert.equal(big(after.accepted), 2n);

    // Flagged once is final.
    const twice = await flag(open, spam);
    assert.ok(!twice.ok && twice.error?.name === "NotFlaggable");

    // Version 1: alice's contribution only.
    const published = await client.datanetVersionPublish({ datanet: open, authority: curator.publicKey, contributionsRoot: await sha256(new Uint8Array(1)), uri: "ipfs://open/v1" });
    chain.sendOk(published.instructions, curator);
    const v1 = await client.fetchDatanetVersion(published.datanetVersion);
    assert.equal(big(v1.contributionCount), 1n);
    assert.equal(big(v1.totalWeight), 1n);
    assert.equal(big(v1.acceptedEnd), 2n);
    assert.equal(big((await client.fetchDatanet(open)).versionedEnd), 2n);
    assert.equal(big((await client.fetchPool(published.datanetVersion)).totalWeight), 1n);
    const enroll = await client.positionEnroll({ payer: spammer.publicKey, datanetVersion: published.datanetVersion, contribution: spam });
    assert.equal(chain.sendErr(enroll.instructions, spammer).name, "ContributionNotAccepted");
    chain.sendOk((await client.positionEnroll({ payer: alice.publicKey, datanetVersion: published.datanetVersion, contribution: aliceContribution })).instructions, alice);

    // In a version, a contribution can no longer be flagged, even within its window.
    const versioned = await flaggable(aliceContribution);
    assert.ok(big(versioned.account.flaggableUntil) > chain.now() && !versioned.flaggable);
    const late = await flag(open, aliceContribution);
    assert.ok(!late.ok && late.error?.name === "NotFlaggable");
    assert.equal(balance(treasury.publicKey), BOND);
  });

  test("a flag after the spam window fails (NotFlaggable) and moves nothing; in the window's last second it succeeds", async () => {
    const [early, late] = [contributor(), contributor()];
    const inWindow = await submit(open, early);
    const pastWindow = await submit(open, late);
    const treasuryBefore = balance(treasury.publicKey);

    // Honest twin: one second before the window closes.
    chain.advanceTime(WINDOW - 1);
    assert.ok((await flaggable(inWindow)).flaggable);
    const ok = await flag(open, inWindow);
    assert.ok(ok.ok, ok.ok ? "" : ok.logs.join("\n"));
    assert.equal(balance(treasury.publicKey), treasuryBefore + BOND);

    // Attack: at the window's end (exclusive), the other one accepted at the same time.
    chain.advanceTime(1);
    const state = await flaggable(pastWindow);
    assert.equal(big(state.account.flaggableUntil), chain.now());
    assert.ok(!state.flaggable && state.refundable);
    const refused = await flag(open, pastWindow);
    assert.ok(!refused.ok && refused.error?.name === "NotFlaggable");
    assert.equal(balance(treasury.publicKey), treasuryBefore + BOND);
    assert.equal(big((await client.fetchContribution(pastWindow)).bond), BOND);
    assert.ok("accepted" in (await client.fetchContribution(pastWindow)).status);
    assert.equal(balance(late.publicKey), 90n * OPEN);
  });

  test("a refund goes to the contributor once the bond can no longer be forfeited, once: then NoBond; not before, nor to another wallet", async () => {
    const carol = contributor();
    const c = await submit(open, carol);
    const cranker = chain.wallet();

    // Within the window and in no version: not refundable yet.
    assert.ok(!(await flaggable(c)).refundable);
    const early = await client.contributionBondRefund({ datanet: open, contribution: c, payer: cranker.publicKey });
    assert.equal(chain.sendErr(early.instructions, cranker).name, "BondNotRefundable");
    assert.equal(balance(carol.publicKey), 90n * OPEN);

    // Alice's is in v1: refundable. To another wallet's token account: refused.
    assert.ok((await flaggable(aliceContribution)).refundable);
    const elsewhere = await client.contributionBondRefund({ datanet: open, contribution: aliceContribution, contributorToken: ata(carol.publicKey) });
    assert.equal(chain.sendErr(elsewhere.instructions, cranker).name, "WrongBondTokenAccount");
    assert.equal(balance(carol.publicKey), 90n * OPEN);

    // Honest twin: anyone sends it, the contributor is paid.
    const vaultBefore = vault();
    const refund = await client.contributionBondRefund({ datanet: open, contribution: aliceContribution, payer: cranker.publicKey });
    assert.ok(refund.contributor.equals(alice.publicKey) && refund.contributorToken.equals(ata(alice.publicKey)));
    const [refunded] = findEvents(chain.sendOk(refund.instructions, cranker), "datanet_registry", "bondRefunded");
    assert.equal(big(refunded.amount), BOND);
    assert.ok(refunded.to.equals(ata(alice.publicKey)) && refunded.contributor.equals(alice.publicKey));
    assert.equal(balance(alice.publicKey), 100n * OPEN);
    assert.equal(vault(), vaultBefore - BOND);
    const after = await flaggable(aliceContribution);
    assert.equal(big(after.account.bond), 0n);
    assert.ok(!after.refundable);

    // A second refund: NoBond, nothing moves.
    const second = await client.contributionBondRefund({ datanet: open, contribution: aliceContribution, payer: cranker.publicKey });
    assert.equal(chain.sendErr(second.instructions, cranker).name, "NoBond");
    assert.equal(balance(alice.publicKey), 100n * OPEN);
    assert.equal(vault(), vaultBefore - BOND);

    // Carol's, once past its window: refundable.
    chain.advanceTime(WINDOW);
    assert.ok((await flaggable(c)).refundable);
    chain.sendOk((await client.contributionBondRefund({ datanet: open, contribution: c, payer: cranker.publicKey })).instructions, cranker);
    assert.equal(balance(carol.publicKey), 100n * OPEN);
  });

  test("withdrawing a pending bonded contribution returns its bond (not without the bond accounts); a rejected one's comes back when the curator clears it", async () => {
    const dave = contributor();
    const pending = await submit(curated, dave);
    assert.ok("pending" in (await client.fetchContribution(pending)).status);
    assert.equal(balance(dave.publicKey), 90n * OPEN);
    const vaultBefore = vault();

    // Attack: withdrawn as if no bond were held (no bond accounts): refused, the bond stays.
    const bare = await client.contributionWithdraw({ datanet: curated, contribution: pending, signer: dave.publicKey, bond: 0 });
    assert.equal(chain.sendErr(bare.instructions, dave).name, "BondAccountsMissing");
    assert.ok(chain.exists(pending));
    assert.equal(vault(), vaultBefore);

    // Honest twin: the bond and the rent back to the contributor.
    const rent = chain.lamports(pending);
    const withdraw = await client.contributionWithdraw({ datanet: curated, contribution: pending, signer: dave.publicKey });
    assert.equal(withdraw.bond, BOND);
    const daveSol = chain.lamports(dave.publicKey);
    const [withdrawn] = findEvents(chain.sendOk(withdraw.instructions, dave), "datanet_registry", "contributionWithdrawn");
    assert.equal(big(withdrawn.bondReturned), BOND);
    assert.equal(chain.exists(pending), false);
    assert.equal(balance(dave.publicKey), 100n * OPEN);
    assert.equal(vault(), vaultBefore - BOND);
    assert.equal(chain.lamports(dave.publicKey), daveSol + rent - 5_000n);
    contributions.splice(contributions.indexOf(pending), 1);

    // Rejected: its bond is refundable; the curator's clearing returns it with the rent.
    const rejected = await submit(curated, dave);
    chain.sendOk((await client.contributionReview({ datanet: curated, contribution: rejected, authority: curator.publicKey, decision: { reject: { reason: 3 } } })).instructions, curator);
    const state = await flaggable(rejected);
    assert.ok(state.refundable && !state.flaggable);
    const clear = await client.contributionWithdraw({ datanet: curated, contribution: rejected, signer: curator.publicKey });
    const [cleared] = findEvents(chain.sendOk(clear.instructions, curator), "datanet_registry", "contributionWithdrawn");
    assert.ok("rejected" in cleared.status && cleared.by.equals(curator.publicKey));
    assert.equal(big(cleared.bondReturned), BOND);
    assert.equal(balance(dave.publicKey), 100n * OPEN);
    contributions.splice(contributions.indexOf(rejected), 1);

    // A pending one flagged as spam: its bond to the treasury; the curator then clears it (no bond left).
    const spam = await submit(curated, dave);
    const treasuryBefore = balance(treasury.publicKey);
    const flagged = await flag(curated, spam);
    assert.ok(flagged.ok);
    const [event] = findEvents(flagged.logs, "datanet_registry", "contributionFlagged");
    assert.ok("pending" in event.previousStatus && big(event.weightRemoved) === 0n);
    assert.equal(balance(treasury.publicKey), treasuryBefore + BOND);
    assert.equal(big((await client.fetchDatanet(curated)).rejected), 2n);
    const clearSpam = await client.contributionWithdraw({ datanet: curated, contribution: spam, signer: curator.publicKey });
    assert.equal(clearSpam.bond, 0n);
    assert.equal(clearSpam.instructions.length, 1);
    chain.sendOk(clearSpam.instructions, curator);
    assert.equal(chain.exists(spam), false);
    assert.equal(balance(dave.publicKey), 90n * OPEN);
    contributions.splice(contributions.indexOf(spam), 1);
  });

  test("the curator drops the bond: later submissions post none; a spam window above 30 days is refused (InvalidBondPolicy)", async () => {
    const tooLong = await client.datanetUpdate({ datanet: curated, authority: curator.publicKey, bond: { amount: BOND, spamWindowSecs: 30 * 24 * 3600 + 1 } });
    assert.equal(chain.sendErr(tooLong.instructions, curator).name, "InvalidBondPolicy");
    const none = await client.datanetUpdate({ datanet: curated, authority: curator.publicKey, bond: { amount: 0, spamWindowSecs: 0 } });
    const [updated] = findEvents(chain.sendOk(none.instructions, curator), "datanet_registry", "datanetUpdated");
    assert.equal(big(updated.bond.amount), 0n);
    const erin = contributor();
    const built = await submission(curated, erin);
    assert.equal(built.bond, 0n);
    chain.sendOk(built.instructions, erin);
    contributions.push(built.contribution);
    assert.equal(balance(erin.publicKey), 100n * OPEN);
    assert.equal(big((await client.fetchContribution(built.contribution)).bond), 0n);
  });

  test("conservation: the bond vault holds exactly the bonds the contributions still hold", async () => {
    let held = 0n;
    for (const c of contributions) held += big((await client.fetchContribution(c)).bond);
    assert.equal(vault(), held);
    assert.ok(held > 0n);
  });
});
