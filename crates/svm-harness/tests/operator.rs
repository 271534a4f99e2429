use model_registry::errors::ModelError;
use model_registry::events::{OperatorRegistered, OperatorUpdated};
use model_registry::state::{Operator, OperatorStatus};
use svm_harness::{assert_error, ixs, pda, with_metas, Signer, Svm};

#[test]
fn an_operator_registers_updates_deactivates_and_resumes() {
    let mut svm = Svm::new();
    let op = svm.wallet();
    let key = op.pubkey();
    let done = svm.run(&op, ixs::model::operator_register(&key, "https://a.example"), &[]).unwrap();
    let state: Operator = svm.get(&pda::operator(&key));
    assert_eq!(
        (state.authority, state.status, state.endpoint.as_str()),
        (key, OperatorStatus::Active, "https://a.example")
    );
    assert_eq!(done.event::<OperatorRegistered>().operator, pda::operator(&key));

    let done = svm.run(&op, ixs::model::operator_deactivate(&key), &[]).unwrap();
    assert_eq!(done.event::<OperatorUpdated>().status, OperatorStatus::Inactive);
    assert_eq!(svm.get::<Operator>(&pda::operator(&key)).status, OperatorStatus::Inactive);

    svm.run(&op, ixs::model::operator_update(&key, "https://b.example"), &[]).unwrap();
    let state: Operator = svm.get(&pda::operator(&key));
    assert_eq!((state.status, state.endpoint.as_str()), (OperatorStatus::Active, "https://b.example"));

    // Registering twice is a re-initialisation.
    let failed = svm.run(&op, ixs::model::operator_register(&key, "https://c.example"), &[]).unwrap_err();
    assert!(failed.logs().iter().any(|l| l.contains("already in use")));
}

#[test]
fn only_the_operator_changes_its_record() {
    let mut svm = Svm::new();
    let op = svm.wallet();
    let thief = svm.wallet();
    svm.run(&op, ixs::model::operator_register(&op.pubkey(), "https://a.example"), &[]).unwrap();
    // The thief names the operator's record but signs as itself.
    let ix =
        with_metas(ixs::model::operator_deactivate(&thief.pubkey()), |m| m[0].pubkey = pda::operator(&op.pubkey()));
    assert_error(svm.run(&thief, ix, &[]), ModelError::NotOperatorAuthority);
    let ix = with_metas(ixs::model::operator_update(&thief.pubkey(), "https://evil"), |m| {
        m[0].pubkey = pda::operator(&op.pubkey())
    });
    assert_error(svm.run(&thief, ix, &[]), ModelError::NotOperatorAuthority);
    let unsigned = with_metas(ixs::model::operator_deactivate(&op.pubkey()), |m| m[1].is_signer = false);
    assert_error(svm.run(&thief, unsigned, &[]), anchor_lang::error::ErrorCode::AccountNotSigner);
    assert_error(svm.run(&op, ixs::model::operator_update(&op.pubkey(), ""), &[]), ModelError::InvalidUri);
    assert_eq!(svm.get::<Operator>(&pda::operator(&op.pubkey())).status, OperatorStatus::Active);
}
