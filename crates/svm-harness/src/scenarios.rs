//! The benchmark scenarios: every instruction of the three programs run from its `.so` in a
//! realistic state, `inference_pay` across lineage sizes and really enrolled contributor counts,
//! and the push baseline (one SPL `transfer_checked` per recipient) measured in the same run.
use crate::bench::Recorder;
use crate::ixs::{self, payout::Open};
use crate::token::TokenProgram;
use crate::world::{content_hash, datanet_entry, model_entry, Request, Shares, World, OPEN};
use crate::{pda, Executed, Failed, Keypair, Signer, Svm};
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use attribution_payout::constants::{CHANNEL_DISPUTE_WINDOW_SECS, TIMELOCK_DELAY_BOUNDS};
use attribution_payout::instructions::{ChannelOpenArgs, ConfigInitArgs};
use attribution_payout::state::{ConfigUpdateArgs, EarningsRole, GovernanceAction, Role, Voucher};
use datanet_registry::instructions::{
    ContributionSubmitArgs, DatanetCreateArgs, DatanetUpdateArgs, DatanetVersionPublishArgs, ReviewDecision,
};
use datanet_registry::state::{BondPolicy, DatanetPolicy};
use model_registry::instructions::{ModelCreateArgs, ModelLineageSetArgs};
use model_registry::state::ModelKind;

const DATANET: &str = "datanet_registry";
const MODEL: &str = "model_registry";
const PAYOUT: &str = "attribution_payout";

/// Contributor counts `inference_pay` is measured at.
pub const CONTRIBUTOR_COUNTS: [u64; 3] = [1, 100, 10_000];
/// Lineage sizes `inference_pay` is measured at.
pub const LINEAGE_SIZES: [usize; 4] = [1, 2, 4, 8];

fn submit_args(content: &[u8]) -> ContributionSubmitArgs {
    ContributionSubmitArgs {
        content_hash: content_hash(content),
        uri: "ipfs://bafkreih5aznjvttude6c3wbvqeebb6rlx5wkbzyppv7garjiubll2ceym4".into(),
        size: content.len() as u64,
    }
}

fn model_args(id: u64, kind: ModelKind) -> ModelCreateArgs {
    ModelCreateArgs {
        id,
        kind,
        name: "open-llama-7b-medical".into(),
        uri: "ipfs://bafybeihkoviema7g3gxyt6la7vd5ho32ictqbilu3wnlo3rs7ewhnp7lly".into(),
        artifact_hash: content_hash(b"weights"),
        price_per_call: 2_000_000,
    }
}

/// Contributor bonds: the vault's creation, a bonded submission, a spam flag that forfeits, a
/// refund, a withdrawal that returns one.
pub fn bonds(rec: &mut Recorder) {
    let mut w = World::with_svm(Svm::new(), TokenProgram::Token);
    let r = w.init_bond_vault();
    rec.record(DATANET, "bond_vault_init", "", Ok(r));
    let curator = w.wallet();
    let bond = BondPolicy { amount: 10 * OPEN, spam_window_secs: 24 * 3600 };
    let open = w.datanet_with_bond(&curator, 1, DatanetPolicy::Open { weight: 1 }, bond);
    let curated = w.datanet_with_bond(&curator, 2, DatanetPolicy::Curated, bond);
    let contributor = w.wallet();
    let ckey = contributor.pubkey();
    let token = w.fund(&ckey, 100 * OPEN);
    let bonded = w.bond_ix(&token);
    let mut submit = |w: &mut World, datanet: &Pubkey, text: &[u8], case: &str| {
        let ix = ixs::datanet::with_bond(ixs::datanet::contribution_submit(datanet, &ckey, submit_args(text)), &bonded);
        rec.record(DATANET, "contribution_submit", case, w.svm.run(&contributor, ix, &[]));
        pda::contribution(datanet, &content_hash(text))
    };
    let spam = submit(&mut w, &open, b"spam", "open, bonded");
    let kept = submit(&mut w, &open, b"kept", "open, bonded");
    let pending = submit(&mut w, &curated, b"pending", "curated, bonded");
    let treasury_token = w.fund(&w.treasury.pubkey(), 0);
    let treasury = w.bond_ix(&treasury_token);
    let flag = ixs::datanet::contribution_flag_spam(&open, &spam, &curator.pubkey(), Some(&treasury));
    rec.record(DATANET, "contribution_flag_spam", "accepted, bond forfeited", w.svm.run(&curator, flag, &[]));
    w.publish_version(&curator, &open);
    let refund = ixs::datanet::contribution_bond_refund(&open, &kept, &bonded);
    rec.record(DATANET, "contribution_bond_refund", "in a version", w.svm.run(&curator, refund, &[]));
    let withdraw =
        ixs::datanet::with_bond(ixs::datanet::contribution_withdraw(&curated, &pending, &ckey, &ckey), &bonded);
    rec.record(DATANET, "contribution_withdraw", "pending, bond returned", w.svm.run(&contributor, withdraw, &[]));
}

