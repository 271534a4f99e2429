/**
 * Usage per model and per datanet — calls, fees routed, payouts over time — from the programs'
 * events, fetched over RPC (getSignaturesForAddress + getTransaction logs); charts in SVG.
 */
import { useConnection } from "@solana/wallet-adapter-react";
import { useState } from "react";
import { TimeChart } from "../components/Chart";
import { Addr, Loading, Open, ReadError, Section } from "../components/ui";
import { useAsync, useChain } from "../lib/chain";
import { listDatanets, listModels, listPools } from "../lib/data";
import { href } from "../lib/router";
import { aggregate, bucketSize, bucketize, fetchSuiteEvents } from "../lib/usage";

export function UsagePage() {
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
        <dl className="facts">
          <dt>Payments</dt>
          <dd data-testid="usage-payments">{totalPayments}</dd>
          <dt>Calls paid</dt>
          <dd data-testid="usage-calls">{totalCalls.toString()}</dd>
          <dt>Fees routed</dt>
          <dd data-testid="usage-fees">
            <Open amount={totalFees} />
          </dd>
        </dl>
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
