use datanet_registry::errors::DatanetError;
use datanet_registry::events::{DatanetAuthorityAccepted, DatanetAuthorityProposed, DatanetUpdated};
use datanet_registry::instructions::DatanetUpdateArgs;
use datanet_registry::state::{Datanet, DatanetPolicy};
use svm_harness::token::TokenProgram;
use svm_harness::world::World;
use svm_harness::{assert_error, ixs, with_metas, Signer};

#[test]
fn the_authority_updates_uri_and_policy() {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let datanet = w.datanet(&curator, 1, DatanetPolicy::Curated);
    let args = DatanetUpdateArgs {
        uri: Some("ipfs://v2".into()),
        policy: Some(DatanetPolicy::Open { weight: 5 }),
        bond: None,
    };
    let done = w.step(&curator, ixs::datanet::update(&datanet, &curator.pubkey(), args), &[]);
    let state: Datanet = w.svm.get(&datanet);
    assert_eq!((state.uri.as_str(), state.policy), ("ipfs://v2", DatanetPolicy::Open { weight: 5 }));
    let event: DatanetUpdated = done.event();
    assert_eq!(
        (event.datanet, event.uri.as_str(), event.policy),
        (datanet, "ipfs://v2", DatanetPolicy::Open { weight: 5 })
    );

    // Only the URI: the policy stays.
    let args = DatanetUpdateArgs { uri: Some("ipfs://v3".into()), policy: None, bond: None };
    w.step(&curator, ixs::datanet::update(&datanet, &curator.pubkey(), args), &[]);
    assert_eq!(w.svm.get::<Datanet>(&datanet).policy, DatanetPolicy::Open { weight: 5 });
}

#[test]
fn update_rejects_strangers_missing_signatures_and_bad_values() {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let stranger = w.wallet();
    let datanet = w.datanet(&curator, 1, DatanetPolicy::Curated);
    let args = || DatanetUpdateArgs { uri: Some("ipfs://mine".into()), policy: None, bond: None };
    let ix = ixs::datanet::update(&datanet, &stranger.pubkey(), args());
    assert_error(w.svm.run(&stranger, ix, &[]), DatanetError::NotAuthority);
    let unsigned = with_metas(ixs::datanet::update(&datanet, &curator.pubkey(), args()), |m| m[1].is_signer = false);
    assert_error(w.svm.run(&stranger, unsigned, &[]), anchor_lang::error::ErrorCode::AccountNotSigner);
    let bad = DatanetUpdateArgs { uri: Some(String::new()), policy: None, bond: None };
    assert_error(
        w.svm.run(&curator, ixs::datanet::update(&datanet, &curator.pubkey(), bad), &[]),
        DatanetError::InvalidUri,
    );
    let bad = DatanetUpdateArgs { uri: None, policy: Some(DatanetPolicy::Open { weight: 0 }), bond: None };
    assert_error(
        w.svm.run(&curator, ixs::datanet::update(&datanet, &curator.pubkey(), bad), &[]),
        DatanetError::InvalidPolicy,
    );
    assert_eq!(w.svm.get::<Datanet>(&datanet).uri, "ipfs://datanet-1", "nothing changed");
}

#[test]
fn authority_moves_in_two_steps_and_only_to_the_proposed_signer() {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let successor = w.wallet();
    let stranger = w.wallet();
    let datanet = w.datanet(&curator, 1, DatanetPolicy::Curated);

    // Nothing pending: nobody can accept.
    let ix = ixs::datanet::authority_accept(&datanet, &successor.pubkey());
    assert_error(w.svm.run(&successor, ix, &[]), DatanetError::NoPendingAuthority);
    // Only the authority proposes.
    let ix = ixs::datanet::authority_propose(&datanet, &stranger.pubkey(), Some(stranger.pubkey()));
    assert_error(w.svm.run(&stranger, ix, &[]), DatanetError::NotAuthority);

    let done =
        w.step(&curator, ixs::datanet::authority_propose(&datanet, &curator.pubkey(), Some(successor.pubkey())), &[]);
    assert_eq!(done.event::<DatanetAuthorityProposed>().proposed, Some(successor.pubkey()));
    let state: Datanet = w.svm.get(&datanet);
    assert_eq!((state.authority, state.pending_authority), (curator.pubkey(), Some(successor.pubkey())));

    // A stranger cannot take the proposal.
    let ix = ixs::datanet::authority_accept(&datanet, &stranger.pubkey());
    assert_error(w.svm.run(&stranger, ix, &[]), DatanetError::NoPendingAuthority);

    let done = w.step(&successor, ixs::datanet::authority_accept(&datanet, &successor.pubkey()), &[]);
    let event: DatanetAuthorityAccepted = done.event();
    assert_eq!((event.previous, event.authority), (curator.pubkey(), successor.pubkey()));
    let state: Datanet = w.svm.get(&datanet);
    assert_eq!((state.authority, state.pending_authority), (successor.pubkey(), None));
    // The former authority has lost its rights.
    let args = DatanetUpdateArgs { uri: Some("ipfs://old".into()), policy: None, bond: None };
    assert_error(
        w.svm.run(&curator, ixs::datanet::update(&datanet, &curator.pubkey(), args), &[]),
        DatanetError::NotAuthority,
    );

    // A proposal can be cancelled.
    w.step(&successor, ixs::datanet::authority_propose(&datanet, &successor.pubkey(), Some(curator.pubkey())), &[]);
    w.step(&successor, ixs::datanet::authority_propose(&datanet, &successor.pubkey(), None), &[]);
    let ix = ixs::datanet::authority_accept(&datanet, &curator.pubkey());
    assert_error(w.svm.run(&curator, ix, &[]), DatanetError::NoPendingAuthority);
}
