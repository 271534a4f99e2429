use anchor_lang::error::ErrorCode as Anchor;
use anchor_lang::prelude::{AccountMeta, Pubkey};
use anchor_lang::solana_program::instruction::Instruction;
use attribution_payout::errors::PayoutError;
use attribution_payout::events::InferencePaid;
use attribution_payout::instructions::InferencePayArgs;
use attribution_payout::state::{Earnings, EarningsRole, Escrow, Pool};
use datanet_registry::state::DatanetPolicy;
use model_registry::state::{Model, ModelKind};
use svm_harness::token::TokenProgram;
use svm_harness::world::{datanet_entry, model_entry, Shares, World, OPEN};
use svm_harness::{assert_error, ixs, pda, with_metas, Keypair, Signer};

/// A fine-tune citing version 1 of two datanets and a base model, served by a staked operator.
struct Market {
    w: World,
    curator: Keypair,
    d1: Pubkey,
    /// Version 1 of d1 and of d2.
    v1: Pubkey,
    v2: Pubkey,
    /// The three contributions (two of d1, one of d2), each enrolled in its version's pool.
    contributions: Vec<Pubkey>,
    base: Pubkey,
    tune: Pubkey,
    tune_owner: Keypair,
    operator: Keypair,
    user: Keypair,
    user_token: Pubkey,
}

fn market(program: TokenProgram) -> Market {
    let mut w = World::new(program);
    let curator = w.wallet();
    let d1 = w.datanet(&curator, 1, DatanetPolicy::Open { weight: 1 });
    let d2 = w.datanet(&curator, 2, DatanetPolicy::Open { weight: 1 });
    let mut contributions = Vec::new();
    for (i, d) in [d1, d1, d2].iter().enumerate() {
        let contributor = w.wallet();
        contributions.push((
            contributor.insecure_clone(),
            *d,
            w.contribute(d, &contributor, format!("sample {i}").as_bytes()),
        ));
    }
    let v1 = w.publish_version(&curator, &d1);
    let v2 = w.publish_version(&curator, &d2);
    for (contributor, d, c) in &contributions {
        w.enroll(contributor, if *d == d1 { &v1 } else { &v2 }, c);
    }
    let base_owner = w.wallet();
    let base = w.model(
        &base_owner,
        1,
        ModelKind::Base,
        None,
        100,
        Shares { entries: vec![datanet_entry(d1, v1, 6_000)], owner_bps: 3_000, operator_bps: 1_000 },
    );
    let tune_owner = w.wallet();
    let tune = w.model(
        &tune_owner,
        1,
        ModelKind::FineTune,
        None,
        1_000_003,
        Shares {
            entries: vec![datanet_entry(d1, v1, 2_500), datanet_entry(d2, v2, 1_500), model_entry(base, 2_000)],
            owner_bps: 2_000,
            operator_bps: 2_000,
        },
    );
    let operator = w.wallet();
    w.operator(&operator, 1_000 * OPEN);
    let user = w.wallet();
    let user_token = w.fund(&user.pubkey(), 1_000 * OPEN);
    let contributions = contributions.into_iter().map(|(_, _, c)| c).collect();
    Market { w, curator, d1, v1, v2, contributions, base, tune, tune_owner, operator, user, user_token }
}

/// The user's `inference_pay` for `model` (as it is on chain now) served by `operator`.
fn pay_model_ix(m: &Market, model: &Pubkey, operator: &Pubkey, calls: u64, max_fee: u64) -> Instruction {
    let state: Model = m.w.svm.get(model);
    let args = InferencePayArgs { calls, max_fee, request_id: [7; 32], output_hash: [8; 32] };
    let treasury = m.w.treasury.pubkey();
    ixs::payout::inference_pay(
        &m.w.open,
        &treasury,
        &m.user.pubkey(),
        &m.user_token,
        model,
        &state,
        operator,
        m.w.epoch_index(),
        args,
    )
}

/// The user's `inference_pay` for the fine-tune, served by the market's operator.
fn pay_ix(m: &Market, calls: u64, max_fee: u64) -> Instruction {
    pay_model_ix(m, &m.tune, &m.operator.pubkey(), calls, max_fee)
}

fn earnings(m: &Market, who: &Pubkey, role: EarningsRole) -> u64 {
    m.w.svm.get::<Earnings>(&pda::earnings(who, role)).balance
}

