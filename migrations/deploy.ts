/**
 * Anchor migration: `anchor migrate` runs it (with ts-node, from .anchor/) after `anchor deploy`,
 * passing an AnchorProvider on the cluster and wallet of Anchor.toml (or --provider.cluster /
 * --provider.wallet). ts-node must be on PATH: `PATH="$PWD/node_modules/.bin:$PATH" anchor migrate`.
 *
 * It initialises the suite on that cluster, idempotently:
 *   - if attribution_payout's config already exists, it prints it and changes nothing, except
 *     that it creates datanet_registry's bond vault if the deployment has none yet (one made
 *     before contributor bonds);
 *   - otherwise it creates OPEN (a new SPL Token mint, OPEN_DECIMALS = 9 decimals, mint authority
 *     = the provider wallet, no freeze authority) and mints an initial supply to the wallet's
 *     associated token account, or adopts an existing mint (SUITE_OPEN_MINT);
 *   - then, in one transaction, `config_init`, the treasury's earnings account (role 0) and
 *     datanet_registry's bond vault (`bond_vault_init`: an OPEN token account holding the
 *     contributor bonds that datanets may require).
 * It creates no datanet, version or pool: reward pools are per published datanet version and come
 * with each version (`AttributionClient.datanetVersionPublish` appends its `pool_init`), and a
 * model's lineage can cite a datanet only once a version of it is published.
 *
 * The challenge parameters start at the program's defaults (an attestor bonds 10 % of what its
 * root allocates, a challenger the minimum operator stake, an upheld challenge earns half the
 * attestor's bond, the resolver has 3 days). The admin changes them, and hands on the guardian
 * and resolver roles, through the timelock (`action_queue`, a day at first; `attribution gov`).
 *
 * `config_init` is signed by the provider wallet, which must be attribution_payout's upgrade
 * authority (the wallet that ran `anchor deploy`); the script checks that before creating anything
 * and stops with a clear message otherwise.
 *
 * Environment (all optional):
 *   SUITE_PROTOCOL_FEE_BPS        protocol fee, bps of every fee, at most 1000      default 250
 *   SUITE_MIN_OPERATOR_STAKE      OPEN base units an operator must stake (above 0;   default 1000 OPEN (1e12)
 *                                 also the bond a challenger posts, at first)
 *   SUITE_UNSTAKE_COOLDOWN_SECS   seconds between unstake request and withdrawal     default 604800 (7 days)
 *                                 (at least the challenge window, at most 30 days)
 *   SUITE_EPOCH_LENGTH_SECS       Proof of Attribution epoch length (60 s–30 days)  default 86400 (1 day)
 *   SUITE_ROOT_DEADLINE_SECS      time after an epoch ends for the attestor's root   default 86400 (1 day)
 *                                 (60 s–30 days)
 *   SUITE_CHALLENGE_WINDOW_SECS   delay between a root and its claims, in which      default 86400 (1 day)
 *                                 anyone may challenge it (1–7 days)
 *   SUITE_CLAIM_WINDOW_SECS       how long claims stay open (1 hour–365 days)        default 2592000 (30 days)
 *   SUITE_TREASURY                pubkey receiving the protocol fee                  default the wallet
 *   SUITE_CONFIG_AUTHORITY        the admin (queues changes behind the timelock);    default the wallet
 *                                 also the guardian (pause, veto) and the resolver
 *                                 of challenges until it hands those roles on
 *   SUITE_OPEN_MINT               adopt this existing OPEN mint instead of creating one
 *   SUITE_OPEN_INITIAL_SUPPLY     OPEN base units minted to the wallet's ATA         default 1e9 OPEN (1e18)
 *                                 when the script creates the mint
 */
import { type Commitment, Keypair, PublicKey, type Signer, Transaction, type TransactionInstruction } from "@solana/web3.js";
import {
  ATTRIBUTION_PAYOUT_PROGRAM_ID,
  AttributionClient,
  type ConfigAccount,
  EPOCH_TIMING_BOUNDS,
  EarningsRole,
  MAX_PROTOCOL_FEE_BPS,
  MAX_UNSTAKE_COOLDOWN_SECS,
  MINT_SIZE,
  OPEN,
  OPEN_DECIMALS,
  TOKEN_2022_PROGRAM_ID,
  TOKEN_PROGRAM_ID,
  associatedTokenAddress,
  bondVaultPda,
  configPda,
  connectionReader,
  createAssociatedTokenAccountIdempotentInstruction,
  createMintInstructions,
  createMintToInstruction,
  decodeMint,
  decodeProgramError,
  earningsPda,
  programDataPda,
} from "../packages/client/src";

