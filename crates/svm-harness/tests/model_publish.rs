use datanet_registry::state::DatanetPolicy;
use model_registry::errors::ModelError;
use model_registry::events::{ModelPriceSet, ModelPublished, ModelRetired};
use model_registry::instructions::{ModelCreateArgs, ModelLineageSetArgs};
use model_registry::state::{Model, ModelKind, ModelState};
use svm_harness::token::TokenProgram;
use svm_harness::world::{datanet_entry, World};
use svm_harness::{assert_error, ixs, pda, Signer};

fn draft(w: &mut World, owner: &svm_harness::Keypair, id: u64) -> anchor_lang::prelude::Pubkey {
    let args = ModelCreateArgs {
        id,
        kind: ModelKind::Base,
        name: "m".into(),
        uri: "ipfs://m".into(),
        artifact_hash: [2; 32],
        price_per_call: 50,
    };
    w.step(owner, ixs::model::create(&owner.pubkey(), None, args), &[]);
    pda::model(&owner.pubkey(), id)
}

#[test]
fn publish_freezes_a_whole_lineage_and_names_an_attestor_only_for_proof_attributed_entries() {
    let mut w = World::new(TokenProgram::Token);
    let owner = w.wallet();
    let curator = w.wallet();
    let d = w.datanet(&curator, 1, DatanetPolicy::Open { weight: 1 });
    let contributor = w.wallet();
    w.contribute(&d, &contributor, b"a sample");
    let v = w.publish_version(&curator, &d);
    let model = draft(&mut w, &owner, 1);
    let key = owner.pubkey();
    // No lineage set yet: the shares are not whole.
    assert_error(w.svm.run(&owner, ixs::model::publish(&model, &key, None), &[]), ModelError::SharesNotWhole);

    let mut entry = datanet_entry(d, v, 4_000);
    entry.proof_attributed = true;
    let args = ModelLineageSetArgs { entries: vec![entry], owner_share_bps: 5_000, operator_share_bps: 1_000 };
    w.step(&owner, ixs::model::lineage_set(&model, &key, args), &[]);
    let attestor = w.wallet().pubkey();
    assert_error(w.svm.run(&owner, ixs::model::publish(&model, &key, None), &[]), ModelError::AttestorMismatch);
    let stranger = w.wallet();
    assert_error(
        w.svm.run(&stranger, ixs::model::publish(&model, &stranger.pubkey(), Some(attestor)), &[]),
        ModelError::NotOwner,
    );

    let done = w.step(&owner, ixs::model::publish(&model, &key, Some(attestor)), &[]);
    let m: Model = w.svm.get(&model);
    assert_eq!(
        (m.state, m.attestor, m.published_at),
        (ModelState::Published, Some(attestor), w.svm.clock().unix_timestamp)
    );
    let event: ModelPublished = done.event();
    assert_eq!((event.lineage, event.owner_share_bps, event.operator_share_bps), (vec![entry], 5_000, 1_000));
    assert_error(w.svm.run(&owner, ixs::model::publish(&model, &key, Some(attestor)), &[]), ModelError::NotDraft);

    // Without proof-attributed entries, naming an attestor is refused.
    let plain = draft(&mut w, &owner, 2);
    let args = ModelLineageSetArgs {
        entries: vec![datanet_entry(d, v, 4_000)],
        owner_share_bps: 5_000,
        operator_share_bps: 1_000,
    };
    w.step(&owner, ixs::model::lineage_set(&plain, &key, args), &[]);
    assert_error(
        w.svm.run(&owner, ixs::model::publish(&plain, &key, Some(attestor)), &[]),
        ModelError::AttestorMismatch,
    );
}

#[test]
fn the_owner_sets_the_price_until_retirement_and_retirement_is_final() {
    let mut w = World::new(TokenProgram::Token);
    let owner = w.wallet();
    let stranger = w.wallet();
    let model = draft(&mut w, &owner, 1);
    let key = owner.pubkey();
    let done = w.step(&owner, ixs::model::price_set(&model, &key, 75), &[]);
    let event: ModelPriceSet = done.event();
    assert_eq!((event.previous_price, event.price_per_call), (50, 75));
    assert_eq!(w.svm.get::<Model>(&model).price_per_call, 75);
    assert_error(w.svm.run(&owner, ixs::model::price_set(&model, &key, 0), &[]), ModelError::ZeroPrice);
    assert_error(w.svm.run(&stranger, ixs::model::price_set(&model, &stranger.pubkey(), 1), &[]), ModelError::NotOwner);
    assert_error(w.svm.run(&stranger, ixs::model::retire(&model, &stranger.pubkey()), &[]), ModelError::NotOwner);

    let done = w.step(&owner, ixs::model::retire(&model, &key), &[]);
    assert_eq!(done.event::<ModelRetired>().model, model);
    let m: Model = w.svm.get(&model);
    assert_eq!((m.state, m.retired_at), (ModelState::Retired, w.svm.clock().unix_timestamp));
    assert_error(w.svm.run(&owner, ixs::model::retire(&model, &key), &[]), ModelError::Retired);
    assert_error(w.svm.run(&owner, ixs::model::price_set(&model, &key, 80), &[]), ModelError::Retired);
    assert_error(w.svm.run(&owner, ixs::model::publish(&model, &key, None), &[]), ModelError::NotDraft);
}
