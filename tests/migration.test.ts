/**
 * migrations/deploy.ts (the `anchor migrate` script) against the built programs in LiteSVM,
 * through a provider with the AnchorProvider surface it uses (connection reads, sendAndConfirm
 * signing with the wallet and extra signers, web3.js SendTransactionError with logs on failure).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Keypair, PublicKey, SendTransactionError, type Signer, type Transaction } from "@solana/web3.js";
import {
  AttributionClient,
  EarningsRole,
  OPEN,
  associatedTokenAddress,
  bondVaultPda,
  configPda,
  decodeMint,
  decodeTokenAccount,
  earningsPda,
} from "@attribution-suite/client";
import deploy from "../migrations/deploy";
import { TestChain } from "./helpers/chain";

/** The parts of an AnchorProvider the migration uses, over LiteSVM. */
function litesvmProvider(chain: TestChain, wallet: Keypair) {
  return {
    connection: {
      rpcEndpoint: "litesvm",
      getAccountInfo: chain.reader,
      getMinimumBalanceForRentExemption: async (size: number) =>
        Number(chain.svm.minimumBalanceForRentExemption(BigInt(size))),
    },
    wallet: { publicKey: wallet.publicKey },
    async sendAndConfirm(tx: Transaction, signers: Signer[] = []) {
      const sent = chain.send(tx.instructions, wallet, signers as Keypair[]);
      if (!sent.ok) {
        throw new SendTransactionError({ action: "simulate", signature: "", transactionMessage: sent.raw, logs: sent.logs });
      }
      return "litesvm-signature";
    },
  };
}

/** The bond vault: an account of `mint` that is its own authority. */
async function assertBondVault(chain: TestChain, mint: PublicKey) {
  const vault = decodeTokenAccount((await chain.reader(bondVaultPda()))!.data);
  assert.ok(vault.mint.equals(mint) && vault.owner.equals(bondVaultPda()));
}

/** Runs `fn` with console.log silenced (the migration narrates every step). */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const original = console.log;
  console.log = () => {};
  try {
    return await fn();
  } finally {
    console.log = original;
  }
}

