use anchor_lang::error::ErrorCode as Anchor;
use datanet_registry::constants::MAX_CONTRIBUTION_WEIGHT;
use datanet_registry::errors::DatanetError;
use datanet_registry::events::DatanetCreated;
use datanet_registry::instructions::DatanetCreateArgs;
use datanet_registry::state::{BondPolicy, Datanet, DatanetPolicy};
use svm_harness::{assert_error, ixs, pda, with_metas, Keypair, Signer, Svm};

fn args(id: u64) -> DatanetCreateArgs {
    DatanetCreateArgs {
        id,
        name: "medical-qa".into(),
        uri: "ipfs://bafy-medical-qa".into(),
        policy: DatanetPolicy::Curated,
        bond: BondPolicy::default(),
    }
}

#[test]
fn creates_a_datanet_with_its_creator_as_curator() {
    let mut svm = Svm::new();
    let creator = svm.wallet();
    let done = svm.run(&creator, ixs::datanet::create(&creator.pubkey(), args(7)), &[]).unwrap();

    let datanet = pda::datanet(&creator.pubkey(), 7);
    let state: Datanet = svm.get(&datanet);
    assert_eq!(state.creator, creator.pubkey());
    assert_eq!(state.authority, creator.pubkey());
    assert_eq!(state.id, 7);
    assert_eq!(state.name, "medical-qa");
    assert_eq!(state.uri, "ipfs://bafy-medical-qa");
    assert_eq!(state.policy, DatanetPolicy::Curated);
    assert_eq!((state.submitted, state.accepted, state.total_accepted_weight, state.versions), (0, 0, 0, 0));
    assert_eq!(state.created_at, svm.clock().unix_timestamp);

    let event: DatanetCreated = done.event();
    assert_eq!((event.datanet, event.creator, event.id), (datanet, creator.pubkey(), 7));
    assert_eq!(event.name, "medical-qa");
}

#[test]
fn rejects_an_open_policy_with_zero_weight_and_bad_strings() {
    let mut svm = Svm::new();
    let creator = svm.wallet();
    let key = creator.pubkey();
    let bad_policy = DatanetCreateArgs { policy: DatanetPolicy::Open { weight: 0 }, ..args(1) };
    assert_error(svm.run(&creator, ixs::datanet::create(&key, bad_policy), &[]), DatanetError::InvalidPolicy);
    let heavy = DatanetCreateArgs { policy: DatanetPolicy::Open { weight: MAX_CONTRIBUTION_WEIGHT + 1 }, ..args(1) };
    assert_error(svm.run(&creator, ixs::datanet::create(&key, heavy), &[]), DatanetError::InvalidPolicy);
    let long_name = DatanetCreateArgs { name: "n".repeat(65), ..args(1) };
    assert_error(svm.run(&creator, ixs::datanet::create(&key, long_name), &[]), DatanetError::InvalidName);
    let empty_uri = DatanetCreateArgs { uri: String::new(), ..args(1) };
    assert_error(svm.run(&creator, ixs::datanet::create(&key, empty_uri), &[]), DatanetError::InvalidUri);
    assert!(svm.account(&pda::datanet(&key, 1)).is_none(), "nothing was created");
}

#[test]
fn rejects_a_missing_signer() {
    let mut svm = Svm::new();
    let creator = svm.wallet();
    let payer = svm.wallet();
    let unsigned = with_metas(ixs::datanet::create(&creator.pubkey(), args(1)), |metas| metas[1].is_signer = false);
    assert_error(svm.run(&payer, unsigned, &[]), Anchor::AccountNotSigner);
}

#[test]
fn rejects_a_foreign_pda_and_reinitialisation() {
    let mut svm = Svm::new();
    let creator = svm.wallet();
    // The PDA of another id, or of another creator, is not the one the seeds name.
    for wrong in [pda::datanet(&creator.pubkey(), 2), pda::datanet(&Keypair::new().pubkey(), 1)] {
        let ix = with_metas(ixs::datanet::create(&creator.pubkey(), args(1)), |metas| metas[0].pubkey = wrong);
        assert_error(svm.run(&creator, ix, &[]), Anchor::ConstraintSeeds);
    }

    svm.run(&creator, ixs::datanet::create(&creator.pubkey(), args(1)), &[]).unwrap();
    let again = DatanetCreateArgs { name: "hijack".into(), ..args(1) };
    let failed = svm.run(&creator, ixs::datanet::create(&creator.pubkey(), again), &[]).unwrap_err();
    assert!(failed.logs().iter().any(|l| l.contains("already in use")), "{:#?}", failed.logs());
    assert_eq!(
        svm.get::<Datanet>(&pda::datanet(&creator.pubkey(), 1)).name,
        "medical-qa",
        "the first datanet is untouched"
    );
}
