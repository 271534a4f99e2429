/**
 * The client's definitions against their sources of truth, without the programs: the generated
 * IDL modules against idls/*.json, the constants against programs/*\/src/constants.rs, every PDA
 * against the seeds the IDLs record, the payout math against payout-math's own vectors, and error
 * decoding.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { Keypair, PublicKey } from "@solana/web3.js";
import {
  ATTRIBUTION_PAYOUT_CONSTANTS,
  ATTRIBUTION_PAYOUT_PROGRAM_ID,
  AttributionClient,
  BN,
  DATANET_REGISTRY_CONSTANTS,
  DATANET_REGISTRY_PROGRAM_ID,
  EarningsRole,
  MODEL_REGISTRY_CONSTANTS,
  MODEL_REGISTRY_PROGRAM_ID,
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
  PROGRAMS,
  STAKE_AUTHORITY_OFFSET,
  STAKE_DISCRIMINATOR,
  RAW_IDLS,
  SUITE_IDLS,
  type ProgramName,
  accrue,
  attestationPda,
  attestorApprovalPda,
  attestorBond,
  bondVaultPda,
  configPda,
  contributionPda,
  datanetPda,
  datanetVersionPda,
  decodeProgramError,
  earningsPda,
  errorCode,
  epochPda,
  errorFromCode,
  escrowPda,
  modelPda,
  operatorPda,
  poolPda,
  positionPda,
  programDataPda,
  receiptPda,
  splitFee,
  stakePda,
  stakeVaultPda,
  vaultPda,
} from "@attribution-suite/client";
import { PROGRAM_NAMES, generatedPath, renderIdlModule } from "../packages/client/scripts/idl-codegen";
import { REPO_ROOT } from "./helpers/chain";

describe("generated IDL modules", () => {
  for (const program of PROGRAM_NAMES) {
    test(`src/generated/${program}.ts is what idls/${program}.json gives (else: npm run gen)`, () => {
      const current = readFileSync(generatedPath(program), "utf8");
      assert.ok(current === renderIdlModule(program), `packages/client/src/generated/${program}.ts is stale: run \`npm run gen\``);
    });
  }

  test("program ids are the IDLs' addresses", () => {
    assert.equal(DATANET_REGISTRY_PROGRAM_ID.toBase58(), RAW_IDLS.datanet_registry.address);
    assert.equal(MODEL_REGISTRY_PROGRAM_ID.toBase58(), RAW_IDLS.model_registry.address);
    assert.equal(ATTRIBUTION_PAYOUT_PROGRAM_ID.toBase58(), RAW_IDLS.attribution_payout.address);
    // datanet_registry names attribution_payout (its config: the bond vault's mint, the treasury).
    assert.equal(DATANET_REGISTRY_CONSTANTS.PAYOUT_PROGRAM_ID, ATTRIBUTION_PAYOUT_PROGRAM_ID.toBase58());
  });
});

/**
 * The constants of a Rust `constants.rs`: byte-string seeds as strings, `pubkey!("…")` as its
 * base58 string, integer expressions (over literals and earlier constants, e.g. `30 * DAY`) as
 * numbers, tuples as arrays.
 */
function rustConstants(source: string): { pub: Map<string, unknown>; all: Map<string, unknown> } {
  const all = new Map<string, unknown>();
  const pub = new Map<string, unknown>();
  for (const m of source.matchAll(/^\s*(pub )?const (\w+):[^=]+=\s*([^;]+);/gm)) {
    const [, isPub, name, raw] = m;
    const text = raw.trim();
    let value: unknown;
    const seed = /^b"([^"]*)"$/.exec(text) ?? /^pubkey!\("([1-9A-HJ-NP-Za-km-z]+)"\)$/.exec(text);
    if (seed) value = seed[1];
    else {
      const expr = text.replace(/_(?=\d)/g, "").replace(/\b[A-Z][A-Z0-9_]*\b/g, (id) => {
        if (!all.has(id)) throw new Error(`${name}: unknown constant ${id}`);
        return JSON.stringify(all.get(id));
      });
      if (!/^[\d\s*+\-(),\[\]]+$/.test(expr)) throw new Error(`cannot read ${name} = ${text}`);
      const tuple = /^\(.*,.*\)$/s.test(expr);
      value = new Function(`return ${tuple ? `[${expr.slice(1, -1)}]` : expr};`)();
    }
    all.set(name, value);
    if (isPub) pub.set(name, value);
  }
  return { pub, all };
}

