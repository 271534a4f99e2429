use anchor_lang::error::ErrorCode as Anchor;
use model_registry::errors::ModelError;
use model_registry::events::ModelCreated;
use model_registry::instructions::ModelCreateArgs;
use model_registry::state::{Model, ModelKind, ModelState};
use svm_harness::{assert_error, ixs, pda, with_metas, Signer, Svm};

fn args(id: u64, kind: ModelKind) -> ModelCreateArgs {
    ModelCreateArgs {
        id,
        kind,
        name: "open-llama-7b".into(),
        uri: "ipfs://bafy-llama".into(),
        artifact_hash: [9; 32],
        price_per_call: 2_500,
    }
}

#[test]
fn creates_a_draft_base_model_and_an_adapter_naming_its_base() {
    let mut svm = Svm::new();
    let owner = svm.wallet();
    let done = svm.run(&owner, ixs::model::create(&owner.pubkey(), None, args(1, ModelKind::Base)), &[]).unwrap();
    let base = pda::model(&owner.pubkey(), 1);
    let state: Model = svm.get(&base);
    assert_eq!(
        (state.owner, state.id, state.kind, state.state),
        (owner.pubkey(), 1, ModelKind::Base, ModelState::Draft)
    );
    assert_eq!((state.price_per_call, state.artifact_hash, state.base_model), (2_500, [9; 32], None));
    assert!(state.lineage.is_empty());
    let event: ModelCreated = done.event();
    assert_eq!((event.model, event.kind, event.price_per_call), (base, ModelKind::Base, 2_500));

    let builder = svm.wallet();
    let adapter = ixs::model::create(&builder.pubkey(), Some(base), args(1, ModelKind::Adapter));
    svm.run(&builder, adapter, &[]).unwrap();
    let state: Model = svm.get(&pda::model(&builder.pubkey(), 1));
    assert_eq!((state.kind, state.base_model), (ModelKind::Adapter, Some(base)));
}

#[test]
fn rejects_bad_arguments() {
    let mut svm = Svm::new();
    let owner = svm.wallet();
    let key = owner.pubkey();
    let free = ModelCreateArgs { price_per_call: 0, ..args(1, ModelKind::Base) };
    assert_error(svm.run(&owner, ixs::model::create(&key, None, free), &[]), ModelError::ZeroPrice);
    let orphan = args(1, ModelKind::Adapter);
    assert_error(svm.run(&owner, ixs::model::create(&key, None, orphan), &[]), ModelError::InvalidBaseModel);
    let long_uri = ModelCreateArgs { uri: "u".repeat(201), ..args(1, ModelKind::Base) };
    assert_error(svm.run(&owner, ixs::model::create(&key, None, long_uri), &[]), ModelError::InvalidUri);
    assert!(svm.account(&pda::model(&key, 1)).is_none());
}

#[test]
fn rejects_a_base_model_of_the_wrong_type_or_owner_and_a_missing_signer() {
    let mut svm = Svm::new();
    let owner = svm.wallet();
    let key = owner.pubkey();
    // A datanet is not a model, even though it is a registry account (type cosplay).
    let datanet_args = datanet_registry::instructions::DatanetCreateArgs {
        id: 1,
        name: "d".into(),
        uri: "ipfs://d".into(),
        policy: datanet_registry::state::DatanetPolicy::Curated,
        bond: Default::default(),
    };
    svm.run(&owner, ixs::datanet::create(&key, datanet_args), &[]).unwrap();
    let datanet = pda::datanet(&key, 1);
    let cosplay = ixs::model::create(&key, Some(datanet), args(1, ModelKind::Adapter));
    assert_error(svm.run(&owner, cosplay, &[]), Anchor::AccountOwnedByWrongProgram);
    // A wallet is not a model either.
    let wallet = ixs::model::create(&key, Some(svm.wallet().pubkey()), args(1, ModelKind::Adapter));
    assert_error(svm.run(&owner, wallet, &[]), Anchor::AccountOwnedByWrongProgram);

    let payer = svm.wallet();
    let unsigned = with_metas(ixs::model::create(&key, None, args(1, ModelKind::Base)), |m| m[2].is_signer = false);
    assert_error(svm.run(&payer, unsigned, &[]), Anchor::AccountNotSigner);
}
