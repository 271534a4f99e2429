use datanet_registry::constants::MAX_CONTRIBUTION_WEIGHT;
use datanet_registry::errors::DatanetError;
use datanet_registry::events::ContributionReviewed;
use datanet_registry::instructions::ReviewDecision;
use datanet_registry::state::{Contribution, ContributionStatus, Datanet, DatanetPolicy};
use svm_harness::token::TokenProgram;
use svm_harness::world::World;
use svm_harness::{assert_error, ixs, Signer};

#[test]
fn the_curator_accepts_with_a_weight_or_rejects_with_a_reason_and_decisions_are_final() {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let contributor = w.wallet();
    let datanet = w.datanet(&curator, 1, DatanetPolicy::Curated);
    let good = w.contribute(&datanet, &contributor, b"good");
    let bad = w.contribute(&datanet, &contributor, b"bad");
    let key = curator.pubkey();

    let done = w.step(
        &curator,
        ixs::datanet::contribution_review(&datanet, &good, &key, ReviewDecision::Accept { weight: 40 }),
        &[],
    );
    let c: Contribution = w.svm.get(&good);
    assert_eq!((c.status, c.weight, c.decided_at), (ContributionStatus::Accepted, 40, w.svm.clock().unix_timestamp));
    // The first acceptance of the datanet: a version published now contains it.
    assert_eq!(c.accepted_seq, 0);
    let event: ContributionReviewed = done.event();
    assert_eq!((event.status, event.weight, event.total_accepted_weight), (ContributionStatus::Accepted, 40, 40));

    w.step(
        &curator,
        ixs::datanet::contribution_review(&datanet, &bad, &key, ReviewDecision::Reject { reason: 7 }),
        &[],
    );
    let c: Contribution = w.svm.get(&bad);
    assert_eq!((c.status, c.weight, c.reject_reason), (ContributionStatus::Rejected, 0, 7));
    let d: Datanet = w.svm.get(&datanet);
    assert_eq!((d.accepted, d.rejected, d.total_accepted_weight), (1, 1, 40));

    // Final: neither can be decided again, so an accepted weight never changes.
    for (c, decision) in [(good, ReviewDecision::Accept { weight: 1_000 }), (bad, ReviewDecision::Accept { weight: 1 })]
    {
        let ix = ixs::datanet::contribution_review(&datanet, &c, &key, decision);
        assert_error(w.svm.run(&curator, ix, &[]), DatanetError::NotPending);
    }
    assert_eq!(w.svm.get::<Contribution>(&good).weight, 40);
}

#[test]
fn nobody_else_reviews_a_zero_weight_is_refused_and_contributions_stay_in_their_datanet() {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let rival = w.wallet();
    let contributor = w.wallet();
    let datanet = w.datanet(&curator, 1, DatanetPolicy::Curated);
    let rivals = w.datanet(&rival, 1, DatanetPolicy::Curated);
    let c = w.contribute(&datanet, &contributor, b"c");
    let accept = ReviewDecision::Accept { weight: 5 };
    // The contributor cannot accept its own contribution.
    let ix = ixs::datanet::contribution_review(&datanet, &c, &contributor.pubkey(), accept);
    assert_error(w.svm.run(&contributor, ix, &[]), DatanetError::NotAuthority);
    // Another curator cannot review it through their own datanet.
    let ix = ixs::datanet::contribution_review(&rivals, &c, &rival.pubkey(), accept);
    assert_error(w.svm.run(&rival, ix, &[]), anchor_lang::error::ErrorCode::ConstraintHasOne);
    let ix = ixs::datanet::contribution_review(&datanet, &c, &curator.pubkey(), ReviewDecision::Accept { weight: 0 });
    assert_error(w.svm.run(&curator, ix, &[]), DatanetError::ZeroWeight);
    let heavy = ReviewDecision::Accept { weight: MAX_CONTRIBUTION_WEIGHT + 1 };
    let ix = ixs::datanet::contribution_review(&datanet, &c, &curator.pubkey(), heavy);
    assert_error(w.svm.run(&curator, ix, &[]), DatanetError::WeightTooHigh);
    // A datanet passed where a contribution belongs (type cosplay).
    let ix = ixs::datanet::contribution_review(&datanet, &rivals, &curator.pubkey(), accept);
    assert_error(w.svm.run(&curator, ix, &[]), anchor_lang::error::ErrorCode::AccountDiscriminatorMismatch);
    assert_eq!(w.svm.get::<Contribution>(&c).status, ContributionStatus::Pending);
}