/** The fields of `pub struct <name>` in a Rust source, as IDL types (the few the accounts use). */
function rustStructFields(source: string, name: string): { name: string; type: unknown }[] {
  const body = new RegExp(`pub struct ${name}\\s*\\{([^}]*)\\}`).exec(source);
  if (!body) throw new Error(`no struct ${name}`);
  const idlType = (rust: string): unknown => {
    const array = /^\[(\w+);\s*(\d+)\]$/.exec(rust);
    if (array) return { array: [idlType(array[1]), Number(array[2])] };
    const option = /^Option<(.+)>$/.exec(rust);
    if (option) return { option: idlType(option[1]) };
    if (/^[A-Z][a-z]\w*$/.test(rust) && rust !== "Pubkey" && rust !== "String") return { defined: { name: rust } };
    if (rust === "Pubkey") return "pubkey";
    if (rust === "String") return "string";
    if (/^(u|i)(8|16|32|64|128)$|^bool$/.test(rust)) return rust;
    throw new Error(`unhandled Rust type ${rust}`);
  };
  return [...body[1].matchAll(/^\s*pub (\w+):\s*([^,]+),/gm)].map((m) => ({ name: m[1], type: idlType(m[2].trim()) }));
}

describe("the accounts the client decodes", () => {
  test("every account's discriminator is Anchor's: sha256(\"account:<Name>\")[..8]", () => {
    for (const program of PROGRAM_NAMES) {
      for (const account of (SUITE_IDLS[program] as any).accounts as { name: string; discriminator: number[] }[]) {
        const expected = createHash("sha256").update(`account:${account.name}`).digest().subarray(0, 8);
        assert.deepEqual(account.discriminator, Array.from(expected), `${program}.${account.name}`);
      }
    }
  });

  test("Position, DatanetVersion and Contribution decode, with the layouts of their Rust structs (listed by the IDLs or not)", () => {
    const cases: [ProgramName, string, string][] = [
      ["attribution_payout", "Position", "programs/attribution_payout/src/state/position.rs"],
      ["datanet_registry", "DatanetVersion", "programs/datanet_registry/src/state/datanet_version.rs"],
      ["datanet_registry", "Contribution", "programs/datanet_registry/src/state/contribution.rs"],
    ];
    for (const [program, name, path] of cases) {
      const idl = SUITE_IDLS[program] as any;
      assert.ok(idl.accounts.some((a: any) => a.name === name), `${program} decodes ${name}`);
      const def = idl.types.find((t: any) => t.name === name);
      const fields = def.type.fields.map((f: any) => ({ name: f.name, type: f.type }));
      assert.deepEqual(fields, rustStructFields(readFileSync(join(REPO_ROOT, path), "utf8"), name), `${name} as in ${path}`);
    }
    assert.equal(POSITION_BENEFICIARY_OFFSET, 8 + 1 + 1 + 32 + 32);
    // Position is in attribution_payout's IDL as committed (position_sync takes it typed): the
    // client codes with that IDL unchanged. DatanetVersion is still supplemented (OWNED_ACCOUNTS).
    assert.ok(RAW_IDLS.attribution_payout.accounts.some((a) => a.name === "Position"));
    assert.ok(RAW_IDLS.attribution_payout.types.some((t) => t.name === "Position"));
    assert.deepEqual(SUITE_IDLS.attribution_payout, RAW_IDLS.attribution_payout);
    assert.ok(!(RAW_IDLS.datanet_registry.accounts as readonly { name: string }[]).some((a) => a.name === "DatanetVersion"));
    // Anchor's account namespaces have them too (typed: `Program<AttributionPayout>`, `Program<SuiteDatanetRegistry>`).
    const client = new AttributionClient();
    assert.equal(typeof client.payoutProgram.account.position.fetch, "function");
    assert.equal(typeof client.datanetProgram.account.datanetVersion.all, "function");
  });
});

