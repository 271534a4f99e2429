import { useWallet } from "@solana/wallet-adapter-react";
import { WalletMultiButton } from "@solana/wallet-adapter-react-ui";
import { useEffect, useState } from "react";
import { Signature } from "./components/ui";
import { useAsync, useChain } from "./lib/chain";
import { walletBalances } from "./lib/data";
import { formatOpen, formatUnits } from "./lib/format";
import { isValidRpcUrl } from "./lib/rpc";
import { href, useRoute } from "./lib/router";
import { AttributionPage } from "./pages/Attribution";
import { DatanetsPage } from "./pages/Datanets";
import { EarningsPage } from "./pages/Earnings";
import { GovernancePage } from "./pages/Governance";
import { ModelsPage } from "./pages/Models";
import { ChannelsPage } from "./pages/Channels";
import { PayPage } from "./pages/Pay";
import { UsagePage } from "./pages/Usage";

const PAGES = [
  ["datanets", "Datanets"],
  ["models", "Models"],
  ["pay", "Pay"],
  ["channels", "Channels"],
  ["attribution", "Attribution"],
  ["earnings", "Earnings"],
  ["usage", "Usage"],
  ["governance", "Governance"],
] as const;

function RpcField() {
  const { rpcUrl, setRpcUrl, rpcStatus } = useChain();
  const [text, setText] = useState(rpcUrl);
  useEffect(() => setText(rpcUrl), [rpcUrl]);
  const valid = isValidRpcUrl(text.trim());
  return (
    <form
      className="rpc"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) setRpcUrl(text.trim());
      }}
    >
      <span className={`dot dot-${rpcStatus}`} title={`RPC ${rpcStatus}`} data-testid="rpc-status" data-status={rpcStatus} />
      <input aria-label="RPC URL" data-testid="rpc-url" value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
      <button type="submit" disabled={!valid || text.trim() === rpcUrl}>
        Use
      </button>
    </form>
  );
}

function WalletBalances() {
  const { publicKey } = useWallet();
  const { client, decimals, config } = useChain();
  const balances = useAsync(async () => (publicKey && config ? walletBalances(client, publicKey) : null), [publicKey, client, config]);
  if (!publicKey || !balances.data) return null;
  return (
    <div className="balances" data-testid="wallet-balances">
      <span data-testid="wallet-open-balance" data-raw={balances.data.open.toString()}>
        {formatOpen(balances.data.open, decimals)}
      </span>
      <span className="muted" data-testid="wallet-sol-balance">
        {formatUnits(balances.data.sol, 9, 4)} SOL
      </span>
    </div>
  );
}

function Banners() {
  const { rpcStatus, rpcError, rpcUrl, config } = useChain();
  if (rpcStatus === "down") {
    return (
      <div className="banner banner-error" data-testid="rpc-down" role="alert">
        {rpcError ?? `The RPC at ${rpcUrl} is unreachable.`} Check the URL in the header or start the validator
        (<code>tools/localnet --programs</code>).
      </div>
    );
  }
  if (rpcStatus === "ok" && config === null) {
    return (
      <div className="banner banner-warn" data-testid="no-config">
        The suite is not initialised on {rpcUrl}: attribution_payout has no config. Run{" "}
        <code>npm run bootstrap -w app -- --url {rpcUrl}</code>.
      </div>
    );
  }
  if (config?.paused) {
    return <div className="banner banner-warn">Payments are paused by governance.</div>;
  }
  return null;
}

function TxLog() {
  const { txLog } = useChain();
  if (txLog.length === 0) return null;
  return (
    <footer className="txlog" data-testid="tx-log">
      <h3>This session's transactions</h3>
      <ul>
        {txLog.map((e) => (
          <li key={e.id} className={`txlog-${e.status}`}>
            <span className="badge">{e.status}</span> {e.label}
            {e.error && <span className="tx-error"> — {e.error}</span>}
            {e.signatures.map((s) => (
              <div key={s}>
                <Signature signature={s} />
              </div>
            ))}
          </li>
        ))}
      </ul>
    </footer>
  );
}

export function App() {
  const route = useRoute();
  const page = route[0] ?? "datanets";
  const { refresh } = useChain();
  let content;
  switch (page) {
    case "models":
      content = <ModelsPage id={route[1]} />;
      break;
    case "pay":
      content = <PayPage model={route[1]} />;
      break;
    case "channels":
      content = <ChannelsPage />;
      break;
    case "attribution":
      content = <AttributionPage key={route[1] ?? ""} model={route[1]} />;
      break;
    case "earnings":
      content = <EarningsPage />;
      break;
    case "usage":
      content = <UsagePage />;
      break;
    case "governance":
      content = <GovernancePage />;
      break;
    default:
      content = <DatanetsPage id={route[1]} />;
  }
  return (
    <div className="app">
      <header className="top">
        <a className="brand" href={href("datanets")}>
          <span className="logo">◆</span> Attribution suite
        </a>
        <nav>
          {PAGES.map(([id, label]) => (
            <a key={id} href={href(id)} className={page === id || (id === "datanets" && !route[0]) ? "active" : ""} data-testid={`nav-${id}`}>
              {label}
            </a>
          ))}
        </nav>
        <div className="spacer" />
        <RpcField />
        <button className="ghost" onClick={refresh} title="Reload from the chain" data-testid="refresh">
          ↻
        </button>
        <WalletBalances />
        <WalletMultiButton />
      </header>
      <Banners />
      <main>{content}</main>
      <TxLog />
    </div>
  );
}