/// Handing roles over: a model's owner, an operator's authority and its stake, an earnings
/// account (its balance moved, the account closed).
pub fn handovers(rec: &mut Recorder) {
    let mut w = World::new(TokenProgram::Token);
    let (owner, operator, heir) = (w.wallet(), w.wallet(), w.wallet());
    let (okey, hkey) = (owner.pubkey(), heir.pubkey());
    w.step(&owner, ixs::model::create(&okey, None, model_args(1, ModelKind::Base)), &[]);
    let model = pda::model(&okey, 1);
    let r = w.svm.run(&owner, ixs::model::model_owner_propose(&model, &okey, Some(hkey)), &[]);
    rec.record(MODEL, "model_owner_propose", "propose", r);
    rec.record(
        MODEL,
        "model_owner_accept",
        "accept",
        w.svm.run(&heir, ixs::model::model_owner_accept(&model, &hkey), &[]),
    );
    w.operator(&operator, 1_000 * OPEN);
    let first = operator.pubkey();
    let (op, stake) = (pda::operator(&first), pda::stake(&first));
    let r = w.svm.run(&operator, ixs::model::operator_authority_propose(&op, &first, Some(hkey)), &[]);
    rec.record(MODEL, "operator_authority_propose", "propose", r);
    let r = w.svm.run(&heir, ixs::model::operator_authority_accept(&op, &hkey), &[]);
    rec.record(MODEL, "operator_authority_accept", "accept", r);
    let r = w.svm.run(&operator, ixs::payout::stake_authority_propose(&stake, &first, Some(hkey)), &[]);
    rec.record(PAYOUT, "stake_authority_propose", "propose", r);
    let r = w.svm.run(&heir, ixs::payout::stake_authority_accept(&stake, &hkey), &[]);
    rec.record(PAYOUT, "stake_authority_accept", "accept", r);
    w.ensure_earnings(&heir, EarningsRole::Operator);
    let r =
        w.svm.run(&operator, ixs::payout::earnings_transfer_propose(&first, EarningsRole::Operator, Some(hkey)), &[]);
    rec.record(PAYOUT, "earnings_transfer_propose", "propose", r);
    let r = w.svm.run(&heir, ixs::payout::earnings_transfer_accept(&first, EarningsRole::Operator, &hkey), &[]);
    rec.record(PAYOUT, "earnings_transfer_accept", "balance moved, account closed", r);
    let r = w.svm.run(&heir, ixs::payout::earnings_close(&hkey, EarningsRole::Operator), &[]);
    rec.record(PAYOUT, "earnings_close", "empty", r);
    let staked = w.svm.get::<attribution_payout::state::Stake>(&stake).active;
    let to = w.fund(&hkey, 0);
    let open = w.open;
    let mut withdraw = ixs::payout::stake_withdraw(&open, &hkey, &to);
    let mut unstake = ixs::payout::stake_unstake_request(&hkey, staked);
    unstake.accounts[1].pubkey = stake;
    withdraw.accounts[3].pubkey = stake;
    w.step(&heir, unstake, &[]);
    w.svm.advance_time(7 * 24 * 3600);
    w.step(&heir, withdraw, &[]);
    let mut close = ixs::payout::stake_close(&hkey);
    close.accounts[0].pubkey = stake;
    rec.record(PAYOUT, "stake_close", "empty", w.svm.run(&heir, close, &[]));
}

