//! Creation nobody can block: with SIMD-0312's `CreateAccountAllowPrefund` turned off, as on a
//! cluster that has not activated it, an address that someone sent lamports to first is still
//! created, for every kind of account the three programs create (Anchor 1.2.2's `init` would
//! call that instruction for such an address and fail for good).
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::{AccountMeta, Instruction};
use anchor_lang::solana_program::system_program;
use attribution_payout::instructions::{AttributionClaimArgs, AttributionRootPostArgs};
use attribution_payout::state::{EarningsRole, Epoch};
use datanet_registry::state::DatanetPolicy;
use model_registry::state::ModelKind;
use poa_merkle::{leaf, Tree};
use svm_harness::token::TokenProgram;
use svm_harness::world::{datanet_entry, Request, Shares, World, EPOCH_TIMING, INPUTS_URI, OPEN};
use svm_harness::{ixs, pda, Keypair, Signer, Svm};

/// What a griefer sends an address before its creation: less than its rent.
const GRIEF: u64 = 1_000_000;

fn prefund(w: &mut World, key: &Pubkey) {
    w.svm.svm.airdrop(key, GRIEF).expect("airdrop");
}

/// The account exists, belongs to `owner`, and kept the griefer's lamports on top of what made it
/// rent-exempt.
fn assert_created(w: &World, key: &Pubkey, owner: &Pubkey) {
    let account = w.svm.account(key).unwrap_or_else(|| panic!("{key} was not created"));
    assert_eq!(account.owner, *owner, "{key}");
    let rent = w.svm.svm.minimum_balance_for_rent_exemption(account.data.len());
    assert_eq!(account.lamports, rent.max(GRIEF), "{key}");
}

#[test]
fn the_feature_is_off_here_so_anchors_init_would_fail() {
    let mut svm = Svm::new();
    svm.without_prefund_feature();
    let payer = svm.wallet();
    let target = Keypair::new();
    svm.svm.airdrop(&target.pubkey(), GRIEF).unwrap();
    // SystemInstruction::CreateAccountAllowPrefund { lamports, space, owner } (tag 13), what
    // Anchor's `init` sends for an address that holds lamports.
    let mut data = vec![13, 0, 0, 0];
    data.extend_from_slice(&1_000_000_000u64.to_le_bytes());
    data.extend_from_slice(&100u64.to_le_bytes());
    data.extend_from_slice(attribution_payout::ID.as_ref());
    let ix = Instruction {
        program_id: system_program::ID,
        accounts: vec![AccountMeta::new(target.pubkey(), true), AccountMeta::new(payer.pubkey(), true)],
        data,
    };
    let failed = svm.run(&payer, ix.clone(), &[&target]).unwrap_err();
    assert!(format!("{:?}", failed.error).contains("InvalidInstructionData"), "{:?}", failed.error);
    // With the feature on (mainnet's set), the same instruction works.
    let mut on = Svm::new();
    let payer = on.wallet();
    on.svm.airdrop(&target.pubkey(), GRIEF).unwrap();
    let ix = Instruction { accounts: vec![ix.accounts[0].clone(), AccountMeta::new(payer.pubkey(), true)], ..ix };
    on.run(&payer, ix, &[&target]).expect("allowed with the feature");
}

