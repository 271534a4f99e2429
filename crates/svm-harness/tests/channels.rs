//! Payment channels on the built programs: vouchers settle only what they add, split exactly as
//! `inference_pay` splits a fee; the classic holes (offsets into another instruction, a message
//! other than the voucher, replay, another channel's or signer's voucher, above the deposit, after
//! close, by another operator) fail with named errors and unchanged balances, each next to its
//! honest twin; an agent's deposit is a budget it cannot exceed and its owner can revoke.
use anchor_lang::error::ErrorCode as Anchor;
use attribution_payout::constants::CHANNEL_DISPUTE_WINDOW_SECS;
use attribution_payout::errors::PayoutError;
use attribution_payout::events::{ChannelClosed, ChannelSettled, InferencePaid};
use attribution_payout::state::{Channel, Earnings, EarningsRole, Pool, Voucher};
use datanet_registry::state::DatanetPolicy;
use model_registry::errors::ModelError;
use model_registry::state::ModelKind;
use svm_harness::token::TokenProgram;
use svm_harness::world::{datanet_entry, model_entry, Shares, World, OPEN};
use svm_harness::{assert_error, ixs, pda, Executed, Failed, Keypair, Pubkey, Signer};

const PRICE: u64 = OPEN / 100;
const DAY: i64 = 24 * 60 * 60;

/// A model citing version 1 of a datanet, a staked operator, a payer with OPEN, an agent key.
struct Market {
    w: World,
    v1: Pubkey,
    model: Pubkey,
    owner: Keypair,
    operator: Keypair,
    payer: Keypair,
    payer_token: Pubkey,
    agent: Keypair,
}

fn market() -> Market {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let datanet = w.datanet(&curator, 1, DatanetPolicy::Open { weight: 1 });
    let contributor = w.wallet();
    w.contribute(&datanet, &contributor, b"a sample");
    let v1 = w.publish_version(&curator, &datanet);
    let owner = w.wallet();
    let shares = Shares { entries: vec![datanet_entry(datanet, v1, 6_000)], owner_bps: 3_000, operator_bps: 1_000 };
    let model = w.model(&owner, 1, ModelKind::Base, None, PRICE, shares);
    let operator = w.wallet();
    w.operator(&operator, 1_000 * OPEN);
    let payer = w.wallet();
    let payer_token = w.fund(&payer.pubkey(), 1_000 * OPEN);
    let agent = w.wallet();
    Market { w, v1, model, owner, operator, payer, payer_token, agent }
}

impl Market {
    /// Channel `id` with a deposit of `calls` calls, vouchers signed by the agent, for a week.
    fn open(&mut self, id: u64, calls: u64) -> Pubkey {
        let (payer, token, model, operator, agent) =
            (self.payer.insecure_clone(), self.payer_token, self.model, self.operator.pubkey(), self.agent.pubkey());
        self.w.open_channel(&payer, &token, &model, &operator, id, calls * PRICE, 7 * DAY, &agent)
    }

    /// The channel's operator settles `voucher` as signed by `signer`.
    fn settle(&mut self, channel: &Pubkey, voucher: Voucher, signer: &Keypair) -> Result<Executed, Failed> {
        let operator = self.operator.insecure_clone();
        let ixs = self.w.settle_instructions(channel, voucher, signer, &operator.pubkey());
        self.w.svm.send(&operator, &ixs, &[])
    }

    fn earned(&self, who: &Pubkey, role: EarningsRole) -> u64 {
        self.w.svm.try_get::<Earnings>(&pda::earnings(who, role)).map_or(0, |e| e.balance)
    }

