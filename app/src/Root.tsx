/**
 * Providers: the RPC connection (wallet-adapter's ConnectionProvider), the wallets (every Wallet
 * Standard wallet the browser has: Phantom, Solflare, Backpack..., found by wallet-adapter-react
 * without per-wallet adapters), the wallet modal, and the app's chain context.
 */
import { ConnectionProvider, WalletProvider } from "@solana/wallet-adapter-react";
import { WalletModalProvider } from "@solana/wallet-adapter-react-ui";
import { useCallback, useMemo, useState } from "react";
import { App } from "./App";
import { ChainProvider } from "./lib/chain";
import { initialRpcUrl, persistRpcUrl } from "./lib/rpc";

export function Root() {
  const [rpcUrl, setRpcUrlState] = useState(initialRpcUrl);
  const setRpcUrl = useCallback((url: string) => {
    persistRpcUrl(url);
    setRpcUrlState(url);
  }, []);
  const connectionConfig = useMemo(() => ({ commitment: "confirmed" as const, disableRetryOnRateLimit: true }), []);
  const wallets = useMemo(() => [], []);
  return (
    <ConnectionProvider endpoint={rpcUrl} config={connectionConfig}>
      <WalletProvider wallets={wallets} autoConnect>
        <WalletModalProvider>
          <ChainProvider rpcUrl={rpcUrl} setRpcUrl={setRpcUrl}>
            <App />
          </ChainProvider>
        </WalletModalProvider>
      </WalletProvider>
    </ConnectionProvider>
  );
}