/** What the migration needs of Anchor's provider (an AnchorProvider has all of it). */
interface MigrationProvider {
  connection: {
    getAccountInfo(address: PublicKey): Promise<{ data: Uint8Array; owner: PublicKey; executable?: boolean } | null>;
    getMinimumBalanceForRentExemption(size: number): Promise<number>;
    rpcEndpoint?: string;
  };
  wallet: { publicKey: PublicKey };
  /** Sets fee payer and blockhash, signs with the wallet and `signers`, sends, confirms. */
  sendAndConfirm(tx: Transaction, signers?: Signer[], opts?: { commitment?: Commitment; preflightCommitment?: Commitment }): Promise<string>;
}

interface DeployResult {
  status: "exists" | "initialized";
  config: PublicKey;
  mint: PublicKey;
  treasury: PublicKey;
  /** True when this run created the mint. */
  mintCreated: boolean;
  /** True when this run created the bond vault. */
  bondVaultCreated: boolean;
}

interface Params {
  protocolFeeBps: number;
  minOperatorStake: bigint;
  unstakeCooldownSecs: bigint;
  epochTiming: { epochLengthSecs: bigint; rootDeadlineSecs: bigint; challengeWindowSecs: bigint; claimWindowSecs: bigint };
  treasury: PublicKey;
  authority: PublicKey;
  openMint: PublicKey | null;
  initialSupply: bigint;
}

const log = (line: string) => console.log(`[migrate] ${line}`);

function readParams(env: NodeJS.ProcessEnv, wallet: PublicKey): Params {
  const int = (name: string, fallback: bigint, min: bigint, max: bigint): bigint => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    if (!/^\d+$/.test(raw)) throw new Error(`${name}=${raw}: expected a non-negative integer`);
    const value = BigInt(raw);
    if (value < min || value > max) throw new Error(`${name}=${raw}: expected ${min}..=${max}`);
    return value;
  };
  const key = (name: string): PublicKey | null => {
    const raw = env[name]?.trim();
    if (!raw) return null;
    try {
      return new PublicKey(raw);
    } catch {
      throw new Error(`${name}=${raw}: not a base58 public key`);
    }
  };
  const u64Max = (1n << 64n) - 1n;
  const secs = (name: string, fallback: bigint, [min, max]: readonly [number, number]) =>
    int(name, fallback, BigInt(min), BigInt(max));
  const epochTiming = {
    epochLengthSecs: secs("SUITE_EPOCH_LENGTH_SECS", 86_400n, EPOCH_TIMING_BOUNDS.epochLengthSecs),
    rootDeadlineSecs: secs("SUITE_ROOT_DEADLINE_SECS", 86_400n, EPOCH_TIMING_BOUNDS.rootDeadlineSecs),
    challengeWindowSecs: secs("SUITE_CHALLENGE_WINDOW_SECS", 86_400n, EPOCH_TIMING_BOUNDS.challengeWindowSecs),
    claimWindowSecs: secs("SUITE_CLAIM_WINDOW_SECS", 2_592_000n, EPOCH_TIMING_BOUNDS.claimWindowSecs),
  };
  // An operator cannot leave with its stake while a root it attested can still be challenged.
  const unstakeCooldownSecs = int("SUITE_UNSTAKE_COOLDOWN_SECS", 7n * 24n * 3600n, epochTiming.challengeWindowSecs, BigInt(MAX_UNSTAKE_COOLDOWN_SECS));
  return {
    protocolFeeBps: Number(int("SUITE_PROTOCOL_FEE_BPS", 250n, 0n, BigInt(MAX_PROTOCOL_FEE_BPS))),
    // The challenger's bond starts at the minimum stake, and must be above zero.
    minOperatorStake: int("SUITE_MIN_OPERATOR_STAKE", 1_000n * OPEN, 1n, u64Max),
    unstakeCooldownSecs,
    epochTiming,
    treasury: key("SUITE_TREASURY") ?? wallet,
    authority: key("SUITE_CONFIG_AUTHORITY") ?? wallet,
    openMint: key("SUITE_OPEN_MINT"),
    initialSupply: int("SUITE_OPEN_INITIAL_SUPPLY", 1_000_000_000n * OPEN, 0n, u64Max),
  };
}