    /// What the attacks must leave as it was: the channel, the vault, every earner.
    fn balances(&self, channel: &Pubkey) -> (u64, u64, u64, u64, u64, u64) {
        let settled = self.w.svm.try_get::<Channel>(channel).map_or(0, |c| c.settled_amount);
        (
            settled,
            self.w.svm.token_balance(&pda::vault()),
            self.w.svm.token_balance(&self.payer_token),
            self.earned(&self.operator.pubkey(), EarningsRole::Operator),
            self.earned(&self.owner.pubkey(), EarningsRole::ModelOwner),
            self.w.svm.get::<Pool>(&pda::pool(&self.v1)).total_credited,
        )
    }
}

/// A voucher of `calls` cumulative calls at the market's price.
fn voucher(sequence: u64, calls: u64) -> Voucher {
    Voucher { sequence, calls, amount: calls * PRICE, running_hash: [sequence as u8; 32] }
}

#[test]
fn vouchers_settle_only_what_they_add_split_exactly_as_a_payment() {
    let mut m = market();
    let vault_before = m.w.svm.token_balance(&pda::vault());
    let channel = m.open(1, 100);
    assert_eq!(m.w.svm.token_balance(&m.payer_token), 1_000 * OPEN - 100 * PRICE);
    assert_eq!(m.w.svm.token_balance(&pda::vault()) - vault_before, 100 * PRICE);
    let agent = m.agent.insecure_clone();

    // Three calls, then ten in all: the second settlement splits the seven it adds.
    let first: InferencePaid = m.settle(&channel, voucher(1, 3), &agent).unwrap().event();
    let done = m.settle(&channel, voucher(2, 10), &agent).unwrap();
    let second: InferencePaid = done.event();
    let settled: ChannelSettled = done.event();
    assert_eq!((first.calls, first.fee, second.calls, second.fee), (3, 3 * PRICE, 7, 7 * PRICE));
    assert_eq!(
        (settled.calls, settled.amount, settled.fee, settled.remaining),
        (10, 10 * PRICE, 7 * PRICE, 90 * PRICE)
    );
    assert_eq!((second.payer, second.operator), (m.payer.pubkey(), m.operator.pubkey()));
    assert_eq!(second.request_id, channel.to_bytes());
    assert_eq!(second.output_hash, [2; 32]);

    // The same split as inference_pay's for 7 calls: same program function, same rounding.
    let protocol = 7 * PRICE * 250 / 10_000;
    let rest = 7 * PRICE - protocol;
    assert_eq!(
        (second.protocol_fee, second.owner_amount, second.operator_amount),
        (protocol, rest * 3_000 / 10_000, rest / 10)
    );
    assert_eq!(second.lineage[0].amount, rest * 6_000 / 10_000);
    let state: Channel = m.w.svm.get(&channel);
    assert_eq!(
        (state.sequence, state.settled_calls, state.settled_amount, state.running_hash),
        (2, 10, 10 * PRICE, [2; 32])
    );
    // Settling moves no token: the deposit was in the vault; now the earners' part of it.
    assert_eq!(m.w.svm.token_balance(&pda::vault()) - vault_before, 100 * PRICE);
    let credited = m.earned(&m.operator.pubkey(), EarningsRole::Operator)
        + m.earned(&m.owner.pubkey(), EarningsRole::ModelOwner)
        + m.earned(&m.w.treasury.pubkey(), EarningsRole::Treasury)
        + m.w.svm.get::<Pool>(&pda::pool(&m.v1)).total_credited;
    assert_eq!(credited, 10 * PRICE, "settled = credited, to the base unit");

    // Closing: the payer asks, the operator may still settle for the dispute window; then the
    // rest and the rent go back.
    let payer = m.payer.insecure_clone();
    let close = ixs::payout::channel_close(&m.w.open, &payer.pubkey(), &m.payer_token, &channel);
    assert_error(m.w.svm.run(&payer, close.clone(), &[]), PayoutError::ChannelStillSettling);
    m.w.step(&payer, ixs::payout::channel_close_request(&payer.pubkey(), &channel), &[]);
    m.settle(&channel, voucher(3, 12), &agent).expect("the newest voucher, inside the window");
    m.w.svm.advance_time(CHANNEL_DISPUTE_WINDOW_SECS + 1);
    let token_before = m.w.svm.token_balance(&m.payer_token);
    let lamports_before = m.w.svm.lamports(&payer.pubkey());
    let rent = m.w.svm.lamports(&channel);
    let stranger = m.w.wallet();
    let closed: ChannelClosed = m.w.svm.run(&stranger, close, &[]).unwrap().event();
    assert_eq!((closed.settled_amount, closed.refunded), (12 * PRICE, 88 * PRICE));
    assert_eq!(m.w.svm.token_balance(&m.payer_token) - token_before, 88 * PRICE);
    assert_eq!(m.w.svm.lamports(&payer.pubkey()) - lamports_before, rent);
    assert!(m.w.svm.account(&channel).is_none());
}

