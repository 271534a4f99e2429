/**
 * Handovers and closes as the pages decide them (src/lib/handover.ts, src/lib/data.ts): the
 * successor typed into a Hand over form, the rent a close returned (from the program's
 * EmptyAccountClosed event in the transaction's logs), and which stake an operator is paid with
 * once it and its stake were handed over (they keep their first key's PDAs).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  ATTRIBUTION_PAYOUT_PROGRAM_ID,
  BN,
  EarningsRole,
  RAW_IDLS,
  type StakeAccount,
  earningsCloseBlocker,
  stakeCloseBlocker,
  stakePda,
} from "@attribution-suite/client";
import { Keypair, type PublicKey } from "@solana/web3.js";
import { type Row, operatorStake } from "../../src/lib/data";
import { CLOSE_BLOCKER_TEXT, formatSol, parseSuccessor, rentReturned } from "../../src/lib/handover";

const key = () => Keypair.generate().publicKey;

test("the successor typed into Hand over: nothing yet, not an address, oneself, the wallet already proposed, or a wallet to propose", () => {
  const holder = key();
  const pending = key();
  const other = key();
  assert.deepEqual(parseSuccessor("  ", holder, null), { successor: null, problem: null });
  assert.deepEqual(parseSuccessor("not-a-wallet", holder, null), { successor: null, problem: "Not a wallet address (base58)." });
  assert.equal(parseSuccessor(holder.toBase58(), holder, null).problem, "That is your own wallet.");
  assert.equal(parseSuccessor(` ${pending.toBase58()} `, holder, pending).problem, "It is already proposed to that wallet.");
  const ok = parseSuccessor(other.toBase58(), holder, pending);
  assert.ok(ok.successor?.equals(other));
  assert.equal(ok.problem, null);
});

/** `Program data:` of an EmptyAccountClosed event, borsh-encoded after its IDL discriminator. */
function closedEventLog(account: PublicKey, holder: PublicKey, rent: bigint): string {
  const events = (RAW_IDLS.attribution_payout as unknown as { events: { name: string; discriminator: number[] }[] }).events;
  const discriminator = events.find((e) => e.name === "EmptyAccountClosed")!.discriminator;
  const data = Buffer.alloc(8 + 32 + 32 + 8);
  Buffer.from(discriminator).copy(data, 0);
  account.toBuffer().copy(data, 8);
  holder.toBuffer().copy(data, 40);
  data.writeBigUInt64LE(rent, 72);
  return `Program data: ${data.toString("base64")}`;
}

test("the rent a close returned: the EmptyAccountClosed events of its transactions, summed; none, 0", () => {
  const id = ATTRIBUTION_PAYOUT_PROGRAM_ID.toBase58();
  const logs = (rent: bigint) => [`Program ${id} invoke [1]`, "Program log: Instruction: EarningsClose", closedEventLog(key(), key(), rent), `Program ${id} success`];
  assert.equal(rentReturned([{ logs: logs(1_447_680n) }]), 1_447_680n);
  assert.equal(rentReturned([{ logs: logs(1_447_680n) }, { logs: logs(2_000_000n) }]), 3_447_680n);
  assert.equal(rentReturned([{ logs: [`Program ${id} invoke [1]`, `Program ${id} success`] }]), 0n);
  // Another program's data line is not read as the suite's event.
  assert.equal(rentReturned([{ logs: [`Program ${key().toBase58()} invoke [1]`, closedEventLog(key(), key(), 5n), "Program x success"] }]), 0n);
  assert.equal(formatSol(1_447_680n), "0.00144768 SOL");
});

test("Close is offered where the program would close: an empty account, not the config treasury's Treasury account", () => {
  const treasury = key();
  const wallet = key();
  const earnings = (beneficiary: PublicKey, role: object, balance: number) => ({ beneficiary, role, balance: new BN(balance) });
  assert.equal(earningsCloseBlocker(earnings(wallet, { modelOwner: {} }, 0), { treasury }), null);
  assert.equal(earningsCloseBlocker(earnings(wallet, { modelOwner: {} }, 1), { treasury }), "AccountNotEmpty");
  assert.equal(earningsCloseBlocker(earnings(treasury, { treasury: {} }, 0), { treasury }), "TreasuryEarningsStay");
  // The treasury's wallet in another role, and a Treasury-role account of another wallet, close.
  assert.equal(earningsCloseBlocker(earnings(treasury, { operator: {} }, 0), { treasury }), null);
  assert.equal(earningsCloseBlocker({ beneficiary: wallet, role: EarningsRole.Treasury, balance: 0n }, { treasury }), null);
  assert.equal(stakeCloseBlocker({ active: new BN(0), unstaking: new BN(0) }), null);
  assert.equal(stakeCloseBlocker({ active: new BN(0), unstaking: new BN(1) }), "AccountNotEmpty");
  assert.match(CLOSE_BLOCKER_TEXT.TreasuryEarningsStay, /every payment credits it/);
});

test("an operator's stake: the one with its authority, its own PDA first, else (handed over) the one at its first key's PDA with the most active", () => {
  const authority = key();
  const first = key();
  const stake = (address: PublicKey, holder: PublicKey, active: number): Row<StakeAccount> => ({
    address,
    account: { authority: holder, active: new BN(active), unstaking: new BN(0) } as unknown as StakeAccount,
  });
  const own = stake(stakePda(authority), authority, 1);
  const handed = stake(stakePda(first), authority, 5);
  const handedAway = stake(stakePda(key()), key(), 9);
  assert.equal(operatorStake(authority, [handedAway, handed, own]), own);
  assert.equal(operatorStake(authority, [handedAway, handed]), handed);
  assert.equal(operatorStake(authority, [handedAway, stake(stakePda(key()), authority, 2), handed]), handed);
  assert.equal(operatorStake(authority, [handedAway]), null, "a stake whose authority is another wallet's does not pay it");
});
