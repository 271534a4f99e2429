use datanet_registry::errors::DatanetError;
use datanet_registry::events::DatanetVersionPublished;
use datanet_registry::instructions::{DatanetVersionPublishArgs, ReviewDecision};
use datanet_registry::state::{Contribution, Datanet, DatanetPolicy, DatanetVersion};
use svm_harness::token::TokenProgram;
use svm_harness::world::World;
use svm_harness::{assert_error, ixs, pda, Signer};

fn args(number: u32) -> DatanetVersionPublishArgs {
    DatanetVersionPublishArgs { number, contributions_root: [number as u8; 32], uri: "ipfs://manifest".into() }
}

#[test]
fn the_curator_publishes_consecutive_immutable_versions_that_the_chain_counts() {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let contributor = w.wallet();
    let datanet = w.datanet(&curator, 1, DatanetPolicy::Open { weight: 2 });
    w.contribute(&datanet, &contributor, b"a");
    w.contribute(&datanet, &contributor, b"b");
    let key = curator.pubkey();
    let done = w.step(&curator, ixs::datanet::version_publish(&datanet, &key, args(1)), &[]);
    let v: DatanetVersion = w.svm.get(&pda::datanet_version(&datanet, 1));
    assert_eq!((v.datanet, v.number, v.contributions_root, v.uri.as_str()), (datanet, 1, [1; 32], "ipfs://manifest"));
    // The chain fixes the membership and its weight: both contributions, 2 + 2.
    assert_eq!((v.contribution_count, v.accepted_end, v.total_weight), (2, 2, 4));
    assert_eq!(v.published_at, w.svm.clock().unix_timestamp);
    let event: DatanetVersionPublished = done.event();
    assert_eq!((event.datanet_version, event.number), (pda::datanet_version(&datanet, 1), 1));
    assert_eq!((event.contribution_count, event.total_weight), (2, 4));
    assert_eq!(w.svm.get::<Datanet>(&datanet).versions, 1);

    // Version 1 exists for good: publishing it again is refused, and skipping ahead too.
    assert_error(
        w.svm.run(&curator, ixs::datanet::version_publish(&datanet, &key, args(1)), &[]),
        DatanetError::WrongVersionNumber,
    );
    assert_error(
        w.svm.run(&curator, ixs::datanet::version_publish(&datanet, &key, args(3)), &[]),
        DatanetError::WrongVersionNumber,
    );
    // A contribution accepted after version 1 is in version 2 only; versions are cumulative.
    let late = w.contribute(&datanet, &contributor, b"c");
    let c: Contribution = w.svm.get(&late);
    assert_eq!(c.accepted_seq, 2);
    w.step(&curator, ixs::datanet::version_publish(&datanet, &key, args(2)), &[]);
    let v2: DatanetVersion = w.svm.get(&pda::datanet_version(&datanet, 2));
    assert_eq!((v2.contribution_count, v2.accepted_end, v2.total_weight), (3, 3, 6));
    let v1: DatanetVersion = w.svm.get(&pda::datanet_version(&datanet, 1));
    assert_eq!((v1.contributions_root, v1.contribution_count, v1.total_weight), ([1; 32], 2, 4));
}

#[test]
fn a_version_needs_an_accepted_contribution_and_only_the_curator_publishes() {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let stranger = w.wallet();
    let contributor = w.wallet();
    let datanet = w.datanet(&curator, 1, DatanetPolicy::Curated);
    let key = curator.pubkey();
    let publish = |number| ixs::datanet::version_publish(&datanet, &key, args(number));
    // Nothing submitted; then one pending and one rejected contribution: still nothing accepted.
    assert_error(w.svm.run(&curator, publish(1), &[]), DatanetError::EmptyVersion);
    let pending = w.contribute(&datanet, &contributor, b"pending");
    let rejected = w.contribute(&datanet, &contributor, b"rejected");
    let reject = ReviewDecision::Reject { reason: 1 };
    w.step(&curator, ixs::datanet::contribution_review(&datanet, &rejected, &key, reject), &[]);
    assert_error(w.svm.run(&curator, publish(1), &[]), DatanetError::EmptyVersion);

    let c = w.contribute(&datanet, &contributor, b"a");
    w.accept(&datanet, &curator, &c, 3);
    let ix = ixs::datanet::version_publish(&datanet, &stranger.pubkey(), args(1));
    assert_error(w.svm.run(&stranger, ix, &[]), DatanetError::NotAuthority);
    w.step(&curator, publish(1), &[]);
    // Only the accepted contribution counts.
    let v: DatanetVersion = w.svm.get(&pda::datanet_version(&datanet, 1));
    assert_eq!((v.contribution_count, v.accepted_end, v.total_weight), (1, 1, 3));
    // Accepting the pending one later changes nothing in version 1.
    w.accept(&datanet, &curator, &pending, 5);
    let v: DatanetVersion = w.svm.get(&pda::datanet_version(&datanet, 1));
    assert_eq!((v.contribution_count, v.accepted_end, v.total_weight), (1, 1, 3));
    assert_eq!(w.svm.get::<Contribution>(&pending).accepted_seq, 1);
}
