/**
 * The app's view of the chain: the RPC (URL, health), the TypeScript client on it, the payout
 * config (OPEN's mint and decimals), a refresh counter bumped after every transaction, and the
 * log of this session's transactions.
 */
import { AttributionClient, type ConfigAccount } from "@attribution-suite/client";
import { useConnection, useWallet } from "@solana/wallet-adapter-react";
import { Transaction, type TransactionInstruction } from "@solana/web3.js";
import { type ReactNode, createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { TxFailure, classifyError } from "./errors";
import { type SentTx, type Stage, sendTransactions } from "./send";

export type RpcStatus = "checking" | "ok" | "down";

export interface TxLogEntry {
  id: number;
  label: string;
  status: "pending" | "confirmed" | "failed";
  signatures: string[];
  error?: string;
  at: number;
}

interface ChainValue {
  rpcUrl: string;
  setRpcUrl(url: string): void;
  client: AttributionClient;
  /** undefined while loading, null when the suite is not initialised on this cluster. */
  config: ConfigAccount | null | undefined;
  decimals: number;
  rpcStatus: RpcStatus;
  rpcError?: string;
  refreshKey: number;
  refresh(): void;
  txLog: TxLogEntry[];
  logTx(entry: Omit<TxLogEntry, "id" | "at">, id?: number): number;
}

const ChainContext = createContext<ChainValue | null>(null);

export function ChainProvider(props: { rpcUrl: string; setRpcUrl(url: string): void; children: ReactNode }) {
  const { connection } = useConnection();
  const client = useMemo(() => new AttributionClient({ connection }), [connection]);
  const [config, setConfig] = useState<ConfigAccount | null | undefined>(undefined);
  const [rpcStatus, setRpcStatus] = useState<RpcStatus>("checking");
  const [rpcError, setRpcError] = useState<string>();
  const [refreshKey, setRefreshKey] = useState(0);
  const [txLog, setTxLog] = useState<TxLogEntry[]>([]);
  const nextId = useRef(1);

  const refresh = useCallback(() => setRefreshKey((k) => k + 1), []);

  // Health: a getSlot every 4 s; the config whenever the RPC comes back or a refresh is asked.
  useEffect(() => {
    let cancelled = false;
    setRpcStatus("checking");
    setConfig(undefined);
    const check = async () => {
      try {
        await connection.getSlot("confirmed");
        if (cancelled) return;
        setRpcStatus((prev) => {
          if (prev !== "ok") setRefreshKey((k) => k + 1);
          return "ok";
        });
        setRpcError(undefined);
      } catch (err) {
        if (cancelled) return;
        setRpcStatus("down");
        setRpcError(classifyError(err, { rpcUrl: props.rpcUrl }).message);
      }
    };
    void check();
    const timer = setInterval(check, 4_000);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [connection, props.rpcUrl]);

  useEffect(() => {
    if (rpcStatus !== "ok") return;
    let cancelled = false;
    client.fetchConfigOrNull().then(
      (c) => !cancelled && setConfig(c),
      () => !cancelled && setConfig(undefined),
    );
    return () => {
      cancelled = true;
    };
  }, [client, rpcStatus, refreshKey]);

  const logTx = useCallback((entry: Omit<TxLogEntry, "id" | "at">, id?: number) => {
    const entryId = id ?? nextId.current++;
    setTxLog((log) => {
      const rest = log.filter((e) => e.id !== entryId);
      const previous = log.find((e) => e.id === entryId);
      return [{ ...entry, id: entryId, at: previous?.at ?? Date.now() }, ...rest].slice(0, 30);
    });
    return entryId;
  }, []);

  const value: ChainValue = {
    rpcUrl: props.rpcUrl,
    setRpcUrl: props.setRpcUrl,
    client,
    config,
    decimals: config?.decimals ?? 9,
    rpcStatus,
    rpcError,
    refreshKey,
    refresh,
    txLog,
    logTx,
  };
  return <ChainContext.Provider value={value}>{props.children}</ChainContext.Provider>;
}

export function useChain(): ChainValue {
  const value = useContext(ChainContext);
  if (!value) throw new Error("useChain outside ChainProvider");
  return value;
}

/** An async read, re-run when `deps` change and after every transaction (refresh). */
export function useAsync<T>(fn: () => Promise<T>, deps: unknown[]): { data?: T; error?: unknown; loading: boolean } {
  const { refreshKey } = useChain();
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  useEffect(() => {
    let cancelled = false;
    setState((s) => ({ ...s, loading: true }));
    fn().then(
      (data) => !cancelled && setState({ data, loading: false }),
      (error) => !cancelled && setState((s) => ({ data: s.data, error, loading: false })),
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, refreshKey]);
  return state;
}

export interface ActionState {
  /** Counts this action's runs: tells one attempt's outcome from the previous one's. */
  run: number;
  status: "idle" | "building" | Stage | "confirmed" | "failed";
  label: string;
  signatures: string[];
  error?: TxFailure;
  sent?: SentTx[];
}

export type Build = () => Promise<TransactionInstruction[] | TransactionInstruction[][] | Transaction>;

/**
 * One user action that sends transactions: `run(label, build)` builds the instructions (a list,
 * or a list of transactions' lists) or a transaction others signed first, has the wallet sign, sends, confirms; the state says where it
 * is, with every signature; failures are TxFailures with a human message.
 */
export function useAction(): [(label: string, build: Build) => Promise<SentTx[] | null>, ActionState, () => void] {
  const { connection } = useConnection();
  const wallet = useWallet();
  const chain = useChain();
  const [state, setState] = useState<ActionState>({ run: 0, status: "idle", label: "", signatures: [] });
  const runs = useRef(0);

  const run = useCallback(
    async (label: string, build: Build): Promise<SentTx[] | null> => {
      let logId: number | undefined;
      const attempt = ++runs.current;
      try {
        if (!wallet.publicKey || !wallet.signTransaction) {
          throw new TxFailure("wallet", "Connect a wallet first.");
        }
        setState({ run: attempt, status: "building", label, signatures: [] });
        const built = await build();
        const groups =
          built instanceof Transaction ? [built] : ((built.length > 0 && Array.isArray(built[0]) ? built : [built]) as TransactionInstruction[][]);
        const signer = {
          publicKey: wallet.publicKey,
          signTransaction: wallet.signTransaction,
          signAllTransactions: wallet.signAllTransactions,
        };
        const sent = await sendTransactions(connection, signer, groups, {
          rpcUrl: chain.rpcUrl,
          onStage: (stage, signatures) => {
            setState({ run: attempt, status: stage, label, signatures });
            if (stage !== "signing") logId = chain.logTx({ label, status: "pending", signatures }, logId);
          },
        });
        const signatures = sent.map((s) => s.signature);
        setState({ run: attempt, status: "confirmed", label, signatures, sent });
        chain.logTx({ label, status: "confirmed", signatures }, logId);
        chain.refresh();
        return sent;
      } catch (err) {
        const failure = classifyError(err, { rpcUrl: chain.rpcUrl });
        const signatures = [...failure.sent.map((s) => s.signature), ...(failure.signature ? [failure.signature] : [])];
        setState({ run: attempt, status: "failed", label, signatures, error: failure });
        if (signatures.length > 0 || logId !== undefined) {
          chain.logTx({ label, status: "failed", signatures, error: failure.message }, logId);
        }
        if (failure.sent.length > 0 || failure.reachedChain) chain.refresh();
        return null;
      }
    },
    [wallet.publicKey, wallet.signTransaction, wallet.signAllTransactions, connection, chain],
  );
  const reset = useCallback(() => setState({ run: runs.current, status: "idle", label: "", signatures: [] }), []);
  return [run, state, reset];
}
