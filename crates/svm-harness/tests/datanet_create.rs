use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::system_program;
use datanet_registry::errors::DatanetError;
use datanet_registry::events::DatanetCreated;
use datanet_registry::instructions::DatanetCreateArgs;
use datanet_registry::state::{Datanet, DatanetPolicy};
use svm_harness::{assert_error, ix, pda, with_metas, Keypair, Signer, Svm};

fn create_ix(creator: &Pubkey, datanet: Pubkey, args: DatanetCreateArgs) -> anchor_lang::solana_program::instruction::Instruction {
    ix(
        datanet_registry::ID,
        datanet_registry::accounts::DatanetCreate { datanet, creator: *creator, system_program: system_program::ID },
        datanet_registry::instruction::DatanetCreate { args },
    )
}

fn args(id: u64) -> DatanetCreateArgs {
    DatanetCreateArgs {
        id,
        name: "medical-qa".into(),
        uri: "ipfs://bafy-medical-qa".into(),
        policy: DatanetPolicy::Curated,
    }
}

#[test]
fn creates_a_datanet_with_its_creator_as_curator() {
    let mut svm = Svm::new();
    let creator = svm.wallet();
    let datanet = pda::datanet(&creator.pubkey(), 7);
    let done = svm.run(&creator, create_ix(&creator.pubkey(), datanet, args(7)), &[]).unwrap();

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
fn rejects_an_open_policy_with_zero_weight_and_overlong_strings() {
    let mut svm = Svm::new();
    let creator = svm.wallet();
    let datanet = pda::datanet(&creator.pubkey(), 1);
    let bad_policy = DatanetCreateArgs { policy: DatanetPolicy::Open { weight: 0 }, ..args(1) };
    assert_error(svm.run(&creator, create_ix(&creator.pubkey(), datanet, bad_policy), &[]), DatanetError::InvalidPolicy);
    let long_name = DatanetCreateArgs { name: "n".repeat(65), ..args(1) };
    assert_error(svm.run(&creator, create_ix(&creator.pubkey(), datanet, long_name), &[]), DatanetError::InvalidName);
    let empty_uri = DatanetCreateArgs { uri: String::new(), ..args(1) };
    assert_error(svm.run(&creator, create_ix(&creator.pubkey(), datanet, empty_uri), &[]), DatanetError::InvalidUri);
    assert!(svm.account(&datanet).is_none(), "nothing was created");
}

#[test]
fn rejects_a_missing_signer() {
    let mut svm = Svm::new();
    let creator = svm.wallet();
    let payer = svm.wallet();
    let datanet = pda::datanet(&creator.pubkey(), 1);
    let unsigned = with_metas(create_ix(&creator.pubkey(), datanet, args(1)), |metas| metas[1].is_signer = false);
    assert_error(svm.run(&payer, unsigned, &[]), anchor_lang::error::ErrorCode::AccountNotSigner);
}

#[test]
fn rejects_a_foreign_pda_and_reinitialisation() {
    let mut svm = Svm::new();
    let creator = svm.wallet();
    // A PDA derived for another id (or another creator) is not the one the seeds name.
    let wrong = pda::datanet(&creator.pubkey(), 2);
    assert_error(svm.run(&creator, create_ix(&creator.pubkey(), wrong, args(1)), &[]), anchor_lang::error::ErrorCode::ConstraintSeeds);
    let other = Keypair::new();
    let theirs = pda::datanet(&other.pubkey(), 1);
    assert_error(svm.run(&creator, create_ix(&creator.pubkey(), theirs, args(1)), &[]), anchor_lang::error::ErrorCode::ConstraintSeeds);

    let datanet = pda::datanet(&creator.pubkey(), 1);
    svm.run(&creator, create_ix(&creator.pubkey(), datanet, args(1)), &[]).unwrap();
    let again = DatanetCreateArgs { name: "hijack".into(), ..args(1) };
    let failed = svm.run(&creator, create_ix(&creator.pubkey(), datanet, again), &[]).unwrap_err();
    assert!(failed.logs().iter().any(|l| l.contains("already in use")), "{:#?}", failed.logs());
    assert_eq!(svm.get::<Datanet>(&datanet).name, "medical-qa", "the first datanet is untouched");
}
