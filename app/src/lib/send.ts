/**
 * Sign with the connected wallet, send over the app's RPC, wait for `confirmed`, return the logs.
 * Confirmation polls getSignatureStatuses (no websocket needed); a transaction that fails on chain
 * is fetched with getTransaction so its program error can be decoded from the logs.
 */
import { buildTransaction } from "@attribution-suite/client";
import { utils } from "@anchor-lang/core";
import { type Connection, type PublicKey, Transaction, type TransactionInstruction } from "@solana/web3.js";
import { TxFailure, classifyError } from "./errors";

export interface TxSigner {
  publicKey: PublicKey;
  signTransaction<T extends Transaction>(tx: T): Promise<T>;
  signAllTransactions?<T extends Transaction>(txs: T[]): Promise<T[]>;
}

export interface SentTx {
  signature: string;
  logs: string[];
  slot: number;
}

export type Stage = "signing" | "sending" | "confirming";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function signatureOf(tx: Transaction): string | undefined {
  return tx.signature ? utils.bytes.bs58.encode(tx.signature) : undefined;
}

async function fetchLogs(connection: Connection, signature: string): Promise<{ logs: string[]; slot: number; err: unknown }> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const tx = await connection.getTransaction(signature, { commitment: "confirmed", maxSupportedTransactionVersion: 0 });
    if (tx) return { logs: tx.meta?.logMessages ?? [], slot: tx.slot, err: tx.meta?.err ?? null };
    await sleep(200);
  }
  return { logs: [], slot: 0, err: null };
}

async function confirm(connection: Connection, signature: string, lastValidBlockHeight: number, rpcUrl: string): Promise<SentTx> {
  const started = Date.now();
  for (;;) {
    const { value } = await connection.getSignatureStatuses([signature]);
    const status = value[0];
    if (status?.err) {
      const { logs } = await fetchLogs(connection, signature);
      throw classifyError(new Error(`transaction failed: ${JSON.stringify(status.err)}`), { rpcUrl, signature, logs });
    }
    if (status && (status.confirmationStatus === "confirmed" || status.confirmationStatus === "finalized")) break;
    if (Date.now() - started > 5_000 && (await connection.getBlockHeight("confirmed")) > lastValidBlockHeight) {
      throw new TxFailure("expired", "The transaction expired before it was confirmed: try again.", { signature });
    }
    await sleep(250);
  }
  const { logs, slot } = await fetchLogs(connection, signature);
  return { signature, logs, slot };
}

/**
 * Sends one transaction per group of instructions (or a transaction others signed first, with
 * its own blockhash: a served payment): all signed in one wallet approval when the wallet can
 * sign several, then sent and confirmed in order. Throws a TxFailure (carrying the
 * signature when there is one, and `sent`: the ones that went through).
 */
export async function sendTransactions(
  connection: Connection,
  signer: TxSigner,
  groups: (TransactionInstruction[] | Transaction)[],
  options: { rpcUrl: string; onStage?: (stage: Stage, signatures: string[]) => void },
): Promise<SentTx[]> {
  const { rpcUrl, onStage } = options;
  let blockhash: { blockhash: string; lastValidBlockHeight: number };
  try {
    blockhash = await connection.getLatestBlockhash("confirmed");
  } catch (err) {
    throw classifyError(err, { rpcUrl });
  }
  const unsigned = groups.map((g) => (g instanceof Transaction ? g : buildTransaction(g, signer.publicKey, blockhash.blockhash)));
  onStage?.("signing", []);
  let signed: Transaction[];
  try {
    signed =
      unsigned.length > 1 && signer.signAllTransactions
        ? await signer.signAllTransactions(unsigned)
        : await (async () => {
            const out: Transaction[] = [];
            for (const tx of unsigned) out.push(await signer.signTransaction(tx));
            return out;
          })();
  } catch (err) {
    throw classifyError(err, { rpcUrl });
  }
  const signatures = signed.map((tx) => signatureOf(tx) ?? "");
  const sent: SentTx[] = [];
  for (const [i, tx] of signed.entries()) {
    const signature = signatures[i];
    let reachedChain = false;
    try {
      onStage?.("sending", signatures.slice(0, i + 1));
      await connection.sendRawTransaction(tx.serialize(), { preflightCommitment: "confirmed" });
      reachedChain = true;
      onStage?.("confirming", signatures.slice(0, i + 1));
      sent.push(await confirm(connection, signature, blockhash.lastValidBlockHeight, rpcUrl));
    } catch (err) {
      const failure = classifyError(err, { rpcUrl, signature });
      failure.sent = sent;
      // A preflight (simulation) failure means the transaction never reached the chain.
      failure.reachedChain = reachedChain;
      throw failure;
    }
  }
  return sent;
}
