/**
 * Empty accounts close, rent back to their holder, through the client against the built programs
 * in LiteSVM: an earnings account (`earningsClose`) and a stake (`stakeClose`, also one handed to
 * a new authority and still at its first key's PDA). Each attack is mounted with its honest twin,
 * and `earningsCloseBlocker`/`stakeCloseBlocker` are checked to foresee the program's answer: a
 * balance or a stake left (AccountNotEmpty), the config treasury's Treasury account
 * (TreasuryEarningsStay), someone else's account (NotBeneficiary, NotStakeAuthority). The holder's
 * lamports grow by exactly the account's rent (another wallet pays the fee), as the
 * EmptyAccountClosed event says; a closed account is gone, and can be created again.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import type { Keypair, PublicKey } from "@solana/web3.js";
import {
  AttributionClient,
  EarningsRole,
  earningsCloseBlocker,
  earningsPda,
  findEvents,
  stakeCloseBlocker,
  stakePda,
} from "@attribution-suite/client";
import { TestChain } from "./helpers/chain";
import { big, COOLDOWN_SECS, govern, MIN_STAKE, openMarket, publishedModel, TIMING } from "./helpers/market";

const PRICE = 1_000_000n;

describe("closing an empty earnings account or stake, rent back to its holder", () => {
  let chain: TestChain;
  let client: AttributionClient;
  let treasury: Keypair;
  let mintAuthority: Keypair;
  let builder: Keypair;
  let operator: Keypair;
  let user: Keypair;
  let stranger: Keypair;
  let model: PublicKey;

  /** Pays 10 calls of the model through the operator registered by `operator`. */
  async function pay() {
    const built = await client.inferencePay({ payer: user.publicKey, model, operator: operator.publicKey, calls: 10, maxFee: PRICE * 10n });
    chain.sendOk(built.instructions, user, [operator]);
  }

  /**
   * Sends `instructions` with `user` paying the fee and `holder` signing; asserts the account
   * closed, its rent went to `holder` (exactly: the holder paid no fee) and the event says so.
   */
  function closeOk(instructions: Parameters<TestChain["sendOk"]>[0], account: PublicKey, holder: Keypair) {
    const rent = chain.lamports(account);
    assert.ok(rent > 0n);
    const lamports = chain.lamports(holder.publicKey);
    const [closed] = findEvents(chain.sendOk(instructions, user, [holder]), "attribution_payout", "emptyAccountClosed");
    assert.ok(closed.account.equals(account) && closed.holder.equals(holder.publicKey));
    assert.equal(big(closed.rentReturned), rent);
    assert.ok(!chain.exists(account), "the account is closed");
    assert.equal(chain.lamports(holder.publicKey), lamports + rent, "its rent went to its holder");
  }

  before(async () => {
    chain = new TestChain();
    client = new AttributionClient({ reader: chain.reader, programAccounts: chain.programAccounts });
    [treasury, mintAuthority, builder, operator, user, stranger] = Array.from({ length: 6 }, () => chain.wallet());
    await openMarket(chain, client, { treasury, mintAuthority, operator, builder, user }, MIN_STAKE, TIMING);

    // The builder's model, citing version 1 of an open datanet: 50 % to the datanet, 40 % owner, 10 % operator.
    model = await publishedModel(chain, client, builder, PRICE);
    await pay();
  });

  test("an earnings account: not while it holds a balance, not by another wallet; empty, its beneficiary closes it and gets its rent; it can be created again", async () => {
    const role = EarningsRole.ModelOwner;
    const earnings = earningsPda(builder.publicKey, role);
    const config = await client.fetchConfig();
    let account = await client.fetchEarnings(builder.publicKey, role);
    assert.ok(big(account.balance) > 0n);

    // Attack: close it with a balance in it.
    assert.equal(earningsCloseBlocker(account, config), "AccountNotEmpty");
    const close = await client.earningsClose({ beneficiary: builder.publicKey, role });
    assert.ok(close.earnings.equals(earnings));
    const notEmpty = chain.sendErr(close.instructions, builder);
    assert.equal(notEmpty.name, "AccountNotEmpty");
    assert.equal(notEmpty.program, "attribution_payout");
    assert.match(notEmpty.message, /claim the earnings/);
    assert.equal(big((await client.fetchEarnings(builder.publicKey, role)).balance), big(account.balance));

    // Claimed: empty now.
    chain.sendOk((await client.earningsClaim({ beneficiary: builder.publicKey, role })).instructions, builder);
    account = await client.fetchEarnings(builder.publicKey, role);
    assert.equal(big(account.balance), 0n);
    assert.equal(earningsCloseBlocker(account, config), null);

    // Attack: a stranger closes it (to itself).
    const byStranger = await client.earningsClose({ beneficiary: stranger.publicKey, role });
    byStranger.instructions[0].keys[1].pubkey = earnings;
    assert.equal(chain.sendErr(byStranger.instructions, stranger).name, "NotBeneficiary");
    assert.ok(chain.exists(earnings));

    // Honest twin: its beneficiary closes it.
    closeOk(close.instructions, earnings, builder);
    // Attack: twice.
    assert.equal(chain.sendErr(close.instructions, builder).name, "AccountNotInitialized");

    // While it is gone the model cannot be paid (its owner share has nowhere to go); anyone
    // creates it again, and the next payment credits it.
    const unpayable = await client.inferencePay({ payer: user.publicKey, model, operator: operator.publicKey, calls: 10, maxFee: PRICE * 10n });
    assert.equal(chain.sendErr(unpayable.instructions, user, [operator]).name, "AccountNotInitialized");
    chain.sendOk((await client.earningsInit({ payer: user.publicKey, beneficiary: builder.publicKey, role })).instructions, user);
    await pay();
    assert.equal(big((await client.fetchEarnings(builder.publicKey, role)).balance), (10n * PRICE * 9_750n) / 10_000n * 4_000n / 10_000n);
  });

  test("the treasury's earnings account stays open while it is the config's treasury's, even empty; another Treasury-role account, or the old treasury's once replaced, closes", async () => {
    const role = EarningsRole.Treasury;
    const earnings = earningsPda(treasury.publicKey, role);
    let config = await client.fetchConfig();
    assert.ok(config.treasury.equals(treasury.publicKey));
    chain.sendOk((await client.earningsClaim({ beneficiary: treasury.publicKey, role })).instructions, treasury);
    const account = await client.fetchEarnings(treasury.publicKey, role);
    assert.equal(big(account.balance), 0n);

    // Attack: the treasury closes its empty account.
    assert.equal(earningsCloseBlocker(account, config), "TreasuryEarningsStay");
    const close = await client.earningsClose({ beneficiary: treasury.publicKey, role });
    const stays = chain.sendErr(close.instructions, treasury);
    assert.equal(stays.name, "TreasuryEarningsStay");
    assert.match(stays.message, /every payment credits it/);
    assert.ok(chain.exists(earnings));

    // Honest twin: the Treasury-role account of a wallet that is not the config's treasury.
    const other = chain.wallet();
    chain.sendOk((await client.earningsInit({ payer: stranger.publicKey, beneficiary: other.publicKey, role })).instructions, stranger);
    assert.equal(earningsCloseBlocker(await client.fetchEarnings(other.publicKey, role), config), null);
    closeOk((await client.earningsClose({ beneficiary: other.publicKey, role })).instructions, earningsPda(other.publicKey, role), other);

    // The config names a new treasury (its account first): the old one's account can close now.
    const successor = chain.wallet();
    const deployer = chain.upgradeAuthority;
    chain.sendOk((await client.earningsInit({ payer: deployer.publicKey, beneficiary: successor.publicKey, role })).instructions, deployer);
    await govern(chain, client, deployer, { update: { treasury: successor.publicKey } });
    config = await client.fetchConfig();
    assert.equal(earningsCloseBlocker(await client.fetchEarnings(treasury.publicKey, role), config), null);
    closeOk(close.instructions, earnings, treasury);
    // The new treasury's account stays.
    const successorClose = await client.earningsClose({ beneficiary: successor.publicKey, role });
    assert.equal(chain.sendErr(successorClose.instructions, successor).name, "TreasuryEarningsStay");
    await pay();
    assert.ok(big((await client.fetchEarnings(successor.publicKey, role)).balance) > 0n);
  });

  test("a stake: not while staked or unstaking, not by another wallet (the previous authority included); handed over and withdrawn, its new authority closes it at the first key's PDA", async () => {
    const stake = stakePda(operator.publicKey);
    let account = await client.fetchStake(operator.publicKey);
    assert.equal(big(account.active), MIN_STAKE);

    // Attack: close it staked.
    assert.equal(stakeCloseBlocker(account), "AccountNotEmpty");
    const staked = await client.stakeClose({ authority: operator.publicKey });
    assert.ok(staked.stake.equals(stake));
    assert.equal(chain.sendErr(staked.instructions, operator).name, "AccountNotEmpty");

    // The operator goes to a new wallet with its stake, which unstakes it all.
    const heir = chain.wallet();
    chain.sendOk((await client.operatorHandoverPropose({ authority: operator.publicKey, newAuthority: heir.publicKey })).instructions, operator);
    chain.sendOk((await client.operatorHandoverAccept({ operator: operator.publicKey, newAuthority: heir.publicKey })).instructions, heir);
    chain.sendOk((await client.stakeUnstakeRequest({ authority: heir.publicKey, amount: MIN_STAKE, stake })).instructions, heir);
    account = await client.fetchStake(operator.publicKey);
    assert.equal(big(account.active), 0n);
    assert.equal(big(account.unstaking), MIN_STAKE);

    // Attack: close it while unstaking (the cooldown is not over: nothing withdrawn yet).
    assert.equal(stakeCloseBlocker(account), "AccountNotEmpty");
    const unstaking = await client.stakeClose({ authority: heir.publicKey });
    assert.ok(unstaking.stake.equals(stake), "found through stakesOf: the heir's stake at the first key's PDA");
    assert.equal(chain.sendErr(unstaking.instructions, heir).name, "AccountNotEmpty");

    chain.advanceTime(COOLDOWN_SECS + 1);
    const withdraw = await client.stakeWithdraw({ authority: heir.publicKey, stake });
    chain.sendOk(withdraw.instructions, heir);
    assert.equal(chain.tokenBalance(withdraw.destination), MIN_STAKE);
    account = await client.fetchStake(operator.publicKey);
    assert.equal(stakeCloseBlocker(account), null);

    // Attack: the previous authority (whose key the PDA holds), or a stranger, closes it.
    await assert.rejects(client.stakeClose({ authority: operator.publicKey }), /has no stake: name the one to close/);
    for (const wallet of [operator, stranger]) {
      const byOther = await client.stakeClose({ authority: wallet.publicKey, stake });
      assert.equal(chain.sendErr(byOther.instructions, wallet).name, "NotStakeAuthority");
    }
    assert.ok(chain.exists(stake));

    // Honest twin: its authority closes it; the operator is no longer payable.
    const close = await client.stakeClose({ authority: heir.publicKey });
    assert.ok(close.stake.equals(stake));
    closeOk(close.instructions, stake, heir);
    assert.deepEqual(await client.stakesOf(heir.publicKey), []);
    assert.equal((await client.findOperator(operator.publicKey)).stake, null);
    await assert.rejects(
      client.inferencePay({ payer: user.publicKey, model, operator: operator.publicKey, calls: 1, maxFee: PRICE }),
      /is not payable: no stake has its authority/,
    );
  });
});
