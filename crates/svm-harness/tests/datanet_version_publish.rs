use datanet_registry::errors::DatanetError;
use datanet_registry::events::DatanetVersionPublished;
use datanet_registry::instructions::DatanetVersionPublishArgs;
use datanet_registry::state::{Datanet, DatanetPolicy, DatanetVersion};
use svm_harness::token::TokenProgram;
use svm_harness::world::World;
use svm_harness::{assert_error, ixs, pda, Signer};

fn args(number: u32, count: u64) -> DatanetVersionPublishArgs {
    DatanetVersionPublishArgs {
        number,
        contributions_root: [number as u8; 32],
        contribution_count: count,
        uri: "ipfs://manifest".into(),
    }
}

#[test]
fn the_curator_publishes_consecutive_immutable_versions() {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let contributor = w.wallet();
    let datanet = w.datanet(&curator, 1, DatanetPolicy::Open { weight: 1 });
    w.contribute(&datanet, &contributor, b"a");
    w.contribute(&datanet, &contributor, b"b");
    let key = curator.pubkey();
    let done = w.step(&curator, ixs::datanet::version_publish(&datanet, &key, args(1, 2)), &[]);
    let v: DatanetVersion = w.svm.get(&pda::datanet_version(&datanet, 1));
    assert_eq!((v.datanet, v.number, v.contributions_root, v.contribution_count), (datanet, 1, [1; 32], 2));
    assert_eq!(v.published_at, w.svm.clock().unix_timestamp);
    let event: DatanetVersionPublished = done.event();
    assert_eq!((event.datanet_version, event.number), (pda::datanet_version(&datanet, 1), 1));
    assert_eq!(w.svm.get::<Datanet>(&datanet).versions, 1);

    // Version 1 exists for good: re-initialising it fails, and skipping ahead too.
    let failed = w.svm.run(&curator, ixs::datanet::version_publish(&datanet, &key, args(1, 1)), &[]).unwrap_err();
    assert!(failed.logs().iter().any(|l| l.contains("already in use")), "{:#?}", failed.logs());
    assert_error(
        w.svm.run(&curator, ixs::datanet::version_publish(&datanet, &key, args(3, 1)), &[]),
        DatanetError::WrongVersionNumber,
    );
    w.step(&curator, ixs::datanet::version_publish(&datanet, &key, args(2, 1)), &[]);
    assert_eq!(w.svm.get::<DatanetVersion>(&pda::datanet_version(&datanet, 1)).contributions_root, [1; 32]);
}

#[test]
fn counts_must_be_covered_and_only_the_curator_publishes() {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let stranger = w.wallet();
    let datanet = w.datanet(&curator, 1, DatanetPolicy::Curated);
    let key = curator.pubkey();
    assert_error(
        w.svm.run(&curator, ixs::datanet::version_publish(&datanet, &key, args(1, 1)), &[]),
        DatanetError::InvalidVersionCount,
    );
    let contributor = w.wallet();
    let c = w.contribute(&datanet, &contributor, b"a");
    w.accept(&datanet, &curator, &c, 3);
    assert_error(
        w.svm.run(&curator, ixs::datanet::version_publish(&datanet, &key, args(1, 0)), &[]),
        DatanetError::InvalidVersionCount,
    );
    assert_error(
        w.svm.run(&curator, ixs::datanet::version_publish(&datanet, &key, args(1, 2)), &[]),
        DatanetError::InvalidVersionCount,
    );
    let ix = ixs::datanet::version_publish(&datanet, &stranger.pubkey(), args(1, 1));
    assert_error(w.svm.run(&stranger, ix, &[]), DatanetError::NotAuthority);
    w.step(&curator, ixs::datanet::version_publish(&datanet, &key, args(1, 1)), &[]);
}
