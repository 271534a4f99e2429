use anchor_lang::error::ErrorCode as Anchor;
use anchor_lang::prelude::{AccountMeta, Pubkey};
use datanet_registry::state::DatanetPolicy;
use model_registry::errors::ModelError;
use model_registry::events::ModelLineageSet;
use model_registry::instructions::{ModelCreateArgs, ModelLineageSetArgs};
use model_registry::state::{LineageEntry, Model, ModelKind};
use svm_harness::token::TokenProgram;
use svm_harness::world::{datanet_entry, model_entry, Shares, World};
use svm_harness::{assert_error, ixs, pda, with_metas, Keypair, Signer};

struct Fixture {
    w: World,
    curator: Keypair,
    owner: Keypair,
    draft: Pubkey,
    d1: Pubkey,
    d2: Pubkey,
    /// Version 1 of d1 and of d2.
    v1: Pubkey,
    v2: Pubkey,
    base: Pubkey,
}

fn create(w: &mut World, owner: &Keypair, id: u64, kind: ModelKind, base: Option<Pubkey>) -> Pubkey {
    let args = ModelCreateArgs {
        id,
        kind,
        name: format!("m{id}"),
        uri: "ipfs://m".into(),
        artifact_hash: [1; 32],
        price_per_call: 10,
    };
    w.step(owner, ixs::model::create(&owner.pubkey(), base, args), &[]);
    pda::model(&owner.pubkey(), id)
}

/// A curated datanet with one accepted contribution and version 1 published.
fn versioned(w: &mut World, curator: &Keypair, id: u64) -> (Pubkey, Pubkey) {
    let datanet = w.datanet(curator, id, DatanetPolicy::Curated);
    let contributor = w.wallet();
    let c = w.contribute(&datanet, &contributor, format!("sample of {id}").as_bytes());
    w.accept(&datanet, curator, &c, 1);
    (datanet, w.publish_version(curator, &datanet))
}

fn fixture() -> Fixture {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let owner = w.wallet();
    let (d1, v1) = versioned(&mut w, &curator, 1);
    let (d2, v2) = versioned(&mut w, &curator, 2);
    let base_owner = w.wallet();
    let shares = Shares { entries: vec![datanet_entry(d1, v1, 5_000)], owner_bps: 4_000, operator_bps: 1_000 };
    let base = w.model(&base_owner, 1, ModelKind::Base, None, 100, shares);
    let draft = create(&mut w, &owner, 7, ModelKind::FineTune, None);
    Fixture { w, curator, owner, draft, d1, d2, v1, v2, base }
}

fn set(
    f: &mut Fixture,
    entries: Vec<LineageEntry>,
    owner_bps: u16,
    operator_bps: u16,
) -> Result<svm_harness::Executed, svm_harness::Failed> {
    let args = ModelLineageSetArgs { entries, owner_share_bps: owner_bps, operator_share_bps: operator_bps };
    let ix = ixs::model::lineage_set(&f.draft, &f.owner.pubkey(), args);
    f.w.svm.run(&f.owner, ix, &[])
}

#[test]
fn sets_and_replaces_a_draft_lineage_citing_datanet_versions_and_a_published_model() {
    let mut f = fixture();
    let entries = vec![datanet_entry(f.d1, f.v1, 3_000), datanet_entry(f.d2, f.v2, 2_000), model_entry(f.base, 1_500)];
    let done = set(&mut f, entries.clone(), 2_500, 1_000).unwrap();
    let m: Model = f.w.svm.get(&f.draft);
    assert_eq!((m.lineage.clone(), m.owner_share_bps, m.operator_share_bps), (entries.clone(), 2_500, 1_000));
    assert_eq!(done.event::<ModelLineageSet>().lineage, entries);

    // A later version of d1 can be cited instead.
    let curator = f.curator.insecure_clone();
    let contributor = f.w.wallet();
    let c = f.w.contribute(&f.d1, &contributor, b"c");
    f.w.accept(&f.d1, &curator, &c, 1);
    let d1_v2 = f.w.publish_version(&curator, &f.d1);
    assert_eq!(d1_v2, pda::datanet_version(&f.d1, 2));
    let entries = vec![datanet_entry(f.d1, d1_v2, 3_000), model_entry(f.base, 1_500)];
    set(&mut f, entries.clone(), 4_500, 1_000).unwrap();
    assert_eq!(f.w.svm.get::<Model>(&f.draft).lineage, entries);

    // Still a draft: it can be replaced, down to no entries at all.
    set(&mut f, vec![], 9_000, 1_000).unwrap();
    assert!(f.w.svm.get::<Model>(&f.draft).lineage.is_empty());
}