#[test]
fn one_transfer_then_an_exact_split_by_the_frozen_shares() {
    for program in [TokenProgram::Token, TokenProgram::Token2022] {
        let mut m = market(program);
        let fee = 3 * 1_000_003;
        let done = m.w.svm.run(&m.user, pay_ix(&m, 3, fee), &[&m.operator]).unwrap();
        assert_eq!(m.w.svm.token_balance(&m.user_token), 1_000 * OPEN - fee);
        assert_eq!(m.w.svm.token_balance(&pda::vault()), fee);

        // 2.5 % protocol fee off the top, then 20/20/25/15/20 % of the rest.
        let protocol = fee * 250 / 10_000;
        let rest = fee - protocol;
        let part = |bps: u64| rest * bps / 10_000;
        let event: InferencePaid = done.event();
        assert_eq!((event.fee, event.calls, event.price_per_call, event.protocol_fee), (fee, 3, 1_000_003, protocol));
        assert_eq!((event.owner_amount, event.operator_amount), (part(2_000), part(2_000)));
        let lineage: Vec<u64> = event.lineage.iter().map(|c| c.amount).collect();
        assert_eq!(lineage, vec![part(2_500), part(1_500), part(2_000)]);
        let total =
            event.protocol_fee + event.dust + event.owner_amount + event.operator_amount + lineage.iter().sum::<u64>();
        assert_eq!(total, fee, "the credits of one payment sum to the fee exactly");

        assert_eq!(earnings(&m, &m.w.treasury.pubkey(), EarningsRole::Treasury), protocol + event.dust);
        assert_eq!(earnings(&m, &m.tune_owner.pubkey(), EarningsRole::ModelOwner), part(2_000));
        assert_eq!(earnings(&m, &m.operator.pubkey(), EarningsRole::Operator), part(2_000));
        let pool1: Pool = m.w.svm.get(&pda::pool(&m.v1));
        let pool2: Pool = m.w.svm.get(&pda::pool(&m.v2));
        assert_eq!((pool1.total_credited, pool2.total_credited), (part(2_500), part(1_500)));
        assert_eq!(m.w.svm.get::<Escrow>(&pda::escrow(&m.base)).balance, part(2_000));
    }
}

#[test]
fn bad_input_is_refused_by_name_and_changes_nothing() {
    let mut m = market(TokenProgram::Token);
    let fee = 1_000_003;
    let user = m.user.insecure_clone();
    let operator = m.operator.insecure_clone();
    let run = |m: &mut Market, ix| m.w.svm.run(&user, ix, &[&operator]);
    let ix = pay_ix(&m, 0, fee);
    assert_error(run(&mut m, ix), PayoutError::ZeroCalls);
    let ix = pay_ix(&m, 1, fee - 1);
    assert_error(run(&mut m, ix), PayoutError::FeeAboveMax);
    // The owner raises the price after the user signed: the max fee protects the user.
    let owner = m.tune_owner.insecure_clone();
    m.w.step(&owner, ixs::model::price_set(&m.tune, &owner.pubkey(), 2_000_000), &[]);
    let ix = pay_ix(&m, 1, fee);
    assert_error(run(&mut m, ix), PayoutError::FeeAboveMax);
    assert_eq!(m.w.svm.token_balance(&pda::vault()), 0);
    assert_eq!(m.w.svm.token_balance(&m.user_token), 1_000 * OPEN);
}

