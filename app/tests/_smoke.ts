import { startWorld } from "./harness";
import { go, useWallet } from "./ui";
import { fundedWallet } from "../scripts/node-chain";
async function main() {
  const world = await startWorld({ rpcPort: 18999 });
  try {
    const a = await fundedWallet(world.connection, world.deployer, 10, 5000n * 10n ** 9n);
    const b = await fundedWallet(world.connection, world.deployer, 10, 0n);
    const page = world.page;
    page.on("console", (m) => console.log("console:", m.type(), m.text()));
    page.on("pageerror", (e) => console.log("pageerror:", e));
    await go(page, world, "datanets");
    await useWallet(page, a);
    console.log("connected a", await page.locator(".top").textContent());
    await useWallet(page, b);
    console.log("switched b", await page.locator(".top").textContent());
    await page.screenshot({ path: "/tmp/smoke.png" });
  } finally {
    await world.stop();
  }
}
main();
