/**
 * The KPI indexer's API (crates/attribution-indexer, `attribution index --serve`): where it is,
 * what it answers, and the pure parts the Usage page draws from it. Amounts (OPEN base units) come
 * as decimal strings, exact where a JavaScript number would not be.
 */

/** `?kpi=<url>` in the page URL (`search`), else `built` (`VITE_KPI_API` at build time); none: the Usage page walks the RPC history itself. */
export function kpiApiUrl(search: string, built: string | undefined): string | null {
  const url = new URLSearchParams(search).get("kpi") || built || "";
  return url ? url.replace(/\/+$/, "") : null;
}

export type Amount = string;

export interface Bucket {
  start: number;
  payments: number;
  calls: number;
  fees: Amount;
}

export interface DayCount {
  day: number;
  count: number;
}

export interface Kpis {
  indexed: { transactions: number; failed_transactions: number; events: number; skipped_events: number; last_block_time: number | null };
  payments: { count: number; calls: number; fees: Amount; via_channel: number; via_wallet: number };
  distribution: { contributors: Amount; upstream_models: Amount; owners: Amount; operators: Amount; protocol: Amount };
  models: { model: string; payments: number; calls: number; fees: Amount; daily: Bucket[]; hourly: Bucket[] }[];
  operators: { operator: string; payments: number; fees: Amount }[];
  datanets: { datanet: string; credits: number; credited: Amount; contributions: number; accepted: number }[];
  contributors: {
    contributors: number;
    accepted_contributions: number;
    earned_contributions: number;
    earned_share_bps: number;
    median_secs_to_first_payout: number | null;
    claiming_per_day: DayCount[];
    top: { beneficiary: string; claims: number; earned: Amount }[];
  };
  concentration: { operator_hhi_bps: number; operators_for_half_fees: number; top10_contributor_share_bps: number };
  retention: { contributors_returning_within_30_days: number; models_paid_by_day: DayCount[] };
}

export async function fetchKpis(api: string): Promise<Kpis> {
  const res = await fetch(`${api}/v1/kpis`);
  if (!res.ok) throw new Error(`the KPI API at ${api} answered ${res.status}`);
  return (await res.json()) as Kpis;
}

/** Where the fees went, largest first: each part's amount and its share in basis points (the shares add up to 10,000 when anything was paid). */
export function feeSplit(d: Kpis["distribution"]): { part: string; amount: bigint; bps: number }[] {
  const parts: [string, Amount][] = [
    ["contributors", d.contributors],
    ["upstream models", d.upstream_models],
    ["model owners", d.owners],
    ["operators", d.operators],
    ["protocol", d.protocol],
  ];
  const total = parts.reduce((s, [, a]) => s + BigInt(a), 0n);
  const rows = parts.map(([part, a]) => ({ part, amount: BigInt(a), bps: total === 0n ? 0 : Number((BigInt(a) * 10_000n) / total) }));
  // Rounding down loses at most a basis point per part: the largest part takes the remainder.
  rows.sort((a, b) => (a.amount === b.amount ? a.part.localeCompare(b.part) : a.amount > b.amount ? -1 : 1));
  if (total > 0n) rows[0].bps += 10_000 - rows.reduce((s, r) => s + r.bps, 0);
  return rows;
}

/** Day counts as chart buckets. */
export function dayBuckets(days: DayCount[]): { start: number; value: bigint }[] {
  return days.map((d) => ({ start: d.day, value: BigInt(d.count) }));
}

/** A model's buckets of one measure, for a chart. */
export function modelBuckets(buckets: Bucket[], measure: "calls" | "fees"): { start: number; value: bigint }[] {
  return buckets.map((b) => ({ start: b.start, value: BigInt(b[measure]) }));
}

/** Basis points as a percentage with two decimals. */
export function percent(bps: number): string {
  return `${(bps / 100).toFixed(2)} %`;
}

/** Seconds as the largest whole unit that fits ("3 d", "5 h", "42 s"). */
export function duration(secs: number): string {
  for (const [unit, size] of [["d", 86_400], ["h", 3_600], ["min", 60]] as const) {
    if (secs >= size) return `${Math.floor(secs / size)} ${unit}`;
  }
  return `${secs} s`;
}
