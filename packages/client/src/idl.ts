/** The suite's IDLs (generated from `idls/*.json`) and their coders, by program name. */
import { BorshCoder, type Idl, convertIdlToCamelCase } from "@anchor-lang/core";
import { PublicKey } from "@solana/web3.js";
import { type AttributionPayout, attributionPayoutIdl, attributionPayoutIdlJson } from "./generated/attribution_payout";
import { type DatanetRegistry, datanetRegistryIdl, datanetRegistryIdlJson } from "./generated/datanet_registry";
import { type ModelRegistry, modelRegistryIdl, modelRegistryIdlJson } from "./generated/model_registry";

export type { AttributionPayout, DatanetRegistry, ModelRegistry };

/**
 * The attribution_payout IDL type the client's `Program` uses: the generated one as is. (It used
 * to add the `position` account, which anchor-cli did not list while no instruction took a
 * `Position` typed; `position_sync` does, so the IDL lists it again.) Kept as a name for the
 * code that types with it.
 */
export type SuiteAttributionPayout = AttributionPayout;

/**
 * The datanet_registry IDL type the client's `Program` uses: the generated one, plus the
 * `datanetVersion` account (its layout from attribution_payout's IDL; see `SUITE_IDLS`).
 */
export type SuiteDatanetRegistry = Omit<DatanetRegistry, "accounts" | "types"> & {
  accounts: [...DatanetRegistry["accounts"], { name: "datanetVersion"; discriminator: [81, 19, 163, 200, 14, 16, 54, 212] }];
  types: [...DatanetRegistry["types"], Extract<AttributionPayout["types"][number], { name: "datanetVersion" }>];
};
export { attributionPayoutIdl, datanetRegistryIdl, modelRegistryIdl };

export const PROGRAM_NAMES = ["datanet_registry", "model_registry", "attribution_payout"] as const;
export type ProgramName = (typeof PROGRAM_NAMES)[number];

/** Each program's IDL as committed (snake_case names, PascalCase error names). */
export const RAW_IDLS = {
  datanet_registry: datanetRegistryIdlJson,
  model_registry: modelRegistryIdlJson,
  attribution_payout: attributionPayoutIdlJson,
} as const;

interface RawTypeDef {
  name: string;
  docs?: readonly string[];
  type: { kind: string; fields?: readonly { name: string; type: unknown }[] };
}
interface RawIdlShape {
  accounts?: readonly { name: string; discriminator: readonly number[] }[];
  types?: readonly RawTypeDef[];
}

/**
 * Accounts a program owns that its IDL may not list: anchor-cli lists an account only where an
 * instruction takes it as a typed `Account<T>`, and `DatanetVersion` (created by hand in
 * `datanet_version_publish`, read by the other programs) is taken so by none of
 * datanet_registry's instructions. Its discriminator is Anchor's (`sha256("account:<Name>")[..8]`,
 * checked by the tests); its layout comes from the suite IDL that has the type
 * (attribution_payout's). (`Position` was here too until `position_sync` took it typed.)
 */
const OWNED_ACCOUNTS: Record<ProgramName, { name: string; discriminator: number[] }[]> = {
  datanet_registry: [{ name: "DatanetVersion", discriminator: [81, 19, 163, 200, 14, 16, 54, 212] }],
  model_registry: [],
  attribution_payout: [],
};

function typeDefAnywhere(name: string): RawTypeDef | undefined {
  for (const idl of Object.values(RAW_IDLS) as RawIdlShape[]) {
    const found = idl.types?.find((t) => t.name === name);
    if (found) return found;
  }
  return undefined;
}

function withOwnedAccounts(program: ProgramName): Idl {
  const raw = RAW_IDLS[program] as unknown as RawIdlShape;
  let accounts = [...(raw.accounts ?? [])];
  let types: RawTypeDef[] = [...(raw.types ?? [])];
  for (const account of OWNED_ACCOUNTS[program]) {
    if (!accounts.some((a) => a.name === account.name)) accounts = [...accounts, account];
    if (!types.some((t) => t.name === account.name)) {
      const def = typeDefAnywhere(account.name);
      if (!def) throw new Error(`no layout for ${program}'s ${account.name} in the suite's IDLs`);
      types = [...types, def];
    }
  }
  return { ...raw, accounts, types } as unknown as Idl;
}

/**
 * The IDLs the client codes with: `RAW_IDLS`, plus the program-owned accounts an IDL does not
 * list (`DatanetVersion`: see `OWNED_ACCOUNTS`), so that they decode and their layouts are known.
 * Identical to `RAW_IDLS` when the IDLs list them.
 */
export const SUITE_IDLS: Readonly<Record<ProgramName, Idl>> = {
  datanet_registry: withOwnedAccounts("datanet_registry"),
  model_registry: withOwnedAccounts("model_registry"),
  attribution_payout: withOwnedAccounts("attribution_payout"),
};

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
  const raw = SUITE_IDLS[name];
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
