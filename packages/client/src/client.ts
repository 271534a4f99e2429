/**
 * One call per instruction of the three programs. Each returns the instructions to sign and send
 * (and the addresses it derived): the caller decides who signs — a browser wallet, a Node keypair,
 * the tests — and how it is sent. Instructions are built by Anchor's `Program` from the IDLs, with
 * every account given explicitly (`accountsStrict`), so that building never reads the chain.
 *
 * Calls that need on-chain state the caller may not have (the OPEN mint and treasury from the
 * config, a model's lineage and owner, an operator's authority and stake, a contribution's
 * contributor, a datanet's versions, an epoch's datanet version) read it through the client's
 * `AccountReader` when it is not passed in; `positionsOf` lists a wallet's positions (and
 * `contributionsOf`, `handoversProposedTo` its contributions, `operatorsOf`, `stakesOf` its
 * operators and stakes, `earningsProposedTo` the earnings accounts handed to it) through its
 * `ProgramAccountsReader`.
 */
import { BN, type IdlAccounts, type IdlTypes, Program, type Provider, utils } from "@anchor-lang/core";
import {
  type AccountMeta,
  type Connection,
  Ed25519Program,
  type GetProgramAccountsFilter,
  PublicKey,
  SYSVAR_CLOCK_PUBKEY,
  SYSVAR_INSTRUCTIONS_PUBKEY,
  SystemProgram,
  Transaction,
  type TransactionInstruction,
} from "@solana/web3.js";
import { type BondPolicyInput, NO_BOND } from "./bonds";
import { type Voucher, voucherMessage } from "./channels";
import { stakeCloseBlocker } from "./close";
import { ATTRIBUTION_PAYOUT_PROGRAM_ID, EarningsRole } from "./constants";
import { type AttributionPayout, type DatanetRegistry, type ModelRegistry, SUITE_IDLS, type SuiteDatanetRegistry } from "./idl";
import {
  ACTION_DISCRIMINATOR,
  CONTRIBUTION_CONTRIBUTOR_OFFSET,
  CONTRIBUTION_DISCRIMINATOR,
  CONTRIBUTION_PENDING_CONTRIBUTOR_OFFSET,
  EARNINGS_DISCRIMINATOR,
  EARNINGS_PENDING_BENEFICIARY_OFFSET,
  OPERATOR_AUTHORITY_OFFSET,
  OPERATOR_DISCRIMINATOR,
  POSITION_BENEFICIARY_OFFSET,
  POSITION_CONTRIBUTION_OFFSET,
  POSITION_DISCRIMINATOR,
  STAKE_AUTHORITY_OFFSET,
  STAKE_DISCRIMINATOR,
} from "./layout";
import { accrue } from "./math";
import { EMPTY_OUTPUT_HASH } from "./merkle";
import { MAX_TRANSACTION_SIZE, transactionSize } from "./pack";
import {
  type Integer,
  actionPda,
  attestationPda,
  attestorApprovalPda,
  bondVaultPda,
  channelPda,
  configPda,
  contributionPda,
  datanetPda,
  datanetVersionPda,
  earningsPda,
  epochPda,
  escrowPda,
  modelPda,
  operatorPda,
  poolPda,
  positionPda,
  programDataPda,
  receiptPda,
  stakePda,
  stakeVaultPda,
  vaultPda,
} from "./pdas";
import {
  TOKEN_PROGRAM_ID,
  associatedTokenAddress,
  createAssociatedTokenAccountIdempotentInstruction,
  decodeTokenAccount,
} from "./token";

export type ConfigAccount = IdlAccounts<AttributionPayout>["config"];
export type PoolAccount = IdlAccounts<AttributionPayout>["pool"];
/** A contribution's position in one version's pool. */
export type PositionAccount = IdlAccounts<AttributionPayout>["position"];
export type EarningsAccount = IdlAccounts<AttributionPayout>["earnings"];
export type EscrowAccount = IdlAccounts<AttributionPayout>["escrow"];
export type StakeAccount = IdlAccounts<AttributionPayout>["stake"];
/**
 * A model's Proof of Attribution epoch: its records hash, and once posted its root, `acceptedEnd`
 * (the cited version's bound, copied from its pool: a leaf pays only a contribution accepted
 * below it) and `inputsHash` (sha256 of the published attestation).
 */
export type EpochAccount = IdlAccounts<AttributionPayout>["epoch"];
export type ChannelAccount = IdlAccounts<AttributionPayout>["channel"];
/** A queued admin action (`action_queue`): what it does and from when anyone may execute it. */
export type ActionAccount = IdlAccounts<AttributionPayout>["action"];
/** The config's roles. */
export type RoleName = "admin" | "guardian" | "resolver";
/** A parameter change: only the fields given change. */
export interface ConfigChangeInput {
  treasury?: PublicKey | null;
  protocolFeeBps?: number | null;
  minOperatorStake?: Integer | null;
  unstakeCooldownSecs?: Integer | null;
  /** Applies to epochs opened from then on (the epoch length cannot change). */
  epochTiming?: EpochTimingInput | null;
  /** Applies to roots posted and challenges opened from then on. */
  challenge?: ChallengeParamsInput | null;
  /** The delay of actions queued from then on (this change itself waits the current one). */
  timelockDelaySecs?: Integer | null;
}
/** What an admin action does: a parameter change, a role handed on, or a slash. */
export type GovernanceActionInput =
  | { update: ConfigChangeInput }
  | { setRole: { role: RoleName; key: PublicKey } }
  | { slash: { stake: PublicKey; amount: Integer; reason: number } };
/** A contribution's paid leaf of an epoch (`receiptPda(epoch, contribution)`); the `AttributionClaimed` event names the wallet paid. */
export type ReceiptAccount = IdlAccounts<AttributionPayout>["receipt"];
/**
 * The attestor's stake in an epoch's root (`attestationPda(epoch)`, created by the root post,
 * closed by `attestationClose`): `bond`, what the attestor gets back (its own bond, plus a
 * dismissed challenger's; 0 after an upheld challenge), and the pending (or last dismissed)
 * challenge: `challenger`, `challengerBond` (0 when none is pending), `challengeRewardBps` (its
 * reward if upheld, in bps of `bond`), `disputed` (a leaf, or a contribution's address) and
 * `resolveBy` (the resolver's deadline).
 */
export type AttestationAccount = IdlAccounts<AttributionPayout>["attestation"];
/** `Config.challenge`: what posting and challenging a root costs, and what an upheld challenge earns. */
export type ChallengeParams = IdlTypes<AttributionPayout>["challengeParams"];
export type DatanetAccount = IdlAccounts<DatanetRegistry>["datanet"];
/** The curator's approval of an attestor for its datanet (`attestorApprovalPda(datanet, attestor)`). */
export type AttestorApprovalAccount = IdlAccounts<DatanetRegistry>["attestorApproval"];
export type ContributionAccount = IdlAccounts<DatanetRegistry>["contribution"];
/** A published datanet version (see `SUITE_IDLS` for where its layout comes from). */
export type DatanetVersionAccount = IdlAccounts<SuiteDatanetRegistry>["datanetVersion"];
export type ModelAccount = IdlAccounts<ModelRegistry>["model"];
export type OperatorAccount = IdlAccounts<ModelRegistry>["operator"];

export type DatanetPolicy = IdlTypes<DatanetRegistry>["datanetPolicy"];
export type BondPolicy = IdlTypes<DatanetRegistry>["bondPolicy"];
export type ModelKindName = "base" | "fineTune" | "adapter" | "agent";
/**
 * Proof of Attribution timing, in seconds (bounds: `EPOCH_TIMING_BOUNDS`): epochs are
 * `epochLengthSecs` long, aligned on the Unix epoch; the attestor posts a root within
 * `rootDeadlineSecs` after an epoch ends; claims open `challengeWindowSecs` after the root and
 * stay open `claimWindowSecs`.
 */
export interface EpochTimingInput {
  epochLengthSecs: Integer;
  rootDeadlineSecs: Integer;
  challengeWindowSecs: Integer;
  claimWindowSecs: Integer;
}

/**
 * The challenge parameters `configUpdate` sets (bounds: `CHALLENGE_PARAMS_BOUNDS`): the
 * attestor's bond in bps of what its root allocates (at least 1,000), the challenger's bond in
 * OPEN base units (above zero), the challenger's reward in bps of the attestor's bond when
 * upheld (at most 10,000), and how long the resolver has to decide, in seconds.
 */
export interface ChallengeParamsInput {
  attestorBondBps: number;
  challengeBond: Integer;
  challengeRewardBps: number;
  resolveWindowSecs: Integer;
}

/** How `epochChallengeEnd` ends a challenge: the resolver upholds or dismisses it; anyone ends it as expired after its deadline. */
export type ChallengeOutcomeName = "upheld" | "dismissed" | "expired";

/** An account as the client needs it: its data and owner. */
export interface AccountInfoLike {
  data: Uint8Array;
  owner: PublicKey;
}

/** Anything with a Connection-like `getAccountInfo`. */
export interface AccountSource {
  getAccountInfo(address: PublicKey): Promise<AccountInfoLike | null>;
}

/** Reads one account (null when it does not exist): a Connection, LiteSVM, a cache... */
export type AccountReader = (address: PublicKey) => Promise<AccountInfoLike | null>;

/**
 * Lists the accounts of `program` that pass every filter (`memcmp` on base58 bytes, `dataSize`):
 * what `Connection.getProgramAccounts` does.
 */
export type ProgramAccountsReader = (
  program: PublicKey,
  filters: GetProgramAccountsFilter[],
) => Promise<{ pubkey: PublicKey; account: AccountInfoLike }[]>;

/** An `AccountReader` over an RPC connection (or anything with its `getAccountInfo`). */
export function connectionReader(connection: Pick<Connection, "getAccountInfo"> | AccountSource): AccountReader {
  return async (address) => {
    const info = await connection.getAccountInfo(address);
    return info ? { data: info.data, owner: info.owner } : null;
  };
}

/** A `ProgramAccountsReader` over an RPC connection (`getProgramAccounts`). */
export function connectionProgramAccounts(connection: Pick<Connection, "getProgramAccounts">): ProgramAccountsReader {
  return async (program, filters) => {
    const found = await connection.getProgramAccounts(program, { filters });
    return found.map(({ pubkey, account }) => ({ pubkey, account: { data: account.data, owner: account.owner } }));
  };
}

/** The instructions of one call, and what it derived. */
export type Built<T = object> = T & { instructions: TransactionInstruction[] };

/** The OPEN token as the config adopted it. */
export interface OpenToken {
  mint: PublicKey;
  tokenProgram: PublicKey;
  decimals: number;
}

export interface LineageEntryInput {
  source: "datanet" | "model";
  /** The datanet or upstream model account. */
  target: PublicKey;
  /**
   * A datanet entry's cited `DatanetVersion` (the chain requires one: its contributions, and only
   * they, share the entry's part of every fee). `modelLineageSet` defaults a missing one
   * (`undefined` or `null`) to the datanet's latest published version; a datanet with none gets
   * none, and the program refuses the lineage (`VersionRequired`). Model entries cite none.
   */
  datanetVersion?: PublicKey | null;
  shareBps: number;
  /** Datanet entries only: the share is allocated by Proof of Attribution epochs. */
  proofAttributed?: boolean;
}

export type ReviewDecisionInput = { accept: { weight: Integer } } | { reject: { reason: number } };

const bn = (v: Integer | BN | { toString(): string }): BN => (BN.isBN(v) ? (v as BN) : new BN(v.toString()));
const bondArg = (b: BondPolicyInput): BondPolicy => ({ amount: bn(b.amount), spamWindowSecs: bn(b.spamWindowSecs) });
/** The optional bond accounts of an instruction when no bond moves. */
const NO_BOND_ACCOUNTS = { bondVault: null, mint: null, tokenProgram: null };

/** The accounts a bond moves through (`AttributionClient.bondAccounts`). */
interface BondMoves {
  accounts: { bondVault: PublicKey; mint: PublicKey; tokenProgram: PublicKey };
  /** The other side's OPEN token account. */
  tokenAccount: PublicKey;
  /** The token account's idempotent creation, when asked for. */
  pre: TransactionInstruction[];
}

/** The optional bond accounts of `contribution_submit` and `contribution_withdraw`: `moves`', or none. */
const contributorBondAccounts = (moves: BondMoves | null) =>
  moves ? { ...moves.accounts, contributorToken: moves.tokenAccount } : { ...NO_BOND_ACCOUNTS, contributorToken: null };
const timingArg = (t: EpochTimingInput) => ({
  epochLengthSecs: bn(t.epochLengthSecs),
  rootDeadlineSecs: bn(t.rootDeadlineSecs),
  challengeWindowSecs: bn(t.challengeWindowSecs),
  claimWindowSecs: bn(t.claimWindowSecs),
});
const challengeArg = (c: ChallengeParamsInput): ChallengeParams => ({
  attestorBondBps: c.attestorBondBps,
  challengeBond: bn(c.challengeBond),
  challengeRewardBps: c.challengeRewardBps,
  resolveWindowSecs: bn(c.resolveWindowSecs),
});
const governanceActionArg = (action: GovernanceActionInput) => {
  if ("update" in action) {
    const c = action.update;
    const change = {
      treasury: c.treasury ?? null,
      protocolFeeBps: c.protocolFeeBps ?? null,
      minOperatorStake: c.minOperatorStake == null ? null : bn(c.minOperatorStake),
      unstakeCooldownSecs: c.unstakeCooldownSecs == null ? null : bn(c.unstakeCooldownSecs),
      epochTiming: c.epochTiming == null ? null : timingArg(c.epochTiming),
      challenge: c.challenge == null ? null : challengeArg(c.challenge),
      timelockDelaySecs: c.timelockDelaySecs == null ? null : bn(c.timelockDelaySecs),
    };
    return { update: { change } };
  }
  if ("setRole" in action) return { setRole: { role: { [action.setRole.role]: {} }, key: action.setRole.key } };
  const { stake, amount, reason } = action.slash;
  return { slash: { stake, amount: bn(amount), reason } };
};
const outcomeArg = (outcome: ChallengeOutcomeName) => ({ [outcome]: {} }) as IdlTypes<AttributionPayout>["challengeOutcome"];
const bytes32 = (v: Uint8Array | number[], what: string): number[] => {
  if (v.length !== 32) throw new RangeError(`${what} must be 32 bytes, not ${v.length}`);
  return Array.from(v);
};
const readonlyMeta = (pubkey: PublicKey): AccountMeta => ({ pubkey, isSigner: false, isWritable: false });
const writableMeta = (pubkey: PublicKey): AccountMeta => ({ pubkey, isSigner: false, isWritable: true });
const kindArg = (kind: ModelKindName) => ({ [kind]: {} }) as IdlTypes<ModelRegistry>["modelKind"];
const roleArg = (role: EarningsRole) =>
  ({ [["treasury", "modelOwner", "operator"][role]]: {} }) as IdlTypes<AttributionPayout>["earningsRole"];

/** SHA-256 of `content` (WebCrypto: the same in browsers and Node). */
export async function sha256(content: Uint8Array | ArrayBuffer | Blob): Promise<Uint8Array> {
  const data: ArrayBuffer | Uint8Array =
    typeof Blob !== "undefined" && content instanceof Blob ? await content.arrayBuffer() : (content as ArrayBuffer);
  return new Uint8Array(await globalThis.crypto.subtle.digest("SHA-256", data));
}

/** A legacy transaction of `instructions`, unsigned: the caller's wallet signs it. */
export function buildTransaction(
  instructions: TransactionInstruction[],
  feePayer: PublicKey,
  recentBlockhash?: string,
): Transaction {
  const tx = new Transaction();
  tx.add(...instructions);
  tx.feePayer = feePayer;
  if (recentBlockhash) tx.recentBlockhash = recentBlockhash;
  return tx;
}