#[test]
fn pools_and_escrows_must_match_the_lineage_entry_by_entry() {
    let mut m = market(TokenProgram::Token);
    let fee = 1_000_003;
    let (user, operator) = (m.user.insecure_clone(), m.operator.insecure_clone());
    let base_lineage = 13; // fixed accounts of inference_pay
    let (d1, v2) = (m.d1, m.v2);
    // Substitution: d2's version pool where d1's belongs (and the reverse).
    let swapped = with_metas(pay_ix(&m, 1, fee), |a| a.swap(base_lineage, base_lineage + 1));
    assert_error(m.w.svm.run(&user, swapped, &[&operator]), PayoutError::LineageAccountMismatch);
    // The pool of another version of d1 (with a contribution accepted since) where the pool of
    // the cited version 1 belongs.
    let curator = m.curator.insecure_clone();
    let late = m.w.wallet();
    m.w.contribute(&d1, &late, b"late sample");
    let d1_v2 = m.w.publish_version(&curator, &d1);
    let later = with_metas(pay_ix(&m, 1, fee), |a| a[base_lineage].pubkey = pda::pool(&d1_v2));
    assert_error(m.w.svm.run(&user, later, &[&operator]), PayoutError::LineageAccountMismatch);
    // Omission and an extra account.
    let short = with_metas(pay_ix(&m, 1, fee), |a| {
        a.pop();
    });
    assert_error(m.w.svm.run(&user, short, &[&operator]), PayoutError::LineageAccountMismatch);
    let long = with_metas(pay_ix(&m, 1, fee), |a| a.push(AccountMeta::new(pda::pool(&v2), false)));
    assert_error(m.w.svm.run(&user, long, &[&operator]), PayoutError::LineageAccountMismatch);
    // Read-only where the credit must be written.
    let readonly = with_metas(pay_ix(&m, 1, fee), |a| a[base_lineage].is_writable = false);
    assert_error(m.w.svm.run(&user, readonly, &[&operator]), PayoutError::LineageAccountMismatch);
    // Another account of the program's where a pool belongs (type cosplay): a position of the
    // very pool, and the upstream model's escrow.
    let position = pda::position(&pda::pool(&m.v1), &m.contributions[0]);
    let cosplay = with_metas(pay_ix(&m, 1, fee), |a| a[base_lineage].pubkey = position);
    assert_error(m.w.svm.run(&user, cosplay, &[&operator]), Anchor::AccountDiscriminatorMismatch);
    let cosplay = with_metas(pay_ix(&m, 1, fee), |a| a[base_lineage].pubkey = pda::escrow(&m.base));
    assert_error(m.w.svm.run(&user, cosplay, &[&operator]), Anchor::AccountDiscriminatorMismatch);
    let foreign = with_metas(pay_ix(&m, 1, fee), |a| a[base_lineage].pubkey = d1);
    assert_error(m.w.svm.run(&user, foreign, &[&operator]), Anchor::AccountOwnedByWrongProgram);
    assert_eq!(m.w.svm.token_balance(&pda::vault()), 0);
    assert_eq!(m.w.svm.get::<Pool>(&pda::pool(&d1_v2)).total_credited, 0);
}

#[test]
fn a_version_without_its_pool_cannot_be_paid_until_the_pool_exists() {
    let mut m = market(TokenProgram::Token);
    let curator = m.curator.insecure_clone();
    let d1 = m.d1;
    // Version 2 of d1 is published, but nobody has created its pool yet.
    let args = datanet_registry::instructions::DatanetVersionPublishArgs {
        number: 2,
        contributions_root: [2; 32],
        uri: "ipfs://v2".into(),
    };
    m.w.step(&curator, ixs::datanet::version_publish(&d1, &curator.pubkey(), args), &[]);
    let d1_v2 = pda::datanet_version(&d1, 2);
    let owner = m.w.wallet();
    let shares = Shares { entries: vec![datanet_entry(d1, d1_v2, 5_000)], owner_bps: 4_000, operator_bps: 1_000 };
    let model = m.w.model(&owner, 1, ModelKind::Base, None, 1_000, shares);
    let operator = m.operator.insecure_clone();
    let user = m.user.insecure_clone();
    let ix = pay_model_ix(&m, &model, &operator.pubkey(), 1, 1_000);
    // The absent pool is no account of the program's.
    assert_error(m.w.svm.run(&user, ix.clone(), &[&operator]), Anchor::AccountOwnedByWrongProgram);
    assert_eq!(m.w.svm.token_balance(&pda::vault()), 0);
    // Anyone creates it; then the version's contributors are paid.
    let anyone = m.w.wallet();
    m.w.step(&anyone, ixs::payout::pool_init(&anyone.pubkey(), &d1_v2), &[]);
    let pool: Pool = m.w.svm.get(&pda::pool(&d1_v2));
    assert_eq!((pool.datanet, pool.datanet_version, pool.total_weight, pool.accepted_end), (d1, d1_v2, 2, 2));
    let done = m.w.svm.run(&user, ix, &[&operator]).unwrap();
    let paid: InferencePaid = done.event();
    assert_eq!(m.w.svm.get::<Pool>(&pda::pool(&d1_v2)).total_credited, paid.lineage[0].amount);
    // A pool exists once per version.
    let again = m.w.svm.run(&anyone, ixs::payout::pool_init(&anyone.pubkey(), &d1_v2), &[]).unwrap_err();
    assert!(again.logs().iter().any(|l| l.contains("already in use")), "{:#?}", again.logs());
}

