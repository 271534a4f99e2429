/**
 * The CLI demo's economy (`attribution demo`, crates/attribution-cli/src/demo.rs, built with the
 * svm-harness World, crates/svm-harness/src/world.rs) rebuilt over RPC with the TypeScript client
 * on a bootstrapped validator, for the screenshots and for trying the app by hand:
 *
 * - three curated datanets: clinical-notes (curator Ada, id 1), legal-contracts (Lex, id 2),
 *   code-reviews (Rue, id 3), URIs `ipfs://datanet-<id>` as the World's;
 * - 60 contributors: contributor i submits to datanet i % 3 "<sample i % 4> (contributor i)" with
 *   demo.rs's sample sentences (SHA-256 on chain, URI `ipfs://<first 8 bytes of the hash in hex>`),
 *   the curator accepts it with weight 10 + (i × 37) % 90;
 * - version 1 of each datanet, published by its curator once its 20 contributions are accepted
 *   (the chain fixes its contributions and total weight; root: the Merkle root of their hashes
 *   in order of acceptance; `ipfs://datanet-<id>/v1`), with its reward pool (the client's
 *   datanetVersionPublish creates it in the same transaction); then each contributor enrolls its
 *   contribution in v1's pool;
 * - the three models, id 1 of each owner, URI `ipfs://model-1` and artifact hash
 *   SHA-256("weights-1") as the World's, each published with its escrow and its owner's earnings
 *   account, every datanet entry citing the datanet's version 1: base (Bea, 0.02 OPEN per call; code-reviews 30 %, owner 50 %, operator 20 %),
 *   fine-tune (Fin, 0.05 OPEN; clinical-notes 25 %, legal-contracts 20 %, base 15 %, owner 25 %,
 *   operator 15 %), adapter on the base (Ari, 0.0125 OPEN; base 40 %, owner 45 %, operator 15 %);
 * - one operator, Opal (endpoint https://inference.example/v1), staking 5,000 OPEN (checked
 *   against the bootstrapped config's minimum, 1,000 OPEN by default as in the demo), with its
 *   earnings account; it serves every model;
 * - five users with 100,000 OPEN each; payment i: user i % 5, model i % 3, 1 + (i × 7) % 20 calls,
 *   request id SHA-256("request <i>"), paced over `spreadMs` so the Usage charts have a time axis;
 * - the upstream crank (escrow_distribute of the base model, by a fresh wallet), then the demo's
 *   claims: every contributor's position, the treasury's (the deployer, bootstrap's treasury) and
 *   the model owners' and the operator's earnings.
 *
 * Differences from the demo:
 * - Names: the World names datanets "datanet-<id>" and models "model-<id>" on chain (all three
 *   models are "model-1"); here they carry the names the demo prints (clinical-notes,
 *   legal-contracts, code-reviews; base, fine-tune, adapter).
 * - Left out: the demo's Proof of Attribution part (the bard-texts datanet, the bard-chat model,
 *   its epoch, root and claims): the app has no page for it. So payments cycle over three models,
 *   not four, and request ids are not the demo's (those hash the bard outputs).
 * - Payments: PAYMENTS (1,000, as in the demo), PAY_CONCURRENCY in flight at once. Measured on
 *   this 2-core machine against the local validator: the 1,000 take 25 s unpaced (`--fast`);
 *   paced over spreadMs = 90 s (the screenshots' setting) they take 90 s, and the whole scenario
 *   2 min 13 s (wallets 3 s, datanets and contributions 27 s, the rest 13 s); `npm run screenshots
 *   -w app` takes 2 min 28 s in all.
 * - Left unclaimed so the Earnings page has something claimable (the demo claims everything):
 *   the positions of contributors 45–59 and the earnings of Bea (base model owner) and Opal
 *   (operator).
 * - Added for the pages' states the demo does not have: three more clinical-notes contributions
 *   (by contributors 0, 3 and 6) left pending for Ada's review queue, and one (by contributor 9)
 *   rejected with reason code 1 (Ada can clear it); a draft model, legal-drafting (Fin's id 2, a
 *   fine-tune), never published (the lineage editor's page).
 *
 *   npm run scenario -w app -- [--url http://127.0.0.1:8899] [--fast] [--payments N]
 *
 * Standalone, it writes the keypairs to app/.scenario/<name>.json (ada, lex, rue, bea, fin, ari,
 * opal, user-1..5, cranker, contributor-00..59): import one into a wallet to see its earnings.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  AttributionClient,
  type ConfigAccount,
  EarningsRole,
  type LineageEntryInput,
  type ModelAccount,
  OPEN,
  datanetVersionPda,
  merkleRoot,
  sha256,
} from "@attribution-suite/client";
import type { Connection, Keypair, PublicKey, TransactionInstruction } from "@solana/web3.js";
import { mapLimit } from "../src/lib/concurrency";
import { APP_ROOT, REPO_ROOT, connect, fundedWallet, loadDeployer, send } from "./node-chain";

export interface Scenario {
  wallets: Record<string, Keypair>;
  datanets: Record<string, PublicKey>;
  models: Record<string, PublicKey>;
  payments: number;
}

/** demo.rs's PAYMENTS. */
export const PAYMENTS = 1_000;
/** Payments in flight at once (one at a time over RPC would take about 8 minutes). */
const PAY_CONCURRENCY = 16;

