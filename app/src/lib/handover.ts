/**
 * Handing something to another wallet, and closing what is empty: the pure parts the pages share
 * (components/Handover.tsx and components/Close.tsx draw them).
 */
import { type CloseBlocker, findEvents } from "@attribution-suite/client";
import { PublicKey } from "@solana/web3.js";
import { formatUnits } from "./format";

/**
 * The successor a holder typed (`text`), or why it cannot be proposed: not a base58 address, the
 * holder's own wallet, or the wallet already proposed. `successor` is null while nothing is typed.
 */
export function parseSuccessor(text: string, holder: PublicKey, pending: PublicKey | null): { successor: PublicKey | null; problem: string | null } {
  const trimmed = text.trim();
  if (!trimmed) return { successor: null, problem: null };
  let successor: PublicKey;
  try {
    successor = new PublicKey(trimmed);
  } catch {
    return { successor: null, problem: "Not a wallet address (base58)." };
  }
  if (successor.equals(holder)) return { successor, problem: "That is your own wallet." };
  if (pending?.equals(successor)) return { successor, problem: "It is already proposed to that wallet." };
  return { successor, problem: null };
}

/** The rent (lamports) the `EmptyAccountClosed` events of these transactions' logs returned. */
export function rentReturned(sent: readonly { logs: readonly string[] }[]): bigint {
  let total = 0n;
  for (const tx of sent) {
    for (const e of findEvents(tx.logs, "attribution_payout", "emptyAccountClosed")) total += BigInt(e.rentReturned.toString());
  }
  return total;
}

/** Lamports as SOL, e.g. 1_447_680n → "0.00144768 SOL". */
export const formatSol = (lamports: bigint) => `${formatUnits(lamports, 9)} SOL`;

/** Why an account cannot close, as the page says it. */
export const CLOSE_BLOCKER_TEXT: Record<CloseBlocker, string> = {
  AccountNotEmpty: "not empty: only an empty account closes",
  TreasuryEarningsStay: "the treasury's account stays open: every payment credits it",
};