#[test]
fn earnings_accounts_cannot_be_substituted() {
    let mut m = market(TokenProgram::Token);
    let fee = 1_000_003;
    let (user, operator) = (m.user.insecure_clone(), m.operator.insecure_clone());
    // The user routes the owner's share to its own earnings account.
    m.w.ensure_earnings(&user, EarningsRole::ModelOwner);
    let own = pda::earnings(&user.pubkey(), EarningsRole::ModelOwner);
    let ix = with_metas(pay_ix(&m, 1, fee), |a| a[10].pubkey = own);
    assert_error(m.w.svm.run(&user, ix, &[&operator]), PayoutError::WrongEarnings);
    // The owner's own account, but of another role.
    let owner = m.tune_owner.insecure_clone();
    m.w.ensure_earnings(&owner, EarningsRole::Operator);
    let wrong_role = pda::earnings(&owner.pubkey(), EarningsRole::Operator);
    let ix = with_metas(pay_ix(&m, 1, fee), |a| a[10].pubkey = wrong_role);
    assert_error(m.w.svm.run(&user, ix, &[&operator]), PayoutError::WrongEarnings);
    // The operator's earnings twice (duplicate mutable accounts).
    let op = pda::earnings(&m.operator.pubkey(), EarningsRole::Operator);
    let ix = with_metas(pay_ix(&m, 1, fee), |a| a[10].pubkey = op);
    assert_error(m.w.svm.run(&user, ix, &[&operator]), Anchor::ConstraintDuplicateMutableAccount);
    let ix = with_metas(pay_ix(&m, 1, fee), |a| a[9].pubkey = own);
    assert_error(m.w.svm.run(&user, ix, &[&operator]), PayoutError::WrongEarnings);
}

#[test]
fn the_model_and_operator_must_be_payable_and_the_config_unpaused() {
    let mut m = market(TokenProgram::Token);
    let fee = 1_000_003;
    let user = m.user.insecure_clone();
    let operator = m.operator.insecure_clone();
    // An inactive operator, then an under-staked one.
    m.w.step(&operator, ixs::model::operator_deactivate(&operator.pubkey()), &[]);
    let ix = pay_ix(&m, 1, fee);
    assert_error(m.w.svm.run(&user, ix, &[&operator]), PayoutError::OperatorInactive);
    m.w.step(&operator, ixs::model::operator_update(&operator.pubkey(), "https://back.example"), &[]);
    m.w.step(&operator, ixs::payout::stake_unstake_request(&operator.pubkey(), 1), &[]);
    let ix = pay_ix(&m, 1, fee);
    assert_error(m.w.svm.run(&user, ix, &[&operator]), PayoutError::InsufficientStake);
    // Someone else's stake account for this operator.
    let rich = m.w.wallet();
    m.w.operator(&rich, 2_000 * OPEN);
    let ix = with_metas(pay_ix(&m, 1, fee), |a| a[8].pubkey = pda::stake(&rich.pubkey()));
    assert_error(m.w.svm.run(&user, ix, &[&operator]), PayoutError::WrongStake);

    // Paused.
    let gov = m.w.governance.insecure_clone();
    m.w.step(&gov, ixs::payout::config_pause(&gov.pubkey(), true), &[]);
    let ix = pay_model_ix(&m, &m.tune, &rich.pubkey(), 1, fee);
    assert_error(m.w.svm.run(&user, ix.clone(), &[&rich]), PayoutError::Paused);
    m.w.step(&gov, ixs::payout::config_pause(&gov.pubkey(), false), &[]);
    m.w.svm.run(&user, ix, &[&rich]).unwrap();

    // A retired model takes no new payments; a draft never did.
    let owner = m.tune_owner.insecure_clone();
    m.w.step(&owner, ixs::model::retire(&m.tune, &owner.pubkey()), &[]);
    let ix = pay_model_ix(&m, &m.tune, &rich.pubkey(), 1, fee);
    assert_error(m.w.svm.run(&user, ix, &[&rich]), PayoutError::ModelRetired);
    let drafter = m.w.wallet();
    let draft_args = model_registry::instructions::ModelCreateArgs {
        id: 9,
        kind: ModelKind::Base,
        name: "d".into(),
        uri: "ipfs://d".into(),
        artifact_hash: [0; 32],
        price_per_call: 5,
    };
    m.w.step(&drafter, ixs::model::create(&drafter.pubkey(), None, draft_args), &[]);
    m.w.ensure_earnings(&drafter, EarningsRole::ModelOwner);
    let draft = pda::model(&drafter.pubkey(), 9);
    let ix = pay_model_ix(&m, &draft, &rich.pubkey(), 1, 5);
    assert_error(m.w.svm.run(&user, ix, &[&rich]), PayoutError::ModelNotPublished);
}

