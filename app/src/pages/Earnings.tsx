/**
 * Earnings: the connected wallet's positions (one per contribution and datanet version it is
 * enrolled in) and earnings (as model owner, operator, treasury), with what is claimable now (the
 * program's exact arithmetic over the pools' accumulators); claim one position, or everything:
 * every position in as few `position_claim` instructions as fit (the client's
 * claimAllInstructions: many positions per instruction, one token transfer each) plus the
 * earnings claims, each transaction at most 1,232 bytes, all signed in one wallet approval.
 * Enrolment is optional in time: a position opened late starts from its pool's beginning, so the
 * accepted contributions not yet enrolled in a version that contains them can be enrolled here
 * whenever, and what they are owed so far is shown. Handovers: the contributions proposed to
 * this wallet (accept here), the positions of contributions handed to it that still name the
 * previous contributor (`needsSync`: claiming them, one or all, syncs them first, in the same
 * transaction), and the positions of contributions it handed away, not synced yet (a Sync button);
 * whatever else was proposed to it — a model, an operator with its stake, an earnings account —
 * with Accept; its earnings accounts' own Hand over (the balance moves to the new wallet's
 * account when it accepts). Close: an empty earnings account (not the treasury's) or an empty
 * stake, its rent back to the wallet.
 */
import {
  type ContributionAccount,
  type DatanetVersionAccount,
  EarningsRole,
  earningsCloseBlocker,
  earningsRoleOf,
  stakeCloseBlocker,
  type PoolAccount,
  type PositionInfo,
  createAssociatedTokenAccountIdempotentInstruction,
  packInstructions,
  poolPda,
  positionPda,
} from "@attribution-suite/client";
import { useWallet } from "@solana/wallet-adapter-react";
import type { PublicKey, TransactionInstruction } from "@solana/web3.js";
import { CloseButton, RentReturned, useClose } from "../components/Close";
import { Handover, HandoverPending } from "../components/Handover";
import { Addr, Loading, Notice, Open, ReadError, Section, Status, TxStatus } from "../components/ui";
import { useAction, useAsync, useChain } from "../lib/chain";
import {
  ROLE_NAMES,
  type Row,
  listContributions,
  listDatanets,
  listModels,
  listOperators,
  listPools,
  listVersions,
  owedByPool,
  poolsByVersion,
  versionsContaining,
  walletBalances,
  walletEarnings,
} from "../lib/data";
import { big, variant } from "../lib/format";
import { CLOSE_BLOCKER_TEXT } from "../lib/handover";
import { href } from "../lib/router";

interface PositionRow extends PositionInfo {
  datanetName: string;
  versionNumber: number | null;
  index: bigint | null;
  /** The contribution's contributor now, when it is not this wallet (handed away, position not synced yet). */
  handedTo: PublicKey | null;
}

