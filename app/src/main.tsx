import "./polyfills";
import "./wallet.css";
import "./styles.css";
import { createRoot } from "react-dom/client";
import { Root } from "./Root";

async function start() {
  // The test wallet: only in test builds or with ?testWallet=1, loaded on demand.
  const flag = new URLSearchParams(window.location.search).get("testWallet") === "1";
  if (import.meta.env.VITE_TEST_WALLET === "1" || flag) {
    const { registerTestWallet } = await import("./wallet/testWallet");
    registerTestWallet();
  }
  createRoot(document.getElementById("root")!).render(<Root />);
}

void start();
