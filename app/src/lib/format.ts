/** Amounts, keys, hashes and basis points as the pages show them. */
import { PublicKey } from "@solana/web3.js";

/** A BN, bigint or number as a bigint. */
export const big = (v: { toString(): string } | bigint | number): bigint => BigInt(v.toString());

/** `amount` base units as a decimal string with `decimals` places, trailing zeros trimmed. */
export function formatUnits(amount: bigint, decimals: number, maxFraction = decimals): string {
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const base = 10n ** BigInt(decimals);
  const whole = abs / base;
  const fraction = (abs % base).toString().padStart(decimals, "0").slice(0, maxFraction).replace(/0+$/, "");
  const wholeText = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${wholeText}${fraction ? `.${fraction}` : ""}`;
}

/** `amount` base units of OPEN, e.g. "1,000.5 OPEN". */
export const formatOpen = (amount: bigint, decimals: number) => `${formatUnits(amount, decimals)} OPEN`;

/** A decimal string ("12.5", "1,000") as base units; throws a readable error when it is not one. */
export function parseUnits(text: string, decimals: number): bigint {
  const t = text.trim().replace(/,/g, "");
  if (!/^\d+(\.\d*)?$|^\.\d+$/.test(t)) throw new Error(`"${text}" is not an amount`);
  const [whole, fraction = ""] = t.split(".");
  if (fraction.length > decimals) throw new Error(`at most ${decimals} decimals`);
  return BigInt(whole || "0") * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, "0") || "0");
}

/** Like parseUnits, null instead of throwing. */
export function tryParseUnits(text: string, decimals: number): bigint | null {
  try {
    return parseUnits(text, decimals);
  } catch {
    return null;
  }
}

/** "AbCd…WxYz". */
export function short(key: PublicKey | string | null | undefined, n = 4): string {
  if (!key) return "—";
  const s = key.toString();
  return s.length <= 2 * n + 1 ? s : `${s.slice(0, n)}…${s.slice(-n)}`;
}

export function toHex(bytes: Uint8Array | number[]): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Basis points as a percentage: 2500 → "25%", 1234 → "12.34%". */
export function bpsText(bps: number): string {
  return `${(bps / 100).toFixed(2).replace(/\.?0+$/, "")}%`;
}

/** The name of an Anchor enum value (`{ accepted: {} }` → "accepted"). */
export const variant = (value: object): string => Object.keys(value)[0] ?? "?";

/** A Unix timestamp (seconds) as local date and time. */
export function timeText(unixSeconds: number | bigint | { toString(): string }): string {
  const s = Number(unixSeconds.toString());
  if (!s) return "—";
  return new Date(s * 1000).toLocaleString();
}

/** A duration in seconds, e.g. 90_000 → "1 d 1 h", 5_400 → "1 h 30 min", 0 → "0 s". */
export function durationText(seconds: number | bigint | { toString(): string }): string {
  let s = Number(seconds.toString());
  if (s <= 0) return "0 s";
  const parts: string[] = [];
  for (const [unit, size] of [["d", 86_400], ["h", 3_600], ["min", 60], ["s", 1]] as const) {
    if (s >= size) {
      parts.push(`${Math.floor(s / size)} ${unit}`);
      s %= size;
    }
  }
  return parts.join(" ");
}

/** An address typed by the user, or null when it is empty or not one. */
export function parseKey(text: string): PublicKey | null {
  try {
    return text.trim() ? new PublicKey(text.trim()) : null;
  } catch {
    return null;
  }
}
