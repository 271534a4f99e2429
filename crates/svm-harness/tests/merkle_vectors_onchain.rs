//! The on-chain verifier (the `.so`'s `attribution_claim`) against the committed Proof of
//! Attribution test vectors (`testdata/poa/merkle-vectors.json`), which the engine and the
//! TypeScript client reproduce too: for every leaf of every tree, an epoch posted with the
//! vector's root pays the vector's claim with the vector's proof, and refuses an altered one.
//! Each leaf's contribution is written at the vector's address as an accepted contribution of a
//! real datanet's version 1, whose pool the epoch cites.
use anchor_lang::prelude::Pubkey;
use anchor_lang::{AccountSerialize, Space};
use attribution_payout::errors::PayoutError;
use attribution_payout::instructions::AttributionClaimArgs;
use attribution_payout::state::{Epoch, EpochStatus};
use datanet_registry::state::{Contribution, ContributionStatus, DatanetPolicy};
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

/// Writes `value` (an Anchor account of `owner`, `space` bytes after the discriminator) at `key`.
fn write<T: AccountSerialize>(w: &mut World, key: Pubkey, value: &T, space: usize, owner: Pubkey) {
    let mut data = Vec::with_capacity(8 + space);
    value.try_serialize(&mut data).expect("serialize");
    data.resize(8 + space, 0);
    let lamports = w.svm.svm.minimum_balance_for_rent_exemption(data.len());
    w.svm.set_account(key, Account { lamports, data, owner, executable: false, rent_epoch: 0 });
}

/// Writes an accepted contribution of `datanet` (first in its order, so in every version) at
/// `key`, paying `contributor`.
fn accepted_contribution(w: &mut World, key: Pubkey, datanet: Pubkey, contributor: Pubkey) {
    let contribution = Contribution {
        version: 1,
        bump: 255,
        datanet,
        contributor,
        content_hash: key.to_bytes(),
        size: 1,
        status: ContributionStatus::Accepted,
        weight: 1,
        reject_reason: 0,
        index: 0,
        submitted_at: 0,
        decided_at: 0,
        accepted_seq: 0,
        pending_contributor: None,
        bond: 0,
        flaggable_until: 0,
        reserved: [0; 8],
        uri: "ipfs://vector".into(),
    };
    write(w, key, &contribution, Contribution::INIT_SPACE, datanet_registry::ID);
}

/// Writes a posted epoch with `root` at the epoch PDA of (`model`, `index`), citing `version` of
/// `datanet`, claims open now.
fn posted_epoch(
    w: &mut World,
    (datanet, version): (Pubkey, Pubkey),
    model: Pubkey,
    index: u64,
    root: [u8; 32],
    total: u64,
) {
    let now = w.svm.clock().unix_timestamp;
    let epoch = Epoch {
        version: 1,
        bump: 255,
        model,
        index,
        starts_at: 0,
        ends_at: 0,
        datanet,
        datanet_version: version,
        accepted_end: 1,
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
        inputs_hash: [0; 32],
        reserved: [0; 8],
    };
    write(w, pda::epoch(&model, index), &epoch, Epoch::INIT_SPACE, attribution_payout::ID);
}

#[test]
fn the_program_verifies_every_committed_vector() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/poa/merkle-vectors.json");
    let vectors: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("vectors")).expect("json");
    let mut w = World::new(TokenProgram::Token);
    let (mint, authority) = (w.open.mint, w.mint_authority.insecure_clone());
    let cranker = w.wallet();
    let curator = w.wallet();
    let datanet = w.datanet(&curator, 1, DatanetPolicy::Open { weight: 1 });
    w.contribute(&datanet, &curator, b"the version's first");
    let version = w.publish_version(&curator, &datanet);
    let mut checked = 0;
    for tree in vectors["trees"].as_array().expect("trees") {
        let root = hex32(&tree["root"]);
        for leaf in tree["leaves"].as_array().expect("leaves") {
            let model = Pubkey::new_from_array(hex32(&leaf["model"]));
            let contribution = Pubkey::new_from_array(hex32(&leaf["contribution"]));
            let contributor = Pubkey::new_unique();
            let index = leaf["epoch"].as_u64().expect("epoch");
            let amount = leaf["amount"].as_u64().expect("amount");
            let proof: Vec<[u8; 32]> = leaf["proof"].as_array().expect("proof").iter().map(hex32).collect();
            posted_epoch(&mut w, (datanet, version), model, index, root, amount);
            accepted_contribution(&mut w, contribution, datanet, contributor);
            w.svm.mint_to(&authority, &mint, &pda::vault(), amount).expect("fund the vault");
            let destination = w.svm.create_token_account(&cranker, &mint, &contributor);

            let claim = |proof: Vec<[u8; 32]>| {
                let args = AttributionClaimArgs { amount, proof };
                let open = &w.open;
                ixs::payout::attribution_claim(
                    open,
                    &cranker.pubkey(),
                    &model,
                    index,
                    &contribution,
                    &destination,
                    args,
                )
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
