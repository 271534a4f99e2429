/** Usage aggregation (src/lib/usage.ts): claims are per pool, pools per datanet version. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { BN } from "@attribution-suite/client";
import { Keypair } from "@solana/web3.js";
import { type IndexedEvent, aggregate } from "../../src/lib/usage";

test("payments credit datanets; claims from any version's pool count for its datanet", () => {
  const key = () => Keypair.generate().publicKey;
  const [datanet, model, upstream, poolV1, poolV2, poolOther] = [key(), key(), key(), key(), key(), key()];
  const ev = (name: string, data: object, time: number): IndexedEvent => ({ program: "attribution_payout", name, data, signature: `s${time}`, slot: time, time }) as never;
  const events = [
    ev("poolInitialized", { pool: poolV2, datanet, datanetVersion: key(), totalWeight: new BN(5) }, 1),
    ev(
      "inferencePaid",
      {
        model,
        fee: new BN(1000),
        calls: new BN(2),
        ownerAmount: new BN(300),
        operatorAmount: new BN(100),
        protocolFee: new BN(10),
        dust: new BN(0),
        lineage: [
          { target: datanet, amount: new BN(500) },
          { target: upstream, amount: new BN(90) },
        ],
      },
      2,
    ),
    ev("positionClaimed", { pool: poolV1, amount: new BN(200) }, 3),
    ev("positionClaimed", { pool: poolV2, amount: new BN(50) }, 4),
    ev("positionClaimed", { pool: poolOther, amount: new BN(7) }, 5),
  ];
  // v1's pool is known from the pool accounts; v2's from its PoolInitialized event; the third from neither.
  const usage = aggregate(events, new Set([datanet.toBase58()]), new Map([[poolV1.toBase58(), datanet.toBase58()]]));
  const d = usage.datanets.get(datanet.toBase58())!;
  assert.equal(d.received, 500n);
  assert.equal(d.paidOut, 250n);
  assert.equal(d.payments, 1);
  const m = usage.models.get(model.toBase58())!;
  assert.equal(m.fees, 1000n);
  assert.equal(m.calls, 2n);
  assert.equal(m.datanets, 500n);
  assert.equal(m.upstream, 90n);
  assert.equal(m.protocol, 10n);
});
