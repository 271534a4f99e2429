/**
 * Regenerates docs/screenshots/*.png: a fresh validator, the suite bootstrapped, the scenario
 * (scripts/scenario.ts: datanets, contributions, models, operators, payments over a minute), then
 * every page of the built app in Debian's chromium with the test wallet as the scenario's
 * wallets; one payment is made through the Pay page so its breakdown shows.
 *
 *   npm run screenshots -w app
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { startWorld } from "../tests/harness";
import { go, txResult, useWallet } from "../tests/ui";
import { REPO_ROOT } from "./node-chain";
import { type Scenario, runScenario } from "./scenario";

const OUT = join(REPO_ROOT, "docs/screenshots");

async function settle(page: Page) {
  // Reads finish: no "Loading" left, then a short pause for charts and fonts.
  await page.waitForFunction(() => !document.body.innerText.includes("Loading "), undefined, { timeout: 30_000 });
  await page.waitForTimeout(400);
}

async function shot(page: Page, name: string) {
  await settle(page);
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
  process.stderr.write(`[screenshots] ${name}.png\n`);
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  let scenario: Scenario | undefined;
  const world = await startWorld({
    rpcPort: Number(process.env.RPC_PORT ?? 18998),
    appPort: Number(process.env.APP_PORT ?? 4178),
    viewport: { width: 1366, height: 860 },
    beforeBrowser: async (connection) => {
      scenario = await runScenario(connection, { spreadMs: 60_000, log: (l) => process.stderr.write(`[scenario] ${l}\n`) });
    },
  });
  try {
    const { page } = world;
    const s = scenario!;
    await go(page, world, "datanets");
    await useWallet(page, s.wallets.builder);
    await shot(page, "datanets");

    await go(page, world, `datanets/${s.datanets["radiology-reports"].toBase58()}`);
    await useWallet(page, s.wallets.mercy);
    await page.getByTestId("review-queue").waitFor();
    await shot(page, "datanet-review");

    await useWallet(page, s.wallets.builder);
    await go(page, world, "models");
    await shot(page, "models");

    await go(page, world, `models/${s.models["radiology-ft-chest"].toBase58()}`);
    await page.getByTestId("lineage-graph").waitFor();
    await shot(page, "model-lineage");

    await go(page, world, `models/${s.models["legal-drafting"].toBase58()}`);
    await page.getByTestId("lineage-editor").waitFor();
    const first = page.getByTestId("lineage-entry").first();
    await first.getByTestId("lineage-target").selectOption(s.datanets["legal-contracts"].toBase58());
    await first.getByTestId("lineage-share").fill("5000");
    await page.getByTestId("lineage-add").click();
    const second = page.getByTestId("lineage-entry").nth(1);
    await second.getByTestId("lineage-source").selectOption("model");
    await second.getByTestId("lineage-target").selectOption(s.models["radiology-base"].toBase58());
    await second.getByTestId("lineage-share").fill("1500");
    await page.getByTestId("lineage-owner-share").fill("2000");
    await page.getByTestId("lineage-operator-share").fill("1000");
    await shot(page, "model-lineage-editor");

    await useWallet(page, s.wallets.user1);
    await go(page, world, `pay/${s.models["radiology-ft-chest"].toBase58()}`);
    await page.getByTestId("pay-calls").fill("6");
    await page.getByTestId("pay-fee").filter({ hasText: "0.72 OPEN" }).waitFor();
    const paid = await txResult(page, "tx-pay", () => page.getByTestId("pay-submit").click());
    if (paid.status !== "confirmed") throw new Error(`payment failed: ${paid.text}`);
    await page.getByTestId("breakdown").waitFor();
    await page.locator("details.quote summary").click();
    await shot(page, "pay");

    await useWallet(page, s.wallets.builder);
    await go(page, world, "earnings");
    await shot(page, "earnings");

    await go(page, world, "usage");
    await page.getByTestId("chart-model-fees").waitFor({ timeout: 60_000 });
    await shot(page, "usage");
  } finally {
    await world.stop();
  }
  process.stderr.write(`[screenshots] timings ${JSON.stringify(world.timings)}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