describe("constants mirror programs/*/src/constants.rs", () => {
  const mirrors: [string, Readonly<Record<string, unknown>>][] = [
    ["datanet_registry", DATANET_REGISTRY_CONSTANTS],
    ["model_registry", MODEL_REGISTRY_CONSTANTS],
    ["attribution_payout", ATTRIBUTION_PAYOUT_CONSTANTS],
  ];
  for (const [program, mirror] of mirrors) {
    test(program, (t) => {
      const { pub } = rustConstants(readFileSync(join(REPO_ROOT, "programs", program, "src/constants.rs"), "utf8"));
      assert.ok(pub.size > 0);
      // Every constant the client mirrors has the Rust value.
      for (const [name, value] of Object.entries(mirror)) {
        assert.ok(pub.has(name), `${name} is no longer in programs/${program}/src/constants.rs`);
        assert.deepEqual(value, pub.get(name), `${name}`);
      }
      // Constants the programs gained since the client was written: reported, not failed, so that
      // new program work does not break this suite before the client supports it.
      const unmirrored = [...pub.keys()].filter((name) => !(name in mirror));
      if (unmirrored.length > 0) t.diagnostic(`not mirrored by the client yet: ${unmirrored.join(", ")}`);
    });
  }

  test("the reader of constants.rs", () => {
    const { pub } = rustConstants(
      'pub const S: &[u8] = b"seed";\nconst DAY: i64 = 24 * 60 * 60;\npub const B: (i64, i64) = (60, 30 * DAY);\npub const N: u16 = 1_000;\n' +
        'pub const P: Pubkey = pubkey!("11111111111111111111111111111111");',
    );
    assert.deepEqual(Object.fromEntries(pub), { S: "seed", B: [60, 2_592_000], N: 1000, P: "11111111111111111111111111111111" });
  });
});

/** The IDL's encoding of an instruction argument used as a seed (Anchor's `to_le_bytes` etc.). */
function seedArgBytes(idl: any, instruction: any, path: string, value: unknown): Uint8Array {
  const [argName, field] = path.split(".");
  const arg = instruction.args.find((a: any) => a.name === argName);
  let type = arg.type;
  if (field) {
    const def = idl.types.find((t: any) => t.name === type.defined.name);
    type = def.type.fields.find((f: any) => f.name === field).type;
  }
  if (type === "pubkey") return (value as PublicKey).toBytes();
  if (typeof type === "string" && /^u\d+$/.test(type)) {
    const out = new Uint8Array(Number(type.slice(1)) / 8);
    let v = BigInt(value as number);
    for (let i = 0; i < out.length; i++, v >>= 8n) out[i] = Number(v & 0xffn);
    return out;
  }
  if (type.array && type.array[0] === "u8") return value as Uint8Array;
  if (type.defined) {
    // A fieldless enum is borsh-encoded as its variant index.
    const def = idl.types.find((t: any) => t.name === type.defined.name);
    assert.equal(def.type.kind, "enum");
    return Uint8Array.of(value as number);
  }
  throw new Error(`unhandled seed type ${JSON.stringify(type)}`);
}