#[test]
fn every_datanet_entry_cites_a_version_of_its_own_datanet_and_no_model_entry_does() {
    let mut f = fixture();
    let (d1, d2, v1, v2, base) = (f.d1, f.d2, f.v1, f.v2, f.base);
    // A datanet entry without a version (the fees would have no fixed set of contributions).
    let mut uncited = datanet_entry(d1, v1, 1_000);
    uncited.datanet_version = None;
    assert_error(set(&mut f, vec![uncited], 9_000, 0), ModelError::VersionRequired);
    // Even with the version's account passed along.
    let args = ModelLineageSetArgs { entries: vec![uncited], owner_share_bps: 9_000, operator_share_bps: 0 };
    let (draft, owner) = (f.draft, f.owner.pubkey());
    let ix =
        with_metas(ixs::model::lineage_set(&draft, &owner, args), |m| m.push(AccountMeta::new_readonly(v1, false)));
    assert_error(f.w.svm.run(&f.owner, ix, &[]), ModelError::VersionRequired);
    // A model entry citing a version.
    let mut upstream = model_entry(base, 1_000);
    upstream.datanet_version = Some(v1);
    assert_error(set(&mut f, vec![upstream], 9_000, 0), ModelError::VersionRequired);
    // A version of another datanet.
    assert_error(set(&mut f, vec![datanet_entry(d2, v1, 1_000)], 9_000, 0), ModelError::VersionMismatch);
    // Two versions of one datanet are one datanet twice.
    let curator = f.curator.insecure_clone();
    let d1_v2 = f.w.publish_version(&curator, &d1);
    assert_error(
        set(&mut f, vec![datanet_entry(d1, v1, 1_000), datanet_entry(d1, d1_v2, 1_000)], 8_000, 0),
        ModelError::DuplicateEntry,
    );
    assert!(f.w.svm.get::<Model>(&f.draft).lineage.is_empty(), "nothing was stored");
    set(&mut f, vec![datanet_entry(d2, v2, 1_000)], 9_000, 0).unwrap();
}

#[test]
fn shares_must_be_whole_positive_at_most_eight_distinct_and_not_self() {
    let mut f = fixture();
    let (d1, d2, v1, v2, base, draft) = (f.d1, f.d2, f.v1, f.v2, f.base, f.draft);
    assert_error(set(&mut f, vec![datanet_entry(d1, v1, 5_000)], 4_000, 999), ModelError::SharesNotWhole);
    assert_error(set(&mut f, vec![datanet_entry(d1, v1, 5_000)], 4_000, 1_001), ModelError::SharesNotWhole);
    assert_error(
        set(&mut f, vec![datanet_entry(d1, v1, 0), datanet_entry(d2, v2, 5_000)], 5_000, 0),
        ModelError::ZeroShare,
    );
    assert_error(
        set(&mut f, vec![datanet_entry(d1, v1, 2_000), datanet_entry(d1, v1, 2_000)], 6_000, 0),
        ModelError::DuplicateEntry,
    );
    assert_error(set(&mut f, vec![model_entry(draft, 1_000)], 9_000, 0), ModelError::SelfReference);
    let nine: Vec<_> = (0..9).map(|_| datanet_entry(d1, v1, 1_000)).collect();
    assert_error(set(&mut f, nine, 1_000, 0), ModelError::TooManyEntries);
    // Only datanet entries can be proof-attributed.
    let mut upstream = model_entry(base, 1_000);
    upstream.proof_attributed = true;
    assert_error(set(&mut f, vec![upstream], 9_000, 0), ModelError::ProofAttributedModel);
    assert!(f.w.svm.get::<Model>(&draft).lineage.is_empty(), "nothing was stored");
}

