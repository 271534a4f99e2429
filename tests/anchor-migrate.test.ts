/**
 * `anchor migrate`'s own path, without a validator: Anchor 1.2.2 writes a host script to
 * .anchor/deploy.ts (an AnchorProvider over `new Connection(<cluster url>)` and
 * `Wallet.local()`, i.e. $ANCHOR_WALLET) that requires migrations/deploy.ts, and runs it with
 * `ts-node` (type-checking, with the root tsconfig.json). Here the same host script runs the same
 * way against a minimal JSON-RPC stub over the built programs in LiteSVM.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { AttributionClient, bondVaultPda, configPda } from "@attribution-suite/client";
import { REPO_ROOT, TestChain } from "./helpers/chain";
import { startRpcStub } from "./helpers/rpc";

/** anchor-cli 1.2.2's TypeScript migration host (`deploy_ts_script_host`), as it writes it. */
function anchorHostScript(clusterUrl: string, scriptPath: string): string {
  return `import * as anchor from '@anchor-lang/core';

// Deploy script defined by the user.
const userScript = require("${scriptPath}");

async function main() {
    const connection = new anchor.web3.Connection(
      "${clusterUrl}",
      anchor.AnchorProvider.defaultOptions().commitment
    );
    const wallet = anchor.Wallet.local();
    const provider = new anchor.AnchorProvider(connection, wallet);

    // Run the user's deploy script.
    userScript(provider);
}
main();
`;
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test("anchor migrate's ts-node host runs migrations/deploy.ts with an AnchorProvider", { timeout: 180_000 }, async () => {
  const chain = new TestChain();
  const rpc = await startRpcStub(chain);
  const dir = join(REPO_ROOT, ".anchor", `migrate-test-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    const walletPath = join(dir, "deployer.json");
    writeFileSync(walletPath, JSON.stringify(Array.from(chain.upgradeAuthority.secretKey)));
    writeFileSync(join(dir, "deploy.ts"), anchorHostScript(rpc.url, join(REPO_ROOT, "migrations/deploy.ts")));
    const tsNode = join(REPO_ROOT, "node_modules/.bin/ts-node");

    // Another wallet than the upgrade authority: the script stops, non-zero, saying why.
    const strangerPath = join(dir, "stranger.json");
    writeFileSync(strangerPath, JSON.stringify(Array.from(chain.wallet().secretKey)));
    const refused = await run(tsNode, ["--transpile-only", "deploy.ts"], dir, { ...process.env, ANCHOR_WALLET: strangerPath }, 60_000);
    assert.notEqual(refused.code, 0, refused.output);
    assert.match(refused.output, /is not attribution_payout's upgrade authority/, refused.output);

    const env = { ...process.env, ANCHOR_WALLET: walletPath, SUITE_PROTOCOL_FEE_BPS: "275", SUITE_EPOCH_LENGTH_SECS: "3600" };
    const first = await run(tsNode, ["deploy.ts"], dir, env, 150_000);
    assert.equal(first.code, 0, first.output);
    assert.match(first.output, /\[migrate\] config_init /, first.output);

    const config = await new AttributionClient({ reader: chain.reader }).fetchConfig();
    assert.equal(config.protocolFeeBps, 275);
    assert.equal(Number(config.epochLengthSecs), 3600);
    assert.equal(Number(config.claimWindowSecs), 2_592_000);
    assert.ok(config.authority.equals(chain.upgradeAuthority.publicKey));
    assert.ok(chain.exists(bondVaultPda()), "the bond vault is created with the config");
    assert.ok(rpc.calls.includes("sendTransaction"));

    const second = await run(tsNode, ["--transpile-only", "deploy.ts"], dir, env, 60_000);
    assert.equal(second.code, 0, second.output);
    assert.match(second.output, new RegExp(`config ${configPda().toBase58()} exists`), second.output);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await rpc.close();
  }
});
