//! The benchmark scenarios: each instruction run from the `.so` in a realistic state.
use crate::bench::Recorder;
use crate::token::TokenProgram;
use crate::{ixs, Signer, Svm};
use attribution_payout::instructions::ConfigInitArgs;
use datanet_registry::instructions::DatanetCreateArgs;
use datanet_registry::state::DatanetPolicy;
use model_registry::instructions::ModelCreateArgs;
use model_registry::state::ModelKind;

pub fn registries(rec: &mut Recorder) {
    let mut svm = Svm::new();
    let creator = svm.wallet();
    let args = DatanetCreateArgs {
        id: 1,
        name: "medical-qa".into(),
        uri: "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi".into(),
        policy: DatanetPolicy::Curated,
    };
    let result = svm.run(&creator, ixs::datanet::create(&creator.pubkey(), args), &[]);
    rec.record("datanet_registry", "datanet_create", "curated", result);

    let owner = svm.wallet();
    let args = ModelCreateArgs {
        id: 1,
        kind: ModelKind::Base,
        name: "open-llama-7b".into(),
        uri: "ipfs://bafybeihkoviema7g3gxyt6la7vd5ho32ictqbilu3wnlo3rs7ewhnp7lly".into(),
        artifact_hash: [7; 32],
        price_per_call: 1_000_000,
    };
    let result = svm.run(&owner, ixs::model::create(&owner.pubkey(), None, args), &[]);
    rec.record("model_registry", "model_create", "base", result);
}

pub fn payout(rec: &mut Recorder) {
    for program in [TokenProgram::Token, TokenProgram::Token2022] {
        let mut svm = Svm::new();
        let deployer = svm.upgrade_authority.insecure_clone();
        let mint = svm.create_mint(&deployer, 9, program);
        let args = ConfigInitArgs {
            authority: deployer.pubkey(),
            treasury: deployer.pubkey(),
            protocol_fee_bps: 250,
            min_operator_stake: 1_000_000_000,
            unstake_cooldown_secs: 7 * 24 * 3600,
        };
        let result = svm.run(&deployer, ixs::payout::config_init(&deployer.pubkey(), &mint, &program.id(), args), &[]);
        let case = match program {
            TokenProgram::Token => "token",
            TokenProgram::Token2022 => "token-2022",
        };
        rec.record("attribution_payout", "config_init", case, result);
    }
}
