/**
 * Datanets: browse and create (with an optional contributor bond and spam window); a datanet's
 * page: contribute a file (SHA-256 in the browser, WebCrypto; with the datanet's bond, when it
 * asks for one), the curator's review queue (accept with a weight, reject with a reason, flag as
 * spam), the curator's spam flag on an accepted contribution within its window (its bond to the
 * treasury), refunding a bond that can no longer be forfeited (anyone), withdraw a pending
 * contribution or clear a rejected or flagged one (its contributor, or the curator: how a
 * squatted content hash is freed), the published versions, each a snapshot the chain takes (the
 * contributions accepted before it, their total weight fixed) with its own reward pool, the
 * enrolment of a contribution in the pools of the versions that contain it, and handing a
 * contribution to another wallet (its contributor proposes, with a cancel; the proposed wallet
 * accepts; the positions follow when the new wallet claims them, or anyone syncs them).
 */
import {
  BN,
  type ContributionAccount,
  DATANET_REGISTRY_CONSTANTS,
  type DatanetAccount,
  type DatanetVersionAccount,
  MAX_SPAM_WINDOW_SECS,
  type PoolAccount,
  datanetVersionPda,
  isBondRefundable,
  isFlaggable,
  merkleRoot,
  poolPda,
  positionPda,
  sha256,
} from "@attribution-suite/client";
import { useWallet } from "@solana/wallet-adapter-react";
import { PublicKey } from "@solana/web3.js";
import { useState } from "react";
import { Handover, HandoverPending, type Run } from "../components/Handover";
import { Addr, Loading, Notice, Open, ReadError, Section, Status, TxStatus } from "../components/ui";
import { useAction, useAsync, useChain } from "../lib/chain";
import {
  type Row,
  datanetPoolTotals,
  listContributions,
  listDatanets,
  listPools,
  listPositions,
  listVersions,
  poolsByVersion,
  versionsContaining,
  walletBalances,
} from "../lib/data";
import { big, bpsText, durationText, formatOpen, timeText, toHex, tryParseUnits, variant } from "../lib/format";
import { href } from "../lib/router";

const utf8Length = (s: string) => new TextEncoder().encode(s).length;

export function policyText(policy: DatanetAccount["policy"]): string {
  return "open" in policy && policy.open ? `open (weight ${policy.open.weight.toString()})` : "curated";
}

/** A datanet's bond policy in words: the bond per submission and the spam window, or none. */
export function bondText(bond: DatanetAccount["bond"], decimals: number): string {
  const amount = big(bond.amount);
  const window = big(bond.spamWindowSecs) > 0n ? `spam window ${durationText(bond.spamWindowSecs)} after acceptance` : "no spam window after acceptance";
  return amount > 0n ? `bond ${formatOpen(amount, decimals)} per submission, ${window}` : `no bond, ${window}`;
}

export function DatanetsPage({ id }: { id?: string }) {
  if (id) {
    let address: PublicKey | null = null;
    try {
      address = new PublicKey(id);
    } catch {
      return <Notice kind="error">Not a datanet address: {id}</Notice>;
    }
    return <DatanetDetail address={address} />;
  }
  return <DatanetList />;
}

