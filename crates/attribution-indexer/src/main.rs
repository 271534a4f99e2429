//! `attribution-indexer`: the KPI indexer on its own (the `attribution` CLI's `index` and
//! `stats` commands run the same code).

use anyhow::Result;
use attribution_indexer::{api, kpis, report, source, Store};
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::time::Duration;

#[derive(Parser)]
#[command(about = "Indexes the attribution suite's programs and serves their usage KPIs")]
struct Cli {
    /// The SQLite database.
    #[arg(long, global = true, default_value = ".attribution/kpi.db")]
    db: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Backfills from a cluster's RPC endpoint (resuming where the last run stopped).
    Run {
        #[arg(long, default_value = "http://127.0.0.1:8899")]
        url: String,
        /// Then keeps following, polling every `--every` seconds.
        #[arg(long)]
        follow: bool,
        /// Seconds between two passes when following.
        #[arg(long, default_value_t = 2)]
        every: u64,
    },
    /// Reads a prepared file of transactions (JSON lines, as the embedded CLI writes them).
    Ingest { file: PathBuf },
    /// Prints the KPIs.
    Stats {
        #[arg(long)]
        json: bool,
    },
    /// Serves the KPI API.
    Serve {
        #[arg(long, default_value = "127.0.0.1:8910")]
        listen: String,
    },
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    let mut db = Store::open(&cli.db)?;
    match cli.command {
        Command::Run { url, follow, every } => {
            let rpc = source::Rpc::new(&url);
            let pass = rpc.pass(&mut db)?;
            eprintln!("indexed {pass} from {url}");
            if follow {
                rpc.follow(&mut db, Duration::from_secs(every));
            }
        }
        Command::Ingest { file } => {
            let pass = source::ingest_file(&mut db, &file)?;
            eprintln!("indexed {pass} from {}", file.display());
        }
        Command::Stats { json } => report::print(&kpis(&db)?, json)?,
        Command::Serve { listen } => api::serve(&db, api::listen(&listen)?)?,
    }
    Ok(())
}
