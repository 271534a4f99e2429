/**
 * Reads for the pages: every account of a kind through getProgramAccounts (the client's Anchor
 * programs, filtered by discriminator and, where it helps, a memcmp on a field), decoded.
 */
import {
  type AttributionClient,
  type ContributionAccount,
  type DatanetAccount,
  type DatanetVersionAccount,
  EarningsRole,
  type EarningsAccount,
  type ModelAccount,
  type OperatorAccount,
  type PoolAccount,
  type PositionAccount,
  type StakeAccount,
  associatedTokenAddress,
  earningsPda,
  poolPda,
  stakePda,
} from "@attribution-suite/client";
import { PublicKey } from "@solana/web3.js";
import { big } from "./format";

export interface Row<T> {
  address: PublicKey;
  account: T;
}

type Filter = { memcmp: { offset: number; bytes: string } };
const memcmp = (offset: number, key: PublicKey): Filter => ({ memcmp: { offset, bytes: key.toBase58() } });

// Field offsets after the 8-byte discriminator, `version: u8` and `bump: u8`.
const OFFSET_AFTER_HEADER = 10;

const rows = <T,>(found: { publicKey: PublicKey; account: T }[]): Row<T>[] =>
  found.map((f) => ({ address: f.publicKey, account: f.account }));

export async function listDatanets(client: AttributionClient): Promise<Row<DatanetAccount>[]> {
  const found = rows(await client.datanetProgram.account.datanet.all());
  return found.sort((a, b) => Number(big(a.account.createdAt) - big(b.account.createdAt)) || a.address.toBase58().localeCompare(b.address.toBase58()));
}

/** Contributions, of one datanet (`datanet` is the first field) or one contributor. */
export async function listContributions(
  client: AttributionClient,
  by: { datanet?: PublicKey; contributor?: PublicKey } = {},
): Promise<Row<ContributionAccount>[]> {
  const filters: Filter[] = [];
  if (by.datanet) filters.push(memcmp(OFFSET_AFTER_HEADER, by.datanet));
  if (by.contributor) filters.push(memcmp(OFFSET_AFTER_HEADER + 32, by.contributor));
  const found = rows(await client.datanetProgram.account.contribution.all(filters));
  return found.sort((a, b) => Number(big(a.account.index) - big(b.account.index)));
}

export async function listVersions(client: AttributionClient, datanet: PublicKey): Promise<Row<DatanetVersionAccount>[]> {
  const found = rows(await client.datanetProgram.account.datanetVersion.all([memcmp(OFFSET_AFTER_HEADER, datanet)]));
  return found.sort((a, b) => a.account.number - b.account.number);
}

export async function listModels(client: AttributionClient): Promise<Row<ModelAccount>[]> {
  const found = rows(await client.modelProgram.account.model.all());
  return found.sort((a, b) => Number(big(a.account.createdAt) - big(b.account.createdAt)) || a.address.toBase58().localeCompare(b.address.toBase58()));
}

export interface OperatorRow extends Row<OperatorAccount> {
  stake: StakeAccount | null;
}

/** Every registered operator with its stake (null before stake_init). */
export async function listOperators(client: AttributionClient): Promise<OperatorRow[]> {
  const [operators, stakes] = await Promise.all([
    client.modelProgram.account.operator.all(),
    client.payoutProgram.account.stake.all(),
  ]);
  const byAddress = new Map(stakes.map((s) => [s.publicKey.toBase58(), s.account as StakeAccount]));
  return operators
    .map((o) => ({
      address: o.publicKey,
      account: o.account as OperatorAccount,
      stake: byAddress.get(stakePda(o.account.authority).toBase58()) ?? null,
    }))
    .sort((a, b) => Number(big(a.account.registeredAt) - big(b.account.registeredAt)));
}

export async function listPools(client: AttributionClient): Promise<Map<string, Row<PoolAccount>>> {
  const pools = rows(await client.payoutProgram.account.pool.all());
  return new Map(pools.map((p) => [p.account.datanet.toBase58(), p]));
}

/** Positions, of one beneficiary or one pool. */
export async function listPositions(
  client: AttributionClient,
  by: { beneficiary?: PublicKey; datanet?: PublicKey } = {},
): Promise<Row<PositionAccount>[]> {
  const filters: Filter[] = [];
  if (by.datanet) filters.push(memcmp(OFFSET_AFTER_HEADER, poolPda(by.datanet)));
  if (by.beneficiary) filters.push(memcmp(OFFSET_AFTER_HEADER + 64, by.beneficiary));
  return rows(await client.payoutProgram.account.position.all(filters));
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
