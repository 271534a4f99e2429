/**
 * Usage from the programs' own events, over plain RPC: getSignaturesForAddress of
 * attribution_payout (newest first, paged), getTransaction of each (transactions never change, so
 * each is fetched once per page load), decodeEvents of their logs. Aggregated per model and per
 * datanet, and bucketed in time for the charts.
 */
import { ATTRIBUTION_PAYOUT_PROGRAM_ID, type DecodedEvent, decodeEvents } from "@attribution-suite/client";
import type { Connection, PublicKey } from "@solana/web3.js";
import { mapLimit } from "./concurrency";
import { big } from "./format";

export interface IndexedEvent extends DecodedEvent {
  signature: string;
  slot: number;
  /** Unix seconds: the event's own timestamp when it has one, else the block time. */
  time: number;
}

const txCache = new Map<string, { slot: number; blockTime: number | null; logs: string[] } | null>();

/** Every event of the suite's successful transactions that touched attribution_payout (up to `max` transactions). */
export async function fetchSuiteEvents(connection: Connection, max = 3000): Promise<{ events: IndexedEvent[]; transactions: number }> {
  const signatures: { signature: string; slot: number; blockTime: number | null }[] = [];
  let before: string | undefined;
  while (signatures.length < max) {
    const page = await connection.getSignaturesForAddress(ATTRIBUTION_PAYOUT_PROGRAM_ID, { before, limit: 1000 }, "confirmed");
    for (const s of page) if (!s.err) signatures.push({ signature: s.signature, slot: s.slot, blockTime: s.blockTime ?? null });
    if (page.length < 1000) break;
    before = page[page.length - 1].signature;
  }
  const txs = await mapLimit(signatures.slice(0, max), 8, async (s) => {
    if (!txCache.has(s.signature)) {
      const tx = await connection.getTransaction(s.signature, { commitment: "confirmed", maxSupportedTransactionVersion: 0 });
      txCache.set(s.signature, tx ? { slot: tx.slot, blockTime: tx.blockTime ?? s.blockTime, logs: tx.meta?.logMessages ?? [] } : null);
    }
    return { ...s, tx: txCache.get(s.signature) };
  });
  const events: IndexedEvent[] = [];
  for (const t of txs) {
    if (!t.tx) continue;
    for (const e of decodeEvents(t.tx.logs)) {
      const ts = (e.data as { timestamp?: { toString(): string } }).timestamp;
      events.push({ ...e, signature: t.signature, slot: t.tx.slot, time: ts ? Number(ts.toString()) : (t.tx.blockTime ?? 0) });
    }
  }
  events.sort((a, b) => a.time - b.time || a.slot - b.slot);
  return { events, transactions: txs.length };
}

export interface ModelUsage {
  payments: number;
  calls: bigint;
  fees: bigint;
  owner: bigint;
  operator: bigint;
  protocol: bigint;
  datanets: bigint;
  upstream: bigint;
  /** Per payment: time, calls, fee. */
  series: { time: number; calls: bigint; fee: bigint; paidOut: bigint }[];
}

export interface DatanetUsage {
  /** Credited to the datanet's pools, one per version (payments and upstream escrow distributions). */
  received: bigint;
  /** Claimed by its contributors' positions, over all its versions. */
  paidOut: bigint;
  payments: number;
  series: { time: number; received: bigint; paidOut: bigint }[];
}

type Credit = { target: PublicKey; amount: { toString(): string } };

/**
 * Per model and per datanet totals and series. `datanets` tells datanets from models in lineage
 * credits. A claim names its pool, and pools are per datanet version: `pools` maps a pool's
 * address to its datanet (from the pool accounts); the `PoolInitialized` events among `events`
 * complete it.
 */
export function aggregate(events: IndexedEvent[], datanets: Set<string>, pools: ReadonlyMap<string, string> = new Map()) {
  const models = new Map<string, ModelUsage>();
  const nets = new Map<string, DatanetUsage>();
  const poolToDatanet = new Map(pools);
  for (const e of events) {
    if (e.program === "attribution_payout" && e.name === "poolInitialized") {
      const d = e.data as { pool: PublicKey; datanet: PublicKey };
      poolToDatanet.set(d.pool.toString(), d.datanet.toString());
    }
  }
  const model = (k: string) => {
    let m = models.get(k);
    if (!m) models.set(k, (m = { payments: 0, calls: 0n, fees: 0n, owner: 0n, operator: 0n, protocol: 0n, datanets: 0n, upstream: 0n, series: [] }));
    return m;
  };
  const net = (k: string) => {
    let n = nets.get(k);
    if (!n) nets.set(k, (n = { received: 0n, paidOut: 0n, payments: 0, series: [] }));
    return n;
  };
  for (const e of events) {
    if (e.program !== "attribution_payout") continue;
    const d = e.data as Record<string, unknown>;
    if (e.name === "inferencePaid") {
      const m = model(String(d.model));
      const fee = big(d.fee as bigint);
      m.payments++;
      m.calls += big(d.calls as bigint);
      m.fees += fee;
      m.owner += big(d.ownerAmount as bigint);
      m.operator += big(d.operatorAmount as bigint);
      m.protocol += big(d.protocolFee as bigint) + big(d.dust as bigint);
      for (const c of d.lineage as Credit[]) {
        const target = c.target.toBase58();
        const amount = big(c.amount);
        if (datanets.has(target)) {
          m.datanets += amount;
          const n = net(target);
          n.received += amount;
          n.payments++;
          n.series.push({ time: e.time, received: amount, paidOut: 0n });
        } else {
          m.upstream += amount;
        }
      }
      m.series.push({ time: e.time, calls: big(d.calls as bigint), fee, paidOut: fee - big(d.protocolFee as bigint) - big(d.dust as bigint) });
    } else if (e.name === "escrowDistributed") {
      for (const c of d.lineage as Credit[]) {
        const target = c.target.toBase58();
        if (datanets.has(target)) {
          const n = net(target);
          n.received += big(c.amount);
          n.series.push({ time: e.time, received: big(c.amount), paidOut: 0n });
        }
      }
    } else if (e.name === "positionClaimed") {
      const datanet = poolToDatanet.get(String(d.pool));
      if (datanet) {
        const n = net(datanet);
        n.paidOut += big(d.amount as bigint);
        n.series.push({ time: e.time, received: 0n, paidOut: big(d.amount as bigint) });
      }
    }
  }
  return { models, datanets: nets };
}

const BUCKETS = [10, 30, 60, 300, 900, 3600, 6 * 3600, 86400, 7 * 86400];

/** A bucket size (seconds) giving at most `maxBuckets` buckets over [from, to]. */
export function bucketSize(from: number, to: number, maxBuckets = 36): number {
  const span = Math.max(1, to - from);
  return BUCKETS.find((b) => span / b <= maxBuckets) ?? 30 * 86400;
}

/** Sums `values` of each point into time buckets of `size` seconds from `from` to `to`. */
export function bucketize<T extends { time: number }>(points: T[], from: number, to: number, size: number, value: (p: T) => bigint): { start: number; value: bigint }[] {
  const start = Math.floor(from / size) * size;
  const count = Math.floor((to - start) / size) + 1;
  const buckets = Array.from({ length: count }, (_, i) => ({ start: start + i * size, value: 0n }));
  for (const p of points) {
    const i = Math.floor((p.time - start) / size);
    if (i >= 0 && i < count) buckets[i].value += value(p);
  }
  return buckets;
}
