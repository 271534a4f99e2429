/**
 * A served payment: `inference_pay` needs two signatures, the payer's and the operator's (its
 * current authority's), so that "who executed" and the output hash are the operator's word and not
 * the payer's. The operator builds the payment transaction when it serves a request (fee payer:
 * the payer, its recent blockhash), signs it first and hands it over, base64, with the output
 * (`encodeServedPayment`). The payer reads it (`readServedPayment`: nothing in it but what a
 * payment needs, the operator's signature valid), signs it with its wallet and sends it.
 */
import type { BorshInstructionCoder } from "@anchor-lang/core";
import { ComputeBudgetProgram, type PublicKey, Transaction, type TransactionInstruction } from "@solana/web3.js";
import { type AttributionClient, buildTransaction } from "./client";
import { ATTRIBUTION_PAYOUT_PROGRAM_ID, EarningsRole } from "./constants";
import { earningsPda, escrowPda, poolPda } from "./pdas";

/** The suite's instructions a served payment may carry: the payment and what it needs to exist. */
const SERVED_INSTRUCTIONS = new Set(["earningsInit", "escrowInit", "poolInit", "epochOpen", "inferencePay"]);

/** What the payer agrees to when it signs a served payment. */
export interface ServedPayment {
  /** The transaction, signed by the operator, waiting for the payer's signature. */
  transaction: Transaction;
  model: PublicKey;
  /** The operator's account and the authority that signed. */
  operator: PublicKey;
  operatorAuthority: PublicKey;
  payerToken: PublicKey;
  calls: bigint;
  /** The most the payment may take (price × calls at the moment it lands must not exceed it). */
  maxFee: bigint;
  requestId: Uint8Array;
  outputHash: Uint8Array;
}

/**
 * The operator's side: the payment transaction for what it served (unsigned; fee payer: the
 * payer, `blockhash` its recent blockhash), holding the creation of every earnings, escrow and
 * pool account the payment credits that does not exist yet (the payer pays their rent), then
 * `client.inferencePay(a)`'s instructions. The operator signs it (`partialSign`, or its wallet)
 * and hands it over with `encodeServedPayment`.
 */
export async function buildServedPayment(
  client: AttributionClient,
  a: Parameters<AttributionClient["inferencePay"]>[0] & { blockhash: string },
): Promise<Transaction> {
  const model = a.modelAccount ?? (await client.fetchModel(a.model));
  const config = a.config ?? (await client.fetchConfig());
  const operator = a.operatorInfo ?? (await client.findOperator(a.operator));
  const missing = async (address: PublicKey) => (await client.getAccount(address)) === null;
  const ixs: TransactionInstruction[] = [];
  const earnings: [PublicKey, EarningsRole][] = [
    [config.treasury, EarningsRole.Treasury],
    [model.owner, EarningsRole.ModelOwner],
    [operator.authority, EarningsRole.Operator],
  ];
  for (const [beneficiary, role] of earnings) {
    if (await missing(earningsPda(beneficiary, role))) ixs.push(...(await client.earningsInit({ payer: a.payer, beneficiary, role })).instructions);
  }
  for (const e of model.lineage) {
    if ("model" in e.source && (await missing(escrowPda(e.target)))) ixs.push(...(await client.escrowInit({ payer: a.payer, model: e.target })).instructions);
    // A datanet entry's share goes to the reward pool of the version it cites.
    if ("datanet" in e.source && e.datanetVersion && (await missing(poolPda(e.datanetVersion)))) {
      ixs.push(...(await client.poolInit({ payer: a.payer, datanetVersion: e.datanetVersion })).instructions);
    }
  }
  const pay = await client.inferencePay({ ...a, modelAccount: model, config, operatorInfo: operator });
  return buildTransaction([...ixs, ...pay.instructions], a.payer, a.blockhash);
}

/** The operator's side: its partly signed payment transaction, base64. */
export function encodeServedPayment(transaction: Transaction): string {
  return transaction.serialize({ requireAllSignatures: false, verifySignatures: true }).toString("base64");
}

/**
 * The payer's side: decodes a served payment and refuses it (with a readable error) unless `payer`
 * pays its fee and the fee of its one `inference_pay`, every instruction is the suite's payment or
 * the creation of an account it needs (or a compute-budget setting), and the operator's authority
 * named in it has signed it validly.
 */
export function readServedPayment(client: AttributionClient, base64: string, payer: PublicKey): ServedPayment {
  let transaction: Transaction;
  try {
    transaction = Transaction.from(Buffer.from(base64.trim(), "base64"));
  } catch (err) {
    throw new Error(`not a served payment (a base64 transaction): ${(err as Error).message}`);
  }
  if (!transaction.feePayer?.equals(payer)) {
    throw new Error(`this payment is for ${transaction.feePayer?.toBase58() ?? "nobody"} to sign, not ${payer.toBase58()}`);
  }
  // The program's IDL as Anchor's `Program` holds it: camelCase names.
  const payAccounts = client.payoutProgram.idl.instructions.find((i) => i.name === "inferencePay")!.accounts.map((a): string => a.name);
  const coder = client.payoutProgram.coder.instruction as BorshInstructionCoder;
  const at = (keys: PublicKey[], name: string) => keys[payAccounts.indexOf(name)];
  const payments = transaction.instructions.flatMap((ix, n) => {
    if (ix.programId.equals(ComputeBudgetProgram.programId)) return [];
    const decoded = ix.programId.equals(ATTRIBUTION_PAYOUT_PROGRAM_ID) ? coder.decode(Buffer.from(ix.data)) : null;
    if (!decoded || !SERVED_INSTRUCTIONS.has(decoded.name)) {
      throw new Error(
        `instruction ${n + 1} (${decoded?.name ?? ix.programId.toBase58()}) is not part of a payment: a served payment holds ` +
          "inference_pay and the creation of the accounts it credits only",
      );
    }
    return decoded.name === "inferencePay" ? [{ keys: ix.keys.map((k) => k.pubkey), args: (decoded.data as { args: PayArgs }).args }] : [];
  });
  if (payments.length !== 1) throw new Error(`a served payment holds one inference_pay, not ${payments.length}`);
  const [{ keys, args }] = payments;
  if (!at(keys, "payer").equals(payer)) throw new Error(`the payment takes the fee from ${at(keys, "payer").toBase58()}, not from ${payer.toBase58()}`);
  const operatorAuthority = at(keys, "operatorAuthority");
  const signed = transaction.signatures.find((s) => s.publicKey.equals(operatorAuthority));
  if (!signed?.signature || !transaction.verifySignatures(false)) {
    throw new Error(`the operator's authority ${operatorAuthority.toBase58()} has not signed this payment (validly)`);
  }
  return {
    transaction,
    model: at(keys, "model"),
    operator: at(keys, "operator"),
    operatorAuthority,
    payerToken: at(keys, "payerToken"),
    calls: BigInt(args.calls.toString()),
    maxFee: BigInt(args.maxFee.toString()),
    requestId: Uint8Array.from(args.requestId),
    outputHash: Uint8Array.from(args.outputHash),
  };
}

interface PayArgs {
  calls: { toString(): string };
  maxFee: { toString(): string };
  requestId: number[];
  outputHash: number[];
}
