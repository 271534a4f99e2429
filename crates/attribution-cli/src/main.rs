//! `attribution`: the suite's command line. `attribution demo` runs the flow on an embedded SVM
//! (LiteSVM with the built `.so` programs and the real SPL Token program).
use anyhow::{anyhow, Result};
use attribution_payout::instructions::ConfigInitArgs;
use attribution_payout::state::Config;
use clap::{Parser, Subcommand};
use datanet_registry::instructions::DatanetCreateArgs;
use datanet_registry::state::{Datanet, DatanetPolicy};
use model_registry::instructions::ModelCreateArgs;
use model_registry::state::{Model, ModelKind};
use svm_harness::token::TokenProgram;
use svm_harness::{ixs, pda, Signer, Svm};

#[derive(Parser)]
#[command(name = "attribution", about = "Attribution & payout suite: datanets, models, inference fees, claims")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Runs the suite's flow on an embedded SVM and prints what happened.
    Demo,
}

fn main() {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Demo => demo(),
    };
    if let Err(e) = result {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}

fn demo() -> Result<()> {
    let mut svm = Svm::new();
    println!("Embedded SVM: datanet_registry, model_registry and attribution_payout loaded from target/deploy");

    let deployer = svm.upgrade_authority.insecure_clone();
    let mint = svm.create_mint(&deployer, 9, TokenProgram::Token);
    let args = ConfigInitArgs {
        authority: deployer.pubkey(),
        treasury: deployer.pubkey(),
        protocol_fee_bps: 250,
        min_operator_stake: 1_000_000_000_000,
        unstake_cooldown_secs: 7 * 24 * 3600,
    };
    let done = svm
        .run(&deployer, ixs::payout::config_init(&deployer.pubkey(), &mint, &TokenProgram::Token.id(), args), &[])
        .map_err(|f| anyhow!("config_init failed: {:?}", f.error))?;
    let config: Config = svm.get(&pda::config());
    println!(
        "OPEN mint {} adopted; protocol fee {} bps; vault {} ({} CU)",
        config.mint, config.protocol_fee_bps, config.vault, done.compute_units
    );

    let curator = svm.wallet();
    let args = DatanetCreateArgs {
        id: 1,
        name: "medical-qa".into(),
        uri: "ipfs://medical-qa".into(),
        policy: DatanetPolicy::Curated,
    };
    let done = svm
        .run(&curator, ixs::datanet::create(&curator.pubkey(), args), &[])
        .map_err(|f| anyhow!("datanet_create failed: {:?}", f.error))?;
    let datanet: Datanet = svm.get(&pda::datanet(&curator.pubkey(), 1));
    println!("Datanet '{}' curated by {} ({} CU)", datanet.name, datanet.authority, done.compute_units);

    let builder = svm.wallet();
    let args = ModelCreateArgs {
        id: 1,
        kind: ModelKind::Base,
        name: "open-llama-7b".into(),
        uri: "ipfs://open-llama-7b".into(),
        artifact_hash: [7; 32],
        price_per_call: 2_000_000,
    };
    let done = svm
        .run(&builder, ixs::model::create(&builder.pubkey(), None, args), &[])
        .map_err(|f| anyhow!("model_create failed: {:?}", f.error))?;
    let model: Model = svm.get(&pda::model(&builder.pubkey(), 1));
    println!(
        "Model '{}' ({:?}, {:?}) by {}, {} OPEN base units per call ({} CU)",
        model.name, model.kind, model.state, model.owner, model.price_per_call, done.compute_units
    );
    Ok(())
}
