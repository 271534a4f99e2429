//! contribution_transfer_propose / _accept (datanet_registry) and position_sync
//! (attribution_payout) against the .so: a contributor hands a contribution to a new wallet, and
//! what it earned (before and after) follows it.
use anchor_lang::error::ErrorCode as Anchor;
use attribution_payout::errors::PayoutError;
use attribution_payout::events::PositionSynced;
use attribution_payout::state::{Pool, Position};
use datanet_registry::errors::DatanetError;
use datanet_registry::events::ContributionTransferAccepted;
use datanet_registry::state::{Contribution, DatanetPolicy};
use model_registry::state::ModelKind;
use svm_harness::token::TokenProgram;
use svm_harness::world::{datanet_entry, Shares, World, OPEN};
use svm_harness::{assert_error, ixs, pda, with_metas, Signer};

#[test]
fn a_handed_over_contribution_pays_its_new_wallet_everything_it_earned() {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let datanet = w.datanet(&curator, 1, DatanetPolicy::Open { weight: 1 });
    let (old, new, stranger) = (w.wallet(), w.wallet(), w.wallet());
    let c = w.contribute(&datanet, &old, b"a sample");
    let other = w.contribute(&datanet, &stranger, b"another sample");
    let version = w.publish_version(&curator, &datanet);
    w.enroll(&old, &version, &c);
    let owner = w.wallet();
    let shares =
        Shares { entries: vec![datanet_entry(datanet, version, 5_000)], owner_bps: 4_000, operator_bps: 1_000 };
    let model = w.model(&owner, 1, ModelKind::Base, None, OPEN, shares);
    let operator = w.wallet();
    w.operator(&operator, 1_000 * OPEN);
    let user = w.wallet();
    let user_token = w.fund(&user.pubkey(), 1_000 * OPEN);
    w.pay(&user, &user_token, &model, &operator, 10).unwrap();

    // Only the contributor proposes; only the proposed wallet accepts; a cancelled proposal is gone.
    let propose = ixs::datanet::contribution_transfer_propose(&c, &stranger.pubkey(), Some(stranger.pubkey()));
    assert_error(w.svm.run(&stranger, propose, &[]), DatanetError::NotContributor);
    w.step(&old, ixs::datanet::contribution_transfer_propose(&c, &old.pubkey(), Some(new.pubkey())), &[]);
    let accept = ixs::datanet::contribution_transfer_accept(&c, &stranger.pubkey());
    assert_error(w.svm.run(&stranger, accept, &[]), DatanetError::NoPendingContributor);
    w.step(&old, ixs::datanet::contribution_transfer_propose(&c, &old.pubkey(), None), &[]);
    assert_error(
        w.svm.run(&new, ixs::datanet::contribution_transfer_accept(&c, &new.pubkey()), &[]),
        DatanetError::NoPendingContributor,
    );
    w.step(&old, ixs::datanet::contribution_transfer_propose(&c, &old.pubkey(), Some(new.pubkey())), &[]);
    let done = w.step(&new, ixs::datanet::contribution_transfer_accept(&c, &new.pubkey()), &[]);
    let event: ContributionTransferAccepted = done.event();
    assert_eq!((event.previous, event.contributor), (old.pubkey(), new.pubkey()));
    let contribution: Contribution = w.svm.get(&c);
    assert_eq!((contribution.contributor, contribution.pending_contributor), (new.pubkey(), None));

    // The position follows (anyone may sync it); against another contribution, refused.
    let wrong = with_metas(ixs::payout::position_sync(&version, &c), |a| a[1].pubkey = other);
    assert_error(w.svm.run(&stranger, wrong, &[]), PayoutError::WrongContribution);
    let done = w.step(&stranger, ixs::payout::position_sync(&version, &c), &[]);
    assert_eq!(done.event::<PositionSynced>().beneficiary, new.pubkey());
    assert_error(w.svm.run(&stranger, ixs::payout::position_sync(&version, &c), &[]), PayoutError::BeneficiaryCurrent);
    // A position of another program's making is refused.
    let fake = with_metas(ixs::payout::position_sync(&version, &c), |a| a[0].pubkey = pda::pool(&version));
    assert_error(w.svm.run(&stranger, fake, &[]), Anchor::AccountDiscriminatorMismatch);

    // The old wallet claims nothing; the new one everything, earned before and after the handover.
    let old_token = w.fund(&old.pubkey(), 0);
    assert_error(w.claim_position(&old, &version, &c, &old_token), PayoutError::NotBeneficiary);
    w.pay(&user, &user_token, &model, &operator, 10).unwrap();
    let new_token = w.fund(&new.pubkey(), 0);
    w.claim_position(&new, &version, &c, &new_token).unwrap();
    let pool: Pool = w.svm.get(&pda::pool(&version));
    let position: Position = w.svm.get(&pda::position(&pda::pool(&version), &c));
    assert_eq!(w.svm.token_balance(&new_token), pool.total_credited / 2);
    assert_eq!(position.total_claimed, pool.total_credited / 2);
    assert_eq!(w.svm.token_balance(&old_token), 0);
}

#[test]
fn a_handed_over_pending_contribution_refunds_its_rent_to_the_new_wallet() {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let datanet = w.datanet(&curator, 1, DatanetPolicy::Curated);
    let (old, new) = (w.wallet(), w.wallet());
    let c = w.contribute(&datanet, &old, b"pending sample");
    w.step(&old, ixs::datanet::contribution_transfer_propose(&c, &old.pubkey(), Some(new.pubkey())), &[]);
    w.step(&new, ixs::datanet::contribution_transfer_accept(&c, &new.pubkey()), &[]);
    // The old wallet can no longer withdraw it; the new one can, and gets the rent.
    let by_old = ixs::datanet::contribution_withdraw(&datanet, &c, &old.pubkey(), &old.pubkey());
    assert_error(w.svm.run(&old, by_old, &[]), DatanetError::WrongContributor);
    let (rent, before) = (w.svm.lamports(&c), w.svm.lamports(&new.pubkey()));
    w.step(&new, ixs::datanet::contribution_withdraw(&datanet, &c, &new.pubkey(), &new.pubkey()), &[]);
    assert!(w.svm.lamports(&new.pubkey()) + 10_000 >= before + rent, "the rent (less the fee) came back");
}
