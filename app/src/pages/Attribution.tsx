/**
 * Proof of Attribution: a proof-attributed model's epochs, each with its status, root, records
 * hash, attestation hash (the sha256 of the inputs its root was computed from), the challenge
 * window's countdown (claims open at) and the attestor's bond; and the bonded challenges: anyone
 * challenges a posted root inside its window (posting the config's challenge bond, naming the
 * disputed leaf or the contribution a missing leaf would name), the config's resolver upholds or
 * dismisses, anyone ends a challenge left past its deadline, and anyone closes an attestation once
 * its bond is unlocked (what is left of it, and the rent, to the attestor). Times are the chain's
 * (the Clock sysvar), not the browser's.
 */
import {
  type AttestationAccount,
  type ConfigAccount,
  type EpochAccount,
  findEvents,
  hasProofAttributedEntry,
} from "@attribution-suite/client";
import { useWallet } from "@solana/wallet-adapter-react";
import type { PublicKey } from "@solana/web3.js";
import { useEffect, useState } from "react";
import { Addr, Loading, Notice, Open, ReadError, Section, Status, TxStatus } from "../components/ui";
import { epochActions, parseDisputed } from "../lib/attribution";
import { useAction, useAsync, useChain } from "../lib/chain";
import { type Row, listEpochs, listModels, pk, walletBalances } from "../lib/data";
import { big, bpsText, durationText, timeText, toHex, variant } from "../lib/format";

type ChallengeEnded = ReturnType<typeof findEvents<"attribution_payout", "epochChallengeEnded">>[number];

interface EpochRow extends Row<EpochAccount> {
  /** Null before a root is posted, and once `attestation_close` closed it. */
  attestation: AttestationAccount | null;
}

