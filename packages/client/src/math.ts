/**
 * The payout arithmetic of `crates/payout-math`, in BigInt: previews of a fee's split and of what
 * a position can claim, bit-exact with what the program computes.
 */
import { BPS_DENOMINATOR } from "./constants";

const BPS = BigInt(BPS_DENOMINATOR);
const U64_MAX = (1n << 64n) - 1n;

/** `floor(amount × bps / 10,000)`. */
export function bpsOf(amount: bigint, bps: number): bigint {
  if (bps < 0 || bps > BPS_DENOMINATOR) throw new RangeError(`bps ${bps} outside 0..=10,000`);
  return (amount * BigInt(bps)) / BPS;
}

/**
 * The attestor's bond for a root allocating `total` (`attribution_root_post`): `ceil(total ×
 * attestorBondBps / 10,000)`, taken from its token account into the fee vault with the post.
 */
export function attestorBond(total: bigint, attestorBondBps: number): bigint {
  if (attestorBondBps < 0 || attestorBondBps > BPS_DENOMINATOR) throw new RangeError(`bps ${attestorBondBps} outside 0..=10,000`);
  return (total * BigInt(attestorBondBps) + BPS - 1n) / BPS;
}

export interface FeeSplit {
  /** The protocol fee, floored. */
  protocol: bigint;
  /** What flooring the parts left over: credited to the treasury with the protocol fee. */
  dust: bigint;
  /** One part per share, in the order given. */
  parts: bigint[];
}

/**
 * `payout_math::split`: `protocolBps` of `amount` first, the rest by `sharesBps` (which sum to
 * exactly 10,000), each floored; `protocol + dust + Σ parts == amount`.
 */
export function splitFee(amount: bigint, protocolBps: number, sharesBps: readonly number[]): FeeSplit {
  const total = sharesBps.reduce((a, b) => a + b, 0);
  if (total !== BPS_DENOMINATOR) throw new RangeError(`shares sum to ${total}, not 10,000`);
  const protocol = bpsOf(amount, protocolBps);
  const rest = amount - protocol;
  const parts = sharesBps.map((bps) => bpsOf(rest, bps));
  const dust = rest - parts.reduce((a, b) => a + b, 0n);
  return { protocol, dust, parts };
}

export interface InferenceQuote {
  fee: bigint;
  /** Protocol fee plus dust: the treasury's credit. */
  treasury: bigint;
  protocol: bigint;
  dust: bigint;
  /** One amount per lineage entry, in the model's order (to a pool or an escrow). */
  lineage: bigint[];
  owner: bigint;
  operator: bigint;
}

/**
 * What `inference_pay` moves and credits for `calls` calls at `pricePerCall`, split as the program
 * does (`fanout::split_by_lineage`): owner share, operator share, then the lineage entries in order.
 */
export function quoteInference(args: {
  pricePerCall: bigint;
  calls: bigint;
  protocolFeeBps: number;
  lineageSharesBps: readonly number[];
  ownerShareBps: number;
  operatorShareBps: number;
}): InferenceQuote {
  const fee = args.pricePerCall * args.calls;
  if (fee > U64_MAX) throw new RangeError("fee overflows u64");
  const split = splitFee(fee, args.protocolFeeBps, [
    args.ownerShareBps,
    args.operatorShareBps,
    ...args.lineageSharesBps,
  ]);
  return {
    fee,
    treasury: split.protocol + split.dust,
    protocol: split.protocol,
    dust: split.dust,
    owner: split.parts[0],
    operator: split.parts[1],
    lineage: split.parts.slice(2),
  };
}

/**
 * `payout_math::accrue`: what a position of `weight` can claim now, `(weight × (rpwNow −
 * checkpoint) + fraction) >> 64`, and the fraction it carries on.
 */
export function accrue(
  weight: bigint,
  checkpoint: bigint,
  rewardPerWeight: bigint,
  fraction: bigint,
): { amount: bigint; fraction: bigint } {
  if (rewardPerWeight < checkpoint) throw new RangeError("reward_per_weight below the checkpoint");
  const total = weight * (rewardPerWeight - checkpoint) + fraction;
  const amount = total >> 64n;
  if (amount > U64_MAX) throw new RangeError("accrued amount overflows u64");
  return { amount, fraction: total & U64_MAX };
}
