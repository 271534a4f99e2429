/**
 * Reads for the pages: every account of a kind through getProgramAccounts (the client's Anchor
 * programs, filtered by discriminator and, where it helps, a memcmp on a field), decoded by the
 * client's coder. The memcmp offsets are not written by hand: `fieldOffset` computes them from
 * the IDLs' layouts (tests/unit/layout.test.ts checks them against accounts the coder encodes).
 */
import {
  type AttributionClient,
  type ChannelAccount,
  type ContributionAccount,
  type DatanetAccount,
  type DatanetVersionAccount,
  EarningsRole,
  type EpochAccount,
  type EarningsAccount,
  type ModelAccount,
  type OperatorAccount,
  type PoolAccount,
  type PositionAccount,
  type StakeAccount,
  accrue,
  associatedTokenAddress,
  earningsPda,
  fieldOffset,
  stakePda,
} from "@attribution-suite/client";
import { PublicKey } from "@solana/web3.js";
import { big } from "./format";

export interface Row<T> {
  address: PublicKey;
  account: T;
}

type Filter = { memcmp: { offset: number; bytes: string } };

/**
 * The memcmp offsets the pages filter on, from the IDLs (discriminator included). Only leading,
 * fixed-size fields: what stands before them must not change size.
 */
export const OFFSETS = {
  contributionDatanet: fieldOffset("datanet_registry", "Contribution", "datanet"),
  contributionContributor: fieldOffset("datanet_registry", "Contribution", "contributor"),
  versionDatanet: fieldOffset("datanet_registry", "DatanetVersion", "datanet"),
  poolDatanet: fieldOffset("attribution_payout", "Pool", "datanet"),
  poolDatanetVersion: fieldOffset("attribution_payout", "Pool", "datanet_version"),
  positionPool: fieldOffset("attribution_payout", "Position", "pool"),
  positionContribution: fieldOffset("attribution_payout", "Position", "contribution"),
  positionBeneficiary: fieldOffset("attribution_payout", "Position", "beneficiary"),
  epochModel: fieldOffset("attribution_payout", "Epoch", "model"),
  channelPayer: fieldOffset("attribution_payout", "Channel", "payer"),
} as const;

const memcmp = (offset: number, key: PublicKey): Filter => ({ memcmp: { offset, bytes: key.toBase58() } });

const rows = <T,>(found: { publicKey: PublicKey; account: T }[]): Row<T>[] =>
  found.map((f) => ({ address: f.publicKey, account: f.account }));

export async function listDatanets(client: AttributionClient): Promise<Row<DatanetAccount>[]> {
  const found = rows(await client.datanetProgram.account.datanet.all());
  return found.sort((a, b) => Number(big(a.account.createdAt) - big(b.account.createdAt)) || a.address.toBase58().localeCompare(b.address.toBase58()));
}

/** Contributions, of one datanet or one contributor, in submission order. */
export async function listContributions(
  client: AttributionClient,
  by: { datanet?: PublicKey; contributor?: PublicKey } = {},
): Promise<Row<ContributionAccount>[]> {
  const filters: Filter[] = [];
  if (by.datanet) filters.push(memcmp(OFFSETS.contributionDatanet, by.datanet));
  if (by.contributor) filters.push(memcmp(OFFSETS.contributionContributor, by.contributor));
  const found = rows(await client.datanetProgram.account.contribution.all(filters));
  return found.sort((a, b) => Number(big(a.account.index) - big(b.account.index)));
}

/** Published versions, of one datanet (or all), by datanet then number. */
export async function listVersions(client: AttributionClient, datanet?: PublicKey): Promise<Row<DatanetVersionAccount>[]> {
  const found = rows(await client.datanetProgram.account.datanetVersion.all(datanet ? [memcmp(OFFSETS.versionDatanet, datanet)] : []));
  return found.sort((a, b) => a.account.datanet.toBase58().localeCompare(b.account.datanet.toBase58()) || a.account.number - b.account.number);
}

