//! The on-chain verifier (the `.so`'s `attribution_claim`) against the committed Proof of
//! Attribution test vectors (`testdata/poa/merkle-vectors.json`), which the engine and the
//! TypeScript client reproduce too: for every leaf of every tree, an epoch posted with the
//! vector's root pays the vector's claim with the vector's proof, and refuses an altered one.
use anchor_lang::prelude::Pubkey;
use anchor_lang::{AccountSerialize, Space};
use attribution_payout::errors::PayoutError;
use attribution_payout::instructions::AttributionClaimArgs;
use attribution_payout::state::{Epoch, EpochStatus};
use serde_json::Value;
use solana_account::Account;
use svm_harness::token::TokenProgram;
use svm_harness::world::World;
use svm_harness::{assert_error, ixs, pda, Signer};

fn hex32(v: &Value) -> [u8; 32] {
    let s = v.as_str().expect("hex string");
    let bytes: Vec<u8> = (0..64).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex")).collect();
    bytes.try_into().expect("32 bytes")
}

/// Writes a posted epoch with `root` at the epoch PDA of (`model`, `index`), claims open now.
fn posted_epoch(w: &mut World, model: Pubkey, index: u64, root: [u8; 32], total: u64) {
    let now = w.svm.clock().unix_timestamp;
    let epoch = Epoch {
        version: 1,
        bump: 255,
        model,
        index,
        starts_at: 0,
        ends_at: 0,
        datanet: Pubkey::default(),
        datanet_version: Pubkey::default(),
        status: EpochStatus::Posted,
        accrued: total,
        record_count: 1,
        records_hash: [0; 32],
        root,
        total,
        leaf_count: 1,
        claimed: 0,
        returned: 0,
        posted_at: now,
        claims_open_at: now,
        expires_at: now + 3_600,
        rent_payer: Pubkey::default(),
        root_deadline_at: now,
        challenge_window_secs: 0,
        claim_window_secs: 3_600,
        reserved: [0; 8],
    };
    let mut data = Vec::with_capacity(8 + Epoch::INIT_SPACE);
    epoch.try_serialize(&mut data).expect("serialize");
    data.resize(8 + Epoch::INIT_SPACE, 0);
    let lamports = w.svm.svm.minimum_balance_for_rent_exemption(data.len());
    let account = Account { lamports, data, owner: attribution_payout::ID, executable: false, rent_epoch: 0 };
    w.svm.set_account(pda::epoch(&model, index), account);
}

#[test]
fn the_program_verifies_every_committed_vector() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/poa/merkle-vectors.json");
    let vectors: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("vectors")).expect("json");
    let mut w = World::new(TokenProgram::Token);
    let (mint, authority) = (w.open.mint, w.mint_authority.insecure_clone());
    let cranker = w.wallet();
    let mut checked = 0;
    for tree in vectors["trees"].as_array().expect("trees") {
        let root = hex32(&tree["root"]);
        for leaf in tree["leaves"].as_array().expect("leaves") {
            let model = Pubkey::new_from_array(hex32(&leaf["model"]));
            let claimant = Pubkey::new_from_array(hex32(&leaf["claimant"]));
            let index = leaf["epoch"].as_u64().expect("epoch");
            let amount = leaf["amount"].as_u64().expect("amount");
            let proof: Vec<[u8; 32]> = leaf["proof"].as_array().expect("proof").iter().map(hex32).collect();
            posted_epoch(&mut w, model, index, root, amount);
            w.svm.mint_to(&authority, &mint, &pda::vault(), amount).expect("fund the vault");
            let destination = w.svm.create_token_account(&cranker, &mint, &claimant);

            let claim = |proof: Vec<[u8; 32]>| {
                let args = AttributionClaimArgs { amount, proof };
                ixs::payout::attribution_claim(&w.open, &cranker.pubkey(), &model, index, &claimant, &destination, args)
            };
            if !proof.is_empty() {
                let mut altered = proof.clone();
                altered[0][0] ^= 1;
                assert_error(w.svm.run(&cranker, claim(altered), &[]), PayoutError::InvalidProof);
            }
            let ix = claim(proof);
            w.svm
                .run(&cranker, ix, &[])
                .unwrap_or_else(|f| panic!("vector leaf {} refused: {:#?}", leaf["leaf"], f.logs));
            assert_eq!(w.svm.token_balance(&destination), amount);
            checked += 1;
        }
    }
    assert!(checked >= 30, "only {checked} vector leaves");
}