#[test]
fn every_kind_of_account_is_created_at_a_prefunded_address() {
    let mut svm = Svm::new();
    svm.without_prefund_feature();
    for key in [pda::config(), pda::vault(), pda::stake_vault()] {
        svm.svm.airdrop(&key, GRIEF).unwrap();
    }
    // The config, both vaults and the treasury's earnings (World::with_svm creates them).
    let mut w = World::with_svm(svm, TokenProgram::Token);
    for key in [pda::config(), pda::vault(), pda::stake_vault()] {
        let owner = if key == pda::config() { attribution_payout::ID } else { w.open.token_program };
        assert_created(&w, &key, &owner);
    }
    assert_eq!(w.svm.token_balance(&pda::vault()), 0);
    prefund(&mut w, &pda::bond_vault());
    w.init_bond_vault();
    assert_created(&w, &pda::bond_vault(), &w.open.token_program.clone());

    let curator = w.wallet();
    let datanet = pda::datanet(&curator.pubkey(), 1);
    prefund(&mut w, &datanet);
    w.datanet(&curator, 1, DatanetPolicy::Open { weight: 1 });
    assert_created(&w, &datanet, &datanet_registry::ID);

    let contributor = w.wallet();
    let contribution = pda::contribution(&datanet, &svm_harness::world::content_hash(b"sample"));
    prefund(&mut w, &contribution);
    w.contribute(&datanet, &contributor, b"sample");
    assert_created(&w, &contribution, &datanet_registry::ID);

    let version = pda::datanet_version(&datanet, 1);
    let pool = pda::pool(&version);
    prefund(&mut w, &version);
    prefund(&mut w, &pool);
    w.publish_version(&curator, &datanet);
    assert_created(&w, &version, &datanet_registry::ID);
    assert_created(&w, &pool, &attribution_payout::ID);

    let position = pda::position(&pool, &contribution);
    prefund(&mut w, &position);
    w.enroll(&contributor, &version, &contribution);
    assert_created(&w, &position, &attribution_payout::ID);

    let attestor = w.wallet();
    let attestor_keys = [
        pda::operator(&attestor.pubkey()),
        pda::stake(&attestor.pubkey()),
        pda::earnings(&attestor.pubkey(), EarningsRole::Operator),
    ];
    for key in &attestor_keys {
        prefund(&mut w, key);
    }
    w.operator(&attestor, 1_000 * OPEN);
    assert_created(&w, &attestor_keys[0], &model_registry::ID);
    assert_created(&w, &attestor_keys[1], &attribution_payout::ID);
    assert_created(&w, &attestor_keys[2], &attribution_payout::ID);
    let approval = pda::attestor_approval(&datanet, &attestor.pubkey());
    prefund(&mut w, &approval);
    w.approve_attestor(&curator, &datanet, &attestor.pubkey());
    assert_created(&w, &approval, &datanet_registry::ID);

    let owner = w.wallet();
    let model = pda::model(&owner.pubkey(), 1);
    let owner_keys = [model, pda::escrow(&model), pda::earnings(&owner.pubkey(), EarningsRole::ModelOwner)];
    for key in &owner_keys {
        prefund(&mut w, key);
    }
    let mut entry = datanet_entry(datanet, version, 4_000);
    entry.proof_attributed = true;
    let shares = Shares { entries: vec![entry], owner_bps: 5_000, operator_bps: 1_000 };
    w.model_attested(&owner, 1, ModelKind::Base, None, OPEN, shares, Some(attestor.pubkey()));
    assert_created(&w, &owner_keys[0], &model_registry::ID);
    assert_created(&w, &owner_keys[1], &attribution_payout::ID);
    assert_created(&w, &owner_keys[2], &attribution_payout::ID);

    // A model's epoch, opened by the payment's epoch_open.
    let user = w.wallet();
    let user_token = w.fund(&user.pubkey(), 1_000 * OPEN);
    let index = w.epoch_index();
    let epoch = pda::epoch(&model, index);
    prefund(&mut w, &epoch);
    let pay = w.pay_instructions(&user.pubkey(), &user_token, &model, &attestor.pubkey(), 1, Request::numbered(1));
    w.svm.send(&user, &pay, &[&attestor]).expect("pay into a prefunded epoch");
    assert_created(&w, &epoch, &attribution_payout::ID);

    // A payment channel.
    let channel = pda::channel(&user.pubkey(), 0);
    prefund(&mut w, &channel);
    w.open_channel(&user, &user_token, &model, &attestor.pubkey(), 0, OPEN, 86_400, &user.pubkey());
    assert_created(&w, &channel, &attribution_payout::ID);

    // A contribution's receipt, created by the claim.
    let end = (index as i64 + 1) * EPOCH_TIMING.epoch_length_secs;
    w.svm.advance_time(end - w.svm.clock().unix_timestamp);
    let state: Epoch = w.svm.get(&epoch);
    let hashes = [leaf(&model.to_bytes(), index, &contribution.to_bytes(), state.accrued)];
    let tree = Tree::new(&hashes);
    let args = AttributionRootPostArgs {
        root: tree.root(),
        total: state.accrued,
        leaf_count: 1,
        records_hash: state.records_hash,
        inputs_hash: [5; 32],
        inputs_uri: INPUTS_URI.into(),
    };
    let bond_from = w.open_ata(&attestor.pubkey(), 1_000 * OPEN);
    let open = w.open;
    let post = ixs::payout::attribution_root_post(
        &open,
        (&attestor.pubkey(), &bond_from),
        &model,
        index,
        (&datanet, &version),
        args,
    );
    let attestation = pda::attestation(&epoch);
    prefund(&mut w, &attestation);
    w.step(&attestor, post, &[]);
    assert_created(&w, &attestation, &attribution_payout::ID);
    w.svm.advance_time(EPOCH_TIMING.challenge_window_secs);
    let receipt = pda::receipt(&epoch, &contribution);
    prefund(&mut w, &receipt);
    let destination = w.fund(&contributor.pubkey(), 0);
    let args = AttributionClaimArgs { amount: state.accrued, proof: tree.proof(0).expect("a leaf") };
    let cranker = w.wallet();
    let open = w.open;
    let ix = ixs::payout::attribution_claim(&open, &cranker.pubkey(), &model, index, &contribution, &destination, args);
    w.step(&cranker, ix, &[]);
    assert_created(&w, &receipt, &attribution_payout::ID);
    assert_eq!(w.svm.token_balance(&destination), state.accrued);
}
