//! The payment-channel simulation of `make bench` (issue 16): many calls by 10 agents on 3
//! models, each call's voucher signed by its agent and checked by the operator off chain (timed),
//! each channel settled on the built programs every `SETTLE_EVERY` calls and at the end, then
//! closed; against one `inference_pay` per call. Conservation is checked to the base unit: what
//! the payers deposited is what was settled plus what came back, and what was settled is what the
//! earners and pools were credited.
use crate::ixs;
use crate::token::TokenProgram;
use crate::world::{datanet_entry, Request, Shares, World, OPEN};
use crate::{pda, Keypair, Pubkey, Signer};
use attribution_payout::constants::CHANNEL_DISPUTE_WINDOW_SECS;
use attribution_payout::events::{ChannelClosed, InferencePaid};
use attribution_payout::state::{Channel, Earnings, EarningsRole, Escrow, Pool, Voucher};
use datanet_registry::state::DatanetPolicy;
use ed25519_dalek::{Signature, VerifyingKey};
use model_registry::state::ModelKind;
use sha2::{Digest, Sha256};
use std::time::{Duration, Instant};

pub const AGENTS: usize = 10;
pub const MODELS: usize = 3;
/// A channel is settled after this many of its calls (and once at the end).
pub const SETTLE_EVERY: u64 = 1_000;
const PRICE: u64 = 1_000_003;

/// What a run measured.
#[derive(Debug)]
pub struct ChannelSimulation {
    pub calls: u64,
    /// Transactions: channel opens, settlements, closes.
    pub opens: u64,
    pub settlements: u64,
    pub closes: u64,
    /// Compute units of all of them, and of one `inference_pay` of the same model.
    pub channel_compute_units: u64,
    pub inference_pay_compute_units: u64,
    pub signing: Duration,
    pub verifying: Duration,
    pub deposited: u64,
    pub settled: u64,
    pub refunded: u64,
    pub credited: u64,
}

/// One agent's channel with one model.
struct Open {
    channel: Pubkey,
    nonce: [u8; 32],
    calls: u64,
    running_hash: [u8; 32],
    /// The newest voucher and its signature, not settled yet.
    newest: Option<(Voucher, [u8; 64])>,
}

