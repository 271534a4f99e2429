/**
 * Earnings: the connected wallet's positions (one per enrolled contribution) and earnings (as
 * model owner, operator, treasury), with what is claimable now (the program's exact arithmetic
 * over the pools' accumulators); claim one, or all: as many claim instructions per transaction as
 * fit in 1,232 bytes, all signed in one wallet approval. Accepted contributions not yet enrolled
 * can be enrolled here.
 */
import {
  EarningsRole,
  MAX_TRANSACTION_SIZE,
  type PoolAccount,
  type PositionAccount,
  accrue,
  createAssociatedTokenAccountIdempotentInstruction,
  packInstructions,
} from "@attribution-suite/client";
import { useWallet } from "@solana/wallet-adapter-react";
import type { PublicKey, TransactionInstruction } from "@solana/web3.js";
import { Addr, Loading, Notice, Open, ReadError, Section, TxStatus } from "../components/ui";
import { useAction, useAsync, useChain } from "../lib/chain";
import { ROLE_NAMES, type Row, listContributions, listDatanets, listPools, listPositions, walletBalances, walletEarnings } from "../lib/data";
import { big } from "../lib/format";
import { href } from "../lib/router";

interface PositionRow extends Row<PositionAccount> {
  datanet: PublicKey;
  datanetName: string;
  index: bigint | null;
  claimable: bigint;
}

export function EarningsPage() {
  const { publicKey } = useWallet();
  if (!publicKey) {
    return (
      <Section title="Earnings" testId="earnings">
        <Notice kind="info">Connect a wallet to see its positions and earnings.</Notice>
      </Section>
    );
  }
  return <WalletEarnings wallet={publicKey} />;
}

