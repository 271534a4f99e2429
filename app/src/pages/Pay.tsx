/**
 * Pay: `inference_pay` is signed by the payer and by the operator that served the calls, so that
 * "who executed" and the output committed are the operator's word. Two sides on one page:
 *
 * - The payer pastes the payment the operator signed when it served (a base64 transaction), reads
 *   its terms (model, operator, calls, the price on chain, the fee and the max fee, the output
 *   hash, checked against the output received if pasted), signs it with the wallet and sends it.
 *   After confirmation, the fee's breakdown from the `InferencePaid` event: who contributed,
 *   refined, executed, earned, and for a proof-attributed model the epoch and the record number
 *   the chain gave the payment.
 * - An operator (the connected wallet is a payable operator's authority) signs a payment for what
 *   it served: payer, model, calls, max fee and the output, committed by its SHA-256 (empty: the
 *   empty output's hash, attributed to nobody), and hands the result to the payer.
 */
import {
  type ModelAccount,
  type ServedPayment,
  buildServedPayment,
  encodeServedPayment,
  findEvents,
  hasProofAttributedEntry,
  outputHash,
  poolPda,
  positionPda,
  quoteInference,
  readServedPayment,
} from "@attribution-suite/client";
import { useConnection, useWallet } from "@solana/wallet-adapter-react";
import { PublicKey } from "@solana/web3.js";
import { useEffect, useMemo, useState } from "react";
import { Addr, Loading, Notice, Open, ReadError, Section, TxStatus } from "../components/ui";
import { useAction, useAsync, useChain } from "../lib/chain";
import { type Row, listContributions, listDatanets, listModels, listOperators, listPositions, versionContents, walletBalances } from "../lib/data";
import { big, bpsText, formatUnits, toHex, tryParseUnits, variant } from "../lib/format";
import { href } from "../lib/router";
import { operatorPayable } from "./Models";

type InferencePaid = ReturnType<typeof findEvents<"attribution_payout", "inferencePaid">>[number];
type Names = { address: PublicKey; account: { name: string } }[];