/// Runs `calls` calls (round-robin over agents and models).
pub fn run(calls: u64) -> ChannelSimulation {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let datanet = w.datanet(&curator, 1, DatanetPolicy::Open { weight: 1 });
    let contributor = w.wallet();
    w.contribute(&datanet, &contributor, b"simulation sample");
    let version = w.publish_version(&curator, &datanet);
    let owner = w.wallet();
    let models: Vec<Pubkey> = (0..MODELS as u64)
        .map(|id| {
            let shares =
                Shares { entries: vec![datanet_entry(datanet, version, 6_000)], owner_bps: 3_000, operator_bps: 1_000 };
            w.model(&owner, id, ModelKind::Base, None, PRICE, shares)
        })
        .collect();
    let operator = w.wallet();
    w.operator(&operator, 1_000 * OPEN);

    // One inference_pay, for the comparison.
    let user = w.wallet();
    let user_token = w.fund(&user.pubkey(), OPEN);
    let ixs = w.pay_instructions(&user.pubkey(), &user_token, &models[0], &operator.pubkey(), 1, Request::numbered(0));
    let inference_pay_compute_units = w.svm.send(&user, &ixs, &[&operator]).expect("inference_pay").compute_units;

    // Each agent's owner (the payer) opens one channel per model, deposits for its share of the
    // calls and a little more.
    let per_channel = calls.div_ceil((AGENTS * MODELS) as u64) + 10;
    let deposit = per_channel * PRICE;
    let mut channel_compute_units = 0;
    let payers: Vec<(Keypair, Pubkey, Keypair)> = (0..AGENTS)
        .map(|_| {
            let payer = w.wallet();
            // One base unit more: `open_compute_units` opens a channel of 1.
            let token = w.fund(&payer.pubkey(), deposit * MODELS as u64 + 1);
            (payer, token, Keypair::new())
        })
        .collect();
    let mut channels: Vec<Vec<Open>> = Vec::new();
    for (payer, token, agent) in &payers {
        let mut mine = Vec::new();
        for (id, model) in models.iter().enumerate() {
            let channel =
                w.open_channel(payer, token, model, &operator.pubkey(), id as u64, deposit, 86_400, &agent.pubkey());
            let nonce = w.svm.get::<Channel>(&channel).nonce;
            mine.push(Open { channel, nonce, calls: 0, running_hash: [0; 32], newest: None });
        }
        channels.push(mine);
    }
    let opens = (AGENTS * MODELS) as u64;
    channel_compute_units += opens * open_compute_units(&mut w, &payers[0], &models[0], &operator);

    let credited_before = credited(&w, &models, &version, &operator, &owner);
    let (mut signing, mut verifying) = (Duration::ZERO, Duration::ZERO);
    let mut settlements = 0;
    let mut settled = 0;
    let mut settle = |w: &mut World, c: &mut Open, agent: &Keypair| {
        let Some((voucher, signature)) = c.newest.take() else { return };
        let message = voucher.message(&c.channel, &c.nonce);
        let verify = ixs::payout::ed25519_verify(&agent.pubkey(), &signature, &message);
        let state: Channel = w.svm.get(&c.channel);
        let model: model_registry::state::Model = w.svm.get(&state.model);
        let treasury = w.treasury.pubkey();
        let ix = ixs::payout::channel_settle(
            &treasury,
            &c.channel,
            &state.model,
            &model,
            &operator.pubkey(),
            w.epoch_index(),
            voucher,
        );
        let done = w.svm.send(&operator, &[verify, ix], &[]).expect("channel_settle");
        let paid: InferencePaid = done.event();
        settled += paid.fee;
        channel_compute_units += done.compute_units;
        settlements += 1;
    };
    for i in 0..calls {
        let (a, m) = (i as usize % AGENTS, (i as usize / AGENTS) % MODELS);
        let agent = &payers[a].2;
        let c = &mut channels[a][m];
        // The call: its request id and output, folded into the running hash.
        c.calls += 1;
        let request_id: [u8; 32] = Sha256::digest(i.to_le_bytes()).into();
        let output_hash: [u8; 32] = Sha256::digest(request_id).into();
        c.running_hash = Sha256::new()
            .chain_update(c.running_hash)
            .chain_update(request_id)
            .chain_update(output_hash)
            .finalize()
            .into();
        let voucher =
            Voucher { sequence: c.calls, calls: c.calls, amount: c.calls * PRICE, running_hash: c.running_hash };
        let message = voucher.message(&c.channel, &c.nonce);
        let started = Instant::now();
        let signature: [u8; 64] = agent.sign_message(&message).into();
        signing += started.elapsed();
        // The operator checks the voucher before it serves the next call.
        let started = Instant::now();
        let key = VerifyingKey::from_bytes(&agent.pubkey().to_bytes()).expect("an ed25519 key");
        key.verify_strict(&message, &Signature::from_bytes(&signature)).expect("a valid voucher");
        verifying += started.elapsed();
        c.newest = Some((voucher, signature));
        if c.calls.is_multiple_of(SETTLE_EVERY) {
            settle(&mut w, c, agent);
        }
    }
    for (mine, (_, _, agent)) in channels.iter_mut().zip(&payers) {
        for c in mine.iter_mut() {
            settle(&mut w, c, agent);
        }
    }
    let credited = credited(&w, &models, &version, &operator, &owner) - credited_before;

    // The payers close after the dispute window: the rest comes back.
    w.svm.advance_time(86_400 + CHANNEL_DISPUTE_WINDOW_SECS + 1);
    let mut refunded = 0;
    let open = w.open;
    for (mine, (payer, token, _)) in channels.iter().zip(&payers) {
        for c in mine {
            let done = w
                .svm
                .run(payer, ixs::payout::channel_close(&open, &payer.pubkey(), token, &c.channel), &[])
                .expect("close");
            refunded += done.event::<ChannelClosed>().refunded;
            channel_compute_units += done.compute_units;
        }
    }
    ChannelSimulation {
        calls,
        opens,
        settlements,
        closes: opens,
        channel_compute_units,
        inference_pay_compute_units,
        signing,
        verifying,
        deposited: deposit * opens,
        settled,
        refunded,
        credited,
    }
}

