/** A deployed market for the client's tests: config and OPEN, a staked operator, a funded user. */
import type { Keypair, PublicKey } from "@solana/web3.js";
import { type AttributionClient, BN, EarningsRole, type GovernanceActionInput, OPEN, OPEN_DECIMALS } from "@attribution-suite/client";
import { createHash } from "node:crypto";
import type { TestChain } from "./chain";

/** What the market tests share: a stake minimum, daily epochs (a day's challenge window, the floor), and two small helpers. */
export const MIN_STAKE = 1_000n * OPEN;
export const TIMING = { epochLengthSecs: 86_400, rootDeadlineSecs: 86_400, challengeWindowSecs: 86_400, claimWindowSecs: 2_592_000 };
/** `openMarket`'s unstake cooldown: a day, no shorter than the challenge window (`CooldownBelowChallengeWindow`). */
export const COOLDOWN_SECS = 86_400;
export const big = (v: { toString(): string }) => BigInt(v.toString());
export const hash = (label: string) => Uint8Array.from(createHash("sha256").update(label).digest());

export interface MarketWallets {
  treasury: Keypair;
  mintAuthority: Keypair;
  operator: Keypair;
  builder: Keypair;
  user: Keypair;
}

export interface MarketTiming {
  epochLengthSecs: number;
  rootDeadlineSecs: number;
  challengeWindowSecs: number;
  claimWindowSecs: number;
}

/**
 * OPEN minted by `mintAuthority`; the config (250 bps, a one-day cooldown, `timing`) initialised
 * by the upgrade authority with the treasury's earnings and the bond vault; `operator` registered and staked
 * `minStake` with its earnings; the builder's model-owner earnings; `user` holding 1,000 OPEN.
 * Returns the mint.
 */
export async function openMarket(
  chain: TestChain,
  client: AttributionClient,
  w: MarketWallets,
  minStake: bigint,
  timing: MarketTiming,
): Promise<PublicKey> {
  const deployer = chain.upgradeAuthority;
  const mint = chain.createMint(w.mintAuthority, w.mintAuthority.publicKey, OPEN_DECIMALS);
  const init = await client.configInit({
    deployer: deployer.publicKey,
    mint,
    authority: deployer.publicKey,
    treasury: w.treasury.publicKey,
    protocolFeeBps: 250,
    minOperatorStake: minStake,
    unstakeCooldownSecs: COOLDOWN_SECS,
    epochTiming: timing,
  });
  const treasuryEarnings = await client.earningsInit({ payer: deployer.publicKey, beneficiary: w.treasury.publicKey, role: EarningsRole.Treasury });
  const bondVault = await client.bondVaultInit({ payer: deployer.publicKey, mint });
  chain.sendOk([...init.instructions, ...treasuryEarnings.instructions, ...bondVault.instructions], deployer);
  const register = await client.operatorRegister({ authority: w.operator.publicKey, endpoint: "https://op.example" });
  const stakeInit = await client.stakeInit({ authority: w.operator.publicKey });
  chain.sendOk([...register.instructions, ...stakeInit.instructions], w.operator);
  chain.fund(w.mintAuthority, mint, w.operator.publicKey, minStake);
  const deposit = await client.stakeDeposit({ authority: w.operator.publicKey, amount: minStake });
  const opEarnings = await client.earningsInit({ payer: w.operator.publicKey, beneficiary: w.operator.publicKey, role: EarningsRole.Operator });
  const ownerEarnings = await client.earningsInit({ payer: w.builder.publicKey, beneficiary: w.builder.publicKey, role: EarningsRole.ModelOwner });
  chain.sendOk([...deposit.instructions, ...opEarnings.instructions, ...ownerEarnings.instructions], w.operator, [w.builder]);
  chain.fund(w.mintAuthority, mint, w.user.publicKey, 1_000n * OPEN);
  return mint;
}

/**
 * An open datanet (its own curator) with one contribution and its version 1, and `builder`'s
 * model citing it: 50 % to the datanet, 40 % owner, 10 % operator, at `price` per call,
 * published. Returns the model.
 */
export async function publishedModel(chain: TestChain, client: AttributionClient, builder: Keypair, price: bigint): Promise<PublicKey> {
  const curator = chain.wallet();
  const d = await client.datanetCreate({ creator: curator.publicKey, id: 1, name: "d", uri: "ipfs://d", policy: { open: { weight: new BN(1) } } });
  chain.sendOk(d.instructions, curator);
  const submit = await client.contributionSubmit({ datanet: d.datanet, contributor: curator.publicKey, contentHash: hash("sample"), uri: "ipfs://s", size: 6 });
  chain.sendOk(submit.instructions, curator);
  const version = await client.datanetVersionPublish({ datanet: d.datanet, authority: curator.publicKey, contributionsRoot: hash("v1"), uri: "ipfs://d/v1" });
  chain.sendOk(version.instructions, curator);
  const create = await client.modelCreate({ owner: builder.publicKey, id: 1, kind: "base", name: "m", uri: "ipfs://m", artifactHash: hash("weights"), pricePerCall: price });
  const lineage = await client.modelLineageSet({
    model: create.model,
    owner: builder.publicKey,
    entries: [{ source: "datanet", target: d.datanet, shareBps: 5_000 }],
    ownerShareBps: 4_000,
    operatorShareBps: 1_000,
  });
  const publish = await client.modelPublish({ model: create.model, owner: builder.publicKey });
  chain.sendOk([...create.instructions, ...lineage.instructions, ...publish.instructions], builder);
  return create.model;
}

/**
 * A governance action through the timelock, as the admin would do it: queued by `admin`, the
 * delay waited, executed (by the admin, though anyone may). Returns what `sendOk` returns for
 * the execution.
 */
export async function govern(chain: TestChain, client: AttributionClient, admin: Keypair, action: GovernanceActionInput) {
  const queued = await client.actionQueue({ authority: admin.publicKey, action });
  chain.sendOk(queued.instructions, admin);
  chain.advanceTime(Number((await client.fetchConfig()).timelockDelaySecs));
  return chain.sendOk((await client.actionExecute({ id: queued.id })).instructions, admin);
}