/** An accepted contribution of the wallet and a version containing it, without a position yet. */
interface EnrollableRow {
  contribution: Row<ContributionAccount>;
  version: Row<DatanetVersionAccount>;
  datanetName: string;
  pool: Row<PoolAccount> | null;
  /** What the version's pool already owes it: claimable as soon as it is enrolled. */
  owed: bigint;
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
  // Handovers and closes of the wallet's accounts; acceptances of what was handed to it.
  const [runAccounts, accountsState] = useAction();
  const [runHanded, handedState] = useAction();
  const [close, closed] = useClose(runAccounts);
  const data = useAsync(async () => {
    const [positions, contributions, earnings, datanets, balances, stakes, proposed, earningsProposed, models, operators] = await Promise.all([
      client.positionsOf(wallet),
      listContributions(client, { contributor: wallet }),
      walletEarnings(client, wallet),
      listDatanets(client),
      walletBalances(client, wallet),
      // Its stakes: created by it, or handed to it (at their first key's PDA).
      client.stakesOf(wallet),
      client.handoversProposedTo(wallet),
      client.earningsProposedTo(wallet),
      listModels(client),
      listOperators(client),
    ]);
    // Models and operators proposed to this wallet (their pending owner or authority).
    const modelsProposed = models.filter((m) => m.account.pendingOwner?.equals(wallet));
    const operatorsProposed = operators.filter((o) => o.account.pendingAuthority?.equals(wallet));
    // The versions and pools of the datanets this wallet has contributed to or holds positions in.
    const datanetKeys = new Map([...contributions.map((c) => c.account.datanet), ...positions.map((p) => p.datanet)].map((k) => [k.toBase58(), k]));
    const perDatanet = await Promise.all(
      [...datanetKeys.values()].map(async (key) => {
        const [versions, pools] = await Promise.all([listVersions(client, key), listPools(client, { datanet: key })]);
        return { versions, pools };
      }),
    );
    const versions = perDatanet.flatMap((x) => x.versions);
    const pools = poolsByVersion(perDatanet.flatMap((x) => x.pools));
    const nameOf = (datanet: PublicKey) => datanets.find((d) => d.address.equals(datanet))?.account.name ?? datanet.toBase58().slice(0, 6);
    const byContribution = new Map(contributions.map((c) => [c.address.toBase58(), c]));
    // Positions naming this wallet whose contribution it handed to another wallet (not synced yet).
    const handedAway = new Map(
      await Promise.all(
        positions
          .filter((p) => !byContribution.has(p.contribution.toBase58()))
          .map(async (p) => [p.contribution.toBase58(), await client.fetchContribution(p.contribution).catch(() => null)] as const),
      ),
    );
    const rows: PositionRow[] = positions.map((p) => {
      const key = p.contribution.toBase58();
      const contribution = byContribution.get(key)?.account ?? handedAway.get(key) ?? null;
      return {
        ...p,
        datanetName: nameOf(p.datanet),
        versionNumber: versions.find((v) => v.address.equals(p.datanetVersion))?.account.number ?? null,
        index: contribution ? big(contribution.index) : null,
        handedTo: contribution && !contribution.contributor.equals(wallet) ? contribution.contributor : null,
      };
    });
    rows.sort((a, b) => a.datanetName.localeCompare(b.datanetName) || (a.versionNumber ?? 0) - (b.versionNumber ?? 0) || Number((a.index ?? 0n) - (b.index ?? 0n)));
    const open = new Set(positions.map((p) => p.position.toBase58()));
    const enrollable: EnrollableRow[] = [];
    for (const c of contributions.filter((x) => "accepted" in x.account.status)) {
      for (const v of versionsContaining(c.account, versions)) {
        const pool = pools.get(v.address.toBase58()) ?? null;
        if (open.has(positionPda(poolPda(v.address), c.address).toBase58())) continue;
        enrollable.push({ contribution: c, version: v, datanetName: nameOf(c.account.datanet), pool, owed: pool ? owedByPool(big(c.account.weight), pool.account) : 0n });
      }
    }
    return { rows, earnings, enrollable, balances, stakes, proposed, earningsProposed, modelsProposed, operatorsProposed, nameOf };
  }, [client, wallet.toBase58()]);

  if (data.error && !data.data) return <ReadError error={data.error} />;
  if (!data.data || !config) return <Loading what="your earnings" />;
  const { rows, earnings, enrollable, balances, stakes, proposed, earningsProposed, modelsProposed, operatorsProposed, nameOf } = data.data;
  const handedCount = proposed.length + modelsProposed.length + operatorsProposed.length + earningsProposed.length;
  const existingEarnings = earnings.filter((e) => e.account !== null);
  const claimableRows = rows.filter((r) => r.claimable > 0n);
  const claimableEarnings = existingEarnings.filter((e) => big(e.account!.balance) > 0n);
  const positionsClaimable = claimableRows.reduce((s, r) => s + r.claimable, 0n);
  const totalClaimable = positionsClaimable + claimableEarnings.reduce((s, e) => s + big(e.account!.balance), 0n);
  const owedUnenrolled = enrollable.reduce((s, e) => s + e.owed, 0n);
  const label = (r: PositionRow) => `${r.datanetName} v${r.versionNumber ?? "?"}, contribution #${r.index ?? "?"}`;

  // A position handed to this wallet but still naming the previous contributor is synced first, in the same transaction.
  const claimPosition = (r: PositionRow) =>
    run(`Claim position (${label(r)})`, async () => {
      const ref = { datanetVersion: r.datanetVersion, contribution: r.contribution };
      const sync = r.needsSync ? (await client.positionSync(ref)).instructions : [];
      return [...sync, ...(await client.positionClaim({ beneficiary: wallet, positions: [ref] })).instructions];
    });
  const syncPosition = (r: PositionRow) =>
    run(`Sync position (${label(r)}) to its new contributor`, async () => (await client.positionSync({ datanetVersion: r.datanetVersion, contribution: r.contribution })).instructions);
  const claimEarnings = (role: EarningsRole) =>
    run(`Claim ${ROLE_NAMES[role].toLowerCase()} earnings`, async () => (await client.earningsClaim({ beneficiary: wallet, role, open: await client.openToken() })).instructions);

