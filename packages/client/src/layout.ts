/**
 * Byte offsets inside the programs' accounts, computed from the IDLs' borsh layouts (not written
 * by hand), for `getProgramAccounts` filters: e.g. every Position of one beneficiary, every
 * Contribution of one contributor.
 */
import { SUITE_IDLS, type ProgramName } from "./idl";

/** Anchor's account discriminator: the first 8 bytes of every account's data. */
export const DISCRIMINATOR_SIZE = 8;

type IdlTypeLike = string | { array?: [IdlTypeLike, number]; defined?: { name: string }; option?: unknown; vec?: unknown };

const PRIMITIVE_SIZES: Record<string, number> = {
  bool: 1,
  u8: 1,
  i8: 1,
  u16: 2,
  i16: 2,
  u32: 4,
  i32: 4,
  f32: 4,
  u64: 8,
  i64: 8,
  f64: 8,
  u128: 16,
  i128: 16,
  pubkey: 32,
};

interface RawTypeDef {
  name: string;
  type: { kind: string; fields?: { name: string; type: IdlTypeLike }[]; variants?: unknown[] };
}

function typeDefs(program: ProgramName): RawTypeDef[] {
  return (SUITE_IDLS[program] as unknown as { types: RawTypeDef[] }).types;
}

/** The borsh size of a fixed-size IDL type; throws for a variable-size one (string, vec, option, enum with fields). */
function fixedSize(program: ProgramName, type: IdlTypeLike): number {
  if (typeof type === "string") {
    const size = PRIMITIVE_SIZES[type];
    if (size === undefined) throw new Error(`${type} has no fixed size`);
    return size;
  }
  if (type.array) return fixedSize(program, type.array[0]) * type.array[1];
  if (type.defined) {
    const def = typeDefs(program).find((t) => t.name === type.defined!.name);
    // A fieldless enum (e.g. `ContributionStatus`) is borsh-encoded as its variant index, one byte.
    if (def?.type.kind === "enum" && (def.type.variants as { fields?: unknown[] }[]).every((v) => !v.fields?.length)) return 1;
    if (!def || def.type.kind !== "struct") throw new Error(`${type.defined.name} has no fixed size`);
    return def.type.fields!.reduce((sum, f) => sum + fixedSize(program, f.type), 0);
  }
  throw new Error(`${JSON.stringify(type)} has no fixed size`);
}

/**
 * The byte offset of `field` (snake_case, as in the IDL) in the data of `program`'s account
 * `accountType` (PascalCase), the 8-byte discriminator included. Every field before it must have
 * a fixed size.
 */
export function fieldOffset(program: ProgramName, accountType: string, field: string): number {
  const def = typeDefs(program).find((t) => t.name === accountType);
  if (!def || def.type.kind !== "struct") throw new Error(`${program} has no account struct ${accountType}`);
  let offset = DISCRIMINATOR_SIZE;
  for (const f of def.type.fields!) {
    if (f.name === field) return offset;
    offset += fixedSize(program, f.type);
  }
  throw new Error(`${accountType} has no field ${field}`);
}

/** The 8-byte discriminator of `program`'s account `accountType`, from the IDL. */
export function accountDiscriminator(program: ProgramName, accountType: string): Uint8Array {
  const accounts = (SUITE_IDLS[program] as unknown as { accounts: { name: string; discriminator: number[] }[] }).accounts;
  const account = accounts.find((a) => a.name === accountType);
  if (!account) throw new Error(`${program} has no account ${accountType}`);
  return Uint8Array.from(account.discriminator);
}

/** Where `Position.beneficiary` sits in a Position's data (discriminator included): the memcmp offset of `positionsOf`. */
export const POSITION_BENEFICIARY_OFFSET = fieldOffset("attribution_payout", "Position", "beneficiary");
/** Where `Position.pool` sits in a Position's data. */
export const POSITION_POOL_OFFSET = fieldOffset("attribution_payout", "Position", "pool");
/** The Position account's discriminator (the first memcmp of `positionsOf`). */
export const POSITION_DISCRIMINATOR = accountDiscriminator("attribution_payout", "Position");
/** Where `Position.contribution` sits in a Position's data: the memcmp offset of a contribution's positions. */
export const POSITION_CONTRIBUTION_OFFSET = fieldOffset("attribution_payout", "Position", "contribution");

/**
 * Where `Contribution.contributor` sits in a Contribution's data (discriminator included): the
 * memcmp offset of a wallet's contributions (those it submitted or was handed), which is how
 * `positionsOf` finds the positions a handover left naming a previous contributor.
 */
export const CONTRIBUTION_CONTRIBUTOR_OFFSET = fieldOffset("datanet_registry", "Contribution", "contributor");
/**
 * Where `Contribution.pending_contributor` (an `Option<Pubkey>`: tag byte 1, then the key) sits
 * in a Contribution's data: the memcmp offset of the handovers proposed to a wallet
 * (`handoversProposedTo`).
 */
export const CONTRIBUTION_PENDING_CONTRIBUTOR_OFFSET = fieldOffset("datanet_registry", "Contribution", "pending_contributor");
/** The Contribution account's discriminator. */
export const CONTRIBUTION_DISCRIMINATOR = accountDiscriminator("datanet_registry", "Contribution");

/** Where `Operator.authority` (its current wallet) sits in an Operator's data: the memcmp offset of `operatorsOf`. */
export const OPERATOR_AUTHORITY_OFFSET = fieldOffset("model_registry", "Operator", "authority");
/** The Operator account's discriminator. */
export const OPERATOR_DISCRIMINATOR = accountDiscriminator("model_registry", "Operator");
/** Where `Stake.authority` sits in a Stake's data: the memcmp offset of `stakesOf`. */
export const STAKE_AUTHORITY_OFFSET = fieldOffset("attribution_payout", "Stake", "authority");
/** The Stake account's discriminator. */
export const STAKE_DISCRIMINATOR = accountDiscriminator("attribution_payout", "Stake");
export const ACTION_DISCRIMINATOR = accountDiscriminator("attribution_payout", "Action");

/**
 * Where `Earnings.pending_beneficiary` (an `Option<Pubkey>`: tag byte 1, then the key) sits in an
 * Earnings account's data: the memcmp offset of the earnings handovers proposed to a wallet
 * (`earningsProposedTo`).
 */
export const EARNINGS_PENDING_BENEFICIARY_OFFSET = fieldOffset("attribution_payout", "Earnings", "pending_beneficiary");
/** The Earnings account's discriminator. */
export const EARNINGS_DISCRIMINATOR = accountDiscriminator("attribution_payout", "Earnings");
