/**
 * Every failure a user can meet, as one clear sentence: program errors by their IDL message
 * (decodeProgramError), a rejected signature, not enough SOL or OPEN, an unreachable RPC.
 */
import { type DecodedProgramError, TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID, decodeProgramError } from "@attribution-suite/client";

export type FailureKind =
  | "rejected" // the user declined in the wallet
  | "wallet" // the wallet failed otherwise (not connected, locked, ...)
  | "program" // a suite program refused: decoded from the logs
  | "insufficient-sol" // not enough SOL for the fee or rent
  | "insufficient-open" // not enough OPEN for a transfer
  | "rpc" // the RPC could not be reached
  | "expired" // the blockhash expired before confirmation
  | "other";

export class TxFailure extends Error {
  /** For a batch: the transactions confirmed before this one failed. */
  sent: { signature: string }[] = [];
  /** False when the transaction was refused before reaching the chain (preflight simulation). */
  reachedChain = false;
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly extra: { signature?: string; decoded?: DecodedProgramError; logs?: string[]; cause?: unknown } = {},
  ) {
    super(message);
    this.name = "TxFailure";
  }
  get signature() {
    return this.extra.signature;
  }
  get decoded() {
    return this.extra.decoded;
  }
}

const TOKEN_PROGRAMS = [TOKEN_PROGRAM_ID.toBase58(), TOKEN_2022_PROGRAM_ID.toBase58()];

function textOf(err: unknown): string {
  if (err == null) return "";
  if (typeof err === "string") return err;
  const e = err as { message?: unknown; error?: unknown; cause?: unknown };
  const parts = [typeof e.message === "string" ? e.message : ""];
  if (e.error && e.error !== err) parts.push(textOf(e.error));
  if (e.cause && e.cause !== err) parts.push(textOf(e.cause));
  return parts.filter(Boolean).join(" | ");
}

function logsOf(err: unknown): string[] | undefined {
  const e = err as { logs?: unknown; transactionLogs?: unknown; transactionError?: { logs?: unknown } } | null;
  if (!e || typeof e !== "object") return undefined;
  for (const candidate of [e.logs, e.transactionLogs, e.transactionError?.logs]) {
    if (Array.isArray(candidate)) return candidate as string[];
  }
  return undefined;
}

/** The failure `err` stands for, with a message for people. */
export function classifyError(err: unknown, context: { rpcUrl?: string; signature?: string; logs?: string[] } = {}): TxFailure {
  if (err instanceof TxFailure) return err;
  const name = (err as { name?: string } | null)?.name ?? "";
  const text = textOf(err);
  const logs = context.logs ?? logsOf(err);
  const signature = context.signature;

  if (name.startsWith("Wallet")) {
    const inner = (err as { error?: { code?: number } }).error;
    if (inner?.code === 4001 || /reject|denied|declin|cancel/i.test(text)) {
      return new TxFailure("rejected", "You rejected the request in your wallet: nothing was sent.", { cause: err });
    }
    if (name === "WalletNotConnectedError") return new TxFailure("wallet", "Connect a wallet first.", { cause: err });
    return new TxFailure("wallet", `The wallet failed: ${text || name}`, { cause: err });
  }

  const decoded = decodeProgramError(logs ?? err);
  if (decoded) {
    if (TOKEN_PROGRAMS.includes(decoded.programId) && decoded.code === 1) {
      return new TxFailure("insufficient-open", "Insufficient OPEN balance for this transfer.", { signature, decoded, logs, cause: err });
    }
    if (decoded.program) {
      return new TxFailure("program", `${decoded.message} (${decoded.program}: ${decoded.name}, error ${decoded.code})`, {
        signature,
        decoded,
        logs,
        cause: err,
      });
    }
  }
  const all = `${text}\n${(logs ?? []).join("\n")}`;
  if (/insufficient lamports|no record of a prior credit|InsufficientFundsForFee|insufficient funds for (fee|rent)|InsufficientFundsForRent/i.test(all)) {
    return new TxFailure("insufficient-sol", "Insufficient SOL: the wallet cannot pay the transaction fee or the new accounts' rent.", {
      signature,
      logs,
      cause: err,
    });
  }
  if (/insufficient funds/i.test(all)) {
    return new TxFailure("insufficient-open", "Insufficient OPEN balance for this transfer.", { signature, logs, cause: err });
  }
  if (/failed to fetch|networkerror|fetch failed|ECONNREFUSED|load failed|network request failed/i.test(all)) {
    return new TxFailure("rpc", `The RPC at ${context.rpcUrl ?? "the configured URL"} is unreachable.`, { signature, cause: err });
  }
  if (/block height exceeded|blockhash not found|has expired/i.test(all)) {
    return new TxFailure("expired", "The transaction expired before it was confirmed: try again.", { signature, cause: err });
  }
  if (decoded) {
    return new TxFailure("program", `${decoded.message} (${decoded.name})`, { signature, decoded, logs, cause: err });
  }
  return new TxFailure("other", text || String(err), { signature, logs, cause: err });
}
