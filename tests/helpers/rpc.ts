/**
 * The few Solana JSON-RPC methods (HTTP) and the signature subscription (WebSocket, on port + 1
 * as web3.js expects) that an AnchorProvider's reads and `sendAndConfirm` use, served from a
 * TestChain on 127.0.0.1. Enough to run `anchor migrate`'s host script against the built programs
 * without a validator; not a general RPC server.
 */
import { type IncomingMessage, type ServerResponse, createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { PublicKey } from "@solana/web3.js";
import { getTransactionDecoder, address } from "@solana/kit";
import { utils } from "@anchor-lang/core";
import { FailedTransactionMetadata } from "litesvm";
import { type WebSocket, WebSocketServer } from "ws";
import type { TestChain } from "./chain";

type Json = Record<string, unknown>;

export interface RpcStub {
  url: string;
  /** Method names called over HTTP, in order. */
  calls: string[];
  close(): Promise<void>;
}

export async function startRpcStub(chain: TestChain): Promise<RpcStub> {
  const svm = chain.svm;
  const decoder = getTransactionDecoder();
  const calls: string[] = [];
  const statuses = new Map<string, Json | null>();
  const slot = () => Number(svm.getClock().slot);
  const context = () => ({ slot: slot() });

  function sendTransaction(base64: string): { result?: string; error?: Json } {
    const bytes = Buffer.from(base64, "base64");
    // The wire format starts with the signature count (one byte here), then the fee payer's.
    const signature = utils.bytes.bs58.encode(bytes.subarray(1, 65));
    const result = svm.sendTransaction(decoder.decode(bytes));
    svm.expireBlockhash();
    if (result instanceof FailedTransactionMetadata) {
      const logs = result.meta().logs();
      return {
        error: {
          code: -32002,
          message: `Transaction simulation failed: ${result.toString()}`,
          data: { err: result.toString(), logs, accounts: null, unitsConsumed: 0, returnData: null },
        },
      };
    }
    statuses.set(signature, { slot: slot(), confirmations: null, err: null, confirmationStatus: "finalized" });
    return { result: signature };
  }

  function handle(method: string, params: unknown[]): { result?: unknown; error?: Json } {
    switch (method) {
      case "getAccountInfo": {
        const account = svm.getAccount(address(new PublicKey(params[0] as string).toBase58()));
        if (!account.exists) return { result: { context: context(), value: null } };
        return {
          result: {
            context: context(),
            value: {
              data: [Buffer.from(account.data).toString("base64"), "base64"],
              executable: account.executable,
              lamports: Number(account.lamports),
              owner: account.programAddress,
              rentEpoch: 0,
              space: account.data.length,
            },
          },
        };
      }
      case "getMinimumBalanceForRentExemption":
        return { result: Number(svm.minimumBalanceForRentExemption(BigInt(params[0] as number))) };
      case "getLatestBlockhash":
        return { result: { context: context(), value: { blockhash: svm.latestBlockhash(), lastValidBlockHeight: slot() + 150 } } };
      case "getBlockHeight":
      case "getSlot":
        return { result: slot() };
      case "sendTransaction":
        return sendTransaction(params[0] as string);
      case "getSignatureStatuses":
        return {
          result: { context: context(), value: (params[0] as string[]).map((s) => statuses.get(s) ?? null) },
        };
      default:
        return { error: { code: -32601, message: `stub: method ${method} not served` } };
    }
  }

  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const request = JSON.parse(body) as Json | Json[];
      const one = (r: Json) => {
        calls.push(r.method as string);
        return { jsonrpc: "2.0", id: r.id, ...handle(r.method as string, (r.params as unknown[]) ?? []) };
      };
      const response = Array.isArray(request) ? request.map(one) : one(request);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(response));
    });
  };

  // web3.js subscribes to the signature, then asks getSignatureStatuses once subscribed; the
  // transaction has already landed, so the notification goes out at once.
  let subscriptions = 0;
  const onSocket = (socket: WebSocket) => {
    socket.on("message", (data) => {
      const msg = JSON.parse(data.toString()) as Json;
      if (msg.method === "signatureSubscribe") {
        const id = ++subscriptions;
        socket.send(JSON.stringify({ jsonrpc: "2.0", id: msg.id, result: id }));
        const [signature] = msg.params as [string];
        if (statuses.get(signature)) {
          socket.send(
            JSON.stringify({
              jsonrpc: "2.0",
              method: "signatureNotification",
              params: { subscription: id, result: { context: context(), value: { err: null } } },
            }),
          );
        }
      } else {
        socket.send(JSON.stringify({ jsonrpc: "2.0", id: msg.id, result: true }));
      }
    });
  };

  // HTTP on a free port, the WebSocket on the next one (web3.js's convention); retried if taken.
  let http: Server | undefined;
  let ws: WebSocketServer | undefined;
  let port = 0;
  for (let attempt = 0; attempt < 10 && !ws; attempt++) {
    const server = createServer(onRequest);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
    const wss = new WebSocketServer({ host: "127.0.0.1", port: port + 1 });
    const ok = await new Promise<boolean>((resolve) => {
      wss.once("listening", () => resolve(true));
      wss.once("error", () => resolve(false));
    });
    if (ok) {
      http = server;
      ws = wss;
    } else {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }
  if (!http || !ws) throw new Error("no two consecutive free ports on 127.0.0.1 for the RPC stub");
  ws.on("connection", onSocket);
  const [httpServer, wsServer] = [http, ws];

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: async () => {
      for (const client of wsServer.clients) client.terminate();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