#[test]
fn the_classic_holes_are_closed_each_next_to_its_honest_twin() {
    let mut m = market();
    let channel = m.open(1, 100);
    let other = m.open(2, 100);
    let agent = m.agent.insecure_clone();
    let operator = m.operator.insecure_clone();
    let payer_key = m.payer.pubkey();
    m.settle(&channel, voucher(1, 5), &agent).expect("the first voucher");
    let before = m.balances(&channel);

    // An Ed25519 instruction whose offsets point at another instruction's data: the precompile
    // verifies the signature found there, but the program accepts only data of its own.
    let good = m.w.settle_instructions(&channel, voucher(2, 8), &agent, &operator.pubkey());
    let mut pointing = good[0].clone();
    for field in [1, 3, 6] {
        pointing.data[2 + 2 * field..4 + 2 * field].copy_from_slice(&0u16.to_le_bytes());
    }
    let attack = vec![good[0].clone(), pointing, good[1].clone()];
    assert_error(m.w.svm.send(&operator, &attack, &[]), PayoutError::VoucherNotSigned);
    // The voucher's key and bytes with a signature that is not the signer's: the Ed25519
    // program fails the whole transaction before the settlement runs.
    let mut bogus = good[0].clone();
    bogus.data[48] ^= 1;
    let failed = m.w.svm.send(&operator, &[bogus, good[1].clone()], &[]).unwrap_err();
    assert_eq!(failed.custom_code(), Some(2), "the Ed25519 program's InvalidSignature: {:?}", failed.error);
    // A verified message other than the voucher settled (an older, smaller one).
    let older = m.w.settle_instructions(&channel, voucher(2, 6), &agent, &operator.pubkey());
    assert_error(m.w.svm.send(&operator, &[older[0].clone(), good[1].clone()], &[]), PayoutError::VoucherNotSigned);
    // No verification at all, or one that is not right before the settlement.
    assert_error(m.w.svm.send(&operator, &good[1..], &[]), PayoutError::VoucherNotSigned);
    let memo = ixs::payout::channel_close_request(&payer_key, &other);
    let payer = m.payer.insecure_clone();
    assert_error(
        m.w.svm.send(&operator, &[good[0].clone(), memo, good[1].clone()], &[&payer]),
        PayoutError::VoucherNotSigned,
    );
    // Another channel's voucher (the same agent signs for both), and another signer's.
    let theirs = m.w.settle_instructions(&other, voucher(2, 8), &agent, &operator.pubkey());
    assert_error(m.w.svm.send(&operator, &[theirs[0].clone(), good[1].clone()], &[]), PayoutError::VoucherNotSigned);
    let forger = m.w.wallet();
    let forged = m.w.settle_instructions(&channel, voucher(2, 8), &forger, &operator.pubkey());
    assert_error(m.w.svm.send(&operator, &forged, &[]), PayoutError::VoucherNotSigned);
    // Above the deposit, and an amount that is not calls × price.
    assert_error(m.settle(&channel, voucher(2, 101), &agent), PayoutError::VoucherAboveDeposit);
    let overpriced = Voucher { amount: 9 * PRICE + 1, ..voucher(2, 9) };
    assert_error(m.settle(&channel, overpriced, &agent), PayoutError::VoucherAmountMismatch);
    // Settled by someone other than the channel's operator: another staked operator, or the
    // channel's operator account with another wallet signing.
    let rival = m.w.wallet();
    m.w.operator(&rival, 1_000 * OPEN);
    let by_rival = m.w.settle_instructions(&channel, voucher(2, 8), &agent, &rival.pubkey());
    assert_error(m.w.svm.send(&rival, &by_rival, &[]), PayoutError::WrongChannel);
    let mut impostor = good.clone();
    impostor[1].accounts[4].pubkey = rival.pubkey();
    assert_error(m.w.svm.send(&rival, &impostor, &[]), PayoutError::NotOperatorAuthority);
    assert_eq!(m.balances(&channel), before, "nothing moved");

    // Honest twin: the same voucher, verified right before, by the channel's operator.
    m.w.svm.send(&operator, &good, &[]).expect("the honest settlement");
    assert_eq!(m.w.svm.get::<Channel>(&channel).settled_amount, 8 * PRICE);
    let after = m.balances(&channel);
    // An older voucher replayed after the newer one, and the newer one again.
    assert_error(m.settle(&channel, voucher(1, 5), &agent), PayoutError::VoucherStale);
    assert_error(m.w.svm.send(&operator, &good, &[]), PayoutError::VoucherStale);
    // A newer sequence that adds nothing.
    assert_error(m.settle(&channel, voucher(3, 8), &agent), PayoutError::NothingToSettle);
    assert_eq!(m.balances(&channel), after);

    // Above the deposit until the payer tops it up (a stranger cannot).
    let stranger = m.w.wallet();
    let stranger_token = m.w.fund(&stranger.pubkey(), 10 * PRICE);
    let top_up = ixs::payout::channel_top_up(&m.w.open, &stranger.pubkey(), &stranger_token, &channel, 10 * PRICE);
    assert_error(m.w.svm.run(&stranger, top_up, &[]), PayoutError::NotChannelPayer);
    let top_up = ixs::payout::channel_top_up(&m.w.open, &payer_key, &m.payer_token, &channel, 10 * PRICE);
    m.w.step(&payer, top_up, &[]);
    m.settle(&channel, voucher(4, 110), &agent).expect("within the topped-up deposit");

    // After the close request's window: no more settlement, and after the close no channel.
    assert_error(
        m.w.svm.run(&stranger, ixs::payout::channel_close_request(&stranger.pubkey(), &channel), &[]),
        PayoutError::NotChannelPayer,
    );
    m.w.step(&payer, ixs::payout::channel_close_request(&payer_key, &channel), &[]);
    let top_up = ixs::payout::channel_top_up(&m.w.open, &payer_key, &m.payer_token, &channel, PRICE);
    assert_error(m.w.svm.run(&payer, top_up, &[]), PayoutError::ChannelEnded);
    m.w.svm.advance_time(CHANNEL_DISPUTE_WINDOW_SECS + 1);
    let late = m.balances(&channel);
    let too_late = m.w.settle_instructions(&channel, voucher(5, 110), &agent, &operator.pubkey());
    assert_error(m.w.svm.send(&operator, &too_late, &[]), PayoutError::SettleDeadlinePassed);
    assert_eq!(m.balances(&channel), late);
    m.w.step(&payer, ixs::payout::channel_close(&m.w.open, &payer_key, &m.payer_token, &channel), &[]);
    assert_error(m.w.svm.send(&operator, &too_late, &[]), Anchor::AccountNotInitialized);
}