/**
 * The remaining accounts of `inference_pay` and `escrow_distribute` for `model`: per lineage
 * entry, in order, writable, the pool of the datanet version the entry cites
 * (`poolPda(entry.datanetVersion)`) or the upstream model's escrow. When paying
 * (`paying`: the model's address and the current epoch index), the proof-attributed datanet entry
 * takes the model's epoch instead of the pool; `escrow_distribute` passes no `paying` and keeps
 * the pool for every datanet entry.
 */
export function payoutLineageAccounts(
  model: Pick<ModelAccount, "lineage">,
  paying?: { model: PublicKey; epochIndex: Integer },
): AccountMeta[] {
  return model.lineage.map((e) => {
    if ("model" in e.source) return writableMeta(escrowPda(e.target));
    if (e.proofAttributed && paying) return writableMeta(epochPda(paying.model, paying.epochIndex));
    if (!e.datanetVersion) throw new Error(`the lineage entry of datanet ${e.target.toBase58()} cites no version`);
    return writableMeta(poolPda(e.datanetVersion));
  });
}

/** Whether `model` has a proof-attributed lineage entry (its payments go through epochs). */
export function hasProofAttributedEntry(model: Pick<ModelAccount, "lineage">): boolean {
  return model.lineage.some((e) => e.proofAttributed);
}

/** The index of the epoch `unixTimestamp` falls in: floor(timestamp / epoch length). */
export function epochIndexAt(unixTimestamp: Integer | BN, epochLengthSecs: Integer | BN): bigint {
  const now = BigInt(unixTimestamp.toString());
  const length = BigInt(epochLengthSecs.toString());
  if (now < 0n || length <= 0n) throw new RangeError(`no epoch index for time ${now} and epoch length ${length}`);
  return now / length;
}

/** The fields of the Clock sysvar (`SysvarC1ock…`), decoded from its account data. */
export interface ClockSysvar {
  slot: bigint;
  epochStartTimestamp: bigint;
  epoch: bigint;
  leaderScheduleEpoch: bigint;
  unixTimestamp: bigint;
}

/** Decodes the Clock sysvar's account data (five little-endian 64-bit fields). */
export function decodeClock(data: Uint8Array): ClockSysvar {
  if (data.length < 40) throw new RangeError(`the Clock sysvar is 40 bytes, not ${data.length}`);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return {
    slot: view.getBigUint64(0, true),
    epochStartTimestamp: view.getBigInt64(8, true),
    epoch: view.getBigUint64(16, true),
    leaderScheduleEpoch: view.getBigUint64(24, true),
    unixTimestamp: view.getBigInt64(32, true),
  };
}

/** A random 32-byte request id (WebCrypto). */
export function randomRequestId(): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(32));
}

/**
 * The remaining accounts of `model_lineage_set`: each entry's target, then the cited
 * `DatanetVersion` after a datanet entry (every datanet entry must cite one), all read-only.
 */
export function lineageSetAccounts(entries: readonly LineageEntryInput[]): AccountMeta[] {
  return entries.flatMap((e) => {
    const metas = [readonlyMeta(e.target)];
    if (e.source === "datanet" && e.datanetVersion) metas.push(readonlyMeta(e.datanetVersion));
    return metas;
  });
}

export interface AttributionClientOptions {
  /** Used to read accounts when no `reader` is given, and as the programs' provider connection. */
  connection?: Connection;
  /** How the client reads accounts (defaults to `connectionReader(connection)`). */
  reader?: AccountReader;
  /**
   * How the client lists accounts, for `positionsOf`, `contributionsOf`, `handoversProposedTo`,
   * `contributionPositions` (defaults to `connectionProgramAccounts(connection)`).
   */
  programAccounts?: ProgramAccountsReader;
}

/** One position of a wallet, as `positionsOf` lists it. */
export interface PositionInfo {
  position: PublicKey;
  pool: PublicKey;
  datanet: PublicKey;
  datanetVersion: PublicKey;
  contribution: PublicKey;
  /** The beneficiary the position names on chain now. */
  beneficiary: PublicKey;
  weight: bigint;
  totalClaimed: bigint;
  /** What it can claim now, in OPEN base units (the program's exact math). */
  claimable: bigint;
  /**
   * True when the wallet is the contribution's contributor (it was handed the contribution) but
   * the position still names a previous one (`beneficiary`): a `position_sync` must point it at
   * the wallet before the wallet can claim it (`claimAllInstructions` adds it; `positionSync`).
   */
  needsSync: boolean;
  account: PositionAccount;
  poolAccount: PoolAccount;
}

/** An account as listed by `contributionsOf` and the like: its address and decoded data. */
export interface AccountRow<T> {
  address: PublicKey;
  account: T;
}

/**
 * An operator as payments and handovers need it (`findOperator`). Its Operator and Stake
 * accounts sit at the PDAs of the key it was registered under, and keep them when it is handed
 * over (`operatorHandoverAccept`), while its `authority` (who signs for it, and whose Operator
 * earnings its share of every fee credits) becomes the new wallet.
 */
export interface OperatorInfo {
  /** The Operator account. */
  operator: PublicKey;
  account: OperatorAccount;
  /** Its current authority. */
  authority: PublicKey;
  /**
   * The key it was registered under (the seed of its PDA, and of its first stake's), when
   * known: its authority until it is handed over.
   */
  registeredUnder: PublicKey | null;
  /**
   * The stake `inference_pay` takes with it: one whose authority is the operator's (an operator
   * is payable only while its stake has the same authority, and at least the minimum active);
   * null when there is none.
   */
  stake: PublicKey | null;
  stakeAccount: StakeAccount | null;
}

/** A position to claim, named by the version whose pool it is in and its contribution. */
export interface PositionRef {
  datanetVersion: PublicKey;
  contribution: PublicKey;
}

/**
 * What a position can claim now against its pool, in OPEN base units: `payout_math::accrue`, as
 * the program computes it at `position_claim`.
 */
export function claimableOf(
  position: Pick<PositionAccount, "weight" | "rewardCheckpoint" | "fraction">,
  pool: Pick<PoolAccount, "rewardPerWeight">,
): bigint {
  return accrue(
    BigInt(position.weight.toString()),
    BigInt(position.rewardCheckpoint.toString()),
    BigInt(pool.rewardPerWeight.toString()),
    BigInt(position.fraction.toString()),
  ).amount;
}

