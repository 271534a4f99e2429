//! Handing a role to a new wallet, and closing what is empty (issue 14, part 5), on the built
//! programs: a model's owner, an operator's authority with its stake, an earnings account; empty
//! earnings accounts and stakes. Each attack is mounted with its honest twin, and balances are
//! checked after it.
use anchor_lang::prelude::Pubkey;
use attribution_payout::errors::PayoutError;
use attribution_payout::state::{Earnings, EarningsRole, Stake};
use datanet_registry::state::DatanetPolicy;
use model_registry::errors::ModelError;
use model_registry::state::{Model, ModelKind, Operator};
use svm_harness::token::TokenProgram;
use svm_harness::world::{datanet_entry, Request, Shares, World, OPEN};
use svm_harness::{assert_error, ixs, pda, Keypair, Signer};

/// A published model (owner share 40 %, operator 10 %) over an open datanet, a staked operator
/// and a funded user.
struct Market {
    w: World,
    owner: Keypair,
    model: Pubkey,
    operator: Keypair,
    user: Keypair,
    user_token: Pubkey,
}

fn market() -> Market {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let datanet = w.datanet(&curator, 1, DatanetPolicy::Open { weight: 1 });
    let contributor = w.wallet();
    w.contribute(&datanet, &contributor, b"sample");
    let v1 = w.publish_version(&curator, &datanet);
    let owner = w.wallet();
    let shares = Shares { entries: vec![datanet_entry(datanet, v1, 5_000)], owner_bps: 4_000, operator_bps: 1_000 };
    let model = w.model(&owner, 1, ModelKind::Base, None, OPEN, shares);
    let operator = w.wallet();
    w.operator(&operator, 1_000 * OPEN);
    let user = w.wallet();
    let user_token = w.fund(&user.pubkey(), 1_000 * OPEN);
    Market { w, owner, model, operator, user, user_token }
}

impl Market {
    fn balance(&self, who: &Pubkey, role: EarningsRole) -> u64 {
        self.w.svm.get::<Earnings>(&pda::earnings(who, role)).balance
    }
}

#[test]
fn a_model_handed_over_pays_its_owner_share_to_the_new_owner() {
    let mut m = market();
    m.w.pay(&m.user.insecure_clone(), &m.user_token.clone(), &m.model.clone(), &m.operator.insecure_clone(), 10)
        .unwrap();
    let earned_before = m.balance(&m.owner.pubkey(), EarningsRole::ModelOwner);
    assert!(earned_before > 0);
    let heir = m.w.wallet();
    m.w.ensure_earnings(&heir, EarningsRole::ModelOwner);

    // Attack: a stranger proposes itself, or accepts without a proposal.
    let propose = ixs::model::model_owner_propose(&m.model, &heir.pubkey(), Some(heir.pubkey()));
    assert_error(m.w.svm.run(&heir, propose, &[]), ModelError::NotOwner);
    assert_error(
        m.w.svm.run(&heir, ixs::model::model_owner_accept(&m.model, &heir.pubkey()), &[]),
        ModelError::NoPendingHandover,
    );
    // Honest twin: the owner proposes, the heir accepts.
    let propose = ixs::model::model_owner_propose(&m.model, &m.owner.pubkey(), Some(heir.pubkey()));
    m.w.step(&m.owner.insecure_clone(), propose, &[]);
    let stranger = m.w.wallet();
    assert_error(
        m.w.svm.run(&stranger, ixs::model::model_owner_accept(&m.model, &stranger.pubkey()), &[]),
        ModelError::NoPendingHandover,
    );
    m.w.step(&heir, ixs::model::model_owner_accept(&m.model, &heir.pubkey()), &[]);
    let model = m.w.svm.get::<Model>(&m.model);
    assert_eq!((model.owner, model.pending_owner), (heir.pubkey(), None));

    // Attack: a payment that still credits the previous owner's earnings is refused.
    let mut stale =
        m.w.pay_instructions(&m.user.pubkey(), &m.user_token, &m.model, &m.operator.pubkey(), 10, Request::numbered(1));
    stale[0].accounts[10].pubkey = pda::earnings(&m.owner.pubkey(), EarningsRole::ModelOwner);
    assert_error(
        m.w.svm.send(&m.user.insecure_clone(), &stale, &[&m.operator.insecure_clone()]),
        PayoutError::WrongEarnings,
    );
    // Honest twin: the next fee's owner share goes to the heir; what was earned before stays.
    m.w.pay(&m.user.insecure_clone(), &m.user_token.clone(), &m.model.clone(), &m.operator.insecure_clone(), 10)
        .unwrap();
    assert_eq!(m.balance(&m.owner.pubkey(), EarningsRole::ModelOwner), earned_before);
    assert_eq!(m.balance(&heir.pubkey(), EarningsRole::ModelOwner), earned_before);
    // The previous owner can no longer act on the model.
    let again = ixs::model::model_owner_propose(&m.model, &m.owner.pubkey(), Some(m.owner.pubkey()));
    assert_error(m.w.svm.run(&m.owner.insecure_clone(), again, &[]), ModelError::NotOwner);
}

