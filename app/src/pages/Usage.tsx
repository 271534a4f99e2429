/**
 * Usage: from the KPI indexer's API when one is configured (`?kpi=` or VITE_KPI_API): flows,
 * where the fees went, how often contributors are paid, concentration and retention. Without one,
 * per model and per datanet from the programs' events fetched over RPC (getSignaturesForAddress +
 * getTransaction logs). Charts in SVG.
 */
import { useConnection } from "@solana/wallet-adapter-react";
import { type ReactNode, useEffect, useState } from "react";
import { TimeChart } from "../components/Chart";
import { Addr, Loading, Open, ReadError, Section } from "../components/ui";
import { useAsync, useChain } from "../lib/chain";
import { listDatanets, listModels, listPools } from "../lib/data";
import { href } from "../lib/router";
import { dayBuckets, duration, feeSplit, fetchKpis, kpiApiUrl, modelBuckets, percent } from "../lib/kpis";
import { aggregate, bucketSize, bucketize, fetchSuiteEvents } from "../lib/usage";

export function UsagePage() {
  const api = kpiApiUrl(window.location.search, import.meta.env.VITE_KPI_API as string | undefined);
  return api ? <IndexedUsage api={api} /> : <RpcUsage />;
}

/** The headline numbers both views show, then any more facts. */
function Totals({ payments, calls, fees, children }: { payments: number; calls: bigint; fees: bigint; children?: ReactNode }) {
  return (
    <dl className="facts">
      <dt>Payments</dt>
      <dd data-testid="usage-payments">{payments}</dd>
      <dt>Calls paid</dt>
      <dd data-testid="usage-calls">{calls.toString()}</dd>
      <dt>Fees routed</dt>
      <dd data-testid="usage-fees">
        <Open amount={fees} />
      </dd>
      {children}
    </dl>
  );
}

