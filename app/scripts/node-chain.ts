/**
 * Node-side helpers for the scripts and the browser tests: the deployer's keypair, signing and
 * sending with a keypair (confirmation by polling getSignatureStatuses), SOL airdrops and OPEN
 * minted by the deployer (OPEN's mint authority after bootstrap).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import {
  AttributionClient,
  associatedTokenAddress,
  buildTransaction,
  createAssociatedTokenAccountIdempotentInstruction,
  createMintToInstruction,
  decodeProgramError,
} from "@attribution-suite/client";
import { Connection, Keypair, LAMPORTS_PER_SOL, type PublicKey, type TransactionInstruction } from "@solana/web3.js";

export const REPO_ROOT = resolve(__dirname, "../..");
export const APP_ROOT = resolve(__dirname, "..");

export function loadKeypair(path: string): Keypair {
  return Keypair.fromSecretKey(Uint8Array.from(JSON.parse(readFileSync(path, "utf8")) as number[]));
}

/** keys/deployer-keypair.json: the programs' upgrade authority on the local validator. */
export function loadDeployer(): Keypair {
  return loadKeypair(resolve(REPO_ROOT, "keys/deployer-keypair.json"));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function confirmSignature(connection: Connection, signature: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { value } = await connection.getSignatureStatuses([signature]);
    const status = value[0];
    if (status?.err) {
      const tx = await connection.getTransaction(signature, { commitment: "confirmed", maxSupportedTransactionVersion: 0 });
      const decoded = decodeProgramError(tx?.meta?.logMessages ?? []);
      throw new Error(`${signature} failed: ${decoded ? `${decoded.name}: ${decoded.message}` : JSON.stringify(status.err)}`);
    }
    if (status?.confirmationStatus === "confirmed" || status?.confirmationStatus === "finalized") return;
    await sleep(200);
  }
  throw new Error(`${signature} not confirmed within ${timeoutMs} ms`);
}

/** Signs `instructions` with `payer` (and `signers`), sends, waits for `confirmed`; returns the logs. */
export async function send(
  connection: Connection,
  instructions: TransactionInstruction[],
  payer: Keypair,
  signers: Keypair[] = [],
): Promise<{ signature: string; logs: string[] }> {
  const { blockhash } = await connection.getLatestBlockhash("confirmed");
  const tx = buildTransaction(instructions, payer.publicKey, blockhash);
  tx.sign(payer, ...signers);
  let signature: string;
  try {
    signature = await connection.sendRawTransaction(tx.serialize(), { preflightCommitment: "confirmed" });
  } catch (err) {
    const decoded = decodeProgramError(err);
    throw decoded ? new Error(`${decoded.name}: ${decoded.message}`, { cause: err }) : err;
  }
  await confirmSignature(connection, signature);
  for (let i = 0; i < 20; i++) {
    const got = await connection.getTransaction(signature, { commitment: "confirmed", maxSupportedTransactionVersion: 0 });
    if (got) return { signature, logs: got.meta?.logMessages ?? [] };
    await sleep(150);
  }
  return { signature, logs: [] };
}

export async function airdrop(connection: Connection, to: PublicKey, sol: number): Promise<void> {
  const signature = await connection.requestAirdrop(to, Math.round(sol * LAMPORTS_PER_SOL));
  await confirmSignature(connection, signature);
}

/** Mints `amount` OPEN base units to `owner`'s associated token account (created if needed). */
export async function mintOpen(connection: Connection, deployer: Keypair, owner: PublicKey, amount: bigint): Promise<PublicKey> {
  const client = new AttributionClient({ connection });
  const open = await client.openToken();
  const ata = associatedTokenAddress(owner, open.mint, open.tokenProgram);
  await send(
    connection,
    [
      createAssociatedTokenAccountIdempotentInstruction(deployer.publicKey, owner, open.mint, open.tokenProgram),
      createMintToInstruction(open.mint, ata, deployer.publicKey, amount, open.tokenProgram),
    ],
    deployer,
  );
  return ata;
}

/** A new wallet with `sol` SOL and `open` OPEN base units. */
export async function fundedWallet(connection: Connection, deployer: Keypair, sol: number, open: bigint): Promise<Keypair> {
  const wallet = Keypair.generate();
  await airdrop(connection, wallet.publicKey, sol);
  if (open > 0n) await mintOpen(connection, deployer, wallet.publicKey, open);
  return wallet;
}

/**
 * Moves the local validator's clock forward to `unixSeconds` (surfpool's `surfnet_timeTravel`
 * cheat code, which takes milliseconds), and waits until the Clock sysvar shows it.
 */
export async function timeTravel(connection: Connection, unixSeconds: bigint): Promise<void> {
  const res = await fetch(connection.rpcEndpoint, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "surfnet_timeTravel", params: [{ absoluteTimestamp: Number(unixSeconds) * 1_000 }] }),
  });
  const body = (await res.json()) as { error?: { message: string } };
  if (body.error) throw new Error(`surfnet_timeTravel: ${body.error.message}`);
  const client = new AttributionClient({ connection });
  const deadline = Date.now() + 10_000;
  while ((await client.fetchClock()).unixTimestamp < unixSeconds) {
    if (Date.now() > deadline) throw new Error(`the validator's clock did not reach ${unixSeconds}`);
    await sleep(200);
  }
}

export function connect(rpcUrl: string): Connection {
  return new Connection(rpcUrl, { commitment: "confirmed", disableRetryOnRateLimit: true });
}
