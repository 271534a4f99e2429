/**
 * Payment-channel vouchers (`channel_settle` in attribution_payout; docs/DESIGN.md): after each
 * call the channel's signer (the payer, or an agent whose budget the deposit is) signs the
 * cumulative calls and amount so far; the operator checks the signature before it serves more and
 * settles the newest voucher whenever it likes (`AttributionClient.channelSettle`).
 *
 * The signed bytes: `"attribution-suite/voucher/v1"` ‖ the payout program's id ‖ the channel ‖ the
 * opening's nonce ‖ sequence ‖ calls ‖ amount (u64 little-endian each) ‖ running hash: 180 bytes.
 */
import { ed25519 } from "@noble/curves/ed25519";
import { PublicKey } from "@solana/web3.js";
import { ATTRIBUTION_PAYOUT_CONSTANTS, ATTRIBUTION_PAYOUT_PROGRAM_ID } from "./constants";
import { concatBytes } from "./merkle";
import { type Integer, u64Le } from "./pdas";

/** What a channel's signer signs after each call: cumulative calls and amount so far. */
export interface Voucher {
  /** Grows with every voucher: the operator can settle only a newer one. */
  sequence: Integer;
  calls: Integer;
  /** `calls × the channel's price per call`. */
  amount: Integer;
  /** `voucherRunningHash` (merkle.ts) over the calls' (request id, output hash) pairs (32 bytes). */
  runningHash: Uint8Array;
}

const DOMAIN = new TextEncoder().encode(ATTRIBUTION_PAYOUT_CONSTANTS.VOUCHER_DOMAIN);

/** The 180 bytes the channel's signer signs for `voucher` (`nonce`: the channel's, from its account). */
export function voucherMessage(channel: PublicKey, nonce: Uint8Array | number[], voucher: Voucher): Uint8Array {
  if (nonce.length !== 32 || voucher.runningHash.length !== 32) throw new RangeError("a nonce and a running hash are 32 bytes");
  return concatBytes(
    DOMAIN,
    ATTRIBUTION_PAYOUT_PROGRAM_ID.toBytes(),
    channel.toBytes(),
    Uint8Array.from(nonce),
    u64Le(voucher.sequence),
    u64Le(voucher.calls),
    u64Le(voucher.amount),
    voucher.runningHash,
  );
}

/** The signer's side: its ed25519 signature of the voucher's bytes (`secretKey`: a Keypair's 64 bytes). */
export function signVoucher(message: Uint8Array, secretKey: Uint8Array): Uint8Array {
  return ed25519.sign(message, secretKey.slice(0, 32));
}

/** The operator's side, before it serves more: whether `signature` is `signer`'s of the voucher's bytes. */
export function verifyVoucher(message: Uint8Array, signer: PublicKey, signature: Uint8Array): boolean {
  try {
    return ed25519.verify(signature, message, signer.toBytes());
  } catch {
    return false;
  }
}

/** A signed voucher as its signer hands it to the operator. */
export interface SignedVoucher {
  channel: PublicKey;
  voucher: Voucher;
  signer: PublicKey;
  signature: Uint8Array;
}

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
function fromHex(text: unknown, bytes: number, what: string): Uint8Array {
  if (typeof text !== "string" || !new RegExp(`^[0-9a-fA-F]{${2 * bytes}}$`).test(text)) throw new Error(`the voucher's ${what} must be ${2 * bytes} hex characters`);
  return Uint8Array.from(text.match(/../g)!, (h) => parseInt(h, 16));
}

/** A signed voucher as JSON (the same fields as the CLI's `channel voucher` prints). */
export function voucherToJson(v: SignedVoucher): string {
  return JSON.stringify({
    channel: v.channel.toBase58(),
    sequence: Number(v.voucher.sequence),
    calls: Number(v.voucher.calls),
    amount: Number(v.voucher.amount),
    running_hash: toHex(v.voucher.runningHash),
    signer: v.signer.toBase58(),
    signature: toHex(v.signature),
  });
}

/** Reads `voucherToJson`'s (or the CLI's) JSON; throws a readable error for anything else. */
export function voucherFromJson(text: string): SignedVoucher {
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(text);
  } catch {
    throw new Error("not a voucher: not JSON");
  }
  const whole = (name: string) => {
    const n = v[name];
    if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) throw new Error(`the voucher's ${name} must be a whole number`);
    return BigInt(n);
  };
  const key = (name: string) => {
    try {
      return new PublicKey(String(v[name]));
    } catch {
      throw new Error(`the voucher's ${name} is not an address`);
    }
  };
  return {
    channel: key("channel"),
    voucher: { sequence: whole("sequence"), calls: whole("calls"), amount: whole("amount"), runningHash: fromHex(v.running_hash, 32, "running hash") },
    signer: key("signer"),
    signature: fromHex(v.signature, 64, "signature"),
  };
}