export function PayPage({ model: initialModel }: { model?: string }) {
  const { client, config, decimals } = useChain();
  const { publicKey } = useWallet();
  const data = useAsync(async () => {
    const [models, operators, datanets] = await Promise.all([listModels(client), listOperators(client), listDatanets(client)]);
    return { models, operators, datanets };
  }, [client]);
  const balances = useAsync(async () => (publicKey && config ? walletBalances(client, publicKey) : null), [client, publicKey, config]);
  const [served, setServed] = useState("");
  const read = useMemo((): { payment: ServedPayment } | { error: string } | null => {
    if (!served.trim() || !publicKey) return null;
    try {
      return { payment: readServedPayment(client, served, publicKey) };
    } catch (err) {
      return { error: (err as Error).message };
    }
  }, [client, served, publicKey]);
  const payment = read && "payment" in read ? read.payment : null;
  const [output, setOutput] = useState("");
  const received = useAsync(() => outputHash(output), [output]);
  const [paid, setPaid] = useState<{ event: InferencePaid; model: ModelAccount } | null>(null);
  const [run, state] = useAction();

  const model: Row<ModelAccount> | undefined = payment ? (data.data?.models ?? []).find((m) => m.address.equals(payment.model)) : undefined;
  const operator = payment ? (data.data?.operators ?? []).find((o) => o.address.equals(payment.operator)) : undefined;
  const price = model ? big(model.account.pricePerCall) : null;
  const fee = price !== null && payment ? price * payment.calls : null;
  const quote = useMemo(() => (model && payment && config ? quoteOf(model.account, payment.calls, config.protocolFeeBps) : null), [model, payment, config]);
  const open = balances.data?.open ?? null;
  const insufficient = fee !== null && open !== null && fee > open;
  const aboveMax = fee !== null && payment !== null && fee > payment.maxFee;
  const outputChecked = payment && output !== "" && received.data ? toHex(received.data) === toHex(payment.outputHash) : null;
  const problem = !publicKey
    ? "Connect a wallet to pay."
    : !config
      ? "The suite is not initialised on this cluster."
      : !payment
        ? "Paste the payment the operator signed when it served your calls."
        : !model
          ? "The payment's model is not one of this suite's."
          : null;

  const pay = async () => {
    if (!payment || !model) return;
    setPaid(null);
    const fresh = await client.fetchModel(model.address).catch(() => model.account);
    const sent = await run(`Pay ${payment.calls} call${payment.calls === 1n ? "" : "s"} of "${model.account.name}"`, async () => payment.transaction);
    const logs = sent?.[sent.length - 1]?.logs;
    if (logs) {
      const [event] = findEvents(logs, "attribution_payout", "inferencePaid");
      if (event) setPaid({ event, model: fresh });
    }
  };

  if (data.error && !data.data) return <ReadError error={data.error} />;
  if (!data.data) return <Loading what="models and operators" />;
  return (
    <>
      <Section title="Pay for inference" testId="pay">
        <div className="form-grid">
          <label className="wide">
            Payment signed by the operator (it signs what it served first; you sign and send)
            <textarea data-testid="pay-served" value={served} onChange={(e) => setServed(e.target.value)} rows={3} />
          </label>
          <label className="wide">
            Output received (optional: checked against the hash the operator committed)
            <textarea data-testid="pay-output" value={output} onChange={(e) => setOutput(e.target.value)} rows={3} />
          </label>
        </div>
        {read && "error" in read ? (
          <Notice kind="error" testId="pay-served-error">
            Not a payment you can sign: {read.error}
          </Notice>
        ) : null}
        {payment ? (
          <dl className="facts">
            <dt>Model</dt>
            <dd data-testid="pay-model" data-address={payment.model.toBase58()}>
              {model ? <a href={href("models", model.address.toBase58())}>{model.account.name}</a> : <Addr value={payment.model} />}
            </dd>
            <dt>Operator (signed)</dt>
            <dd data-testid="pay-operator" data-authority={payment.operatorAuthority.toBase58()}>
              {operator?.account.endpoint ?? "unregistered"} (<Addr value={payment.operatorAuthority} />)
            </dd>
            <dt>Calls</dt>
            <dd data-testid="pay-calls">{payment.calls.toString()}</dd>
            <dt>Price per call (on chain)</dt>
            <dd data-testid="pay-price">{price !== null ? <Open amount={price} /> : "—"}</dd>
            <dt>Fee</dt>
            <dd data-testid="pay-fee">{fee !== null ? <Open amount={fee} /> : "—"}</dd>
            <dt>Max fee (the most it can take)</dt>
            <dd data-testid="pay-max-fee">
              <Open amount={payment.maxFee} />
            </dd>
            <dt>Your OPEN balance</dt>
            <dd data-testid="pay-balance">{open !== null ? <Open amount={open} /> : "—"}</dd>
            <dt>Output hash committed</dt>
            <dd>
              <span className="mono" data-testid="pay-output-hash">
                {toHex(payment.outputHash)}
              </span>
              {outputChecked === true ? <span className="sub" data-testid="pay-output-match"> (the output you received)</span> : null}
            </dd>
          </dl>
        ) : null}
        {outputChecked === false ? (
          <Notice kind="warn" testId="pay-output-mismatch">
            The operator committed another output than the one you received: its SHA-256 is not that of your text.
          </Notice>
        ) : null}
        {model && hasProofAttributedEntry(model.account) ? <ProofAttributedNote testId="pay-proof-attributed" /> : null}
        {quote && model ? <QuotePreview quote={quote} model={model.account} names={[...data.data.datanets, ...data.data.models]} /> : null}
        {problem ? <p className="hint">{problem}</p> : null}
        {insufficient ? (
          <Notice kind="error" testId="pay-insufficient">
            Insufficient OPEN balance: the fee is <Open amount={fee!} />, you hold <Open amount={open!} />.
          </Notice>
        ) : null}
        {aboveMax && !insufficient ? (
          <Notice kind="warn" testId="pay-above-max">
            The fee is above the payment's max fee: the program will refuse it (FeeAboveMax). Ask the operator for a new one.
          </Notice>
        ) : null}
        <button data-testid="pay-submit" disabled={!!problem || insufficient} onClick={() => void pay()}>
          Pay {fee !== null ? formatUnits(fee, decimals) : ""} OPEN
        </button>
        <TxStatus state={state} testId="tx-pay" />
      </Section>
      {paid ? <Breakdown event={paid.event} model={paid.model} datanets={data.data.datanets} models={data.data.models} /> : null}
      <ServeSection initialModel={initialModel} models={data.data.models} operators={data.data.operators} names={[...data.data.datanets, ...data.data.models]} />
    </>
  );
}