/** The config's resolver and challenge parameters, in one line. */
function challengeText(config: Pick<ConfigAccount, "resolver" | "challenge">): string {
  const c = config.challenge;
  return (
    `resolver ${config.resolver.toBase58()}, attestor bond ${c.attestorBondBps} bps of a root, challenge bond ` +
    `${c.challengeBond.toString()}, reward ${c.challengeRewardBps} bps of the attestor's bond, resolve window ${c.resolveWindowSecs.toString()} s`
  );
}

const CONFIRMED = { commitment: "confirmed", preflightCommitment: "confirmed" } as const;

async function send(
  provider: MigrationProvider,
  what: string,
  instructions: TransactionInstruction[],
  signers: Signer[] = [],
): Promise<string> {
  try {
    // `confirmed`, not the provider's default `processed`: local validators (surfpool) can miss
    // `processed` signature notifications, and `confirmed` is what later reads should see.
    const signature = await provider.sendAndConfirm(new Transaction().add(...instructions), signers, CONFIRMED);
    log(`${what}: ${signature}`);
    return signature;
  } catch (err) {
    const decoded = decodeProgramError(err);
    const reason = decoded ? `${decoded.name}: ${decoded.message}` : (err as Error).message;
    throw new Error(`${what} failed: ${reason}`, { cause: err });
  }
}

/** The upgrade authority recorded in `program`'s ProgramData account (null if immutable). */
async function upgradeAuthority(provider: MigrationProvider, program: PublicKey): Promise<PublicKey | null> {
  const programData = await provider.connection.getAccountInfo(programDataPda(program));
  if (!programData || programData.data.length < 45 || new DataView(programData.data.buffer, programData.data.byteOffset).getUint32(0, true) !== 3) {
    throw new Error(
      `attribution_payout (${program.toBase58()}) is not deployed with the upgradeable loader on this cluster: run \`anchor deploy\` first`,
    );
  }
  return programData.data[12] === 1 ? new PublicKey(programData.data.subarray(13, 45)) : null;
}

