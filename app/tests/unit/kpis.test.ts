import assert from "node:assert/strict";
import { test } from "node:test";
import { dayBuckets, duration, feeSplit, kpiApiUrl, percent } from "../../src/lib/kpis";

test("the KPI API comes from ?kpi=, else the build's setting, without a trailing slash", () => {
  assert.equal(kpiApiUrl("?rpc=x&kpi=http://127.0.0.1:8910/", undefined), "http://127.0.0.1:8910");
  assert.equal(kpiApiUrl("?rpc=x", "https://kpi.example/"), "https://kpi.example");
  assert.equal(kpiApiUrl("", undefined), null);
});

test("the fee split is exact in base units and its shares add up to 10,000 bps", () => {
  const split = feeSplit({ contributors: "1", upstream_models: "1", owners: "1", operators: "0", protocol: "9007199254740993" });
  assert.equal(split[0].part, "protocol");
  assert.equal(split[0].amount, 9_007_199_254_740_993n, "beyond 2^53, still exact");
  assert.equal(split.reduce((s, r) => s + r.bps, 0), 10_000);
  const none = feeSplit({ contributors: "0", upstream_models: "0", owners: "0", operators: "0", protocol: "0" });
  assert.equal(none.reduce((s, r) => s + r.bps, 0), 0);
  const thirds = feeSplit({ contributors: "1", upstream_models: "1", owners: "1", operators: "0", protocol: "0" });
  assert.deepEqual(thirds.map((r) => r.bps), [3334, 3333, 3333, 0, 0]);
});

test("days, percentages and durations", () => {
  assert.deepEqual(dayBuckets([{ day: 86_400, count: 3 }]), [{ start: 86_400, value: 3n }]);
  assert.equal(percent(4_600), "46.00 %");
  assert.equal(duration(3 * 86_400 + 5), "3 d");
  assert.equal(duration(7_200), "2 h");
  assert.equal(duration(42), "42 s");
});
