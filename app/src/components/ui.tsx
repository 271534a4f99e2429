/** Small shared pieces: transaction status with signatures, addresses, amounts, notices. */
import type { PublicKey } from "@solana/web3.js";
import type { ReactNode } from "react";
import { type ActionState, useChain } from "../lib/chain";
import { classifyError } from "../lib/errors";
import { formatOpen, short } from "../lib/format";

export function explorerTx(signature: string, rpcUrl: string): string {
  return `https://explorer.solana.com/tx/${signature}?cluster=custom&customUrl=${encodeURIComponent(rpcUrl)}`;
}

export function Signature({ signature }: { signature: string }) {
  const { rpcUrl } = useChain();
  return (
    <a className="mono sig" data-testid="signature" href={explorerTx(signature, rpcUrl)} target="_blank" rel="noreferrer" title={signature}>
      {signature}
    </a>
  );
}

const STAGE_TEXT: Record<ActionState["status"], string> = {
  idle: "",
  building: "Preparing…",
  signing: "Waiting for your wallet's signature…",
  sending: "Sending…",
  confirming: "Confirming…",
  confirmed: "Confirmed",
  failed: "Failed",
};

/** Where an action is, its signatures, and its failure as a sentence. */
export function TxStatus({ state, testId }: { state: ActionState; testId: string }) {
  if (state.status === "idle") return null;
  const kind = state.error?.kind;
  return (
    <div className={`tx tx-${state.status}`} data-testid={testId} data-status={state.status} data-kind={kind ?? ""} data-run={state.run}>
      <div>
        <strong>{state.label}</strong>: {STAGE_TEXT[state.status]}
        {state.status === "failed" && state.error && (
          <span className="tx-error" data-testid={`${testId}-error`}>
            {" "}
            — {state.error.message}
          </span>
        )}
      </div>
      {state.status === "failed" && state.error?.reachedChain === false && state.signatures.length > 0 && (
        <div className="muted">Refused before reaching the chain (simulation); nothing was charged.</div>
      )}
      {state.signatures.map((s) => (
        <div key={s}>
          Signature: <Signature signature={s} />
        </div>
      ))}
    </div>
  );
}

export function Addr({ value, full }: { value: PublicKey | string | null | undefined; full?: boolean }) {
  if (!value) return <span className="muted">—</span>;
  const s = value.toString();
  return (
    <span className="mono" title={s} data-address={s}>
      {full ? s : short(s, 4)}
    </span>
  );
}

export function Open({ amount, testId }: { amount: bigint; testId?: string }) {
  const { decimals } = useChain();
  return (
    <span className="amount" data-testid={testId} data-raw={amount.toString()}>
      {formatOpen(amount, decimals)}
    </span>
  );
}

export function Notice({ kind, children, testId }: { kind: "info" | "warn" | "error"; children: ReactNode; testId?: string }) {
  return (
    <div className={`notice notice-${kind}`} data-testid={testId} role={kind === "error" ? "alert" : undefined}>
      {children}
    </div>
  );
}

export function Section({ title, children, actions, testId }: { title: ReactNode; children: ReactNode; actions?: ReactNode; testId?: string }) {
  return (
    <section className="card" data-testid={testId}>
      <header className="card-head">
        <h2>{title}</h2>
        {actions}
      </header>
      {children}
    </section>
  );
}

export function Loading({ what }: { what: string }) {
  return <p className="muted">Loading {what}…</p>;
}

/** A read that failed: the message, classified (an unreachable RPC says so). */
export function ReadError({ error }: { error: unknown }) {
  const { rpcUrl } = useChain();
  const failure = classifyError(error, { rpcUrl });
  return (
    <Notice kind="error" testId="read-error">
      {failure.kind === "rpc" ? failure.message : `Could not read the chain: ${failure.message}`}
    </Notice>
  );
}

export function Status({ value }: { value: string }) {
  return <span className={`badge badge-${value}`}>{value}</span>;
}
