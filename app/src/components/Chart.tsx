/** A small SVG time chart: bars per time bucket, and optionally the running total as a line. */
import { formatUnits } from "../lib/format";

export interface ChartProps {
  title: string;
  buckets: { start: number; value: bigint }[];
  /** Decimals of the values (9 for OPEN, 0 for counts). */
  decimals: number;
  unit: string;
  color?: string;
  cumulative?: boolean;
  testId?: string;
  /** Seconds per bucket (default: the spacing of the first two, or a minute). */
  bucketSecs?: number;
}

const W = 560;
const H = 200;
const PAD = { l: 64, r: 56, t: 24, b: 34 };

function timeLabel(t: number, size: number): string {
  const d = new Date(t * 1000);
  return size >= 86400 ? d.toLocaleDateString() : d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: size < 60 ? "2-digit" : undefined });
}

export function TimeChart({ title, buckets, decimals, unit, color = "#6d28d9", cumulative, testId, bucketSecs }: ChartProps) {
  const scale = 10 ** decimals;
  const values = buckets.map((b) => Number(b.value) / scale);
  const running: number[] = [];
  values.reduce((acc, v, i) => (running[i] = acc + v), 0);
  const max = Math.max(...values, 0) || 1;
  const maxRun = Math.max(...running, 0) || 1;
  const innerW = W - PAD.l - PAD.r;
  const innerH = H - PAD.t - PAD.b;
  const bw = innerW / Math.max(buckets.length, 1);
  const size = bucketSecs ?? (buckets.length > 1 ? buckets[1].start - buckets[0].start : 60);
  const total = buckets.reduce((s, b) => s + b.value, 0n);
  const labelEvery = Math.max(1, Math.ceil(buckets.length / 6));
  const fmt = (v: number) => (decimals === 0 ? String(Math.round(v)) : v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v.toPrecision(2));
  return (
    <figure className="chart" data-testid={testId} data-total={total.toString()}>
      <figcaption>
        {title} <span className="muted">— total {formatUnits(total, decimals, 4)} {unit}</span>
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={title}>
        <line x1={PAD.l} y1={PAD.t + innerH} x2={W - PAD.r} y2={PAD.t + innerH} stroke="#cbd5e1" />
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.l} x2={W - PAD.r} y1={PAD.t + innerH * (1 - f)} y2={PAD.t + innerH * (1 - f)} stroke="#eef2f7" />
            <text x={PAD.l - 6} y={PAD.t + innerH * (1 - f) + 4} textAnchor="end" fontSize={10} fill="#64748b">
              {fmt(max * f)}
            </text>
            {cumulative ? (
              <text x={W - PAD.r + 6} y={PAD.t + innerH * (1 - f) + 4} fontSize={10} fill="#0ea5e9">
                {fmt(maxRun * f)}
              </text>
            ) : null}
          </g>
        ))}
        {values.map((v, i) => (
          <rect key={i} x={PAD.l + i * bw + bw * 0.15} width={bw * 0.7} y={PAD.t + innerH * (1 - v / max)} height={innerH * (v / max)} fill={color} rx={2}>
            <title>
              {timeLabel(buckets[i].start, size)}: {fmt(v)} {unit}
            </title>
          </rect>
        ))}
        {cumulative && running.length > 0 ? (
          <polyline
            fill="none"
            stroke="#0ea5e9"
            strokeWidth={2}
            points={running.map((r, i) => `${PAD.l + i * bw + bw / 2},${PAD.t + innerH * (1 - r / maxRun)}`).join(" ")}
          />
        ) : null}
        {buckets.map((b, i) =>
          i % labelEvery === 0 ? (
            <text key={i} x={PAD.l + i * bw + bw / 2} y={H - PAD.b + 16} textAnchor="middle" fontSize={10} fill="#64748b">
              {timeLabel(b.start, size)}
            </text>
          ) : null,
        )}
      </svg>
      {cumulative ? <div className="legend"><span className="swatch" style={{ background: color }} /> per {size >= 60 ? `${size / 60} min` : `${size} s`} <span className="swatch" style={{ background: "#0ea5e9" }} /> running total</div> : null}
    </figure>
  );
}