describe("every PDA matches the seeds the IDLs record", () => {
  const key = () => Keypair.generate().publicKey;
  const hash = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff);
  // For each PDA account of each instruction: sample accounts and args, and the client's derivation.
  type Case = { accounts: Record<string, PublicKey>; args: Record<string, unknown>; derive: () => PublicKey };
  const creator = key(), datanet = key(), owner = key(), authority = key(), beneficiary = key();
  const model = key(), contribution = key(), epoch = key(), datanetVersion = key(), pool = key();
  const table: [ProgramName, string, string, Case][] = [
    ["datanet_registry", "datanet_create", "datanet", { accounts: { creator }, args: { "args.id": 2n ** 40n + 7n }, derive: () => datanetPda(creator, 2n ** 40n + 7n) }],
    ["datanet_registry", "contribution_submit", "contribution", { accounts: { datanet }, args: { "args.content_hash": hash }, derive: () => contributionPda(datanet, hash) }],
    ["datanet_registry", "datanet_version_publish", "datanet_version", { accounts: { datanet }, args: { "args.number": 70_000 }, derive: () => datanetVersionPda(datanet, 70_000) }],
    ["datanet_registry", "bond_vault_init", "bond_vault", { accounts: {}, args: {}, derive: bondVaultPda }],
    ["datanet_registry", "datanet_attestor_approve", "approval", { accounts: { datanet }, args: { attestor: authority }, derive: () => attestorApprovalPda(datanet, authority) }],
    // The curator's approval, as attribution_root_post names it (seeds under datanet_registry, from the epoch's datanet).
    ["attribution_payout", "attribution_root_post", "attestor_approval", { accounts: { "epoch.datanet": datanet, attestor: authority }, args: {}, derive: () => attestorApprovalPda(datanet, authority) }],
    // attribution_payout's config, as datanet_registry's instructions name it (seeds under the payout program).
    ["datanet_registry", "bond_vault_init", "payout_config", { accounts: {}, args: {}, derive: configPda }],
    ["datanet_registry", "contribution_flag_spam", "payout_config", { accounts: {}, args: {}, derive: configPda }],
    ["model_registry", "model_create", "model", { accounts: { owner }, args: { "args.id": 513 }, derive: () => modelPda(owner, 513) }],
    ["model_registry", "operator_register", "operator", { accounts: { authority }, args: {}, derive: () => operatorPda(authority) }],
    ["attribution_payout", "config_init", "config", { accounts: {}, args: {}, derive: configPda }],
    ["attribution_payout", "config_init", "vault", { accounts: {}, args: {}, derive: vaultPda }],
    ["attribution_payout", "config_init", "stake_vault", { accounts: {}, args: {}, derive: stakeVaultPda }],
    ["attribution_payout", "pool_init", "pool", { accounts: { datanet_version: datanetVersion }, args: {}, derive: () => poolPda(datanetVersion) }],
    ["attribution_payout", "position_enroll", "position", { accounts: { pool, contribution }, args: {}, derive: () => positionPda(pool, contribution) }],
    ["attribution_payout", "escrow_init", "escrow", { accounts: { model }, args: {}, derive: () => escrowPda(model) }],
    ["attribution_payout", "stake_init", "stake", { accounts: { authority }, args: {}, derive: () => stakePda(authority) }],
    ["attribution_payout", "epoch_open", "epoch", { accounts: { model }, args: { index: 2n ** 33n + 5n }, derive: () => epochPda(model, 2n ** 33n + 5n) }],
    ["attribution_payout", "attribution_claim", "receipt", { accounts: { epoch, contribution }, args: {}, derive: () => receiptPda(epoch, contribution) }],
    ...["attribution_root_post", "epoch_challenge", "epoch_challenge_end", "attestation_close", "epoch_close"].map(
      (ix): [ProgramName, string, string, Case] => [
        "attribution_payout",
        ix,
        "attestation",
        { accounts: { epoch }, args: {}, derive: () => attestationPda(epoch) },
      ],
    ),
    ...([EarningsRole.Treasury, EarningsRole.ModelOwner, EarningsRole.Operator] as const).map(
      (role): [ProgramName, string, string, Case] => [
        "attribution_payout",
        "earnings_init",
        "earnings",
        { accounts: {}, args: { beneficiary, role }, derive: () => earningsPda(beneficiary, role) },
      ],
    ),
  ];

  test("PDA accounts of the IDLs the client derives", (t) => {
    const inIdls = PROGRAM_NAMES.flatMap((program) =>
      (RAW_IDLS[program].instructions as readonly any[]).flatMap((ix) =>
        (ix.accounts as any[]).filter((a) => a.pda).map((a) => `${program}.${ix.name}.${a.name}`),
      ),
    );
    const covered = new Set(table.map(([program, ix, account]) => `${program}.${ix}.${account}`));
    // The client's PDAs all still exist in the IDLs...
    for (const key of covered) assert.ok(inIdls.includes(key), `${key} is no longer a PDA account in the IDLs`);
    // ...and PDAs added by new instructions are reported until the client derives them.
    const uncovered = inIdls.filter((k) => !covered.has(k));
    if (uncovered.length > 0) t.diagnostic(`PDA accounts the client does not derive yet: ${uncovered.join(", ")}`);
  });

  for (const [program, ixName, accountName, c] of table) {
    test(`${program}.${ixName}: ${accountName}${"role" in c.args ? ` (role ${c.args.role})` : ""}`, () => {
      const idl: any = RAW_IDLS[program];
      const ix = idl.instructions.find((i: any) => i.name === ixName);
      const account = ix.accounts.find((a: any) => a.name === accountName);
      const seeds = account.pda.seeds.map((s: any) => {
        if (s.kind === "const") return Uint8Array.from(s.value);
        if (s.kind === "account") return c.accounts[s.path].toBytes();
        if (s.kind === "arg") return seedArgBytes(idl, ix, s.path, c.args[s.path]);
        throw new Error(`seed kind ${s.kind}`);
      });
      // A PDA of another program records that program (`seeds::program`) as a const.
      const owner = account.pda.program ? new PublicKey(Uint8Array.from(account.pda.program.value)) : PROGRAMS[program].programId;
      const [expected] = PublicKey.findProgramAddressSync(seeds, owner);
      assert.equal(c.derive().toBase58(), expected.toBase58());
    });
  }

  test("EarningsRole values are the IDL enum's variant indexes", () => {
    const def: any = RAW_IDLS.attribution_payout.types.find((t) => t.name === "EarningsRole");
    def.type.variants.forEach((v: any, index: number) => {
      assert.equal(EarningsRole[v.name as keyof typeof EarningsRole], index, v.name);
    });
    assert.equal(def.type.variants.length, 3);
  });

  test("ProgramData address of the upgradeable loader", () => {
    const [expected] = PublicKey.findProgramAddressSync(
      [ATTRIBUTION_PAYOUT_PROGRAM_ID.toBytes()],
      new PublicKey("BPFLoaderUpgradeab1e11111111111111111111111"),
    );
    assert.ok(programDataPda(ATTRIBUTION_PAYOUT_PROGRAM_ID).equals(expected));
  });
});

