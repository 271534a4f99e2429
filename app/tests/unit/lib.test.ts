/** The app's amount formatting and its error messages (src/lib/format.ts, src/lib/errors.ts). */
import assert from "node:assert/strict";
import { test } from "node:test";
import { ATTRIBUTION_PAYOUT_PROGRAM_ID, TOKEN_PROGRAM_ID, errorCode } from "@attribution-suite/client";
import { classifyError } from "../../src/lib/errors";
import { bpsText, durationText, formatUnits, parseUnits, tryParseUnits } from "../../src/lib/format";

test("OPEN amounts: format and parse with the mint's decimals", () => {
  assert.equal(formatUnits(0n, 9), "0");
  assert.equal(formatUnits(500_000_000n, 9), "0.5");
  assert.equal(formatUnits(1_234_567_000_000_000n, 9), "1,234,567");
  assert.equal(formatUnits(1_000_000_001n, 9), "1.000000001");
  assert.equal(formatUnits(1_999_999_999n, 9, 4), "1.9999");
  assert.equal(parseUnits("0.5", 9), 500_000_000n);
  assert.equal(parseUnits("1,000", 9), 1_000_000_000_000n);
  assert.equal(parseUnits(".25", 2), 25n);
  assert.throws(() => parseUnits("1.0000000001", 9), /at most 9 decimals/);
  assert.equal(tryParseUnits("abc", 9), null);
  assert.equal(tryParseUnits("-1", 9), null);
  assert.equal(bpsText(6000), "60%");
  assert.equal(bpsText(1234), "12.34%");
});

test("durations: a spam window in days, hours, minutes and seconds", () => {
  assert.equal(durationText(0), "0 s");
  assert.equal(durationText(86_400), "1 d");
  assert.equal(durationText(90_000), "1 d 1 h");
  assert.equal(durationText(5_400n), "1 h 30 min");
  assert.equal(durationText(30 * 86_400 + 61), "30 d 1 min 1 s");
});

test("a program error in the logs is its IDL message", () => {
  const code = errorCode("attribution_payout", "FeeAboveMax");
  const logs = [
    `Program ${ATTRIBUTION_PAYOUT_PROGRAM_ID.toBase58()} invoke [1]`,
    "Program log: AnchorError occurred. Error Code: FeeAboveMax.",
    `Program ${ATTRIBUTION_PAYOUT_PROGRAM_ID.toBase58()} failed: custom program error: 0x${code.toString(16)}`,
  ];
  const failure = classifyError(Object.assign(new Error("Simulation failed"), { logs }));
  assert.equal(failure.kind, "program");
  assert.match(failure.message, /^The fee \(price × calls\) is above the max fee you allowed \(attribution_payout: FeeAboveMax, error 6009\)$/);
});

test("wallet rejection, insufficient OPEN and SOL, unreachable RPC", () => {
  const rejected = Object.assign(new Error("User rejected the request."), { name: "WalletSignTransactionError", error: { code: 4001 } });
  assert.equal(classifyError(rejected).kind, "rejected");
  const tokenLogs = [
    `Program ${TOKEN_PROGRAM_ID.toBase58()} invoke [2]`,
    "Program log: Error: insufficient funds",
    `Program ${TOKEN_PROGRAM_ID.toBase58()} failed: custom program error: 0x1`,
  ];
  assert.equal(classifyError({ logs: tokenLogs }).kind, "insufficient-open");
  assert.equal(classifyError(new Error("Attempt to debit an account but found no record of a prior credit.")).kind, "insufficient-sol");
  const down = classifyError(new TypeError("Failed to fetch"), { rpcUrl: "http://127.0.0.1:9" });
  assert.equal(down.kind, "rpc");
  assert.equal(down.message, "The RPC at http://127.0.0.1:9 is unreachable.");
});
