/**
 * The suite's three built programs (target/deploy/*.so) in LiteSVM (the `litesvm` npm package,
 * which brings the SPL Token, Token-2022 and associated token programs), driven with real signed
 * transactions built by the client: web3.js 1.x transactions, signed, serialised and handed to
 * LiteSVM as wire bytes (decoded by @solana/kit, whose types LiteSVM's API takes).
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { getTransactionDecoder, address, lamports } from "@solana/kit";
import { utils } from "@anchor-lang/core";
import {
  type GetProgramAccountsFilter,
  Keypair,
  LAMPORTS_PER_SOL,
  PublicKey,
  type Transaction,
  type TransactionInstruction,
} from "@solana/web3.js";
import { Clock, FailedTransactionMetadata, LiteSVM } from "litesvm";
import {
  ATTRIBUTION_PAYOUT_PROGRAM_ID,
  type AccountReader,
  type ProgramAccountsReader,
  DATANET_REGISTRY_PROGRAM_ID,
  type DecodedProgramError,
  MODEL_REGISTRY_PROGRAM_ID,
  buildTransaction,
  createAssociatedTokenAccountIdempotentInstruction,
  associatedTokenAddress,
  createMintInstructions,
  createMintToInstruction,
  decodeProgramError,
  decodeTokenAccount,
  programDataPda,
  MINT_SIZE,
  TOKEN_PROGRAM_ID,
} from "@attribution-suite/client";

export const REPO_ROOT = resolve(__dirname, "../..");
/** `target/deploy`, or `$SUITE_DEPLOY_DIR` (as the Rust harness reads it). */
export const DEPLOY_DIR = process.env.SUITE_DEPLOY_DIR ?? join(REPO_ROOT, "target/deploy");

export const PROGRAM_FILES: [string, PublicKey][] = [
  ["datanet_registry", DATANET_REGISTRY_PROGRAM_ID],
  ["model_registry", MODEL_REGISTRY_PROGRAM_ID],
  ["attribution_payout", ATTRIBUTION_PAYOUT_PROGRAM_ID],
];

/** Throws, naming the missing files and `make build`, unless the three programs are built. */
export function requireBuiltPrograms(): void {
  const missing = PROGRAM_FILES.map(([name]) => join(DEPLOY_DIR, `${name}.so`)).filter((p) => !existsSync(p));
  if (missing.length > 0) {
    throw new Error(
      `the built programs are missing (${missing.join(", ")}): run \`make build\` first ` +
        "(anchor build writes target/deploy/*.so)",
    );
  }
}

export type Sent =
  | { ok: true; logs: string[]; computeUnits: bigint }
  | { ok: false; logs: string[]; error: DecodedProgramError | null; raw: string };

const kitAddress = (key: PublicKey) => address(key.toBase58());
const txDecoder = getTransactionDecoder();

export class TestChain {
  readonly svm: LiteSVM;
  /** Upgrade authority of the three programs (LiteSVM loads them with none). */
  readonly upgradeAuthority: Keypair;
  /** Every account address a sent transaction named: what `programAccounts` scans (LiteSVM lists none). */
  private readonly seen = new Set<string>();

  constructor() {
    requireBuiltPrograms();
    this.svm = new LiteSVM();
    for (const [name, id] of PROGRAM_FILES) this.svm.addProgramFromFile(kitAddress(id), join(DEPLOY_DIR, `${name}.so`));
    this.upgradeAuthority = this.wallet();
    for (const [, id] of PROGRAM_FILES) this.setUpgradeAuthority(id, this.upgradeAuthority.publicKey);
  }

  /**
   * Rewrites `program`'s ProgramData header, bincode `UpgradeableLoaderState::ProgramData`: u32
   * tag 3, u64 slot, then `Option<Pubkey>` (byte 12 the tag, bytes 13..45 the key).
   */
  setUpgradeAuthority(program: PublicKey, authority: PublicKey | null): void {
    const programData = programDataPda(program);
    const account = this.svm.getAccount(kitAddress(programData));
    if (!account.exists) throw new Error(`no ProgramData account for ${program.toBase58()}`);
    const data = Uint8Array.from(account.data);
    if (new DataView(data.buffer).getUint32(0, true) !== 3) throw new Error("not a ProgramData account");
    data.fill(0, 12, 45);
    if (authority) {
      data[12] = 1;
      data.set(authority.toBytes(), 13);
    }
    this.svm.setAccount({ ...account, data });
  }

  /** A new funded wallet. */
  wallet(sol = 100): Keypair {
    const kp = Keypair.generate();
    this.svm.airdrop(kitAddress(kp.publicKey), lamports(BigInt(sol * LAMPORTS_PER_SOL)));
    return kp;
  }

  /** The client's `AccountReader` over this chain. */
  readonly reader: AccountReader = async (key) => {
    const account = this.svm.getAccount(kitAddress(key));
    return account.exists ? { data: Uint8Array.from(account.data), owner: new PublicKey(account.programAddress) } : null;
  };

  /**
   * The client's `ProgramAccountsReader` over this chain: `getProgramAccounts` with `memcmp`
   * (base58 bytes) and `dataSize` filters, over every account a transaction sent here named.
   */
  readonly programAccounts: ProgramAccountsReader = async (program, filters) => {
    const matches = (data: Uint8Array, filter: GetProgramAccountsFilter) => {
      if ("dataSize" in filter) return data.length === filter.dataSize;
      const { offset, bytes, encoding } = filter.memcmp;
      const want = encoding === "base64" ? Buffer.from(bytes, "base64") : utils.bytes.bs58.decode(bytes);
      return offset + want.length <= data.length && want.every((b, i) => data[offset + i] === b);
    };
    const found = [];
    for (const key of this.seen) {
      const pubkey = new PublicKey(key);
      const account = await this.reader(pubkey);
      if (account && account.owner.equals(program) && filters.every((f) => matches(account.data, f))) {
        found.push({ pubkey, account });
      }
    }
    return found;
  };