#[test]
fn a_channel_closed_and_opened_again_at_its_address_takes_none_of_the_old_vouchers() {
    let mut m = market();
    let channel = m.open(1, 10);
    let agent = m.agent.insecure_clone();
    let operator = m.operator.insecure_clone();
    // The whole deposit settled: the payer closes at once and opens id 1 again, a day later.
    let old = m.w.settle_instructions(&channel, voucher(1, 10), &agent, &operator.pubkey());
    m.w.svm.send(&operator, &old, &[]).expect("the first opening's voucher");
    let payer = m.payer.insecure_clone();
    m.w.step(&payer, ixs::payout::channel_close(&m.w.open, &payer.pubkey(), &m.payer_token, &channel), &[]);
    m.w.svm.advance_time(DAY);
    assert_eq!(m.open(1, 10), channel, "the same address");
    let before = m.balances(&channel);
    // Attack: the operator replays the first opening's voucher (the same bytes, signature and all).
    assert_error(m.w.svm.send(&operator, &old, &[]), PayoutError::VoucherNotSigned);
    assert_eq!(m.balances(&channel), before);
    // Honest twin: a voucher of this opening.
    m.settle(&channel, voucher(1, 10), &agent).expect("the second opening's voucher");
    assert_eq!(m.w.svm.get::<Channel>(&channel).settled_amount, 10 * PRICE);
}