  // Every position (read afresh by the client: positionsOf, the positions of contributions handed
  // to this wallet included, with their position_sync before their claim) in as few
  // position_claim instructions as fit, then the earnings claims; all in one wallet approval.
  const claimEverything = () =>
    run("Claim everything", async () => {
      const open = await client.openToken();
      const positions = await client.claimAllInstructions(wallet, { open });
      const claims: TransactionInstruction[][] = [...positions.transactions];
      const earningsClaims: TransactionInstruction[][] = [];
      for (const e of existingEarnings) {
        const fresh = await client.fetchEarnings(wallet, e.role).catch(() => null);
        if (fresh && big(fresh.balance) > 0n) {
          earningsClaims.push((await client.earningsClaim({ beneficiary: wallet, role: e.role, open, createDestination: false })).instructions);
        }
      }
      if (claims.length === 0 && earningsClaims.length === 0) throw new Error("Nothing is claimable now.");
      if (claims.length === 0) {
        // The destination token account, created (idempotently) by the first transaction.
        earningsClaims[0] = [createAssociatedTokenAccountIdempotentInstruction(wallet, wallet, open.mint, open.tokenProgram), ...earningsClaims[0]];
      }
      return packInstructions([...claims, ...earningsClaims], wallet);
    });

  const enroll = (list: EnrollableRow[]) =>
    run(
      list.length === 1 ? `Enroll contribution #${list[0].contribution.account.index} in ${list[0].datanetName} v${list[0].version.account.number}` : `Enroll ${list.length} positions`,
      async () => {
        const groups: TransactionInstruction[][] = [];
        const poolsCreated = new Set<string>();
        for (const e of list) {
          const group: TransactionInstruction[] = [];
          // A version whose pool nobody created yet: create it first (permissionless).
          if (!e.pool && !poolsCreated.has(e.version.address.toBase58())) {
            poolsCreated.add(e.version.address.toBase58());
            group.push(...(await client.poolInit({ payer: wallet, datanetVersion: e.version.address })).instructions);
          }
          group.push(...(await client.positionEnroll({ payer: wallet, datanetVersion: e.version.address, contribution: e.contribution.address })).instructions);
          groups.push(group);
        }
        return packInstructions(groups, wallet);
      },
    );

