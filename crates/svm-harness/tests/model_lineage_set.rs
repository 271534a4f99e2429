use anchor_lang::error::ErrorCode as Anchor;
use anchor_lang::prelude::{AccountMeta, Pubkey};
use datanet_registry::instructions::DatanetVersionPublishArgs;
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

fn fixture() -> Fixture {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let owner = w.wallet();
    let d1 = w.datanet(&curator, 1, DatanetPolicy::Curated);
    let d2 = w.datanet(&curator, 2, DatanetPolicy::Curated);
    let base_owner = w.wallet();
    let shares = Shares { entries: vec![datanet_entry(d1, 5_000)], owner_bps: 4_000, operator_bps: 1_000 };
    let base = w.model(&base_owner, 1, ModelKind::Base, None, 100, shares);
    let draft = create(&mut w, &owner, 7, ModelKind::FineTune, None);
    Fixture { w, curator, owner, draft, d1, d2, base }
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
fn sets_and_replaces_a_draft_lineage_citing_datanets_a_version_and_a_published_model() {
    let mut f = fixture();
    // Cite a published version of d1.
    let curator = f.curator.insecure_clone();
    let curator_key = curator.pubkey();
    let contributor = f.w.wallet();
    let c = f.w.contribute(&f.d1, &contributor, b"c");
    f.w.accept(&f.d1, &curator, &c, 1);
    let args = DatanetVersionPublishArgs {
        number: 1,
        contributions_root: [9; 32],
        contribution_count: 1,
        uri: "ipfs://v1".into(),
    };
    f.w.step(&curator, ixs::datanet::version_publish(&f.d1, &curator_key, args), &[]);
    let version = pda::datanet_version(&f.d1, 1);

    let mut d1 = datanet_entry(f.d1, 3_000);
    d1.datanet_version = Some(version);
    let entries = vec![d1, datanet_entry(f.d2, 2_000), model_entry(f.base, 1_500)];
    let done = set(&mut f, entries.clone(), 2_500, 1_000).unwrap();
    let m: Model = f.w.svm.get(&f.draft);
    assert_eq!((m.lineage.clone(), m.owner_share_bps, m.operator_share_bps), (entries.clone(), 2_500, 1_000));
    assert_eq!(done.event::<ModelLineageSet>().lineage, entries);

    // Still a draft: it can be replaced, down to no entries at all.
    set(&mut f, vec![], 9_000, 1_000).unwrap();
    assert!(f.w.svm.get::<Model>(&f.draft).lineage.is_empty());
}

#[test]
fn shares_must_be_whole_positive_at_most_eight_distinct_and_not_self() {
    let mut f = fixture();
    let (d1, d2, base, draft) = (f.d1, f.d2, f.base, f.draft);
    assert_error(set(&mut f, vec![datanet_entry(d1, 5_000)], 4_000, 999), ModelError::SharesNotWhole);
    assert_error(set(&mut f, vec![datanet_entry(d1, 5_000)], 4_000, 1_001), ModelError::SharesNotWhole);
    assert_error(set(&mut f, vec![datanet_entry(d1, 0), datanet_entry(d2, 5_000)], 5_000, 0), ModelError::ZeroShare);
    assert_error(
        set(&mut f, vec![datanet_entry(d1, 2_000), datanet_entry(d1, 2_000)], 6_000, 0),
        ModelError::DuplicateEntry,
    );
    assert_error(set(&mut f, vec![model_entry(draft, 1_000)], 9_000, 0), ModelError::SelfReference);
    let nine: Vec<_> = (0..9).map(|_| datanet_entry(d1, 1_000)).collect();
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
    let (d1, d2, base) = (f.d1, f.d2, f.base);
    // An unpublished upstream model (no cycles: a published model cannot point back at a draft).
    let other_owner = f.w.wallet();
    let unpublished = create(&mut f.w, &other_owner, 1, ModelKind::Base, None);
    assert_error(set(&mut f, vec![model_entry(unpublished, 1_000)], 9_000, 0), ModelError::UpstreamNotPublished);
    // A model passed off as a datanet, and a datanet passed off as a model (type cosplay).
    assert_error(set(&mut f, vec![datanet_entry(base, 1_000)], 9_000, 0), Anchor::AccountOwnedByWrongProgram);
    assert_error(set(&mut f, vec![model_entry(d1, 1_000)], 9_000, 0), Anchor::AccountOwnedByWrongProgram);
    // A version of another datanet.
    let mut cited = datanet_entry(d2, 1_000);
    cited.datanet_version = Some(d1);
    assert_error(set(&mut f, vec![cited], 9_000, 0), Anchor::AccountDiscriminatorMismatch);

    let args = || ModelLineageSetArgs {
        entries: vec![datanet_entry(d1, 1_000), datanet_entry(d2, 1_000)],
        owner_share_bps: 8_000,
        operator_share_bps: 0,
    };
    let owner = f.owner.pubkey();
    let draft = f.draft;
    // Accounts out of order, missing, or with an extra one.
    let swapped = with_metas(ixs::model::lineage_set(&draft, &owner, args()), |m| m.swap(2, 3));
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
    let (d1, base) = (f.d1, f.base);
    let builder = f.w.wallet();
    let adapter = create(&mut f.w, &builder, 1, ModelKind::Adapter, Some(base));
    let args = |entries| ModelLineageSetArgs { entries, owner_share_bps: 8_000, operator_share_bps: 1_000 };
    let ix = ixs::model::lineage_set(&adapter, &builder.pubkey(), args(vec![datanet_entry(d1, 1_000)]));
    assert_error(f.w.svm.run(&builder, ix, &[]), ModelError::AdapterWithoutBase);
    let ix = ixs::model::lineage_set(&adapter, &builder.pubkey(), args(vec![model_entry(base, 1_000)]));
    f.w.step(&builder, ix, &[]);

    f.w.step(&builder, ixs::model::publish(&adapter, &builder.pubkey(), None), &[]);
    let ix = ixs::model::lineage_set(
        &adapter,
        &builder.pubkey(),
        args(vec![model_entry(base, 500), datanet_entry(d1, 500)]),
    );
    assert_error(f.w.svm.run(&builder, ix, &[]), ModelError::NotDraft);
    assert_eq!(f.w.svm.get::<Model>(&adapter).lineage, vec![model_entry(base, 1_000)]);
}