/** The KPI indexer's view, re-read every 5 s. */
function IndexedUsage({ api }: { api: string }) {
  const { client, decimals } = useChain();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), 5_000);
    return () => clearInterval(timer);
  }, []);
  const kpis = useAsync(() => fetchKpis(api), [api, tick]);
  const models = useAsync(() => listModels(client), [client]);
  const [modelKey, setModelKey] = useState("");
  if (kpis.error && !kpis.data) return <ReadError error={kpis.error} />;
  if (!kpis.data) return <Loading what={`KPIs from ${api}`} />;
  const k = kpis.data;
  const names = new Map((models.data ?? []).map((m) => [m.address.toBase58(), m.account.name]));
  const selected = k.models.find((m) => m.model === modelKey) ?? k.models[0];
  const c = k.contributors;
  return (
    <>
      <Section title="Usage" testId="usage">
        <p className="muted" data-testid="usage-source" data-source="indexer">
          From the KPI indexer at {api}: {k.indexed.transactions} transactions, {k.indexed.events} events
          {k.indexed.failed_transactions ? `, ${k.indexed.failed_transactions} failed (not counted)` : ""}
          {k.indexed.last_block_time ? `, the last at ${new Date(k.indexed.last_block_time * 1000).toLocaleString()}` : ""}.
        </p>
        <Totals payments={k.payments.count} calls={BigInt(k.payments.calls)} fees={BigInt(k.payments.fees)}>
          <dt>Paid by</dt>
          <dd data-testid="usage-via" data-wallet={k.payments.via_wallet} data-channel={k.payments.via_channel}>
            {k.payments.via_wallet} wallet payment(s), {k.payments.via_channel} channel settlement(s) (agents)
          </dd>
        </Totals>
      </Section>
      <Section title="Where the fees went" testId="usage-distribution">
        <table>
          <tbody>
            {feeSplit(k.distribution).map((r) => (
              <tr key={r.part} data-testid="usage-split" data-part={r.part} data-amount={r.amount.toString()}>
                <td>{r.part}</td>
                <td className="num">
                  <Open amount={r.amount} />
                </td>
                <td className="num">{percent(r.bps)}</td>
                <td style={{ width: "40%" }}>
                  <div className="bar" style={{ width: `${r.bps / 100}%`, background: "#6d28d9", height: 8 }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title="Per model" testId="usage-models">
        <table>
          <thead>
            <tr>
              <th>Model</th>
              <th className="num">Payments</th>
              <th className="num">Calls</th>
              <th className="num">Fees</th>
              <th className="num">Days paid</th>
            </tr>
          </thead>
          <tbody>
            {k.models.map((m) => (
              <tr
                key={m.model}
                className={m.model === selected?.model ? "selected" : ""}
                onClick={() => setModelKey(m.model)}
                data-testid="usage-model-row"
                data-address={m.model}
                data-calls={m.calls}
                data-fees={m.fees}
              >
                <td>
                  <a href={href("models", m.model)} onClick={(e) => e.stopPropagation()}>
                    {names.get(m.model) ?? <Addr value={m.model} />}
                  </a>
                </td>
                <td className="num">{m.payments}</td>
                <td className="num">{m.calls}</td>
                <td className="num">
                  <Open amount={BigInt(m.fees)} />
                </td>
                <td className="num">{m.daily.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {selected ? (
          <div className="charts">
            <TimeChart
              title={`Calls per day — ${names.get(selected.model) ?? selected.model.slice(0, 8)}`}
              buckets={modelBuckets(selected.daily, "calls")}
              decimals={0}
              unit="calls"
              testId="chart-model-calls"
              bucketSecs={86_400}
            />
            <TimeChart
              title="Fees per hour, last 48 h (OPEN)"
              buckets={modelBuckets(selected.hourly, "fees")}
              decimals={decimals}
              unit="OPEN"
              color="#16a34a"
              cumulative
              testId="chart-model-fees"
              bucketSecs={3_600}
            />
          </div>
        ) : (
          <p className="muted">No payment yet.</p>
        )}
      </Section>
      <Section title="Contributors: how often they are paid" testId="usage-contributors">
        <dl className="facts">
          <dt>Contributors</dt>
          <dd data-testid="usage-contributors-count">{c.contributors}</dd>
          <dt>Accepted contributions paid out</dt>
          <dd data-testid="usage-earned" data-earned={c.earned_contributions} data-accepted={c.accepted_contributions}>
            {c.earned_contributions} of {c.accepted_contributions} ({percent(c.earned_share_bps)})
          </dd>
          <dt>Median wait, acceptance to first payout</dt>
          <dd data-testid="usage-median-wait">{c.median_secs_to_first_payout === null ? "—" : duration(c.median_secs_to_first_payout)}</dd>
          <dt>Came back within 30 days</dt>
          <dd data-testid="usage-returning">{k.retention.contributors_returning_within_30_days}</dd>
        </dl>
        <div className="charts">
          <TimeChart title="Contributors paid per day" buckets={dayBuckets(c.claiming_per_day)} decimals={0} unit="contributors" color="#ea580c" testId="chart-claiming" bucketSecs={86_400} />
          <TimeChart
            title="Models paid per day, last 7 days"
            buckets={dayBuckets(k.retention.models_paid_by_day)}
            decimals={0}
            unit="model-days"
            testId="chart-models-paid"
            bucketSecs={86_400}
          />
        </div>
      </Section>
      <Section title="Concentration" testId="usage-concentration">
        <dl className="facts">
          <dt>Operators' Herfindahl index</dt>
          <dd data-testid="usage-hhi" data-bps={k.concentration.operator_hhi_bps}>
            {percent(k.concentration.operator_hhi_bps)} (100 %: one operator serves everything)
          </dd>
          <dt>Fewest operators serving half the fees</dt>
          <dd data-testid="usage-half">{k.concentration.operators_for_half_fees}</dd>
          <dt>Top 10 contributors' share of contributor earnings</dt>
          <dd data-testid="usage-top10" data-bps={k.concentration.top10_contributor_share_bps}>
            {percent(k.concentration.top10_contributor_share_bps)}
          </dd>
        </dl>
        <table>
          <thead>
            <tr>
              <th>Operator</th>
              <th className="num">Payments served</th>
              <th className="num">Fees</th>
            </tr>
          </thead>
          <tbody>
            {k.operators.map((o) => (
              <tr key={o.operator} data-testid="usage-operator-row" data-address={o.operator} data-fees={o.fees}>
                <td>
                  <Addr value={o.operator} />
                </td>
                <td className="num">{o.payments}</td>
                <td className="num">
                  <Open amount={BigInt(o.fees)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
    </>
  );
}

/** Without an indexer: the RPC history walked in the browser. */
function RpcUsage() {
  const { connection } = useConnection();
  const { client, decimals } = useChain();
  const data = useAsync(async () => {
    const [{ events, transactions }, models, datanets, pools] = await Promise.all([
      fetchSuiteEvents(connection),
      listModels(client),
      listDatanets(client),
      listPools(client),
    ]);
    const poolToDatanet = new Map(pools.map((p) => [p.address.toBase58(), p.account.datanet.toBase58()]));
    const usage = aggregate(events, new Set(datanets.map((d) => d.address.toBase58())), poolToDatanet);
    return { events, transactions, models, datanets, usage };
  }, [connection, client]);
  const [modelKey, setModelKey] = useState("");
  const [datanetKey, setDatanetKey] = useState("");

  if (data.error && !data.data) return <ReadError error={data.error} />;
  if (!data.data) return <Loading what="events (getSignaturesForAddress + getTransaction)" />;
  const { events, transactions, models, datanets, usage } = data.data;
  const times = events.map((e) => e.time).filter((t) => t > 0);
  const from = times.length ? Math.min(...times) : 0;
  const to = times.length ? Math.max(...times) : 0;
  const size = bucketSize(from, to);
  const modelRows = models.map((m) => ({ row: m, usage: usage.models.get(m.address.toBase58()) }));
  const datanetRows = datanets.map((d) => ({ row: d, usage: usage.datanets.get(d.address.toBase58()) }));
  const selectedModel = modelKey || modelRows.find((m) => m.usage)?.row.address.toBase58() || "";
  const selectedDatanet = datanetKey || datanetRows.find((d) => d.usage)?.row.address.toBase58() || "";
  const mu = usage.models.get(selectedModel);
  const du = usage.datanets.get(selectedDatanet);
  const totalFees = [...usage.models.values()].reduce((s, m) => s + m.fees, 0n);
  const totalCalls = [...usage.models.values()].reduce((s, m) => s + m.calls, 0n);
  const totalPayments = [...usage.models.values()].reduce((s, m) => s + m.payments, 0);

  return (
    <>
      <Section title="Usage" testId="usage">
        <p className="muted">
          From {transactions} attribution_payout transactions ({events.length} events) read over RPC: getSignaturesForAddress, then each
          transaction's logs decoded with the IDLs.
        </p>
        <Totals payments={totalPayments} calls={totalCalls} fees={totalFees} />
      </Section>
      <Section title="Per model" testId="usage-models">
        <table>
          <thead>
            <tr>
              <th>Model</th>
              <th className="num">Payments</th>
              <th className="num">Calls</th>
              <th className="num">Fees</th>
              <th className="num">To datanets</th>
              <th className="num">To upstream models</th>
              <th className="num">To owner</th>
              <th className="num">To operators</th>
              <th className="num">Protocol</th>
            </tr>
          </thead>
          <tbody>
            {modelRows.map(({ row, usage: u }) => (
              <tr
                key={row.address.toBase58()}
                className={row.address.toBase58() === selectedModel ? "selected" : ""}
                onClick={() => setModelKey(row.address.toBase58())}
                data-testid="usage-model-row"
                data-address={row.address.toBase58()}
                data-calls={u?.calls.toString() ?? "0"}
                data-fees={u?.fees.toString() ?? "0"}
              >
                <td>
                  <a href={href("models", row.address.toBase58())} onClick={(e) => e.stopPropagation()}>
                    {row.account.name}
                  </a>
                </td>
                <td className="num">{u?.payments ?? 0}</td>
                <td className="num">{u?.calls.toString() ?? "0"}</td>
                <td className="num">
                  <Open amount={u?.fees ?? 0n} />
                </td>
                <td className="num">
                  <Open amount={u?.datanets ?? 0n} />
                </td>
                <td className="num">
                  <Open amount={u?.upstream ?? 0n} />
                </td>
                <td className="num">
                  <Open amount={u?.owner ?? 0n} />
                </td>
                <td className="num">
                  <Open amount={u?.operator ?? 0n} />
                </td>
                <td className="num">
                  <Open amount={u?.protocol ?? 0n} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {mu ? (
          <div className="charts">
            <TimeChart
              title={`Calls — ${models.find((m) => m.address.toBase58() === selectedModel)?.account.name}`}
              buckets={bucketize(mu.series, from, to, size, (p) => p.calls)}
              decimals={0}
              unit="calls"
              testId="chart-model-calls"
            />
            <TimeChart
              title="Fees routed (OPEN)"
              buckets={bucketize(mu.series, from, to, size, (p) => p.fee)}
              decimals={decimals}
              unit="OPEN"
              color="#16a34a"
              cumulative
              testId="chart-model-fees"
            />
          </div>
        ) : (
          <p className="muted">No payment yet.</p>
        )}
      </Section>
      <Section title="Per datanet" testId="usage-datanets">
        <table>
          <thead>
            <tr>
              <th>Datanet</th>
              <th className="num">Payments reaching it</th>
              <th className="num">Fees received</th>
              <th className="num">Paid out to contributors</th>
              <th>Curator</th>
            </tr>
          </thead>
          <tbody>
            {datanetRows.map(({ row, usage: u }) => (
              <tr
                key={row.address.toBase58()}
                className={row.address.toBase58() === selectedDatanet ? "selected" : ""}
                onClick={() => setDatanetKey(row.address.toBase58())}
                data-testid="usage-datanet-row"
                data-address={row.address.toBase58()}
                data-received={u?.received.toString() ?? "0"}
                data-paid-out={u?.paidOut.toString() ?? "0"}
              >
                <td>
                  <a href={href("datanets", row.address.toBase58())} onClick={(e) => e.stopPropagation()}>
                    {row.account.name}
                  </a>
                </td>
                <td className="num">{u?.payments ?? 0}</td>
                <td className="num">
                  <Open amount={u?.received ?? 0n} />
                </td>
                <td className="num">
                  <Open amount={u?.paidOut ?? 0n} />
                </td>
                <td>
                  <Addr value={row.account.authority} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {du ? (
          <div className="charts">
            <TimeChart
              title={`Fees received — ${datanets.find((d) => d.address.toBase58() === selectedDatanet)?.account.name}`}
              buckets={bucketize(du.series, from, to, size, (p) => p.received)}
              decimals={decimals}
              unit="OPEN"
              color="#16a34a"
              cumulative
              testId="chart-datanet-received"
            />
            <TimeChart
              title="Paid out to contributors (OPEN)"
              buckets={bucketize(du.series, from, to, size, (p) => p.paidOut)}
              decimals={decimals}
              unit="OPEN"
              color="#ea580c"
              cumulative
              testId="chart-datanet-paid"
            />
          </div>
        ) : (
          <p className="muted">No fee has reached a datanet yet.</p>
        )}
      </Section>
    </>
  );
}