#[test]
fn an_operator_and_its_stake_handed_over_serve_and_earn_under_the_new_key() {
    let mut m = market();
    let first = m.operator.pubkey();
    let (operator, stake) = (pda::operator(&first), pda::stake(&first));
    let heir = m.w.wallet();
    m.w.ensure_earnings(&heir, EarningsRole::Operator);
    let propose = ixs::model::operator_authority_propose(&operator, &first, Some(heir.pubkey()));
    m.w.step(&m.operator.insecure_clone(), propose, &[]);
    m.w.step(&heir, ixs::model::operator_authority_accept(&operator, &heir.pubkey()), &[]);
    assert_eq!(m.w.svm.get::<Operator>(&operator).authority, heir.pubkey());

    // The heir's payment accounts: the operator and stake at their first key's PDAs, its
    // signature and earnings.
    let pay = |m: &Market| {
        let mut ixs =
            m.w.pay_instructions(&m.user.pubkey(), &m.user_token, &m.model, &heir.pubkey(), 10, Request::numbered(2));
        ixs[0].accounts[6].pubkey = operator;
        ixs[0].accounts[8].pubkey = stake;
        ixs
    };
    // Attack: the operator changed hands but its stake did not: not payable.
    let ixs = pay(&m);
    assert_error(m.w.svm.send(&m.user.insecure_clone(), &ixs, &[&heir]), PayoutError::WrongStake);
    // Attack: a stranger takes the stake.
    let stranger = m.w.wallet();
    let grab = ixs::payout::stake_authority_propose(&stake, &stranger.pubkey(), Some(stranger.pubkey()));
    assert_error(m.w.svm.run(&stranger, grab, &[]), PayoutError::NotStakeAuthority);
    assert_error(
        m.w.svm.run(&stranger, ixs::payout::stake_authority_accept(&stake, &stranger.pubkey()), &[]),
        PayoutError::NoPendingHandover,
    );
    // Honest twin: the stake follows, and the heir is paid the operator share.
    m.w.step(
        &m.operator.insecure_clone(),
        ixs::payout::stake_authority_propose(&stake, &first, Some(heir.pubkey())),
        &[],
    );
    m.w.step(&heir, ixs::payout::stake_authority_accept(&stake, &heir.pubkey()), &[]);
    assert_eq!(m.w.svm.get::<Stake>(&stake).authority, heir.pubkey());
    let before = m.balance(&first, EarningsRole::Operator);
    let ixs = pay(&m);
    m.w.svm.send(&m.user.insecure_clone(), &ixs, &[&heir]).expect("payment to the handed-over operator");
    // 10 % of the fee after the 2.5 % protocol fee.
    assert_eq!(m.balance(&heir.pubkey(), EarningsRole::Operator), 10 * OPEN * 9_750 / 10_000 / 10);
    assert_eq!(m.balance(&first, EarningsRole::Operator), before);
    // The previous key can no longer update the operator.
    let update = ixs::model::operator_update(&first, "https://stolen.example");
    assert!(m.w.svm.run(&m.operator.insecure_clone(), update, &[]).is_err());
}

