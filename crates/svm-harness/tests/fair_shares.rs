//! Fair shares on the built programs: a fee reaches exactly the contributions of the version a
//! model cites. Each attack of issue 14 is mounted with its honest twin (the same call with the
//! right contribution or timing succeeds), and balances are checked after it.
use anchor_lang::prelude::Pubkey;
use attribution_payout::errors::PayoutError;
use attribution_payout::instructions::AttributionRootPostArgs;
use attribution_payout::state::{Epoch, Pool};
use datanet_registry::errors::DatanetError;
use datanet_registry::instructions::{ContributionSubmitArgs, ReviewDecision};
use datanet_registry::state::{Contribution, DatanetPolicy};
use model_registry::state::ModelKind;
use svm_harness::token::TokenProgram;
use svm_harness::world::{
    content_hash, datanet_entry, model_entry, Request, Shares, World, EPOCH_TIMING, INPUTS_URI, OPEN,
};
use svm_harness::{assert_error, ixs, pda, Keypair, Signer};

/// An open datanet (every submission accepted at once, weight 1) whose first version holds three
/// honest contributions, a model citing it, a staked operator and a funded user.
struct Economy {
    w: World,
    curator: Keypair,
    datanet: Pubkey,
    v1: Pubkey,
    honest: Vec<(Keypair, Pubkey)>,
    model: Pubkey,
    operator: Keypair,
    user: Keypair,
    user_token: Pubkey,
}

fn economy(policy: DatanetPolicy) -> Economy {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let datanet = w.datanet(&curator, 1, policy);
    let honest: Vec<(Keypair, Pubkey)> = (0..3)
        .map(|i| {
            let contributor = w.wallet();
            let c = w.contribute(&datanet, &contributor, format!("honest sample {i}").as_bytes());
            if policy == DatanetPolicy::Curated {
                w.accept(&datanet, &curator, &c, 1);
            }
            (contributor, c)
        })
        .collect();
    let v1 = w.publish_version(&curator, &datanet);
    let owner = w.wallet();
    let shares = Shares { entries: vec![datanet_entry(datanet, v1, 5_000)], owner_bps: 4_000, operator_bps: 1_000 };
    let model = w.model(&owner, 1, ModelKind::Base, None, OPEN, shares);
    let operator = w.wallet();
    w.operator(&operator, 1_000 * OPEN);
    let user = w.wallet();
    let user_token = w.fund(&user.pubkey(), 1_000_000 * OPEN);
    Economy { w, curator, datanet, v1, honest, model, operator, user, user_token }
}

impl Economy {
    fn pay(&mut self, model: &Pubkey, calls: u64) {
        let (user, operator) = (self.user.insecure_clone(), self.operator.insecure_clone());
        self.w.pay(&user, &self.user_token.clone(), model, &operator, calls).expect("payment");
    }

    fn credited(&self, version: &Pubkey) -> u64 {
        self.w.svm.get::<Pool>(&pda::pool(version)).total_credited
    }

    /// Every honest contributor enrols (late: after the credits) and claims; returns what each got.
    fn honest_enrol_and_claim(&mut self, version: &Pubkey) -> Vec<u64> {
        let honest: Vec<(Keypair, Pubkey)> = self.honest.iter().map(|(k, c)| (k.insecure_clone(), *c)).collect();
        honest
            .iter()
            .map(|(contributor, c)| {
                if self.w.svm.account(&pda::position(&pda::pool(version), c)).is_none() {
                    self.w.enroll(contributor, version, c);
                }
                let to = self.w.fund(&contributor.pubkey(), 0);
                self.w.claim_position(contributor, version, c, &to).expect("honest claim");
                self.w.svm.token_balance(&to)
            })
            .collect()
    }
}

/// Three equal weights share `credited`: each gets its third, rounded down, and nothing is paid
/// that was not credited.
fn assert_thirds(got: &[u64], credited: u64) {
    for g in got {
        assert!(*g <= credited / 3 && credited / 3 - g <= 1, "{g} of {credited}");
    }
    assert!(got.iter().sum::<u64>() <= credited);
}

fn junk(i: u64) -> ContributionSubmitArgs {
    let content = format!("random junk {i}");
    ContributionSubmitArgs { content_hash: content_hash(content.as_bytes()), uri: "ipfs://junk".into(), size: 1 }
}

