use datanet_registry::errors::DatanetError;
use datanet_registry::events::ContributionWithdrawn;
use datanet_registry::instructions::ReviewDecision;
use datanet_registry::state::{ContributionStatus, Datanet, DatanetPolicy};
use svm_harness::token::TokenProgram;
use svm_harness::world::World;
use svm_harness::{assert_error, ixs, with_metas, Signer};

#[test]
fn the_contributor_withdraws_a_pending_contribution_and_gets_the_rent_back() {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let contributor = w.wallet();
    let datanet = w.datanet(&curator, 1, DatanetPolicy::Curated);
    let contribution = w.contribute(&datanet, &contributor, b"draft essay");
    let rent = w.svm.lamports(&contribution);
    let payer = w.wallet(); // pays the fee, so the contributor's balance shows exactly the rent
    let before = w.svm.lamports(&contributor.pubkey());
    let done = w.step(
        &payer,
        ixs::datanet::contribution_withdraw(&datanet, &contribution, &contributor.pubkey()),
        &[&contributor],
    );
    assert!(w.svm.account(&contribution).is_none(), "closed");
    assert_eq!(w.svm.lamports(&contributor.pubkey()), before + rent);
    let event: ContributionWithdrawn = done.event();
    assert_eq!(
        (event.contribution, event.status, event.rent_returned),
        (contribution, ContributionStatus::Pending, rent)
    );
    let d: Datanet = w.svm.get(&datanet);
    assert_eq!((d.submitted, d.withdrawn), (1, 1));
    // The same content can be submitted again later.
    w.contribute(&datanet, &contributor, b"draft essay");
}

#[test]
fn only_the_contributor_withdraws_and_never_an_accepted_contribution() {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let contributor = w.wallet();
    let thief = w.wallet();
    let datanet = w.datanet(&curator, 1, DatanetPolicy::Curated);
    let contribution = w.contribute(&datanet, &contributor, b"a");
    let ix = ixs::datanet::contribution_withdraw(&datanet, &contribution, &thief.pubkey());
    assert_error(w.svm.run(&thief, ix, &[]), DatanetError::NotContributor);
    // Naming the contributor without its signature.
    let unsigned =
        with_metas(ixs::datanet::contribution_withdraw(&datanet, &contribution, &contributor.pubkey()), |m| {
            m[2].is_signer = false
        });
    assert_error(w.svm.run(&thief, unsigned, &[]), anchor_lang::error::ErrorCode::AccountNotSigner);
    // Against another datanet (whose counters it would corrupt).
    let other = w.datanet(&curator, 2, DatanetPolicy::Curated);
    let ix = ixs::datanet::contribution_withdraw(&other, &contribution, &contributor.pubkey());
    assert_error(w.svm.run(&contributor, ix, &[]), anchor_lang::error::ErrorCode::ConstraintHasOne);

    w.accept(&datanet, &curator, &contribution, 10);
    let ix = ixs::datanet::contribution_withdraw(&datanet, &contribution, &contributor.pubkey());
    assert_error(w.svm.run(&contributor, ix, &[]), DatanetError::AcceptedIsPermanent);
    assert!(w.svm.account(&contribution).is_some(), "an accepted contribution stays");
}

#[test]
fn a_rejected_contribution_is_cleared_away_with_its_rent_and_its_hash_freed() {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let contributor = w.wallet();
    let datanet = w.datanet(&curator, 1, DatanetPolicy::Curated);
    let contribution = w.contribute(&datanet, &contributor, b"blurry scans");
    let reject = ReviewDecision::Reject { reason: 4 };
    w.step(&curator, ixs::datanet::contribution_review(&datanet, &contribution, &curator.pubkey(), reject), &[]);
    let rent = w.svm.lamports(&contribution);
    let ix = ixs::datanet::contribution_withdraw(&datanet, &contribution, &curator.pubkey());
    assert_error(w.svm.run(&curator, ix, &[]), DatanetError::NotContributor);
    let payer = w.wallet();
    let before = w.svm.lamports(&contributor.pubkey());
    let ix = ixs::datanet::contribution_withdraw(&datanet, &contribution, &contributor.pubkey());
    let done = w.step(&payer, ix, &[&contributor]);
    assert!(w.svm.account(&contribution).is_none(), "closed");
    assert_eq!(w.svm.lamports(&contributor.pubkey()), before + rent);
    let event: ContributionWithdrawn = done.event();
    assert_eq!((event.status, event.rent_returned), (ContributionStatus::Rejected, rent));
    // The rejection stays counted; nothing counts as withdrawn.
    let d: Datanet = w.svm.get(&datanet);
    assert_eq!((d.submitted, d.rejected, d.withdrawn), (1, 1, 0));
    // The content may be submitted again (and reviewed again).
    let again = w.contribute(&datanet, &contributor, b"blurry scans");
    assert_eq!(again, contribution);
    assert_eq!(w.svm.get::<Datanet>(&datanet).submitted, 2);
}