#[test]
fn an_earnings_account_handed_over_moves_its_balance_once_and_closes() {
    let mut m = market();
    m.w.pay(&m.user.insecure_clone(), &m.user_token.clone(), &m.model.clone(), &m.operator.insecure_clone(), 10)
        .unwrap();
    let owner = m.owner.insecure_clone();
    let balance = m.balance(&owner.pubkey(), EarningsRole::ModelOwner);
    let heir = m.w.wallet();
    m.w.ensure_earnings(&heir, EarningsRole::ModelOwner);
    m.w.ensure_earnings(&heir, EarningsRole::Operator);
    let vault = m.w.svm.token_balance(&pda::vault());

    // Attack: handing over to oneself (accepting would close the account into itself).
    let to_self =
        ixs::payout::earnings_transfer_propose(&owner.pubkey(), EarningsRole::ModelOwner, Some(owner.pubkey()));
    assert_error(m.w.svm.run(&owner, to_self, &[]), PayoutError::HandoverToSelf);
    // Attack: a stranger accepts without a proposal.
    let grab = ixs::payout::earnings_transfer_accept(&owner.pubkey(), EarningsRole::ModelOwner, &heir.pubkey());
    assert_error(m.w.svm.run(&heir, grab, &[]), PayoutError::NoPendingHandover);
    let propose =
        ixs::payout::earnings_transfer_propose(&owner.pubkey(), EarningsRole::ModelOwner, Some(heir.pubkey()));
    m.w.step(&owner, propose, &[]);
    // Attack: the balance moved into the heir's account of another role.
    let mut wrong_role =
        ixs::payout::earnings_transfer_accept(&owner.pubkey(), EarningsRole::ModelOwner, &heir.pubkey());
    wrong_role.accounts[2].pubkey = pda::earnings(&heir.pubkey(), EarningsRole::Operator);
    assert_error(m.w.svm.run(&heir, wrong_role, &[]), PayoutError::WrongEarnings);
    // Attack: the rent sent elsewhere.
    let mut rent_thief =
        ixs::payout::earnings_transfer_accept(&owner.pubkey(), EarningsRole::ModelOwner, &heir.pubkey());
    rent_thief.accounts[3].pubkey = heir.pubkey();
    assert_error(m.w.svm.run(&heir, rent_thief, &[]), PayoutError::NotBeneficiary);
    assert_eq!(m.balance(&owner.pubkey(), EarningsRole::ModelOwner), balance);

    // Honest twin.
    let earnings = pda::earnings(&owner.pubkey(), EarningsRole::ModelOwner);
    let rent = m.w.svm.lamports(&earnings);
    let lamports = m.w.svm.lamports(&owner.pubkey());
    let accept = ixs::payout::earnings_transfer_accept(&owner.pubkey(), EarningsRole::ModelOwner, &heir.pubkey());
    m.w.step(&heir, accept.clone(), &[]);
    assert!(m.w.svm.account(&earnings).is_none(), "the old account closed");
    assert_eq!(m.w.svm.lamports(&owner.pubkey()), lamports + rent, "its rent went back to the previous wallet");
    let moved = m.w.svm.get::<Earnings>(&pda::earnings(&heir.pubkey(), EarningsRole::ModelOwner));
    assert_eq!((moved.balance, moved.total_earned), (balance, balance));
    assert_eq!(m.w.svm.token_balance(&pda::vault()), vault, "nothing left the vault");
    // Attack: the same acceptance again.
    assert!(m.w.svm.run(&heir, accept, &[]).is_err());
    // Attack: the config treasury's account handed over (accepting would close it, and every
    // payment credits it).
    let treasury = m.w.treasury.insecure_clone();
    m.w.ensure_earnings(&heir, EarningsRole::Treasury);
    let propose =
        ixs::payout::earnings_transfer_propose(&treasury.pubkey(), EarningsRole::Treasury, Some(heir.pubkey()));
    m.w.step(&treasury, propose, &[]);
    let accept = ixs::payout::earnings_transfer_accept(&treasury.pubkey(), EarningsRole::Treasury, &heir.pubkey());
    assert_error(m.w.svm.run(&heir, accept, &[]), PayoutError::TreasuryEarningsStay);
    assert!(m.w.svm.account(&pda::earnings(&treasury.pubkey(), EarningsRole::Treasury)).is_some());
    // The heir claims it.
    let to = m.w.fund(&heir.pubkey(), 0);
    m.w.claim_earnings(&heir, EarningsRole::ModelOwner, &to).unwrap();
    assert_eq!(m.w.svm.token_balance(&to), balance);
}

