/**
 * Proof of Attribution epochs as the Proof of Attribution page shows them: what a challenger types
 * as the disputed leaf or contribution, and what an epoch allows at a given chain time (the
 * program's own rules, so that the page offers only what the chain would accept).
 */
import type { AttestationAccount, EpochAccount } from "@attribution-suite/client";
import { PublicKey } from "@solana/web3.js";
import { big } from "./format";

/**
 * The 32 bytes a challenge names (`epoch_challenge`'s `disputed`) from what the challenger typed:
 * a leaf as 64 hex characters (`0x` allowed), or the address (base58) of the contribution a missing
 * leaf would name. `bytes` is null while nothing is typed or when the text is neither.
 */
export function parseDisputed(text: string): { bytes: Uint8Array | null; problem: string | null } {
  const t = text.trim();
  if (!t) return { bytes: null, problem: null };
  const hex = /^(0x)?([0-9a-fA-F]{64})$/.exec(t);
  if (hex) return { bytes: Uint8Array.from(hex[2].match(/../g)!.map((b) => parseInt(b, 16))), problem: null };
  try {
    return { bytes: new PublicKey(t).toBytes(), problem: null };
  } catch {
    return { bytes: null, problem: "Name a leaf (64 hex characters) or a contribution's address (base58)." };
  }
}

/** What can be done with an epoch at chain time `now` (seconds). */
export interface EpochActions {
  /** Anyone, bonding the config's challenge bond: a posted root inside its challenge window. */
  challenge: boolean;
  /** The config's resolver: uphold or dismiss a pending challenge before its deadline. */
  resolve: boolean;
  /** Anyone: end a pending challenge the resolver left past its deadline (the static fallback, both bonds back). */
  expire: boolean;
  /** Anyone: the attestor's bond (what is left of it) and the attestation's rent back to the attestor. */
  closeAttestation: boolean;
}

/**
 * The actions `epoch` allows at `now`, its attestation being `attestation` (null: none, or closed),
 * for a wallet that is (`isResolver`) or is not the config's resolver.
 */
export function epochActions(
  epoch: Pick<EpochAccount, "status" | "claimsOpenAt">,
  attestation: Pick<AttestationAccount, "resolveBy"> | null,
  now: bigint,
  isResolver: boolean,
): EpochActions {
  const windowOpen = now < big(epoch.claimsOpenAt);
  const posted = "posted" in epoch.status;
  const challenged = "challenged" in epoch.status;
  const decidable = challenged && attestation !== null && now < big(attestation.resolveBy);
  return {
    challenge: posted && attestation !== null && windowOpen,
    resolve: decidable && isResolver,
    expire: challenged && attestation !== null && !decidable,
    closeAttestation: attestation !== null && ((posted && !windowOpen) || "released" in epoch.status),
  };
}
