use anchor_lang::error::ErrorCode as Anchor;
use datanet_registry::errors::DatanetError;
use datanet_registry::events::ContributionSubmitted;
use datanet_registry::instructions::ContributionSubmitArgs;
use datanet_registry::state::{Contribution, ContributionStatus, Datanet, DatanetPolicy};
use solana_account::Account;
use svm_harness::token::TokenProgram;
use svm_harness::world::{content_hash, World};
use svm_harness::{assert_error, ixs, pda, with_metas, Signer};

fn args(content: &[u8]) -> ContributionSubmitArgs {
    ContributionSubmitArgs { content_hash: content_hash(content), uri: "ipfs://c".into(), size: content.len() as u64 }
}

#[test]
fn a_curated_datanet_keeps_submissions_pending() {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let contributor = w.wallet();
    let datanet = w.datanet(&curator, 1, DatanetPolicy::Curated);
    let before = w.svm.lamports(&contributor.pubkey());
    let ix = ixs::datanet::contribution_submit(&datanet, &contributor.pubkey(), args(b"patient notes, anonymised"));
    let done = w.step(&contributor, ix, &[]);

    let key = pda::contribution(&datanet, &content_hash(b"patient notes, anonymised"));
    let c: Contribution = w.svm.get(&key);
    assert_eq!(
        (c.datanet, c.contributor, c.content_hash),
        (datanet, contributor.pubkey(), content_hash(b"patient notes, anonymised"))
    );
    assert_eq!((c.status, c.weight, c.index, c.size), (ContributionStatus::Pending, 0, 0, 25));
    assert_eq!((c.submitted_at, c.decided_at), (w.svm.clock().unix_timestamp, 0));
    // The contributor paid the rent.
    assert!(before - w.svm.lamports(&contributor.pubkey()) >= w.svm.lamports(&key));
    let d: Datanet = w.svm.get(&datanet);
    assert_eq!((d.submitted, d.accepted, d.total_accepted_weight), (1, 0, 0));
    let event: ContributionSubmitted = done.event();
    assert_eq!((event.contribution, event.status, event.index, event.weight), (key, ContributionStatus::Pending, 0, 0));
}

#[test]
fn an_open_datanet_accepts_at_once_with_its_fixed_weight() {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let datanet = w.datanet(&curator, 1, DatanetPolicy::Open { weight: 3 });
    for (i, content) in [&b"one"[..], b"two"].iter().enumerate() {
        let contributor = w.wallet();
        let done = w.step(
            &contributor,
            ixs::datanet::contribution_submit(&datanet, &contributor.pubkey(), args(content)),
            &[],
        );
        let c: Contribution = w.svm.get(&pda::contribution(&datanet, &content_hash(content)));
        assert_eq!(
            (c.status, c.weight, c.index, c.accepted_seq),
            (ContributionStatus::Accepted, 3, i as u64, i as u64)
        );
        assert_eq!(c.decided_at, c.submitted_at);
        assert_eq!(done.event::<ContributionSubmitted>().status, ContributionStatus::Accepted);
    }
    let d: Datanet = w.svm.get(&datanet);
    assert_eq!((d.submitted, d.accepted, d.total_accepted_weight), (2, 2, 6));
}

#[test]
fn the_same_content_cannot_be_submitted_twice_even_when_the_address_was_prefunded() {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let alice = w.wallet();
    let bob = w.wallet();
    let datanet = w.datanet(&curator, 1, DatanetPolicy::Curated);
    // Someone sends lamports to the contribution's address first: submission still works.
    let key = pda::contribution(&datanet, &content_hash(b"x"));
    w.svm.set_account(
        key,
        Account {
            lamports: 5_000,
            data: vec![],
            owner: anchor_lang::system_program::ID,
            executable: false,
            rent_epoch: 0,
        },
    );
    w.step(&alice, ixs::datanet::contribution_submit(&datanet, &alice.pubkey(), args(b"x")), &[]);
    assert_eq!(w.svm.get::<Contribution>(&key).contributor, alice.pubkey());

    let again = ixs::datanet::contribution_submit(&datanet, &bob.pubkey(), args(b"x"));
    assert_error(w.svm.run(&bob, again, &[]), DatanetError::DuplicateContribution);
    assert_eq!(w.svm.get::<Contribution>(&key).contributor, alice.pubkey(), "the first submission stands");
    // The same content in another datanet is a different contribution.
    let other = w.datanet(&curator, 2, DatanetPolicy::Curated);
    w.step(&bob, ixs::datanet::contribution_submit(&other, &bob.pubkey(), args(b"x")), &[]);
}

#[test]
fn rejects_bad_input_a_foreign_pda_a_fake_datanet_and_a_missing_signer() {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let contributor = w.wallet();
    let datanet = w.datanet(&curator, 1, DatanetPolicy::Curated);
    let key = contributor.pubkey();
    let empty = ContributionSubmitArgs { size: 0, ..args(b"a") };
    assert_error(
        w.svm.run(&contributor, ixs::datanet::contribution_submit(&datanet, &key, empty), &[]),
        DatanetError::EmptyContent,
    );
    let long = ContributionSubmitArgs { uri: "u".repeat(201), ..args(b"a") };
    assert_error(
        w.svm.run(&contributor, ixs::datanet::contribution_submit(&datanet, &key, long), &[]),
        DatanetError::InvalidUri,
    );
    // The PDA of another content hash.
    let wrong = pda::contribution(&datanet, &content_hash(b"b"));
    let ix = with_metas(ixs::datanet::contribution_submit(&datanet, &key, args(b"a")), |m| m[1].pubkey = wrong);
    assert_error(w.svm.run(&contributor, ix, &[]), Anchor::ConstraintSeeds);
    // A model account passed as the datanet (type cosplay across programs).
    let model = pda::model(&key, 1);
    let model_args = model_registry::instructions::ModelCreateArgs {
        id: 1,
        kind: model_registry::state::ModelKind::Base,
        name: "m".into(),
        uri: "ipfs://m".into(),
        artifact_hash: [0; 32],
        price_per_call: 1,
    };
    w.step(&contributor, ixs::model::create(&key, None, model_args), &[]);
    let ix = ixs::datanet::contribution_submit(&model, &key, args(b"a"));
    assert_error(w.svm.run(&contributor, ix, &[]), Anchor::AccountOwnedByWrongProgram);
    // A payout account (owned by another program) passed as the datanet: a version's pool.
    let open = w.datanet(&curator, 2, DatanetPolicy::Open { weight: 1 });
    w.contribute(&open, &contributor, b"open sample");
    let version = w.publish_version(&curator, &open);
    assert!(w.svm.account(&pda::pool(&version)).is_some());
    let ix = ixs::datanet::contribution_submit(&pda::pool(&version), &key, args(b"a"));
    assert_error(w.svm.run(&contributor, ix, &[]), Anchor::AccountOwnedByWrongProgram);
    let payer = w.wallet();
    let unsigned =
        with_metas(ixs::datanet::contribution_submit(&datanet, &key, args(b"a")), |m| m[2].is_signer = false);
    assert_error(w.svm.run(&payer, unsigned, &[]), Anchor::AccountNotSigner);
    assert_eq!(w.svm.get::<Datanet>(&datanet).submitted, 0);
}
