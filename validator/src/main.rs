//! `local-validator`: an offline local Solana validator (JSON-RPC on 127.0.0.1, websocket beside
//! it) on surfpool-core, with the suite's programs loaded at start-up.
//!
//! ```text
//! local-validator [--rpc-port 8899] [--ws-port 8900] [--slot-time-ms 400]
//!                 [--bpf-program PROGRAM_ID FILE.so]... [--upgrade-authority PUBKEY]
//!                 [--airdrop PUBKEY]... [--quiet]
//! ```
//! It never reaches for a remote RPC (offline mode), binds only 127.0.0.1, and prints
//! `READY rpc=... ws=...` on stdout once the programs are loaded and the servers listen.
use std::io::Write;
use std::time::{Duration, Instant};
use surfpool_core::runloops::start_local_surfnet_runloop;
use surfpool_core::surfnet::locker::SurfnetSvmLocker;
use surfpool_core::surfnet::svm::{SurfnetSvm, SurfnetSvmConfig};
use surfpool_types::{BlockProductionMode, RpcConfig, SimnetCommand, SimnetConfig, SimnetEvent, SurfpoolConfig};

const HOST: &str = "127.0.0.1";

struct Options {
    rpc_port: u16,
    ws_port: u16,
    slot_time_ms: u64,
    programs: Vec<(String, String)>,
    upgrade_authority: Option<String>,
    airdrops: Vec<String>,
    quiet: bool,
}

fn fail(message: &str) -> ! {
    eprintln!("local-validator: {message}");
    eprintln!(
        "usage: local-validator [--rpc-port N] [--ws-port N] [--slot-time-ms N] \
         [--bpf-program PROGRAM_ID FILE.so]... [--upgrade-authority PUBKEY] [--airdrop PUBKEY]... [--quiet]"
    );
    std::process::exit(2)
}

fn parse() -> Options {
    let mut o = Options {
        rpc_port: 8899,
        ws_port: 8900,
        slot_time_ms: 400,
        programs: Vec::new(),
        upgrade_authority: None,
        airdrops: Vec::new(),
        quiet: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |what: &str| args.next().unwrap_or_else(|| fail(&format!("{arg} needs {what}")));
        match arg.as_str() {
            "--rpc-port" => o.rpc_port = value("a port").parse().unwrap_or_else(|_| fail("bad --rpc-port")),
            "--ws-port" => o.ws_port = value("a port").parse().unwrap_or_else(|_| fail("bad --ws-port")),
            "--slot-time-ms" => o.slot_time_ms = value("milliseconds").parse().unwrap_or_else(|_| fail("bad --slot-time-ms")),
            "--bpf-program" => {
                let id = value("a program id and a file");
                let file = value("a file");
                o.programs.push((id, file));
            }
            "--upgrade-authority" => o.upgrade_authority = Some(value("a public key")),
            "--airdrop" => o.airdrops.push(value("a public key")),
            "--quiet" => o.quiet = true,
            other => fail(&format!("unknown option {other}")),
        }
    }
    o
}

fn main() {
    let started = Instant::now();
    let o = parse();
    let (svm, events, geyser) = SurfnetSvm::new(SurfnetSvmConfig {
        slot_time: o.slot_time_ms,
        instruction_profiling_enabled: false,
        ..SurfnetSvmConfig::default()
    })
    .unwrap_or_else(|e| fail(&format!("cannot create the SVM: {e}")));
    let locker = SurfnetSvmLocker::new(svm);

    // Programs go in before the RPC server comes up, so no client ever sees the node without
    // them; the locker needs a multi-threaded runtime.
    let authority = o
        .upgrade_authority
        .as_ref()
        .map(|a| a.parse().unwrap_or_else(|_| fail(&format!("bad upgrade authority {a}"))));
    let loader = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().expect("runtime");
    for (id, path) in &o.programs {
        let bytes = std::fs::read(path).unwrap_or_else(|e| fail(&format!("cannot read {path}: {e}")));
        let program_id = id.parse().unwrap_or_else(|_| fail(&format!("bad program id {id}")));
        loader
            .block_on(locker.write_program(program_id, authority, 0, &bytes, &None))
            .unwrap_or_else(|e| fail(&format!("cannot load {path} as {id}: {e}")));
        eprintln!("loaded {id} from {path} ({} bytes)", bytes.len());
    }
    drop(loader);

    let config = SurfpoolConfig {
        simnets: vec![SimnetConfig {
            offline_mode: true,
            remote_rpc_url: None,
            slot_time: o.slot_time_ms,
            block_production_mode: BlockProductionMode::Clock,
            airdrop_addresses: o
                .airdrops
                .iter()
                .map(|a| a.parse().unwrap_or_else(|_| fail(&format!("bad airdrop address {a}"))))
                .collect(),
            airdrop_token_amount: 1_000_000_000_000,
            instruction_profiling_enabled: false,
            ..SimnetConfig::default()
        }],
        rpc: RpcConfig { bind_host: HOST.into(), bind_port: o.rpc_port, ws_port: o.ws_port, ..RpcConfig::default() },
        ..SurfpoolConfig::default()
    };
    let (commands, commands_rx) = crossbeam_channel::unbounded::<SimnetCommand>();
    let runloop_commands = commands.clone();
    let runloop = std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
        if let Err(e) = rt.block_on(start_local_surfnet_runloop(locker, config, runloop_commands, commands_rx, geyser)) {
            fail(&format!("the validator stopped: {e}"));
        }
    });

    // SIGINT or SIGTERM: an orderly stop.
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
        rt.block_on(async {
            let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).expect("signal");
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
        });
        let _ = commands.send(SimnetCommand::Terminate(None));
        std::thread::sleep(Duration::from_millis(500));
        std::process::exit(0);
    });

    // The event channel must be drained, or it grows without bound.
    while let Ok(event) = events.recv() {
        match event {
            SimnetEvent::CoreStarted(_) => {
                println!(
                    "READY rpc=http://{HOST}:{} ws=ws://{HOST}:{} startup_ms={}",
                    o.rpc_port,
                    o.ws_port,
                    started.elapsed().as_millis()
                );
                let _ = std::io::stdout().flush();
            }
            SimnetEvent::Aborted(e) => fail(&format!("aborted: {e}")),
            SimnetEvent::Shutdown => break,
            SimnetEvent::WarnLog(_, m) => eprintln!("warn: {m}"),
            SimnetEvent::ErrorLog(_, m) => eprintln!("error: {m}"),
            SimnetEvent::InfoLog(_, m) if !o.quiet => eprintln!("info: {m}"),
            SimnetEvent::TransactionProcessed(_, meta, err) if !o.quiet => {
                eprintln!("tx {} err={err:?} cu={}", meta.signature, meta.compute_units_consumed);
            }
            _ => {}
        }
    }
    let _ = runloop.join();
}