describe("payout math is payout-math's", () => {
  test("the attestor's bond is bps of the root's total rounded up (attribution_root_post's bond_for)", () => {
    assert.equal(attestorBond(1_500n, 1_000), 150n);
    assert.equal(attestorBond(1_501n, 1_000), 151n);
    assert.equal(attestorBond(0n, 1_000), 0n);
    assert.equal(attestorBond(1n, 1_000), 1n);
    assert.equal(attestorBond(7n, 10_000), 7n);
    // u64::MAX at 1,000 bps: the program's split (amount / 10,000 × bps + remainder's share) rounded up.
    const max = (1n << 64n) - 1n;
    assert.equal(attestorBond(max, 1_000), (max / 10_000n) * 1_000n + ((max % 10_000n) * 1_000n + 9_999n) / 10_000n);
    assert.throws(() => attestorBond(1n, 10_001));
  });

  test("split hands every remainder to the treasury (payout-math's vector)", () => {
    const s = splitFee(1_000_003n, 250, [3_333, 3_333, 3_334]);
    assert.deepEqual(s.parts, [324_968n, 324_968n, 325_066n]);
    assert.equal(s.protocol, 25_000n);
    assert.equal(s.dust, 1n);
    assert.throws(() => splitFee(1n, 0, [5_000, 4_999]));
  });

  test("accrue carries fractions (payout-math's vector)", () => {
    // distribute(10, weight 3) three times: reward_per_weight = floor(30 · 2^64 / 3) with carries.
    let rpw = 0n;
    let carry = 0n;
    const distribute = (amount: bigint, total: bigint) => {
      const num = (amount << 64n) + carry;
      rpw += num / total;
      carry = num % total;
    };
    for (let i = 0; i < 3; i++) distribute(10n, 3n);
    const a = accrue(1n, 0n, rpw, 0n);
    assert.equal(a.amount, 10n);
    assert.equal(accrue(2n, 0n, rpw, 0n).amount, 20n);
    const rpw1 = rpw;
    distribute(4n, 3n);
    const next = accrue(1n, rpw1, rpw, a.fraction);
    const once = accrue(1n, 0n, rpw, 0n);
    assert.equal(a.amount + next.amount, once.amount);
    assert.equal(once.amount, 11n);
    assert.throws(() => accrue(1n, 5n, 4n, 0n));
  });
});

