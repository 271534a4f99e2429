/**
 * Closing an empty account (an earnings account, a stake): a Close button that says the rent it
 * returns (the account's lamports, read from the chain), and, once closed, the rent the program
 * reports (`EmptyAccountClosed`). The notice lives with the section (`useClose`), since the
 * closed account's row goes away.
 */
import type { PublicKey, TransactionInstruction } from "@solana/web3.js";
import { useCallback, useState } from "react";
import { useAsync, useChain } from "../lib/chain";
import { formatSol, rentReturned } from "../lib/handover";
import type { SentTx } from "../lib/send";

type RunSent = (label: string, build: () => Promise<TransactionInstruction[]>) => Promise<SentTx[] | null>;

export interface Closed {
  what: string;
  lamports: bigint;
}

/** `close(what, build)`: sends the close under "Close <what>"; `closed` is the last one's rent returned. */
export function useClose(run: RunSent): [(what: string, build: () => Promise<TransactionInstruction[]>) => Promise<void>, Closed | null] {
  const [closed, setClosed] = useState<Closed | null>(null);
  const close = useCallback(
    async (what: string, build: () => Promise<TransactionInstruction[]>) => {
      setClosed(null);
      const sent = await run(`Close ${what}`, build);
      if (sent) setClosed({ what, lamports: rentReturned(sent) });
    },
    [run],
  );
  return [close, closed];
}

/** A Close button for `address`, with the rent it returns. */
export function CloseButton(props: { address: PublicKey; what: string; onClose: () => void; testId: string; note?: string }) {
  const { client } = useChain();
  const lamports = useAsync(() => client.payoutProgram.provider.connection.getBalance(props.address, "confirmed"), [client, props.address.toBase58()]);
  const rent = lamports.data != null ? BigInt(lamports.data) : null;
  return (
    <button
      className="small ghost"
      data-testid={props.testId}
      data-rent={rent?.toString() ?? ""}
      title={`Close ${props.what}: it is empty, and its rent comes back to your wallet.${props.note ? ` ${props.note}` : ""}`}
      onClick={props.onClose}
    >
      Close{rent != null ? ` (returns ${formatSol(rent)})` : ""}
    </button>
  );
}

/** "Closed <what>: <rent> returned to your wallet." */
export function RentReturned({ closed }: { closed: Closed | null }) {
  if (!closed) return null;
  return (
    <div className="notice notice-info" data-testid="rent-returned" data-lamports={closed.lamports.toString()}>
      Closed {closed.what}: {formatSol(closed.lamports)} of rent returned to your wallet.
    </div>
  );
}