#[test]
fn wrong_mint_fake_token_program_and_foreign_payer_accounts_are_refused() {
    let mut m = market(TokenProgram::Token);
    let fee = 1_000_003;
    let (user, operator) = (m.user.insecure_clone(), m.operator.insecure_clone());
    // Another mint (and the user's account of it).
    let issuer = m.w.wallet();
    let fake_mint = m.w.svm.create_mint(&issuer, 9, TokenProgram::Token);
    let fake_token = m.w.svm.create_token_account(&issuer, &fake_mint, &user.pubkey());
    m.w.svm.mint_to(&issuer, &fake_mint, &fake_token, fee).unwrap();
    let ix = with_metas(pay_ix(&m, 1, fee), |a| {
        a[2].pubkey = fake_mint;
        a[4].pubkey = fake_token;
    });
    assert_error(m.w.svm.run(&user, ix, &[&operator]), PayoutError::WrongMint);
    // Token-2022 named where the mint's own program (Token) belongs, and an arbitrary program.
    let ix = with_metas(pay_ix(&m, 1, fee), |a| a[12].pubkey = TokenProgram::Token2022.id());
    assert_error(m.w.svm.run(&user, ix, &[&operator]), PayoutError::WrongTokenProgram);
    let ix = with_metas(pay_ix(&m, 1, fee), |a| a[12].pubkey = datanet_registry::ID);
    assert_error(m.w.svm.run(&user, ix, &[&operator]), Anchor::InvalidProgramId);
    // Paying from someone else's token account, without its owner's signature.
    let victim = m.w.wallet();
    let victim_token = m.w.fund(&victim.pubkey(), fee);
    let ix = with_metas(pay_ix(&m, 1, fee), |a| a[4].pubkey = victim_token);
    let failed = m.w.svm.run(&user, ix, &[&operator]).unwrap_err();
    // The token program refuses it: SPL Token's error 4, OwnerMismatch.
    assert_eq!(failed.custom_code(), Some(4), "{:#?}", failed.logs());
    let payer = m.w.wallet();
    let unsigned = with_metas(pay_ix(&m, 1, fee), |a| a[3].is_signer = false);
    assert_error(m.w.svm.run(&payer, unsigned, &[&operator]), Anchor::AccountNotSigner);
    assert_eq!(m.w.svm.token_balance(&victim_token), fee);
    assert_eq!(m.w.svm.token_balance(&pda::vault()), 0);
}

#[test]
fn the_operator_signs_what_it_served_so_a_payer_cannot_name_one_for_a_rebate() {
    let mut m = market(TokenProgram::Token);
    let fee = 1_000_003;
    let (user, operator) = (m.user.insecure_clone(), m.operator.insecure_clone());
    // The payer's own second wallet, registered and staked as an operator.
    let sock = m.w.wallet();
    m.w.operator(&sock, 1_000 * OPEN);
    let operator_earned = |m: &Market| earnings(m, &operator.pubkey(), EarningsRole::Operator);
    let sock_earned = |m: &Market| earnings(m, &sock.pubkey(), EarningsRole::Operator);

    // Attack: the payer names the market's operator, which served nothing and does not sign.
    let unsigned = with_metas(pay_ix(&m, 1, fee), |a| a[7].is_signer = false);
    assert_error(m.w.svm.run(&user, unsigned, &[]), Anchor::AccountNotSigner);
    // Attack: the payer names the market's operator and signs for it with its own staked wallet
    // (the operator share would go to the operator, the "served" claim to the sock).
    let forged = with_metas(pay_ix(&m, 1, fee), |a| a[7].pubkey = sock.pubkey());
    assert_error(m.w.svm.run(&user, forged, &[&sock]), PayoutError::NotOperatorAuthority);
    // Attack: the sock's operator account, but the sock's earnings swapped for the operator's
    // (or the reverse): the earnings follow the operator's authority.
    let credited_elsewhere = with_metas(pay_model_ix(&m, &m.tune, &sock.pubkey(), 1, fee), |a| {
        a[11].pubkey = pda::earnings(&operator.pubkey(), EarningsRole::Operator)
    });
    assert_error(m.w.svm.run(&user, credited_elsewhere, &[&sock]), PayoutError::WrongEarnings);
    assert_eq!(m.w.svm.token_balance(&m.user_token), 1_000 * OPEN);
    assert_eq!(m.w.svm.token_balance(&pda::vault()), 0);
    assert_eq!((operator_earned(&m), sock_earned(&m)), (0, 0));

    // Honest twin: the operator that served co-signs, and its share is credited to it.
    let paid: InferencePaid = m.w.svm.run(&user, pay_ix(&m, 1, fee), &[&operator]).unwrap().event();
    assert_eq!(operator_earned(&m), paid.operator_amount);
    assert_eq!(sock_earned(&m), 0);
    assert_eq!(m.w.svm.token_balance(&m.user_token), 1_000 * OPEN - fee);
}
