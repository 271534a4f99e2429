/**
 * Payment channels through the client against the built programs in LiteSVM: an agent's key signs
 * cumulative vouchers (checked off chain by the operator first), the operator settles the newest
 * in one transaction with the Ed25519 verification the client builds, and only what it adds is
 * split; a replayed, forged or over-budget voucher changes nothing; the payer closes and gets the
 * rest back.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import type { Keypair, PublicKey } from "@solana/web3.js";
import {
  AttributionClient,
  EarningsRole,
  type Voucher,
  associatedTokenAddress,
  findEvents,
  signVoucher,
  verifyVoucher,
  voucherMessage,
  voucherRunningHash,
} from "@attribution-suite/client";
import { TestChain } from "./helpers/chain";
import { big, MIN_STAKE, openMarket, publishedModel, TIMING } from "./helpers/market";

const PRICE = 1_000_000n;

describe("payment channels: an agent's vouchers, settled by the operator", () => {
  let chain: TestChain;
  let client: AttributionClient;
  let treasury: Keypair;
  let mintAuthority: Keypair;
  let builder: Keypair;
  let operator: Keypair;
  let user: Keypair;
  let agent: Keypair;
  let model: PublicKey;
  let mint: PublicKey;

  before(async () => {
    chain = new TestChain();
    client = new AttributionClient({ reader: chain.reader, programAccounts: chain.programAccounts });
    [treasury, mintAuthority, builder, operator, user, agent] = Array.from({ length: 6 }, () => chain.wallet());
    mint = await openMarket(chain, client, { treasury, mintAuthority, operator, builder, user }, MIN_STAKE, TIMING);
    model = await publishedModel(chain, client, builder, PRICE);
  });

  test("open a budget for an agent; settle its vouchers (only the difference); attacks change nothing; close", async () => {
    const userToken = associatedTokenAddress(user.publicKey, mint);
    const before = chain.tokenBalance(userToken);
    const open = await client.channelOpen({
      payer: user.publicKey,
      model,
      operator: operator.publicKey,
      id: 1,
      deposit: 20n * PRICE,
      expiresAt: chain.now() + 86_400n,
      signer: agent.publicKey,
    });
    const [opened] = findEvents(chain.sendOk(open.instructions, user), "attribution_payout", "channelOpened");
    assert.ok(opened.channel.equals(open.channel) && opened.signer.equals(agent.publicKey));
    assert.equal(chain.tokenBalance(userToken), before - 20n * PRICE);
    const { nonce } = await client.fetchChannel(open.channel);

    // The agent signs after each call; the operator checks the signature before serving more.
    let running: Uint8Array = new Uint8Array(32);
    const signed = async (sequence: bigint, calls: bigint, by = agent) => {
      running = await voucherRunningHash(running, new Uint8Array(32).fill(Number(sequence)), new Uint8Array(32).fill(7));
      const voucher: Voucher = { sequence, calls, amount: calls * PRICE, runningHash: running };
      const signature = signVoucher(voucherMessage(open.channel, nonce, voucher), by.secretKey);
      return { voucher, signature };
    };
    const first = await signed(1n, 3n);
    assert.ok(verifyVoucher(voucherMessage(open.channel, nonce, first.voucher), agent.publicKey, first.signature));
    assert.ok(!verifyVoucher(voucherMessage(open.channel, nonce, { ...first.voucher, calls: 4n }), agent.publicKey, first.signature));
    const settle = async (v: { voucher: Voucher; signature: Uint8Array }) =>
      (await client.channelSettle({ channel: open.channel, ...v, authority: operator.publicKey })).instructions;
    const paid = findEvents(chain.sendOk(await settle(first), operator), "attribution_payout", "inferencePaid");
    assert.deepEqual([big(paid[0].calls), big(paid[0].fee)], [3n, 3n * PRICE]);
    const second = await signed(2n, 10n);
    const logs = chain.sendOk(await settle(second), operator);
    const [settled] = findEvents(logs, "attribution_payout", "channelSettled");
    assert.deepEqual([big(settled.fee), big(settled.remaining)], [7n * PRICE, 10n * PRICE]);
    const earned = big((await client.fetchEarnings(operator.publicKey, EarningsRole.Operator)).balance);

    // Attacks: the older voucher again, one the payer signs (not the channel's signer: the Ed25519
    // program refuses it, InvalidSignature), one above the budget, and one settled by another
    // wallet: named errors, nothing moves.
    assert.equal(chain.sendErr(await settle(first), operator).name, "VoucherStale");
    const forged = chain.send(await settle(await signed(3n, 12n, user)), operator);
    assert.ok(!forged.ok && /InstructionError\(0, Custom\(2\)\)/.test(forged.raw), "the Ed25519 program's InvalidSignature");
    assert.equal(chain.sendErr(await settle(await signed(4n, 21n)), operator).name, "VoucherAboveDeposit");
    const stranger = chain.wallet();
    chain.sendOk((await client.earningsInit({ payer: stranger.publicKey, beneficiary: stranger.publicKey, role: EarningsRole.Operator })).instructions, stranger);
    const byStranger = (await client.channelSettle({ channel: open.channel, ...(await signed(5n, 12n)), authority: stranger.publicKey })).instructions;
    assert.equal(chain.sendErr(byStranger, stranger).name, "NotOperatorAuthority");
    assert.equal(big((await client.fetchEarnings(operator.publicKey, EarningsRole.Operator)).balance), earned);
    assert.equal(big((await client.fetchChannel(open.channel)).settledAmount), 10n * PRICE);

    // The payer revokes; after the operator's day, the rest (10 calls' worth) comes back.
    chain.sendOk((await client.channelCloseRequest({ payer: user.publicKey, channel: open.channel })).instructions, user);
    const close = await client.channelClose({ channel: open.channel });
    assert.equal(chain.sendErr(close.instructions, user).name, "ChannelStillSettling");
    chain.setTime(chain.now() + 86_401n);
    const [closed] = findEvents(chain.sendOk(close.instructions, user), "attribution_payout", "channelClosed");
    assert.equal(big(closed.refunded), 10n * PRICE);
    assert.equal(chain.tokenBalance(userToken), before - 10n * PRICE);
    assert.ok(!chain.exists(open.channel));
  });
});