  return (
    <>
      <Section
        title="Earnings"
        testId="earnings"
        actions={
          <button data-testid="claim-everything" disabled={totalClaimable === 0n} onClick={claimEverything}>
            Claim everything (<Open amount={totalClaimable} />)
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
          {owedUnenrolled > 0n ? (
            <>
              <dt>Owed once enrolled</dt>
              <dd data-testid="earnings-owed-unenrolled">
                <Open amount={owedUnenrolled} /> <span className="sub">(enroll below: enrolling late loses nothing)</span>
              </dd>
            </>
          ) : null}
          {stakes.length > 0 ? (
            <>
              <dt>Operator stake</dt>
              <dd>
                <Open amount={stakes.reduce((sum, st) => sum + big(st.account.active), 0n)} /> active
                {stakes.some((st) => big(st.account.unstaking) > 0n) ? (
                  <>
                    , <Open amount={stakes.reduce((sum, st) => sum + big(st.account.unstaking), 0n)} /> unstaking
                  </>
                ) : null}
              </dd>
            </>
          ) : null}
        </dl>
        {totalClaimable > 0n ? (
          <div className="subcard" data-testid="claim-preview">
            <h3>Claim everything pays</h3>
            <ul>
              {claimableRows.map((r) => (
                <li key={r.position.toBase58()} data-testid="claim-preview-item" data-kind="position" data-position={r.position.toBase58()} data-claimable={r.claimable.toString()}>
                  {r.datanetName} <strong>v{r.versionNumber ?? "?"}</strong>, contribution #{r.index?.toString() ?? "?"}: <Open amount={r.claimable} />
                  {r.needsSync ? <span className="sub"> (handed to you: its position is synced to you first)</span> : null}
                </li>
              ))}
              {claimableEarnings.map((e) => (
                <li key={e.role} data-testid="claim-preview-item" data-kind="earnings" data-claimable={big(e.account!.balance).toString()}>
                  {ROLE_NAMES[e.role]} earnings: <Open amount={big(e.account!.balance)} />
                </li>
              ))}
            </ul>
            <p className="muted">
              {claimableRows.length} position{claimableRows.length === 1 ? "" : "s"} (<Open amount={positionsClaimable} />) in as few claim instructions
              as fit, one token transfer each
              {claimableRows.some((r) => r.needsSync) ? `, after syncing the ${claimableRows.filter((r) => r.needsSync).length} handed to you` : ""}
              {claimableEarnings.length ? `, and ${claimableEarnings.length} earnings claim${claimableEarnings.length === 1 ? "" : "s"}` : ""}; every
              transaction at most 1,232 bytes, all signed in one wallet approval.
            </p>
          </div>
        ) : null}
        <TxStatus state={state} testId="tx-earnings" />
      </Section>
      {/* Kept while the last acceptance's status shows: accepting the last handover empties the list. */}
      {handedCount > 0 || handedState.status !== "idle" ? (
        <Section title={`Handed to you (${handedCount})`} testId="handovers">
          {handedCount > 0 ? (
            <>
              <p className="muted">
                Their holders proposed to hand them to this wallet; nothing changes until you accept. A contribution: you become its contributor, paid
                for it from then on, and what its positions accrued follows to you (they are synced when you claim them). A model: its owner share of
                every later fee is yours. An operator: you sign for it and hold its stake. An earnings account: its balance moves into yours.
              </p>
              <table>
                <thead>
                  <tr>
                    <th>What</th>
                    <th>From</th>
                    <th>Now</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {proposed.map((c) => (
                    <tr key={c.address.toBase58()} data-testid="handover-row" data-kind="contribution" data-contribution={c.address.toBase58()}>
                      <td>
                        <a href={href("datanets", c.account.datanet.toBase58())}>{nameOf(c.account.datanet)}</a> contribution #{c.account.index.toString()}{" "}
                        <Addr value={c.address} />
                      </td>
                      <td>
                        <Addr value={c.account.contributor} />
                      </td>
                      <td>
                        <Status value={variant(c.account.status)} />
                      </td>
                      <td>
                        <Handover
                          label={`${nameOf(c.account.datanet)} contribution #${c.account.index}`}
                          holder={c.account.contributor}
                          pending={c.account.pendingContributor}
                          run={runHanded}
                          accept={async () => (await client.contributionTransferAccept({ contribution: c.address, newContributor: wallet })).instructions}
                          acceptTitle="Become this contribution's contributor: paid for it from now on, its positions included (they follow when you claim them)"
                        />
                      </td>
                    </tr>
                  ))}
                  {modelsProposed.map((m) => (
                    <tr key={m.address.toBase58()} data-testid="handover-row" data-kind="model" data-account={m.address.toBase58()}>
                      <td>
                        model <a href={href("models", m.address.toBase58())}>{m.account.name}</a>
                      </td>
                      <td>
                        <Addr value={m.account.owner} />
                      </td>
                      <td>
                        <Status value={variant(m.account.state)} />
                      </td>
                      <td>
                        <Handover
                          label={`model "${m.account.name}"`}
                          holder={m.account.owner}
                          pending={m.account.pendingOwner}
                          run={runHanded}
                          accept={async () => (await client.modelOwnerAccept({ model: m.address, newOwner: wallet })).instructions}
                          acceptTitle="Become this model's owner: the owner share of every later fee is credited to your model-owner earnings"
                        />
                      </td>
                    </tr>
                  ))}
                  {operatorsProposed.map((o) => (
                    <tr key={o.address.toBase58()} data-testid="handover-row" data-kind="operator" data-account={o.address.toBase58()}>
                      <td>
                        operator <Addr value={o.address} /> <span className="sub">{o.account.endpoint}</span>
                      </td>
                      <td>
                        <Addr value={o.account.authority} />
                      </td>
                      <td>{o.stake ? <Open amount={big(o.stake.active)} /> : "no stake"}</td>
                      <td>
                        <Handover
                          label={`operator ${o.address.toBase58().slice(0, 4)}…`}
                          holder={o.account.authority}
                          pending={o.account.pendingAuthority}
                          run={runHanded}
                          accept={async () => (await client.operatorHandoverAccept({ operator: o.address, newAuthority: wallet })).instructions}
                          acceptTitle="Become this operator's authority, and its stake's: the operator share of every later fee is credited to your operator earnings"
                        />
                      </td>
                    </tr>
                  ))}
                  {earningsProposed.map((e) => {
                    const role = earningsRoleOf(e.account.role);
                    return (
                      <tr key={e.address.toBase58()} data-testid="handover-row" data-kind="earnings" data-account={e.address.toBase58()}>
                        <td>{ROLE_NAMES[role].toLowerCase()} earnings</td>
                        <td>
                          <Addr value={e.account.beneficiary} />
                        </td>
                        <td>
                          <Open amount={big(e.account.balance)} />
                        </td>
                        <td>
                          <Handover
                            label={`${ROLE_NAMES[role].toLowerCase()} earnings of ${e.account.beneficiary.toBase58().slice(0, 4)}…`}
                            holder={e.account.beneficiary}
                            pending={e.account.pendingBeneficiary}
                            run={runHanded}
                              accept={async () =>
                              (await client.earningsTransferAccept({ previousBeneficiary: e.account.beneficiary, role, newBeneficiary: wallet })).instructions
                            }
                              acceptTitle={`Take its balance into your own ${ROLE_NAMES[role].toLowerCase()} earnings (created if needed); its account closes`}
                          />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </>
          ) : null}
          <TxStatus state={handedState} testId="tx-handed" />
        </Section>
      ) : null}
      <Section title="Positions (a contribution's share of a datanet version's reward pool)" testId="positions">
        {rows.length === 0 ? (
          <p className="muted">No position yet: contribute to a datanet, get accepted, and once a version containing it is published, enroll.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Datanet</th>
                <th>Version</th>
                <th>Contribution</th>
                <th className="num">Weight (of the version's total)</th>
                <th className="num">Claimed so far</th>
                <th className="num">Claimable now</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr
                  key={r.position.toBase58()}
                  data-testid="position-row"
                  data-position={r.position.toBase58()}
                  data-contribution={r.contribution.toBase58()}
                  data-version={r.datanetVersion.toBase58()}
                  data-claimable={r.claimable.toString()}
                  data-needs-sync={r.needsSync ? "true" : "false"}
                  data-handed-to={r.handedTo?.toBase58() ?? ""}
                >
                  <td>
                    <a href={href("datanets", r.datanet.toBase58())}>{r.datanetName}</a>
                  </td>
                  <td>v{r.versionNumber ?? "?"}</td>
                  <td>
                    #{r.index?.toString() ?? "?"} <Addr value={r.contribution} />
                    {r.needsSync ? (
                      <div className="sub" data-testid="position-needs-sync">
                        handed to you; the position still names <Addr value={r.beneficiary} />: synced to you when you claim
                      </div>
                    ) : null}
                    {r.handedTo ? (
                      <div className="sub" data-testid="position-handed-away">
                        handed over to <Addr value={r.handedTo} />: yours until its position is synced to them
                      </div>
                    ) : null}
                  </td>
                  <td className="num">
                    {r.weight.toString()}/{r.poolAccount.totalWeight.toString()}
                  </td>
                  <td className="num">
                    <Open amount={r.totalClaimed} />
                  </td>
                  <td className="num">
                    <Open amount={r.claimable} testId="position-claimable" />
                  </td>
                  <td>
                    <button className="small" data-testid="claim-position" onClick={() => claimPosition(r)}>
                      Claim
                    </button>
                    {r.needsSync || r.handedTo ? (
                      <button
                        className="small ghost"
                        data-testid="sync-position"
                        title="position_sync (anyone may send it): the position names the contribution's contributor, and what it accrued follows"
                        onClick={() => syncPosition(r)}
                      >
                        Sync
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
      <Section title="Earnings as model owner, operator, treasury; stakes" testId="earnings-accounts">
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
              {existingEarnings.map((e) => {
                const account = e.account!;
                const blocker = earningsCloseBlocker(account, config);
                const what = `your ${ROLE_NAMES[e.role].toLowerCase()} earnings account`;
                return (
                  <tr key={e.role} data-testid="earnings-row" data-role={ROLE_NAMES[e.role]} data-balance={big(account.balance).toString()}>
                    <td>
                      {ROLE_NAMES[e.role]}
                      <HandoverPending pending={account.pendingBeneficiary} />
                    </td>
                    <td className="num">
                      <Open amount={big(account.balance)} />
                    </td>
                    <td className="num">
                      <Open amount={big(account.totalEarned)} />
                    </td>
                    <td className="num">
                      <Open amount={big(account.totalClaimed)} />
                    </td>
                    <td>
                      <span className="cell-actions">
                        <button className="small" data-testid={`claim-earnings-${e.role}`} onClick={() => claimEarnings(e.role)}>
                          Claim
                        </button>
                        {blocker === null ? (
                          <CloseButton
                            address={e.address}
                            what={what}
                            testId={`close-earnings-${e.role}`}
                            note="A payment crediting it needs it: a model you own, or an operator of yours, is paid only once someone (the next payer, on the Pay page) creates it again."
                            onClose={() => close(what, async () => (await client.earningsClose({ beneficiary: wallet, role: e.role })).instructions)}
                          />
                        ) : null}
                        {blocker === "TreasuryEarningsStay" ? (
                          <span className="sub" data-testid="earnings-stays">
                            {CLOSE_BLOCKER_TEXT.TreasuryEarningsStay}
                          </span>
                        ) : (
                          // The treasury's account is handed over by naming a new treasury in the config, not here.
                          <Handover
                            label={what}
                            holder={account.beneficiary}
                            pending={account.pendingBeneficiary}
                            run={runAccounts}
                            propose={async (to) => (await client.earningsTransferPropose({ beneficiary: wallet, role: e.role, newBeneficiary: to })).instructions}
                            openTitle="Hand this account's balance to another wallet: when it accepts, the whole balance then moves into its own earnings account of the same role, and this one closes (its rent back to you)"
                          />
                        )}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {stakes.length > 0 ? (
          <table data-testid="stakes">
            <thead>
              <tr>
                <th>Operator stake</th>
                <th className="num">Active</th>
                <th className="num">Unstaking</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {stakes.map((st) => (
                <tr key={st.address.toBase58()} data-testid="stake-row" data-stake={st.address.toBase58()}>
                  <td>
                    <Addr value={st.address} />
                  </td>
                  <td className="num">
                    <Open amount={big(st.account.active)} />
                  </td>
                  <td className="num">
                    <Open amount={big(st.account.unstaking)} />
                  </td>
                  <td>
                    {stakeCloseBlocker(st.account) === null ? (
                      <CloseButton
                        address={st.address}
                        what="your empty stake"
                        testId="close-stake"
                        onClose={() => close("your empty stake", async () => (await client.stakeClose({ authority: wallet, stake: st.address })).instructions)}
                      />
                    ) : (
                      <span className="sub">closes once unstaked and withdrawn</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <RentReturned closed={closed} />
        <TxStatus state={accountsState} testId="tx-earnings-accounts" />
      </Section>
      <Section
        title={`Not enrolled yet (${enrollable.length})`}
        testId="enrollable"
        actions={
          enrollable.length > 1 ? (
            <button className="ghost" data-testid="enroll-all" onClick={() => enroll(enrollable)}>
              Enroll all
            </button>
          ) : undefined
        }
      >
        <p className="muted">
          An accepted contribution shares the fees of every version that contains it (those published after its acceptance), each in that
          version's pool. Enrolling opens its position there; it is optional in time: a position opened late starts from the pool's
          beginning, so what the pool owes it already is claimable as soon as it is enrolled.
        </p>
        {enrollable.length === 0 ? (
          <p className="muted">Nothing to enroll.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>Datanet</th>
                <th>Version</th>
                <th>Contribution</th>
                <th className="num">Weight</th>
                <th className="num">Owed so far</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {enrollable.map((e) => (
                <tr
                  key={`${e.contribution.address.toBase58()}-${e.version.address.toBase58()}`}
                  data-testid="enrollable-row"
                  data-contribution={e.contribution.address.toBase58()}
                  data-version={e.version.address.toBase58()}
                  data-owed={e.owed.toString()}
                >
                  <td>{e.datanetName}</td>
                  <td>v{e.version.account.number}</td>
                  <td>
                    #{e.contribution.account.index.toString()} <Addr value={e.contribution.address} />
                  </td>
                  <td className="num">
                    {e.contribution.account.weight.toString()}/{e.version.account.totalWeight.toString()}
                  </td>
                  <td className="num">{e.pool ? <Open amount={e.owed} /> : <span className="muted">no pool yet (enrolling creates it)</span>}</td>
                  <td>
                    <button className="small" data-testid="enroll-one" onClick={() => enroll([e])}>
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
