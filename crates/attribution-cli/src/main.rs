//! `attribution`: the suite's command line. `attribution demo` runs the whole flow on an
//! embedded SVM (LiteSVM with the built `.so` programs and the real SPL Token program).
mod chain;
mod demo;
mod output;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "attribution", version, about = "Attribution & payout suite: datanets, models, inference fees, claims")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Runs the whole economy on an embedded SVM and prints who contributed, refined, executed and earned.
    Demo,
}

fn main() {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Demo => demo::run(),
    };
    if let Err(e) = result {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}