describe("migrations/deploy.ts", () => {
  test("refuses, before creating anything, when the wallet is not the upgrade authority", async () => {
    const chain = new TestChain();
    const stranger = chain.wallet();
    await assert.rejects(
      quietly(() => deploy(litesvmProvider(chain, stranger), {})),
      /is not attribution_payout's upgrade authority/,
    );
    assert.equal(chain.exists(configPda()), false);
  });

  test("rejects out-of-range parameters by name", async () => {
    const chain = new TestChain();
    const provider = litesvmProvider(chain, chain.upgradeAuthority);
    await assert.rejects(quietly(() => deploy(provider, { SUITE_PROTOCOL_FEE_BPS: "1001" })), /SUITE_PROTOCOL_FEE_BPS=1001/);
    await assert.rejects(quietly(() => deploy(provider, { SUITE_TREASURY: "not-a-key" })), /SUITE_TREASURY/);
    await assert.rejects(quietly(() => deploy(provider, { SUITE_EPOCH_LENGTH_SECS: "59" })), /SUITE_EPOCH_LENGTH_SECS=59: expected 60\.\.=2592000/);
    await assert.rejects(quietly(() => deploy(provider, { SUITE_CHALLENGE_WINDOW_SECS: "604801" })), /SUITE_CHALLENGE_WINDOW_SECS/);
    // The challenge window's floor is a day; the cooldown is at least the window; a challenger's bond (the minimum stake) above zero.
    await assert.rejects(quietly(() => deploy(provider, { SUITE_CHALLENGE_WINDOW_SECS: "86399" })), /SUITE_CHALLENGE_WINDOW_SECS=86399: expected 86400\.\.=604800/);
    await assert.rejects(
      quietly(() => deploy(provider, { SUITE_CHALLENGE_WINDOW_SECS: "172800", SUITE_UNSTAKE_COOLDOWN_SECS: "172799" })),
      /SUITE_UNSTAKE_COOLDOWN_SECS=172799: expected 172800\.\.=2592000/,
    );
    await assert.rejects(quietly(() => deploy(provider, { SUITE_MIN_OPERATOR_STAKE: "0" })), /SUITE_MIN_OPERATOR_STAKE=0/);
    await assert.rejects(quietly(() => deploy(provider, { SUITE_CLAIM_WINDOW_SECS: "3599" })), /SUITE_CLAIM_WINDOW_SECS/);
    await assert.rejects(quietly(() => deploy(provider, { SUITE_ROOT_DEADLINE_SECS: "-1" })), /SUITE_ROOT_DEADLINE_SECS/);
    assert.equal(chain.exists(configPda()), false);
  });

  test("creates OPEN, the config, the treasury's earnings and the bond vault; a second run changes nothing", async () => {
    const chain = new TestChain();
    const deployer = chain.upgradeAuthority;
    const treasury = Keypair.generate().publicKey;
    const governance = Keypair.generate().publicKey;
    const env = {
      SUITE_PROTOCOL_FEE_BPS: "300",
      SUITE_MIN_OPERATOR_STAKE: (500n * OPEN).toString(),
      SUITE_UNSTAKE_COOLDOWN_SECS: "172800",
      SUITE_EPOCH_LENGTH_SECS: "600",
      SUITE_ROOT_DEADLINE_SECS: "1200",
      SUITE_CHALLENGE_WINDOW_SECS: "86400",
      SUITE_CLAIM_WINDOW_SECS: "7200",
      SUITE_TREASURY: treasury.toBase58(),
      SUITE_CONFIG_AUTHORITY: governance.toBase58(),
      SUITE_OPEN_INITIAL_SUPPLY: (42n * OPEN).toString(),
    };
    const first = await quietly(() => deploy(litesvmProvider(chain, deployer), env));
    assert.equal(first.status, "initialized");
    assert.equal(first.mintCreated, true);
    assert.equal(first.bondVaultCreated, true);
    await assertBondVault(chain, first.mint);

    const client = new AttributionClient({ reader: chain.reader });
    const config = await client.fetchConfig();
    assert.ok(config.mint.equals(first.mint));
    assert.equal(config.decimals, 9);
    assert.equal(config.protocolFeeBps, 300);
    assert.equal(BigInt(config.minOperatorStake.toString()), 500n * OPEN);
    assert.equal(Number(config.unstakeCooldownSecs), 172_800);
    assert.deepEqual(
      [config.epochLengthSecs, config.rootDeadlineSecs, config.challengeWindowSecs, config.claimWindowSecs].map(Number),
      [600, 1200, 86_400, 7200],
    );
    assert.ok(config.treasury.equals(treasury));
    assert.ok(config.authority.equals(governance));
    // Governance resolves challenges; a challenger bonds the minimum stake.
    assert.ok(config.resolver.equals(governance));
    assert.equal(BigInt(config.challenge.challengeBond.toString()), 500n * OPEN);
    const mint = decodeMint((await chain.reader(first.mint))!.data);
    assert.ok(mint.mintAuthority!.equals(deployer.publicKey));
    assert.equal(mint.supply, 42n * OPEN);
    assert.equal(chain.tokenBalance(associatedTokenAddress(deployer.publicKey, first.mint)), 42n * OPEN);
    const earnings = await client.fetchEarnings(treasury, EarningsRole.Treasury);
    assert.ok(earnings.beneficiary.equals(treasury));
    assert.ok(chain.exists(earningsPda(treasury, EarningsRole.Treasury)));

    const lines: string[] = [];
    const original = console.log;
    console.log = (line: string) => lines.push(line);
    try {
      const second = await deploy(litesvmProvider(chain, deployer), { SUITE_PROTOCOL_FEE_BPS: "999" });
      assert.equal(second.status, "exists");
      assert.equal(second.mintCreated, false);
      assert.equal(second.bondVaultCreated, false);
      assert.ok(second.mint.equals(first.mint));
    } finally {
      console.log = original;
    }
    assert.ok(lines.some((l) => l.includes(`config ${configPda().toBase58()} exists`)));
    assert.equal((await client.fetchConfig()).protocolFeeBps, 300);
  });

  test("defaults: 250 bps, 1,000 OPEN minimum stake, 7-day cooldown, day-long epochs and challenge window, the wallet as treasury, authority and resolver", async () => {
    const chain = new TestChain();
    const deployer = chain.upgradeAuthority;
    const result = await quietly(() => deploy(litesvmProvider(chain, deployer), {}));
    const config = await new AttributionClient({ reader: chain.reader }).fetchConfig();
    assert.equal(config.protocolFeeBps, 250);
    assert.equal(BigInt(config.minOperatorStake.toString()), 1_000n * OPEN);
    assert.equal(Number(config.unstakeCooldownSecs), 7 * 24 * 3600);
    assert.deepEqual(
      [config.epochLengthSecs, config.rootDeadlineSecs, config.challengeWindowSecs, config.claimWindowSecs].map(Number),
      [86_400, 86_400, 86_400, 2_592_000],
    );
    assert.ok(config.treasury.equals(deployer.publicKey) && config.authority.equals(deployer.publicKey));
    assert.ok(config.resolver.equals(deployer.publicKey));
    assert.deepEqual(
      [config.challenge.attestorBondBps, config.challenge.challengeBond, config.challenge.challengeRewardBps, config.challenge.resolveWindowSecs].map(Number),
      [1_000, Number(1_000n * OPEN), 5_000, 3 * 86_400],
    );
    assert.equal(chain.tokenBalance(associatedTokenAddress(deployer.publicKey, result.mint)), 1_000_000_000n * OPEN);
  });

  test("a deployment made before contributor bonds (a config, no bond vault): the migration adds the bond vault", async () => {
    const chain = new TestChain();
    const deployer = chain.upgradeAuthority;
    const mint = chain.createMint(deployer, deployer.publicKey, 9);
    const client = new AttributionClient({ reader: chain.reader });
    const init = await client.configInit({
      deployer: deployer.publicKey,
      mint,
      authority: deployer.publicKey,
      treasury: deployer.publicKey,
      protocolFeeBps: 250,
      minOperatorStake: OPEN,
      unstakeCooldownSecs: 86_400,
      epochTiming: { epochLengthSecs: 86_400, rootDeadlineSecs: 86_400, challengeWindowSecs: 86_400, claimWindowSecs: 2_592_000 },
    });
    chain.sendOk(init.instructions, deployer);
    assert.equal(chain.exists(bondVaultPda()), false);
    const result = await quietly(() => deploy(litesvmProvider(chain, deployer), {}));
    assert.equal(result.status, "exists");
    assert.equal(result.bondVaultCreated, true);
    await assertBondVault(chain, mint);
    const again = await quietly(() => deploy(litesvmProvider(chain, deployer), {}));
    assert.equal(again.bondVaultCreated, false);
  });

  test("adopts an existing mint (SUITE_OPEN_MINT) instead of creating one", async () => {
    const chain = new TestChain();
    const deployer = chain.upgradeAuthority;
    const mintAuthority = chain.wallet();
    const mint = chain.createMint(mintAuthority, mintAuthority.publicKey, 6);
    const result = await quietly(() => deploy(litesvmProvider(chain, deployer), { SUITE_OPEN_MINT: mint.toBase58() }));
    assert.equal(result.mintCreated, false);
    const config = await new AttributionClient({ reader: chain.reader }).fetchConfig();
    assert.ok(config.mint.equals(mint));
    assert.equal(config.decimals, 6);
    await assertBondVault(chain, mint);
    const fresh = new TestChain();
    const provider = litesvmProvider(fresh, fresh.upgradeAuthority);
    const nowhere = Keypair.generate().publicKey.toBase58();
    await assert.rejects(quietly(() => deploy(provider, { SUITE_OPEN_MINT: nowhere })), /does not exist/);
    const system = PublicKey.default.toBase58(); // the system program: no mint
    await assert.rejects(quietly(() => deploy(provider, { SUITE_OPEN_MINT: system })), /is not a token mint/);
  });
});
