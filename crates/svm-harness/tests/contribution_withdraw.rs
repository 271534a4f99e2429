use anchor_lang::error::ErrorCode as Anchor;
use anchor_lang::prelude::Pubkey;
use datanet_registry::errors::DatanetError;
use datanet_registry::events::ContributionWithdrawn;
use datanet_registry::instructions::{ContributionSubmitArgs, ReviewDecision};
use datanet_registry::state::{Contribution, ContributionStatus, Datanet, DatanetPolicy};
use svm_harness::token::TokenProgram;
use svm_harness::world::{content_hash, World};
use svm_harness::{assert_error, ixs, with_metas, Keypair, Signer};

fn reject(w: &mut World, datanet: &Pubkey, curator: &Keypair, c: &Pubkey) {
    let reject = ReviewDecision::Reject { reason: 4 };
    w.step(curator, ixs::datanet::contribution_review(datanet, c, &curator.pubkey(), reject), &[]);
}

#[test]
fn the_contributor_withdraws_a_pending_contribution_and_gets_the_rent_back() {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let contributor = w.wallet();
    let datanet = w.datanet(&curator, 1, DatanetPolicy::Curated);
    let contribution = w.contribute(&datanet, &contributor, b"draft essay");
    let rent = w.svm.lamports(&contribution);
    let payer = w.wallet(); // pays the fee, so the contributor's balance shows exactly the rent
    let before = w.svm.lamports(&contributor.pubkey());
    let key = contributor.pubkey();
    let done =
        w.step(&payer, ixs::datanet::contribution_withdraw(&datanet, &contribution, &key, &key), &[&contributor]);
    assert!(w.svm.account(&contribution).is_none(), "closed");
    assert_eq!(w.svm.lamports(&contributor.pubkey()), before + rent);
    let event: ContributionWithdrawn = done.event();
    assert_eq!(
        (event.contribution, event.status, event.rent_returned, event.by),
        (contribution, ContributionStatus::Pending, rent, key)
    );
    let d: Datanet = w.svm.get(&datanet);
    assert_eq!((d.submitted, d.withdrawn), (1, 1));
    // The same content can be submitted again later.
    w.contribute(&datanet, &contributor, b"draft essay");
}

#[test]
fn only_the_contributor_withdraws_a_pending_contribution_and_nobody_an_accepted_one() {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let contributor = w.wallet();
    let thief = w.wallet();
    let datanet = w.datanet(&curator, 1, DatanetPolicy::Curated);
    let contribution = w.contribute(&datanet, &contributor, b"a");
    let key = contributor.pubkey();
    // A stranger, sending the rent to the contributor or to itself.
    let ix = ixs::datanet::contribution_withdraw(&datanet, &contribution, &key, &thief.pubkey());
    assert_error(w.svm.run(&thief, ix, &[]), DatanetError::NotContributor);
    let ix = ixs::datanet::contribution_withdraw(&datanet, &contribution, &thief.pubkey(), &thief.pubkey());
    assert_error(w.svm.run(&thief, ix, &[]), DatanetError::WrongContributor);
    // The curator may not clear a contribution still pending (it reviews it instead).
    let ix = ixs::datanet::contribution_withdraw(&datanet, &contribution, &key, &curator.pubkey());
    assert_error(w.svm.run(&curator, ix, &[]), DatanetError::NotContributor);
    // Naming the contributor as the signer without its signature.
    let unsigned = with_metas(ixs::datanet::contribution_withdraw(&datanet, &contribution, &key, &key), |m| {
        m[3].is_signer = false
    });
    assert_error(w.svm.run(&thief, unsigned, &[]), Anchor::AccountNotSigner);
    // Against another datanet (whose counters it would corrupt).
    let other = w.datanet(&curator, 2, DatanetPolicy::Curated);
    let ix = ixs::datanet::contribution_withdraw(&other, &contribution, &key, &key);
    assert_error(w.svm.run(&contributor, ix, &[]), Anchor::ConstraintHasOne);
    assert_eq!(w.svm.get::<Contribution>(&contribution).status, ContributionStatus::Pending);

    w.accept(&datanet, &curator, &contribution, 10);
    let ix = ixs::datanet::contribution_withdraw(&datanet, &contribution, &key, &key);
    assert_error(w.svm.run(&contributor, ix, &[]), DatanetError::AcceptedIsPermanent);
    let ix = ixs::datanet::contribution_withdraw(&datanet, &contribution, &key, &curator.pubkey());
    assert_error(w.svm.run(&curator, ix, &[]), DatanetError::AcceptedIsPermanent);
    assert!(w.svm.account(&contribution).is_some(), "an accepted contribution stays");
    let d: Datanet = w.svm.get(&datanet);
    assert_eq!((d.submitted, d.accepted, d.withdrawn), (1, 1, 0));
}

