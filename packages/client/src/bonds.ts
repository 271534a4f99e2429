/**
 * Contributor bonds (datanet_registry): a datanet's bond policy, and when a contribution's bond
 * can be forfeited by the curator's spam flag or refunded, decided as the program decides
 * (`Contribution::is_flaggable`, `Contribution::bond_is_refundable`), so that a page or a crank
 * offers only what the chain will accept.
 */
import type { Integer } from "./pdas";

type Num = { toString(): string } | bigint | number;
const big = (v: Num): bigint => BigInt(v.toString());

/**
 * A datanet's bond policy: `amount` OPEN base units posted with every submission (0: none), and
 * `spamWindowSecs`, how long after its acceptance a contribution in no version yet can still be
 * flagged as spam (0: never; at most `MAX_SPAM_WINDOW_SECS`; a pending one can always be flagged).
 */
export interface BondPolicyInput {
  amount: Integer | { toString(): string };
  spamWindowSecs: Integer | { toString(): string };
}

/** No bond and no spam window: what a datanet has unless its curator asks for one. */
export const NO_BOND: BondPolicyInput = { amount: 0, spamWindowSecs: 0 };

/** The fields of a Contribution the bond rules read. */
export interface ContributionBondState {
  status: object;
  acceptedSeq: Num;
  flaggableUntil: Num;
  bond: Num;
}

/** The field of its Datanet they read: the acceptance count at the latest version. */
export interface DatanetBondState {
  versionedEnd: Num;
}

/** True when an accepted contribution is in a published version of its datanet. */
export function isVersioned(c: ContributionBondState, datanet: DatanetBondState): boolean {
  return "accepted" in c.status && big(c.acceptedSeq) < big(datanet.versionedEnd);
}

/**
 * True when the curator may flag it as spam at `now` (Unix seconds, the chain's clock): pending,
 * or accepted, in no version yet and before its `flaggableUntil`.
 */
export function isFlaggable(c: ContributionBondState, datanet: DatanetBondState, now: Num): boolean {
  if ("pending" in c.status) return true;
  return "accepted" in c.status && !isVersioned(c, datanet) && big(now) < big(c.flaggableUntil);
}

/**
 * True when its bond can go back to the contributor at `now` (`contribution_bond_refund`): a bond
 * is still held, and the contribution is rejected, or accepted and past flagging (in a version,
 * or out of its spam window). A pending one's bond comes back when it is withdrawn.
 */
export function isBondRefundable(c: ContributionBondState, datanet: DatanetBondState, now: Num): boolean {
  if (big(c.bond) === 0n) return false;
  if ("rejected" in c.status) return true;
  return "accepted" in c.status && !isFlaggable(c, datanet, now);
}
