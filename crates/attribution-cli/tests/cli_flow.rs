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

#[test]
fn create_contribute_review_pay_and_claim_across_invocations() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("notes.txt"), "anonymised clinical notes").unwrap();
    std::fs::write(d.join("weights.bin"), "model weights").unwrap();

    ok(d, &["init"]);
    ok(d, &["airdrop", "--open", "5000"]);
    let datanet =
        address(&ok(d, &["datanet", "create", "--id", "1", "--name", "clinical", "--uri", "ipfs://c"]), "datanet");
    let contribution = address(&ok(d, &["contribution", "submit", &datanet, "notes.txt"]), "contribution");
    ok(d, &["contribution", "review", &contribution, "--accept", "5"]);
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
                "0.5",
            ],
        ),
        "model",
    );
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
    // So is bad input.
    let out = run(d, &["show", "model", "not-an-address"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a valid address"));
    let out = run(d, &["--keypair", "missing.json", "--url", "http://127.0.0.1:9", "list", "models"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot reach"), "{}", String::from_utf8_lossy(&out.stderr));
}