pub fn registries(rec: &mut Recorder) {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let key = curator.pubkey();
    let args = DatanetCreateArgs {
        id: 1,
        name: "medical-qa".into(),
        uri: "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi".into(),
        policy: DatanetPolicy::Curated,
        bond: BondPolicy::default(),
    };
    let r = w.svm.run(&curator, ixs::datanet::create(&key, args), &[]);
    rec.record(DATANET, "datanet_create", "curated", r);
    let datanet = pda::datanet(&key, 1);
    let args = DatanetUpdateArgs {
        uri: Some("ipfs://medical-qa-v2".into()),
        policy: Some(DatanetPolicy::Curated),
        bond: None,
    };
    let r = w.svm.run(&curator, ixs::datanet::update(&datanet, &key, args), &[]);
    rec.record(DATANET, "datanet_update", "uri and policy", r);
    let next = w.wallet();
    let r = w.svm.run(&curator, ixs::datanet::authority_propose(&datanet, &key, Some(next.pubkey())), &[]);
    rec.record(DATANET, "datanet_authority_propose", "propose", r);
    let r = w.svm.run(&next, ixs::datanet::authority_accept(&datanet, &next.pubkey()), &[]);
    rec.record(DATANET, "datanet_authority_accept", "accept", r);
    let r = w.svm.run(&next, ixs::datanet::authority_propose(&datanet, &next.pubkey(), Some(key)), &[]);
    rec.record(DATANET, "datanet_authority_propose", "propose back", r);
    let r = w.svm.run(&curator, ixs::datanet::authority_accept(&datanet, &key), &[]);
    rec.record(DATANET, "datanet_authority_accept", "accept back", r);

    let contributor = w.wallet();
    let ckey = contributor.pubkey();
    let mut submitted = Vec::new();
    for (i, text) in ["clinical note 1", "clinical note 2", "clinical note 3"].iter().enumerate() {
        let r = w.svm.run(
            &contributor,
            ixs::datanet::contribution_submit(&datanet, &ckey, submit_args(text.as_bytes())),
            &[],
        );
        rec.record(DATANET, "contribution_submit", if i == 0 { "curated, first" } else { "curated" }, r);
        submitted.push(pda::contribution(&datanet, &content_hash(text.as_bytes())));
    }
    let withdraw = ixs::datanet::contribution_withdraw(&datanet, &submitted[2], &ckey, &ckey);
    let r = w.svm.run(&contributor, withdraw, &[]);
    rec.record(DATANET, "contribution_withdraw", "pending", r);
    let accept = ReviewDecision::Accept { weight: 40 };
    let r = w.svm.run(&curator, ixs::datanet::contribution_review(&datanet, &submitted[0], &key, accept), &[]);
    rec.record(DATANET, "contribution_review", "accept", r);
    let reject = ReviewDecision::Reject { reason: 3 };
    let r = w.svm.run(&curator, ixs::datanet::contribution_review(&datanet, &submitted[1], &key, reject), &[]);
    rec.record(DATANET, "contribution_review", "reject", r);
    let clear = ixs::datanet::contribution_withdraw(&datanet, &submitted[1], &ckey, &key);
    let r = w.svm.run(&curator, clear, &[]);
    rec.record(DATANET, "contribution_withdraw", "rejected, cleared by the curator", r);
    let open = w.datanet(&curator, 2, DatanetPolicy::Open { weight: 1 });
    let r = w.svm.run(&contributor, ixs::datanet::contribution_submit(&open, &ckey, submit_args(b"open sample")), &[]);
    rec.record(DATANET, "contribution_submit", "open (accepted at once)", r);
    let args = DatanetVersionPublishArgs { number: 1, contributions_root: [7; 32], uri: "ipfs://manifest-v1".into() };
    let r = w.svm.run(&curator, ixs::datanet::version_publish(&datanet, &key, args), &[]);
    rec.record(DATANET, "datanet_version_publish", "v1", r);

    let owner = w.wallet();
    let okey = owner.pubkey();
    let r = w.svm.run(&owner, ixs::model::create(&okey, None, model_args(1, ModelKind::Base)), &[]);
    rec.record(MODEL, "model_create", "base", r);
    let base = pda::model(&okey, 1);
    let version_entry = datanet_entry(datanet, pda::datanet_version(&datanet, 1), 5_000);
    let args = ModelLineageSetArgs { entries: vec![version_entry], owner_share_bps: 4_000, operator_share_bps: 1_000 };
    let r = w.svm.run(&owner, ixs::model::lineage_set(&base, &okey, args), &[]);
    rec.record(MODEL, "model_lineage_set", "1 datanet version", r);
    let r = w.svm.run(&owner, ixs::model::publish(&base, &okey, None), &[]);
    rec.record(MODEL, "model_publish", "1 entry", r);
    let r = w.svm.run(&owner, ixs::model::price_set(&base, &okey, 2_500_000), &[]);
    rec.record(MODEL, "model_price_set", "published", r);

    let builder = w.wallet();
    let bkey = builder.pubkey();
    let r = w.svm.run(&builder, ixs::model::create(&bkey, Some(base), model_args(1, ModelKind::Adapter)), &[]);
    rec.record(MODEL, "model_create", "adapter", r);
    let adapter = pda::model(&bkey, 1);
    let datanets: Vec<(Pubkey, Pubkey)> = (10..17)
        .map(|id| {
            let datanet = w.datanet(&curator, id, DatanetPolicy::Open { weight: 1 });
            w.contribute(&datanet, &contributor, format!("sample of {id}").as_bytes());
            (datanet, w.publish_version(&curator, &datanet))
        })
        .collect();
    let mut entries = vec![model_entry(base, 1_000)];
    entries.extend(datanets.iter().map(|(d, v)| datanet_entry(*d, *v, 1_000)));
    let args = ModelLineageSetArgs { entries, owner_share_bps: 1_000, operator_share_bps: 1_000 };
    let r = w.svm.run(&builder, ixs::model::lineage_set(&adapter, &bkey, args), &[]);
    rec.record(MODEL, "model_lineage_set", "8 entries", r);
    let r = w.svm.run(&builder, ixs::model::publish(&adapter, &bkey, None), &[]);
    rec.record(MODEL, "model_publish", "8 entries", r);
    let r = w.svm.run(&builder, ixs::model::retire(&adapter, &bkey), &[]);
    rec.record(MODEL, "model_retire", "published", r);

    let operator = w.wallet();
    let pkey = operator.pubkey();
    let r = w.svm.run(&operator, ixs::model::operator_register(&pkey, "https://inference.example/v1"), &[]);
    rec.record(MODEL, "operator_register", "register", r);
    let r = w.svm.run(&operator, ixs::model::operator_deactivate(&pkey), &[]);
    rec.record(MODEL, "operator_deactivate", "active", r);
    let r = w.svm.run(&operator, ixs::model::operator_update(&pkey, "https://inference.example/v2"), &[]);
    rec.record(MODEL, "operator_update", "resume", r);
}

