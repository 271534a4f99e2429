/**
 * Handing a role to a new wallet, through the client against the built programs in LiteSVM: a
 * model's owner (`modelOwnerPropose`/`Accept`, which creates the new owner's earnings), an
 * operator with its stake (`operatorHandoverPropose`/`Accept`, one transaction; the stake's and
 * the operator's halves alone too), and an earnings account (`earningsTransferPropose`/`Accept`,
 * which creates the successor's account when missing). Each attack is mounted with its honest
 * twin, and the balances are checked after both: a stranger's proposal (NotOwner,
 * NotOperatorAuthority, NotStakeAuthority, NotBeneficiary) or acceptance (NoPendingHandover), a
 * cancelled proposal, a payment that still credits the previous owner (WrongEarnings), an
 * operator handed over without its stake (not payable: the client refuses, the program says
 * WrongStake), an earnings handover to oneself (HandoverToSelf) or accepted twice
 * (AccountNotInitialized: the old account is closed, its rent back to the previous wallet).
 * `inferencePay` finds a handed-over operator by the key it registered under, its account or its
 * new authority, and pays the new wallets.
 */
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import type { Keypair, PublicKey } from "@solana/web3.js";
import {
  AttributionClient,
  EarningsRole,
  OPEN,
  associatedTokenAddress,
  earningsPda,
  findEvents,
  operatorPda,
  stakePda,
  vaultPda,
} from "@attribution-suite/client";
import { TestChain } from "./helpers/chain";
import { big, MIN_STAKE, openMarket, publishedModel, TIMING } from "./helpers/market";

const PRICE = 1_000_000n;
/** `inference_pay`'s account indices (its IDL order). */
const OPERATOR_STAKE = 8;
const OWNER_EARNINGS = 10;