/** `fn` over `items`, at most `limit` at a time, results in order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export class AttributionClient {
  readonly datanetProgram: Program<SuiteDatanetRegistry>;
  readonly modelProgram: Program<ModelRegistry>;
  readonly payoutProgram: Program<AttributionPayout>;
  private readonly reader?: AccountReader;
  private readonly programAccounts?: ProgramAccountsReader;
  private openCache?: OpenToken;

  constructor(options: AttributionClientOptions = {}) {
    // The programs only build instructions and decode here; a connection is needed for nothing
    // else, so none is required.
    const provider = { connection: options.connection } as unknown as Provider;
    // `SUITE_IDLS`: the committed IDLs, with the account they may not list (DatanetVersion) so
    // that the coders decode it.
    this.datanetProgram = new Program<SuiteDatanetRegistry>(SUITE_IDLS.datanet_registry as unknown as SuiteDatanetRegistry, provider);
    this.modelProgram = new Program<ModelRegistry>(SUITE_IDLS.model_registry as unknown as ModelRegistry, provider);
    this.payoutProgram = new Program<AttributionPayout>(SUITE_IDLS.attribution_payout as unknown as AttributionPayout, provider);
    this.reader = options.reader ?? (options.connection ? connectionReader(options.connection) : undefined);
    this.programAccounts =
      options.programAccounts ?? (options.connection ? connectionProgramAccounts(options.connection) : undefined);
  }

  // ---------------------------------------------------------------- datanet_registry

  /**
   * `datanet_create`: a datanet at `[b"datanet", creator, id]`; the creator becomes its curator.
   * `bond` (default `NO_BOND`): the OPEN every submission posts, and the spam window after
   * acceptance during which the curator may still flag a contribution.
   */
  async datanetCreate(a: {
    creator: PublicKey;
    id: Integer;
    name: string;
    uri: string;
    policy: DatanetPolicy;
    bond?: BondPolicyInput;
  }): Promise<Built<{ datanet: PublicKey }>> {
    const datanet = datanetPda(a.creator, a.id);
    const ix = await this.datanetProgram.methods
      .datanetCreate({ id: bn(a.id), name: a.name, uri: a.uri, policy: a.policy, bond: bondArg(a.bond ?? NO_BOND) })
      .accountsStrict({ datanet, creator: a.creator, systemProgram: SystemProgram.programId })
      .instruction();
    return { instructions: [ix], datanet };
  }

  /**
   * `datanet_update`: a new metadata URI, policy and/or bond policy (the policy and the bond
   * amount for contributions submitted from now on, the spam window for acceptances from now on).
   */
  async datanetUpdate(a: {
    datanet: PublicKey;
    authority: PublicKey;
    uri?: string | null;
    policy?: DatanetPolicy | null;
    bond?: BondPolicyInput | null;
  }): Promise<Built> {
    const ix = await this.datanetProgram.methods
      .datanetUpdate({ uri: a.uri ?? null, policy: a.policy ?? null, bond: a.bond ? bondArg(a.bond) : null })
      .accountsStrict({ datanet: a.datanet, authority: a.authority })
      .instruction();
    return { instructions: [ix] };
  }

  /** `datanet_authority_propose`: step one of a curator handover (null cancels a proposal). */
  async datanetAuthorityPropose(a: {
    datanet: PublicKey;
    authority: PublicKey;
    newAuthority: PublicKey | null;
  }): Promise<Built> {
    const ix = await this.datanetProgram.methods
      .datanetAuthorityPropose(a.newAuthority)
      .accountsStrict({ datanet: a.datanet, authority: a.authority })
      .instruction();
    return { instructions: [ix] };
  }

  /** `datanet_authority_accept`: step two, signed by the proposed curator. */
  async datanetAuthorityAccept(a: { datanet: PublicKey; newAuthority: PublicKey }): Promise<Built> {
    const ix = await this.datanetProgram.methods
      .datanetAuthorityAccept()
      .accountsStrict({ datanet: a.datanet, newAuthority: a.newAuthority })
      .instruction();
    return { instructions: [ix] };
  }

  /**
   * `datanet_attestor_approve` (the datanet's curator, `authority`, who pays the rent): allows
   * `attestor` to post Proof of Attribution roots for the datanet's share of the models that cite
   * it (`attribution_root_post` refuses any other: `AttestorNotApproved`). Once per attestor
   * (`AttestorAlreadyApproved`).
   */
  async datanetAttestorApprove(a: {
    datanet: PublicKey;
    authority: PublicKey;
    attestor: PublicKey;
  }): Promise<Built<{ approval: PublicKey }>> {
    const approval = attestorApprovalPda(a.datanet, a.attestor);
    const ix = await this.datanetProgram.methods
      .datanetAttestorApprove(a.attestor)
      .accountsStrict({ datanet: a.datanet, authority: a.authority, approval, systemProgram: SystemProgram.programId })
      .instruction();
    return { instructions: [ix], approval };
  }

  /**
   * `datanet_attestor_revoke` (the curator): withdraws `attestor`'s approval, its rent back to
   * whoever paid it (`rentPayer`, read from the approval when absent). Roots already posted stay.
   */
  async datanetAttestorRevoke(a: {
    datanet: PublicKey;
    authority: PublicKey;
    attestor: PublicKey;
    rentPayer?: PublicKey;
  }): Promise<Built<{ approval: PublicKey; rentPayer: PublicKey }>> {
    const approval = attestorApprovalPda(a.datanet, a.attestor);
    const rentPayer =
      a.rentPayer ?? (await this.fetchDecoded<AttestorApprovalAccount>(this.datanetProgram, "attestorApproval", approval)).rentPayer;
    const ix = await this.datanetProgram.methods
      .datanetAttestorRevoke()
      .accountsStrict({ datanet: a.datanet, authority: a.authority, approval, rentPayer })
      .instruction();
    return { instructions: [ix], approval, rentPayer };
  }

  /**
   * `contribution_submit` of content already hashed (SHA-256); see `submitFile`. When the
   * datanet requires a bond (`bond`, its `bond.amount`: read from the datanet when absent), the
   * bond accounts go with it and the bond is posted from `contributorToken` (default: the
   * contributor's OPEN ATA) into the bond vault; `bond` in the result is what it posts.
   */
  async contributionSubmit(a: {
    datanet: PublicKey;
    contributor: PublicKey;
    contentHash: Uint8Array | number[];
    uri: string;
    size: Integer;
    bond?: Integer | BN;
    contributorToken?: PublicKey;
    open?: OpenToken;
  }): Promise<Built<{ contribution: PublicKey; bond: bigint }>> {
    const contentHash = bytes32(a.contentHash, "contentHash");
    const contribution = contributionPda(a.datanet, Uint8Array.from(contentHash));
    const bond = BigInt((a.bond ?? (await this.fetchDatanet(a.datanet)).bond.amount).toString());
    const moves = bond > 0n ? await this.bondAccounts(a.contributor, a.contributorToken, a.open) : null;
    const ix = await this.datanetProgram.methods
      .contributionSubmit({ contentHash, uri: a.uri, size: bn(a.size) })
      .accountsStrict({
        datanet: a.datanet,
        contribution,
        contributor: a.contributor,
        systemProgram: SystemProgram.programId,
        ...contributorBondAccounts(moves),
      })
      .instruction();
    return { instructions: [ix], contribution, bond };
  }

  /** Hashes `content` (SHA-256) and submits it: the content itself stays off chain, at `uri`. */
  async submitFile(a: {
    datanet: PublicKey;
    contributor: PublicKey;
    content: Uint8Array | ArrayBuffer | Blob;
    uri: string;
    bond?: Integer | BN;
    contributorToken?: PublicKey;
    open?: OpenToken;
  }): Promise<Built<{ contribution: PublicKey; bond: bigint; contentHash: Uint8Array; size: number }>> {
    const contentHash = await sha256(a.content);
    const size =
      typeof Blob !== "undefined" && a.content instanceof Blob ? a.content.size : (a.content as ArrayBuffer).byteLength;
    const built = await this.contributionSubmit({ ...a, contentHash, size });
    return { ...built, contentHash, size };
  }

  /** `contribution_review`: accept with a weight (final) or reject with a reason code. */
  async contributionReview(a: {
    datanet: PublicKey;
    contribution: PublicKey;
    authority: PublicKey;
    decision: ReviewDecisionInput;
  }): Promise<Built> {
    const decision =
      "accept" in a.decision
        ? { accept: { weight: bn(a.decision.accept.weight) } }
        : { reject: { reason: a.decision.reject.reason } };
    const ix = await this.datanetProgram.methods
      .contributionReview(decision as IdlTypes<DatanetRegistry>["reviewDecision"])
      .accountsStrict({ datanet: a.datanet, contribution: a.contribution, authority: a.authority })
      .instruction();
    return { instructions: [ix] };
  }

  /**
   * `contribution_withdraw`: `signer` takes back a pending contribution or clears a rejected or
   * flagged one (the contributor), or clears a rejected or flagged one (the datanet's curator:
   * what frees a squatted content hash for its author). The account closes, its rent returns to
   * the contributor, and a bond still held for it (`bond`) to the contributor's `contributorToken`
   * (default: its OPEN ATA, created first, paid by `signer`, unless `createContributorToken` is
   * false). `contributor` and `bond` are read from the contribution when absent
   * (`WrongContributor` if another contributor is given). `AcceptedIsPermanent` for an accepted
   * one, `NotContributor` for a signer who may not.
   */
  async contributionWithdraw(a: {
    datanet: PublicKey;
    contribution: PublicKey;
    signer: PublicKey;
    contributor?: PublicKey;
    bond?: Integer | BN;
    contributorToken?: PublicKey;
    createContributorToken?: boolean;
    open?: OpenToken;
  }): Promise<Built<{ contributor: PublicKey; bond: bigint }>> {
    const state = a.contributor && a.bond != null ? null : await this.fetchContribution(a.contribution);
    const contributor = a.contributor ?? state!.contributor;
    const bond = BigInt((a.bond ?? state!.bond).toString());
    const moves =
      bond > 0n ? await this.bondAccounts(contributor, a.contributorToken, a.open, { create: a.createContributorToken, payer: a.signer }) : null;
    const ix = await this.datanetProgram.methods
      .contributionWithdraw()
      .accountsStrict({
        datanet: a.datanet,
        contribution: a.contribution,
        contributor,
        signer: a.signer,
        ...contributorBondAccounts(moves),
      })
      .instruction();
    return { instructions: [...(moves?.pre ?? []), ix], contributor, bond };
  }

  /**
   * `bond_vault_init` (permissionless, once per deployment, after `config_init`): the bond vault,
   * an OPEN token account at `bondVaultPda()` that is its own authority. `mint` and `tokenProgram`
   * must be the config's (read from it when `mint` is absent; `tokenProgram` defaults to SPL
   * Token when `mint` is given), so that it can be sent in `config_init`'s own transaction.
   */
  async bondVaultInit(a: { payer: PublicKey; mint?: PublicKey; tokenProgram?: PublicKey }): Promise<Built<{ bondVault: PublicKey }>> {
    const open = a.mint ? { mint: a.mint, tokenProgram: a.tokenProgram ?? TOKEN_PROGRAM_ID } : await this.openToken();
    const bondVault = bondVaultPda();
    const ix = await this.datanetProgram.methods
      .bondVaultInit()
      .accountsStrict({
        payoutConfig: configPda(),
        bondVault,
        mint: open.mint,
        payer: a.payer,
        tokenProgram: open.tokenProgram,
        systemProgram: SystemProgram.programId,
      })
      .instruction();
    return { instructions: [ix], bondVault };
  }

  /**
   * `contribution_flag_spam` (the datanet's curator): a pending contribution, or an accepted one
   * in no version yet and within its spam window (`isFlaggable`; `NotFlaggable` otherwise), is
   * flagged: its weight leaves the datanet's total (the next version excludes it) and its bond
   * (`bond`, read from the contribution when absent) goes to the treasury's OPEN account
   * (`treasuryToken`, default: the ATA of the config's treasury, created first, paid by the
   * curator, unless `createTreasuryToken` is false). `config` is read when absent and needed.
   */
  async contributionFlagSpam(a: {
    datanet: PublicKey;
    contribution: PublicKey;
    authority: PublicKey;
    bond?: Integer | BN;
    treasuryToken?: PublicKey;
    createTreasuryToken?: boolean;
    config?: ConfigAccount;
  }): Promise<Built<{ bond: bigint; treasuryToken: PublicKey | null }>> {
    const bond = BigInt((a.bond ?? (await this.fetchContribution(a.contribution)).bond).toString());
    const config = bond > 0n ? (a.config ?? (await this.fetchConfig())) : null;
    const moves = config
      ? await this.bondAccounts(config.treasury, a.treasuryToken, config, { create: a.createTreasuryToken, payer: a.authority })
      : null;
    const ix = await this.datanetProgram.methods
      .contributionFlagSpam()
      .accountsStrict({
        datanet: a.datanet,
        contribution: a.contribution,
        authority: a.authority,
        ...(moves
          ? { ...moves.accounts, payoutConfig: configPda(), treasuryToken: moves.tokenAccount }
          : { ...NO_BOND_ACCOUNTS, payoutConfig: null, treasuryToken: null }),
      })
      .instruction();
    return { instructions: [...(moves?.pre ?? []), ix], bond, treasuryToken: moves?.tokenAccount ?? null };
  }

  /**
   * `contribution_bond_refund` (permissionless): a contribution's bond back to its contributor,
   * once it can no longer be forfeited (`isBondRefundable`: rejected, or accepted and in a
   * version or past its spam window; `BondNotRefundable` otherwise, `NoBond` once refunded). It
   * goes to `contributorToken` (default: the contributor's OPEN ATA, created first, paid by
   * `payer` (default the contributor), unless `createContributorToken` is false). `contributor`
   * is read from the contribution when absent.
   */
  async contributionBondRefund(a: {
    datanet: PublicKey;
    contribution: PublicKey;
    contributor?: PublicKey;
    payer?: PublicKey;
    contributorToken?: PublicKey;
    createContributorToken?: boolean;
    open?: OpenToken;
  }): Promise<Built<{ contributor: PublicKey; contributorToken: PublicKey }>> {
    const contributor = a.contributor ?? (await this.fetchContribution(a.contribution)).contributor;
    const moves = await this.bondAccounts(contributor, a.contributorToken, a.open, {
      create: a.createContributorToken,
      payer: a.payer ?? contributor,
    });
    const ix = await this.datanetProgram.methods
      .contributionBondRefund()
      .accountsStrict({
        datanet: a.datanet,
        contribution: a.contribution,
        ...moves.accounts,
        contributorToken: moves.tokenAccount,
      })
      .instruction();
    return { instructions: [...moves.pre, ix], contributor, contributorToken: moves.tokenAccount };
  }

  /**
   * The accounts a bond moves through: the bond vault, the OPEN mint and its token program, and
   * `owner`'s token account (`given`, or its OPEN ATA; with `create`, the ATA's idempotent
   * creation paid by `payer` comes first in `pre`).
   */
  private async bondAccounts(
    owner: PublicKey,
    given: PublicKey | undefined,
    open?: Pick<OpenToken, "mint" | "tokenProgram">,
    create?: { create?: boolean; payer: PublicKey },
  ): Promise<BondMoves> {
    const token = open ?? (await this.openToken());
    const { destination, pre } = create
      ? this.destination(owner, token, given, create.create, create.payer)
      : { destination: given ?? associatedTokenAddress(owner, token.mint, token.tokenProgram), pre: [] };
    return {
      accounts: { bondVault: bondVaultPda(), mint: token.mint, tokenProgram: token.tokenProgram },
      tokenAccount: destination,
      pre,
    };
  }

  /**
   * `contribution_transfer_propose`: step one of handing `contribution` (and what it earns) to
   * another wallet: its `contributor` names `newContributor`, or cancels a pending proposal with
   * null. Nothing changes until that wallet accepts (`contributionTransferAccept`). A new proposal
   * replaces a pending one. `NotContributor` for any other signer.
   */
  async contributionTransferPropose(a: {
    contribution: PublicKey;
    contributor: PublicKey;
    newContributor: PublicKey | null;
  }): Promise<Built> {
    const ix = await this.datanetProgram.methods
      .contributionTransferPropose(a.newContributor)
      .accountsStrict({ contribution: a.contribution, contributor: a.contributor })
      .instruction();
    return { instructions: [ix] };
  }

  /**
   * `contribution_transfer_accept`: step two, signed by the proposed wallet, which becomes the
   * contribution's contributor: paid for it from then on (its positions once synced) and
   * refunded its rent if it is ever withdrawn or cleared. `NoPendingContributor` unless
   * `newContributor` is the pending one.
   *
   * With `syncPositions`, the `position_sync` of each of the contribution's existing positions
   * (listed through the client's `programAccounts`: `contributionPositions`) follows in the same
   * instructions, so that from that transaction on only the new wallet can claim them; `synced`
   * names them. Without it, they follow later (anyone's `positionSync`, or the new wallet's
   * `claimAllInstructions`), and until then the previous contributor can still claim them.
   */
  async contributionTransferAccept(a: {
    contribution: PublicKey;
    newContributor: PublicKey;
    syncPositions?: boolean;
  }): Promise<Built<{ synced: PublicKey[] }>> {
    const ix = await this.datanetProgram.methods
      .contributionTransferAccept()
      .accountsStrict({ contribution: a.contribution, newContributor: a.newContributor })
      .instruction();
    if (!a.syncPositions) return { instructions: [ix], synced: [] };
    const positions = (await this.contributionPositions(a.contribution)).filter((p) => !p.account.beneficiary.equals(a.newContributor));
    const syncs = await Promise.all(positions.map((p) => this.positionSyncInstruction(p.address, a.contribution)));
    return { instructions: [ix, ...syncs], synced: positions.map((p) => p.address) };
  }

  /**
   * `datanet_version_publish` then `pool_init`: version `number` (default: the datanet's
   * `versions + 1`, read from the chain), an immutable snapshot the chain takes of every
   * contribution accepted so far (at least one: `EmptyVersion`) and their total weight, and the
   * version's reward pool (rent paid by `payer`, default the authority). Send both in one
   * transaction: a model citing the version can be paid only once its pool exists.
   */
  async datanetVersionPublish(a: {
    datanet: PublicKey;
    authority: PublicKey;
    number?: number;
    contributionsRoot: Uint8Array | number[];
    uri: string;
    payer?: PublicKey;
  }): Promise<Built<{ datanetVersion: PublicKey; pool: PublicKey; number: number }>> {
    const number = a.number ?? (await this.fetchDatanet(a.datanet)).versions + 1;
    const datanetVersion = datanetVersionPda(a.datanet, number);
    const ix = await this.datanetProgram.methods
      .datanetVersionPublish({
        number,
        contributionsRoot: bytes32(a.contributionsRoot, "contributionsRoot"),
        uri: a.uri,
      })
      .accountsStrict({
        datanet: a.datanet,
        datanetVersion,
        authority: a.authority,
        systemProgram: SystemProgram.programId,
      })
      .instruction();
    const pool = await this.poolInit({ payer: a.payer ?? a.authority, datanetVersion });
    return { instructions: [ix, ...pool.instructions], datanetVersion, pool: pool.pool, number };
  }

  /** The latest published `DatanetVersion` of `datanet` (its `versions`-th), or null before the first. */
  async latestVersion(datanet: PublicKey): Promise<PublicKey | null> {
    const { versions } = await this.fetchDatanet(datanet);
    return versions === 0 ? null : datanetVersionPda(datanet, versions);
  }

  // ---------------------------------------------------------------- model_registry

  /** `model_create`: a draft model at `[b"model", owner, id]`; an adapter names its base model. */
  async modelCreate(a: {
    owner: PublicKey;
    id: Integer;
    kind: ModelKindName;
    baseModel?: PublicKey | null;
    name: string;
    uri: string;
    artifactHash: Uint8Array | number[];
    pricePerCall: Integer;
  }): Promise<Built<{ model: PublicKey }>> {
    const model = modelPda(a.owner, a.id);
    const ix = await this.modelProgram.methods
      .modelCreate({
        id: bn(a.id),
        kind: kindArg(a.kind),
        name: a.name,
        uri: a.uri,
        artifactHash: bytes32(a.artifactHash, "artifactHash"),
        pricePerCall: bn(a.pricePerCall),
      })
      .accountsStrict({
        model,
        baseModel: a.baseModel ?? null,
        owner: a.owner,
        systemProgram: SystemProgram.programId,
      })
      .instruction();
    return { instructions: [ix], model };
  }

  /**
   * `model_lineage_set`: the datanets (each citing a version) and upstream models the model owes,
   * with the owner's and operator's shares; all bps, summing to exactly 10,000. A datanet entry
   * without a `datanetVersion` cites the datanet's latest published version (read from the
   * chain); one of a datanet with no version cites none and is refused (`VersionRequired`).
   * Returns the entries as sent, versions resolved.
   */
  async modelLineageSet(a: {
    model: PublicKey;
    owner: PublicKey;
    entries: LineageEntryInput[];
    ownerShareBps: number;
    operatorShareBps: number;
  }): Promise<Built<{ entries: LineageEntryInput[] }>> {
    const resolved = await Promise.all(
      a.entries.map(async (e) =>
        e.source === "datanet" && !e.datanetVersion ? { ...e, datanetVersion: await this.latestVersion(e.target) } : e,
      ),
    );
    const entries = resolved.map((e) => ({
      source: (e.source === "datanet" ? { datanet: {} } : { model: {} }) as IdlTypes<ModelRegistry>["lineageSource"],
      target: e.target,
      datanetVersion: e.datanetVersion ?? null,
      shareBps: e.shareBps,
      proofAttributed: e.proofAttributed ?? false,
    }));
    const ix = await this.modelProgram.methods
      .modelLineageSet({ entries, ownerShareBps: a.ownerShareBps, operatorShareBps: a.operatorShareBps })
      .accountsStrict({ model: a.model, owner: a.owner })
      .remainingAccounts(lineageSetAccounts(resolved))
      .instruction();
    return { instructions: [ix], entries: resolved };
  }

  /** `model_publish`: freezes the lineage for good; `attestor` iff an entry is proof-attributed. */
  async modelPublish(a: { model: PublicKey; owner: PublicKey; attestor?: PublicKey | null }): Promise<Built> {
    const ix = await this.modelProgram.methods
      .modelPublish({ attestor: a.attestor ?? null })
      .accountsStrict({ model: a.model, owner: a.owner })
      .instruction();
    return { instructions: [ix] };
  }

  /** `model_price_set`: price per call in OPEN base units (above zero). */
  async modelPriceSet(a: { model: PublicKey; owner: PublicKey; pricePerCall: Integer }): Promise<Built> {
    const ix = await this.modelProgram.methods
      .modelPriceSet(bn(a.pricePerCall))
      .accountsStrict({ model: a.model, owner: a.owner })
      .instruction();
    return { instructions: [ix] };
  }

  /** `model_retire`: no new payments; what was earned stays claimable. */
  async modelRetire(a: { model: PublicKey; owner: PublicKey }): Promise<Built> {
    const ix = await this.modelProgram.methods
      .modelRetire()
      .accountsStrict({ model: a.model, owner: a.owner })
      .instruction();
    return { instructions: [ix] };
  }

  /**
   * `model_owner_propose`: step one of handing `model` (its price, its retirement, and the owner
   * share of every fee paid from then on) to another wallet: its `owner` names `newOwner`, or
   * cancels a pending proposal with null. A new proposal replaces a pending one; nothing changes
   * until that wallet accepts (`modelOwnerAccept`). `NotOwner` for any other signer.
   */
  async modelOwnerPropose(a: { model: PublicKey; owner: PublicKey; newOwner: PublicKey | null }): Promise<Built> {
    const ix = await this.modelProgram.methods
      .modelOwnerPropose(a.newOwner)
      .accountsStrict({ model: a.model, owner: a.owner })
      .instruction();
    return { instructions: [ix] };
  }

  /**
   * `model_owner_accept`: step two, signed by the proposed wallet, which becomes the model's
   * owner. The model keeps its address (its PDA keeps the creator's key); the owner share of every
   * fee paid from then on is credited to the new owner's ModelOwner earnings account (what the
   * previous owner earned before stays in its own: `earningsTransferPropose` hands that over).
   * That account must exist for the model to be paid: unless `createEarnings` is false, its
   * `earnings_init` (paid by `payer`, default the new owner) follows in the same instructions
   * when it does not exist yet (`earningsCreated`). `NoPendingHandover` unless `newOwner` is the
   * pending owner.
   */
  async modelOwnerAccept(a: {
    model: PublicKey;
    newOwner: PublicKey;
    payer?: PublicKey;
    createEarnings?: boolean;
  }): Promise<Built<{ earnings: PublicKey; earningsCreated: boolean }>> {
    const ix = await this.modelProgram.methods
      .modelOwnerAccept()
      .accountsStrict({ model: a.model, newOwner: a.newOwner })
      .instruction();
    const earnings = await this.earningsIfMissing(a.newOwner, EarningsRole.ModelOwner, a.payer ?? a.newOwner, a.createEarnings);
    return { instructions: [ix, ...earnings.instructions], earnings: earnings.earnings, earningsCreated: earnings.created };
  }

  /** `operator_register`: the operator at `[b"operator", authority]`, serving at `endpoint`. */
  async operatorRegister(a: { authority: PublicKey; endpoint: string }): Promise<Built<{ operator: PublicKey }>> {
    const operator = operatorPda(a.authority);
    const ix = await this.modelProgram.methods
      .operatorRegister(a.endpoint)
      .accountsStrict({ operator, authority: a.authority, systemProgram: SystemProgram.programId })
      .instruction();
    return { instructions: [ix], operator };
  }

  /**
   * `operator_update`: a new endpoint. `operator`: the Operator account (default: the one
   * registered under `authority`; an operator handed to `authority` stays at its first key's PDA:
   * `findOperator`).
   */
  async operatorUpdate(a: { authority: PublicKey; endpoint: string; operator?: PublicKey }): Promise<Built> {
    const ix = await this.modelProgram.methods
      .operatorUpdate(a.endpoint)
      .accountsStrict({ operator: a.operator ?? operatorPda(a.authority), authority: a.authority })
      .instruction();
    return { instructions: [ix] };
  }

  /** `operator_deactivate`: the operator can no longer be paid. `operator` as for `operatorUpdate`. */
  async operatorDeactivate(a: { authority: PublicKey; operator?: PublicKey }): Promise<Built> {
    const ix = await this.modelProgram.methods
      .operatorDeactivate()
      .accountsStrict({ operator: a.operator ?? operatorPda(a.authority), authority: a.authority })
      .instruction();
    return { instructions: [ix] };
  }

  /**
   * `operator_authority_propose` alone: the operator's `authority` names `newAuthority` (null
   * cancels). `operator`: the Operator account (default: the one registered under `authority`).
   * An operator is payable only while its stake has the same authority: `operatorHandoverPropose`
   * proposes both. `NotOperatorAuthority` for any other signer.
   */
  async operatorAuthorityPropose(a: {
    authority: PublicKey;
    newAuthority: PublicKey | null;
    operator?: PublicKey;
  }): Promise<Built<{ operator: PublicKey }>> {
    const operator = a.operator ?? operatorPda(a.authority);
    const ix = await this.modelProgram.methods
      .operatorAuthorityPropose(a.newAuthority)
      .accountsStrict({ operator, authority: a.authority })
      .instruction();
    return { instructions: [ix], operator };
  }

  /**
   * `operator_authority_accept` alone, signed by the proposed wallet, which becomes the
   * `operator`'s authority (the account keeps its address). Without its stake
   * (`stakeAuthorityAccept`, or both at once: `operatorHandoverAccept`) the operator is not
   * payable (`WrongStake`). `NoPendingHandover` unless `newAuthority` is the pending one.
   */
  async operatorAuthorityAccept(a: { operator: PublicKey; newAuthority: PublicKey }): Promise<Built> {
    const ix = await this.modelProgram.methods
      .operatorAuthorityAccept()
      .accountsStrict({ operator: a.operator, newAuthority: a.newAuthority })
      .instruction();
    return { instructions: [ix] };
  }

  /**
   * Step one of handing an operator to another wallet, with its stake: `operator_authority_propose`
   * and, when the operator has a stake of `authority`'s, `stake_authority_propose`, in one
   * instruction list (null cancels both). `operator`: its Operator account, or the key it was
   * registered under (default: `authority`); see `findOperator`. Nothing changes until the new
   * wallet accepts (`operatorHandoverAccept`).
   */
  async operatorHandoverPropose(a: {
    authority: PublicKey;
    newAuthority: PublicKey | null;
    operator?: PublicKey;
  }): Promise<Built<{ operator: PublicKey; stake: PublicKey | null }>> {
    const found = await this.findOperator(a.operator ?? a.authority);
    const operator = await this.operatorAuthorityPropose({ authority: a.authority, newAuthority: a.newAuthority, operator: found.operator });
    if (!found.stake) return { instructions: operator.instructions, operator: found.operator, stake: null };
    const stake = await this.stakeAuthorityPropose({ authority: a.authority, newAuthority: a.newAuthority, stake: found.stake });
    return { instructions: [...operator.instructions, ...stake.instructions], operator: found.operator, stake: found.stake };
  }

  /**
   * Step two, signed by the proposed wallet: `operator_authority_accept` and, when the operator
   * has a stake (one whose authority is the operator's: `findOperator`), `stake_authority_accept`
   * in the same instructions, so that the operator stays payable; then, unless `createEarnings`
   * is false, the `earnings_init` of the new wallet's Operator earnings (paid by `payer`, default
   * the new wallet) when they do not exist yet: every later fee's operator share is credited
   * there. `operator`: its Operator account, or the key it was registered under. Both accounts
   * keep their addresses. `NoPendingHandover` (model_registry, or attribution_payout for the
   * stake) unless each was proposed to `newAuthority`: nothing is accepted then.
   */
  async operatorHandoverAccept(a: {
    operator: PublicKey;
    newAuthority: PublicKey;
    payer?: PublicKey;
    createEarnings?: boolean;
  }): Promise<Built<{ operator: PublicKey; stake: PublicKey | null; earnings: PublicKey; earningsCreated: boolean }>> {
    const found = await this.findOperator(a.operator);
    const operator = await this.operatorAuthorityAccept({ operator: found.operator, newAuthority: a.newAuthority });
    const stake = found.stake ? (await this.stakeAuthorityAccept({ stake: found.stake, newAuthority: a.newAuthority })).instructions : [];
    const earnings = await this.earningsIfMissing(a.newAuthority, EarningsRole.Operator, a.payer ?? a.newAuthority, a.createEarnings);
    return {
      instructions: [...operator.instructions, ...stake, ...earnings.instructions],
      operator: found.operator,
      stake: found.stake,
      earnings: earnings.earnings,
      earningsCreated: earnings.created,
    };
  }

  // ---------------------------------------------------------------- attribution_payout: config

  /**
   * `config_init`: adopts `mint` as OPEN and creates the config and both vaults. `deployer` must
   * be attribution_payout's upgrade authority (`NotUpgradeAuthority` otherwise).
   */
  async configInit(a: {
    deployer: PublicKey;
    mint: PublicKey;
    tokenProgram?: PublicKey;
    authority: PublicKey;
    treasury: PublicKey;
    protocolFeeBps: number;
    minOperatorStake: Integer;
    unstakeCooldownSecs: Integer;
    epochTiming: EpochTimingInput;
  }): Promise<Built<{ config: PublicKey; vault: PublicKey; stakeVault: PublicKey }>> {
    const config = configPda();
    const vault = vaultPda();
    const stakeVault = stakeVaultPda();
    const ix = await this.payoutProgram.methods
      .configInit({
        authority: a.authority,
        treasury: a.treasury,
        protocolFeeBps: a.protocolFeeBps,
        minOperatorStake: bn(a.minOperatorStake),
        unstakeCooldownSecs: bn(a.unstakeCooldownSecs),
        epochTiming: timingArg(a.epochTiming),
      })
      .accountsStrict({
        config,
        vault,
        stakeVault,
        mint: a.mint,
        deployer: a.deployer,
        program: ATTRIBUTION_PAYOUT_PROGRAM_ID,
        programData: programDataPda(ATTRIBUTION_PAYOUT_PROGRAM_ID),
        tokenProgram: a.tokenProgram ?? TOKEN_PROGRAM_ID,
        systemProgram: SystemProgram.programId,
      })
      .instruction();
    return { instructions: [ix], config, vault, stakeVault };
  }

  // ---------------------------------------------------------------- attribution_payout: governance

  /**
   * `action_queue` (the admin): queues a parameter change, a role change or a slash as the
   * config's next action; it can be executed `timelockDelaySecs` later (`actionExecute`), and
   * cancelled before by the admin or the guardian (`actionCancel`). Out-of-floor changes are refused
   * now (`ProtocolFeeTooHigh`, `ZeroMinOperatorStake`, `InvalidEpochTiming`,
   * `CooldownBelowChallengeWindow`, `InvalidTimelockDelay`, `InvalidChallengeParams`,
   * `EpochLengthFixed`); a slash above the stake's unlocked amount too (`SlashAboveStake`), and
   * from now on that much of the stake cannot be withdrawn.
   */
  async actionQueue(a: {
    authority: PublicKey;
    action: GovernanceActionInput;
    config?: ConfigAccount;
  }): Promise<Built<{ action: PublicKey; id: bigint }>> {
    const config = a.config ?? (await this.fetchConfig());
    const id = BigInt(config.actionCount.toString());
    const action = actionPda(id);
    const ix = await this.payoutProgram.methods
      .actionQueue(governanceActionArg(a.action) as never)
      .accountsStrict({
        config: configPda(),
        authority: a.authority,
        action,
        stake: "slash" in a.action ? a.action.slash.stake : null,
        systemProgram: SystemProgram.programId,
      })
      .instruction();
    return { instructions: [ix], action, id };
  }

  /**
   * Executes queued action `id` (anyone, from its `executableAt`; `ActionNotReady` before): a
   * parameter or role change through `action_execute`, a slash through `stake_slash`. The action
   * closes, its rent back to the admin that queued it.
   */
  async actionExecute(a: { id: Integer; config?: ConfigAccount }): Promise<Built> {
    const address = actionPda(a.id);
    const queued = await this.fetchAction(a.id);
    if ("slash" in queued.action) {
      const config = a.config ?? (await this.fetchConfig());
      const ix = await this.payoutProgram.methods
        .stakeSlash()
        .accountsStrict({
          config: configPda(),
          action: address,
          proposer: queued.proposer,
          stake: queued.action.slash.stake,
          treasuryEarnings: earningsPda(config.treasury, EarningsRole.Treasury),
          stakeVault: config.stakeVault,
          vault: config.vault,
          mint: config.mint,
          tokenProgram: config.tokenProgram,
        })
        .instruction();
      return { instructions: [ix] };
    }
    const ix = await this.payoutProgram.methods
      .actionExecute()
      .accountsStrict({ config: configPda(), action: address, proposer: queued.proposer })
      .instruction();
    return { instructions: [ix] };
  }

  /** `action_cancel` (the admin or the guardian): queued action `id` is gone, a slash's lock too. */
  async actionCancel(a: { signer: PublicKey; id: Integer }): Promise<Built> {
    const queued = await this.fetchAction(a.id);
    const ix = await this.payoutProgram.methods
      .actionCancel()
      .accountsStrict({
        config: configPda(),
        signer: a.signer,
        action: actionPda(a.id),
        proposer: queued.proposer,
        stake: "slash" in queued.action ? queued.action.slash.stake : null,
      })
      .instruction();
    return { instructions: [ix] };
  }

  /** `config_pause` (the guardian): stops new payments, or lets them through again. */
  async configPause(a: { guardian: PublicKey; paused: boolean }): Promise<Built> {
    const ix = await this.payoutProgram.methods
      .configPause(a.paused)
      .accountsStrict({ config: configPda(), guardian: a.guardian })
      .instruction();
    return { instructions: [ix] };
  }

  /** `role_accept`: the key an executed role change named takes the role. */
  async roleAccept(a: { newHolder: PublicKey; role: RoleName }): Promise<Built> {
    const ix = await this.payoutProgram.methods
      .roleAccept({ [a.role]: {} } as never)
      .accountsStrict({ config: configPda(), newHolder: a.newHolder })
      .instruction();
    return { instructions: [ix] };
  }

  /** Queued action `id` (throws when there is none: never queued, executed or cancelled). */
  fetchAction(id: Integer): Promise<ActionAccount> {
    return this.fetchDecoded(this.payoutProgram, "action", actionPda(id));
  }

  /** Every queued action, oldest first (needs `programAccounts`). */
  async fetchActions(): Promise<AccountRow<ActionAccount>[]> {
    const found = await this.listAccounts(this.payoutProgram.programId, [
      { memcmp: { offset: 0, bytes: utils.bytes.bs58.encode(Buffer.from(ACTION_DISCRIMINATOR)) } },
    ]);
    return found
      .map(({ pubkey, account }) => ({
        address: pubkey,
        account: this.payoutProgram.coder.accounts.decode<ActionAccount>("action", Buffer.from(account.data)),
      }))
      .sort((x, y) => Number(BigInt(x.account.id.toString()) - BigInt(y.account.id.toString())));
  }

  // ---------------------------------------------------------------- attribution_payout: stakes

  /** `stake_init`: the operator's stake account at `[b"stake", authority]`. */
  async stakeInit(a: { authority: PublicKey }): Promise<Built<{ stake: PublicKey }>> {
    const stake = stakePda(a.authority);
    const ix = await this.payoutProgram.methods
      .stakeInit()
      .accountsStrict({ stake, authority: a.authority, systemProgram: SystemProgram.programId })
      .instruction();
    return { instructions: [ix], stake };
  }

  /**
   * `stake_deposit` of `amount` OPEN base units from `source` (default: the authority's ATA).
   * `stake`: the Stake account (default: the one created under `authority`; a stake handed to
   * `authority` stays at its first key's PDA: `findOperator`), here and in `stakeUnstakeRequest`,
   * `stakeWithdraw`.
   */
  async stakeDeposit(a: {
    authority: PublicKey;
    amount: Integer;
    source?: PublicKey;
    open?: OpenToken;
    stake?: PublicKey;
  }): Promise<Built> {
    const open = a.open ?? (await this.openToken());
    const ix = await this.payoutProgram.methods
      .stakeDeposit(bn(a.amount))
      .accountsStrict({
        config: configPda(),
        stakeVault: stakeVaultPda(),
        mint: open.mint,
        stake: a.stake ?? stakePda(a.authority),
        authority: a.authority,
        source: a.source ?? associatedTokenAddress(a.authority, open.mint, open.tokenProgram),
        tokenProgram: open.tokenProgram,
      })
      .instruction();
    return { instructions: [ix] };
  }

  /** `stake_unstake_request`: moves `amount` out of the active stake; withdrawable after the cooldown. */
  async stakeUnstakeRequest(a: { authority: PublicKey; amount: Integer; stake?: PublicKey }): Promise<Built> {
    const ix = await this.payoutProgram.methods
      .stakeUnstakeRequest(bn(a.amount))
      .accountsStrict({ config: configPda(), stake: a.stake ?? stakePda(a.authority), authority: a.authority })
      .instruction();
    return { instructions: [ix] };
  }

  /**
   * `stake_withdraw`: what finished its cooldown, to `destination` (default: the authority's ATA,
   * created first unless `createDestination` is false).
   */
  async stakeWithdraw(a: {
    authority: PublicKey;
    destination?: PublicKey;
    open?: OpenToken;
    createDestination?: boolean;
    stake?: PublicKey;
  }): Promise<Built<{ destination: PublicKey }>> {
    const open = a.open ?? (await this.openToken());
    const { destination, pre } = this.destination(a.authority, open, a.destination, a.createDestination);
    const ix = await this.payoutProgram.methods
      .stakeWithdraw()
      .accountsStrict({
        config: configPda(),
        stakeVault: stakeVaultPda(),
        mint: open.mint,
        stake: a.stake ?? stakePda(a.authority),
        authority: a.authority,
        destination,
        tokenProgram: open.tokenProgram,
      })
      .instruction();
    return { instructions: [...pre, ix], destination };
  }

  /**
   * `stake_authority_propose` alone: the stake's `authority` names `newAuthority` (null cancels).
   * `stake`: the Stake account (default: the one created under `authority`).
   * `operatorHandoverPropose` proposes it with its operator. `NotStakeAuthority` for any other
   * signer.
   */
  async stakeAuthorityPropose(a: {
    authority: PublicKey;
    newAuthority: PublicKey | null;
    stake?: PublicKey;
  }): Promise<Built<{ stake: PublicKey }>> {
    const stake = a.stake ?? stakePda(a.authority);
    const ix = await this.payoutProgram.methods
      .stakeAuthorityPropose(a.newAuthority)
      .accountsStrict({ stake, authority: a.authority })
      .instruction();
    return { instructions: [ix], stake };
  }

  /**
   * `stake_authority_accept` alone, signed by the proposed wallet, which becomes the stake's
   * authority (deposits, unstakes, withdraws it); the stake keeps its address.
   * `operatorHandoverAccept` accepts it with its operator. `NoPendingHandover` unless
   * `newAuthority` is the pending one.
   */
  async stakeAuthorityAccept(a: { stake: PublicKey; newAuthority: PublicKey }): Promise<Built> {
    const ix = await this.payoutProgram.methods
      .stakeAuthorityAccept()
      .accountsStrict({ stake: a.stake, newAuthority: a.newAuthority })
      .instruction();
    return { instructions: [ix] };
  }

  /**
   * `stake_close`: a stake with nothing staked and nothing unstaking (`stakeCloseBlocker`) closes,
   * its rent back to its `authority`, who signs. `AccountNotEmpty` otherwise (unstake, then
   * withdraw after the cooldown), `NotStakeAuthority` for any other signer. `stake`: the Stake
   * account (default: the one created under `authority` when it is still `authority`'s, else,
   * through the client's `programAccounts`, `authority`'s only empty stake among `stakesOf`:
   * one handed to it stays at its first key's PDA). Its operator is not payable without a stake.
   */
  async stakeClose(a: { authority: PublicKey; stake?: PublicKey }): Promise<Built<{ stake: PublicKey }>> {
    const stake = a.stake ?? (await this.closableStakeOf(a.authority));
    const ix = await this.payoutProgram.methods
      .stakeClose()
      .accountsStrict({ stake, authority: a.authority })
      .instruction();
    return { instructions: [ix], stake };
  }

  /** `stakeClose`'s default stake of `authority` (see there). */
  private async closableStakeOf(authority: PublicKey): Promise<PublicKey> {
    const own = stakePda(authority);
    const account = await this.fetchDecodedOrNull<StakeAccount>(this.payoutProgram, "stake", own);
    if (account?.authority.equals(authority) || !this.programAccounts) return own;
    const stakes = await this.stakesOf(authority);
    const empty = stakes.filter((s) => stakeCloseBlocker(s.account) === null);
    if (empty.length === 1) return empty[0].address;
    if (empty.length > 1) throw new Error(`${authority.toBase58()} has ${empty.length} empty stakes: name the one to close`);
    if (stakes.length === 1) return stakes[0].address;
    throw new Error(`${authority.toBase58()} has ${stakes.length === 0 ? "no stake" : `${stakes.length} stakes, none empty`}: name the one to close`);
  }

  // ---------------------------------------------------------------- attribution_payout: accounts

  /**
   * `pool_init` (permissionless): the reward pool of a published datanet version, at
   * `[b"pool", datanet_version]`, with the version's contributions and total weight fixed.
   * (`datanetVersionPublish` already appends it.)
   */
  async poolInit(a: { payer: PublicKey; datanetVersion: PublicKey }): Promise<Built<{ pool: PublicKey }>> {
    const pool = poolPda(a.datanetVersion);
    const ix = await this.payoutProgram.methods
      .poolInit()
      .accountsStrict({ datanetVersion: a.datanetVersion, pool, payer: a.payer, systemProgram: SystemProgram.programId })
      .instruction();
    return { instructions: [ix], pool };
  }

  /** `earnings_init` (permissionless): `beneficiary`'s earnings in `role`. */
  async earningsInit(a: {
    payer: PublicKey;
    beneficiary: PublicKey;
    role: EarningsRole;
  }): Promise<Built<{ earnings: PublicKey }>> {
    const earnings = earningsPda(a.beneficiary, a.role);
    const ix = await this.payoutProgram.methods
      .earningsInit(a.beneficiary, roleArg(a.role))
      .accountsStrict({ earnings, payer: a.payer, systemProgram: SystemProgram.programId })
      .instruction();
    return { instructions: [ix], earnings };
  }

  /**
   * `earnings_init` of `beneficiary`'s earnings in `role` when they do not exist yet (read through
   * the client), paid by `payer`; no instruction when they do, or when `create` is false.
   */
  private async earningsIfMissing(
    beneficiary: PublicKey,
    role: EarningsRole,
    payer: PublicKey,
    create = true,
  ): Promise<Built<{ earnings: PublicKey; created: boolean }>> {
    const earnings = earningsPda(beneficiary, role);
    if (!create || (await this.getAccount(earnings))) return { instructions: [], earnings, created: false };
    return { ...(await this.earningsInit({ payer, beneficiary, role })), created: true };
  }

  /**
   * `earnings_transfer_propose`: step one of handing `beneficiary`'s earnings in `role` (its
   * whole balance, when accepted) to another wallet: it names `newBeneficiary`, or cancels a
   * pending proposal with null. `HandoverToSelf` when naming itself, `NotBeneficiary` for any
   * other signer.
   */
  async earningsTransferPropose(a: {
    beneficiary: PublicKey;
    role: EarningsRole;
    newBeneficiary: PublicKey | null;
  }): Promise<Built<{ earnings: PublicKey }>> {
    const earnings = earningsPda(a.beneficiary, a.role);
    const ix = await this.payoutProgram.methods
      .earningsTransferPropose(a.newBeneficiary)
      .accountsStrict({ earnings, beneficiary: a.beneficiary })
      .instruction();
    return { instructions: [ix], earnings };
  }

  /**
   * `earnings_transfer_accept`: step two, signed by the proposed wallet. An earnings account is
   * keyed by its wallet, so it does not change hands: its whole balance moves into
   * `newBeneficiary`'s own earnings account of the same role (`successor`), and it closes, its
   * rent back to `previousBeneficiary`. Unless `createSuccessor` is false, the successor's
   * `earnings_init` (paid by `payer`, default the new wallet) comes first when it does not exist
   * yet (`successorCreated`). `NoPendingHandover` unless `newBeneficiary` is the pending one;
   * once accepted the account is gone (`AccountNotInitialized`).
   */
  async earningsTransferAccept(a: {
    previousBeneficiary: PublicKey;
    role: EarningsRole;
    newBeneficiary: PublicKey;
    payer?: PublicKey;
    createSuccessor?: boolean;
  }): Promise<Built<{ earnings: PublicKey; successor: PublicKey; successorCreated: boolean }>> {
    const earnings = earningsPda(a.previousBeneficiary, a.role);
    const successor = await this.earningsIfMissing(a.newBeneficiary, a.role, a.payer ?? a.newBeneficiary, a.createSuccessor);
    const ix = await this.payoutProgram.methods
      .earningsTransferAccept()
      .accountsStrict({
        config: configPda(),
        earnings,
        successorEarnings: successor.earnings,
        previousBeneficiary: a.previousBeneficiary,
        newBeneficiary: a.newBeneficiary,
      })
      .instruction();
    return { instructions: [...successor.instructions, ix], earnings, successor: successor.earnings, successorCreated: successor.created };
  }

  /**
   * `earnings_close`: `beneficiary`'s earnings account in `role`, with nothing to claim, closes;
   * its rent goes back to `beneficiary`, who signs. `AccountNotEmpty` while it holds a balance
   * (claim it first: `earningsClaim`, which may go in the same transaction),
   * `TreasuryEarningsStay` for the Treasury account of the config's treasury (every payment
   * credits it), `NotBeneficiary` for any other signer (`earningsCloseBlocker` tells the first
   * two beforehand). Anyone can create it again (`earningsInit`): a model owner's or operator's
   * must exist for its model or operator to be paid.
   */
  async earningsClose(a: { beneficiary: PublicKey; role: EarningsRole }): Promise<Built<{ earnings: PublicKey }>> {
    const earnings = earningsPda(a.beneficiary, a.role);
    const ix = await this.payoutProgram.methods
      .earningsClose()
      .accountsStrict({ config: configPda(), earnings, beneficiary: a.beneficiary })
      .instruction();
    return { instructions: [ix], earnings };
  }

  /** `escrow_init` (permissionless): the model's escrow at `[b"escrow", model]`. */
  async escrowInit(a: { payer: PublicKey; model: PublicKey }): Promise<Built<{ escrow: PublicKey }>> {
    const escrow = escrowPda(a.model);
    const ix = await this.payoutProgram.methods
      .escrowInit()
      .accountsStrict({ model: a.model, escrow, payer: a.payer, systemProgram: SystemProgram.programId })
      .instruction();
    return { instructions: [ix], escrow };
  }

  /**
   * `position_enroll` (permissionless): `contribution`'s position in the pool of `datanetVersion`,
   * which must contain it (`NotInVersion` if it was accepted after the version was published).
   * Late costs nothing: the position starts from the pool's beginning.
   */
  async positionEnroll(a: {
    payer: PublicKey;
    datanetVersion: PublicKey;
    contribution: PublicKey;
  }): Promise<Built<{ position: PublicKey; pool: PublicKey }>> {
    const pool = poolPda(a.datanetVersion);
    const position = positionPda(pool, a.contribution);
    const ix = await this.payoutProgram.methods
      .positionEnroll()
      .accountsStrict({
        pool,
        contribution: a.contribution,
        position,
        payer: a.payer,
        systemProgram: SystemProgram.programId,
      })
      .instruction();
    return { instructions: [ix], position, pool };
  }

  /**
   * `position_sync` (permissionless): points `contribution`'s position in the pool of
   * `datanetVersion` at the contribution's current contributor, after a handover
   * (`contribution_transfer_accept`). What the position accrued, before and after, follows: only
   * the new contributor can claim it from then on. `BeneficiaryCurrent` if it already names them,
   * `WrongContribution` if the position is not the contribution's.
   */
  async positionSync(a: PositionRef): Promise<Built<{ position: PublicKey; pool: PublicKey }>> {
    const pool = poolPda(a.datanetVersion);
    const position = positionPda(pool, a.contribution);
    return { instructions: [await this.positionSyncInstruction(position, a.contribution)], position, pool };
  }

  private positionSyncInstruction(position: PublicKey, contribution: PublicKey): Promise<TransactionInstruction> {
    return this.payoutProgram.methods.positionSync().accountsStrict({ position, contribution }).instruction();
  }

  // ---------------------------------------------------------------- attribution_payout: money

  /**
   * `inference_pay`: `price × calls` of `model`, served by `operator`, from `payerToken` (default:
   * the payer's ATA); fails with `FeeAboveMax` when the fee exceeds `maxFee`. `requestId` (32
   * bytes, default random) is the caller's label of the request (it may repeat: the chain numbers
   * the records, `InferencePaid.record`); `outputHash` (32 bytes, `outputHash(output)` from
   * `merkle.ts`) commits what the calls returned. Default: `EMPTY_OUTPUT_HASH`, the hash of an
   * empty output, i.e. no output committed, which the engine attributes to nobody (that payment's
   * proof-attributed share goes to the cited version's pool). For a model with a proof-attributed
   * entry both enter the epoch's records hash with the entry's amount; an attestor's root can
   * only attribute the outputs committed there. Reads the model (lineage, owner) and the config
   * (mint, treasury) when they are not given.
   *
   * `operator` is the operator's wallet as it registered, its Operator account, or its current
   * authority (`findOperator`, which `operatorInfo` spares): the operator and its stake are
   * passed at their own addresses, and the operator share goes to the Operator earnings of its
   * current authority, the model's owner share to the ModelOwner earnings of its current owner,
   * so that a handed-over operator or model is paid where the chain says. An operator without a
   * stake of its authority's (handed over without it) is refused here, before anything is sent
   * (`operatorStake` forces one).
   *
   * The operator's current authority co-signs the transaction (it signs what it served, and that it
   * served it): the operator builds it when it serves, signs it first and hands it to the payer
   * (`encodeServedPayment`), who checks it (`readServedPayment`), signs and sends it.
   *
   * For a model with a proof-attributed entry the instructions are `[epoch_open, inference_pay]`
   * for the current epoch (`epochIndex`, default: read from the Clock sysvar), to be sent in one
   * transaction: the payer opens the epoch if it is the first payment of it (and pays its rent,
   * returned at `epoch_close`). A transaction landing after the epoch boundary fails with
   * `NotCurrentEpoch`: rebuild it.
   */
  async inferencePay(a: {
    payer: PublicKey;
    model: PublicKey;
    operator: PublicKey;
    calls: Integer;
    maxFee: Integer;
    requestId?: Uint8Array | number[];
    outputHash?: Uint8Array | number[];
    epochIndex?: Integer;
    payerToken?: PublicKey;
    modelAccount?: ModelAccount;
    config?: ConfigAccount;
    operatorInfo?: Pick<OperatorInfo, "operator" | "authority" | "stake">;
    operatorStake?: PublicKey;
  }): Promise<Built<{ requestId: Uint8Array; outputHash: Uint8Array; epoch: PublicKey | null; epochIndex: bigint | null }>> {
    const model = a.modelAccount ?? (await this.fetchModel(a.model));
    const config = a.config ?? (await this.fetchConfig());
    const operator = a.operatorInfo ?? (await this.findOperator(a.operator));
    const operatorStake = a.operatorStake ?? operator.stake;
    if (!operatorStake) {
      throw new Error(
        `operator ${operator.operator.toBase58()} is not payable: no stake has its authority ${operator.authority.toBase58()} ` +
          "(an operator handed over without its stake: the stake's authority proposes it, stake_authority_propose, " +
          "and the new authority accepts it, stake_authority_accept)",
      );
    }
    const requestId = Uint8Array.from(bytes32(a.requestId ?? randomRequestId(), "requestId"));
    const outputHash = Uint8Array.from(bytes32(a.outputHash ?? EMPTY_OUTPUT_HASH, "outputHash"));
    const proofAttributed = hasProofAttributedEntry(model);
    const epochIndex = proofAttributed
      ? a.epochIndex != null
        ? BigInt(a.epochIndex)
        : await this.currentEpochIndex(config)
      : null;
    const ix = await this.payoutProgram.methods
      .inferencePay({ calls: bn(a.calls), maxFee: bn(a.maxFee), requestId: Array.from(requestId), outputHash: Array.from(outputHash) })
      .accountsStrict({
        config: configPda(),
        vault: config.vault,
        mint: config.mint,
        payer: a.payer,
        payerToken: a.payerToken ?? associatedTokenAddress(a.payer, config.mint, config.tokenProgram),
        model: a.model,
        operator: operator.operator,
        operatorAuthority: operator.authority,
        operatorStake,
        treasuryEarnings: earningsPda(config.treasury, EarningsRole.Treasury),
        ownerEarnings: earningsPda(model.owner, EarningsRole.ModelOwner),
        operatorEarnings: earningsPda(operator.authority, EarningsRole.Operator),
        tokenProgram: config.tokenProgram,
      })
      .remainingAccounts(
        payoutLineageAccounts(model, epochIndex === null ? undefined : { model: a.model, epochIndex }),
      )
      .instruction();
    if (epochIndex === null) return { instructions: [ix], requestId, outputHash, epoch: null, epochIndex: null };
    const open = await this.epochOpen({ payer: a.payer, model: a.model, index: epochIndex });
    return { instructions: [...open.instructions, ix], requestId, outputHash, epoch: open.epoch, epochIndex };
  }

  // ---------------------------------------------------------------- attribution_payout: channels

  /**
   * `channel_open`: `payer`'s channel `id` for `model` served by `operator` (any key
   * `findOperator` takes), with `deposit` from its ATA, the model's price now accepted (at most
   * `maxPricePerCall`, default: the price now), expiring at `expiresAt` (unix seconds, at most a
   * year away), vouchers signed by `signer` (default: the payer; an agent's key makes the deposit
   * its budget), a random nonce.
   */
  async channelOpen(a: {
    payer: PublicKey;
    model: PublicKey;
    operator: PublicKey;
    id: Integer;
    deposit: Integer;
    expiresAt: Integer;
    signer?: PublicKey;
    maxPricePerCall?: Integer;
  }): Promise<Built<{ channel: PublicKey; nonce: Uint8Array }>> {
    const [config, model, operator] = await Promise.all([this.fetchConfig(), this.fetchModel(a.model), this.findOperator(a.operator)]);
    const channel = channelPda(a.payer, a.id);
    const nonce = globalThis.crypto.getRandomValues(new Uint8Array(32));
    const ix = await this.payoutProgram.methods
      .channelOpen({
        id: bn(a.id),
        deposit: bn(a.deposit),
        maxPricePerCall: bn(a.maxPricePerCall ?? model.pricePerCall),
        expiresAt: bn(a.expiresAt),
        signer: a.signer ?? a.payer,
        nonce: Array.from(nonce),
      })
      .accountsStrict({
        config: configPda(),
        vault: config.vault,
        mint: config.mint,
        payer: a.payer,
        payerToken: associatedTokenAddress(a.payer, config.mint, config.tokenProgram),
        model: a.model,
        operator: operator.operator,
        channel,
        tokenProgram: config.tokenProgram,
        systemProgram: SystemProgram.programId,
      })
      .instruction();
    return { instructions: [ix], channel, nonce };
  }

  /** `channel_top_up`: the payer adds `amount` from its ATA to its open channel. */
  async channelTopUp(a: { payer: PublicKey; channel: PublicKey; amount: Integer }): Promise<Built> {
    const config = await this.fetchConfig();
    const ix = await this.payoutProgram.methods
      .channelTopUp(bn(a.amount))
      .accountsStrict({
        config: configPda(),
        vault: config.vault,
        mint: config.mint,
        payer: a.payer,
        payerToken: associatedTokenAddress(a.payer, config.mint, config.tokenProgram),
        channel: a.channel,
        tokenProgram: config.tokenProgram,
      })
      .instruction();
    return { instructions: [ix] };
  }

  /**
   * `channel_settle` of `voucher` (see `channels.ts`) with the channel's signer's `signature`, by
   * the channel's operator, whose current authority `authority` signs: the Ed25519 program's
   * verification right before the settlement (and `epoch_open` first for a model with a
   * proof-attributed entry), to send in one transaction.
   */
  async channelSettle(a: { channel: PublicKey; voucher: Voucher; signature: Uint8Array; authority: PublicKey }): Promise<Built> {
    const channel = await this.fetchChannel(a.channel);
    const [config, model, operator] = await Promise.all([this.fetchConfig(), this.fetchModel(channel.model), this.findOperator(channel.operator)]);
    const epochIndex = hasProofAttributedEntry(model) ? await this.currentEpochIndex(config) : null;
    const verify = Ed25519Program.createInstructionWithPublicKey({
      publicKey: channel.signer.toBytes(),
      message: voucherMessage(a.channel, channel.nonce, a.voucher),
      signature: a.signature,
    });
    const settle = await this.payoutProgram.methods
      .channelSettle({
        sequence: bn(a.voucher.sequence),
        calls: bn(a.voucher.calls),
        amount: bn(a.voucher.amount),
        runningHash: Array.from(a.voucher.runningHash),
      })
      .accountsStrict({
        config: configPda(),
        channel: a.channel,
        model: channel.model,
        operator: channel.operator,
        operatorAuthority: a.authority,
        operatorStake: operator.stake ?? stakePda(a.authority),
        treasuryEarnings: earningsPda(config.treasury, EarningsRole.Treasury),
        ownerEarnings: earningsPda(model.owner, EarningsRole.ModelOwner),
        operatorEarnings: earningsPda(a.authority, EarningsRole.Operator),
        instructions: SYSVAR_INSTRUCTIONS_PUBKEY,
      })
      .remainingAccounts(payoutLineageAccounts(model, epochIndex === null ? undefined : { model: channel.model, epochIndex }))
      .instruction();
    if (epochIndex === null) return { instructions: [verify, settle] };
    const open = await this.epochOpen({ payer: a.authority, model: channel.model, index: epochIndex, config });
    return { instructions: [...open.instructions, verify, settle] };
  }

  /** `channel_close_request`: the payer starts closing (revoking its agent); the operator has a day to settle. */
  async channelCloseRequest(a: { payer: PublicKey; channel: PublicKey }): Promise<Built> {
    const ix = await this.payoutProgram.methods.channelCloseRequest().accountsStrict({ payer: a.payer, channel: a.channel }).instruction();
    return { instructions: [ix] };
  }

  /** `channel_close` (permissionless, after the settle deadline): the rest to the payer's ATA, the rent to the payer. */
  async channelClose(a: { channel: PublicKey }): Promise<Built> {
    const [config, channel] = await Promise.all([this.fetchConfig(), this.fetchChannel(a.channel)]);
    const ix = await this.payoutProgram.methods
      .channelClose()
      .accountsStrict({
        config: configPda(),
        vault: config.vault,
        mint: config.mint,
        channel: a.channel,
        payer: channel.payer,
        payerToken: associatedTokenAddress(channel.payer, config.mint, config.tokenProgram),
        tokenProgram: config.tokenProgram,
      })
      .instruction();
    return { instructions: [ix] };
  }

  /** `escrow_distribute` (permissionless crank): an upstream model's escrow, by its own split. */
  async escrowDistribute(a: {
    model: PublicKey;
    modelAccount?: ModelAccount;
    config?: ConfigAccount;
  }): Promise<Built> {
    const model = a.modelAccount ?? (await this.fetchModel(a.model));
    const config = a.config ?? (await this.fetchConfig());
    const ix = await this.payoutProgram.methods
      .escrowDistribute()
      .accountsStrict({
        config: configPda(),
        escrow: escrowPda(a.model),
        model: a.model,
        treasuryEarnings: earningsPda(config.treasury, EarningsRole.Treasury),
        ownerEarnings: earningsPda(model.owner, EarningsRole.ModelOwner),
      })
      .remainingAccounts(payoutLineageAccounts(model))
      .instruction();
    return { instructions: [ix] };
  }

  /**
   * `position_claim`: `beneficiary` claims what all of `positions` (its own, across datanets and
   * versions) accrued, in ONE instruction and one token transfer of the sum, into `destination`
   * (default: its ATA, created first unless `createDestination` is false). The remaining accounts
   * are `(position, pool)` pairs, both writable. Fails with `NothingToClaim` when the sum is 0.
   */
  async positionClaim(a: {
    beneficiary: PublicKey;
    positions: readonly PositionRef[];
    destination?: PublicKey;
    open?: OpenToken;
    createDestination?: boolean;
  }): Promise<Built<{ destination: PublicKey; positions: PublicKey[] }>> {
    const open = a.open ?? (await this.openToken());
    const { destination, pre } = this.destination(a.beneficiary, open, a.destination, a.createDestination);
    const pairs = a.positions.map((p) => {
      const pool = poolPda(p.datanetVersion);
      return { position: positionPda(pool, p.contribution), pool };
    });
    const ix = await this.payoutProgram.methods
      .positionClaim()
      .accountsStrict({
        config: configPda(),
        vault: vaultPda(),
        mint: open.mint,
        beneficiary: a.beneficiary,
        destination,
        tokenProgram: open.tokenProgram,
      })
      .remainingAccounts(pairs.flatMap((p) => [writableMeta(p.position), writableMeta(p.pool)]))
      .instruction();
    return { instructions: [...pre, ix], destination, positions: pairs.map((p) => p.position) };
  }

  /**
   * Every position of `wallet` with something to claim (`positionsOf`: those naming it, and those
   * of contributions handed to it that still name a previous contributor), as `position_claim`
   * instructions packed into as few transactions as fit in `maxSize` bytes (default
   * `MAX_TRANSACTION_SIZE`, 1,232), fee payer `feePayer` (default `wallet`): one
   * `position_claim` per transaction, with as many `(position, pool)` pairs as fit, preceded in
   * the same transaction by the `position_sync` of each of its positions that `needsSync` (so the
   * claim pays `wallet`; `synced` names them). The destination's ATA creation (unless
   * `createDestination` is false) rides in the first transaction. `transactions` is empty when
   * nothing is claimable.
   */
  async claimAllInstructions(
    wallet: PublicKey,
    opts: {
      destination?: PublicKey;
      open?: OpenToken;
      createDestination?: boolean;
      feePayer?: PublicKey;
      maxSize?: number;
    } = {},
  ): Promise<{
    transactions: TransactionInstruction[][];
    positions: PositionInfo[];
    total: bigint;
    destination: PublicKey;
    synced: PublicKey[];
  }> {
    const open = opts.open ?? (await this.openToken());
    const feePayer = opts.feePayer ?? wallet;
    const maxSize = opts.maxSize ?? MAX_TRANSACTION_SIZE;
    const positions = (await this.positionsOf(wallet)).filter((p) => p.claimable > 0n);
    const total = positions.reduce((sum, p) => sum + p.claimable, 0n);
    const { destination, pre } = this.destination(wallet, open, opts.destination, opts.createDestination, feePayer);
    const transactions: TransactionInstruction[][] = [];
    // One transaction: [the ATA's creation (first only)], the syncs `batch` needs, position_claim over `batch`.
    const build = async (batch: PositionInfo[], first: boolean): Promise<TransactionInstruction[]> => {
      const syncs = await Promise.all(batch.filter((p) => p.needsSync).map((p) => this.positionSyncInstruction(p.position, p.contribution)));
      const claim = await this.positionClaim({ beneficiary: wallet, positions: batch, destination, open });
      return [...(first ? pre : []), ...syncs, ...claim.instructions];
    };
    let batch: PositionInfo[] = [];
    let built: TransactionInstruction[] = [];
    for (const p of positions) {
      const first = transactions.length === 0;
      const candidate = await build([...batch, p], first);
      if (transactionSize(candidate, feePayer) <= maxSize) {
        batch.push(p);
        built = candidate;
        continue;
      }
      if (batch.length === 0) {
        throw new RangeError(`one position claim alone is ${transactionSize(candidate, feePayer)} bytes, above ${maxSize}`);
      }
      transactions.push(built);
      batch = [p];
      built = await build(batch, false);
      if (transactionSize(built, feePayer) > maxSize) {
        throw new RangeError(`one position claim alone is ${transactionSize(built, feePayer)} bytes, above ${maxSize}`);
      }
    }
    if (batch.length > 0) transactions.push(built);
    const synced = positions.filter((p) => p.needsSync).map((p) => p.position);
    return { transactions, positions, total, destination, synced };
  }

  /**
   * `earnings_claim`: `beneficiary`'s balance in `role`, into `destination` (default: its ATA,
   * created first unless `createDestination` is false).
   */
  async earningsClaim(a: {
    beneficiary: PublicKey;
    role: EarningsRole;
    destination?: PublicKey;
    open?: OpenToken;
    createDestination?: boolean;
  }): Promise<Built<{ destination: PublicKey }>> {
    const open = a.open ?? (await this.openToken());
    const { destination, pre } = this.destination(a.beneficiary, open, a.destination, a.createDestination);
    const ix = await this.payoutProgram.methods
      .earningsClaim()
      .accountsStrict({
        config: configPda(),
        vault: vaultPda(),
        mint: open.mint,
        earnings: earningsPda(a.beneficiary, a.role),
        beneficiary: a.beneficiary,
        destination,
        tokenProgram: open.tokenProgram,
      })
      .instruction();
    return { instructions: [...pre, ix], destination };
  }

  private destination(
    owner: PublicKey,
    open: Pick<OpenToken, "mint" | "tokenProgram">,
    given: PublicKey | undefined,
    create = true,
    payer: PublicKey = owner,
  ): { destination: PublicKey; pre: TransactionInstruction[] } {
    if (given) return { destination: given, pre: [] };
    const destination = associatedTokenAddress(owner, open.mint, open.tokenProgram);
    const pre = create
      ? [createAssociatedTokenAccountIdempotentInstruction(payer, owner, open.mint, open.tokenProgram)]
      : [];
    return { destination, pre };
  }

  // ---------------------------------------------------------------- attribution_payout: epochs

  /**
   * `epoch_open` (permissionless, idempotent): `model`'s epoch `index` (default: the current one,
   * from the Clock sysvar), `payer` paying its rent if it creates it. Only the current epoch of a
   * published model with a proof-attributed entry can be opened (`NotCurrentEpoch`).
   */
  async epochOpen(a: {
    payer: PublicKey;
    model: PublicKey;
    index?: Integer;
    config?: ConfigAccount;
  }): Promise<Built<{ epoch: PublicKey; index: bigint }>> {
    const index = a.index != null ? BigInt(a.index) : await this.currentEpochIndex(a.config);
    const epoch = epochPda(a.model, index);
    const ix = await this.payoutProgram.methods
      .epochOpen(bn(index))
      .accountsStrict({
        config: configPda(),
        model: a.model,
        epoch,
        payer: a.payer,
        systemProgram: SystemProgram.programId,
      })
      .instruction();
    return { instructions: [ix], epoch, index };
  }

  /**
   * `attribution_root_post`: the model's attestor (holding at least the minimum operator stake)
   * posts the allocation of an ended epoch, once, before the root deadline: the Merkle `root`
   * over its `leafCount` leaves (`attributionAllocation`: each names a contribution), their
   * `total` (at most what the epoch accrued; the rest goes to the pool of the version the epoch's
   * entry cites at once), `recordsHash`, which must equal the epoch's running hash, `inputsHash`,
   * the sha256 of the published attestation the root was computed from (stored on the epoch), and
   * `inputsUri`, where that attestation is published (1 to `MAX_INPUTS_URI_LEN` = 200 bytes, in
   * the `AttributionRootPosted` event only; `InvalidInputsUri` otherwise). The version's bound
   * (`Epoch.acceptedEnd`) is copied from its pool. The attestor must be the model's
   * (`NotAttestor`) and approved by the curator of the epoch's datanet (`datanetAttestorApprove`;
   * `AttestorNotApproved`). `datanet` and `datanetVersion` (the epoch's) are read from the epoch
   * when absent.
   *
   * The attestor bonds its root: `attestorBond(total, config.challenge.attestorBondBps)` (at least
   * 10 %, rounded up) moves from `attestorToken` (default: its ATA) into the fee vault, recorded
   * in the epoch's `attestation` (`attestationPda(epoch)`, whose rent the attestor pays). Claims
   * open the epoch's challenge window (at least a day) after the post; until then anyone may
   * challenge the root (`epochChallenge`). What is left of the bond comes back with the rent
   * through `attestationClose`.
   */
  async attributionRootPost(a: {
    attestor: PublicKey;
    model: PublicKey;
    index: Integer;
    root: Uint8Array | number[];
    total: Integer;
    leafCount: Integer;
    recordsHash: Uint8Array | number[];
    inputsHash: Uint8Array | number[];
    inputsUri: string;
    datanet?: PublicKey;
    datanetVersion?: PublicKey;
    /** The attestor's stake (default: the one created under `attestor`). */
    attestorStake?: PublicKey;
    attestorToken?: PublicKey;
    open?: OpenToken;
  }): Promise<Built<{ epoch: PublicKey; attestation: PublicKey; attestorToken: PublicKey }>> {
    const open = a.open ?? (await this.openToken());
    const epoch = epochPda(a.model, a.index);
    const attestation = attestationPda(epoch);
    const attestorToken = a.attestorToken ?? associatedTokenAddress(a.attestor, open.mint, open.tokenProgram);
    const state = a.datanet && a.datanetVersion ? null : await this.fetchEpoch(a.model, a.index);
    const datanet = a.datanet ?? state!.datanet;
    const datanetVersion = a.datanetVersion ?? state!.datanetVersion;
    const ix = await this.payoutProgram.methods
      .attributionRootPost({
        root: bytes32(a.root, "root"),
        total: bn(a.total),
        leafCount: bn(a.leafCount),
        recordsHash: bytes32(a.recordsHash, "recordsHash"),
        inputsHash: bytes32(a.inputsHash, "inputsHash"),
        inputsUri: a.inputsUri,
      })
      .accountsStrict({
        config: configPda(),
        vault: vaultPda(),
        mint: open.mint,
        model: a.model,
        epoch,
        attestor: a.attestor,
        attestorStake: a.attestorStake ?? stakePda(a.attestor),
        pool: poolPda(datanetVersion),
        attestorToken,
        attestorApproval: attestorApprovalPda(datanet, a.attestor),
        attestation,
        tokenProgram: open.tokenProgram,
        systemProgram: SystemProgram.programId,
      })
      .instruction();
    return { instructions: [ix], epoch, attestation, attestorToken };
  }

  /**
   * `epoch_challenge`: `challenger` disputes the posted root of `model`'s epoch `index` inside
   * its challenge window (before `Epoch.claimsOpenAt`; `ChallengeWindowClosed` after it), bonding
   * the config's `challenge.challengeBond` from `challengerToken` (default: its ATA). `disputed`
   * names what it disputes: a leaf of the root (32 bytes: `leaf` from `merkle.ts`), or the
   * contribution a missing leaf would name (its address). The epoch becomes Challenged: no claim
   * and no veto (`RootChallenged`), nor a second challenge, until the resolver decides or its
   * deadline (`Attestation.resolveBy`: `challenge.resolveWindowSecs` later) passes
   * (`epochChallengeEnd`).
   */
  async epochChallenge(a: {
    challenger: PublicKey;
    model: PublicKey;
    index: Integer;
    disputed: Uint8Array | number[] | PublicKey;
    challengerToken?: PublicKey;
    open?: OpenToken;
  }): Promise<Built<{ epoch: PublicKey; attestation: PublicKey; challengerToken: PublicKey }>> {
    const open = a.open ?? (await this.openToken());
    const epoch = epochPda(a.model, a.index);
    const attestation = attestationPda(epoch);
    const challengerToken = a.challengerToken ?? associatedTokenAddress(a.challenger, open.mint, open.tokenProgram);
    const disputed = a.disputed instanceof PublicKey ? a.disputed.toBytes() : a.disputed;
    const ix = await this.payoutProgram.methods
      .epochChallenge(bytes32(disputed, "disputed"))
      .accountsStrict({
        config: configPda(),
        vault: vaultPda(),
        mint: open.mint,
        epoch,
        attestation,
        challenger: a.challenger,
        challengerToken,
        tokenProgram: open.tokenProgram,
      })
      .instruction();
    return { instructions: [ix], epoch, attestation, challengerToken };
  }

  /**
   * `epoch_challenge_end`: ends the challenge of `model`'s epoch `index`, `signer` signing.
   * `upheld` and `dismissed` are the config's resolver's (`NotResolver` for anyone else), before
   * `Attestation.resolveBy` (`ResolveDeadlinePassed` after it). Upheld: the root is struck (the
   * epoch is released); the challenger gets its bond back plus `challengeRewardBps` of the
   * attestor's bond; the rest of that bond and everything the epoch held go to the pool of its
   * datanet version. Dismissed: the challenger's bond joins the attestor's, and claims open when
   * the window ends. `expired`: anyone, once `resolveBy` has passed (`ResolveDeadlineNotPassed`
   * before): the epoch falls back to the static weights (its balance to the pool), and both bonds
   * go back (the attestor's through `attestationClose`). The challenger is paid into
   * `challengerToken`, which must be its own (`NotOwnTokenAccount`; default: the ATA of the
   * challenger the attestation names). `datanetVersion` is read from the epoch when absent.
   */
  async epochChallengeEnd(a: {
    signer: PublicKey;
    model: PublicKey;
    index: Integer;
    outcome: ChallengeOutcomeName;
    datanetVersion?: PublicKey;
    challengerToken?: PublicKey;
    open?: OpenToken;
  }): Promise<Built<{ epoch: PublicKey; attestation: PublicKey; challengerToken: PublicKey }>> {
    const open = a.open ?? (await this.openToken());
    const epoch = epochPda(a.model, a.index);
    const attestation = attestationPda(epoch);
    const challengerToken =
      a.challengerToken ??
      associatedTokenAddress((await this.fetchAttestation(a.model, a.index)).challenger, open.mint, open.tokenProgram);
    const datanetVersion = a.datanetVersion ?? (await this.fetchEpoch(a.model, a.index)).datanetVersion;
    const ix = await this.payoutProgram.methods
      .epochChallengeEnd(outcomeArg(a.outcome))
      .accountsStrict({
        config: configPda(),
        vault: vaultPda(),
        mint: open.mint,
        epoch,
        attestation,
        pool: poolPda(datanetVersion),
        challengerToken,
        signer: a.signer,
        tokenProgram: open.tokenProgram,
      })
      .instruction();
    return { instructions: [ix], epoch, attestation, challengerToken };
  }

  /**
   * `attestation_close` (permissionless): pays the attestor of `model`'s epoch `index` what is
   * left of its bond (its own and a dismissed challenger's; nothing after an upheld challenge)
   * into `attestorToken` (default: its ATA), and closes the attestation, its rent back to the
   * attestor: once claims are open with no challenge pending, or once the epoch was released
   * (`BondLocked` before). `attestor` is read from the attestation when absent. `epochClose`
   * needs it closed.
   */
  async attestationClose(a: {
    model: PublicKey;
    index: Integer;
    attestor?: PublicKey;
    attestorToken?: PublicKey;
    open?: OpenToken;
  }): Promise<Built<{ epoch: PublicKey; attestation: PublicKey; attestor: PublicKey; attestorToken: PublicKey }>> {
    const open = a.open ?? (await this.openToken());
    const epoch = epochPda(a.model, a.index);
    const attestation = attestationPda(epoch);
    const attestor = a.attestor ?? (await this.fetchAttestation(a.model, a.index)).attestor;
    const attestorToken = a.attestorToken ?? associatedTokenAddress(attestor, open.mint, open.tokenProgram);
    const ix = await this.payoutProgram.methods
      .attestationClose()
      .accountsStrict({
        config: configPda(),
        vault: vaultPda(),
        mint: open.mint,
        epoch,
        attestation,
        attestor,
        attestorToken,
        tokenProgram: open.tokenProgram,
      })
      .instruction();
    return { instructions: [ix], epoch, attestation, attestor, attestorToken };
  }

  /**
   * `attribution_claim` (permissionless crank): pays `contribution` its leaf (`amount`, with the
   * Merkle `proof` from `merkle.ts`) of `model`'s epoch `index`, into an OPEN account of the
   * contribution's current `contributor` (read from the contribution when absent: after a
   * handover, the new holder), by default its ATA, created first, paid by the cranker, unless
   * `createDestination` is false. The cranker signs and pays the receipt's rent (returned by
   * `receipt_close`). Claims open when the challenge window ends, and wait while the root is
   * challenged (`RootChallenged`). The program refuses a contribution of another datanet
   * (`ContributionOfAnotherDatanet`), not accepted (`ContributionNotAccepted`) or not in the
   * version the model cites (`NotInVersion`), and an account that is no contribution.
   */
  async attributionClaim(a: {
    cranker: PublicKey;
    model: PublicKey;
    index: Integer;
    contribution: PublicKey;
    amount: Integer;
    proof: readonly (Uint8Array | number[])[];
    contributor?: PublicKey;
    destination?: PublicKey;
    open?: OpenToken;
    createDestination?: boolean;
  }): Promise<Built<{ epoch: PublicKey; receipt: PublicKey; contributor: PublicKey; destination: PublicKey }>> {
    const open = a.open ?? (await this.openToken());
    const contributor = a.contributor ?? (await this.fetchContribution(a.contribution)).contributor;
    const epoch = epochPda(a.model, a.index);
    const receipt = receiptPda(epoch, a.contribution);
    const { destination, pre } = this.destination(contributor, open, a.destination, a.createDestination, a.cranker);
    const ix = await this.payoutProgram.methods
      .attributionClaim({ amount: bn(a.amount), proof: a.proof.map((p, i) => bytes32(p, `proof[${i}]`)) })
      .accountsStrict({
        config: configPda(),
        vault: vaultPda(),
        mint: open.mint,
        epoch,
        contribution: a.contribution,
        destination,
        receipt,
        cranker: a.cranker,
        tokenProgram: open.tokenProgram,
        systemProgram: SystemProgram.programId,
      })
      .instruction();
    return { instructions: [...pre, ix], epoch, receipt, contributor, destination };
  }

  /**
   * `attribution_release` (permissionless): an epoch with no root by its deadline sends all it
   * accrued to the pool of its datanet version. `datanetVersion` is read from the epoch when absent.
   */
  async attributionRelease(a: {
    model: PublicKey;
    index: Integer;
    datanetVersion?: PublicKey;
  }): Promise<Built<{ epoch: PublicKey }>> {
    const epoch = epochPda(a.model, a.index);
    const datanetVersion = a.datanetVersion ?? (await this.fetchEpoch(a.model, a.index)).datanetVersion;
    const ix = await this.payoutProgram.methods
      .attributionRelease()
      .accountsStrict({ epoch, pool: poolPda(datanetVersion) })
      .instruction();
    return { instructions: [ix], epoch };
  }

  /**
   * `attribution_root_veto` (config authority): strikes down a posted root during its challenge
   * window, unless it is challenged (`RootChallenged`: the resolver decides); the epoch's balance
   * goes to the pool of its datanet version, and the attestor's bond can be released
   * (`attestationClose`). `datanetVersion` is read from the epoch when absent.
   */
  async attributionRootVeto(a: {
    guardian: PublicKey;
    model: PublicKey;
    index: Integer;
    reason: number;
    datanetVersion?: PublicKey;
  }): Promise<Built<{ epoch: PublicKey }>> {
    const epoch = epochPda(a.model, a.index);
    const datanetVersion = a.datanetVersion ?? (await this.fetchEpoch(a.model, a.index)).datanetVersion;
    const ix = await this.payoutProgram.methods
      .attributionRootVeto(a.reason)
      .accountsStrict({ config: configPda(), guardian: a.guardian, epoch, pool: poolPda(datanetVersion) })
      .instruction();
    return { instructions: [ix], epoch };
  }

  /**
   * `epoch_close` (permissionless): after the claim window (or once released), what was not
   * claimed goes to the pool of its datanet version and the epoch's rent to its `rentPayer`. A
   * posted root's attestation must be closed first (`attestationClose`; `AttestorBondHeld`
   * otherwise). `datanetVersion` and `rentPayer` are read from the epoch when absent.
   */
  async epochClose(a: {
    model: PublicKey;
    index: Integer;
    datanetVersion?: PublicKey;
    rentPayer?: PublicKey;
  }): Promise<Built<{ epoch: PublicKey; rentPayer: PublicKey }>> {
    const epoch = epochPda(a.model, a.index);
    const state = a.datanetVersion && a.rentPayer ? null : await this.fetchEpoch(a.model, a.index);
    const datanetVersion = a.datanetVersion ?? state!.datanetVersion;
    const rentPayer = a.rentPayer ?? state!.rentPayer;
    const ix = await this.payoutProgram.methods
      .epochClose()
      .accountsStrict({ epoch, pool: poolPda(datanetVersion), rentPayer, attestation: attestationPda(epoch) })
      .instruction();
    return { instructions: [ix], epoch, rentPayer };
  }

  /**
   * `receipt_close` (permissionless): once its epoch is closed, the receipt of `contribution`'s
   * claim from `epoch` goes, its rent to its `rentPayer` (read from the receipt when absent).
   */
  async receiptClose(a: {
    epoch: PublicKey;
    contribution: PublicKey;
    rentPayer?: PublicKey;
  }): Promise<Built<{ receipt: PublicKey; rentPayer: PublicKey }>> {
    const receipt = receiptPda(a.epoch, a.contribution);
    const rentPayer = a.rentPayer ?? (await this.fetchDecoded<ReceiptAccount>(this.payoutProgram, "receipt", receipt)).rentPayer;
    const ix = await this.payoutProgram.methods
      .receiptClose()
      .accountsStrict({ receipt, epoch: a.epoch, rentPayer })
      .instruction();
    return { instructions: [ix], receipt, rentPayer };
  }

  // ---------------------------------------------------------------- reads

  /** The raw account at `address`, or null. */
  async getAccount(address: PublicKey): Promise<AccountInfoLike | null> {
    if (!this.reader) throw new Error("this AttributionClient has no connection or reader to read accounts with");
    return this.reader(address);
  }

  private async fetchDecoded<T>(program: Program<any>, name: string, address: PublicKey): Promise<T> {
    const found = await this.fetchDecodedOrNull<T>(program, name, address);
    if (found === null) throw new Error(`no ${name} account at ${address.toBase58()}`);
    return found;
  }

  private async fetchDecodedOrNull<T>(program: Program<any>, name: string, address: PublicKey): Promise<T | null> {
    const info = await this.getAccount(address);
    if (!info) return null;
    if (!info.owner.equals(program.programId)) {
      throw new Error(`${address.toBase58()} is owned by ${info.owner.toBase58()}, not ${program.programId.toBase58()}`);
    }
    return program.coder.accounts.decode<T>(name, Buffer.from(info.data));
  }

  fetchConfig(): Promise<ConfigAccount> {
    return this.fetchDecoded(this.payoutProgram, "config", configPda());
  }
  /** The config, or null before `config_init`. */
  fetchConfigOrNull(): Promise<ConfigAccount | null> {
    return this.fetchDecodedOrNull(this.payoutProgram, "config", configPda());
  }
  /** The curator of `datanet`'s approval of `attestor`, or null (never approved, or revoked). */
  fetchAttestorApprovalOrNull(datanet: PublicKey, attestor: PublicKey): Promise<AttestorApprovalAccount | null> {
    return this.fetchDecodedOrNull(this.datanetProgram, "attestorApproval", attestorApprovalPda(datanet, attestor));
  }
  fetchDatanet(datanet: PublicKey): Promise<DatanetAccount> {
    return this.fetchDecoded(this.datanetProgram, "datanet", datanet);
  }
  fetchContribution(contribution: PublicKey): Promise<ContributionAccount> {
    return this.fetchDecoded(this.datanetProgram, "contribution", contribution);
  }
  fetchDatanetVersion(datanetVersion: PublicKey): Promise<DatanetVersionAccount> {
    return this.fetchDecoded(this.datanetProgram, "datanetVersion", datanetVersion);
  }
  fetchModel(model: PublicKey): Promise<ModelAccount> {
    return this.fetchDecoded(this.modelProgram, "model", model);
  }
  fetchChannel(channel: PublicKey): Promise<ChannelAccount> {
    return this.fetchDecoded(this.payoutProgram, "channel", channel);
  }
  /** The operator registered by `authority`. */
  fetchOperator(authority: PublicKey): Promise<OperatorAccount> {
    return this.fetchDecoded(this.modelProgram, "operator", operatorPda(authority));
  }
  /** The reward pool of `datanetVersion`. */
  fetchPool(datanetVersion: PublicKey): Promise<PoolAccount> {
    return this.fetchDecoded(this.payoutProgram, "pool", poolPda(datanetVersion));
  }
  /** The reward pool of `datanetVersion`, or null (not created yet). */
  fetchPoolOrNull(datanetVersion: PublicKey): Promise<PoolAccount | null> {
    return this.fetchDecodedOrNull(this.payoutProgram, "pool", poolPda(datanetVersion));
  }
  /** The position of `contribution` in `pool` (the pool's address: `poolPda(datanetVersion)`). */
  fetchPosition(pool: PublicKey, contribution: PublicKey): Promise<PositionAccount> {
    return this.fetchDecoded(this.payoutProgram, "position", positionPda(pool, contribution));
  }
  /** The position of `contribution` in `pool`, or null (not enrolled). */
  fetchPositionOrNull(pool: PublicKey, contribution: PublicKey): Promise<PositionAccount | null> {
    return this.fetchDecodedOrNull(this.payoutProgram, "position", positionPda(pool, contribution));
  }
  /** `beneficiary`'s earnings in `role`. */
  fetchEarnings(beneficiary: PublicKey, role: EarningsRole): Promise<EarningsAccount> {
    return this.fetchDecoded(this.payoutProgram, "earnings", earningsPda(beneficiary, role));
  }
  /** The escrow of `model`. */
  fetchEscrow(model: PublicKey): Promise<EscrowAccount> {
    return this.fetchDecoded(this.payoutProgram, "escrow", escrowPda(model));
  }
  /** The stake of the operator `authority`. */
  fetchStake(authority: PublicKey): Promise<StakeAccount> {
    return this.fetchDecoded(this.payoutProgram, "stake", stakePda(authority));
  }

  /**
   * An operator, its current authority and its stake, from `key`: the key it was registered
   * under (its Operator account is at `operatorPda(key)`; tried first), its Operator account's
   * address, or, through the client's `programAccounts`, its current authority (the only
   * operator whose authority `key` is). Its stake is the one whose authority is the operator's:
   * at the PDA of the key it was registered under or of its authority, else (through
   * `programAccounts`) the one of that authority with the most active stake; null when none.
   * Throws, naming `key`, when no operator is found.
   */
  async findOperator(key: PublicKey): Promise<OperatorInfo> {
    let operator = operatorPda(key);
    let account = await this.fetchDecodedOrNull<OperatorAccount>(this.modelProgram, "operator", operator);
    let registeredUnder: PublicKey | null = account ? key : null;
    if (!account) {
      const info = await this.getAccount(key);
      if (info?.owner.equals(this.modelProgram.programId) && Buffer.from(info.data.subarray(0, 8)).equals(Buffer.from(OPERATOR_DISCRIMINATOR))) {
        operator = key;
        account = this.modelProgram.coder.accounts.decode<OperatorAccount>("operator", Buffer.from(info.data));
      } else if (this.programAccounts) {
        const owned = await this.operatorsOf(key);
        if (owned.length > 1) {
          throw new Error(`${key.toBase58()} is the authority of ${owned.length} operators: name the Operator account`);
        }
        if (owned.length === 1) ({ address: operator, account } = owned[0]);
      }
      if (!account) throw new Error(`no operator registered under ${key.toBase58()}, at that address, or with that authority`);
      if (operatorPda(account.authority).equals(operator)) registeredUnder = account.authority;
    }
    const authority = account.authority;
    const candidates = [registeredUnder, authority].filter((k): k is PublicKey => k !== null).map((k) => stakePda(k));
    for (const stake of candidates) {
      const stakeAccount = await this.fetchDecodedOrNull<StakeAccount>(this.payoutProgram, "stake", stake);
      if (stakeAccount?.authority.equals(authority)) return { operator, account, authority, registeredUnder, stake, stakeAccount };
    }
    const stakes = this.programAccounts ? await this.stakesOf(authority) : [];
    const best = stakes.sort((x, y) => Number(BigInt(y.account.active.toString()) - BigInt(x.account.active.toString())))[0];
    return { operator, account, authority, registeredUnder, stake: best?.address ?? null, stakeAccount: best?.account ?? null };
  }

  /** Every Operator whose authority is `wallet` now (registered by it, or handed to it). */
  async operatorsOf(wallet: PublicKey): Promise<AccountRow<OperatorAccount>[]> {
    const found = await this.listAccounts(this.modelProgram.programId, [
      { memcmp: { offset: 0, bytes: utils.bytes.bs58.encode(Buffer.from(OPERATOR_DISCRIMINATOR)) } },
      { memcmp: { offset: OPERATOR_AUTHORITY_OFFSET, bytes: wallet.toBase58() } },
    ]);
    return found.map(({ pubkey, account }) => ({
      address: pubkey,
      account: this.modelProgram.coder.accounts.decode<OperatorAccount>("operator", Buffer.from(account.data)),
    }));
  }

  /** Every Stake whose authority is `wallet` now (created by it, or handed to it). */
  async stakesOf(wallet: PublicKey): Promise<AccountRow<StakeAccount>[]> {
    const found = await this.listAccounts(this.payoutProgram.programId, [
      { memcmp: { offset: 0, bytes: utils.bytes.bs58.encode(Buffer.from(STAKE_DISCRIMINATOR)) } },
      { memcmp: { offset: STAKE_AUTHORITY_OFFSET, bytes: wallet.toBase58() } },
    ]);
    return found.map(({ pubkey, account }) => ({
      address: pubkey,
      account: this.payoutProgram.coder.accounts.decode<StakeAccount>("stake", Buffer.from(account.data)),
    }));
  }

  /** `model`'s epoch `index`. */
  fetchEpoch(model: PublicKey, index: Integer): Promise<EpochAccount> {
    return this.fetchDecoded(this.payoutProgram, "epoch", epochPda(model, index));
  }
  /** `model`'s epoch `index`, or null (not opened yet, or closed). */
  fetchEpochOrNull(model: PublicKey, index: Integer): Promise<EpochAccount | null> {
    return this.fetchDecodedOrNull(this.payoutProgram, "epoch", epochPda(model, index));
  }
  /** The attestation of `model`'s epoch `index`: its attestor's bond, and its challenge. */
  fetchAttestation(model: PublicKey, index: Integer): Promise<AttestationAccount> {
    return this.fetchDecoded(this.payoutProgram, "attestation", attestationPda(epochPda(model, index)));
  }
  /** The attestation of `model`'s epoch `index`, or null (no root posted, or closed by `attestationClose`). */
  fetchAttestationOrNull(model: PublicKey, index: Integer): Promise<AttestationAccount | null> {
    return this.fetchDecodedOrNull(this.payoutProgram, "attestation", attestationPda(epochPda(model, index)));
  }
  /** The receipt of `contribution`'s claim from `epoch` (the epoch's address: `epochPda`). */
  fetchReceipt(epoch: PublicKey, contribution: PublicKey): Promise<ReceiptAccount> {
    return this.fetchDecoded(this.payoutProgram, "receipt", receiptPda(epoch, contribution));
  }
  /** The receipt, or null (not claimed, or closed). */
  fetchReceiptOrNull(epoch: PublicKey, contribution: PublicKey): Promise<ReceiptAccount | null> {
    return this.fetchDecodedOrNull(this.payoutProgram, "receipt", receiptPda(epoch, contribution));
  }

  /** The Clock sysvar as the chain (or LiteSVM) has it now. */
  async fetchClock(): Promise<ClockSysvar> {
    const info = await this.getAccount(SYSVAR_CLOCK_PUBKEY);
    if (!info) throw new Error("the Clock sysvar account could not be read");
    return decodeClock(info.data);
  }

  /**
   * The index of the current Proof of Attribution epoch: floor(Clock unix_timestamp / the
   * config's epoch length), as the program computes it.
   */
  async currentEpochIndex(config?: Pick<ConfigAccount, "epochLengthSecs">): Promise<bigint> {
    const { epochLengthSecs } = config ?? (await this.fetchConfig());
    return epochIndexAt((await this.fetchClock()).unixTimestamp, epochLengthSecs);
  }

  /**
   * What `contribution`'s position in `pool` can claim now, in OPEN base units (the program's
   * exact math: `claimableOf`).
   */
  async positionClaimable(pool: PublicKey, contribution: PublicKey): Promise<bigint> {
    const position = await this.fetchPosition(pool, contribution);
    return claimableOf(position, await this.fetchDecoded<PoolAccount>(this.payoutProgram, "pool", pool));
  }

  private listAccounts(program: PublicKey, filters: GetProgramAccountsFilter[]) {
    if (!this.programAccounts) {
      throw new Error("this AttributionClient has no connection or programAccounts reader to list accounts with");
    }
    return this.programAccounts(program, filters).then((found) => found.filter(({ account }) => account.owner.equals(program)));
  }

  private async listPositions(filter: { offset: number; key: PublicKey }): Promise<AccountRow<PositionAccount>[]> {
    const found = await this.listAccounts(this.payoutProgram.programId, [
      { memcmp: { offset: 0, bytes: utils.bytes.bs58.encode(Buffer.from(POSITION_DISCRIMINATOR)) } },
      { memcmp: { offset: filter.offset, bytes: filter.key.toBase58() } },
    ]);
    return found.map(({ pubkey, account }) => ({
      address: pubkey,
      account: this.payoutProgram.coder.accounts.decode<PositionAccount>("position", Buffer.from(account.data)),
    }));
  }

  private async listContributions(filter: { offset: number; bytes: Uint8Array }): Promise<AccountRow<ContributionAccount>[]> {
    const found = await this.listAccounts(this.datanetProgram.programId, [
      { memcmp: { offset: 0, bytes: utils.bytes.bs58.encode(Buffer.from(CONTRIBUTION_DISCRIMINATOR)) } },
      { memcmp: { offset: filter.offset, bytes: utils.bytes.bs58.encode(Buffer.from(filter.bytes)) } },
    ]);
    const rows = found.map(({ pubkey, account }) => ({
      address: pubkey,
      account: this.datanetProgram.coder.accounts.decode<ContributionAccount>("contribution", Buffer.from(account.data)),
    }));
    return rows.sort(
      (x, y) =>
        x.account.datanet.toBase58().localeCompare(y.account.datanet.toBase58()) ||
        Number(BigInt(x.account.index.toString()) - BigInt(y.account.index.toString())),
    );
  }

  /**
   * Every Contribution whose contributor is `wallet` now (submitted by it, or handed to it),
   * by getProgramAccounts with a memcmp at `CONTRIBUTION_CONTRIBUTOR_OFFSET`; sorted by datanet,
   * then submission index.
   */
  contributionsOf(wallet: PublicKey): Promise<AccountRow<ContributionAccount>[]> {
    return this.listContributions({ offset: CONTRIBUTION_CONTRIBUTOR_OFFSET, bytes: wallet.toBytes() });
  }

  /**
   * Every Contribution whose contributor proposed to hand it to `wallet` (its pending
   * contributor: memcmp of `Some(wallet)` at `CONTRIBUTION_PENDING_CONTRIBUTOR_OFFSET`), which
   * `wallet` can accept (`contributionTransferAccept`).
   */
  handoversProposedTo(wallet: PublicKey): Promise<AccountRow<ContributionAccount>[]> {
    const some = new Uint8Array(33);
    some[0] = 1;
    some.set(wallet.toBytes(), 1);
    return this.listContributions({ offset: CONTRIBUTION_PENDING_CONTRIBUTOR_OFFSET, bytes: some });
  }

  /**
   * Every Earnings account whose beneficiary proposed to hand it to `wallet` (its pending
   * beneficiary: memcmp of `Some(wallet)` at `EARNINGS_PENDING_BENEFICIARY_OFFSET`), which
   * `wallet` can accept (`earningsTransferAccept`: the balance moves into its own account of the
   * same role).
   */
  async earningsProposedTo(wallet: PublicKey): Promise<AccountRow<EarningsAccount>[]> {
    const some = new Uint8Array(33);
    some[0] = 1;
    some.set(wallet.toBytes(), 1);
    const found = await this.listAccounts(this.payoutProgram.programId, [
      { memcmp: { offset: 0, bytes: utils.bytes.bs58.encode(Buffer.from(EARNINGS_DISCRIMINATOR)) } },
      { memcmp: { offset: EARNINGS_PENDING_BENEFICIARY_OFFSET, bytes: utils.bytes.bs58.encode(Buffer.from(some)) } },
    ]);
    return found.map(({ pubkey, account }) => ({
      address: pubkey,
      account: this.payoutProgram.coder.accounts.decode<EarningsAccount>("earnings", Buffer.from(account.data)),
    }));
  }

  /** Every Position of `contribution` (one per version's pool it is enrolled in), whoever it names. */
  contributionPositions(contribution: PublicKey): Promise<AccountRow<PositionAccount>[]> {
    return this.listPositions({ offset: POSITION_CONTRIBUTION_OFFSET, key: contribution });
  }

  /**
   * Every Position `wallet` can claim, with its pool, datanet version, contribution and what it
   * can claim now; sorted by pool, then contribution. Those whose beneficiary is `wallet`
   * (getProgramAccounts: the Position discriminator and `wallet` at
   * `POSITION_BENEFICIARY_OFFSET`), and, unless `handedOver` is false, those of the accepted
   * contributions whose contributor is `wallet` now (`contributionsOf`) that still name another
   * beneficiary: contributions handed to `wallet` whose positions were not synced yet
   * (`needsSync`; one more listing per such contribution, by memcmp on `Position.contribution`).
   * A position of a contribution `wallet` handed away but not synced yet still names `wallet`,
   * and is listed (it can still claim it). Needs the client's `programAccounts` (or a
   * `connection`).
   */
  async positionsOf(wallet: PublicKey, opts: { handedOver?: boolean } = {}): Promise<PositionInfo[]> {
    const own = await this.listPositions({ offset: POSITION_BENEFICIARY_OFFSET, key: wallet });
    const found = new Map(own.map((p) => [p.address.toBase58(), p]));
    if (opts.handedOver !== false) {
      const accepted = (await this.contributionsOf(wallet)).filter((c) => "accepted" in c.account.status);
      const lists = await mapLimit(accepted, 8, (c) => this.contributionPositions(c.address));
      for (const p of lists.flat()) {
        if (!p.account.beneficiary.equals(wallet)) found.set(p.address.toBase58(), p);
      }
    }
    const pools = new Map<string, Promise<PoolAccount>>();
    const poolOf = (pool: PublicKey) => {
      const key = pool.toBase58();
      if (!pools.has(key)) pools.set(key, this.fetchDecoded<PoolAccount>(this.payoutProgram, "pool", pool));
      return pools.get(key)!;
    };
    const infos = await Promise.all(
      [...found.values()].map(async ({ address, account }): Promise<PositionInfo> => {
        const poolAccount = await poolOf(account.pool);
        return {
          position: address,
          pool: account.pool,
          datanet: poolAccount.datanet,
          datanetVersion: poolAccount.datanetVersion,
          contribution: account.contribution,
          beneficiary: account.beneficiary,
          weight: BigInt(account.weight.toString()),
          totalClaimed: BigInt(account.totalClaimed.toString()),
          claimable: claimableOf(account, poolAccount),
          needsSync: !account.beneficiary.equals(wallet),
          account,
          poolAccount,
        };
      }),
    );
    return infos.sort(
      (x, y) =>
        x.pool.toBase58().localeCompare(y.pool.toBase58()) || x.contribution.toBase58().localeCompare(y.contribution.toBase58()),
    );
  }

  /** The OPEN balance of a token account (0 when it does not exist). */
  async tokenBalance(tokenAccount: PublicKey): Promise<bigint> {
    const info = await this.getAccount(tokenAccount);
    return info ? decodeTokenAccount(info.data).amount : 0n;
  }

  /** OPEN as the config adopted it (mint, token program, decimals); read once, then cached. */
  async openToken(): Promise<OpenToken> {
    if (!this.openCache) {
      const config = await this.fetchConfig();
      this.openCache = { mint: config.mint, tokenProgram: config.tokenProgram, decimals: config.decimals };
    }
    return this.openCache;
  }
}
