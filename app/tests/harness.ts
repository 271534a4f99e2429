/**
 * The browser tests' world: Debian's chromium (installed with apt-get when missing and running
 * as root), the local validator with the three programs (tools/localnet), the suite bootstrapped
 * (scripts/bootstrap.ts: the Anchor migration), the app built and served by `vite preview` on
 * 127.0.0.1, and chromium driven by playwright-core with a fresh profile. `stop()` kills what it
 * started, also when a test fails or the process is interrupted.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Connection, Keypair } from "@solana/web3.js";
import { type BrowserContext, type Page, chromium } from "playwright-core";
import { bootstrap } from "../scripts/bootstrap";
import { APP_ROOT, REPO_ROOT, connect, loadDeployer } from "../scripts/node-chain";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const log = (line: string) => process.stderr.write(`[harness] ${line}\n`);

/** Debian's chromium, installed (as root) when missing. */
export function ensureChromium(): string {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  if (process.getuid?.() !== 0) {
    throw new Error(`${CHROMIUM} is missing: install it with \`sudo apt-get install -y chromium\` (or set CHROMIUM_PATH)`);
  }
  log("installing chromium with apt-get");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  let r = spawnSync("apt-get", ["install", "-y", "chromium"], { stdio: "inherit", env });
  if (r.status !== 0) {
    spawnSync("apt-get", ["update"], { stdio: "inherit", env });
    r = spawnSync("apt-get", ["install", "-y", "chromium"], { stdio: "inherit", env });
  }
  if (r.status !== 0 || !existsSync(CHROMIUM)) throw new Error("apt-get install chromium failed");
  return CHROMIUM;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await sleep(150);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export interface World {
  rpcUrl: string;
  appUrl: string;
  connection: Connection;
  deployer: Keypair;
  context: BrowserContext;
  page: Page;
  timings: Record<string, number>;
  stop(): Promise<void>;
}

export interface WorldOptions {
  rpcPort?: number;
  appPort?: number;
  /** Skip `vite build` when app/dist exists (SKIP_BUILD=1). */
  skipBuild?: boolean;
  /** Before the browser starts: e.g. a scenario that fills the chain. */
  beforeBrowser?: (connection: Connection) => Promise<void>;
  viewport?: { width: number; height: number };
}

export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const rpcPort = options.rpcPort ?? Number(process.env.RPC_PORT ?? 18999);
  const appPort = options.appPort ?? Number(process.env.APP_PORT ?? 4179);
  const rpcUrl = `http://127.0.0.1:${rpcPort}`;
  const timings: Record<string, number> = {};
  let validatorPid: number | null = null;
  let preview: ChildProcess | null = null;
  let context: BrowserContext | null = null;
  let profile: string | null = null;

  const stopSync = () => {
    if (preview?.pid && preview.exitCode === null) {
      try {
        process.kill(-preview.pid, "SIGTERM");
      } catch {
        preview.kill("SIGTERM");
      }
    }
    if (validatorPid) {
      try {
        process.kill(validatorPid, "SIGTERM");
      } catch {
        // already gone
      }
      validatorPid = null;
    }
  };
  const onExit = () => stopSync();
  const onSignal = (signal: NodeJS.Signals) => {
    stopSync();
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.on("exit", onExit);
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  const stop = async () => {
    try {
      await context?.close();
    } catch {
      // closing a crashed browser
    }
    stopSync();
    if (profile) rmSync(profile, { recursive: true, force: true });
    process.off("exit", onExit);
  };

  try {
    const executablePath = ensureChromium();

    let t = Date.now();
    const out = execFileSync(join(REPO_ROOT, "tools/localnet"), ["--programs", "--rpc-port", String(rpcPort)], {
      cwd: REPO_ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      timeout: 30 * 60_000,
    });
    validatorPid = Number(out.trim().split("\n").pop());
    if (!Number.isInteger(validatorPid) || validatorPid <= 0) throw new Error(`tools/localnet printed no PID: ${out}`);
    timings.validator = Date.now() - t;
    log(`validator PID ${validatorPid} on ${rpcUrl} (${timings.validator} ms)`);

    const connection = connect(rpcUrl);
    t = Date.now();
    const quiet = console.log;
    console.log = () => {};
    try {
      await bootstrap(connection);
    } finally {
      console.log = quiet;
    }
    timings.bootstrap = Date.now() - t;
    log(`bootstrapped (${timings.bootstrap} ms)`);

    if (options.beforeBrowser) {
      t = Date.now();
      await options.beforeBrowser(connection);
      timings.scenario = Date.now() - t;
    }

    const skipBuild = (options.skipBuild ?? process.env.SKIP_BUILD === "1") && existsSync(join(APP_ROOT, "dist/index.html"));
    if (!skipBuild) {
      t = Date.now();
      execFileSync(join(REPO_ROOT, "node_modules/.bin/vite"), ["build", "--logLevel", "warn"], { cwd: APP_ROOT, stdio: "inherit" });
      timings.build = Date.now() - t;
      log(`app built (${timings.build} ms)`);
    }

    preview = spawn(join(REPO_ROOT, "node_modules/.bin/vite"), ["preview", "--host", "127.0.0.1", "--port", String(appPort), "--strictPort"], {
      cwd: APP_ROOT,
      stdio: ["ignore", "ignore", "inherit"],
      detached: true,
    });
    const appUrl = `http://127.0.0.1:${appPort}/`;
    await waitForHttp(appUrl, 30_000);

    t = Date.now();
    profile = mkdtempSync(join(tmpdir(), "suite-chromium-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: options.viewport ?? { width: 1366, height: 900 },
    });
    const page = context.pages()[0] ?? (await context.newPage());
    timings.browser = Date.now() - t;
    log(`chromium ${context.browser()?.version() ?? ""} up (${timings.browser} ms)`);
    return { rpcUrl, appUrl, connection, deployer: loadDeployer(), context, page, timings, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * The KPI indexer (`attribution index --follow --serve`, crates/attribution-indexer) over the
 * world's validator, its database in a scratch folder; resolves once its API answers. `stop()`
 * ends it and removes the folder.
 */
export async function startIndexer(rpcUrl: string, port: number): Promise<{ api: string; stop(): void }> {
  const api = `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), "suite-kpi-"));
  const args = ["--url", rpcUrl, "index", "--follow", "--every", "1", "--serve", `127.0.0.1:${port}`, "--db", join(dir, "kpi.db")];
  const indexer = spawn(join(REPO_ROOT, "target/host/debug/attribution"), args, { stdio: ["ignore", "ignore", "inherit"] });
  const stop = () => {
    indexer.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForHttp(`${api}/v1/kpis/indexed`, 120_000);
  } catch (err) {
    stop();
    throw err;
  }
  log(`KPI indexer on ${api}`);
  return { api, stop };
}

