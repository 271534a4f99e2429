//! The `attribution` binary on the embedded SVM, through a multi-command flow whose state
//! persists between processes: create → contribute → review → pay → claim.
use std::path::Path;
use std::process::{Command, Output};

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_attribution")).args(args).current_dir(dir).output().expect("the binary runs")
}

/// Runs a command that must succeed; returns its standard output.
fn ok(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{args:?} failed:\n{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    stdout
}

/// The address printed after `label ` on its own line.
fn address(stdout: &str, label: &str) -> String {
    stdout
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{label} ")))
        .unwrap_or_else(|| panic!("no '{label}' line in:\n{stdout}"))
        .to_string()
}

/// A fresh embedded chain in `d` with a wallet holding 5,000 OPEN, a datanet whose one
/// contribution (`file`) is accepted with `weight` and enrolled, and a draft base model at
/// `price` OPEN a call: (datanet, contribution, model).
fn datanet_and_draft_model(d: &Path, file: &str, weight: &str, price: &str) -> (String, String, String) {
    std::fs::write(d.join("weights.bin"), "model weights").unwrap();
    ok(d, &["init"]);
    ok(d, &["airdrop", "--open", "5000"]);
    let datanet = address(&ok(d, &["datanet", "create", "--id", "1", "--name", "d", "--uri", "ipfs://d"]), "datanet");
    let contribution = address(&ok(d, &["contribution", "submit", &datanet, file]), "contribution");
    ok(d, &["contribution", "review", &contribution, "--accept", weight]);
    ok(d, &["enroll", &contribution]);
    let model = address(
        &ok(
            d,
            &[
                "model",
                "create",
                "--id",
                "1",
                "--kind",
                "base",
                "--name",
                "m",
                "--uri",
                "ipfs://m",
                "--artifact",
                "weights.bin",
                "--price",
                price,
            ],
        ),
        "model",
    );
    (datanet, contribution, model)
}

#[test]
fn create_contribute_review_pay_and_claim_across_invocations() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("notes.txt"), "anonymised clinical notes").unwrap();
    let (datanet, contribution, model) = datanet_and_draft_model(d, "notes.txt", "5", "0.5");
    ok(
        d,
        &[
            "model",
            "lineage",
            &model,
            "--datanet",
            &format!("{datanet}=6000"),
            "--owner-bps",
            "3000",
            "--operator-bps",
            "1000",
        ],
    );
    ok(d, &["model", "publish", &model]);
    ok(d, &["operator", "register", "https://inference.example"]);
    ok(d, &["stake", "deposit", "1000"]);
    let me = ok(d, &["address"]).trim().to_string();

    // 4 calls at 0.5 OPEN: 2 OPEN, 2.5 % to the treasury, then 60 % of the rest to the datanet.
    let paid = ok(d, &["pay", &model, "--operator", &me, "--calls", "4"]);
    assert!(paid.contains("fee 2.000000000 OPEN for 4 call(s)"), "{paid}");
    assert!(paid.contains("1.170000000"), "the datanet's share: {paid}");

    let claimed = ok(d, &["claim", "position", &contribution]);
    assert!(claimed.contains("claimed in total: 1.170000000 OPEN"), "{claimed}");
    let claimed = ok(d, &["claim", "earnings", "model-owner"]);
    assert!(claimed.contains("claimed: 0.585000000 OPEN"), "{claimed}");

    let positions: serde_json::Value = serde_json::from_str(&ok(d, &["list", "positions", "--json"])).unwrap();
    assert_eq!(positions[0]["claimed"], "1.170000000");
    assert_eq!(positions[0]["claimable"], "0.000000000");

    // A program error comes back as its name and message, with a non-zero exit.
    let out = run(d, &["pay", &model, "--operator", &me, "--calls", "4", "--max-fee", "1"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("FeeAboveMax") && stderr.contains("above the max fee you allowed"), "{stderr}");
    // The wallet is also governance and the treasury: it slashes its own stake; 2.5 % of the 2 OPEN
    // fee plus the 1.5 OPEN slashed is the treasury's.
    ok(d, &["stake", "slash", &me, "1.5", "--reason", "2"]);
    let earnings: serde_json::Value = serde_json::from_str(&ok(d, &["--json", "show", "earnings"])).unwrap();
    assert!(earnings["treasury"].as_str().unwrap().starts_with("claimable 1.550000000"), "{earnings}");
    let out = run(d, &["stake", "slash", &me, "999", "--reason", "2"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("SlashAboveStake"));

    // So is bad input.
    let out = run(d, &["show", "model", "not-an-address"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a valid address"));
    let out = run(d, &["--keypair", "missing.json", "--url", "http://127.0.0.1:9", "list", "models"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot reach"), "{}", String::from_utf8_lossy(&out.stderr));
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A base58 address as the 64 hex characters the engine's JSON uses.
fn address_hex(address: &str) -> String {
    hex(&address.parse::<svm_harness::Pubkey>().unwrap().to_bytes())
}

#[test]
fn a_proof_of_attribution_epoch_through_the_cli() {
    use sha2::{Digest, Sha256};
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let act =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/poa/sample/shakespeare/hamlet-01.txt");
    let act = act.to_str().unwrap();
    let (datanet, contribution, model) = datanet_and_draft_model(d, act, "10", "1");
    let me = ok(d, &["address"]).trim().to_string();
    ok(
        d,
        &[
            "model",
            "lineage",
            &model,
            "--attributed-datanet",
            &format!("{datanet}=5000"),
            "--owner-bps",
            "4000",
            "--operator-bps",
            "1000",
        ],
    );
    ok(d, &["model", "publish", &model, "--attestor", &me]);
    ok(d, &["operator", "register", "https://inference.example"]);
    ok(d, &["stake", "deposit", "1000"]);

    // One paid output quoting the act; the attestor keeps (request id, output, attributable fee).
    let text = std::fs::read_to_string(act).unwrap();
    let output =
        format!("okay so {} tokenizer gradient", text.split_whitespace().take(40).collect::<Vec<_>>().join(" "));
    let request_id = hex(&Sha256::digest(output.as_bytes()));
    let paid = ok(d, &["--json", "pay", &model, "--operator", &me, "--calls", "2", "--request-id", &request_id]);
    let paid: serde_json::Value = serde_json::from_str(paid.lines().last().unwrap()).unwrap();
    let fee = paid["lineage"][0]["amount"].as_u64().unwrap();
    assert_eq!(fee, 975_000_000, "half of 2 OPEN after the 2.5 % protocol fee");
    let records =
        serde_json::json!([{ "request_id": request_id, "model": address_hex(&model), "output": output, "fee": fee }]);
    std::fs::write(d.join("records.json"), records.to_string()).unwrap();
    let content_hash = hex(&Sha256::digest(std::fs::read(act).unwrap()));
    let manifest = serde_json::json!({ "contributions": [{
        "id": address_hex(&contribution), "contributor": address_hex(&me), "content_hash": content_hash, "path": act }] });
    std::fs::write(d.join("manifest.json"), manifest.to_string()).unwrap();

    // The engine, with the manifest checked against the chain.
    ok(d, &["poa", "index", "--manifest", "manifest.json", "--out", "bard.idx", "--datanet", &datanet]);
    ok(d, &["warp", "86400"]);
    let allocation = ok(
        d,
        &[
            "poa",
            "epoch",
            "--index",
            "bard.idx",
            "--records",
            "records.json",
            "--epoch",
            "0",
            "--total",
            &fee.to_string(),
        ],
    );
    std::fs::write(d.join("allocation.json"), &allocation).unwrap();
    let allocation: serde_json::Value = serde_json::from_str(&allocation).unwrap();
    let attributed = allocation["attributed"].as_u64().unwrap();
    assert!(attributed > fee / 2, "most of the output is the act: {attributed} of {fee}");
    let epoch: serde_json::Value =
        serde_json::from_str(&ok(d, &["--json", "epoch", "show", &model, "--index", "0"])).unwrap();
    assert_eq!(epoch["records hash"], allocation["records_hash"], "the engine saw exactly the chain's payments");

    ok(d, &["epoch", "post", &model, "--allocation", "allocation.json"]);
    let early = run(d, &["epoch", "claim", &model, "--allocation", "allocation.json"]);
    assert!(String::from_utf8_lossy(&early.stderr).contains("ChallengeWindowOpen"));
    ok(d, &["warp", "3600"]);
    // The challenge window is over: governance (the same wallet here) can no longer veto.
    let late = run(d, &["epoch", "veto", &model, "--index", "0", "--reason", "1"]);
    assert!(String::from_utf8_lossy(&late.stderr).contains("ChallengeWindowClosed"));
    ok(d, &["epoch", "claim", &model, "--allocation", "allocation.json"]);
    let again = run(d, &["epoch", "claim", &model, "--allocation", "allocation.json"]);
    assert!(String::from_utf8_lossy(&again.stderr).contains("AlreadyClaimed"));
    ok(d, &["warp", "2592000"]);
    ok(d, &["epoch", "close", &model, "--index", "0", "--allocation", "allocation.json"]);
    let pool: serde_json::Value = serde_json::from_str(&ok(d, &["--json", "show", "pool", &datanet])).unwrap();
    let unattributed = allocation["unattributed"].as_u64().unwrap();
    assert_eq!(pool["credited"], format!("{}.{:09}", unattributed / 1_000_000_000, unattributed % 1_000_000_000));
}