describe("handing a model, an operator with its stake, or an earnings account to a new wallet", () => {
  let chain: TestChain;
  let client: AttributionClient;
  let treasury: Keypair;
  let mintAuthority: Keypair;
  let builder: Keypair;
  let operator: Keypair;
  let user: Keypair;
  let stranger: Keypair;
  let mint: PublicKey;
  let model: PublicKey;
  let modelHeir: Keypair; // the model's owner since the first test
  let operatorHeir: Keypair; // the operator's authority since the second test

  /** The balance of `who`'s earnings in `role` (0 when the account does not exist). */
  async function earned(who: PublicKey, role: EarningsRole): Promise<bigint> {
    return chain.exists(earningsPda(who, role)) ? big((await client.fetchEarnings(who, role)).balance) : 0n;
  }

  /** Everything a refused transaction must leave alone. */
  async function snapshot(wallets: PublicKey[]) {
    const rows = [chain.tokenBalance(vaultPda()), chain.tokenBalance(associatedTokenAddress(user.publicKey, mint))];
    for (const w of wallets) for (const role of [EarningsRole.ModelOwner, EarningsRole.Operator]) rows.push(await earned(w, role));
    return rows;
  }

  /**
   * Pays `calls` of the model through `operatorKey` (any key `findOperator` takes), co-signed by
   * the operator's current authority `signer`; returns the event.
   */
  async function pay(operatorKey: PublicKey, signer = operator, calls = 10n) {
    const built = await client.inferencePay({ payer: user.publicKey, model, operator: operatorKey, calls, maxFee: PRICE * calls });
    const [paid] = findEvents(chain.sendOk(built.instructions, user, [signer]), "attribution_payout", "inferencePaid");
    return { owner: paid.owner, ownerAmount: big(paid.ownerAmount), operator: paid.operator, operatorAmount: big(paid.operatorAmount) };
  }

  before(async () => {
    chain = new TestChain();
    client = new AttributionClient({ reader: chain.reader, programAccounts: chain.programAccounts });
    [treasury, mintAuthority, builder, operator, user, stranger] = Array.from({ length: 6 }, () => chain.wallet());
    mint = await openMarket(chain, client, { treasury, mintAuthority, operator, builder, user }, MIN_STAKE, TIMING);

    // The builder's model, citing version 1 of an open datanet: 50 % to the datanet, 40 % owner, 10 % operator.
    model = await publishedModel(chain, client, builder, PRICE);
  });

  test("a model: only its owner proposes, only the proposed wallet accepts; later fees credit the new owner, and a payment crediting the old one is refused", async () => {
    const first = await pay(operator.publicKey);
    assert.ok(first.owner.equals(builder.publicKey));
    const earnedBefore = await earned(builder.publicKey, EarningsRole.ModelOwner);
    assert.equal(earnedBefore, first.ownerAmount);
    const heir = (modelHeir = chain.wallet());

    // Attack: the heir proposes itself (NotOwner), or accepts with nothing proposed (NoPendingHandover).
    const selfProposed = await client.modelOwnerPropose({ model, owner: heir.publicKey, newOwner: heir.publicKey });
    assert.equal(chain.sendErr(selfProposed.instructions, heir).name, "NotOwner");
    const unproposed = await client.modelOwnerAccept({ model, newOwner: heir.publicKey });
    const noPending = chain.sendErr(unproposed.instructions, heir);
    assert.equal(noPending.name, "NoPendingHandover");
    assert.equal(noPending.program, "model_registry");
    assert.equal(noPending.message, "No handover of this account is pending for this signer");

    // A proposal, cancelled: it cannot be accepted.
    chain.sendOk((await client.modelOwnerPropose({ model, owner: builder.publicKey, newOwner: heir.publicKey })).instructions, builder);
    chain.sendOk((await client.modelOwnerPropose({ model, owner: builder.publicKey, newOwner: null })).instructions, builder);
    assert.equal((await client.fetchModel(model)).pendingOwner, null);
    assert.equal(chain.sendErr((await client.modelOwnerAccept({ model, newOwner: heir.publicKey })).instructions, heir).name, "NoPendingHandover");

    // Honest twin: the owner proposes; a stranger still cannot accept; the heir does.
    const propose = await client.modelOwnerPropose({ model, owner: builder.publicKey, newOwner: heir.publicKey });
    const [proposed] = findEvents(chain.sendOk(propose.instructions, builder), "model_registry", "handoverProposed");
    assert.ok(proposed.account.equals(model) && proposed.current.equals(builder.publicKey) && proposed.proposed!.equals(heir.publicKey));
    assert.ok((await client.fetchModel(model)).pendingOwner!.equals(heir.publicKey));
    const byStranger = await client.modelOwnerAccept({ model, newOwner: stranger.publicKey });
    assert.equal(chain.sendErr(byStranger.instructions, stranger).name, "NoPendingHandover");
    assert.ok(!chain.exists(earningsPda(stranger.publicKey, EarningsRole.ModelOwner)), "the refused transaction created nothing");

    const accept = await client.modelOwnerAccept({ model, newOwner: heir.publicKey });
    assert.equal(accept.earningsCreated, true, "the heir's ModelOwner earnings are created with the acceptance");
    assert.ok(accept.earnings.equals(earningsPda(heir.publicKey, EarningsRole.ModelOwner)));
    const [accepted] = findEvents(chain.sendOk(accept.instructions, heir), "model_registry", "handoverAccepted");
    assert.ok(accepted.account.equals(model) && accepted.previous.equals(builder.publicKey) && accepted.current.equals(heir.publicKey));
    const after = await client.fetchModel(model);
    assert.ok(after.owner.equals(heir.publicKey));
    assert.equal(after.pendingOwner, null);
    // A second acceptance: nothing pending any more.
    assert.equal(chain.sendErr((await client.modelOwnerAccept({ model, newOwner: heir.publicKey, createEarnings: false })).instructions, heir).name, "NoPendingHandover");

    // Attack: a payment that still credits the previous owner's earnings.
    const stale = await client.inferencePay({ payer: user.publicKey, model, operator: operator.publicKey, calls: 10, maxFee: PRICE * 10n });
    assert.ok(stale.instructions[0].keys[OWNER_EARNINGS].pubkey.equals(earningsPda(heir.publicKey, EarningsRole.ModelOwner)));
    stale.instructions[0].keys[OWNER_EARNINGS].pubkey = earningsPda(builder.publicKey, EarningsRole.ModelOwner);
    const before = await snapshot([builder.publicKey, heir.publicKey, operator.publicKey]);
    assert.equal(chain.sendErr(stale.instructions, user, [operator]).name, "WrongEarnings");
    assert.deepEqual(await snapshot([builder.publicKey, heir.publicKey, operator.publicKey]), before);

    // Honest twin: the owner share goes to the heir; what the builder earned before stays its own.
    const second = await pay(operator.publicKey);
    assert.ok(second.owner.equals(heir.publicKey));
    assert.equal(second.ownerAmount, first.ownerAmount);
    assert.equal(await earned(heir.publicKey, EarningsRole.ModelOwner), second.ownerAmount);
    assert.equal(await earned(builder.publicKey, EarningsRole.ModelOwner), earnedBefore);

    // The previous owner can no longer act on the model; the new one can.
    const oldPrice = await client.modelPriceSet({ model, owner: builder.publicKey, pricePerCall: 1 });
    assert.equal(chain.sendErr(oldPrice.instructions, builder).name, "NotOwner");
    const oldPropose = await client.modelOwnerPropose({ model, owner: builder.publicKey, newOwner: builder.publicKey });
    assert.equal(chain.sendErr(oldPropose.instructions, builder).name, "NotOwner");
    chain.sendOk((await client.modelPriceSet({ model, owner: heir.publicKey, pricePerCall: PRICE })).instructions, heir);
  });

  test("an operator handed over without its stake is not payable; with its stake, it is paid under the new wallet", async () => {
    const first = operator.publicKey;
    const operatorAccount = operatorPda(first);
    const stake = stakePda(first);
    const heir = (operatorHeir = chain.wallet());

    // Attack: a stranger names itself the operator's authority, or accepts unproposed.
    const grab = await client.operatorAuthorityPropose({ authority: stranger.publicKey, newAuthority: stranger.publicKey, operator: operatorAccount });
    assert.equal(chain.sendErr(grab.instructions, stranger).name, "NotOperatorAuthority");
    const unproposed = await client.operatorAuthorityAccept({ operator: operatorAccount, newAuthority: stranger.publicKey });
    assert.equal(chain.sendErr(unproposed.instructions, stranger).name, "NoPendingHandover");

    // The operator alone changes hands (its stake does not), and the heir gets Operator earnings.
    const propose = await client.operatorAuthorityPropose({ authority: first, newAuthority: heir.publicKey });
    assert.ok(propose.operator.equals(operatorAccount));
    chain.sendOk(propose.instructions, operator);
    assert.ok((await client.findOperator(first)).account.pendingAuthority!.equals(heir.publicKey));
    const earningsInit = await client.earningsInit({ payer: heir.publicKey, beneficiary: heir.publicKey, role: EarningsRole.Operator });
    chain.sendOk([...(await client.operatorAuthorityAccept({ operator: operatorAccount, newAuthority: heir.publicKey })).instructions, ...earningsInit.instructions], heir);
    const found = await client.findOperator(first);
    assert.ok(found.operator.equals(operatorAccount) && found.authority.equals(heir.publicKey) && found.registeredUnder!.equals(first));
    assert.equal(found.stake, null, "no stake has the heir's authority");

    // Attack: pay it anyway. The client refuses before sending; forced to the stake at the first
    // key's PDA (still the first wallet's), the program refuses: WrongStake. Nothing moves.
    const before = await snapshot([first, heir.publicKey]);
    await assert.rejects(
      client.inferencePay({ payer: user.publicKey, model, operator: first, calls: 10, maxFee: PRICE * 10n }),
      /is not payable: no stake has its authority/,
    );
    const forced = await client.inferencePay({ payer: user.publicKey, model, operator: first, calls: 10, maxFee: PRICE * 10n, operatorStake: stake });
    assert.ok(forced.instructions[0].keys[OPERATOR_STAKE].pubkey.equals(stake));
    const wrongStake = chain.sendErr(forced.instructions, user, [heir]);
    assert.equal(wrongStake.name, "WrongStake");
    assert.equal(wrongStake.program, "attribution_payout");
    assert.deepEqual(await snapshot([first, heir.publicKey]), before);

    // Attack: a stranger takes the stake.
    const takeStake = await client.stakeAuthorityPropose({ authority: stranger.publicKey, newAuthority: stranger.publicKey, stake });
    assert.equal(chain.sendErr(takeStake.instructions, stranger).name, "NotStakeAuthority");
    const acceptStake = await client.stakeAuthorityAccept({ stake, newAuthority: stranger.publicKey });
    const stakeNoPending = chain.sendErr(acceptStake.instructions, stranger);
    assert.equal(stakeNoPending.name, "NoPendingHandover");
    assert.equal(stakeNoPending.program, "attribution_payout");

    // Honest twin: the stake follows (the first wallet proposes it, the heir accepts).
    const stakePropose = await client.stakeAuthorityPropose({ authority: first, newAuthority: heir.publicKey });
    const [stakeProposed] = findEvents(chain.sendOk(stakePropose.instructions, operator), "attribution_payout", "handoverProposed");
    assert.ok(stakeProposed.account.equals(stake) && stakeProposed.proposed!.equals(heir.publicKey));
    const [stakeAccepted] = findEvents(
      chain.sendOk((await client.stakeAuthorityAccept({ stake, newAuthority: heir.publicKey })).instructions, heir),
      "attribution_payout",
      "handoverAccepted",
    );
    assert.ok(stakeAccepted.previous.equals(first) && stakeAccepted.current.equals(heir.publicKey));
    const staked = await client.findOperator(first);
    assert.ok(staked.stake!.equals(stake) && staked.stakeAccount!.authority.equals(heir.publicKey));
    assert.equal(staked.stakeAccount!.pendingAuthority, null);

    // Paid: the operator share goes to the heir, whichever key names the operator (the key it
    // registered under, its account, or its new authority); the first wallet's earnings stay.
    const firstEarned = await earned(first, EarningsRole.Operator);
    let heirEarned = 0n;
    for (const key of [first, operatorAccount, heir.publicKey]) {
      const paid = await pay(key, heir);
      assert.ok(paid.operator.equals(heir.publicKey));
      heirEarned += paid.operatorAmount;
      // 10 % of the fee after the 2.5 % protocol fee.
      assert.equal(paid.operatorAmount, (10n * PRICE * 9_750n) / 10_000n / 10n);
    }
    assert.equal(await earned(heir.publicKey, EarningsRole.Operator), heirEarned);
    assert.equal(await earned(first, EarningsRole.Operator), firstEarned);

    // The first wallet can no longer update the operator nor touch the stake; the heir can.
    const oldUpdate = await client.operatorUpdate({ authority: first, endpoint: "https://stolen.example" });
    assert.equal(chain.sendErr(oldUpdate.instructions, operator).name, "NotOperatorAuthority");
    const oldUnstake = await client.stakeUnstakeRequest({ authority: first, amount: OPEN });
    assert.equal(chain.sendErr(oldUnstake.instructions, operator).name, "NotStakeAuthority");
    chain.sendOk((await client.operatorUpdate({ authority: heir.publicKey, operator: operatorAccount, endpoint: "https://heir.example" })).instructions, heir);
    assert.equal((await client.findOperator(heir.publicKey)).account.endpoint, "https://heir.example");
    chain.fund(mintAuthority, mint, heir.publicKey, OPEN);
    chain.sendOk((await client.stakeDeposit({ authority: heir.publicKey, amount: OPEN, stake })).instructions, heir);
    assert.equal(big((await client.fetchStake(first)).active), MIN_STAKE + OPEN);
  });

  test("an operator handed over again with operatorHandoverPropose/Accept: operator, stake and earnings in one transaction", async () => {
    const operatorAccount = operatorPda(operator.publicKey);
    const stake = stakePda(operator.publicKey);
    const signer = operatorHeir;
    const current = signer.publicKey;
    assert.ok((await client.findOperator(operatorAccount)).authority.equals(current));
    assert.deepEqual((await client.operatorsOf(current)).map((o) => o.address.toBase58()), [operatorAccount.toBase58()]);
    const heir = chain.wallet();

    const propose = await client.operatorHandoverPropose({ authority: current, newAuthority: heir.publicKey, operator: operatorAccount });
    assert.ok(propose.operator.equals(operatorAccount) && propose.stake!.equals(stake));
    assert.equal(propose.instructions.length, 2);
    chain.sendOk(propose.instructions, signer);

    // Attack: a stranger accepts: both halves are refused together, nothing changes.
    const byStranger = await client.operatorHandoverAccept({ operator: operatorAccount, newAuthority: stranger.publicKey });
    assert.equal(byStranger.earningsCreated, true);
    const refused = chain.sendErr(byStranger.instructions, stranger);
    assert.equal(refused.name, "NoPendingHandover");
    assert.ok((await client.findOperator(operatorAccount)).authority.equals(current));
    assert.ok(!chain.exists(earningsPda(stranger.publicKey, EarningsRole.Operator)));

    // Honest twin: one transaction makes the heir the operator's and the stake's authority and
    // creates its Operator earnings; the next fee's operator share is the heir's.
    const accept = await client.operatorHandoverAccept({ operator: operator.publicKey, newAuthority: heir.publicKey });
    assert.ok(accept.stake!.equals(stake) && accept.earningsCreated);
    assert.equal(accept.instructions.length, 3);
    const logs = chain.sendOk(accept.instructions, heir);
    assert.equal(findEvents(logs, "model_registry", "handoverAccepted").length, 1);
    assert.equal(findEvents(logs, "attribution_payout", "handoverAccepted").length, 1);
    const found = await client.findOperator(heir.publicKey);
    assert.ok(found.operator.equals(operatorAccount) && found.authority.equals(heir.publicKey) && found.stake!.equals(stake));
    const previousEarned = await earned(current, EarningsRole.Operator);
    const paid = await pay(operator.publicKey, heir);
    assert.ok(paid.operator.equals(heir.publicKey));
    assert.equal(await earned(heir.publicKey, EarningsRole.Operator), paid.operatorAmount);
    assert.equal(await earned(current, EarningsRole.Operator), previousEarned);
    // Cancelling: a proposal withdrawn with null cannot be accepted.
    chain.sendOk((await client.operatorHandoverPropose({ authority: heir.publicKey, newAuthority: stranger.publicKey, operator: operatorAccount })).instructions, heir);
    chain.sendOk((await client.operatorHandoverPropose({ authority: heir.publicKey, newAuthority: null, operator: operatorAccount })).instructions, heir);
    const cancelled = await client.operatorHandoverAccept({ operator: operatorAccount, newAuthority: stranger.publicKey, createEarnings: false });
    assert.equal(chain.sendErr(cancelled.instructions, stranger).name, "NoPendingHandover");
  });

  test("earnings: the balance moves into the successor's account of the same role, the old account closes (rent back), a second accept fails", async () => {
    const previous = builder.publicKey;
    const role = EarningsRole.ModelOwner;
    const earnings = earningsPda(previous, role);
    const balance = await earned(previous, role);
    assert.ok(balance > 0n);
    const heir = chain.wallet();
    const vault = chain.tokenBalance(vaultPda());

    // Attack: to oneself (accepting would close the account into itself).
    const toSelf = await client.earningsTransferPropose({ beneficiary: previous, role, newBeneficiary: previous });
    const self = chain.sendErr(toSelf.instructions, builder);
    assert.equal(self.name, "HandoverToSelf");
    assert.match(self.message, /another wallet/);
    // Attack: a stranger proposes (NotBeneficiary), or accepts with nothing proposed.
    const byStranger = await client.earningsTransferPropose({ beneficiary: stranger.publicKey, role, newBeneficiary: stranger.publicKey });
    byStranger.instructions[0].keys[0].pubkey = earnings;
    assert.equal(chain.sendErr(byStranger.instructions, stranger).name, "NotBeneficiary");
    const grab = await client.earningsTransferAccept({ previousBeneficiary: previous, role, newBeneficiary: heir.publicKey });
    assert.equal(grab.successorCreated, true);
    assert.equal(chain.sendErr(grab.instructions, heir).name, "NoPendingHandover");
    assert.ok(!chain.exists(earningsPda(heir.publicKey, role)), "the refused transaction created no successor account");

    const propose = await client.earningsTransferPropose({ beneficiary: previous, role, newBeneficiary: heir.publicKey });
    const [proposed] = findEvents(chain.sendOk(propose.instructions, builder), "attribution_payout", "handoverProposed");
    assert.ok(proposed.account.equals(earnings) && proposed.proposed!.equals(heir.publicKey));
    // The heir finds it among the earnings proposed to it.
    assert.deepEqual((await client.earningsProposedTo(heir.publicKey)).map((e) => e.address.toBase58()), [earnings.toBase58()]);
    assert.deepEqual(await client.earningsProposedTo(stranger.publicKey), []);
    // Attack: a stranger accepts the heir's proposal.
    const strangerAccept = await client.earningsTransferAccept({ previousBeneficiary: previous, role, newBeneficiary: stranger.publicKey });
    assert.equal(chain.sendErr(strangerAccept.instructions, stranger).name, "NoPendingHandover");
    assert.equal(await earned(previous, role), balance);

    // Honest twin: the heir accepts; its account is created in the same transaction.
    const rent = chain.lamports(earnings);
    const lamports = chain.lamports(previous);
    const accept = await client.earningsTransferAccept({ previousBeneficiary: previous, role, newBeneficiary: heir.publicKey });
    assert.ok(accept.successorCreated && accept.successor.equals(earningsPda(heir.publicKey, role)));
    const [moved] = findEvents(chain.sendOk(accept.instructions, heir), "attribution_payout", "earningsTransferred");
    assert.equal(big(moved.amount), balance);
    assert.ok(moved.from.equals(earnings) && moved.to.equals(accept.successor) && moved.previous.equals(previous) && moved.beneficiary.equals(heir.publicKey));
    assert.ok(!chain.exists(earnings), "the old account is closed");
    assert.equal(chain.lamports(previous), lamports + rent, "its rent went back to the previous wallet");
    const successor = await client.fetchEarnings(heir.publicKey, role);
    assert.equal(big(successor.balance), balance);
    assert.equal(big(successor.totalEarned), balance);
    assert.equal(chain.tokenBalance(vaultPda()), vault, "nothing left the vault");

    // Attack: the same acceptance again: the account is gone.
    const again = await client.earningsTransferAccept({ previousBeneficiary: previous, role, newBeneficiary: heir.publicKey });
    assert.equal(again.successorCreated, false);
    const twice = chain.sendErr(again.instructions, heir);
    assert.equal(twice.name, "AccountNotInitialized");
    assert.equal(big((await client.fetchEarnings(heir.publicKey, role)).balance), balance);

    // Into an account that already holds earnings: the balances add up. (The model's current
    // owner, holding the owner share of the fees since its handover, takes the heir's.)
    const ownerWallet = modelHeir;
    const owner = ownerWallet.publicKey;
    assert.ok((await client.fetchModel(model)).owner.equals(owner));
    const held = await earned(owner, role);
    assert.ok(held > 0n);
    chain.sendOk((await client.earningsTransferPropose({ beneficiary: heir.publicKey, role, newBeneficiary: owner })).instructions, heir);
    const merge = await client.earningsTransferAccept({ previousBeneficiary: heir.publicKey, role, newBeneficiary: owner });
    assert.equal(merge.successorCreated, false);
    assert.equal(merge.instructions.length, 1);
    chain.sendOk(merge.instructions, ownerWallet);
    assert.equal(await earned(owner, role), held + balance);
    assert.ok(!chain.exists(earningsPda(heir.publicKey, role)));

    // The successor claims it all.
    const claim = await client.earningsClaim({ beneficiary: owner, role });
    chain.sendOk(claim.instructions, ownerWallet);
    assert.equal(chain.tokenBalance(claim.destination), held + balance);
    assert.equal(chain.tokenBalance(vaultPda()), vault - held - balance);
  });
});
