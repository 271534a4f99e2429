/**
 * A small economy on a bootstrapped validator, for the screenshots and for trying the app by
 * hand: four datanets (curated and open) with contributions accepted, rejected and pending, and
 * published versions; five models (base models, a fine-tune on a base model, a LoRA adapter, a
 * draft); two staked operators; enrolments; payments spread over about a minute; the upstream
 * escrow crank; some claims. Everything is signed by fresh keypairs funded by the deployer.
 *
 *   npm run scenario -w app -- [--url http://127.0.0.1:8899] [--fast]
 *
 * Standalone, it writes the keypairs to app/.scenario/<name>.json (the "builder" is a model owner
 * and a contributor: import it to see earnings).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { AttributionClient, BN, EarningsRole, OPEN, merkleRoot, sha256 } from "@attribution-suite/client";
import type { Connection, Keypair, PublicKey, TransactionInstruction } from "@solana/web3.js";
import { APP_ROOT, connect, fundedWallet, loadDeployer, send } from "./node-chain";

export interface Scenario {
  wallets: Record<string, Keypair>;
  datanets: Record<string, PublicKey>;
  models: Record<string, PublicKey>;
  payments: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const text = (s: string) => new TextEncoder().encode(s);

export async function runScenario(connection: Connection, options: { spreadMs?: number; log?: (line: string) => void } = {}): Promise<Scenario> {
  const log = options.log ?? (() => {});
  const spreadMs = options.spreadMs ?? 60_000;
  const deployer = loadDeployer();
  const client = new AttributionClient({ connection });
  const names = ["mercy", "collective", "alice", "bob", "carol", "dave", "erin", "builder", "op1", "op2", "user1", "user2"] as const;
  const opens: Partial<Record<(typeof names)[number], bigint>> = { op1: 2_000n * OPEN, op2: 1_500n * OPEN, user1: 500n * OPEN, user2: 300n * OPEN };
  const list = await Promise.all(names.map((n) => fundedWallet(connection, deployer, 20, opens[n] ?? 0n)));
  const w = Object.fromEntries(names.map((n, i) => [n, list[i]])) as Record<(typeof names)[number], Keypair>;
  const tx = (ixs: TransactionInstruction[], signer: Keypair) => send(connection, ixs, signer);
  log("wallets funded");

  // Datanets and their pools.
  const datanets: Record<string, PublicKey> = {};
  const specs: [string, Keypair, number, string, { curated: object } | { open: { weight: BN } }][] = [
    ["radiology-reports", w.mercy, 1, "ipfs://bafy-radiology-reports", { curated: {} }],
    ["clinical-notes", w.mercy, 2, "ipfs://bafy-clinical-notes", { curated: {} }],
    ["open-source-code", w.collective, 1, "ipfs://bafy-open-source-code", { open: { weight: new BN(1) } }],
    ["legal-contracts", w.collective, 2, "ipfs://bafy-legal-contracts", { curated: {} }],
  ];
  for (const [name, curator, id, uri, policy] of specs) {
    const created = await client.datanetCreate({ creator: curator.publicKey, id, name, uri, policy: policy as never });
    const pool = await client.poolInit({ payer: curator.publicKey, datanet: created.datanet });
    await tx([...created.instructions, ...pool.instructions], curator);
    datanets[name] = created.datanet;
  }
  log("datanets created");

  // Contributions: [datanet, contributor, content, decision].
  const contributions: [string, Keypair, string, number | "pending" | { reject: number }][] = [
    ["radiology-reports", w.alice, "CT chest, 2,400 de-identified reports with findings and impressions", 5],
    ["radiology-reports", w.bob, "MRI brain, 1,100 reports labelled by two radiologists", 3],
    ["radiology-reports", w.carol, "Chest X-ray, 900 pediatric reports, normal/abnormal labels", 2],
    ["radiology-reports", w.erin, "Scraped forum posts about X-rays (unlicensed)", { reject: 2 }],
    ["radiology-reports", w.dave, "Ultrasound, 300 reports (awaiting consent forms)", "pending"],
    ["clinical-notes", w.alice, "Discharge summaries, cardiology ward, 2019-2023", 4],
    ["clinical-notes", w.builder, "Nursing notes with structured vitals", 2],
    ["clinical-notes", w.dave, "Medication reconciliation notes", 1],
    ["open-source-code", w.bob, "Rust crates: parsers and serializers, MIT", 0],
    ["open-source-code", w.carol, "TypeScript UI components, Apache-2.0", 0],
    ["open-source-code", w.erin, "Python data tooling, BSD-3", 0],
    ["open-source-code", w.builder, "Solana programs and tests, Apache-2.0", 0],
    ["legal-contracts", w.alice, "NDAs and MSAs, anonymised", "pending"],
  ];
  const accepted: { contribution: PublicKey; datanet: PublicKey; payer: Keypair }[] = [];
  for (const [i, [dn, who, content, decision]] of contributions.entries()) {
    const datanet = datanets[dn];
    const submitted = await client.submitFile({ datanet, contributor: who.publicKey, content: text(content), uri: `ipfs://bafy-contribution-${i + 1}` });
    await tx(submitted.instructions, who);
    const curator = specs.find((s) => s[0] === dn)![1];
    if (typeof decision === "number" && decision > 0) {
      const r = await client.contributionReview({ datanet, contribution: submitted.contribution, authority: curator.publicKey, decision: { accept: { weight: decision } } });
      await tx(r.instructions, curator);
    } else if (typeof decision === "object") {
      const r = await client.contributionReview({ datanet, contribution: submitted.contribution, authority: curator.publicKey, decision: { reject: { reason: decision.reject } } });
      await tx(r.instructions, curator);
    }
    if (decision === 0 || (typeof decision === "number" && decision > 0)) accepted.push({ contribution: submitted.contribution, datanet, payer: who });
  }
  log("contributions submitted and reviewed");

  // Versions of the two curated datanets with accepted contributions.
  const versions: Record<string, PublicKey> = {};
  for (const dn of ["radiology-reports", "clinical-notes"]) {
    const datanet = datanets[dn];
    const acc = accepted.filter((a) => a.datanet.equals(datanet));
    const hashes = await Promise.all(acc.map(async (a) => Uint8Array.from((await client.fetchContribution(a.contribution)).contentHash)));
    const v = await client.datanetVersionPublish({
      datanet,
      authority: w.mercy.publicKey,
      number: 1,
      contributionsRoot: await merkleRoot(hashes),
      contributionCount: acc.length,
      uri: `ipfs://bafy-${dn}/v1`,
    });
    await tx(v.instructions, w.mercy);
    versions[dn] = v.datanetVersion;
  }

  // Most accepted contributions enroll before the payments; two wait until half-way.
  const late = new Set([accepted[2].contribution.toBase58(), accepted[accepted.length - 1].contribution.toBase58()]);
  for (const a of accepted.filter((x) => !late.has(x.contribution.toBase58()))) {
    await tx((await client.positionEnroll({ payer: a.payer.publicKey, contribution: a.contribution, datanet: a.datanet })).instructions, a.payer);
  }
  log("versions published, positions enrolled");

  // Models by the builder.
  const b = w.builder;
  const models: Record<string, PublicKey> = {};
  const artifact = (s: string) => sha256(text(s));
  const createModel = async (id: number, name: string, kind: "base" | "fineTune" | "adapter", price: bigint, base?: PublicKey) => {
    const m = await client.modelCreate({ owner: b.publicKey, id, kind, baseModel: base ?? null, name, uri: `ipfs://bafy-model-${name}`, artifactHash: await artifact(name), pricePerCall: price });
    await tx(m.instructions, b);
    models[name] = m.model;
    return m.model;
  };
  const publish = async (model: PublicKey, entries: Parameters<AttributionClient["modelLineageSet"]>[0]["entries"], owner: number, operator: number) => {
    const lineage = await client.modelLineageSet({ model, owner: b.publicKey, entries, ownerShareBps: owner, operatorShareBps: operator });
    const pub = await client.modelPublish({ model, owner: b.publicKey });
    const escrow = await client.escrowInit({ payer: b.publicKey, model });
    await tx([...lineage.instructions, ...pub.instructions, ...escrow.instructions], b);
  };
  const base = await createModel(1, "radiology-base", "base", 50_000_000n);
  await publish(base, [
    { source: "datanet", target: datanets["radiology-reports"], datanetVersion: versions["radiology-reports"], shareBps: 4_500 },
    { source: "datanet", target: datanets["clinical-notes"], datanetVersion: versions["clinical-notes"], shareBps: 1_500 },
  ], 2_500, 1_500);
  await tx((await client.earningsInit({ payer: b.publicKey, beneficiary: b.publicKey, role: EarningsRole.ModelOwner })).instructions, b);
  const ft = await createModel(2, "radiology-ft-chest", "fineTune", 120_000_000n);
  await publish(ft, [
    { source: "model", target: base, shareBps: 3_000 },
    { source: "datanet", target: datanets["clinical-notes"], datanetVersion: versions["clinical-notes"], shareBps: 2_000 },
  ], 3_000, 2_000);
  const code = await createModel(3, "code-assistant-7b", "base", 20_000_000n);
  await publish(code, [{ source: "datanet", target: datanets["open-source-code"], shareBps: 5_000 }], 3_000, 2_000);
  const lora = await createModel(4, "code-lora-rust", "adapter", 10_000_000n, code);
  await publish(lora, [
    { source: "model", target: code, shareBps: 4_000 },
    { source: "datanet", target: datanets["open-source-code"], shareBps: 2_000 },
  ], 2_500, 1_500);
  await createModel(5, "legal-drafting", "fineTune", 80_000_000n);
  log("models published");

  // Operators.
  for (const [op, endpoint, stake] of [
    [w.op1, "https://infer.northwind.example/v1", 1_500n * OPEN],
    [w.op2, "https://gpu.eastbay.example/api", 1_000n * OPEN],
  ] as const) {
    const reg = await client.operatorRegister({ authority: op.publicKey, endpoint });
    const init = await client.stakeInit({ authority: op.publicKey });
    const earn = await client.earningsInit({ payer: op.publicKey, beneficiary: op.publicKey, role: EarningsRole.Operator });
    const dep = await client.stakeDeposit({ authority: op.publicKey, amount: stake });
    await tx([...reg.instructions, ...init.instructions, ...earn.instructions, ...dep.instructions], op);
  }
  log("operators staked");

  // Payments over time.
  const plan: [Keypair, PublicKey, Keypair, number][] = [];
  const rota = [
    [base, 12],
    [ft, 5],
    [code, 30],
    [lora, 40],
    [base, 8],
    [code, 18],
    [ft, 9],
    [lora, 25],
  ] as const;
  for (let i = 0; i < 24; i++) {
    const [model, calls] = rota[i % rota.length];
    plan.push([i % 3 === 2 ? w.user2 : w.user1, model, i % 2 ? w.op2 : w.op1, calls + (i % 5)]);
  }
  const pause = Math.floor(spreadMs / plan.length);
  let payments = 0;
  for (const [i, [user, model, op, calls]] of plan.entries()) {
    const account = await client.fetchModel(model);
    const pay = await client.inferencePay({ payer: user.publicKey, model, operator: op.publicKey, calls, maxFee: BigInt(account.pricePerCall.toString()) * BigInt(calls), modelAccount: account });
    await tx(pay.instructions, user);
    payments++;
    if (i === 11) {
      for (const a of accepted.filter((x) => late.has(x.contribution.toBase58()))) {
        await tx((await client.positionEnroll({ payer: a.payer.publicKey, contribution: a.contribution, datanet: a.datanet })).instructions, a.payer);
      }
      for (const up of [base, code]) await tx((await client.escrowDistribute({ model: up })).instructions, w.user1);
      await tx((await client.positionClaim({ beneficiary: w.alice.publicKey, contribution: accepted[0].contribution })).instructions, w.alice);
      await tx((await client.earningsClaim({ beneficiary: w.op1.publicKey, role: EarningsRole.Operator })).instructions, w.op1);
    }
    if (i === 19) {
      await tx((await client.positionClaim({ beneficiary: w.bob.publicKey, contribution: accepted[1].contribution })).instructions, w.bob);
      await tx((await client.positionClaim({ beneficiary: w.carol.publicKey, contribution: accepted[7].contribution })).instructions, w.carol);
    }
    await sleep(pause);
  }
  for (const up of [base, code]) await tx((await client.escrowDistribute({ model: up })).instructions, w.user2);
  await tx((await client.positionClaim({ beneficiary: w.alice.publicKey, contribution: accepted[3].contribution })).instructions, w.alice);
  log(`${payments} payments`);
  return { wallets: w, datanets, models, payments };
}

async function main() {
  const args = process.argv.slice(2);
  const url = args.includes("--url") ? args[args.indexOf("--url") + 1] : "http://127.0.0.1:8899";
  const connection = connect(url);
  const scenario = await runScenario(connection, { spreadMs: args.includes("--fast") ? 0 : 60_000, log: (l) => console.log(`[scenario] ${l}`) });
  const dir = join(APP_ROOT, ".scenario");
  mkdirSync(dir, { recursive: true });
  for (const [name, kp] of Object.entries(scenario.wallets)) writeFileSync(join(dir, `${name}.json`), JSON.stringify(Array.from(kp.secretKey)));
  console.log(`[scenario] keypairs in ${dir} (builder: ${scenario.wallets.builder.publicKey.toBase58()})`);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