#[test]
fn empty_earnings_and_stakes_close_to_their_holders_and_nothing_else_does() {
    let mut m = market();
    m.w.pay(&m.user.insecure_clone(), &m.user_token.clone(), &m.model.clone(), &m.operator.insecure_clone(), 10)
        .unwrap();
    let operator = m.operator.insecure_clone();
    let key = operator.pubkey();
    let earnings = pda::earnings(&key, EarningsRole::Operator);

    // Attack: closing an account that still holds earnings, or someone else's.
    assert_error(
        m.w.svm.run(&operator, ixs::payout::earnings_close(&key, EarningsRole::Operator), &[]),
        PayoutError::AccountNotEmpty,
    );
    let stranger = m.w.wallet();
    let mut theirs = ixs::payout::earnings_close(&stranger.pubkey(), EarningsRole::Operator);
    theirs.accounts[1].pubkey = earnings;
    assert_error(m.w.svm.run(&stranger, theirs, &[]), PayoutError::NotBeneficiary);
    // Attack: the treasury's account, empty or not, stays (every payment credits it).
    let treasury = m.w.treasury.insecure_clone();
    let to = m.w.fund(&treasury.pubkey(), 0);
    m.w.claim_earnings(&treasury, EarningsRole::Treasury, &to).unwrap();
    let close_treasury = ixs::payout::earnings_close(&treasury.pubkey(), EarningsRole::Treasury);
    assert_error(m.w.svm.run(&treasury, close_treasury, &[]), PayoutError::TreasuryEarningsStay);
    // Honest twin: claimed, then closed, the rent back to the operator.
    let to = m.w.fund(&key, 0);
    m.w.claim_earnings(&operator, EarningsRole::Operator, &to).unwrap();
    let (rent, lamports) = (m.w.svm.lamports(&earnings), m.w.svm.lamports(&key));
    m.w.svm
        .run(&m.user.insecure_clone(), ixs::payout::earnings_close(&key, EarningsRole::Operator), &[&operator])
        .unwrap();
    assert!(m.w.svm.account(&earnings).is_none());
    assert_eq!(m.w.svm.lamports(&key), lamports + rent);

    // Attack: closing a stake that still holds OPEN.
    let stake = pda::stake(&key);
    assert_error(m.w.svm.run(&operator, ixs::payout::stake_close(&key), &[]), PayoutError::AccountNotEmpty);
    // Honest twin: everything unstaked and withdrawn, then closed.
    let staked = m.w.svm.get::<Stake>(&stake).active;
    m.w.step(&operator, ixs::payout::stake_unstake_request(&key, staked), &[]);
    assert_error(m.w.svm.run(&operator, ixs::payout::stake_close(&key), &[]), PayoutError::AccountNotEmpty);
    m.w.svm.advance_time(7 * 24 * 3600);
    let open = m.w.open;
    m.w.step(&operator, ixs::payout::stake_withdraw(&open, &key, &to), &[]);
    let (rent, lamports) = (m.w.svm.lamports(&stake), m.w.svm.lamports(&key));
    m.w.svm.run(&m.user.insecure_clone(), ixs::payout::stake_close(&key), &[&operator]).unwrap();
    assert!(m.w.svm.account(&stake).is_none());
    assert_eq!(m.w.svm.lamports(&key), lamports + rent);
    assert_eq!(
        m.w.svm.token_balance(&to),
        staked + 10 * OPEN * 9_750 / 10_000 / 10,
        "stake and earnings both reached the operator"
    );
}