pub fn payout(rec: &mut Recorder) {
    for program in [TokenProgram::Token, TokenProgram::Token2022] {
        let mut svm = crate::Svm::new();
        let deployer = svm.upgrade_authority.insecure_clone();
        let mint = svm.create_mint(&deployer, 9, program);
        let args = ConfigInitArgs {
            authority: deployer.pubkey(),
            treasury: deployer.pubkey(),
            protocol_fee_bps: 250,
            min_operator_stake: 1_000 * OPEN,
            unstake_cooldown_secs: 7 * 24 * 3600,
            epoch_timing: crate::world::EPOCH_TIMING,
        };
        let r = svm.run(&deployer, ixs::payout::config_init(&deployer.pubkey(), &mint, &program.id(), args), &[]);
        let case = match program {
            TokenProgram::Token => "token",
            TokenProgram::Token2022 => "token-2022",
        };
        rec.record(PAYOUT, "config_init", case, r);
    }

    let mut w = World::new(TokenProgram::Token);
    let gov = w.governance.insecure_clone();
    let gkey = gov.pubkey();
    let delay = TIMELOCK_DELAY_BOUNDS.0;
    let update =
        GovernanceAction::Update { change: ConfigUpdateArgs { protocol_fee_bps: Some(300), ..Default::default() } };
    let r = w.svm.run(&gov, ixs::payout::action_queue(&gkey, 0, update.clone()), &[]);
    rec.record(PAYOUT, "action_queue", "parameter change", r);
    w.svm.advance_time(delay);
    let r = w.svm.run(&gov, ixs::payout::action_execute(0, &gkey), &[]);
    rec.record(PAYOUT, "action_execute", "parameter change", r);
    let r = w.svm.run(&gov, ixs::payout::config_pause(&gkey, true), &[]);
    rec.record(PAYOUT, "config_pause", "pause", r);
    w.step(&gov, ixs::payout::config_pause(&gkey, false), &[]);
    let next = w.wallet();
    let set_role = GovernanceAction::SetRole { role: Role::Admin, key: next.pubkey() };
    let r = w.svm.run(&gov, ixs::payout::action_queue(&gkey, 1, set_role), &[]);
    rec.record(PAYOUT, "action_queue", "role change", r);
    w.svm.advance_time(delay);
    let r = w.svm.run(&gov, ixs::payout::action_execute(1, &gkey), &[]);
    rec.record(PAYOUT, "action_execute", "role change", r);
    let r = w.svm.run(&next, ixs::payout::role_accept(&next.pubkey(), Role::Admin), &[]);
    rec.record(PAYOUT, "role_accept", "admin", r);
    // `next` is the admin now; `gov` stays the guardian and cancels.
    w.step(&next, ixs::payout::action_queue(&next.pubkey(), 2, update), &[]);
    let r = w.svm.run(&gov, ixs::payout::action_cancel(&gkey, 2, &next.pubkey(), None), &[]);
    rec.record(PAYOUT, "action_cancel", "by the guardian", r);

    let operator = w.wallet();
    let okey = operator.pubkey();
    w.step(&operator, ixs::model::operator_register(&okey, "https://inference.example/v1"), &[]);
    let r = w.svm.run(&operator, ixs::payout::stake_init(&okey), &[]);
    rec.record(PAYOUT, "stake_init", "new", r);
    let source = w.fund(&okey, 2_000 * OPEN);
    let open = w.open;
    let r = w.svm.run(&operator, ixs::payout::stake_deposit(&open, &okey, &source, 1_500 * OPEN), &[]);
    rec.record(PAYOUT, "stake_deposit", "first", r);
    let r = w.svm.run(&operator, ixs::payout::stake_unstake_request(&okey, 500 * OPEN), &[]);
    rec.record(PAYOUT, "stake_unstake_request", "partial", r);
    w.svm.advance_time(7 * 24 * 3600);
    let r = w.svm.run(&operator, ixs::payout::stake_withdraw(&open, &okey, &source), &[]);
    rec.record(PAYOUT, "stake_withdraw", "after cooldown", r);
    let r = w.svm.run(&operator, ixs::payout::earnings_init(&okey, &okey, EarningsRole::Operator), &[]);
    rec.record(PAYOUT, "earnings_init", "operator", r);

    fan_out(rec, &mut w, &operator);

    // `next` became the config's admin above.
    let slash = GovernanceAction::Slash { stake: pda::stake(&okey), amount: 100 * OPEN, reason: 1 };
    let r = w.svm.run(&next, ixs::payout::action_queue(&next.pubkey(), 3, slash), &[]);
    rec.record(PAYOUT, "action_queue", "slash", r);
    w.svm.advance_time(delay);
    let treasury = w.treasury.pubkey();
    let r = w.svm.run(&next, ixs::payout::stake_slash(&open, 3, &next.pubkey(), &treasury, &okey), &[]);
    rec.record(PAYOUT, "stake_slash", "queued, from active", r);
}

/// Contributions of one datanet, submitted in batches (accepted at once: open policy) up to
/// `target`. The first of each datanet is `star`'s, so that one wallet has a position in every
/// datanet and version for the all-positions claim.
struct Filler {
    wallets: Vec<Keypair>,
    accepted: u64,
}

impl Filler {
    fn fill(&mut self, w: &mut World, datanet: &Pubkey, target: u64) {
        while self.accepted < target {
            if self.accepted.is_multiple_of(500) && self.accepted > 0 {
                self.wallets.push(w.wallet());
            }
            let wallet = self.wallets.last().expect("a wallet").insecure_clone();
            let batch = (target - self.accepted).min(4);
            let submits: Vec<Instruction> = (0..batch)
                .map(|i| {
                    let content = format!("{datanet} contribution {}", self.accepted + i);
                    ixs::datanet::contribution_submit(datanet, &wallet.pubkey(), submit_args(content.as_bytes()))
                })
                .collect();
            w.svm.send(&wallet, &submits, &[]).expect("submit batch");
            self.accepted += batch;
        }
    }
}

