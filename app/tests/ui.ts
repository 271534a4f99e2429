/** Page helpers for the browser tests: open a page of the app, connect or switch the test wallet, wait for a transaction. */
import assert from "node:assert/strict";
import type { Keypair } from "@solana/web3.js";
import type { Locator, Page } from "playwright-core";
import type { World } from "./harness";

/** The app's URL for `route` (e.g. "datanets"), on the world's RPC, with the test wallet offered, and with a KPI API when given. */
export function appUrl(world: Pick<World, "appUrl" | "rpcUrl">, route = "datanets", kpi?: string): string {
  const api = kpi ? `&kpi=${encodeURIComponent(kpi)}` : "";
  return `${world.appUrl}?rpc=${encodeURIComponent(world.rpcUrl)}&testWallet=1${api}#/${route}`;
}

const shortKey = (k: string) => `${k.slice(0, 4)}..${k.slice(-4)}`;

/** Goes to `route` (a hash route: no reload when the page is already loaded). */
export async function go(page: Page, world: Pick<World, "appUrl" | "rpcUrl">, route: string): Promise<void> {
  if (page.url().startsWith(world.appUrl) && page.url().includes("testWallet=1")) {
    await page.evaluate((r) => {
      window.location.hash = `#/${r}`;
    }, route);
  } else {
    await page.goto(appUrl(world, route));
  }
  await page.waitForFunction(() => document.querySelector("main") !== null);
}

/**
 * Makes `keypair` the test wallet's account and connects it through the wallet modal, the way a
 * user connects Phantom or Solflare (or, when a wallet is connected, switches accounts).
 */
export async function useWallet(page: Page, keypair: Keypair): Promise<void> {
  const address = keypair.publicKey.toBase58();
  await page.waitForFunction(() => !!window.testWallet);
  await page.evaluate((secret) => window.testWallet!.setSecretKey(secret), Array.from(keypair.secretKey));
  const button = page.locator(".top .wallet-adapter-button").first();
  const text = (await button.textContent()) ?? "";
  if (/select wallet|connect/i.test(text)) {
    await button.click();
    await page.locator(".wallet-adapter-modal-list .wallet-adapter-button", { hasText: "Test Wallet" }).click();
  }
  await page.locator(".top .wallet-adapter-button", { hasText: shortKey(address) }).waitFor({ timeout: 15_000 });
}

/**
 * Does `click` and waits for the outcome of the action it starts, shown in the status box
 * `testId` (a newer run than before the click, confirmed or failed); returns its status, failure
 * kind, text and signatures.
 */
export async function txResult(page: Page, testId: string, click: () => Promise<void>, timeout = 30_000) {
  const box = page.getByTestId(testId).last();
  const before = (await box.count()) > 0 ? Number((await box.getAttribute("data-run")) ?? 0) : 0;
  await click();
  await page.waitForFunction(
    ([id, previous]) => {
      const all = document.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`);
      const el = all[all.length - 1];
      return !!el && Number(el.dataset.run) > previous && (el.dataset.status === "confirmed" || el.dataset.status === "failed");
    },
    [testId, before] as const,
    { timeout },
  );
  const status = (await box.getAttribute("data-status")) ?? "";
  const kind = (await box.getAttribute("data-kind")) ?? "";
  const text = (await box.textContent()) ?? "";
  const signatures = await box.getByTestId("signature").allTextContents();
  return { status, kind, text, signatures, box: box as Locator };
}

/** Like txResult, asserting it confirmed and shows its signatures. */
export async function confirmed(page: Page, testId: string, click: () => Promise<void>, timeout?: number) {
  const r = await txResult(page, testId, click, timeout);
  assert.equal(r.status, "confirmed", `${testId}: ${r.text}`);
  assert.ok(r.signatures.length > 0 && r.signatures.every((s) => /^[1-9A-HJ-NP-Za-km-z]{80,90}$/.test(s)), `${testId} shows its signature`);
  return r;
}

declare global {
  interface Window {
    /** The test wallet's controls (src/wallet/testWallet.ts). */
    testWallet?: { setSecretKey(secretKey: number[]): string; rejectNext(count?: number): void; publicKey: string | null; signedCount: number; requestCount: number };
  }
}