describe("program errors decode by name", () => {
  test("from a code and program id: the IDL's errors, then Anchor's", () => {
    const fee = errorFromCode(ATTRIBUTION_PAYOUT_PROGRAM_ID, 6009)!;
    assert.equal(fee.name, "FeeAboveMax");
    assert.equal(fee.program, "attribution_payout");
    assert.equal(errorFromCode(DATANET_REGISTRY_PROGRAM_ID, 6005)!.name, "DuplicateContribution");
    assert.equal(errorFromCode(MODEL_REGISTRY_PROGRAM_ID, 6009)!.name, "SharesNotWhole");
    const seeds = errorFromCode(MODEL_REGISTRY_PROGRAM_ID, 2006)!;
    assert.equal(seeds.name, "ConstraintSeeds");
    assert.equal(seeds.anchor, true);
    assert.equal(errorFromCode(MODEL_REGISTRY_PROGRAM_ID, 9999), null);
  });

  test("the errors of fair shares (issue 14) and of handing a contribution over have names and messages", () => {
    const cases: [ProgramName, string][] = [
      ["datanet_registry", "EmptyVersion"],
      ["datanet_registry", "WrongContributor"],
      ["model_registry", "VersionRequired"],
      ["attribution_payout", "NotInVersion"],
      ["attribution_payout", "ClaimAccountMismatch"],
      // Handing a contribution over.
      ["datanet_registry", "NotContributor"],
      ["datanet_registry", "NoPendingContributor"],
      ["attribution_payout", "WrongContribution"],
      ["attribution_payout", "BeneficiaryCurrent"],
    ];
    for (const [program, name] of cases) {
      const code = errorCode(program, name);
      const decoded = errorFromCode(PROGRAMS[program].programId, code)!;
      assert.equal(decoded.name, name);
      assert.equal(decoded.program, program);
      assert.ok(decoded.message.length > 0 && decoded.message !== name, `${name} has a message`);
    }
    // EmptyVersion replaced InvalidVersionCount at the same code.
    assert.throws(() => errorCode("datanet_registry", "InvalidVersionCount"));
    assert.equal(errorCode("datanet_registry", "EmptyVersion"), errorCode("datanet_registry", "WrongVersionNumber") - 1);
  });

  test("the errors of contributor bonds and the spam flag have names and messages", () => {
    const names = [
      "BondAccountsMissing",
      "WrongBondVault",
      "WrongBondMint",
      "WrongBondTokenAccount",
      "WrongPayoutConfig",
      "InvalidBondPolicy",
      "NotFlaggable",
      "NoBond",
      "BondNotRefundable",
    ];
    for (const name of names) {
      const decoded = errorFromCode(DATANET_REGISTRY_PROGRAM_ID, errorCode("datanet_registry", name))!;
      assert.equal(decoded.name, name);
      assert.equal(decoded.program, "datanet_registry");
      assert.ok(decoded.message.length > 0 && decoded.message !== name, `${name} has a message`);
    }
  });

  test("the errors of bonded challenges and attestor approvals have names and messages", () => {
    const names = [
      "InvalidChallengeParams",
      "RootChallenged",
      "NotResolver",
      "NotChallenged",
      "ResolveDeadlinePassed",
      "ResolveDeadlineNotPassed",
      "BondLocked",
      "AttestorBondHeld",
      "AttestorNotApproved",
    ];
    for (const name of names) {
      const decoded = errorFromCode(ATTRIBUTION_PAYOUT_PROGRAM_ID, errorCode("attribution_payout", name))!;
      assert.equal(decoded.name, name);
      assert.ok(decoded.message.length > 0 && decoded.message !== name, `${name} has a message`);
    }
    assert.equal(errorFromCode(DATANET_REGISTRY_PROGRAM_ID, errorCode("datanet_registry", "AttestorAlreadyApproved"))!.name, "AttestorAlreadyApproved");
  });

  test("the errors of handovers (models, operators, stakes, earnings) and closes have names and messages", () => {
    const cases: [ProgramName, string][] = [
      ["model_registry", "NoPendingHandover"],
      ["attribution_payout", "NoPendingHandover"],
      ["attribution_payout", "HandoverToSelf"],
      ["attribution_payout", "AccountNotEmpty"],
      ["attribution_payout", "TreasuryEarningsStay"],
    ];
    for (const [program, name] of cases) {
      const decoded = errorFromCode(PROGRAMS[program].programId, errorCode(program, name))!;
      assert.equal(decoded.name, name);
      assert.equal(decoded.program, program);
      assert.ok(decoded.message.length > 0 && decoded.message !== name, `${name} has a message`);
    }
  });

  test("the Operator and Stake memcmp offsets: their authority (operatorsOf, stakesOf)", async () => {
    const authority = Keypair.generate().publicKey;
    const operator: Buffer = await PROGRAMS.model_registry.coder.accounts.encode("operator", {
      version: 1,
      bump: 253,
      authority,
      status: { active: {} },
      registeredAt: new BN(1),
      updatedAt: new BN(2),
      pendingAuthority: Keypair.generate().publicKey,
      reserved: Array(32).fill(0),
      endpoint: "https://op.example",
    });
    assert.deepEqual(operator.subarray(0, 8), Buffer.from(OPERATOR_DISCRIMINATOR));
    assert.ok(new PublicKey(operator.subarray(OPERATOR_AUTHORITY_OFFSET, OPERATOR_AUTHORITY_OFFSET + 32)).equals(authority));
    const stake: Buffer = await PROGRAMS.attribution_payout.coder.accounts.encode("stake", {
      version: 1,
      bump: 252,
      authority,
      active: new BN(3),
      unstaking: new BN(4),
      unlockAt: new BN(5),
      pendingAuthority: null,
      locked: new BN(6),
      slashableUntil: new BN(7),
      reserved: Array(16).fill(0),
    });
    assert.deepEqual(stake.subarray(0, 8), Buffer.from(STAKE_DISCRIMINATOR));
    assert.ok(new PublicKey(stake.subarray(STAKE_AUTHORITY_OFFSET, STAKE_AUTHORITY_OFFSET + 32)).equals(authority));
    assert.equal(OPERATOR_AUTHORITY_OFFSET, 8 + 1 + 1);
    assert.equal(STAKE_AUTHORITY_OFFSET, 8 + 1 + 1);
  });

  test("EARNINGS_PENDING_BENEFICIARY_OFFSET: Some(wallet) where an Earnings account's pending beneficiary is encoded (earningsProposedTo)", async () => {
    const pending = Keypair.generate().publicKey;
    const earnings: Buffer = await PROGRAMS.attribution_payout.coder.accounts.encode("earnings", {
      version: 1,
      bump: 251,
      beneficiary: Keypair.generate().publicKey,
      role: { modelOwner: {} },
      balance: new BN(6),
      totalEarned: new BN(7),
      totalClaimed: new BN(1),
      pendingBeneficiary: pending,
      reserved: Array(32).fill(0),
    });
    assert.deepEqual(earnings.subarray(0, 8), Buffer.from(EARNINGS_DISCRIMINATOR));
    assert.equal(earnings[EARNINGS_PENDING_BENEFICIARY_OFFSET], 1, "the Option's Some tag");
    const at = EARNINGS_PENDING_BENEFICIARY_OFFSET + 1;
    assert.ok(new PublicKey(earnings.subarray(at, at + 32)).equals(pending));
    assert.equal(EARNINGS_PENDING_BENEFICIARY_OFFSET, 8 + 1 + 1 + 32 + 1 + 8 + 8 + 8);
  });

  test("POSITION_BENEFICIARY_OFFSET is where a Position's beneficiary is encoded", () => {
    const beneficiary = Keypair.generate().publicKey;
    const coder = PROGRAMS.attribution_payout.coder;
    const fields = {
      version: 1,
      bump: 255,
      pool: Keypair.generate().publicKey,
      contribution: Keypair.generate().publicKey,
      beneficiary,
      weight: new BN(7),
      rewardCheckpoint: new BN(0),
      fraction: new BN(0),
      totalClaimed: new BN(0),
      enrolledAt: new BN(0),
      reserved: Array(32).fill(0),
    };
    return coder.accounts.encode("position", fields).then((data: Buffer) => {
      assert.deepEqual(data.subarray(0, 8), Buffer.from(POSITION_DISCRIMINATOR));
      assert.ok(new PublicKey(data.subarray(POSITION_BENEFICIARY_OFFSET, POSITION_BENEFICIARY_OFFSET + 32)).equals(beneficiary));
    });
  });

  test("the Contribution memcmp offsets: contributor, and pending_contributor's Some(key) (tag byte, then the key)", async () => {
    const coder = PROGRAMS.datanet_registry.coder;
    const contributor = Keypair.generate().publicKey;
    const successor = Keypair.generate().publicKey;
    const fields = (pendingContributor: PublicKey | null) => ({
      version: 1,
      bump: 254,
      datanet: Keypair.generate().publicKey,
      contributor,
      contentHash: Array(32).fill(7),
      size: new BN(10),
      status: { accepted: {} },
      weight: new BN(3),
      rejectReason: 0,
      index: new BN(4),
      submittedAt: new BN(5),
      decidedAt: new BN(6),
      acceptedSeq: new BN(2),
      pendingContributor,
      bond: new BN(0),
      flaggableUntil: new BN(0),
      reserved: Array(8).fill(0),
      uri: "ipfs://x",
    });
    const data: Buffer = await coder.accounts.encode("contribution", fields(successor));
    assert.deepEqual(data.subarray(0, 8), Buffer.from(CONTRIBUTION_DISCRIMINATOR));
    assert.ok(new PublicKey(data.subarray(CONTRIBUTION_CONTRIBUTOR_OFFSET, CONTRIBUTION_CONTRIBUTOR_OFFSET + 32)).equals(contributor));
    assert.equal(data[CONTRIBUTION_PENDING_CONTRIBUTOR_OFFSET], 1);
    const at = CONTRIBUTION_PENDING_CONTRIBUTOR_OFFSET + 1;
    assert.ok(new PublicKey(data.subarray(at, at + 32)).equals(successor));
    const none: Buffer = await coder.accounts.encode("contribution", fields(null));
    assert.equal(none[CONTRIBUTION_PENDING_CONTRIBUTOR_OFFSET], 0);
    assert.equal(CONTRIBUTION_CONTRIBUTOR_OFFSET, 8 + 1 + 1 + 32);
    assert.equal(POSITION_CONTRIBUTION_OFFSET, 8 + 1 + 1 + 32);
  });

  test("from transaction logs (the failing program's line), and from error objects carrying logs", () => {
    const logs = [
      `Program ${ATTRIBUTION_PAYOUT_PROGRAM_ID.toBase58()} invoke [1]`,
      "Program log: Instruction: InferencePay",
      "Program log: AnchorError occurred. Error Code: FeeAboveMax. Error Number: 6009. Error Message: The fee (price × calls) is above the max fee you allowed.",
      `Program ${ATTRIBUTION_PAYOUT_PROGRAM_ID.toBase58()} consumed 5000 of 200000 compute units`,
      `Program ${ATTRIBUTION_PAYOUT_PROGRAM_ID.toBase58()} failed: custom program error: 0x1779`,
    ];
    assert.equal(decodeProgramError(logs)!.name, "FeeAboveMax");
    assert.equal(decodeProgramError({ logs })!.code, 6009);
    assert.equal(decodeProgramError({ transactionLogs: logs })!.program, "attribution_payout");
    assert.equal(decodeProgramError({ programId: DATANET_REGISTRY_PROGRAM_ID, code: 6005 })!.name, "DuplicateContribution");
    // Another program's Anchor error: the name comes from its log line.
    const other = Keypair.generate().publicKey.toBase58();
    const foreign = decodeProgramError([
      `Program ${other} invoke [1]`,
      "Program log: AnchorError occurred. Error Code: SomethingElse. Error Number: 6001. Error Message: Nope.",
      `Program ${other} failed: custom program error: 0x1771`,
    ])!;
    assert.equal(foreign.name, "SomethingElse");
    assert.equal(foreign.program, null);
    assert.equal(decodeProgramError(["Program log: hello"]), null);
    assert.equal(decodeProgramError(new Error("network down")), null);
  });
});