#[test]
fn the_first_enrolment_takes_nothing_that_waited() {
    let mut e = economy(DatanetPolicy::Open { weight: 1 });
    let model = e.model;
    e.pay(&model, 100);
    let credited = e.credited(&e.v1);
    assert!(credited > 0);

    // The sniper: junk submitted (accepted at once) and enrolled in the waiting pool, in one
    // transaction. The junk is not in the version the model cites.
    let sniper = e.w.wallet();
    let submit = ixs::datanet::contribution_submit(&e.datanet, &sniper.pubkey(), junk(1));
    let junk_key = pda::contribution(&e.datanet, &junk(1).content_hash);
    let enrol = ixs::payout::position_enroll(&sniper.pubkey(), &e.v1, &junk_key);
    assert_error(e.w.svm.send(&sniper, &[submit.clone(), enrol.clone()], &[]), PayoutError::NotInVersion);
    let pool: Pool = e.w.svm.get(&pda::pool(&e.v1));
    assert_eq!((pool.positions, pool.total_claimed, pool.total_credited), (0, 0, credited));

    // The junk can join a later version, and a position there is the honest twin of the enrolment:
    // it succeeds, but no fee paid to a model citing v1 ever reaches it.
    e.w.svm.send(&sniper, &[submit], &[]).expect("junk submitted");
    let curator = e.curator.insecure_clone();
    let v2 = e.w.publish_version(&curator, &e.datanet);
    e.w.enroll(&sniper, &v2, &junk_key);
    e.pay(&model, 50);
    let sniper_token = e.w.fund(&sniper.pubkey(), 0);
    assert_error(e.w.claim_position(&sniper, &v2, &junk_key, &sniper_token), PayoutError::NothingToClaim);
    assert_eq!(e.w.svm.token_balance(&sniper_token), 0);

    // The honest contributors enrol after both payments and take everything, in thirds.
    let credited = e.credited(&e.v1);
    let got = e.honest_enrol_and_claim(&e.v1.clone());
    assert_thirds(&got, credited);
}