function WalletEarnings({ wallet }: { wallet: PublicKey }) {
  const { client, config } = useChain();
  const [run, state] = useAction();
  const data = useAsync(async () => {
    const [positions, contributions, earnings, datanets, balances, stake] = await Promise.all([
      listPositions(client, { beneficiary: wallet }),
      listContributions(client, { contributor: wallet }),
      walletEarnings(client, wallet),
      listDatanets(client),
      walletBalances(client, wallet),
      client.fetchStake(wallet).catch(() => null),
    ]);
    const allPools = await listPools(client);
    const poolsByAddress = new Map<string, PoolAccount>([...allPools.values()].map((p) => [p.address.toBase58(), p.account]));
    const byContribution = new Map(contributions.map((c) => [c.address.toBase58(), c]));
    const rows: PositionRow[] = positions.map((p) => {
      const pool = poolsByAddress.get(p.account.pool.toBase58());
      const datanet = pool?.datanet ?? p.account.pool;
      const claimable = pool
        ? accrue(big(p.account.weight), big(p.account.rewardCheckpoint), big(pool.rewardPerWeight), big(p.account.fraction)).amount
        : 0n;
      return {
        ...p,
        datanet,
        datanetName: datanets.find((d) => d.address.equals(datanet))?.account.name ?? datanet.toBase58().slice(0, 6),
        index: byContribution.has(p.account.contribution.toBase58()) ? big(byContribution.get(p.account.contribution.toBase58())!.account.index) : null,
        claimable,
      };
    });
    const enrolled = new Set(positions.map((p) => p.account.contribution.toBase58()));
    const enrollable = contributions.filter((c) => "accepted" in c.account.status && !enrolled.has(c.address.toBase58()));
    return { rows, earnings, enrollable, datanets, balances, stake };
  }, [client, wallet.toBase58()]);

  if (data.error && !data.data) return <ReadError error={data.error} />;
  if (!data.data || !config) return <Loading what="your earnings" />;
  const { rows, earnings, enrollable, datanets, balances, stake } = data.data;
  const existingEarnings = earnings.filter((e) => e.account !== null);
  const totalClaimable = rows.reduce((s, r) => s + r.claimable, 0n) + existingEarnings.reduce((s, e) => s + big(e.account!.balance), 0n);

  const claimPosition = (r: PositionRow) =>
    run(`Claim position of contribution #${r.index ?? "?"} (${r.datanetName})`, async () => {
      return (await client.positionClaim({ beneficiary: wallet, contribution: r.account.contribution, datanet: r.datanet })).instructions;
    });
  const claimEarnings = (role: EarningsRole) =>
    run(`Claim ${ROLE_NAMES[role].toLowerCase()} earnings`, async () => (await client.earningsClaim({ beneficiary: wallet, role })).instructions);

  const claimAll = () =>
    run("Claim everything claimable", async () => {
      const open = await client.openToken();
      const claims: TransactionInstruction[][] = [];
      for (const r of rows.filter((x) => x.claimable > 0n)) {
        claims.push((await client.positionClaim({ beneficiary: wallet, contribution: r.account.contribution, datanet: r.datanet, open, createDestination: false })).instructions);
      }
      for (const e of existingEarnings.filter((x) => big(x.account!.balance) > 0n)) {
        claims.push((await client.earningsClaim({ beneficiary: wallet, role: e.role, open, createDestination: false })).instructions);
      }
      if (claims.length === 0) throw new Error("Nothing is claimable now.");
      // The destination token account, created (idempotently) by the first transaction.
      claims[0] = [createAssociatedTokenAccountIdempotentInstruction(wallet, wallet, open.mint, open.tokenProgram), ...claims[0]];
      return packInstructions(claims, wallet, MAX_TRANSACTION_SIZE);
    });

  const enrollAll = (list: typeof enrollable) =>
    run(list.length === 1 ? `Enroll contribution #${list[0].account.index}` : `Enroll ${list.length} contributions`, async () => {
      const groups: TransactionInstruction[][] = [];
      for (const c of list) groups.push((await client.positionEnroll({ payer: wallet, contribution: c.address, datanet: c.account.datanet })).instructions);
      return packInstructions(groups, wallet);
    });

  return (
    <>
      <Section
        title="Earnings"
        testId="earnings"
        actions={
          <button data-testid="claim-all" disabled={totalClaimable === 0n} onClick={claimAll}>
            Claim all (<Open amount={totalClaimable} />)
          </button>
        }
      >
        <dl className="facts">
          <dt>Wallet</dt>
          <dd>
            <Addr value={wallet} full />
          </dd>
          <dt>OPEN in your wallet</dt>
          <dd data-testid="earnings-wallet-open">
            <Open amount={balances.open} />
          </dd>
          <dt>Claimable now</dt>
          <dd data-testid="earnings-total-claimable">
            <Open amount={totalClaimable} />
          </dd>
          {stake ? (
            <>
              <dt>Operator stake</dt>
              <dd>
                <Open amount={big(stake.active)} /> active
                {big(stake.unstaking) > 0n ? (
                  <>
                    , <Open amount={big(stake.unstaking)} /> unstaking
                  </>
                ) : null}
              </dd>
            </>
          ) : null}
        </dl>
        <TxStatus state={state} testId="tx-earnings" />
      </Section>
      <Section title="Positions (contributions in reward pools)" testId="positions">
        {rows.length === 0 ? (
          <p className="muted">No enrolled contribution: contribute to a datanet, get accepted, then enroll.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Datanet</th>
                <th>Contribution</th>
                <th className="num">Weight</th>
                <th className="num">Claimed so far</th>
                <th className="num">Claimable now</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.address.toBase58()} data-testid="position-row" data-contribution={r.account.contribution.toBase58()} data-claimable={r.claimable.toString()}>
                  <td>
                    <a href={href("datanets", r.datanet.toBase58())}>{r.datanetName}</a>
                  </td>
                  <td>
                    #{r.index?.toString() ?? "?"} <Addr value={r.account.contribution} />
                  </td>
                  <td className="num">{r.account.weight.toString()}</td>
                  <td className="num">
                    <Open amount={big(r.account.totalClaimed)} />
                  </td>
                  <td className="num">
                    <Open amount={r.claimable} testId="position-claimable" />
                  </td>
                  <td>
                    <button className="small" data-testid="claim-position" onClick={() => claimPosition(r)}>
                      Claim
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <Section title="Earnings as model owner, operator, treasury" testId="earnings-accounts">
        {existingEarnings.length === 0 ? (
          <p className="muted">No earnings account: they are created when you publish a model or register as an operator.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Role</th>
                <th className="num">Claimable now</th>
                <th className="num">Earned in total</th>
                <th className="num">Claimed</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {existingEarnings.map((e) => (
                <tr key={e.role} data-testid="earnings-row" data-role={ROLE_NAMES[e.role]} data-balance={big(e.account!.balance).toString()}>
                  <td>{ROLE_NAMES[e.role]}</td>
                  <td className="num">
                    <Open amount={big(e.account!.balance)} />
                  </td>
                  <td className="num">
                    <Open amount={big(e.account!.totalEarned)} />
                  </td>
                  <td className="num">
                    <Open amount={big(e.account!.totalClaimed)} />
                  </td>
                  <td>
                    <button className="small" data-testid={`claim-earnings-${e.role}`} onClick={() => claimEarnings(e.role)}>
                      Claim
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <Section
        title={`Accepted, not enrolled (${enrollable.length})`}
        testId="enrollable"
        actions={
          enrollable.length > 1 ? (
            <button className="ghost" data-testid="enroll-all" onClick={() => enrollAll(enrollable)}>
              Enroll all
            </button>
          ) : undefined
        }
      >
        <p className="muted">An accepted contribution earns from the fees its datanet receives after it is enrolled in the datanet's reward pool.</p>
        {enrollable.length === 0 ? (
          <p className="muted">Nothing to enroll.</p>
        ) : (
          <table>
            <tbody>
              {enrollable.map((c) => (
                <tr key={c.address.toBase58()} data-testid="enrollable-row" data-contribution={c.address.toBase58()}>
                  <td>{datanets.find((d) => d.address.equals(c.account.datanet))?.account.name ?? <Addr value={c.account.datanet} />}</td>
                  <td>
                    #{c.account.index.toString()} <Addr value={c.address} />
                  </td>
                  <td className="num">weight {c.account.weight.toString()}</td>
                  <td>
                    <button className="small" data-testid="enroll-one" onClick={() => enrollAll([c])}>
                      Enroll
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </>
  );
}
