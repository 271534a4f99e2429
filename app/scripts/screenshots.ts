/**
 * Regenerates docs/screenshots/*.png: a fresh validator, the suite bootstrapped, the scenario
 * (scripts/scenario.ts: the CLI demo's economy over RPC: Ada's, Lex's and Rue's datanets with 60
 * contributions, the base, fine-tune and adapter models, Opal the operator, 1,000 payments over a
 * minute and a half, the crank and claims), then every page of the built app in Debian's chromium
 * with the test wallet as the scenario's wallets; one payment is made through the Pay page so its
 * breakdown shows.
 *
 *   npm run screenshots -w app
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { fetchKpis } from "../src/lib/kpis";
import { startIndexer, startWorld } from "../tests/harness";
import { appUrl, go, txResult, useWallet } from "../tests/ui";
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
  // From the top: a page scrolled by a click would show its sticky header mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
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
      scenario = await runScenario(connection, { spreadMs: 90_000, log: (l) => process.stderr.write(`[scenario] ${l}\n`) });
    },
  });
  try {
    const { page } = world;
    const s = scenario!;
    // Ada curates clinical-notes: her datanet, and its review queue (the scenario's pending ones).
    await go(page, world, "datanets");
    await useWallet(page, s.wallets.ada);
    await shot(page, "datanets");

    await go(page, world, `datanets/${s.datanets["clinical-notes"].toBase58()}`);
    await page.getByTestId("review-queue").waitFor();
    await shot(page, "datanet-review");

    // Fin owns the fine-tune (on the base model) and the draft legal-drafting.
    await useWallet(page, s.wallets.fin);
    await go(page, world, "models");
    await shot(page, "models");

    await go(page, world, `models/${s.models["fine-tune"].toBase58()}`);
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
    await second.getByTestId("lineage-target").selectOption(s.models["base"].toBase58());
    await second.getByTestId("lineage-share").fill("1500");
    await page.getByTestId("lineage-owner-share").fill("2000");
    await page.getByTestId("lineage-operator-share").fill("1000");
    await shot(page, "model-lineage-editor");

    // Opal serves 6 calls of the fine-tune (0.05 OPEN a call) to one of the demo's five users and
    // signs the payment; the user pays it.
    const user = s.wallets["user-1"];
    await useWallet(page, s.wallets.opal);
    await go(page, world, `pay/${s.models["fine-tune"].toBase58()}`);
    await page.getByTestId("serve-payer").fill(user.publicKey.toBase58());
    await page.getByTestId("serve-calls").fill("6");
    await page.getByTestId("serve-output").fill("Summary: the patient is stable; follow up in two weeks.");
    await page.getByTestId("serve-submit").click();
    const served = await page.getByTestId("serve-signed").inputValue();
    await useWallet(page, user);
    await go(page, world, `pay/${s.models["fine-tune"].toBase58()}`);
    await page.getByTestId("pay-served").fill(served);
    await page.getByTestId("pay-fee").filter({ hasText: "0.3 OPEN" }).waitFor();
    const paid = await txResult(page, "tx-pay", () => page.getByTestId("pay-submit").click());
    if (paid.status !== "confirmed") throw new Error(`payment failed: ${paid.text}`);
    await page.getByTestId("breakdown").waitFor();
    await page.locator("details.quote summary").click();
    await shot(page, "pay");

    // Bea, the base model's owner, left her earnings unclaimed (direct payments and the crank).
    await useWallet(page, s.wallets.bea);
    await go(page, world, "earnings");
    await shot(page, "earnings");

    // A contributor whose position was left unclaimed (clinical-notes, weight 55).
    await useWallet(page, s.wallets["contributor-45"]);
    await go(page, world, "earnings");
    await page.getByTestId("earnings-total-claimable").filter({ hasNotText: /^0 OPEN$/ }).waitFor();
    await shot(page, "earnings-contributor");

    await go(page, world, "usage");
    await page.getByTestId("chart-model-fees").waitFor({ timeout: 60_000 });
    await shot(page, "usage");

    // The same history through the KPI indexer's API, once it has read every payment.
    const indexer = await startIndexer(world.rpcUrl, 18912);
    try {
      const payments = () => fetchKpis(indexer.api).then((k) => k.payments.count, () => 0);
      for (let tries = 0; tries < 240 && (await payments()) < s.payments; tries++) await page.waitForTimeout(500);
      await page.goto(appUrl(world, "usage", indexer.api));
      await page.locator('[data-testid="usage-source"][data-source="indexer"]').waitFor();
      await shot(page, "usage-kpis");
    } finally {
      indexer.stop();
    }

    // The admin (the deployer, at bootstrap also the guardian and the resolver) queues a fee
    // change: the page shows it waiting out the timelock's day.
    await useWallet(page, world.deployer);
    await go(page, world, "governance");
    await page.getByTestId("gov-fee").fill("300");
    const queued = await txResult(page, "tx-gov-queue", () => page.getByTestId("gov-queue-submit").click());
    if (queued.status !== "confirmed") throw new Error(`queueing failed: ${queued.text}`);
    await page.getByTestId("gov-action-0-when").filter({ hasText: /^in / }).waitFor();
    await shot(page, "governance");
  } finally {
    await world.stop();
  }
  process.stderr.write(`[screenshots] timings ${JSON.stringify(world.timings)}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
