/**
 * Bootstraps the suite on a fresh validator (after `tools/localnet --programs`): runs the Anchor
 * migration (migrations/deploy.ts: an OPEN mint with the deployer as mint authority, its supply
 * to the deployer's token account, the payout config and the treasury's earnings account) with
 * keys/deployer-keypair.json, through a provider shaped like the one `anchor migrate` passes.
 * Idempotent: a second run changes nothing.
 *
 *   npm run bootstrap -w app -- [--url http://127.0.0.1:8899] [--fund <pubkey> [--sol 10] [--open 5000]]
 */
import { AttributionClient, OPEN } from "@attribution-suite/client";
import { type Connection, PublicKey, type Signer, type Transaction } from "@solana/web3.js";
import deploy from "../../migrations/deploy";
import { airdrop, confirmSignature, connect, loadDeployer, mintOpen } from "./node-chain";

/** Runs the migration against `connection`; returns OPEN's mint. */
export async function bootstrap(connection: Connection, env: NodeJS.ProcessEnv = process.env): Promise<PublicKey> {
  const deployer = loadDeployer();
  const provider = {
    connection,
    wallet: { publicKey: deployer.publicKey },
    async sendAndConfirm(tx: Transaction, signers: Signer[] = []): Promise<string> {
      const { blockhash } = await connection.getLatestBlockhash("confirmed");
      tx.feePayer = deployer.publicKey;
      tx.recentBlockhash = blockhash;
      tx.sign(deployer, ...signers);
      const signature = await connection.sendRawTransaction(tx.serialize(), { preflightCommitment: "confirmed" });
      await confirmSignature(connection, signature);
      return signature;
    },
  };
  const previous = process.env;
  process.env = { ...previous, ...env };
  try {
    const result = await deploy(provider);
    return result.mint;
  } finally {
    process.env = previous;
  }
}

async function main() {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const url = option("--url") ?? "http://127.0.0.1:8899";
  const connection = connect(url);
  const mint = await bootstrap(connection);
  const config = await new AttributionClient({ connection }).fetchConfig();
  console.log(`OPEN ${mint.toBase58()} (${config.decimals} decimals) on ${url}`);
  const fund = option("--fund");
  if (fund) {
    const who = new PublicKey(fund);
    await airdrop(connection, who, Number(option("--sol") ?? 10));
    await mintOpen(connection, loadDeployer(), who, BigInt(option("--open") ?? 5000) * OPEN);
    console.log(`funded ${who.toBase58()}`);
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
