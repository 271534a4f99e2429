// A stranger's upgrade sent straight to the upgradeable loader, past the client-side check that
// `anchor program upgrade` makes first: the stranger writes a buffer of its own and signs an
// `Upgrade` of a deployed program. The loader must refuse it ("Incorrect authority provided")
// and leave the program data untouched.
// Usage: tsx tests/stranger-upgrade.ts <rpc url> <program id> <stranger keypair.json>
// Run by tests/localnet-deploy.sh.
import { readFileSync } from "node:fs";
import {
  Connection,
  Keypair,
  PublicKey,
  SendTransactionError,
  SystemProgram,
  SYSVAR_CLOCK_PUBKEY,
  SYSVAR_RENT_PUBKEY,
  Transaction,
  TransactionInstruction,
  sendAndConfirmTransaction,
} from "@solana/web3.js";

const LOADER = new PublicKey("BPFLoaderUpgradeab1e11111111111111111111111");
const BUFFER_HEADER = 37; // UpgradeableLoaderState::Buffer: tag u32, Option<Pubkey>
const PAYLOAD = Buffer.from([0x7f, 0x45, 0x4c, 0x46]); // any bytes: the authority check comes first

// UpgradeableLoaderInstruction, bincode: a u32 tag, then the variant's fields.
const initializeBuffer = (buffer: PublicKey, authority: PublicKey) =>
  new TransactionInstruction({
    programId: LOADER,
    keys: [
      { pubkey: buffer, isSigner: false, isWritable: true },
      { pubkey: authority, isSigner: false, isWritable: false },
    ],
    data: Buffer.from([0, 0, 0, 0]),
  });

const write = (buffer: PublicKey, authority: PublicKey, bytes: Buffer) => {
  const data = Buffer.alloc(4 + 4 + 8 + bytes.length);
  data.writeUInt32LE(1, 0); // Write
  data.writeUInt32LE(0, 4); // offset
  data.writeBigUInt64LE(BigInt(bytes.length), 8);
  bytes.copy(data, 16);
  return new TransactionInstruction({
    programId: LOADER,
    keys: [
      { pubkey: buffer, isSigner: false, isWritable: true },
      { pubkey: authority, isSigner: true, isWritable: false },
    ],
    data,
  });
};

const upgrade = (program: PublicKey, programData: PublicKey, buffer: PublicKey, authority: PublicKey) =>
  new TransactionInstruction({
    programId: LOADER,
    keys: [
      { pubkey: programData, isSigner: false, isWritable: true },
      { pubkey: program, isSigner: false, isWritable: true },
      { pubkey: buffer, isSigner: false, isWritable: true },
      { pubkey: authority, isSigner: false, isWritable: true }, // spill: where the buffer's rent goes
      { pubkey: SYSVAR_RENT_PUBKEY, isSigner: false, isWritable: false },
      { pubkey: SYSVAR_CLOCK_PUBKEY, isSigner: false, isWritable: false },
      { pubkey: authority, isSigner: true, isWritable: false },
    ],
    data: Buffer.from([3, 0, 0, 0]),
  });

async function main() {
  const [url, programId, keypairPath] = process.argv.slice(2);
  if (!keypairPath) throw new Error("usage: stranger-upgrade.ts <rpc url> <program id> <keypair.json>");
  const connection = new Connection(url, "confirmed");
  const stranger = Keypair.fromSecretKey(Uint8Array.from(JSON.parse(readFileSync(keypairPath, "utf8"))));
  const program = new PublicKey(programId);
  const [programData] = PublicKey.findProgramAddressSync([program.toBuffer()], LOADER);
  const before = await connection.getAccountInfo(programData);
  if (!before) throw new Error(`${programId} has no program data account: is it deployed?`);

  const buffer = Keypair.generate();
  const space = BUFFER_HEADER + PAYLOAD.length;
  await sendAndConfirmTransaction(
    connection,
    new Transaction().add(
      SystemProgram.createAccount({
        fromPubkey: stranger.publicKey,
        newAccountPubkey: buffer.publicKey,
        lamports: await connection.getMinimumBalanceForRentExemption(space),
        space,
        programId: LOADER,
      }),
      initializeBuffer(buffer.publicKey, stranger.publicKey),
      write(buffer.publicKey, stranger.publicKey, PAYLOAD),
    ),
    [stranger, buffer],
  );

  let refusal = "";
  try {
    await sendAndConfirmTransaction(
      connection,
      new Transaction().add(upgrade(program, programData, buffer.publicKey, stranger.publicKey)),
      [stranger],
    );
  } catch (error) {
    const logs = error instanceof SendTransactionError ? await error.getLogs(connection) : [];
    refusal = [String(error), ...(logs ?? [])].join("\n");
  }
  if (!refusal) throw new Error("the loader accepted an upgrade signed by a stranger");
  if (!/incorrect authority/i.test(refusal)) throw new Error(`refused, but not for its authority:\n${refusal}`);
  const after = await connection.getAccountInfo(programData);
  if (!after || !after.data.equals(before.data)) throw new Error("the program data changed");
  console.log("refused by the loader: Incorrect authority provided; program data unchanged");
}

main().catch((error) => {
  console.error(`stranger-upgrade: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