/** Versions grouped by datanet (each list by number). */
export function versionsByDatanet(versions: Row<DatanetVersionAccount>[]): Map<string, Row<DatanetVersionAccount>[]> {
  const out = new Map<string, Row<DatanetVersionAccount>[]>();
  for (const v of versions) {
    const key = v.account.datanet.toBase58();
    out.set(key, [...(out.get(key) ?? []), v]);
  }
  for (const list of out.values()) list.sort((a, b) => a.account.number - b.account.number);
  return out;
}

/** Whether `contribution` is one of those `version` contains: accepted before it was published. */
export function inVersion(contribution: ContributionAccount, version: DatanetVersionAccount): boolean {
  return (
    contribution.datanet.equals(version.datanet) &&
    "accepted" in contribution.status &&
    big(contribution.acceptedSeq) < big(version.acceptedEnd)
  );
}

/** The versions (of its datanet, in `versions`) that contain `contribution`. */
export function versionsContaining(contribution: ContributionAccount, versions: Row<DatanetVersionAccount>[]): Row<DatanetVersionAccount>[] {
  return versions.filter((v) => inVersion(contribution, v.account));
}

/** The contributions of `contributions` that `version` contains, in acceptance order (its manifest's order). */
export function versionContents(version: DatanetVersionAccount, contributions: Row<ContributionAccount>[]): Row<ContributionAccount>[] {
  return contributions
    .filter((c) => inVersion(c.account, version))
    .sort((a, b) => Number(big(a.account.acceptedSeq) - big(b.account.acceptedSeq)));
}

/** A model's Proof of Attribution epochs still on chain (closed ones are gone), latest first. */
export async function listEpochs(client: AttributionClient, model: PublicKey): Promise<Row<EpochAccount>[]> {
  const found = rows(await client.payoutProgram.account.epoch.all([memcmp(OFFSETS.epochModel, model)]));
  return found.sort((a, b) => Number(big(b.account.index) - big(a.account.index)));
}

export async function listModels(client: AttributionClient): Promise<Row<ModelAccount>[]> {
  const found = rows(await client.modelProgram.account.model.all());
  return found.sort((a, b) => Number(big(a.account.createdAt) - big(b.account.createdAt)) || a.address.toBase58().localeCompare(b.address.toBase58()));
}

export interface OperatorRow extends Row<OperatorAccount> {
  /** The stake payments take with it (`stakeAddress`; null when none has its authority). */
  stake: StakeAccount | null;
  stakeAddress: PublicKey | null;
}

/**
 * The stake of an operator whose authority is `authority`, among `stakes`: one with the same
 * authority (a payment needs it), the one created under that wallet first, else (an operator and
 * stake handed to it stay at their first key's PDAs) the one with the most active stake; null
 * when none has its authority. The client's `findOperator`, over stakes already listed.
 */
export function operatorStake(authority: PublicKey, stakes: Row<StakeAccount>[]): Row<StakeAccount> | null {
  const theirs = stakes.filter((s) => s.account.authority.equals(authority));
  const own = stakePda(authority);
  return (
    theirs.find((s) => s.address.equals(own)) ??
    [...theirs].sort((a, b) => Number(big(b.account.active) - big(a.account.active)))[0] ??
    null
  );
}

/** Every registered operator with its stake (null before stake_init, or handed over without it). */
export async function listOperators(client: AttributionClient): Promise<OperatorRow[]> {
  const [operators, stakes] = await Promise.all([
    client.modelProgram.account.operator.all(),
    client.payoutProgram.account.stake.all(),
  ]);
  const stakeRows = rows(stakes as { publicKey: PublicKey; account: StakeAccount }[]);
  return operators
    .map((o) => {
      const stake = operatorStake(o.account.authority, stakeRows);
      return { address: o.publicKey, account: o.account as OperatorAccount, stake: stake?.account ?? null, stakeAddress: stake?.address ?? null };
    })
    .sort((a, b) => Number(big(a.account.registeredAt) - big(b.account.registeredAt)));
}

/** Reward pools (one per published version that has one), of one datanet or all. */
export async function listPools(client: AttributionClient, by: { datanet?: PublicKey } = {}): Promise<Row<PoolAccount>[]> {
  return rows(await client.payoutProgram.account.pool.all(by.datanet ? [memcmp(OFFSETS.poolDatanet, by.datanet)] : []));
}