#[test]
fn weight_added_just_before_a_lump_credit_gets_none_of_it() {
    let mut e = economy(DatanetPolicy::Open { weight: 1 });
    let (datanet, v1) = (e.datanet, e.v1);
    let sniper = e.w.wallet();
    let sybils: Vec<Pubkey> = (0..40u64)
        .map(|i| {
            e.w.step(&sniper, ixs::datanet::contribution_submit(&datanet, &sniper.pubkey(), junk(i)), &[]);
            pda::contribution(&datanet, &junk(i).content_hash)
        })
        .collect();
    let sybil_enrol = |e: &mut Economy| {
        for s in &sybils[..2] {
            let ix = ixs::payout::position_enroll(&sniper.pubkey(), &v1, s);
            assert_error(e.w.svm.run(&sniper, ix, &[]), PayoutError::NotInVersion);
        }
    };

    // 1. escrow_distribute: an adapter's fees wait in the cited base model's escrow.
    let builder = e.w.wallet();
    let shares = Shares { entries: vec![model_entry(e.model, 3_000)], owner_bps: 6_000, operator_bps: 1_000 };
    let adapter = e.w.model(&builder, 1, ModelKind::Adapter, Some(e.model), OPEN, shares);
    e.pay(&adapter, 200);
    sybil_enrol(&mut e);
    let before = e.credited(&v1);
    let cranker = e.w.wallet();
    e.w.distribute(&cranker, &e.model.clone()).expect("crank");
    assert!(e.credited(&v1) > before);
    sybil_enrol(&mut e);

    // 2. attribution_release and 3. epoch_close: a proof-attributed model citing v1.
    let attestor = e.w.wallet();
    e.w.operator(&attestor, 1_000 * OPEN);
    let curator = e.curator.insecure_clone();
    e.w.approve_attestor(&curator, &datanet, &attestor.pubkey());
    let owner = e.w.wallet();
    let mut entry = datanet_entry(datanet, v1, 4_000);
    entry.proof_attributed = true;
    let shares = Shares { entries: vec![entry], owner_bps: 5_000, operator_bps: 1_000 };
    let attested = e.w.model_attested(&owner, 7, ModelKind::Base, None, OPEN, shares, Some(attestor.pubkey()));
    let user = e.user.insecure_clone();
    let released = e.w.epoch_index();
    let pay =
        e.w.pay_instructions(&user.pubkey(), &e.user_token, &attested, &attestor.pubkey(), 100, Request::numbered(1));
    e.w.svm.send(&user, &pay, &[&attestor]).expect("pay into the epoch");
    let end = (released as i64 + 1) * EPOCH_TIMING.epoch_length_secs + EPOCH_TIMING.root_deadline_secs;
    e.w.svm.advance_time(end - e.w.svm.clock().unix_timestamp);
    sybil_enrol(&mut e);
    let before = e.credited(&v1);
    e.w.step(&cranker, ixs::payout::attribution_release(&attested, released, &v1), &[]);
    assert!(e.credited(&v1) > before);
    sybil_enrol(&mut e);

    let closed = e.w.epoch_index();
    let pay =
        e.w.pay_instructions(&user.pubkey(), &e.user_token, &attested, &attestor.pubkey(), 100, Request::numbered(2));
    e.w.svm.send(&user, &pay, &[&attestor]).expect("pay into the next epoch");
    let end = (closed as i64 + 1) * EPOCH_TIMING.epoch_length_secs;
    e.w.svm.advance_time(end - e.w.svm.clock().unix_timestamp);
    let epoch: Epoch = e.w.svm.get(&pda::epoch(&attested, closed));
    // A root allocating half of the epoch to a leaf nobody claims.
    let args = AttributionRootPostArgs {
        root: [3; 32],
        total: epoch.accrued / 2,
        leaf_count: 1,
        records_hash: epoch.records_hash,
        inputs_hash: [5; 32],
        inputs_uri: INPUTS_URI.into(),
    };
    let bond_from = e.w.open_ata(&attestor.pubkey(), 1_000 * OPEN);
    let open = e.w.open;
    let post = ixs::payout::attribution_root_post(
        &open,
        (&attestor.pubkey(), &bond_from),
        &attested,
        closed,
        (&datanet, &v1),
        args,
    );
    e.w.step(&attestor, post, &[]);
    e.w.svm.advance_time(EPOCH_TIMING.challenge_window_secs + EPOCH_TIMING.claim_window_secs);
    sybil_enrol(&mut e);
    let before = e.credited(&v1);
    e.w.step(&cranker, ixs::payout::attestation_close(&open, (&attested, closed), &attestor.pubkey(), &bond_from), &[]);
    e.w.step(&cranker, ixs::payout::epoch_close(&attested, closed, &v1, &user.pubkey()), &[]);
    // The allocated but unclaimed half comes back to v1's pool (the other half came at the post).
    assert_eq!(e.credited(&v1) - before, epoch.accrued / 2);
    sybil_enrol(&mut e);

    // Everything v1 was ever credited goes to its three contributors; the sybils got nothing.
    let credited = e.credited(&v1);
    let got = e.honest_enrol_and_claim(&v1);
    assert_thirds(&got, credited);
    for s in &sybils {
        assert!(e.w.svm.account(&pda::position(&pda::pool(&v1), s)).is_none());
    }
}

#[test]
fn a_curators_own_acceptance_after_a_model_cites_a_version_earns_nothing_from_it() {
    let mut e = economy(DatanetPolicy::Curated);
    let (datanet, v1, model) = (e.datanet, e.v1, e.model);
    let curator = e.curator.insecure_clone();
    let own = e.w.contribute(&datanet, &curator, b"the curator's own");
    e.w.accept(&datanet, &curator, &own, 1_000_000_000);
    e.pay(&model, 100);
    let ix = ixs::payout::position_enroll(&curator.pubkey(), &v1, &own);
    assert_error(e.w.svm.run(&curator, ix, &[]), PayoutError::NotInVersion);
    let credited = e.credited(&v1);
    let got = e.honest_enrol_and_claim(&v1);
    assert_thirds(&got, credited);

    // The honest twin: in the next version its weight counts, for the models that cite that one.
    let v2 = e.w.publish_version(&curator, &datanet);
    e.w.enroll(&curator, &v2, &own);
    let owner = e.w.wallet();
    let shares = Shares { entries: vec![datanet_entry(datanet, v2, 5_000)], owner_bps: 4_000, operator_bps: 1_000 };
    let citing_v2 = e.w.model(&owner, 2, ModelKind::Base, None, OPEN, shares);
    e.pay(&citing_v2, 10);
    let to = e.w.fund(&curator.pubkey(), 0);
    e.w.claim_position(&curator, &v2, &own, &to).expect("the curator's v2 share");
    let v2_credited = e.credited(&v2);
    let expected = (u128::from(v2_credited) * 1_000_000_000 / 1_000_000_003) as u64;
    assert!(e.w.svm.token_balance(&to) <= expected && expected - e.w.svm.token_balance(&to) <= 1);
    // And v1's contributors were not diluted: their v1 claims stand, nothing more is owed to them.
    assert_eq!(e.credited(&v1), credited);
}