fn pay(
    w: &mut World,
    payer: &Keypair,
    payer_token: &Pubkey,
    model: &Pubkey,
    operator: &Keypair,
) -> Result<Executed, Failed> {
    w.pay(payer, payer_token, model, operator, 3)
}

/// `inference_pay` with 1, 2, 4 and 8 lineage entries, each citing versions of 1, 100 and 10,000
/// contributions per datanet; then the claims (one position, and many in one instruction) and
/// the crank.
fn fan_out(rec: &mut Recorder, w: &mut World, operator: &Keypair) {
    let curator = w.wallet();
    let star = w.wallet();
    let mut datanets = Vec::new();
    for id in 0..8u64 {
        let args = DatanetCreateArgs {
            id,
            name: format!("datanet-{id}"),
            uri: format!("ipfs://datanet-{id}"),
            policy: DatanetPolicy::Open { weight: 1 },
            bond: BondPolicy::default(),
        };
        w.step(&curator, ixs::datanet::create(&curator.pubkey(), args), &[]);
        datanets.push(pda::datanet(&curator.pubkey(), id));
    }
    let owner = w.wallet();
    let r =
        w.svm.run(&owner, ixs::payout::earnings_init(&owner.pubkey(), &owner.pubkey(), EarningsRole::ModelOwner), &[]);
    rec.record(PAYOUT, "earnings_init", "model owner", r);
    let user = w.wallet();
    let user_token = w.fund(&user.pubkey(), 1_000_000 * OPEN);
    let mut fillers: Vec<Filler> =
        datanets.iter().map(|_| Filler { wallets: vec![star.insecure_clone()], accepted: 0 }).collect();
    let mut models = Vec::new();
    // Every (version, contribution) position of `star`: its first contribution of each datanet.
    let mut star_positions = Vec::new();
    for (stage, contributors) in CONTRIBUTOR_COUNTS.into_iter().enumerate() {
        let mut versions = Vec::new();
        for (i, (filler, datanet)) in fillers.iter_mut().zip(&datanets).enumerate() {
            filler.fill(w, datanet, contributors);
            let number = stage as u32 + 1;
            let args = DatanetVersionPublishArgs {
                number,
                contributions_root: [number as u8; 32],
                uri: format!("ipfs://manifest-v{number}"),
            };
            let version = pda::datanet_version(datanet, number);
            let first = pda::contribution(datanet, &content_hash(format!("{datanet} contribution 0").as_bytes()));
            let steps = [
                (DATANET, "datanet_version_publish", ixs::datanet::version_publish(datanet, &curator.pubkey(), args)),
                (PAYOUT, "pool_init", ixs::payout::pool_init(&curator.pubkey(), &version)),
                (PAYOUT, "position_enroll", ixs::payout::position_enroll(&star.pubkey(), &version, &first)),
            ];
            // Measured on the first datanet of each stage; the others only set up.
            for (program, instruction, ix) in steps {
                let payer = if instruction == "position_enroll" { &star } else { &curator };
                let r = w.svm.run(payer, ix, &[]);
                match i {
                    0 => rec.record(program, instruction, &format!("version of {contributors}"), r),
                    _ => r.unwrap_or_else(|f| panic!("{instruction}: {:?}", f.error)),
                };
            }
            star_positions.push((version, first));
            versions.push(version);
        }
        for lineage in LINEAGE_SIZES {
            let share = 8_000 / lineage as u16;
            let entries =
                datanets[..lineage].iter().zip(&versions).map(|(d, v)| datanet_entry(*d, *v, share)).collect();
            let leftover = 8_000 - share * lineage as u16;
            let shares = Shares { entries, owner_bps: 1_000 + leftover, operator_bps: 1_000 };
            let id = (stage * 10 + lineage) as u64;
            let model = w.model(&owner, id, ModelKind::FineTune, None, 1_000_003, shares);
            let r = pay(w, &user, &user_token, &model, operator);
            rec.record(PAYOUT, "inference_pay", &format!("lineage={lineage},contributors={contributors}"), r);
            if stage == 0 && lineage != 2 {
                let r = settle_channel(w, &user, &user_token, &model, operator, id);
                rec.record(PAYOUT, "channel_settle", &format!("lineage={lineage}"), r);
            }
            models.push((lineage, model));
        }
    }

    // Claims: one position, then several, then as many as fit in one transaction, all `star`'s.
    let to = w.fund(&star.pubkey(), 0);
    let open = w.open;
    let claim = |n: usize, positions: &[(Pubkey, Pubkey)]| {
        ixs::payout::position_claim(&open, &star.pubkey(), &to, &positions[..n])
    };
    let mut fits = 1;
    while fits < star_positions.len()
        && crate::tx_size(&star, &[claim(fits + 1, &star_positions)]) <= crate::MAX_TX_SIZE
    {
        fits += 1;
    }
    assert!(fits + 5 <= star_positions.len(), "the bench needs more positions than fit in one transaction");
    let mut rest = &star_positions[..];
    for n in [1, 4, fits] {
        let r = w.svm.run(&star, claim(n, rest), &[]);
        let case = match n {
            1 => "1 position".to_string(),
            n if n == fits => format!("{n} positions (largest that fits)"),
            n => format!("{n} positions"),
        };
        rec.record(PAYOUT, "position_claim", &case, r);
        rest = &rest[n..];
    }
    // A handover: `star` gives its first contribution to a new wallet, whose position follows.
    let heir = w.wallet();
    let (version, first) = star_positions[0];
    let propose = ixs::datanet::contribution_transfer_propose(&first, &star.pubkey(), Some(heir.pubkey()));
    let r = w.svm.run(&star, propose, &[]);
    rec.record(DATANET, "contribution_transfer_propose", "propose", r);
    let r = w.svm.run(&heir, ixs::datanet::contribution_transfer_accept(&first, &heir.pubkey()), &[]);
    rec.record(DATANET, "contribution_transfer_accept", "accept", r);
    let r = w.svm.run(&heir, ixs::payout::position_sync(&version, &first), &[]);
    rec.record(PAYOUT, "position_sync", "after a handover", r);

    let to = w.fund(&operator.pubkey(), 0);
    let r = w.claim_earnings(operator, EarningsRole::Operator, &to);
    rec.record(PAYOUT, "earnings_claim", "operator", r);

    // The crank, for an upstream model with 1 and 8 lineage entries.
    for (lineage, upstream) in [&models[0], &models[3]] {
        let tune_owner = w.wallet();
        let shares = Shares { entries: vec![model_entry(*upstream, 3_000)], owner_bps: 6_000, operator_bps: 1_000 };
        let tune = w.model(&tune_owner, 1, ModelKind::Adapter, Some(*upstream), 1_000_003, shares);
        pay(w, &user, &user_token, &tune, operator).expect("pay the adapter");
        let r = w.distribute(&user.insecure_clone(), upstream);
        rec.record(PAYOUT, "escrow_distribute", &format!("lineage={lineage}"), r);
    }
    let extra = w.wallet();
    w.step(&extra, ixs::model::create(&extra.pubkey(), None, model_args(1, ModelKind::Base)), &[]);
    let r = w.svm.run(&extra, ixs::payout::escrow_init(&extra.pubkey(), &pda::model(&extra.pubkey(), 1)), &[]);
    rec.record(PAYOUT, "escrow_init", "new", r);

    // A payment channel's life (last: the close waits out the dispute window).
    let (_, model) = models[0];
    let args = ChannelOpenArgs {
        id: 1_000,
        deposit: 100 * 1_000_003,
        max_price_per_call: 1_000_003,
        expires_at: w.svm.clock().unix_timestamp + 86_400,
        signer: user.pubkey(),
        nonce: [7; 32],
    };
    let operator_account = pda::operator(&operator.pubkey());
    let r = w.svm.run(
        &user,
        ixs::payout::channel_open(&open, &user.pubkey(), &user_token, &model, &operator_account, args),
        &[],
    );
    rec.record(PAYOUT, "channel_open", "deposit", r);
    let channel = pda::channel(&user.pubkey(), 1_000);
    let r = w.svm.run(&user, ixs::payout::channel_top_up(&open, &user.pubkey(), &user_token, &channel, 1_000_003), &[]);
    rec.record(PAYOUT, "channel_top_up", "top-up", r);
    let r = w.svm.run(&user, ixs::payout::channel_close_request(&user.pubkey(), &channel), &[]);
    rec.record(PAYOUT, "channel_close_request", "payer", r);
    w.svm.advance_time(CHANNEL_DISPUTE_WINDOW_SECS + 1);
    let r = w.svm.run(&user, ixs::payout::channel_close(&open, &user.pubkey(), &user_token, &channel), &[]);
    rec.record(PAYOUT, "channel_close", "refund", r);
}