function quoteOf(model: ModelAccount, calls: bigint, protocolFeeBps: number) {
  return quoteInference({
    pricePerCall: big(model.pricePerCall),
    calls,
    protocolFeeBps,
    lineageSharesBps: model.lineage.map((e) => e.shareBps),
    ownerShareBps: model.ownerShareBps,
    operatorShareBps: model.operatorShareBps,
  });
}

function ProofAttributedNote({ testId }: { testId: string }) {
  return (
    <p className="muted" data-testid={testId}>
      This model's datanet share is proof-attributed: it goes to the model's current epoch, and its attestor allocates it to the
      contributions the committed output draws on (what it does not allocate, and an empty output's share, goes to the cited
      version's pool).
    </p>
  );
}

/**
 * The operator's side: the connected wallet, a payable operator's authority, signs the payment for
 * calls it served (the payer pays the fee and the transaction fee, and signs it second).
 */
function ServeSection(props: { initialModel?: string; models: Row<ModelAccount>[]; operators: Awaited<ReturnType<typeof listOperators>>; names: Names }) {
  const { client, config, decimals } = useChain();
  const { connection } = useConnection();
  const { publicKey, signTransaction } = useWallet();
  const [payerKey, setPayerKey] = useState("");
  const [modelKey, setModelKey] = useState(props.initialModel ?? "");
  const [calls, setCalls] = useState("1");
  const [maxFee, setMaxFee] = useState("");
  const [maxFeeEdited, setMaxFeeEdited] = useState(false);
  const [output, setOutput] = useState("");
  const committed = useAsync(() => outputHash(output), [output]);
  const [signed, setSigned] = useState<{ base64: string; error?: undefined } | { error: string; base64?: undefined } | null>(null);
  const [busy, setBusy] = useState(false);

  const minStake = config ? big(config.minOperatorStake) : 0n;
  const mine = publicKey ? props.operators.find((o) => o.account.authority.equals(publicKey) && operatorPayable(o, minStake)) : undefined;
  const published = props.models.filter((m) => "published" in m.account.state);
  useEffect(() => {
    if (!modelKey && published.length > 0) setModelKey(published[0].address.toBase58());
  }, [modelKey, published]);
  const model = props.models.find((m) => m.address.toBase58() === modelKey);
  const callsN = /^[1-9]\d{0,8}$/.test(calls.trim()) ? BigInt(calls.trim()) : null;
  const fee = model && callsN !== null ? big(model.account.pricePerCall) * callsN : null;
  useEffect(() => {
    if (!maxFeeEdited && fee !== null) setMaxFee(formatUnits(fee, decimals).replace(/,/g, ""));
  }, [fee, maxFeeEdited, decimals]);
  const maxFeeUnits = tryParseUnits(maxFee, decimals);
  const payer = (() => {
    try {
      return new PublicKey(payerKey.trim());
    } catch {
      return null;
    }
  })();
  const problem = !publicKey
    ? "Connect the operator's wallet to sign payments for what it served."
    : !mine
      ? "This wallet is not the authority of a payable operator (registered, active, staked at least the minimum)."
      : !payer
        ? "Payer: the wallet address of the user you served."
        : !model || !("published" in model.account.state)
          ? `Choose a published model${model ? ` (this one is ${variant(model.account.state)})` : ""}.`
          : callsN === null
            ? "Calls: a whole number above zero."
            : maxFeeUnits === null
              ? "Max fee: an amount in OPEN."
              : null;

  const sign = async () => {
    if (!mine || !payer || !model || callsN === null || maxFeeUnits === null || !signTransaction) return;
    setBusy(true);
    setSigned(null);
    try {
      const { blockhash } = await connection.getLatestBlockhash("confirmed");
      const tx = await buildServedPayment(client, {
        payer,
        model: model.address,
        operator: mine.address,
        operatorInfo: { operator: mine.address, authority: mine.account.authority, stake: mine.stakeAddress },
        calls: callsN,
        maxFee: maxFeeUnits,
        outputHash: committed.data ?? (await outputHash(output)),
        blockhash,
      });
      setSigned({ base64: encodeServedPayment(await signTransaction(tx)) });
    } catch (err) {
      setSigned({ error: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="Sign a payment you served (operators)" testId="serve">
      <div className="form-grid">
        <label>
          Payer (the user's wallet)
          <input data-testid="serve-payer" value={payerKey} onChange={(e) => setPayerKey(e.target.value)} />
        </label>
        <label>
          Model
          <select data-testid="serve-model" value={modelKey} onChange={(e) => setModelKey(e.target.value)}>
            <option value="">Choose…</option>
            {published.map((m) => (
              <option key={m.address.toBase58()} value={m.address.toBase58()}>
                {m.account.name} ({m.address.toBase58().slice(0, 4)})
              </option>
            ))}
          </select>
        </label>
        <label>
          Calls
          <input data-testid="serve-calls" value={calls} onChange={(e) => setCalls(e.target.value)} inputMode="numeric" />
        </label>
        <label>
          Max fee (OPEN)
          <input
            data-testid="serve-max-fee"
            value={maxFee}
            onChange={(e) => {
              setMaxFee(e.target.value);
              setMaxFeeEdited(true);
            }}
            inputMode="decimal"
          />
        </label>
        <label className="wide">
          Output served (committed on chain by its SHA-256)
          <textarea data-testid="serve-output" value={output} onChange={(e) => setOutput(e.target.value)} rows={3} />
        </label>
      </div>
      <dl className="facts">
        <dt>Fee at today's price</dt>
        <dd data-testid="serve-fee">{fee !== null ? <Open amount={fee} /> : "—"}</dd>
        <dt>Output hash committed</dt>
        <dd>
          <span className="mono" data-testid="serve-output-hash">
            {committed.data ? toHex(committed.data) : "—"}
          </span>
          {output === "" ? <span className="sub"> (no output: the empty output's hash, attributed to nobody)</span> : null}
        </dd>
      </dl>
      {model && hasProofAttributedEntry(model.account) ? <ProofAttributedNote testId="serve-proof-attributed" /> : null}
      {problem ? <p className="hint">{problem}</p> : null}
      <button data-testid="serve-submit" disabled={!!problem || busy} onClick={() => void sign()}>
        Sign as the operator
      </button>
      {signed?.error !== undefined ? (
        <Notice kind="error" testId="serve-error">
          Not signed: {signed.error}
        </Notice>
      ) : null}
      {signed?.base64 ? (
        <label className="wide">
          Signed payment: hand it to the payer with the output (valid until its blockhash expires, about a minute)
          <textarea data-testid="serve-signed" readOnly value={signed.base64} rows={4} />
        </label>
      ) : null}
    </Section>
  );
}

function QuotePreview({ quote, model, names }: { quote: ReturnType<typeof quoteInference>; model: ModelAccount; names: { address: PublicKey; account: { name: string } }[] }) {
  const name = (t: PublicKey) => names.find((d) => d.address.equals(t))?.account.name ?? t.toBase58().slice(0, 6);
  return (
    <details className="quote" data-testid="pay-quote">
      <summary>Expected split (the program's own arithmetic)</summary>
      <ul>
        <li>
          Protocol fee and rounding to the treasury: <Open amount={quote.treasury} />
        </li>
        <li>
          Model owner ({bpsText(model.ownerShareBps)}): <Open amount={quote.owner} />
        </li>
        <li>
          Operator ({bpsText(model.operatorShareBps)}): <Open amount={quote.operator} />
        </li>
        {model.lineage.map((e, i) => (
          <li key={i}>
            {"datanet" in e.source ? "Datanet" : "Upstream model"} {name(e.target)} ({bpsText(e.shareBps)}):{" "}
            <Open amount={quote.lineage[i]} />
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The confirmed payment's split, from its InferencePaid event, with who is behind each part. */
function Breakdown(props: {
  event: InferencePaid;
  model: ModelAccount;
  datanets: { address: PublicKey; account: { name: string } }[];
  models: Row<ModelAccount>[];
}) {
  const { client } = useChain();
  const e = props.event;
  // Per datanet entry: the contributions of the version it cites (the pool's members), their
  // weights over the version's fixed total, and whether each has opened its position yet.
  const cited = props.model.lineage.map((l) => ("datanet" in l.source && l.datanetVersion ? { datanet: l.target, version: l.datanetVersion } : null));
  const contributors = useAsync(async () => {
    return Promise.all(
      cited.map(async (c) => {
        if (!c) return null;
        const [version, contributions, positions] = await Promise.all([
          client.fetchDatanetVersion(c.version),
          listContributions(client, { datanet: c.datanet }),
          listPositions(client, { pool: poolPda(c.version) }),
        ]);
        const open = new Set(positions.map((p) => p.address.toBase58()));
        return {
          number: version.number,
          totalWeight: big(version.totalWeight),
          members: versionContents(version, contributions).map((m) => ({
            contribution: m.address,
            contributor: m.account.contributor,
            weight: big(m.account.weight),
            enrolled: open.has(positionPda(poolPda(c.version), m.address).toBase58()),
          })),
        };
      }),
    );
  }, [client, cited.map((c) => c?.version.toBase58() ?? "-").join()]);
  const nameOf = (t: PublicKey) =>
    props.datanets.find((d) => d.address.equals(t))?.account.name ?? props.models.find((m) => m.address.equals(t))?.account.name ?? t.toBase58();
  const earned = new Map<string, bigint>();
  const add = (who: PublicKey, amount: bigint) => earned.set(who.toBase58(), (earned.get(who.toBase58()) ?? 0n) + amount);
  add(e.owner, big(e.ownerAmount));
  add(e.operator, big(e.operatorAmount));

  return (
    <Section title="Where the fee went" testId="breakdown">
      <p>
        <span data-testid="breakdown-fee">
          Fee <Open amount={big(e.fee)} testId="breakdown-fee-amount" />
        </span>{" "}
        = {e.calls.toString()} calls × <Open amount={big(e.pricePerCall)} />, paid by <Addr value={e.payer} />. Request id{" "}
        <span className="mono">{toHex(e.requestId.slice(0, 6))}…</span>, output hash{" "}
        <span className="mono" data-testid="breakdown-output-hash" data-hash={toHex(e.outputHash)}>
          {toHex(e.outputHash.slice(0, 6))}…
        </span>
        {e.record !== null && e.epoch !== null ? (
          <span data-testid="breakdown-record" data-record={e.record.toString()} data-epoch={e.epoch.toString()}>
            ; record #{e.record.toString()} of the model's epoch {e.epoch.toString()} (numbered by the chain)
          </span>
        ) : null}
      </p>
      <table className="breakdown">
        <tbody>
          <tr className="group">
            <th colSpan={3}>Who contributed</th>
          </tr>
          {e.lineage.map((credit, i) => {
            const entry = props.model.lineage[i];
            const isDatanet = entry && "datanet" in entry.source;
            const version = isDatanet ? (contributors.data?.[i] ?? null) : null;
            const toEpoch = isDatanet && entry.proofAttributed && e.epoch !== null;
            return (
              <tr key={i} data-testid="breakdown-lineage" data-target={credit.target.toBase58()} data-raw={big(credit.amount).toString()}>
                <td>
                  {isDatanet ? "Datanet" : "Upstream model"}{" "}
                  <a href={href(isDatanet ? "datanets" : "models", credit.target.toBase58())}>{nameOf(credit.target)}</a>
                  {version ? ` v${version.number}` : ""}
                  {entry ? <span className="sub"> ({bpsText(entry.shareBps)})</span> : null}
                </td>
                <td className="num">
                  <Open amount={big(credit.amount)} />
                </td>
                <td>
                  {toEpoch ? (
                    <span className="muted" data-testid="breakdown-to-epoch">
                      into the model's epoch {e.epoch!.toString()} as record #{e.record?.toString()}: after the epoch its attestor's root
                      allocates it to the contributions{version ? ` of v${version.number}` : ""} this output draws on; the rest goes to the
                      version's reward pool
                    </span>
                  ) : isDatanet ? (
                    !version ? (
                      <span className="muted">into the reward pool of the version it cites</span>
                    ) : (
                      <ul className="contributors">
                        <li className="muted">
                          into v{version.number}'s reward pool, shared by weight over its fixed total {version.totalWeight.toString()} (enrolled or not:
                          a position opened later starts from the pool's beginning)
                        </li>
                        {version.members.map((p) => {
                          const share = version.totalWeight > 0n ? (big(credit.amount) * p.weight) / version.totalWeight : 0n;
                          add(p.contributor, share);
                          return (
                            <li key={p.contribution.toBase58()} data-testid="breakdown-contributor" data-enrolled={p.enrolled ? "1" : "0"}>
                              <Addr value={p.contributor} /> weight {p.weight.toString()}/{version.totalWeight.toString()} ≈ <Open amount={share} />
                              {p.enrolled ? null : <span className="sub"> (not enrolled yet: claimable once enrolled)</span>}
                            </li>
                          );
                        })}
                      </ul>
                    )
                  ) : (
                    <span className="muted">into its escrow; the escrow_distribute crank splits it by that model's own lineage</span>
                  )}
                </td>
              </tr>
            );
          })}
          <tr className="group">
            <th colSpan={3}>Who refined</th>
          </tr>
          <tr data-testid="breakdown-owner" data-raw={big(e.ownerAmount).toString()}>
            <td>
              Model owner <Addr value={e.owner} /> <span className="sub">({bpsText(props.model.ownerShareBps)})</span>
            </td>
            <td className="num">
              <Open amount={big(e.ownerAmount)} />
            </td>
            <td className="muted">credited to its earnings</td>
          </tr>
          <tr className="group">
            <th colSpan={3}>Who executed</th>
          </tr>
          <tr data-testid="breakdown-operator" data-raw={big(e.operatorAmount).toString()}>
            <td>
              Operator <Addr value={e.operator} /> <span className="sub">({bpsText(props.model.operatorShareBps)})</span>
            </td>
            <td className="num">
              <Open amount={big(e.operatorAmount)} />
            </td>
            <td className="muted">credited to its earnings</td>
          </tr>
          <tr className="group">
            <th colSpan={3}>Protocol</th>
          </tr>
          <tr data-testid="breakdown-protocol" data-raw={(big(e.protocolFee) + big(e.dust)).toString()}>
            <td>Treasury (protocol fee + rounding dust)</td>
            <td className="num">
              <Open amount={big(e.protocolFee) + big(e.dust)} />
            </td>
            <td className="muted">
              <Open amount={big(e.protocolFee)} /> + <Open amount={big(e.dust)} />
            </td>
          </tr>
        </tbody>
      </table>
      <h3>Who earned</h3>
      <ul data-testid="breakdown-earned">
        {[...earned.entries()].map(([who, amount]) => (
          <li key={who}>
            <Addr value={who} />: <Open amount={amount} />
          </li>
        ))}
      </ul>
      {e.lineage.some((_, i) => props.model.lineage[i] && "model" in props.model.lineage[i].source) ? <EscrowCrank model={props.model} /> : null}
    </Section>
  );
}

function EscrowCrank({ model }: { model: ModelAccount }) {
  const { client } = useChain();
  const [run, state] = useAction();
  const upstream = model.lineage.filter((l) => "model" in l.source).map((l) => l.target);
  return (
    <div className="subcard">
      <button
        className="ghost"
        data-testid="escrow-distribute"
        onClick={() =>
          run("Distribute upstream escrows", async () => {
            const ixs = [];
            for (const m of upstream) ixs.push(...(await client.escrowDistribute({ model: m })).instructions);
            return ixs;
          })
        }
      >
        Distribute the upstream escrow{upstream.length > 1 ? "s" : ""} now (permissionless)
      </button>
      <TxStatus state={state} testId="tx-escrow" />
    </div>
  );
}