#[test]
fn an_agents_deposit_is_a_budget_it_cannot_exceed_and_its_owner_revokes() {
    let mut m = market();
    // The payer gives its agent a budget of 20 calls for a day.
    let (payer, token, model, operator_key, agent) =
        (m.payer.insecure_clone(), m.payer_token, m.model, m.operator.pubkey(), m.agent.insecure_clone());
    let channel = m.w.open_channel(&payer, &token, &model, &operator_key, 7, 20 * PRICE, DAY, &agent.pubkey());
    // The agent cannot sign past its budget; the payer's own key is not the channel's signer.
    assert_error(m.settle(&channel, voucher(1, 21), &agent), PayoutError::VoucherAboveDeposit);
    assert_error(m.settle(&channel, voucher(1, 5), &payer), PayoutError::VoucherNotSigned);
    m.settle(&channel, voucher(1, 20), &agent).expect("the whole budget");
    assert_eq!(m.w.svm.get::<Channel>(&channel).remaining().unwrap(), 0);
    // Spent: the payer closes at once (nothing is left to settle), rent back.
    let close = ixs::payout::channel_close(&m.w.open, &payer.pubkey(), &token, &channel);
    let closed: ChannelClosed = m.w.svm.run(&payer, close, &[]).unwrap().event();
    assert_eq!(closed.refunded, 0);

    // A second budget, revoked at once: the operator keeps what it settles within the window.
    let channel = m.w.open_channel(&payer, &token, &model, &operator_key, 8, 20 * PRICE, DAY, &agent.pubkey());
    m.w.step(&payer, ixs::payout::channel_close_request(&payer.pubkey(), &channel), &[]);
    m.settle(&channel, voucher(1, 2), &agent).expect("calls served before the revocation");
    m.w.svm.advance_time(CHANNEL_DISPUTE_WINDOW_SECS + 1);
    assert_error(m.settle(&channel, voucher(2, 3), &agent), PayoutError::SettleDeadlinePassed);
    let before = m.w.svm.token_balance(&token);
    m.w.step(&payer, ixs::payout::channel_close(&m.w.open, &payer.pubkey(), &token, &channel), &[]);
    assert_eq!(m.w.svm.token_balance(&token) - before, 18 * PRICE);

    // Expiry closes the same way: vouchers settle until a dispute window after it.
    let channel = m.w.open_channel(&payer, &token, &model, &operator_key, 9, 20 * PRICE, DAY, &agent.pubkey());
    m.w.svm.advance_time(DAY + 1);
    m.settle(&channel, voucher(1, 4), &agent).expect("inside the window after expiry");
    m.w.svm.advance_time(CHANNEL_DISPUTE_WINDOW_SECS);
    assert_error(m.settle(&channel, voucher(2, 5), &agent), PayoutError::SettleDeadlinePassed);
    let before = m.w.svm.token_balance(&token);
    m.w.step(&payer, ixs::payout::channel_close(&m.w.open, &payer.pubkey(), &token, &channel), &[]);
    assert_eq!(m.w.svm.token_balance(&token) - before, 16 * PRICE);
}

