/**
 * Program errors, decoded to their names and messages from the IDLs' `errors` (codes 6000+), or
 * from Anchor's own error table (codes below 6000: constraint failures, missing accounts...).
 */
import { LangErrorCode, LangErrorMessage } from "@anchor-lang/core";
import { PublicKey } from "@solana/web3.js";
import { PROGRAMS, type ProgramName, programById } from "./idl";

export interface DecodedProgramError {
  /** The suite program that failed, or null for another program. */
  program: ProgramName | null;
  programId: string;
  code: number;
  /** The Rust variant, e.g. `FeeAboveMax`, or Anchor's, e.g. `ConstraintSeeds`. */
  name: string;
  message: string;
  /** True for Anchor framework errors (codes below 6000). */
  anchor: boolean;
}

const FAILED_RE = /^Program (\w+) failed: custom program error: 0x([0-9a-fA-F]+)$/;
const ANCHOR_LOG_RE = /Error Code: (\w+)\. Error Number: (\d+)\. Error Message: (.*)\.$/;

const anchorNames: Map<number, string> = new Map(
  Object.entries(LangErrorCode).map(([name, code]) => [code as number, name]),
);

/** The named error `code` of `programId`, from its IDL or Anchor's table. */
export function errorFromCode(programId: PublicKey | string, code: number): DecodedProgramError | null {
  const program = programById(programId);
  const entry = program?.errors.find((e) => e.code === code);
  if (entry) {
    return {
      program: program!.name,
      programId: programId.toString(),
      code,
      name: entry.name,
      message: entry.msg ?? entry.name,
      anchor: false,
    };
  }
  const anchorName = anchorNames.get(code);
  if (anchorName) {
    return {
      program: program?.name ?? null,
      programId: programId.toString(),
      code,
      name: anchorName,
      message: LangErrorMessage.get(code) ?? anchorName,
      anchor: true,
    };
  }
  return null;
}

/**
 * The program error a failed transaction's logs report: the innermost
 * `Program <id> failed: custom program error: 0x..` line, named by that program's IDL (or Anchor's
 * table), falling back on Anchor's `Error Code: <name>` log line for programs outside the suite.
 */
export function errorFromLogs(logs: readonly string[]): DecodedProgramError | null {
  for (const line of logs) {
    const m = FAILED_RE.exec(line);
    if (!m) continue;
    const code = parseInt(m[2], 16);
    const decoded = errorFromCode(m[1], code);
    if (decoded) return decoded;
    const logged = logs.map((l) => ANCHOR_LOG_RE.exec(l)).find((x) => x && Number(x[2]) === code);
    return {
      program: null,
      programId: m[1],
      code,
      name: logged ? logged[1] : `Custom(${code})`,
      message: logged ? logged[3] : `custom program error ${code}`,
      anchor: false,
    };
  }
  return null;
}

/**
 * Decodes whatever a failed send gives: transaction logs, `{ logs }` (web3.js
 * `SendTransactionError`, simulation results), `{ programId, code }`, or Anchor's `AnchorError` /
 * `ProgramError`. Null when it carries no program error.
 */
export function decodeProgramError(source: unknown): DecodedProgramError | null {
  if (source == null) return null;
  if (Array.isArray(source)) return errorFromLogs(source as string[]);
  if (typeof source !== "object") return null;
  const s = source as Record<string, unknown>;
  if (typeof s.code === "number" && s.programId != null) {
    return errorFromCode(s.programId as PublicKey | string, s.code);
  }
  const anchorError = s.error as { errorCode?: { number?: number } } | undefined;
  if (anchorError?.errorCode?.number !== undefined && s.program instanceof PublicKey) {
    return errorFromCode(s.program, anchorError.errorCode.number);
  }
  for (const key of ["logs", "transactionLogs", "errorLogs"]) {
    const logs = s[key];
    if (Array.isArray(logs)) {
      const decoded = errorFromLogs(logs as string[]);
      if (decoded) return decoded;
    }
  }
  return null;
}

/** The code of the error `name` in `program`'s IDL (e.g. `errorCode("attribution_payout", "FeeAboveMax")`). */
export function errorCode(program: ProgramName, name: string): number {
  const entry = PROGRAMS[program].errors.find((e) => e.name === name);
  if (!entry) throw new Error(`${program} has no error named ${name}`);
  return entry.code;
}
