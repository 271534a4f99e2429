/**
 * A model's lineage as an SVG graph: the model in the middle, what it owes on the left (datanets
 * and upstream models, with their shares of every fee after the protocol fee) and, for upstream
 * models, what they owe in turn; the owner's and operator's shares on the right. Arrows follow
 * the money.
 */
import type { PublicKey } from "@solana/web3.js";
import { bpsText, short } from "../lib/format";

export interface GraphEntry {
  source: "datanet" | "model";
  target: string;
  shareBps: number;
  version?: number | null;
}

export interface GraphModel {
  name: string;
  lineage: GraphEntry[];
  ownerShareBps: number;
  operatorShareBps: number;
}

export interface GraphLookup {
  datanet(address: string): { name: string } | undefined;
  model(address: string): GraphModel | undefined;
}

interface Node {
  id: string;
  kind: "model" | "datanet" | "owner" | "operator" | "root";
  label: string;
  sub: string;
  col: number;
  row: number;
}

interface Edge {
  from: string;
  to: string;
  label: string;
}

const COL_W = 230;
const ROW_H = 74;
const NODE_W = 170;
const NODE_H = 46;
const MAX_DEPTH = 3;

export function LineageGraph({ root, lookup, address }: { root: GraphModel; lookup: GraphLookup; address?: PublicKey | string }) {
  const nodes = new Map<string, Node>();
  const edges: Edge[] = [];
  const rows: number[] = [];
  const place = (id: string, kind: Node["kind"], label: string, sub: string, col: number) => {
    const key = `${col}:${id}`;
    if (!nodes.has(key)) {
      rows[col] = (rows[col] ?? 0) + 1;
      nodes.set(key, { id: key, kind, label, sub, col, row: rows[col] - 1 });
    }
    return key;
  };

  // Columns: 0 = owner/operator, 1 = the model, 2.. = what it owes, recursively.
  const rootKey = place(address?.toString() ?? "root", "root", root.name || "(this model)", address ? short(address) : "draft", 1);
  const ownerKey = place("owner", "owner", "Model owner", "refined", 0);
  const operatorKey = place("operator", "operator", "Operator", "executed", 0);
  edges.push({ from: rootKey, to: ownerKey, label: bpsText(root.ownerShareBps) });
  edges.push({ from: rootKey, to: operatorKey, label: bpsText(root.operatorShareBps) });

  const walk = (model: GraphModel, key: string, col: number, seen: Set<string>) => {
    for (const entry of model.lineage) {
      if (!entry.target) continue;
      if (entry.source === "datanet") {
        const d = lookup.datanet(entry.target);
        const k = place(entry.target, "datanet", d?.name ?? short(entry.target), entry.version ? `datanet · v${entry.version}` : "datanet", col);
        edges.push({ from: key, to: k, label: bpsText(entry.shareBps) });
      } else {
        const m = lookup.model(entry.target);
        const k = place(entry.target, "model", m?.name ?? short(entry.target), "upstream model", col);
        edges.push({ from: key, to: k, label: bpsText(entry.shareBps) });
        if (m && col < MAX_DEPTH + 1 && !seen.has(entry.target)) walk(m, k, col + 1, new Set([...seen, entry.target]));
      }
    }
  };
  walk(root, rootKey, 2, new Set(address ? [address.toString()] : []));

  const all = [...nodes.values()];
  const cols = Math.max(...all.map((n) => n.col)) + 1;
  const maxRows = Math.max(...rows.map((r) => r ?? 0), 1);
  const width = cols * COL_W + 20;
  const height = maxRows * ROW_H + 20;
  // Right to left: column 0 at the right edge.
  const x = (n: Node) => width - 10 - (n.col + 1) * COL_W + (COL_W - NODE_W) / 2;
  const y = (n: Node) => 10 + n.row * ROW_H + ((maxRows - (rows[n.col] ?? 1)) * ROW_H) / 2;
  const byId = new Map(all.map((n) => [n.id, n]));

  return (
    <svg className="graph" data-testid="lineage-graph" viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width }} role="img" aria-label="Lineage graph">
      <defs>
        <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" fill="#94a3b8" />
        </marker>
      </defs>
      {edges.map((e, i) => {
        const a = byId.get(e.from)!;
        const b = byId.get(e.to)!;
        // Arrows follow the money: from the model paying to who receives the share.
        const leftward = x(b) < x(a);
        const x1 = leftward ? x(a) : x(a) + NODE_W;
        const y1 = y(a) + NODE_H / 2;
        const x2 = leftward ? x(b) + NODE_W : x(b);
        const y2 = y(b) + NODE_H / 2;
        const mx = (x1 + x2) / 2;
        return (
          <g key={i} data-testid="graph-edge" data-label={e.label}>
            <path d={`M ${x1} ${y1} C ${mx} ${y1}, ${mx} ${y2}, ${x2} ${y2}`} fill="none" stroke="#94a3b8" strokeWidth={1.5} markerEnd="url(#arrow)" />
            <rect x={mx - 26} y={(y1 + y2) / 2 - 10} width={52} height={18} rx={9} fill="#fff" stroke="#cbd5e1" />
            <text x={mx} y={(y1 + y2) / 2 + 3} textAnchor="middle" fontSize={11} fill="#0f172a">
              {e.label}
            </text>
          </g>
        );
      })}
      {all.map((n) => (
        <g key={n.id} className={`node node-${n.kind}`} data-testid="graph-node" data-kind={n.kind} data-label={n.label}>
          <rect x={x(n)} y={y(n)} width={NODE_W} height={NODE_H} rx={8} />
          <text x={x(n) + NODE_W / 2} y={y(n) + 19} textAnchor="middle" fontSize={13} fontWeight={600}>
            {n.label.length > 22 ? `${n.label.slice(0, 21)}…` : n.label}
          </text>
          <text x={x(n) + NODE_W / 2} y={y(n) + 35} textAnchor="middle" fontSize={11} className="node-sub">
            {n.sub}
          </text>
        </g>
      ))}
    </svg>
  );
}