  exists(key: PublicKey): boolean {
    return this.svm.getAccount(kitAddress(key)).exists;
  }

  /** Signs (payer first, then `signers`) and sends one transaction of `instructions`. */
  send(instructions: TransactionInstruction[], payer: Keypair, signers: Keypair[] = []): Sent {
    const tx = buildTransaction(instructions, payer.publicKey, this.svm.latestBlockhash());
    const unique = [payer, ...signers.filter((s, i) => !s.publicKey.equals(payer.publicKey) && signers.indexOf(s) === i)];
    tx.sign(...unique);
    return this.submit(tx);
  }

  /** The blockhash a transaction signed elsewhere (a served payment) must carry. */
  blockhash(): string {
    return this.svm.latestBlockhash();
  }

  /** Sends a transaction signed elsewhere, as it is. */
  submit(tx: Transaction): Sent {
    const result = this.svm.sendTransaction(txDecoder.decode(tx.serialize()));
    for (const ix of tx.instructions) for (const meta of ix.keys) this.seen.add(meta.pubkey.toBase58());
    // A fresh blockhash per transaction, so that the same instructions can be sent twice.
    this.svm.expireBlockhash();
    if (result instanceof FailedTransactionMetadata) {
      const logs = result.meta().logs();
      return { ok: false, logs, error: decodeProgramError(logs), raw: result.toString() };
    }
    return { ok: true, logs: result.logs(), computeUnits: result.computeUnitsConsumed() };
  }

  /** `send`, which must succeed: throws with the program's logs otherwise. */
  sendOk(instructions: TransactionInstruction[], payer: Keypair, signers: Keypair[] = []): string[] {
    const sent = this.send(instructions, payer, signers);
    if (!sent.ok) {
      const name = sent.error ? `${sent.error.name}: ${sent.error.message}` : sent.raw;
      throw new Error(`transaction failed (${name})\n${sent.logs.join("\n")}`);
    }
    return sent.logs;
  }

  /** `send`, which must fail: returns the decoded program error (throws if it succeeded). */
  sendErr(instructions: TransactionInstruction[], payer: Keypair, signers: Keypair[] = []): DecodedProgramError {
    const sent = this.send(instructions, payer, signers);
    if (sent.ok) throw new Error(`expected a program error, but the transaction succeeded:\n${sent.logs.join("\n")}`);
    if (!sent.error) throw new Error(`the failure carries no program error: ${sent.raw}\n${sent.logs.join("\n")}`);
    return sent.error;
  }

  /** A new mint (no freeze authority) of `decimals`, `authority` minting. */
  createMint(payer: Keypair, authority: PublicKey, decimals: number, tokenProgram = TOKEN_PROGRAM_ID): PublicKey {
    const mint = Keypair.generate();
    const rent = Number(this.svm.minimumBalanceForRentExemption(BigInt(MINT_SIZE)));
    const ixs = createMintInstructions({
      payer: payer.publicKey,
      mint: mint.publicKey,
      decimals,
      mintAuthority: authority,
      lamports: rent,
      tokenProgram,
    });
    this.sendOk(ixs, payer, [mint]);
    return mint.publicKey;
  }

  /** `owner`'s ATA for `mint` (created if needed), topped up by `amount` minted by `mintAuthority`. */
  fund(mintAuthority: Keypair, mint: PublicKey, owner: PublicKey, amount: bigint, tokenProgram = TOKEN_PROGRAM_ID) {
    const ata = associatedTokenAddress(owner, mint, tokenProgram);
    const ixs = [createAssociatedTokenAccountIdempotentInstruction(mintAuthority.publicKey, owner, mint, tokenProgram)];
    if (amount > 0n) ixs.push(createMintToInstruction(mint, ata, mintAuthority.publicKey, amount, tokenProgram));
    this.sendOk(ixs, mintAuthority);
    return ata;
  }

  tokenBalance(tokenAccount: PublicKey): bigint {
    const account = this.svm.getAccount(kitAddress(tokenAccount));
    return account.exists ? decodeTokenAccount(Uint8Array.from(account.data)).amount : 0n;
  }

  /** The lamports of `key` (0 when it does not exist). */
  lamports(key: PublicKey): bigint {
    return this.svm.getBalance(kitAddress(key)) ?? 0n;
  }

  /** The clock's unix timestamp. */
  now(): bigint {
    return this.svm.getClock().unixTimestamp;
  }

  /** Sets the clock's unix timestamp (the Clock sysvar the programs and the client read). */
  setTime(unixTimestamp: bigint | number): void {
    const c = this.svm.getClock();
    this.svm.setClock(new Clock(c.slot + 1n, c.epochStartTimestamp, c.epoch, c.leaderScheduleEpoch, BigInt(unixTimestamp)));
  }

  /** Moves the clock's unix timestamp forward by `seconds`. */
  advanceTime(seconds: number): void {
    const c = this.svm.getClock();
    this.svm.setClock(
      new Clock(c.slot + 1n, c.epochStartTimestamp, c.epoch, c.leaderScheduleEpoch, c.unixTimestamp + BigInt(seconds)),
    );
  }
}