function DatanetList() {
  const { client, decimals } = useChain();
  const list = useAsync(async () => {
    const [datanets, pools] = await Promise.all([listDatanets(client), listPools(client)]);
    return { datanets, pools };
  }, [client]);
  return (
    <>
      <Section title="Datanets" testId="datanets">
        {list.error ? <ReadError error={list.error} /> : null}
        {!list.data && !list.error ? <Loading what="datanets" /> : null}
        {list.data && list.data.datanets.length === 0 ? <p className="muted">No datanet yet: create the first one below.</p> : null}
        {list.data && list.data.datanets.length > 0 ? (
          <table data-testid="datanet-table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Curator</th>
                <th>Policy</th>
                <th className="num">Submitted</th>
                <th className="num">Accepted</th>
                <th className="num">Rejected</th>
                <th className="num">Accepted weight</th>
                <th className="num">Versions</th>
                <th className="num">Fees received</th>
              </tr>
            </thead>
            <tbody>
              {list.data.datanets.map(({ address, account }) => {
                const pools = datanetPoolTotals(list.data!.pools, address);
                return (
                  <tr key={address.toBase58()} data-testid="datanet-row" data-address={address.toBase58()}>
                    <td>
                      <a href={href("datanets", address.toBase58())}>{account.name}</a>
                      <div className="sub">
                        <Addr value={address} />
                      </div>
                    </td>
                    <td>
                      <Addr value={account.authority} />
                    </td>
                    <td>
                      {policyText(account.policy)}
                      {big(account.bond.amount) > 0n ? <div className="sub">bond {formatOpen(big(account.bond.amount), decimals)}</div> : null}
                    </td>
                    <td className="num">{account.submitted.toString()}</td>
                    <td className="num">{account.accepted.toString()}</td>
                    <td className="num">{account.rejected.toString()}</td>
                    <td className="num">{account.totalAcceptedWeight.toString()}</td>
                    <td className="num">{account.versions}</td>
                    <td className="num" data-testid="datanet-fees" data-raw={pools.credited.toString()}>
                      {pools.pools > 0 ? <Open amount={pools.credited} /> : <span className="muted">no version yet</span>}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : null}
      </Section>
      <CreateDatanet existing={list.data?.datanets ?? []} />
    </>
  );
}

const MAX_SPAM_WINDOW_HOURS = MAX_SPAM_WINDOW_SECS / 3_600;

function CreateDatanet({ existing }: { existing: Row<DatanetAccount>[] }) {
  const { publicKey } = useWallet();
  const { client, decimals } = useChain();
  const [run, state] = useAction();
  const [name, setName] = useState("");
  const [uri, setUri] = useState("");
  const [policy, setPolicy] = useState<"curated" | "open">("curated");
  const [weight, setWeight] = useState("1");
  const [bond, setBond] = useState("0");
  const [windowHours, setWindowHours] = useState("0");
  const bondUnits = tryParseUnits(bond, decimals);
  const hoursOk = /^\d+$/.test(windowHours.trim()) && Number(windowHours) <= MAX_SPAM_WINDOW_HOURS;
  const nameBytes = utf8Length(name.trim());
  const uriText = uri.trim() || `ipfs://${name.trim().toLowerCase().replace(/\s+/g, "-")}`;
  const problem =
    !publicKey
      ? "Connect a wallet to create a datanet."
      : nameBytes === 0 || nameBytes > DATANET_REGISTRY_CONSTANTS.MAX_NAME_LEN
        ? `A name of 1 to ${DATANET_REGISTRY_CONSTANTS.MAX_NAME_LEN} bytes.`
        : utf8Length(uriText) > DATANET_REGISTRY_CONSTANTS.MAX_URI_LEN
          ? `A URI of at most ${DATANET_REGISTRY_CONSTANTS.MAX_URI_LEN} bytes.`
          : policy === "open" && !/^[1-9]\d*$/.test(weight.trim())
            ? "An open datanet needs a weight above zero for each contribution."
            : bondUnits === null
              ? "A bond in OPEN (0 for none)."
              : !hoursOk
                ? `A spam window of 0 to ${MAX_SPAM_WINDOW_HOURS} whole hours.`
                : null;

  const submit = async () => {
    if (!publicKey || problem) return;
    // The next id of this creator: one above the highest it used.
    const mine = existing.filter((d) => d.account.creator.equals(publicKey));
    const id = mine.reduce((max, d) => (big(d.account.id) > max ? big(d.account.id) : max), 0n) + 1n;
    await run(`Create datanet "${name.trim()}"`, async () => {
      const created = await client.datanetCreate({
        creator: publicKey,
        id,
        name: name.trim(),
        uri: uriText,
        policy: policy === "open" ? { open: { weight: new BN(weight.trim()) } } : { curated: {} },
        bond: { amount: bondUnits!, spamWindowSecs: Number(windowHours) * 3_600 },
      });
      return created.instructions;
    });
  };

  return (
    <Section title="Create a datanet" testId="create-datanet">
      <p className="muted">
        You become its curator. Each version you publish fixes the contributions it contains and gets its own reward pool: a model cites a
        version, and the fees it pays that version go to exactly those contributions.
      </p>
      <div className="form-grid">
        <label>
          Name
          <input data-testid="datanet-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="radiology-reports" />
        </label>
        <label>
          Metadata URI
          <input data-testid="datanet-uri" value={uri} onChange={(e) => setUri(e.target.value)} placeholder={uriText} />
        </label>
        <label>
          Policy
          <select data-testid="datanet-policy" value={policy} onChange={(e) => setPolicy(e.target.value as "curated" | "open")}>
            <option value="curated">Curated: the curator reviews each contribution</option>
            <option value="open">Open: accepted on submission with a fixed weight</option>
          </select>
        </label>
        {policy === "open" && (
          <label>
            Weight per contribution
            <input data-testid="datanet-open-weight" value={weight} onChange={(e) => setWeight(e.target.value)} inputMode="numeric" />
          </label>
        )}
        <label title="OPEN each submission posts: returned when the contribution is withdrawn, rejected, or accepted past flagging; forfeited to the treasury if you flag it as spam">
          Bond per submission (OPEN, 0 for none)
          <input data-testid="datanet-bond" value={bond} onChange={(e) => setBond(e.target.value)} inputMode="decimal" />
        </label>
        <label title="How long after its acceptance you may still flag a contribution as spam, while no published version contains it (a pending one can always be flagged)">
          Spam window after acceptance (hours, at most {MAX_SPAM_WINDOW_HOURS})
          <input data-testid="datanet-spam-window" value={windowHours} onChange={(e) => setWindowHours(e.target.value)} inputMode="numeric" />
        </label>
      </div>
      {problem && name !== "" ? <p className="hint">{problem}</p> : null}
      <button data-testid="datanet-create" disabled={!!problem || state.status === "signing"} onClick={submit}>
        Create datanet
      </button>
      <TxStatus state={state} testId="tx-create-datanet" />
    </Section>
  );
}

function DatanetDetail({ address }: { address: PublicKey }) {
  const { client, decimals } = useChain();
  const { publicKey } = useWallet();
  const data = useAsync(async () => {
    const [datanet, contributions, versions, pools, clock] = await Promise.all([
      client.fetchDatanet(address),
      listContributions(client, { datanet: address }),
      listVersions(client, address),
      listPools(client, { datanet: address }),
      client.fetchClock(),
    ]);
    // The positions opened in this datanet's pools (one pool per version).
    const positions = (await Promise.all(pools.map((p) => listPositions(client, { pool: p.address })))).flat();
    return {
      datanet,
      contributions,
      versions,
      pools: poolsByVersion(pools),
      positions: new Set(positions.map((p) => p.address.toBase58())),
      // The chain's time, which decides what can still be flagged as spam or refunded.
      now: clock.unixTimestamp,
    };
  }, [client, address.toBase58()]);

  if (data.error && !data.data) return <ReadError error={data.error} />;
  if (!data.data) return <Loading what="the datanet" />;
  const { datanet, contributions, versions, pools, positions, now } = data.data;
  const isCurator = !!publicKey && datanet.authority.equals(publicKey);
  const pending = contributions.filter((c) => "pending" in c.account.status);
  const totals = datanetPoolTotals([...pools.values()], address);
  return (
    <>
      <p>
        <a href={href("datanets")}>← All datanets</a>
      </p>
      <Section title={<span data-testid="datanet-title">{datanet.name}</span>} testId="datanet-detail">
        <dl className="facts">
          <dt>Address</dt>
          <dd>
            <Addr value={address} full />
          </dd>
          <dt>Curator</dt>
          <dd>
            <Addr value={datanet.authority} full /> {isCurator && <span className="badge">you</span>}
          </dd>
          <dt>Policy</dt>
          <dd data-testid="datanet-policy-text">{policyText(datanet.policy)}</dd>
          <dt>Bond</dt>
          <dd data-testid="datanet-bond-text" data-raw={big(datanet.bond.amount).toString()}>
            {bondText(datanet.bond, decimals)}
          </dd>
          <dt>URI</dt>
          <dd>{datanet.uri}</dd>
          <dt>Contributions</dt>
          <dd data-testid="datanet-counts">
            {datanet.submitted.toString()} submitted, {datanet.accepted.toString()} accepted
            {big(datanet.flaggedAccepted) > 0n ? ` (${datanet.flaggedAccepted.toString()} of them flagged as spam since)` : ""},{" "}
            {datanet.rejected.toString()} rejected or flagged while pending, {datanet.withdrawn.toString()} withdrawn; accepted weight{" "}
            {datanet.totalAcceptedWeight.toString()}
          </dd>
          <dt>Reward pools</dt>
          <dd data-testid="datanet-pools">
            {totals.pools === 0 ? (
              <span className="muted">none yet: each published version gets its pool</span>
            ) : (
              <>
                {totals.pools} (one per version); received <Open amount={totals.credited} />, claimed <Open amount={totals.claimed} />
              </>
            )}
          </dd>
        </dl>
      </Section>
      <Contribute datanet={address} datanetAccount={datanet} />
      {isCurator ? <ReviewQueue datanet={address} pending={pending} /> : null}
      <Contributions
        datanet={address}
        datanetAccount={datanet}
        contributions={contributions}
        versions={versions}
        pools={pools}
        positions={positions}
        isCurator={isCurator}
        now={now}
      />
      <Versions datanet={address} datanetAccount={datanet} versions={versions} pools={pools} isCurator={isCurator} />
    </>
  );
}

/** Creates a version's reward pool (permissionless): for a version published without one. */
function PoolInit({ datanetVersion }: { datanetVersion: PublicKey }) {
  const { client } = useChain();
  const { publicKey } = useWallet();
  const [run, state] = useAction();
  return (
    <>
      <span className="muted">no pool yet </span>
      <button
        className="small"
        data-testid="pool-init"
        disabled={!publicKey}
        onClick={() => run("Create the version's reward pool", async () => (await client.poolInit({ payer: publicKey!, datanetVersion })).instructions)}
      >
        Create pool
      </button>
      <TxStatus state={state} testId="tx-pool-init" />
    </>
  );
}

function Contribute({ datanet, datanetAccount }: { datanet: PublicKey; datanetAccount: DatanetAccount }) {
  const { client, decimals } = useChain();
  const { publicKey } = useWallet();
  const [run, state] = useAction();
  // The bond as the page shows it is the bond the submission posts (not read again when sending).
  const bond = big(datanetAccount.bond.amount);
  const balances = useAsync(async () => (publicKey && bond > 0n ? walletBalances(client, publicKey) : null), [client, publicKey, bond]);
  const insufficient = bond > 0n && balances.data != null && balances.data.open < bond;
  const [file, setFile] = useState<File | null>(null);
  const [hash, setHash] = useState<Uint8Array | null>(null);
  const [uri, setUri] = useState("");
  const [hashing, setHashing] = useState(false);

  const pick = async (f: File | null) => {
    setFile(f);
    setHash(null);
    if (!f) return;
    setHashing(true);
    try {
      setHash(await sha256(f)); // WebCrypto, in this page: the file never leaves the browser
    } finally {
      setHashing(false);
    }
  };
  const uriText = uri.trim() || (file ? `file://${file.name}` : "");
  const problem = !publicKey
    ? "Connect a wallet to contribute."
    : !file
      ? "Choose a file."
      : file.size === 0
        ? "The file is empty."
        : utf8Length(uriText) > DATANET_REGISTRY_CONSTANTS.MAX_URI_LEN
          ? `A URI of at most ${DATANET_REGISTRY_CONSTANTS.MAX_URI_LEN} bytes.`
          : insufficient
            ? "Not enough OPEN for the bond."
            : null;

  return (
    <Section title="Contribute a file" testId="contribute">
      <p className="muted">
        The file is hashed here with SHA-256; only its hash, size and URI go on chain.{" "}
        {"open" in datanetAccount.policy ? "This datanet is open: it is accepted at once." : "The curator reviews it."}
      </p>
      {bond > 0n ? (
        <Notice kind="info" testId="contribute-bond">
          This datanet asks a bond of{" "}
          <strong>
            <Open amount={bond} />
          </strong>{" "}
          with each submission, paid from your OPEN account into the bond vault. It comes back to you when you withdraw the contribution
          while it is pending, when it is rejected, or once it is accepted and in a published version or past its spam window (
          {big(datanetAccount.bond.spamWindowSecs) > 0n ? `${durationText(datanetAccount.bond.spamWindowSecs)} after its acceptance` : "none here"}); it
          goes to the treasury if the curator flags the contribution as spam.
          {publicKey && balances.data ? <> Your OPEN balance: {formatOpen(balances.data.open, decimals)}.</> : null}
        </Notice>
      ) : null}
      {insufficient ? (
        <Notice kind="warn" testId="bond-insufficient">
          Insufficient OPEN balance: the bond needs {formatOpen(bond - balances.data!.open, decimals)} more than you hold.
        </Notice>
      ) : null}
      <div className="form-grid">
        <label>
          File
          <input type="file" data-testid="contribute-file" onChange={(e) => void pick(e.target.files?.[0] ?? null)} />
        </label>
        <label>
          Where the content lives (URI)
          <input data-testid="contribute-uri" value={uri} onChange={(e) => setUri(e.target.value)} placeholder={uriText || "ipfs://…"} />
        </label>
      </div>
      {hashing ? <p className="muted">Hashing…</p> : null}
      {hash && file ? (
        <p>
          SHA-256 of <strong>{file.name}</strong> ({file.size} bytes):{" "}
          <span className="mono" data-testid="content-hash">
            {toHex(hash)}
          </span>
        </p>
      ) : null}
      <button
        data-testid="contribute-submit"
        disabled={!!problem || !hash}
        onClick={() =>
          run(`Contribute ${file!.name}${bond > 0n ? ` with a bond of ${formatOpen(bond, decimals)}` : ""}`, async () => {
            const built = await client.contributionSubmit({ datanet, contributor: publicKey!, contentHash: hash!, uri: uriText, size: file!.size, bond });
            return built.instructions;
          })
        }
      >
        {bond > 0n ? `Submit with a bond of ${formatOpen(bond, decimals)}` : "Submit contribution"}
      </button>
      <TxStatus state={state} testId="tx-contribute" />
    </Section>
  );
}

function ReviewQueue({ datanet, pending }: { datanet: PublicKey; pending: Row<ContributionAccount>[] }) {
  // One action for the queue: a reviewed row leaves the queue, its status stays here.
  const [run, state] = useAction();
  return (
    <Section title={`Review queue (${pending.length})`} testId="review-queue">
      {pending.length === 0 ? (
        <p className="muted">Nothing waits for review.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>#</th>
              <th>Contributor</th>
              <th>Content hash</th>
              <th className="num">Size</th>
              <th>URI</th>
              <th>Accept with weight</th>
              <th>Reject with reason code</th>
              <th>Spam</th>
            </tr>
          </thead>
          <tbody>
            {pending.map((c) => (
              <ReviewRow key={c.address.toBase58()} datanet={datanet} row={c} run={run} />
            ))}
          </tbody>
        </table>
      )}
      <TxStatus state={state} testId="tx-review" />
    </Section>
  );
}

function ReviewRow({ datanet, row, run }: { datanet: PublicKey; row: Row<ContributionAccount>; run: Run }) {
  const { client } = useChain();
  const { publicKey } = useWallet();
  const [weight, setWeight] = useState("1");
  const [reason, setReason] = useState("1");
  const id = row.address.toBase58();
  const weightOk = /^[1-9]\d*$/.test(weight.trim());
  const reasonOk = /^\d+$/.test(reason.trim()) && Number(reason) <= 65535;
  const review = (decision: { accept: { weight: bigint } } | { reject: { reason: number } }, label: string) =>
    run(label, async () => (await client.contributionReview({ datanet, contribution: row.address, authority: publicKey!, decision })).instructions);
  return (
    <tr data-testid="review-row" data-contribution={id}>
      <td>{row.account.index.toString()}</td>
      <td>
        <Addr value={row.account.contributor} />
      </td>
      <td className="mono">{toHex(row.account.contentHash).slice(0, 16)}…</td>
      <td className="num">{row.account.size.toString()}</td>
      <td className="ellipsis">{row.account.uri}</td>
      <td>
        <input className="narrow" data-testid="review-weight" value={weight} onChange={(e) => setWeight(e.target.value)} inputMode="numeric" />
        <button className="small" data-testid="review-accept" disabled={!weightOk} onClick={() => review({ accept: { weight: BigInt(weight.trim()) } }, `Accept contribution #${row.account.index} with weight ${weight.trim()}`)}>
          Accept
        </button>
      </td>
      <td>
        <input className="narrow" data-testid="review-reason" value={reason} onChange={(e) => setReason(e.target.value)} inputMode="numeric" />
        <button className="small danger" data-testid="review-reject" disabled={!reasonOk} onClick={() => review({ reject: { reason: Number(reason) } }, `Reject contribution #${row.account.index} (reason ${reason.trim()})`)}>
          Reject
        </button>
      </td>
      <td>
        <FlagSpam datanet={datanet} contribution={row} run={run} />
      </td>
    </tr>
  );
}

/**
 * The curator's spam flag (a pending contribution, or an accepted one in no version yet and
 * within its spam window): it leaves the datanet's accepted weight, so no later version contains
 * it, and its bond goes to the treasury, not to the curator.
 */
function FlagSpam({ datanet, contribution: c, run }: { datanet: PublicKey; contribution: Row<ContributionAccount>; run: Run }) {
  const { client } = useChain();
  const { publicKey } = useWallet();
  const bond = big(c.account.bond);
  return (
    <button
      className="small danger"
      data-testid="flag-spam"
      disabled={!publicKey}
      title={`Flag as spam: it will be in no version${bond > 0n ? ", and its bond goes to the treasury" : ""}. Final.`}
      onClick={() =>
        run(`Flag contribution #${c.account.index} as spam`, async () =>
          (await client.contributionFlagSpam({ datanet, contribution: c.address, authority: publicKey!, bond })).instructions,
        )
      }
    >
      Flag as spam
    </button>
  );
}

function Contributions(props: {
  datanet: PublicKey;
  datanetAccount: DatanetAccount;
  contributions: Row<ContributionAccount>[];
  versions: Row<DatanetVersionAccount>[];
  pools: Map<string, Row<PoolAccount>>;
  positions: Set<string>;
  isCurator: boolean;
  /** The chain's Unix time. */
  now: bigint;
}) {
  const { client } = useChain();
  const { publicKey } = useWallet();
  const [run, state] = useAction();
  // Withdraw (pending) or clear (rejected, flagged): the rent, and a bond still held, to the contributor.
  const withdraw = (c: Row<ContributionAccount>) => async () =>
    (
      await client.contributionWithdraw({
        datanet: props.datanet,
        contribution: c.address,
        signer: publicKey!,
        contributor: c.account.contributor,
        bond: c.account.bond,
      })
    ).instructions;
  const totalWeight = props.contributions
    .filter((c) => "accepted" in c.account.status)
    .reduce((sum, c) => sum + big(c.account.weight), 0n);
  return (
    <Section title="Contributions" testId="contributions">
      {props.contributions.length === 0 ? (
        <p className="muted">No contribution yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>#</th>
              <th>Contributor</th>
              <th>Content hash (SHA-256)</th>
              <th className="num">Size</th>
              <th>Status</th>
              <th className="num">Weight</th>
              <th className="num">Bond held</th>
              <th>In versions (reward pools)</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {props.contributions.map((c) => {
              const status = variant(c.account.status);
              const mine = !!publicKey && c.account.contributor.equals(publicKey);
              const containing = status === "accepted" ? versionsContaining(c.account, props.versions) : [];
              // Versions with a pool where this contribution has no position yet: enrolment is open to anyone, and optional in time.
              const enrollable = containing.filter((v) => {
                const pool = props.pools.get(v.address.toBase58());
                return pool && !props.positions.has(positionPda(pool.address, c.address).toBase58());
              });
              const canClear = (status === "rejected" || status === "flagged") && (mine || props.isCurator);
              const bond = big(c.account.bond);
              // Accepted and still flaggable (pending ones are flagged from the review queue).
              const inSpamWindow = status === "accepted" && isFlaggable(c.account, props.datanetAccount, props.now);
              const refundable = isBondRefundable(c.account, props.datanetAccount, props.now);
              return (
                <tr
                  key={c.address.toBase58()}
                  data-testid="contribution-row"
                  data-contribution={c.address.toBase58()}
                  data-status={status}
                  data-bond={bond.toString()}
                >
                  <td>{c.account.index.toString()}</td>
                  <td>
                    <Addr value={c.account.contributor} /> {mine ? <span className="badge">you</span> : null}
                    <HandoverPending pending={c.account.pendingContributor} />
                  </td>
                  <td className="mono" title={toHex(c.account.contentHash)}>
                    {toHex(c.account.contentHash).slice(0, 24)}…
                  </td>
                  <td className="num">{c.account.size.toString()}</td>
                  <td>
                    <Status value={status} />
                    {status === "rejected" ? <span className="sub"> reason {c.account.rejectReason}</span> : null}
                    {status === "flagged" ? <span className="sub"> as spam</span> : null}
                    {inSpamWindow ? (
                      <div className="sub" data-testid="flaggable-until">
                        can be flagged as spam until {timeText(c.account.flaggableUntil)} unless a version contains it first
                      </div>
                    ) : null}
                  </td>
                  <td className="num">
                    {status === "accepted" ? (
                      <>
                        {c.account.weight.toString()}
                        {totalWeight > 0n ? <span className="sub"> ({bpsText(Number((big(c.account.weight) * 10_000n) / totalWeight))})</span> : null}
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="num" data-testid="contribution-bond">
                    {bond > 0n ? <Open amount={bond} /> : "—"}
                  </td>
                  <td data-testid="contribution-versions">
                    {status !== "accepted" ? (
                      "—"
                    ) : containing.length === 0 ? (
                      <span className="muted">accepted after the latest version: in the next one</span>
                    ) : (
                      containing.map((v) => {
                        const pool = props.pools.get(v.address.toBase58());
                        const enrolled = pool && props.positions.has(positionPda(pool.address, c.address).toBase58());
                        return (
                          <span key={v.address.toBase58()} className={`badge ${enrolled ? "badge-accepted" : ""}`} title={enrolled ? "position open" : pool ? "not enrolled yet" : "the version has no pool yet"}>
                            v{v.account.number}
                            {enrolled ? " ✓" : ""}
                          </span>
                        );
                      })
                    )}
                  </td>
                  <td>
                    {enrollable.length > 0 ? (
                      <button
                        className="small"
                        data-testid="enroll"
                        disabled={!publicKey}
                        title="Open its positions in the pools of the versions that contain it (optional: enrolling late loses nothing)"
                        onClick={() =>
                          run(`Enroll contribution #${c.account.index} in ${enrollable.map((v) => `v${v.account.number}`).join(", ")}`, async () => {
                            const ixs = [];
                            for (const v of enrollable) {
                              ixs.push(...(await client.positionEnroll({ payer: publicKey!, datanetVersion: v.address, contribution: c.address })).instructions);
                            }
                            return ixs;
                          })
                        }
                      >
                        Enroll in {enrollable.map((v) => `v${v.account.number}`).join(", ")}
                      </button>
                    ) : null}
                    {inSpamWindow && props.isCurator ? <FlagSpam datanet={props.datanet} contribution={c} run={run} /> : null}
                    {refundable && publicKey ? (
                      <button
                        className="small"
                        data-testid="refund-bond"
                        title="It can no longer be flagged: its bond goes back to its contributor (anyone may send this)"
                        onClick={() =>
                          run(`Refund the bond of contribution #${c.account.index}`, async () =>
                            (await client.contributionBondRefund({ datanet: props.datanet, contribution: c.address, contributor: c.account.contributor, payer: publicKey })).instructions,
                          )
                        }
                      >
                        Refund bond
                      </button>
                    ) : null}
                    {status === "pending" && mine ? (
                      <button
                        className="small ghost"
                        data-testid="withdraw-contribution"
                        title={`Take back the contribution before review: its rent${bond > 0n ? " and its bond return" : " returns"} to you`}
                        onClick={() => run(`Withdraw contribution #${c.account.index}`, withdraw(c))}
                      >
                        Withdraw
                      </button>
                    ) : null}
                    <ContributionHandover contribution={c} run={run} />
                    {canClear ? (
                      <button
                        className="small ghost"
                        data-testid="clear-contribution"
                        title={
                          mine
                            ? `Close the ${status} contribution: its rent${bond > 0n ? " and its bond return" : " returns"} to you`
                            : `Close the ${status} contribution: its rent${bond > 0n ? " and its bond return" : " returns"} to its contributor, and its content can be submitted again (by its author)`
                        }
                        onClick={() => run(`Clear ${status} contribution #${c.account.index}`, withdraw(c))}
                      >
                        Clear
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {props.isCurator ? (
        <p className="muted">
          As the curator you can clear a rejected or flagged contribution: its content hash is free again, so the content's author can submit
          it even if someone else submitted its hash first. You can flag an accepted contribution as spam while no published version contains
          it and within the datanet's spam window: it leaves the next version, and its bond goes to the treasury.
        </p>
      ) : null}
      <TxStatus state={state} testId="tx-contribution-action" />
    </Section>
  );
}

/**
 * Handing a contribution to another wallet: its contributor names the successor (or cancels a
 * pending proposal); the named wallet accepts. The contribution's positions keep naming the
 * previous contributor until synced: the new wallet's "Claim everything" syncs them (or anyone,
 * with position_sync), and everything they accrued, before and after, is the new wallet's.
 */
function ContributionHandover({ contribution: c, run }: { contribution: Row<ContributionAccount>; run: Run }) {
  const { client } = useChain();
  const { publicKey } = useWallet();
  return (
    <Handover
      label={`contribution #${c.account.index}`}
      holder={c.account.contributor}
      pending={c.account.pendingContributor}
      run={run}
      propose={async (to) => (await client.contributionTransferPropose({ contribution: c.address, contributor: publicKey!, newContributor: to })).instructions}
      accept={async () => (await client.contributionTransferAccept({ contribution: c.address, newContributor: publicKey! })).instructions}
      openTitle="Hand this contribution (and what it earns, its positions included) to another wallet: it accepts, then it is the contributor"
      acceptTitle="Become this contribution's contributor: paid for it from now on, its positions included (they follow when you claim them)"
    />
  );
}

function Versions(props: {
  datanet: PublicKey;
  datanetAccount: DatanetAccount;
  versions: Row<DatanetVersionAccount>[];
  pools: Map<string, Row<PoolAccount>>;
  isCurator: boolean;
}) {
  const { client } = useChain();
  const { publicKey } = useWallet();
  const [run, state] = useAction();
  const [uri, setUri] = useState("");
  const d = props.datanetAccount;
  const next = d.versions + 1;
  const latest = props.versions[props.versions.length - 1];
  const uriText = uri.trim() || `${d.uri.replace(/\/$/, "")}/v${next}`;
  const accepted = big(d.accepted);
  // Accepted and not flagged as spam since: what the next version contains.
  const live = accepted - big(d.flaggedAccepted);
  const nothingNew = latest && big(latest.account.acceptedEnd) === accepted;
  return (
    <Section title="Published versions" testId="versions">
      <p className="muted">
        A version is a snapshot the chain takes when it is published: exactly the contributions accepted before it, with their total weight
        fixed for good. A model cites a version; the fees it pays that version are shared among those contributions by weight, over that
        total, in the version's own reward pool. Versions are cumulative: an accepted contribution is in every later version.
      </p>
      {props.versions.length === 0 ? (
        <p className="muted">No version published yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Version</th>
              <th>Contributions root</th>
              <th className="num">Contributions</th>
              <th className="num">Total weight</th>
              <th>Reward pool</th>
              <th>URI</th>
              <th>Published</th>
            </tr>
          </thead>
          <tbody>
            {props.versions.map((v) => {
              const pool = props.pools.get(v.address.toBase58())?.account;
              return (
                <tr
                  key={v.address.toBase58()}
                  data-testid="version-row"
                  data-version={v.address.toBase58()}
                  data-number={v.account.number}
                  data-count={v.account.contributionCount.toString()}
                  data-total-weight={v.account.totalWeight.toString()}
                >
                  <td>v{v.account.number}</td>
                  <td className="mono">{toHex(v.account.contributionsRoot).slice(0, 24)}…</td>
                  <td className="num" data-testid="version-count">
                    {v.account.contributionCount.toString()}
                  </td>
                  <td className="num" data-testid="version-total-weight">
                    {v.account.totalWeight.toString()}
                  </td>
                  <td>
                    {pool ? (
                      <PoolSummary pool={pool} />
                    ) : (
                      <PoolInit datanetVersion={v.address} />
                    )}
                  </td>
                  <td>{v.account.uri}</td>
                  <td>{timeText(v.account.publishedAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {props.isCurator ? (
        <div className="inline-form" data-testid="version-form">
          <p className="muted" data-testid="version-next">
            Version {next} will contain the {live.toString()} contributions accepted so far
            {live < accepted ? ` (not the ${(accepted - live).toString()} flagged as spam)` : ""}, total weight {d.totalAcceptedWeight.toString()}:
            the chain counts them and fixes their total weight when it publishes. Its root is the Merkle root (sorted pairs, SHA-256) of their
            content hashes in order of acceptance. Its reward pool is created in the same transaction.
            {nothingNew ? ` Nothing was accepted since v${latest.account.number}: it would contain the same contributions.` : ""}
          </p>
          {live === 0n ? <p className="hint">A version needs at least one accepted contribution.</p> : null}
          <input data-testid="version-uri" value={uri} onChange={(e) => setUri(e.target.value)} placeholder={uriText} />
          <button
            data-testid="version-publish"
            disabled={live === 0n || !publicKey}
            onClick={() =>
              run(`Publish version ${next}`, async () => {
                // Read afresh: the root covers what the chain will count.
                const contributions = await listContributions(client, { datanet: props.datanet });
                const manifest = contributions
                  .filter((c) => "accepted" in c.account.status)
                  .sort((a, b) => Number(big(a.account.acceptedSeq) - big(b.account.acceptedSeq)));
                const root = await merkleRoot(manifest.map((c) => Uint8Array.from(c.account.contentHash)));
                const built = await client.datanetVersionPublish({
                  datanet: props.datanet,
                  authority: publicKey!,
                  number: next,
                  contributionsRoot: root,
                  uri: uriText,
                });
                if (!built.datanetVersion.equals(datanetVersionPda(props.datanet, next))) throw new Error("version address mismatch");
                if (!built.pool.equals(poolPda(built.datanetVersion))) throw new Error("pool address mismatch");
                return built.instructions;
              })
            }
          >
            Publish version {next}
          </button>
          <TxStatus state={state} testId="tx-version" />
        </div>
      ) : null}
    </Section>
  );
}

function PoolSummary({ pool }: { pool: PoolAccount }) {
  return (
    <span data-testid="version-pool" data-credited={big(pool.totalCredited).toString()} data-claimed={big(pool.totalClaimed).toString()}>
      received <Open amount={big(pool.totalCredited)} />, claimed <Open amount={big(pool.totalClaimed)} />
      <span className="sub">
        {" "}
        · {pool.positions.toString()} positions, weight {pool.enrolledWeight.toString()}/{pool.totalWeight.toString()} enrolled
      </span>
    </span>
  );
}