async function deploy(provider: MigrationProvider, env: NodeJS.ProcessEnv = process.env): Promise<DeployResult> {
  const wallet = provider.wallet.publicKey;
  const client = new AttributionClient({ reader: connectionReader(provider.connection) });
  log(`cluster ${provider.connection.rpcEndpoint ?? "(provider)"}, wallet ${wallet.toBase58()}`);

  const existing = await client.fetchConfigOrNull();
  if (existing) {
    log(`config ${configPda().toBase58()} exists: nothing to do`);
    log(`  OPEN mint ${existing.mint.toBase58()} (${existing.decimals} decimals, token program ${existing.tokenProgram.toBase58()})`);
    log(`  authority ${existing.authority.toBase58()}, treasury ${existing.treasury.toBase58()}`);
    log(
      `  protocol fee ${existing.protocolFeeBps} bps, min operator stake ${existing.minOperatorStake.toString()}, ` +
        `unstake cooldown ${existing.unstakeCooldownSecs.toString()} s, paused ${existing.paused}`,
    );
    log(
      `  epochs ${existing.epochLengthSecs.toString()} s, root deadline ${existing.rootDeadlineSecs.toString()} s, ` +
        `challenge window ${existing.challengeWindowSecs.toString()} s, claim window ${existing.claimWindowSecs.toString()} s`,
    );
    log(`  ${challengeText(existing)}`);
    let bondVaultCreated = false;
    if (await client.getAccount(bondVaultPda())) {
      log(`  bond vault ${bondVaultPda().toBase58()}`);
    } else {
      // A deployment made before contributor bonds: its bond vault, with the config's mint.
      const vault = await client.bondVaultInit({ payer: wallet });
      await send(provider, `bond_vault_init ${vault.bondVault.toBase58()}`, vault.instructions);
      bondVaultCreated = true;
    }
    return { status: "exists", config: configPda(), mint: existing.mint, treasury: existing.treasury, mintCreated: false, bondVaultCreated };
  }

  const params = readParams(env, wallet);
  const authority = await upgradeAuthority(provider, ATTRIBUTION_PAYOUT_PROGRAM_ID);
  if (!authority || !authority.equals(wallet)) {
    throw new Error(
      `the provider wallet ${wallet.toBase58()} is not attribution_payout's upgrade authority ` +
        `(${authority ? authority.toBase58() : "none: the program is immutable"}); config_init must be signed by it. ` +
        "Run `anchor migrate` with the deployer's wallet (Anchor.toml [provider] wallet, or --provider.wallet).",
    );
  }

  let mint: PublicKey;
  let tokenProgram: PublicKey;
  let mintCreated = false;
  if (params.openMint) {
    const info = await provider.connection.getAccountInfo(params.openMint);
    if (!info) throw new Error(`SUITE_OPEN_MINT ${params.openMint.toBase58()} does not exist on this cluster`);
    if (!info.owner.equals(TOKEN_PROGRAM_ID) && !info.owner.equals(TOKEN_2022_PROGRAM_ID)) {
      throw new Error(`SUITE_OPEN_MINT ${params.openMint.toBase58()} is not a token mint (owner ${info.owner.toBase58()})`);
    }
    mint = params.openMint;
    tokenProgram = info.owner;
    log(`adopting OPEN mint ${mint.toBase58()} (${decodeMint(info.data).decimals} decimals)`);
  } else {
    const mintKeypair = Keypair.generate();
    mint = mintKeypair.publicKey;
    tokenProgram = TOKEN_PROGRAM_ID;
    const ata = associatedTokenAddress(wallet, mint, tokenProgram);
    const instructions = [
      ...createMintInstructions({
        payer: wallet,
        mint,
        decimals: OPEN_DECIMALS,
        mintAuthority: wallet,
        lamports: await provider.connection.getMinimumBalanceForRentExemption(MINT_SIZE),
        tokenProgram,
      }),
      createAssociatedTokenAccountIdempotentInstruction(wallet, wallet, mint, tokenProgram),
    ];
    if (params.initialSupply > 0n) {
      instructions.push(createMintToInstruction(mint, ata, wallet, params.initialSupply, tokenProgram));
    }
    await send(provider, `OPEN mint ${mint.toBase58()}, ${params.initialSupply} base units to ${ata.toBase58()}`, instructions, [mintKeypair]);
    mintCreated = true;
  }

  const init = await client.configInit({
    deployer: wallet,
    mint,
    tokenProgram,
    authority: params.authority,
    treasury: params.treasury,
    protocolFeeBps: params.protocolFeeBps,
    minOperatorStake: params.minOperatorStake,
    unstakeCooldownSecs: params.unstakeCooldownSecs,
    epochTiming: params.epochTiming,
  });
  const treasuryEarnings = await client.earningsInit({
    payer: wallet,
    beneficiary: params.treasury,
    role: EarningsRole.Treasury,
  });
  const bondVault = await client.bondVaultInit({ payer: wallet, mint, tokenProgram });
  await send(provider, `config_init ${init.config.toBase58()}, treasury earnings ${treasuryEarnings.earnings.toBase58()} and bond_vault_init`, [
    ...init.instructions,
    ...treasuryEarnings.instructions,
    ...bondVault.instructions,
  ]);
  log(`vault ${init.vault.toBase58()}, stake vault ${init.stakeVault.toBase58()}, bond vault ${bondVault.bondVault.toBase58()}`);
  log(
    `authority ${params.authority.toBase58()}, treasury ${params.treasury.toBase58()} ` +
      `(earnings ${earningsPda(params.treasury, EarningsRole.Treasury).toBase58()}), protocol fee ${params.protocolFeeBps} bps, ` +
      `min operator stake ${params.minOperatorStake}, unstake cooldown ${params.unstakeCooldownSecs} s`,
  );
  const t = params.epochTiming;
  log(
    `epochs ${t.epochLengthSecs} s, root deadline ${t.rootDeadlineSecs} s, challenge window ${t.challengeWindowSecs} s, ` +
      `claim window ${t.claimWindowSecs} s`,
  );
  log(challengeText(await client.fetchConfig()));
  return { status: "initialized", config: init.config, mint, treasury: params.treasury, mintCreated, bondVaultCreated: true };
}

export = deploy;