#[test]
fn a_squatted_content_hash_is_cleared_by_the_curator_and_submitted_by_its_author() {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let datanet = w.datanet(&curator, 1, DatanetPolicy::Curated);
    let (author, squatter) = (w.wallet(), w.wallet());
    let content = b"the author's carefully written sample";
    let args = ContributionSubmitArgs {
        content_hash: content_hash(content),
        uri: "ipfs://author".into(),
        size: content.len() as u64,
    };
    let key = pda::contribution(&datanet, &args.content_hash);
    // The squatter saw the hash and front-ran the author.
    w.step(&squatter, ixs::datanet::contribution_submit(&datanet, &squatter.pubkey(), args.clone()), &[]);
    let ix = ixs::datanet::contribution_submit(&datanet, &author.pubkey(), args.clone());
    assert_error(w.svm.run(&author, ix.clone(), &[]), DatanetError::DuplicateContribution);
    // A pending squat cannot be cleared by the curator (only rejected), nor by a stranger.
    let clear = ixs::datanet::contribution_withdraw(&datanet, &key, &squatter.pubkey(), &curator.pubkey());
    assert_error(w.svm.run(&curator, clear.clone(), &[]), DatanetError::NotContributor);
    w.step(
        &curator,
        ixs::datanet::contribution_review(&datanet, &key, &curator.pubkey(), ReviewDecision::Reject { reason: 9 }),
        &[],
    );
    let stranger = w.wallet();
    let by_stranger = ixs::datanet::contribution_withdraw(&datanet, &key, &squatter.pubkey(), &stranger.pubkey());
    assert_error(w.svm.run(&stranger, by_stranger, &[]), DatanetError::NotContributor);
    // The curator clears it: the squatter's rent goes back to the squatter, none to the curator.
    let (rent, squatter_before, curator_before) =
        (w.svm.lamports(&key), w.svm.lamports(&squatter.pubkey()), w.svm.lamports(&curator.pubkey()));
    w.step(&curator, clear, &[]);
    assert!(w.svm.account(&key).is_none_or(|a| a.lamports == 0));
    assert_eq!(w.svm.lamports(&squatter.pubkey()), squatter_before + rent);
    assert!(w.svm.lamports(&curator.pubkey()) < curator_before, "the curator paid only its fee");
    // The author submits its content now, and it is the author's.
    w.step(&author, ix, &[]);
    let contribution: Contribution = w.svm.get(&key);
    assert_eq!(contribution.contributor, author.pubkey());
}

#[test]
fn pool_offsets_match_the_layout() {
    use anchor_lang::AccountSerialize;
    use attribution_payout::state::{pool_offset as at, read_bytes};
    let pool = Pool {
        version: 1,
        bump: 2,
        datanet: Pubkey::new_from_array([3; 32]),
        datanet_version: Pubkey::new_from_array([4; 32]),
        accepted_end: 5,
        total_weight: 6,
        enrolled_weight: 7,
        positions: 8,
        reward_per_weight: 9 << 70,
        carry: 10,
        total_credited: 11,
        total_claimed: 12,
        reserved: [0; 64],
    };
    let mut data = Vec::new();
    pool.try_serialize(&mut data).unwrap();
    assert_eq!(data[at::DATANET_VERSION..at::DATANET_VERSION + 32], [4; 32]);
    assert_eq!(u64::from_le_bytes(read_bytes(&data, at::TOTAL_WEIGHT)), 6);
    assert_eq!(u128::from_le_bytes(read_bytes(&data, at::REWARD_PER_WEIGHT)), 9 << 70);
    assert_eq!(u64::from_le_bytes(read_bytes(&data, at::CARRY)), 10);
    assert_eq!(u64::from_le_bytes(read_bytes(&data, at::TOTAL_CREDITED)), 11);
    assert_eq!(u64::from_le_bytes(read_bytes(&data, at::END)), 12);
}