#[test]
fn the_contributor_clears_its_rejected_contribution_with_its_rent_and_its_hash_freed() {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let contributor = w.wallet();
    let datanet = w.datanet(&curator, 1, DatanetPolicy::Curated);
    let contribution = w.contribute(&datanet, &contributor, b"blurry scans");
    reject(&mut w, &datanet, &curator, &contribution);
    let rent = w.svm.lamports(&contribution);
    let payer = w.wallet();
    let before = w.svm.lamports(&contributor.pubkey());
    let key = contributor.pubkey();
    let ix = ixs::datanet::contribution_withdraw(&datanet, &contribution, &key, &key);
    let done = w.step(&payer, ix, &[&contributor]);
    assert!(w.svm.account(&contribution).is_none(), "closed");
    assert_eq!(w.svm.lamports(&contributor.pubkey()), before + rent);
    let event: ContributionWithdrawn = done.event();
    assert_eq!((event.status, event.rent_returned, event.by), (ContributionStatus::Rejected, rent, key));
    // The rejection stays counted; nothing counts as withdrawn.
    let d: Datanet = w.svm.get(&datanet);
    assert_eq!((d.submitted, d.rejected, d.withdrawn), (1, 1, 0));
    // The content may be submitted again (and reviewed again).
    let again = w.contribute(&datanet, &contributor, b"blurry scans");
    assert_eq!(again, contribution);
    assert_eq!(w.svm.get::<Datanet>(&datanet).submitted, 2);
}

#[test]
fn the_curator_clears_a_rejected_squat_so_that_the_author_can_submit_the_content() {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let author = w.wallet();
    let squatter = w.wallet();
    let stranger = w.wallet();
    let datanet = w.datanet(&curator, 1, DatanetPolicy::Curated);
    // The squatter copies the hash of the author's content and submits it first.
    let squat = w.contribute(&datanet, &squatter, b"the author's field recordings");
    let refused = ixs::datanet::contribution_submit(
        &datanet,
        &author.pubkey(),
        ContributionSubmitArgs {
            content_hash: content_hash(b"the author's field recordings"),
            uri: "ipfs://recordings".into(),
            size: 29,
        },
    );
    assert_error(w.svm.run(&author, refused.clone(), &[]), DatanetError::DuplicateContribution);
    reject(&mut w, &datanet, &curator, &squat);

    let (curator_key, squatter_key) = (curator.pubkey(), squatter.pubkey());
    // Nobody else clears it, and the curator cannot take the rent.
    let ix = ixs::datanet::contribution_withdraw(&datanet, &squat, &squatter_key, &stranger.pubkey());
    assert_error(w.svm.run(&stranger, ix, &[]), DatanetError::NotContributor);
    let ix = ixs::datanet::contribution_withdraw(&datanet, &squat, &curator_key, &curator_key);
    assert_error(w.svm.run(&curator, ix, &[]), DatanetError::WrongContributor);
    assert!(w.svm.account(&squat).is_some());

    // The curator clears it: the rent goes back to whoever paid it (the squatter).
    let rent = w.svm.lamports(&squat);
    let before = w.svm.lamports(&squatter_key);
    let done =
        w.step(&curator, ixs::datanet::contribution_withdraw(&datanet, &squat, &squatter_key, &curator_key), &[]);
    assert!(w.svm.account(&squat).is_none(), "closed");
    assert_eq!(w.svm.lamports(&squatter_key), before + rent);
    let event: ContributionWithdrawn = done.event();
    assert_eq!(
        (event.contributor, event.status, event.by, event.rent_returned),
        (squatter_key, ContributionStatus::Rejected, curator_key, rent)
    );
    let d: Datanet = w.svm.get(&datanet);
    assert_eq!((d.submitted, d.rejected, d.withdrawn), (1, 1, 0));

    // The author submits its content; it is the author's now.
    w.step(&author, refused, &[]);
    let c: Contribution = w.svm.get(&squat);
    assert_eq!((c.contributor, c.status), (author.pubkey(), ContributionStatus::Pending));
    assert_eq!(w.svm.get::<Datanet>(&datanet).submitted, 2);
}
