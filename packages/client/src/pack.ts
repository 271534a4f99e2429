/**
 * Fitting instructions into transactions: a legacy transaction is at most 1,232 bytes on the
 * wire (signatures included). `packInstructions` puts as many groups of instructions as fit into
 * each transaction, in order, never splitting a group (e.g. a claim and the creation of its
 * destination account).
 */
import { PublicKey, Transaction, type TransactionInstruction } from "@solana/web3.js";

/** The largest transaction on the wire, in bytes (`PACKET_DATA_SIZE`: 1280 − 48 bytes of headers). */
export const MAX_TRANSACTION_SIZE = 1232;

const PLACEHOLDER_BLOCKHASH = PublicKey.default.toBase58();

/** Bytes of Solana's compact-u16 ("shortvec") encoding of `n`. */
function shortvecLength(n: number): number {
  return n < 0x80 ? 1 : n < 0x4000 ? 2 : 3;
}

/**
 * The wire size of a legacy transaction of `instructions` paid by `feePayer`, with all its
 * signatures: compact length + 64 bytes per required signer + the message (header, account
 * keys, blockhash, instructions). Computed from the compiled message, so that it also measures
 * transactions too large to serialize.
 */
export function transactionSize(instructions: readonly TransactionInstruction[], feePayer: PublicKey): number {
  const tx = new Transaction();
  tx.add(...instructions);
  tx.feePayer = feePayer;
  tx.recentBlockhash = PLACEHOLDER_BLOCKHASH;
  const message = tx.compileMessage();
  const signers = message.header.numRequiredSignatures;
  const keys = message.accountKeys.length;
  let size = shortvecLength(signers) + 64 * signers + 3 + shortvecLength(keys) + 32 * keys + 32;
  size += shortvecLength(message.instructions.length);
  // Compiled instructions are the transaction's, in order: account indexes from the message,
  // data as given.
  for (const [i, ix] of message.instructions.entries()) {
    const dataLength = instructions[i].data.length;
    size += 1 + shortvecLength(ix.accounts.length) + ix.accounts.length + shortvecLength(dataLength) + dataLength;
  }
  return size;
}

/**
 * Groups of instructions packed into as few transactions as fit in `maxSize` bytes each, keeping
 * the order and never splitting a group. Throws if one group alone does not fit.
 */
export function packInstructions(
  groups: readonly (readonly TransactionInstruction[])[],
  feePayer: PublicKey,
  maxSize: number = MAX_TRANSACTION_SIZE,
): TransactionInstruction[][] {
  const packed: TransactionInstruction[][] = [];
  let current: TransactionInstruction[] = [];
  for (const [i, group] of groups.entries()) {
    if (group.length === 0) continue;
    const candidate = [...current, ...group];
    if (transactionSize(candidate, feePayer) <= maxSize) {
      current = candidate;
      continue;
    }
    if (current.length === 0) {
      throw new RangeError(`group ${i} alone is ${transactionSize(group, feePayer)} bytes, above ${maxSize}`);
    }
    packed.push(current);
    current = [...group];
    if (transactionSize(current, feePayer) > maxSize) {
      throw new RangeError(`group ${i} alone is ${transactionSize(current, feePayer)} bytes, above ${maxSize}`);
    }
  }
  if (current.length > 0) packed.push(current);
  return packed;
}