/// A channel of `user` for `model` (its `id`), then the settlement of a 3-call voucher signed by
/// an agent key, as the operator sends it.
fn settle_channel(
    w: &mut World,
    user: &Keypair,
    user_token: &Pubkey,
    model: &Pubkey,
    operator: &Keypair,
    id: u64,
) -> Result<Executed, Failed> {
    let agent = w.wallet();
    let channel =
        w.open_channel(user, user_token, model, &operator.pubkey(), id, 100 * 1_000_003, 86_400, &agent.pubkey());
    let voucher = Voucher { sequence: 1, calls: 3, amount: 3 * 1_000_003, running_hash: [1; 32] };
    let ixs = w.settle_instructions(&channel, voucher, &agent, &operator.pubkey());
    w.svm.send(operator, &ixs, &[])
}

/// Proof of Attribution: a paid inference into an epoch, the root, claims at proof depths 1, 10
/// and 14 (trees of 2, 1,000 and 12,000 leaves), a release, the closes.
pub fn epochs(rec: &mut Recorder) {
    use crate::world::EPOCH_TIMING;
    use attribution_payout::instructions::{AttributionClaimArgs, AttributionRootPostArgs, ChallengeOutcome};
    use attribution_payout::state::Epoch;
    use poa_merkle::{leaf, Tree};

    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let datanet = w.datanet(&curator, 1, DatanetPolicy::Open { weight: 1 });
    let contributor = w.wallet();
    let c = w.contribute(&datanet, &contributor, b"sample");
    let version = w.publish_version(&curator, &datanet);
    w.enroll(&contributor, &version, &c);
    let attestor = w.wallet();
    w.operator(&attestor, 1_000 * OPEN);
    let approve = ixs::datanet::attestor_approve(&datanet, &curator.pubkey(), &attestor.pubkey());
    rec.record(DATANET, "datanet_attestor_approve", "new", w.svm.run(&curator, approve, &[]));
    let user = w.wallet();
    let user_token = w.fund(&user.pubkey(), 1_000_000 * OPEN);
    let cranker = w.wallet();
    let index = w.epoch_index();

    // One model per tree size, each with one proof-attributed datanet entry of 40 %.
    let mut models = Vec::new();
    for (id, leaves) in [(1u64, 2usize), (2, 1_000), (3, 12_000)] {
        let owner = w.wallet();
        let mut entry = datanet_entry(datanet, version, 4_000);
        entry.proof_attributed = true;
        let shares = Shares { entries: vec![entry], owner_bps: 5_000, operator_bps: 1_000 };
        let model = w.model_attested(&owner, id, ModelKind::Base, None, 100 * OPEN, shares, Some(attestor.pubkey()));
        let open = ixs::payout::epoch_open(&user.pubkey(), &model, index);
        let r = w.svm.run(&user, open, &[]);
        rec.record(PAYOUT, "epoch_open", "new epoch", r);
        let ixs = w.pay_instructions(&user.pubkey(), &user_token, &model, &attestor.pubkey(), 1, Request::numbered(id));
        let r = w.svm.send(&user, &ixs[1..], &[&attestor]);
        rec.record(PAYOUT, "inference_pay", "lineage=1 proof-attributed", r);
        models.push((model, leaves));
    }
    let end = (index as i64 + 1) * EPOCH_TIMING.epoch_length_secs;
    w.svm.advance_time(end - w.svm.clock().unix_timestamp);

    let mut trees = Vec::new();
    for (model, leaves) in &models {
        // Leaf 0 is the real contribution, the others deterministic stand-ins (never claimed).
        let contributions: Vec<Pubkey> = std::iter::once(c)
            .chain((1..*leaves as u64).map(|i| Pubkey::new_from_array(poa_merkle::output_hash(&i.to_le_bytes()))))
            .collect();
        let hashes: Vec<[u8; 32]> =
            contributions.iter().map(|k| leaf(&model.to_bytes(), index, &k.to_bytes(), 1)).collect();
        let tree = Tree::new(&hashes);
        let epoch: Epoch = w.svm.get(&pda::epoch(model, index));
        let args = AttributionRootPostArgs {
            root: tree.root(),
            total: *leaves as u64,
            leaf_count: *leaves as u64,
            records_hash: epoch.records_hash,
            inputs_hash: [7; 32],
            inputs_uri: "https://attestor.example/epochs/1/inputs.json".into(),
        };
        let bond_from = w.open_ata(&attestor.pubkey(), 1_000 * OPEN);
        let open = w.open;
        let post = ixs::payout::attribution_root_post(
            &open,
            (&attestor.pubkey(), &bond_from),
            model,
            index,
            (&datanet, &version),
            args,
        );
        let r = w.svm.run(&attestor, post, &[]);
        rec.record(PAYOUT, "attribution_root_post", &format!("leaves={leaves}"), r);
        trees.push((model, tree));
    }
    w.svm.advance_time(EPOCH_TIMING.challenge_window_secs);
    let open = w.open;
    let destination = w.fund(&contributor.pubkey(), 0);
    for (model, tree) in &trees {
        let proof = tree.proof(0).expect("a leaf");
        let depth = proof.len();
        let args = AttributionClaimArgs { amount: 1, proof };
        let ix = ixs::payout::attribution_claim(&open, &cranker.pubkey(), model, index, &c, &destination, args);
        let r = w.svm.run(&cranker, ix, &[]);
        rec.record(PAYOUT, "attribution_claim", &format!("depth={depth}"), r);
    }
    w.svm.advance_time(EPOCH_TIMING.claim_window_secs);
    let (model, _) = &trees[0];
    let bond_to = w.open_ata(&attestor.pubkey(), 0);
    let close = ixs::payout::attestation_close(&open, (model, index), &attestor.pubkey(), &bond_to);
    let r = w.svm.run(&cranker, close, &[]);
    rec.record(PAYOUT, "attestation_close", "claims open", r);
    let r = w.svm.run(&cranker, ixs::payout::epoch_close(model, index, &version, &user.pubkey()), &[]);
    rec.record(PAYOUT, "epoch_close", "after the claim period", r);
    let r = w.svm.run(&cranker, ixs::payout::receipt_close(&pda::epoch(model, index), &c, &cranker.pubkey()), &[]);
    rec.record(PAYOUT, "receipt_close", "closed epoch", r);

    // An epoch nobody attests: released after the deadline.
    let (model, _) = models[1];
    let next = w.epoch_index();
    let ixs = w.pay_instructions(&user.pubkey(), &user_token, &model, &attestor.pubkey(), 1, Request::numbered(9));
    w.svm.send(&user, &ixs, &[&attestor]).expect("pay");
    let end = (next as i64 + 1) * EPOCH_TIMING.epoch_length_secs + EPOCH_TIMING.root_deadline_secs;
    w.svm.advance_time(end - w.svm.clock().unix_timestamp);
    let r = w.svm.run(&cranker, ixs::payout::attribution_release(&model, next, &version), &[]);
    rec.record(PAYOUT, "attribution_release", "no root by the deadline", r);

    // Posted roots of the three models in one epoch: governance vetoes the first; the second is
    // challenged, dismissed, challenged again and upheld; the third's challenge expires.
    let last = w.epoch_index();
    for (i, (model, _)) in models.iter().enumerate() {
        let request = Request::numbered(10 + i as u64);
        let ixs = w.pay_instructions(&user.pubkey(), &user_token, model, &attestor.pubkey(), 1, request);
        w.svm.send(&user, &ixs, &[&attestor]).expect("pay");
    }
    let end = (last as i64 + 1) * EPOCH_TIMING.epoch_length_secs;
    w.svm.advance_time(end - w.svm.clock().unix_timestamp);
    let bond_from = w.open_ata(&attestor.pubkey(), 1_000 * OPEN);
    for (model, _) in &models {
        let epoch: Epoch = w.svm.get(&pda::epoch(model, last));
        let args = AttributionRootPostArgs {
            root: [1; 32],
            total: epoch.accrued,
            leaf_count: 1,
            records_hash: epoch.records_hash,
            inputs_hash: [7; 32],
            inputs_uri: "https://attestor.example/epochs/3/inputs.json".into(),
        };
        let post = ixs::payout::attribution_root_post(
            &open,
            (&attestor.pubkey(), &bond_from),
            model,
            last,
            (&datanet, &version),
            args,
        );
        w.step(&attestor, post, &[]);
    }
    let gov = w.governance.insecure_clone();
    let r = w.svm.run(&gov, ixs::payout::attribution_root_veto(&gov.pubkey(), &models[0].0, last, &version, 1), &[]);
    rec.record(PAYOUT, "attribution_root_veto", "in the challenge window", r);

    let config: attribution_payout::state::Config = w.svm.get(&pda::config());
    let challenger = w.wallet();
    let challenger_token = w.open_ata(&challenger.pubkey(), 3 * config.challenge.challenge_bond);
    let by = (&challenger.pubkey(), &challenger_token);
    let end = |w: &mut World, signer: &Keypair, model: &Pubkey, outcome| {
        let ix = ixs::payout::epoch_challenge_end(
            &open,
            &signer.pubkey(),
            (model, last),
            &version,
            &challenger_token,
            outcome,
        );
        w.svm.run(signer, ix, &[])
    };
    let (second, third) = (models[1].0, models[2].0);
    let r = w.svm.run(&challenger, ixs::payout::epoch_challenge(&open, by, &second, last, [2; 32]), &[]);
    rec.record(PAYOUT, "epoch_challenge", "in the challenge window", r);
    let r = end(&mut w, &gov, &second, ChallengeOutcome::Dismissed);
    rec.record(PAYOUT, "epoch_challenge_end", "dismissed", r);
    w.step(&challenger, ixs::payout::epoch_challenge(&open, by, &second, last, [2; 32]), &[]);
    let r = end(&mut w, &gov, &second, ChallengeOutcome::Upheld);
    rec.record(PAYOUT, "epoch_challenge_end", "upheld", r);
    w.step(&challenger, ixs::payout::epoch_challenge(&open, by, &third, last, [3; 32]), &[]);
    w.svm.advance_time(config.challenge.resolve_window_secs);
    let r = end(&mut w, &cranker, &third, ChallengeOutcome::Expired);
    rec.record(PAYOUT, "epoch_challenge_end", "expired", r);
    let (key, attestor_key) = (curator.pubkey(), attestor.pubkey());
    let revoke = ixs::datanet::attestor_revoke(&datanet, &key, &attestor_key, &key);
    rec.record(DATANET, "datanet_attestor_revoke", "", w.svm.run(&curator, revoke, &[]));
}