/** The demo's datanets and their samples, one per contribution: the file demo.rs reads too. */
const DATANETS: [string, string[]][] = (
  JSON.parse(readFileSync(join(REPO_ROOT, "testdata/demo/datanets.json"), "utf8")) as { name: string; samples: string[] }[]
).map((d) => [d.name, d.samples]);
const CONTRIBUTORS = 60;
/** Contributors whose positions stay unclaimed (the demo claims all 60). */
const UNCLAIMED_FROM = 45;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const text = (s: string) => new TextEncoder().encode(s);
const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

export async function runScenario(
  connection: Connection,
  options: { spreadMs?: number; payments?: number; log?: (line: string) => void } = {},
): Promise<Scenario> {
  const started = Date.now();
  const log = (line: string) => options.log?.(`${line} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const spreadMs = options.spreadMs ?? 60_000;
  const paymentCount = options.payments ?? PAYMENTS;
  const deployer = loadDeployer();
  const client = new AttributionClient({ connection });
  const config: ConfigAccount = await client.fetchConfig();
  const tx = (ixs: TransactionInstruction[], signer: Keypair, signers: Keypair[] = []) => send(connection, ixs, signer, signers);

  // Wallets: SOL for fees and rent; OPEN where the demo funds it (users 100,000, Opal its stake).
  const stake = 5_000n * OPEN;
  const minStake = BigInt(config.minOperatorStake.toString());
  if (stake < minStake) throw new Error(`the config's minimum stake (${minStake} base units) is above Opal's 5,000 OPEN`);
  const named: [string, number, bigint][] = [
    ["ada", 10, 0n],
    ["lex", 10, 0n],
    ["rue", 10, 0n],
    ["bea", 10, 0n],
    ["fin", 10, 0n],
    ["ari", 10, 0n],
    ["opal", 10, stake],
    ...[1, 2, 3, 4, 5].map((u): [string, number, bigint] => [`user-${u}`, 10, 100_000n * OPEN]),
    ["cranker", 1, 0n],
    ...Array.from({ length: CONTRIBUTORS }, (_, i): [string, number, bigint] => [`contributor-${String(i).padStart(2, "0")}`, 1, 0n]),
  ];
  const funded = await mapLimit(named, 12, ([, sol, open]) => fundedWallet(connection, deployer, sol, open));
  const wallets: Record<string, Keypair> = Object.fromEntries(named.map(([name], i) => [name, funded[i]]));
  const w = wallets;
  const contributorWallet = (i: number) => w[`contributor-${String(i).padStart(2, "0")}`];
  log(`${named.length} wallets funded`);

  // Who contributed: the curators' datanets (curated, ids 1, 2, 3). The app lists datanets and
  // models by creation time (seconds), then address: a second apart, they are listed in the
  // demo's order. Their reward pools come with their versions, below.
  const curators = [w.ada, w.lex, w.rue];
  const datanets: Record<string, PublicKey> = {};
  const datanetKeys: PublicKey[] = [];
  for (const [d, [name]] of DATANETS.entries()) {
    if (d > 0) await sleep(1_100);
    const curator = curators[d];
    const id = d + 1;
    const created = await client.datanetCreate({ creator: curator.publicKey, id, name, uri: `ipfs://datanet-${id}`, policy: { curated: {} } });
    await tx(created.instructions, curator);
    datanets[name] = created.datanet;
    datanetKeys.push(created.datanet);
  }

  // 60 contributions, submitted and accepted; the three datanets side by side, each in the demo's
  // order (so contributor i is contribution #i/3 of datanet i % 3, accepted in that order).
  const submit = async (datanet: PublicKey, who: Keypair, content: string) => {
    const bytes = text(content);
    const contentHash = await sha256(bytes);
    const built = await client.contributionSubmit({ datanet, contributor: who.publicKey, contentHash, uri: `ipfs://${hex(contentHash.slice(0, 8))}`, size: bytes.length });
    await tx(built.instructions, who);
    return { contribution: built.contribution, contentHash };
  };
  const contributions: { contribution: PublicKey; contentHash: Uint8Array; datanet: number; weight: number }[] = new Array(CONTRIBUTORS);
  await Promise.all(
    DATANETS.map(async ([, samples], d) => {
      for (let i = d; i < CONTRIBUTORS; i += 3) {
        const who = contributorWallet(i);
        const datanet = datanetKeys[d];
        const { contribution, contentHash } = await submit(datanet, who, `${samples[i % samples.length]} (contributor ${i})`);
        const weight = 10 + ((i * 37) % 90);
        const review = await client.contributionReview({ datanet, contribution, authority: curators[d].publicKey, decision: { accept: { weight } } });
        await tx(review.instructions, curators[d]);
        contributions[i] = { contribution, contentHash, datanet: d, weight };
      }
    }),
  );
  log(`3 datanets, ${CONTRIBUTORS} contributions accepted`);

  // Version 1 of each datanet: the chain fixes its 20 contributions and their total weight; the
  // client adds the version's pool_init. Then every contributor enrolls in v1's pool.
  const versions: PublicKey[] = [];
  for (const d of DATANETS.keys()) {
    const mine = contributions.filter((c) => c.datanet === d); // in order of acceptance
    const v = await client.datanetVersionPublish({
      datanet: datanetKeys[d],
      authority: curators[d].publicKey,
      number: 1,
      contributionsRoot: await merkleRoot(mine.map((c) => c.contentHash)),
      uri: `ipfs://datanet-${d + 1}/v1`,
    });
    await tx(v.instructions, curators[d]);
    versions.push(v.datanetVersion);
  }
  await mapLimit(contributions, 8, async (c, i) => {
    const who = contributorWallet(i);
    await tx((await client.positionEnroll({ payer: who.publicKey, datanetVersion: versions[c.datanet], contribution: c.contribution })).instructions, who);
  });
  log("version 1 of each datanet with its pool; 60 positions enrolled");

  // Added for the app's pages (not in the demo): clinical-notes contributions left pending for
  // Ada's review queue and one rejected with a reason code; version 1 of each datanet.
  const clinical = datanetKeys[0];
  for (const [i, content] of [
    [0, "Referral to cardiology after an abnormal exercise stress test (contributor 0, second note)"],
    [3, "Post-operative day one: afebrile, wound clean, tolerating oral intake (contributor 3, second note)"],
    [6, "Penicillin allergy documented as a rash in childhood; no anaphylaxis (contributor 6, second note)"],
  ] as const) {
    await submit(clinical, contributorWallet(i), content);
  }
  const rejected = await submit(clinical, contributorWallet(9), "Discharge summary pasted with the patient's name and date of birth (contributor 9)");
  await tx((await client.contributionReview({ datanet: clinical, contribution: rejected.contribution, authority: w.ada.publicKey, decision: { reject: { reason: 1 } } })).instructions, w.ada);
  log("added: 3 pending contributions, 1 rejected");

  // Who refined: as World::model (create, lineage, publish, escrow, owner's earnings account).
  const models: Record<string, PublicKey> = {};
  const artifactHash = await sha256(text("weights-1"));
  const model = async (
    name: string,
    owner: Keypair,
    kind: "base" | "fineTune" | "adapter",
    base: PublicKey | null,
    price: bigint,
    entries: LineageEntryInput[],
    ownerShareBps: number,
    operatorShareBps: number,
  ) => {
    if (Object.keys(models).length > 0) await sleep(1_100);
    const created = await client.modelCreate({ owner: owner.publicKey, id: 1, kind, baseModel: base, name, uri: "ipfs://model-1", artifactHash, pricePerCall: price });
    await tx(created.instructions, owner);
    const lineage = await client.modelLineageSet({ model: created.model, owner: owner.publicKey, entries, ownerShareBps, operatorShareBps });
    const publish = await client.modelPublish({ model: created.model, owner: owner.publicKey });
    const escrow = await client.escrowInit({ payer: owner.publicKey, model: created.model });
    const earnings = await client.earningsInit({ payer: owner.publicKey, beneficiary: owner.publicKey, role: EarningsRole.ModelOwner });
    await tx([...lineage.instructions, ...publish.instructions, ...escrow.instructions, ...earnings.instructions], owner);
    models[name] = created.model;
    return created.model;
  };
  const [clinicalNotes, legalContracts, codeReviews] = datanetKeys;
  // Every datanet entry cites the version the model was trained on: here each datanet's v1.
  const v1 = (datanet: PublicKey) => datanetVersionPda(datanet, 1);
  const base = await model("base", w.bea, "base", null, 20_000_000n, [{ source: "datanet", target: codeReviews, datanetVersion: v1(codeReviews), shareBps: 3_000 }], 5_000, 2_000);
  const tune = await model(
    "fine-tune",
    w.fin,
    "fineTune",
    null,
    50_000_000n,
    [
      { source: "datanet", target: clinicalNotes, datanetVersion: v1(clinicalNotes), shareBps: 2_500 },
      { source: "datanet", target: legalContracts, datanetVersion: v1(legalContracts), shareBps: 2_000 },
      { source: "model", target: base, shareBps: 1_500 },
    ],
    2_500,
    1_500,
  );
  const adapter = await model("adapter", w.ari, "adapter", base, 12_500_000n, [{ source: "model", target: base, shareBps: 4_000 }], 4_500, 1_500);
  // Added (not in the demo): a draft that is never published, for the lineage editor.
  await sleep(1_100);
  const draft = await client.modelCreate({
    owner: w.fin.publicKey,
    id: 2,
    kind: "fineTune",
    name: "legal-drafting",
    uri: "ipfs://model-2",
    artifactHash: await sha256(text("weights-2")),
    pricePerCall: 80_000_000n,
  });
  await tx(draft.instructions, w.fin);
  models["legal-drafting"] = draft.model;
  log("models: base, fine-tune, adapter published; legal-drafting a draft");

  // Who executed: Opal, as World::operator.
  const op = w.opal;
  const reg = await client.operatorRegister({ authority: op.publicKey, endpoint: "https://inference.example/v1" });
  const init = await client.stakeInit({ authority: op.publicKey });
  const dep = await client.stakeDeposit({ authority: op.publicKey, amount: stake });
  const earn = await client.earningsInit({ payer: op.publicKey, beneficiary: op.publicKey, role: EarningsRole.Operator });
  await tx([...reg.instructions, ...init.instructions, ...dep.instructions, ...earn.instructions], op);
  log(`Opal staked 5,000 OPEN (config minimum ${Number(minStake) / Number(OPEN)} OPEN)`);

  // Paid inferences from five users, paced over spreadMs.
  const users = [1, 2, 3, 4, 5].map((u) => w[`user-${u}`]);
  const paid = [base, tune, adapter];
  const accounts = new Map<string, ModelAccount>();
  for (const m of paid) accounts.set(m.toBase58(), await client.fetchModel(m));
  const payStart = Date.now();
  let payments = 0;
  await mapLimit(
    Array.from({ length: paymentCount }, (_, i) => i),
    PAY_CONCURRENCY,
    async (i) => {
      const due = payStart + Math.floor((i * spreadMs) / paymentCount);
      if (due > Date.now()) await sleep(due - Date.now());
      const user = users[i % users.length];
      const m = paid[i % paid.length];
      const account = accounts.get(m.toBase58())!;
      const calls = 1 + ((i * 7) % 20);
      const pay = await client.inferencePay({
        payer: user.publicKey,
        model: m,
        operator: op.publicKey,
        calls,
        maxFee: BigInt(account.pricePerCall.toString()) * BigInt(calls),
        requestId: await sha256(text(`request ${i}`)),
        modelAccount: account,
        config,
      });
      await tx(pay.instructions, user, [op]);
      payments++;
      if (payments % 100 === 0) log(`${payments} payments`);
    },
  );
  log(`${payments} payments in ${((Date.now() - payStart) / 1000).toFixed(1)} s`);

  // The upstream crank: the fine-tune and the adapter paid the base model through its escrow.
  await tx((await client.escrowDistribute({ model: base, modelAccount: accounts.get(base.toBase58()), config })).instructions, w.cranker);

  // The demo's claims, but for those left unclaimed (see the header).
  const open = await client.openToken();
  await mapLimit(contributions.slice(0, UNCLAIMED_FROM), 8, async (c, i) => {
    const who = contributorWallet(i);
    const claim = await client.positionClaim({ beneficiary: who.publicKey, positions: [{ datanetVersion: versions[c.datanet], contribution: c.contribution }], open });
    await tx(claim.instructions, who);
  });
  // The treasury is bootstrap's default, the deployer (claimed only when it is).
  const earners: [Keypair, EarningsRole][] = [
    [w.fin, EarningsRole.ModelOwner],
    [w.ari, EarningsRole.ModelOwner],
  ];
  if (config.treasury.equals(deployer.publicKey)) earners.unshift([deployer, EarningsRole.Treasury]);
  for (const [who, role] of earners) {
    await tx((await client.earningsClaim({ beneficiary: who.publicKey, role, open })).instructions, who);
  }
  log(`crank on base; claimed: ${UNCLAIMED_FROM} positions, treasury, Fin, Ari (left: contributors ${UNCLAIMED_FROM}-${CONTRIBUTORS - 1}, Bea, Opal)`);
  return { wallets, datanets, models, payments };
}

async function main() {
  const args = process.argv.slice(2);
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const url = option("--url") ?? "http://127.0.0.1:8899";
  const connection = connect(url);
  const scenario = await runScenario(connection, {
    spreadMs: args.includes("--fast") ? 0 : 90_000,
    payments: option("--payments") ? Number(option("--payments")) : undefined,
    log: (l) => console.log(`[scenario] ${l}`),
  });
  const dir = join(APP_ROOT, ".scenario");
  mkdirSync(dir, { recursive: true });
  for (const [name, kp] of Object.entries(scenario.wallets)) writeFileSync(join(dir, `${name}.json`), JSON.stringify(Array.from(kp.secretKey)));
  console.log(`[scenario] ${Object.keys(scenario.wallets).length} keypairs in ${dir} (Bea, base model owner with unclaimed earnings: ${scenario.wallets.bea.publicKey.toBase58()})`);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
