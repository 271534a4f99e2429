/**
 * Handing something to another wallet in two steps, the same way for a contribution, a model, an
 * operator (with its stake) or an earnings account: its holder types the new wallet's address and
 * proposes (or cancels a pending proposal); the proposed wallet sees Accept. Nothing changes
 * until it accepts. `HandoverPending` says who a proposal names.
 */
import { useWallet } from "@solana/wallet-adapter-react";
import type { PublicKey, TransactionInstruction } from "@solana/web3.js";
import { useState } from "react";
import { parseSuccessor } from "../lib/handover";
import { Addr } from "./ui";

/** An action's `run` (lib/chain's useAction): sends what `build` returns, under `label`. */
export type Run = (label: string, build: () => Promise<TransactionInstruction[]>) => Promise<unknown>;

export interface HandoverProps {
  /** What is handed over, as the action labels name it: `contribution #3`, `model "radiology"`. */
  label: string;
  /** Its holder now, and the wallet a pending proposal names. */
  holder: PublicKey;
  pending: PublicKey | null;
  run: Run;
  /** The holder's proposal to `to`, or its cancellation (null); without it, the holder sees nothing. */
  propose?: (to: PublicKey | null) => Promise<TransactionInstruction[]>;
  /** The proposed wallet's acceptance; without it, the proposed wallet sees nothing. */
  accept?: () => Promise<TransactionInstruction[]>;
  /** What handing over gives, and what accepting makes the new wallet (the buttons' titles). */
  openTitle?: string;
  acceptTitle?: string;
}

/** The holder's Hand over / Cancel handover, the proposed wallet's Accept handover; nothing for others. */
export function Handover(props: HandoverProps) {
  const { publicKey } = useWallet();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  if (!publicKey) return null;
  const { label, holder, pending, run } = props;
  const mine = holder.equals(publicKey);
  const accept = props.accept;
  if (pending && pending.equals(publicKey) && !mine) {
    if (!accept) return null;
    return (
      <button className="small" data-testid="handover-accept" title={props.acceptTitle} onClick={() => run(`Accept the handover of ${label}`, accept)}>
        Accept handover
      </button>
    );
  }
  const build = props.propose;
  if (!mine || !build) return null;
  const propose = (to: PublicKey | null) => run(to ? `Hand over ${label} to ${to.toBase58()}` : `Cancel the handover of ${label}`, () => build(to));
  const { successor, problem } = parseSuccessor(text, publicKey, pending);
  return (
    <span className="handover" data-testid="handover">
      {pending ? (
        <button className="small ghost" data-testid="handover-cancel" title="Withdraw the proposal: the named wallet can no longer accept" onClick={() => propose(null)}>
          Cancel handover
        </button>
      ) : null}
      {open ? (
        <span className="inline-form">
          <input data-testid="handover-address" value={text} onChange={(e) => setText(e.target.value)} placeholder="the new wallet's address" size={20} />
          <button className="small" data-testid="handover-propose" disabled={!successor || !!problem} onClick={() => successor && propose(successor).then((sent) => sent && setOpen(false))}>
            Propose
          </button>
          {problem ? (
            <span className="hint" data-testid="handover-problem">
              {problem}
            </span>
          ) : null}
        </span>
      ) : (
        <button className="small ghost" data-testid="handover-open" title={props.openTitle} onClick={() => setOpen(true)}>
          {pending ? "Hand over to another wallet" : "Hand over"}
        </button>
      )}
    </span>
  );
}

/** "handing over to <wallet>" (with "you" for the connected wallet), or nothing without a proposal. */
export function HandoverPending({ pending }: { pending: PublicKey | null }) {
  const { publicKey } = useWallet();
  if (!pending) return null;
  return (
    <div className="sub" data-testid="handover-pending" data-successor={pending.toBase58()}>
      handing over to <Addr value={pending} />
      {publicKey && pending.equals(publicKey) ? <span className="badge">you</span> : null}
    </div>
  );
}