/** The chain's time, read with the epochs and moved on by the browser's clock every second. */
function useChainNow(read: { now: bigint; readAt: number } | undefined): bigint | null {
  const [tick, setTick] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setTick(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return read ? read.now + BigInt(Math.max(0, Math.floor((tick - read.readAt) / 1_000))) : null;
}

/** `at` as a local time, and how far it is from `now`. */
function Deadline({ at, now, testId }: { at: bigint; now: bigint | null; testId: string }) {
  const left = now === null ? null : at - now;
  return (
    <span data-testid={testId} data-at={at.toString()}>
      {timeText(at)}{" "}
      {left === null ? null : left > 0n ? <span className="sub">(in {durationText(left)})</span> : <span className="sub">(passed)</span>}
    </span>
  );
}

export function AttributionPage({ model: initialModel }: { model?: string }) {
  const { client, config } = useChain();
  const models = useAsync(() => listModels(client), [client]);
  const [modelKey, setModelKey] = useState(initialModel ?? "");
  const attributed = (models.data ?? []).filter((m) => hasProofAttributedEntry(m.account) && !("draft" in m.account.state));
  useEffect(() => {
    if (!modelKey && attributed.length > 0) setModelKey(attributed[0].address.toBase58());
  }, [modelKey, attributed]);
  const epochs = useAsync(async () => {
    if (!modelKey) return null;
    const model = pk(modelKey);
    const [rows, clock] = await Promise.all([listEpochs(client, model), client.fetchClock()]);
    const attestations = await Promise.all(rows.map((r) => client.fetchAttestationOrNull(model, big(r.account.index))));
    return { rows: rows.map((r, i): EpochRow => ({ ...r, attestation: attestations[i] })), now: clock.unixTimestamp, readAt: Date.now() };
  }, [client, modelKey]);
  const now = useChainNow(epochs.data ?? undefined);

  if (models.error && !models.data) return <ReadError error={models.error} />;
  if (!models.data) return <Loading what="models" />;
  return (
    <>
      <Section title="Proof of Attribution" testId="poa">
        <p className="muted">
          A proof-attributed model's datanet share accrues in epochs. After each, the model's attestor posts a Merkle root allocating it to
          contributions, and bonds it; anyone who recomputes the root from its published attestation may challenge it during the challenge
          window, bonding in turn. The config's resolver upholds (the attestor's bond is slashed, the epoch's fees go to the version's pool) or
          dismisses (the challenger's bond goes to the attestor); undecided by the deadline, both bonds go back and the epoch falls back to the
          pool.
        </p>
        <label>
          Model{" "}
          <select data-testid="poa-model" value={modelKey} onChange={(e) => setModelKey(e.target.value)}>
            <option value="">Choose…</option>
            {attributed.map((m) => (
              <option key={m.address.toBase58()} value={m.address.toBase58()}>
                {m.account.name} ({m.address.toBase58().slice(0, 4)})
              </option>
            ))}
          </select>
        </label>
        {attributed.length === 0 ? <p className="hint">No published model has a proof-attributed datanet entry yet.</p> : null}
        {config ? <ChallengeTerms config={config} /> : null}
      </Section>
      {modelKey && epochs.error && !epochs.data ? <ReadError error={epochs.error} /> : null}
      {modelKey && epochs.data === undefined && !epochs.error ? <Loading what="epochs" /> : null}
      {epochs.data && epochs.data.rows.length === 0 ? <p className="muted">This model has no epoch on chain: its first payment opens one.</p> : null}
      {epochs.data && config
        ? epochs.data.rows.map((row) => <EpochCard key={row.address.toBase58()} model={pk(modelKey)} row={row} now={now} config={config} />)
        : null}
    </>
  );
}

function ChallengeTerms({ config }: { config: ConfigAccount }) {
  const { publicKey } = useWallet();
  const c = config.challenge;
  return (
    <dl className="facts" data-testid="poa-terms">
      <dt>Challenge window</dt>
      <dd>{durationText(config.challengeWindowSecs)} after a root is posted (claims open then)</dd>
      <dt>Attestor's bond</dt>
      <dd>{bpsText(c.attestorBondBps)} of what its root allocates, rounded up</dd>
      <dt>Challenge bond</dt>
      <dd data-testid="poa-challenge-bond" data-raw={big(c.challengeBond).toString()}>
        <Open amount={big(c.challengeBond)} />
      </dd>
      <dt>Reward if upheld</dt>
      <dd>the bond back, plus {bpsText(c.challengeRewardBps)} of the attestor's bond</dd>
      <dt>Resolver</dt>
      <dd data-testid="poa-resolver">
        <Addr value={config.resolver} full /> {publicKey?.equals(config.resolver) ? <span className="badge">you</span> : null}
        <span className="sub"> decides within {durationText(c.resolveWindowSecs)} of a challenge</span>
      </dd>
    </dl>
  );
}

function EpochCard({ model, row, now, config }: { model: PublicKey; row: EpochRow; now: bigint | null; config: ConfigAccount }) {
  const { client } = useChain();
  const { publicKey } = useWallet();
  const [run, state] = useAction();
  const [disputedText, setDisputedText] = useState("");
  const [ended, setEnded] = useState<ChallengeEnded | null>(null);
  const balances = useAsync(async () => (publicKey ? walletBalances(client, publicKey) : null), [client, publicKey]);
  const e = row.account;
  const a = row.attestation;
  const index = big(e.index);
  const status = variant(e.status);
  const isResolver = !!publicKey && publicKey.equals(config.resolver);
  const actions = now === null ? null : epochActions(e, a, now, isResolver);
  const disputed = parseDisputed(disputedText);
  const challengeBond = big(config.challenge.challengeBond);
  const lacking = balances.data ? balances.data.open < challengeBond : false;
  const posted = status !== "open";

  const challenge = () =>
    run(`Challenge epoch ${index}'s root`, async () => {
      return (await client.epochChallenge({ challenger: publicKey!, model, index, disputed: disputed.bytes! })).instructions;
    });
  const end = async (outcome: "upheld" | "dismissed" | "expired") => {
    setEnded(null);
    const label = outcome === "expired" ? `End epoch ${index}'s expired challenge` : `${outcome === "upheld" ? "Uphold" : "Dismiss"} the challenge of epoch ${index}`;
    const sent = await run(label, async () => {
      return (await client.epochChallengeEnd({ signer: publicKey!, model, index, outcome, datanetVersion: e.datanetVersion })).instructions;
    });
    const [event] = sent ? findEvents(sent[sent.length - 1].logs, "attribution_payout", "epochChallengeEnded") : [];
    if (event) setEnded(event);
  };
  const closeAttestation = () =>
    run(`Close epoch ${index}'s attestation`, async () => (await client.attestationClose({ model, index, attestor: a!.attestor })).instructions);

  return (
    <Section
      title={
        <>
          Epoch {index.toString()} <Status value={status} />
        </>
      }
      testId={`epoch-${index}`}
    >
      <dl className="facts" data-testid="epoch-facts" data-status={status}>
        <dt>Period</dt>
        <dd>
          {timeText(e.startsAt)} – {timeText(e.endsAt)}
        </dd>
        <dt>Accrued</dt>
        <dd data-testid="epoch-accrued" data-raw={big(e.accrued).toString()}>
          <Open amount={big(e.accrued)} /> <span className="sub">over {e.recordCount.toString()} payments</span>
        </dd>
        <dt>Records hash</dt>
        <dd className="mono" data-testid="epoch-records-hash">
          {toHex(e.recordsHash)}
        </dd>
        {posted ? (
          <>
            <dt>Root</dt>
            <dd className="mono" data-testid="epoch-root">
              {toHex(e.root)}
            </dd>
            <dt>Attestation hash</dt>
            <dd className="mono" data-testid="epoch-inputs-hash">
              {toHex(e.inputsHash)}
            </dd>
            <dt>Allocated</dt>
            <dd data-testid="epoch-total" data-raw={big(e.total).toString()}>
              <Open amount={big(e.total)} />{" "}
              <span className="sub">
                to {e.leafCount.toString()} {big(e.leafCount) === 1n ? "leaf" : "leaves"}; claimed <Open amount={big(e.claimed)} />
              </span>
            </dd>
            {status === "released" ? null : (
              <>
                <dt>Claims open</dt>
                <dd>
                  <Deadline at={big(e.claimsOpenAt)} now={now} testId="epoch-claims-open" />
                  {status === "challenged" ? (
                    <span className="sub"> — and wait for the resolver</span>
                  ) : now !== null && now < big(e.claimsOpenAt) ? (
                    <span className="sub"> — the challenge window is open</span>
                  ) : null}
                </dd>
              </>
            )}
          </>
        ) : (
          <>
            <dt>Root due</dt>
            <dd>
              <Deadline at={big(e.rootDeadlineAt)} now={now} testId="epoch-root-deadline" />
            </dd>
          </>
        )}
        <dt>Returned to the pool</dt>
        <dd data-testid="epoch-returned" data-raw={big(e.returned).toString()}>
          <Open amount={big(e.returned)} />
        </dd>
        {a ? (
          <>
            <dt>Attestor's bond</dt>
            <dd data-testid="epoch-attestor-bond" data-raw={big(a.bond).toString()}>
              <Open amount={big(a.bond)} /> <span className="sub">of</span> <Addr value={a.attestor} />
            </dd>
          </>
        ) : posted ? (
          <>
            <dt>Attestor's bond</dt>
            <dd className="muted" data-testid="epoch-attestation-closed">
              returned: the attestation is closed
            </dd>
          </>
        ) : null}
        {a && status === "challenged" ? (
          <>
            <dt>Challenge</dt>
            <dd data-testid="epoch-challenge" data-challenger={a.challenger.toBase58()} data-bond={big(a.challengerBond).toString()}>
              by <Addr value={a.challenger} />, bonding <Open amount={big(a.challengerBond)} />, disputing{" "}
              <span className="mono" data-testid="epoch-disputed">
                {toHex(a.disputed)}
              </span>
              ; the resolver decides until <Deadline at={big(a.resolveBy)} now={now} testId="epoch-resolve-by" />
            </dd>
          </>
        ) : null}
      </dl>

      {actions?.challenge ? (
        <div className="subcard" data-testid="epoch-challenge-form">
          <label className="wide">
            Disputed leaf (64 hex characters) or the contribution a missing leaf would name (its address)
            <input data-testid="challenge-disputed" value={disputedText} onChange={(ev) => setDisputedText(ev.target.value)} spellCheck={false} />
          </label>
          {disputed.problem ? (
            <p className="hint" data-testid="challenge-problem">
              {disputed.problem}
            </p>
          ) : null}
          {lacking ? (
            <Notice kind="error" testId="challenge-insufficient">
              A challenge posts <Open amount={challengeBond} />; your wallet holds <Open amount={balances.data!.open} />.
            </Notice>
          ) : null}
          <button data-testid="challenge-submit" disabled={!publicKey || !disputed.bytes || lacking} onClick={() => void challenge()}>
            Challenge (bond <Open amount={challengeBond} />)
          </button>
        </div>
      ) : null}
      {actions?.resolve ? (
        <div className="subcard">
          <span className="muted">You are the resolver: </span>
          <button data-testid="challenge-uphold" onClick={() => void end("upheld")}>
            Uphold (strike the root)
          </button>{" "}
          <button className="ghost" data-testid="challenge-dismiss" onClick={() => void end("dismissed")}>
            Dismiss
          </button>
        </div>
      ) : null}
      {actions?.expire ? (
        <button data-testid="challenge-expire" onClick={() => void end("expired")}>
          End expired challenge (both bonds back)
        </button>
      ) : null}
      {actions?.closeAttestation ? (
        <button className="ghost" data-testid="attestation-close" onClick={() => void closeAttestation()}>
          Close attestation (<Open amount={big(a!.bond)} /> and the rent to the attestor)
        </button>
      ) : null}
      {ended ? (
        <Notice kind="info" testId="challenge-ended">
          <span data-to-challenger={big(ended.toChallenger).toString()} data-slashed={big(ended.slashedToPool).toString()} data-returned={big(ended.returned).toString()}>
            {variant(ended.outcome)}: <Open amount={big(ended.toChallenger)} /> to the challenger, <Open amount={big(ended.slashedToPool)} /> of the
            attestor's bond and <Open amount={big(ended.returned)} /> of the epoch's fees to the version's pool; the attestor keeps{" "}
            <Open amount={big(ended.attestorBond)} />.
          </span>
        </Notice>
      ) : null}
      <TxStatus state={state} testId={`tx-epoch-${index}`} />
    </Section>
  );
}