#[test]
fn an_agents_income_flows_on_to_the_models_it_calls_and_their_contributors() {
    let mut m = market();
    let (datanet, v1) = (m.w.svm.get::<Pool>(&pda::pool(&m.v1)).datanet, m.v1);
    let builder = m.w.wallet();
    // An agent's lineage lists models only: a datanet entry, or none, is refused.
    let with_datanet = Shares {
        entries: vec![model_entry(m.model, 3_000), datanet_entry(datanet, v1, 1_000)],
        owner_bps: 5_000,
        operator_bps: 1_000,
    };
    let args = model_registry::instructions::ModelCreateArgs {
        id: 9,
        kind: ModelKind::Agent,
        name: "agent".into(),
        uri: "ipfs://agent".into(),
        artifact_hash: [9; 32],
        price_per_call: 10 * PRICE,
    };
    m.w.step(&builder, ixs::model::create(&builder.pubkey(), None, args), &[]);
    let draft = pda::model(&builder.pubkey(), 9);
    let lineage = |shares: Shares| model_registry::instructions::ModelLineageSetArgs {
        entries: shares.entries,
        owner_share_bps: shares.owner_bps,
        operator_share_bps: shares.operator_bps,
    };
    let refused = ixs::model::lineage_set(&draft, &builder.pubkey(), lineage(with_datanet));
    assert_error(m.w.svm.run(&builder, refused, &[]), ModelError::AgentCallsModelsOnly);
    let empty = Shares { entries: vec![], owner_bps: 9_000, operator_bps: 1_000 };
    let refused = ixs::model::lineage_set(&draft, &builder.pubkey(), lineage(empty));
    assert_error(m.w.svm.run(&builder, refused, &[]), ModelError::AgentCallsModelsOnly);

    // Honest twin: an agent calling the market's model (30 % of what it earns).
    let shares = Shares { entries: vec![model_entry(m.model, 3_000)], owner_bps: 6_000, operator_bps: 1_000 };
    let agent_model = m.w.model(&builder, 10, ModelKind::Agent, None, 10 * PRICE, shares);
    // A user's channel with the agent, its vouchers signed by the user's own key: 5 calls.
    let (payer, token, operator) = (m.payer.insecure_clone(), m.payer_token, m.operator.insecure_clone());
    let channel =
        m.w.open_channel(&payer, &token, &agent_model, &operator.pubkey(), 3, 50 * PRICE, DAY, &payer.pubkey());
    let ixs =
        m.w.settle_instructions(&channel, Voucher { amount: 50 * PRICE, ..voucher(1, 5) }, &payer, &operator.pubkey());
    let paid: InferencePaid = m.w.svm.send(&operator, &ixs, &[]).unwrap().event();
    let to_model = paid.lineage[0].amount;
    assert_eq!(to_model, (50 * PRICE - paid.protocol_fee) * 3_000 / 10_000);
    assert_eq!(m.w.svm.get::<attribution_payout::state::Escrow>(&pda::escrow(&m.model)).balance, to_model);
    // The crank passes it on by the called model's own lineage: 60 % to its datanet version's pool.
    let pool_before = m.w.svm.get::<Pool>(&pda::pool(&v1)).total_credited;
    let cranker = m.w.wallet();
    m.w.distribute(&cranker, &m.model.clone()).expect("escrow_distribute");
    let pool_gain = m.w.svm.get::<Pool>(&pda::pool(&v1)).total_credited - pool_before;
    assert_eq!(pool_gain, to_model * 6_000 / 10_000);
}