#[test]
fn referenced_accounts_are_checked_for_owner_type_order_and_state() {
    let mut f = fixture();
    let (d1, d2, v1, v2, base) = (f.d1, f.d2, f.v1, f.v2, f.base);
    // An unpublished upstream model (no cycles: a published model cannot point back at a draft).
    let other_owner = f.w.wallet();
    let unpublished = create(&mut f.w, &other_owner, 1, ModelKind::Base, None);
    assert_error(set(&mut f, vec![model_entry(unpublished, 1_000)], 9_000, 0), ModelError::UpstreamNotPublished);
    // A model passed off as a datanet, and a datanet passed off as a model (type cosplay).
    assert_error(set(&mut f, vec![datanet_entry(base, v1, 1_000)], 9_000, 0), Anchor::AccountOwnedByWrongProgram);
    assert_error(set(&mut f, vec![model_entry(d1, 1_000)], 9_000, 0), Anchor::AccountOwnedByWrongProgram);
    // A datanet passed off as a version.
    assert_error(set(&mut f, vec![datanet_entry(d2, d1, 1_000)], 9_000, 0), Anchor::AccountDiscriminatorMismatch);

    let args = || ModelLineageSetArgs {
        entries: vec![datanet_entry(d1, v1, 1_000), datanet_entry(d2, v2, 1_000)],
        owner_share_bps: 8_000,
        operator_share_bps: 0,
    };
    let owner = f.owner.pubkey();
    let draft = f.draft;
    // Accounts out of order (a version before its datanet, or the two versions swapped),
    // missing, or with an extra one.
    let swapped = with_metas(ixs::model::lineage_set(&draft, &owner, args()), |m| m.swap(2, 3));
    assert_error(f.w.svm.run(&f.owner, swapped, &[]), ModelError::LineageAccountMismatch);
    let swapped = with_metas(ixs::model::lineage_set(&draft, &owner, args()), |m| m.swap(3, 5));
    assert_error(f.w.svm.run(&f.owner, swapped, &[]), ModelError::LineageAccountMismatch);
    let missing = with_metas(ixs::model::lineage_set(&draft, &owner, args()), |m| {
        m.pop();
    });
    assert_error(f.w.svm.run(&f.owner, missing, &[]), ModelError::LineageAccountMismatch);
    let extra =
        with_metas(ixs::model::lineage_set(&draft, &owner, args()), |m| m.push(AccountMeta::new_readonly(base, false)));
    assert_error(f.w.svm.run(&f.owner, extra, &[]), ModelError::LineageAccountMismatch);
    // Someone else's draft.
    let stranger = f.w.wallet();
    let ix = ixs::model::lineage_set(&draft, &stranger.pubkey(), args());
    assert_error(f.w.svm.run(&stranger, ix, &[]), ModelError::NotOwner);
}

#[test]
fn an_adapter_must_pay_its_base_and_a_published_lineage_is_frozen() {
    let mut f = fixture();
    let (d1, v1, base) = (f.d1, f.v1, f.base);
    let builder = f.w.wallet();
    let adapter = create(&mut f.w, &builder, 1, ModelKind::Adapter, Some(base));
    let args = |entries| ModelLineageSetArgs { entries, owner_share_bps: 8_000, operator_share_bps: 1_000 };
    let ix = ixs::model::lineage_set(&adapter, &builder.pubkey(), args(vec![datanet_entry(d1, v1, 1_000)]));
    assert_error(f.w.svm.run(&builder, ix, &[]), ModelError::AdapterWithoutBase);
    let ix = ixs::model::lineage_set(&adapter, &builder.pubkey(), args(vec![model_entry(base, 1_000)]));
    f.w.step(&builder, ix, &[]);

    f.w.step(&builder, ixs::model::publish(&adapter, &builder.pubkey(), None), &[]);
    let ix = ixs::model::lineage_set(
        &adapter,
        &builder.pubkey(),
        args(vec![model_entry(base, 500), datanet_entry(d1, v1, 500)]),
    );
    assert_error(f.w.svm.run(&builder, ix, &[]), ModelError::NotDraft);
    assert_eq!(f.w.svm.get::<Model>(&adapter).lineage, vec![model_entry(base, 1_000)]);
}