/// The compute units of one more `channel_open` (a throwaway channel of the first payer).
fn open_compute_units(w: &mut World, payer: &(Keypair, Pubkey, Keypair), model: &Pubkey, operator: &Keypair) -> u64 {
    let (payer, token, agent) = payer;
    let args = attribution_payout::instructions::ChannelOpenArgs {
        id: 1_000,
        deposit: 1,
        max_price_per_call: PRICE,
        expires_at: w.svm.clock().unix_timestamp + 86_400,
        signer: agent.pubkey(),
        nonce: [0; 32],
    };
    let open = w.open;
    let ix = ixs::payout::channel_open(&open, &payer.pubkey(), token, model, &pda::operator(&operator.pubkey()), args);
    w.svm.run(payer, ix, &[]).expect("channel_open").compute_units
}

/// Everything the settlements can credit: the treasury's, owner's and operator's earnings, the
/// version's pool and the models' escrows.
fn credited(w: &World, models: &[Pubkey], version: &Pubkey, operator: &Keypair, owner: &Keypair) -> u64 {
    let earnings =
        |who: &Pubkey, role| w.svm.try_get::<Earnings>(&pda::earnings(who, role)).map_or(0, |e| e.total_earned);
    let escrows: u64 = models.iter().map(|m| w.svm.try_get::<Escrow>(&pda::escrow(m)).map_or(0, |e| e.balance)).sum();
    earnings(&w.treasury.pubkey(), EarningsRole::Treasury)
        + earnings(&owner.pubkey(), EarningsRole::ModelOwner)
        + earnings(&operator.pubkey(), EarningsRole::Operator)
        + w.svm.get::<Pool>(&pda::pool(version)).total_credited
        + escrows
}

impl ChannelSimulation {
    /// Conservation to the base unit: deposits = settled + refunded, settled = credited.
    pub fn conserved(&self) -> bool {
        self.deposited == self.settled + self.refunded
            && self.settled == self.credited
            && self.settled == self.calls * PRICE
    }

    /// The section of docs/compute-units.md.
    pub fn render(&self) -> String {
        let txs = self.opens + self.settlements + self.closes;
        let per_thousand = |x: u64| x as f64 * 1_000.0 / self.calls as f64;
        let rate = |d: Duration| (self.calls as f64 / d.as_secs_f64()).round();
        format!(
            "\n## Payment channels: {calls} calls by {AGENTS} agents on {MODELS} models\n\n\
             Each call's voucher signed by its agent and checked by the operator off chain; each of the \
             {channels} channels settled every {SETTLE_EVERY} of its calls and at the end, then closed \
             (`crates/svm-harness/src/simulation.rs`, run by `make bench`).\n\n\
             | | channels | one `inference_pay` per call |\n| --- | ---: | ---: |\n\
             | transactions | {txs} ({opens} opens, {settlements} settlements, {closes} closes) | {calls} |\n\
             | transactions per 1,000 calls | {tx_k:.1} | 1,000 |\n\
             | compute units per 1,000 calls | {cu_k:.0} | {ip_k} |\n\n\
             Conservation to the base unit: deposited {deposited} = settled {settled} + refunded {refunded}; \
             settled = credited to earnings, pools and escrows ({credited}): {ok}. Off chain on this machine \
             (2 cores): about {sign} vouchers signed and {verify} verified a second.\n",
            calls = self.calls,
            channels = AGENTS * MODELS,
            opens = self.opens,
            settlements = self.settlements,
            closes = self.closes,
            tx_k = per_thousand(txs),
            cu_k = per_thousand(self.channel_compute_units),
            ip_k = self.inference_pay_compute_units * 1_000,
            deposited = self.deposited,
            settled = self.settled,
            refunded = self.refunded,
            credited = self.credited,
            ok = if self.conserved() { "holds" } else { "BROKEN" },
            sign = rate(self.signing) as u64 / 1_000 * 1_000,
            verify = rate(self.verifying) as u64 / 1_000 * 1_000,
        )
    }
}
