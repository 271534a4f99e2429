/**
 * The few SPL Token pieces the suite needs (OPEN is a Token or Token-2022 mint), written against
 * the token programs' documented layouts rather than pulling in @solana/spl-token and its codec
 * dependencies: associated token addresses, the idempotent ATA creation, mint creation and
 * minting (for tests and the migration), and decoding of token accounts and mints.
 */
import { PublicKey, SystemProgram, TransactionInstruction } from "@solana/web3.js";
import { type Integer, u64Le } from "./pdas";

export const TOKEN_PROGRAM_ID = new PublicKey("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA");
export const TOKEN_2022_PROGRAM_ID = new PublicKey("TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb");
export const ASSOCIATED_TOKEN_PROGRAM_ID = new PublicKey("ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL");

/** Size of a mint without extensions. */
export const MINT_SIZE = 82;
/** Size of a token account without extensions. */
export const TOKEN_ACCOUNT_SIZE = 165;

/** The associated token account of `owner` for `mint` under `tokenProgram`. */
export function associatedTokenAddress(
  owner: PublicKey,
  mint: PublicKey,
  tokenProgram: PublicKey = TOKEN_PROGRAM_ID,
): PublicKey {
  return PublicKey.findProgramAddressSync(
    [owner.toBytes(), tokenProgram.toBytes(), mint.toBytes()],
    ASSOCIATED_TOKEN_PROGRAM_ID,
  )[0];
}

/** Creates `owner`'s associated token account for `mint` unless it exists (`CreateIdempotent`). */
export function createAssociatedTokenAccountIdempotentInstruction(
  payer: PublicKey,
  owner: PublicKey,
  mint: PublicKey,
  tokenProgram: PublicKey = TOKEN_PROGRAM_ID,
): TransactionInstruction {
  return new TransactionInstruction({
    programId: ASSOCIATED_TOKEN_PROGRAM_ID,
    keys: [
      { pubkey: payer, isSigner: true, isWritable: true },
      { pubkey: associatedTokenAddress(owner, mint, tokenProgram), isSigner: false, isWritable: true },
      { pubkey: owner, isSigner: false, isWritable: false },
      { pubkey: mint, isSigner: false, isWritable: false },
      { pubkey: SystemProgram.programId, isSigner: false, isWritable: false },
      { pubkey: tokenProgram, isSigner: false, isWritable: false },
    ],
    data: Buffer.from([1]),
  });
}

/**
 * The two instructions that create a mint without extensions at `mint` (a new keypair, which
 * signs): the system account, then `InitializeMint2`.
 */
export function createMintInstructions(args: {
  payer: PublicKey;
  mint: PublicKey;
  decimals: number;
  mintAuthority: PublicKey;
  freezeAuthority?: PublicKey | null;
  /** Rent-exempt minimum for `MINT_SIZE` bytes (`connection.getMinimumBalanceForRentExemption`). */
  lamports: number;
  tokenProgram?: PublicKey;
}): TransactionInstruction[] {
  const tokenProgram = args.tokenProgram ?? TOKEN_PROGRAM_ID;
  const data = Buffer.alloc(67);
  data[0] = 20; // InitializeMint2
  data[1] = args.decimals;
  data.set(args.mintAuthority.toBytes(), 2);
  if (args.freezeAuthority) {
    data[34] = 1;
    data.set(args.freezeAuthority.toBytes(), 35);
  }
  return [
    SystemProgram.createAccount({
      fromPubkey: args.payer,
      newAccountPubkey: args.mint,
      lamports: args.lamports,
      space: MINT_SIZE,
      programId: tokenProgram,
    }),
    new TransactionInstruction({
      programId: tokenProgram,
      keys: [{ pubkey: args.mint, isSigner: false, isWritable: true }],
      data,
    }),
  ];
}

/** `MintTo`: `amount` base units of `mint` into `destination`, signed by the mint authority. */
export function createMintToInstruction(
  mint: PublicKey,
  destination: PublicKey,
  authority: PublicKey,
  amount: Integer,
  tokenProgram: PublicKey = TOKEN_PROGRAM_ID,
): TransactionInstruction {
  return new TransactionInstruction({
    programId: tokenProgram,
    keys: [
      { pubkey: mint, isSigner: false, isWritable: true },
      { pubkey: destination, isSigner: false, isWritable: true },
      { pubkey: authority, isSigner: true, isWritable: false },
    ],
    data: Buffer.concat([Buffer.from([7]), u64Le(amount)]),
  });
}

const readU64 = (data: Uint8Array, offset: number) =>
  Buffer.from(data.buffer, data.byteOffset, data.byteLength).readBigUInt64LE(offset);

export interface TokenAccountState {
  mint: PublicKey;
  owner: PublicKey;
  amount: bigint;
}

/** Mint, owner and amount of a token account (Token or Token-2022: the same base layout). */
export function decodeTokenAccount(data: Uint8Array): TokenAccountState {
  if (data.length < TOKEN_ACCOUNT_SIZE) throw new Error(`not a token account (${data.length} bytes)`);
  return {
    mint: new PublicKey(data.subarray(0, 32)),
    owner: new PublicKey(data.subarray(32, 64)),
    amount: readU64(data, 64),
  };
}

export interface MintState {
  mintAuthority: PublicKey | null;
  supply: bigint;
  decimals: number;
}

/** Authority, supply and decimals of a mint (Token or Token-2022: the same base layout). */
export function decodeMint(data: Uint8Array): MintState {
  if (data.length < MINT_SIZE) throw new Error(`not a mint (${data.length} bytes)`);
  const hasAuthority = Buffer.from(data.buffer, data.byteOffset, data.byteLength).readUInt32LE(0) === 1;
  return {
    mintAuthority: hasAuthority ? new PublicKey(data.subarray(4, 36)) : null,
    supply: readU64(data, 36),
    decimals: data[44],
  };
}