/** Pools by the address of their datanet version. */
export function poolsByVersion(pools: Row<PoolAccount>[]): Map<string, Row<PoolAccount>> {
  return new Map(pools.map((p) => [p.account.datanetVersion.toBase58(), p]));
}

/** What a datanet's pools received and paid out, summed over its versions. */
export function datanetPoolTotals(pools: Row<PoolAccount>[], datanet: PublicKey): { pools: number; credited: bigint; claimed: bigint } {
  const mine = pools.filter((p) => p.account.datanet.equals(datanet));
  return {
    pools: mine.length,
    credited: mine.reduce((s, p) => s + big(p.account.totalCredited), 0n),
    claimed: mine.reduce((s, p) => s + big(p.account.totalClaimed), 0n),
  };
}

/** Positions, of one beneficiary, one pool or one contribution. */
export async function listPositions(
  client: AttributionClient,
  by: { beneficiary?: PublicKey; pool?: PublicKey; contribution?: PublicKey } = {},
): Promise<Row<PositionAccount>[]> {
  const filters: Filter[] = [];
  if (by.pool) filters.push(memcmp(OFFSETS.positionPool, by.pool));
  if (by.contribution) filters.push(memcmp(OFFSETS.positionContribution, by.contribution));
  if (by.beneficiary) filters.push(memcmp(OFFSETS.positionBeneficiary, by.beneficiary));
  return rows(await client.payoutProgram.account.position.all(filters));
}

/** The payment channels `payer` opened (and has not closed). */
export async function listChannels(client: AttributionClient, payer: PublicKey): Promise<Row<ChannelAccount>[]> {
  return rows(await client.payoutProgram.account.channel.all([memcmp(OFFSETS.channelPayer, payer)]));
}

/**
 * What a contribution of `weight` is owed by a pool so far, whether or not its position exists
 * yet (a position starts at checkpoint 0: enrolling late loses nothing).
 */
export function owedByPool(weight: bigint, pool: Pick<PoolAccount, "rewardPerWeight">): bigint {
  return accrue(weight, 0n, big(pool.rewardPerWeight), 0n).amount;
}

export interface EarningsRow {
  role: EarningsRole;
  address: PublicKey;
  account: EarningsAccount | null;
}

export const ROLE_NAMES: Record<EarningsRole, string> = {
  [EarningsRole.Treasury]: "Treasury",
  [EarningsRole.ModelOwner]: "Model owner",
  [EarningsRole.Operator]: "Operator",
};

/** `wallet`'s earnings accounts in the three roles (null where none exists). */
export async function walletEarnings(client: AttributionClient, wallet: PublicKey): Promise<EarningsRow[]> {
  const roles = [EarningsRole.ModelOwner, EarningsRole.Operator, EarningsRole.Treasury];
  return Promise.all(
    roles.map(async (role) => {
      const address = earningsPda(wallet, role);
      const info = await client.getAccount(address);
      const account = info ? (client.payoutProgram.coder.accounts.decode("earnings", Buffer.from(info.data)) as EarningsAccount) : null;
      return { role, address, account };
    }),
  );
}

/** OPEN and SOL balances of `wallet` (OPEN in its associated token account). */
export async function walletBalances(
  client: AttributionClient,
  wallet: PublicKey,
): Promise<{ open: bigint; sol: bigint; tokenAccount: PublicKey | null }> {
  const connection = client.payoutProgram.provider.connection;
  const sol = BigInt(await connection.getBalance(wallet, "confirmed"));
  const config = await client.fetchConfigOrNull();
  if (!config) return { open: 0n, sol, tokenAccount: null };
  const tokenAccount = associatedTokenAddress(wallet, config.mint, config.tokenProgram);
  return { open: await client.tokenBalance(tokenAccount), sol, tokenAccount };
}

/** Whether an account exists. */
export async function exists(client: AttributionClient, address: PublicKey): Promise<boolean> {
  return (await client.getAccount(address)) !== null;
}

export const keyOf = (k: PublicKey | string) => k.toString();
export const pk = (s: string) => new PublicKey(s);
