/** The suite's IDLs (generated from `idls/*.json`) and their coders, by program name. */
import { BorshCoder, type Idl, convertIdlToCamelCase } from "@anchor-lang/core";
import { PublicKey } from "@solana/web3.js";
import { type AttributionPayout, attributionPayoutIdl, attributionPayoutIdlJson } from "./generated/attribution_payout";
import { type DatanetRegistry, datanetRegistryIdl, datanetRegistryIdlJson } from "./generated/datanet_registry";
import { type ModelRegistry, modelRegistryIdl, modelRegistryIdlJson } from "./generated/model_registry";

export type { AttributionPayout, DatanetRegistry, ModelRegistry };
export { attributionPayoutIdl, datanetRegistryIdl, modelRegistryIdl };

export const PROGRAM_NAMES = ["datanet_registry", "model_registry", "attribution_payout"] as const;
export type ProgramName = (typeof PROGRAM_NAMES)[number];

/** Each program's IDL as committed (snake_case names, PascalCase error names). */
export const RAW_IDLS = {
  datanet_registry: datanetRegistryIdlJson,
  model_registry: modelRegistryIdlJson,
  attribution_payout: attributionPayoutIdlJson,
} as const;

export interface IdlErrorEntry {
  code: number;
  name: string;
  msg?: string;
}

export interface ProgramInfo {
  name: ProgramName;
  programId: PublicKey;
  /** Borsh coder over the camelCase IDL: the names `Program` uses for accounts and events. */
  coder: BorshCoder;
  errors: readonly IdlErrorEntry[];
}

function info(name: ProgramName): ProgramInfo {
  const raw = RAW_IDLS[name] as unknown as Idl;
  return {
    name,
    programId: new PublicKey(raw.address),
    coder: new BorshCoder(convertIdlToCamelCase(raw)),
    errors: (raw.errors ?? []) as IdlErrorEntry[],
  };
}

export const PROGRAMS: Readonly<Record<ProgramName, ProgramInfo>> = {
  datanet_registry: info("datanet_registry"),
  model_registry: info("model_registry"),
  attribution_payout: info("attribution_payout"),
};

/** The suite program with this id, if it is one. */
export function programById(programId: PublicKey | string): ProgramInfo | undefined {
  const key = programId.toString();
  return Object.values(PROGRAMS).find((p) => p.programId.toBase58() === key);
}
