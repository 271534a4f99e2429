/**
 * Empty accounts close (attribution_payout's `earnings_close` and `stake_close`), rent back to
 * their holder. Whether one can, decided as the program decides, so that a page offers Close
 * only where the chain will accept it: each function names the program error a close would meet
 * now, or null when it would go through (for its holder's signature: `NotBeneficiary` and
 * `NotStakeAuthority` are about who signs, not about the account).
 */
import type { PublicKey } from "@solana/web3.js";
import { EarningsRole } from "./constants";

type Num = { toString(): string } | bigint | number;
const big = (v: Num): bigint => BigInt(v.toString());

/** Why an account cannot close now: the program error a close would fail with. */
export type CloseBlocker = "AccountNotEmpty" | "TreasuryEarningsStay";

/** The fields of an Earnings account the rules read (`role`: the enum as decoded, or its value). */
export interface EarningsCloseState {
  beneficiary: PublicKey;
  role: EarningsRole | object;
  balance: Num;
}

/** The role of a decoded Earnings account (`{ modelOwner: {} }`) or an `EarningsRole`. */
export function earningsRoleOf(role: EarningsRole | object): EarningsRole {
  if (typeof role === "number") return role;
  if ("treasury" in role) return EarningsRole.Treasury;
  if ("modelOwner" in role) return EarningsRole.ModelOwner;
  if ("operator" in role) return EarningsRole.Operator;
  throw new RangeError(`not an earnings role: ${JSON.stringify(role)}`);
}

/**
 * What stops `earnings_close` of `earnings` now: `AccountNotEmpty` while it holds a balance (claim
 * it first), `TreasuryEarningsStay` for the Treasury account of the config's treasury (`config`:
 * its `treasury`; every payment credits it); null when its beneficiary can close it.
 */
export function earningsCloseBlocker(earnings: EarningsCloseState, config: { treasury: PublicKey }): CloseBlocker | null {
  if (big(earnings.balance) !== 0n) return "AccountNotEmpty";
  if (earningsRoleOf(earnings.role) === EarningsRole.Treasury && earnings.beneficiary.equals(config.treasury)) return "TreasuryEarningsStay";
  return null;
}

/**
 * What stops `stake_close` of `stake` now: `AccountNotEmpty` while anything is staked or
 * unstaking (unstake it and withdraw it once the cooldown is over); null when its authority can
 * close it.
 */
export function stakeCloseBlocker(stake: { active: Num; unstaking: Num }): CloseBlocker | null {
  return big(stake.active) + big(stake.unstaking) === 0n ? null : "AccountNotEmpty";
}