/// What the accumulator replaces: one `transfer_checked` per recipient in one transaction, for
/// N = 1, 8, 16 and the largest N whose transaction fits in 1,232 bytes.
pub fn push_baseline(rec: &mut Recorder) -> usize {
    let mut w = World::new(TokenProgram::Token);
    let payer = w.wallet();
    let source = w.fund(&payer.pubkey(), 1_000_000 * OPEN);
    let Open { mint, token_program } = w.open;
    let transfers = |w: &mut World, n: usize| -> Vec<Instruction> {
        (0..n)
            .map(|_| {
                let to = w.fund(&Keypair::new().pubkey(), 0);
                anchor_spl::token_2022::spl_token_2022::instruction::transfer_checked(
                    &token_program,
                    &source,
                    &mint,
                    &to,
                    &payer.pubkey(),
                    &[],
                    1,
                    9,
                )
                .expect("transfer_checked")
            })
            .collect()
    };
    let mut largest = 1;
    while crate::tx_size(&payer, &transfers(&mut w, largest + 1)) <= crate::MAX_TX_SIZE {
        largest += 1;
    }
    for n in [1, 8, 16, largest] {
        let ixs = transfers(&mut w, n);
        let r = w.svm.send(&payer, &ixs, &[]);
        let case = if n == largest { format!("recipients={n} (largest that fits)") } else { format!("recipients={n}") };
        rec.record("spl_token", "transfer_checked × N (push baseline)", &case, r);
    }
    largest
}
