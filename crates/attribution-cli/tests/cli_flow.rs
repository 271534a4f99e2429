//! The `attribution` binary on the embedded SVM, through a multi-command flow whose state
//! persists between processes: create → contribute → review → publish a version → enrol → cite
//! it → pay → claim.
mod common;

use common::{hex, ok, refused, run};
use std::path::Path;

/// The address printed after `label ` on its own line.
fn address(stdout: &str, label: &str) -> String {
    stdout
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{label} ")))
        .unwrap_or_else(|| panic!("no '{label}' line in:\n{stdout}"))
        .to_string()
}

/// Submits `file` to `datanet` and accepts it with `weight`; returns the contribution.
fn accepted(d: &Path, datanet: &str, file: &str, weight: &str) -> String {
    let contribution = address(&ok(d, &["contribution", "submit", datanet, file]), "contribution");
    ok(d, &["contribution", "review", &contribution, "--accept", weight]);
    contribution
}

/// Publishes the datanet's next version (with its pool); returns the command's output.
fn publish_version(d: &Path, datanet: &str) -> String {
    ok(d, &["datanet", "publish-version", datanet, "--root", &"ab".repeat(32), "--uri", "ipfs://manifest"])
}

/// A draft base model `id` at `price` OPEN a call.
fn draft_model(d: &Path, id: &str, price: &str) -> String {
    std::fs::write(d.join("weights.bin"), "model weights").unwrap();
    let args = ["model", "create", "--id", id, "--kind", "base", "--name", "m", "--uri", "ipfs://m"];
    address(&ok(d, &[&args[..], &["--artifact", "weights.bin", "--price", price]].concat()), "model")
}

/// Sets `model`'s lineage to 60 % for `datanet` (its latest version; owner 30 %, operator 10 %)
/// and publishes it.
fn cite_and_publish(d: &Path, model: &str, datanet: &str) {
    let shares = ["--owner-bps", "3000", "--operator-bps", "1000"];
    ok(d, &[&["model", "lineage", model, "--datanet", &format!("{datanet}=6000")][..], &shares].concat());
    ok(d, &["model", "publish", model]);
}

/// Registers the wallet as an operator staking 1,000 OPEN; returns its address.
fn staked_operator(d: &Path) -> String {
    ok(d, &["operator", "register", "https://inference.example"]);
    ok(d, &["stake", "deposit", "1000"]);
    ok(d, &["address"]).trim().to_string()
}

/// A fresh embedded chain in `d` with a wallet holding 5,000 OPEN and a datanet.
fn fresh_datanet(d: &Path) -> String {
    ok(d, &["init"]);
    ok(d, &["airdrop", "--open", "5000"]);
    address(&ok(d, &["datanet", "create", "--id", "1", "--name", "d", "--uri", "ipfs://d"]), "datanet")
}

/// A fresh embedded chain in `d` with a wallet holding 5,000 OPEN, a datanet whose one
/// contribution (`file`) is accepted with `weight`, in its version 1 and enrolled there, and a
/// draft base model at `price` OPEN a call: (datanet, contribution, model).
fn datanet_and_draft_model(d: &Path, file: &str, weight: &str, price: &str) -> (String, String, String) {
    let datanet = fresh_datanet(d);
    let contribution = accepted(d, &datanet, file, weight);
    let published = publish_version(d, &datanet);
    assert!(published.contains(&format!("number 1: 1 contribution(s), total weight {weight}")), "{published}");
    ok(d, &["enroll", &contribution]);
    (datanet, contribution, draft_model(d, "1", price))
}

#[test]
fn create_contribute_review_pay_and_claim_across_invocations() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("notes.txt"), "anonymised clinical notes").unwrap();
    let (datanet, contribution, model) = datanet_and_draft_model(d, "notes.txt", "5", "0.5");
    cite_and_publish(d, &model, &datanet);
    let me = staked_operator(d);

    // 4 calls at 0.5 OPEN: 2 OPEN, 2.5 % to the treasury, then 60 % of the rest to the datanet.
    let paid = ok(d, &["pay", &model, "--operator", &me, "--calls", "4"]);
    assert!(paid.contains("fee 2.000000000 OPEN for 4 call(s)"), "{paid}");
    assert!(paid.contains("1.170000000"), "the datanet's share: {paid}");

    let claimed = ok(d, &["claim", "all"]);
    assert!(claimed.contains(&contribution), "{claimed}");
    assert!(claimed.contains("claimed in total: 1.170000000 OPEN from 1 of 1 position(s)"), "{claimed}");
    let claimed = ok(d, &["claim", "earnings", "model-owner"]);
    assert!(claimed.contains("claimed: 0.585000000 OPEN"), "{claimed}");

    let positions: serde_json::Value = serde_json::from_str(&ok(d, &["list", "positions", "--json"])).unwrap();
    assert_eq!(positions[0]["claimed"], "1.170000000");
    assert_eq!(positions[0]["claimable"], "0.000000000");
    assert_eq!(positions[0]["version"], "1");
    let again = ok(d, &["claim", "all"]);
    assert!(again.contains("claimed in total: 0.000000000 OPEN from 0 of 1 position(s)"), "{again}");

    // A program error comes back as its name and message, with a non-zero exit.
    let out = run(d, &["pay", &model, "--operator", &me, "--calls", "4", "--max-fee", "1"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("FeeAboveMax") && stderr.contains("above the max fee you allowed"), "{stderr}");
    // The wallet is also the admin, the guardian and the treasury: it queues a slash of its own
    // stake, executable after the timelock's day; 2.5 % of the 2 OPEN fee plus the 1.5 OPEN
    // slashed is the treasury's.
    let queued = ok(d, &["gov", "slash", &me, "1.5", "--reason", "2"]);
    assert!(queued.contains("queued as action 0, executable in 86400 s"), "{queued}");
    let actions: serde_json::Value = serde_json::from_str(&ok(d, &["--json", "gov", "list"])).unwrap();
    assert!(actions[0]["action"].as_str().unwrap().starts_with("slash 1.500000000"), "{actions}");
    assert_eq!(actions[0]["in (s)"], "86400");
    assert!(refused(d, &["gov", "execute", "0"]).contains("ActionNotReady"));
    ok(d, &["warp", "86400"]);
    ok(d, &["gov", "execute", "0"]);
    let earnings: serde_json::Value = serde_json::from_str(&ok(d, &["--json", "show", "earnings"])).unwrap();
    assert!(earnings["treasury"].as_str().unwrap().starts_with("claimable 1.550000000"), "{earnings}");
    assert!(refused(d, &["gov", "slash", &me, "999", "--reason", "2"]).contains("SlashAboveStake"));
    // The guardian's pause stops payments; lifted, the same payment goes through (the stake
    // topped up to the minimum again first).
    ok(d, &["stake", "deposit", "1.5"]);
    ok(d, &["gov", "pause"]);
    assert!(refused(d, &["pay", &model, "--operator", &me]).contains("Paused"));
    ok(d, &["gov", "unpause"]);
    ok(d, &["pay", &model, "--operator", &me]);
    // A queued change, cancelled: gone, nothing changed.
    ok(d, &["gov", "propose", "--protocol-fee-bps", "100"]);
    ok(d, &["gov", "cancel", "1"]);
    assert_eq!(ok(d, &["--json", "gov", "list"]).trim(), "[]");
    let config: serde_json::Value = serde_json::from_str(&ok(d, &["--json", "show", "config"])).unwrap();
    assert_eq!(
        (config["protocol fee (bps)"].as_str(), config["timelock delay (s)"].as_str()),
        (Some("250"), Some("86400"))
    );
    assert_eq!(config["guardian"], config["admin"]);

    // So is bad input.
    let out = run(d, &["show", "model", "not-an-address"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a valid address"));
    let out = run(d, &["--keypair", "missing.json", "--url", "http://127.0.0.1:9", "list", "models"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot reach"), "{}", String::from_utf8_lossy(&out.stderr));

    // The KPIs of all that, from the embedded journal: two payments (4 calls, then 1), the
    // refused ones seen and not counted; the one contribution paid out 1.17 OPEN.
    assert!(refused(d, &["stats"]).contains("run `attribution index` first"));
    let indexed = String::from_utf8_lossy(&run(d, &["index"]).stderr).to_string();
    assert!(indexed.contains("indexed ") && !indexed.contains("indexed 0 new"), "{indexed}");
    let kpis: serde_json::Value = serde_json::from_str(&ok(d, &["--json", "stats"])).unwrap();
    assert_eq!((kpis["payments"]["count"].as_u64(), kpis["payments"]["calls"].as_u64()), (Some(2), Some(5)));
    assert_eq!(kpis["payments"]["fees"], "2500000000", "amounts are strings");
    assert!(kpis["indexed"]["failed_transactions"].as_u64().unwrap() >= 3, "{kpis}");
    assert_eq!(kpis["contributors"]["earned_contributions"].as_u64(), Some(1));
    assert_eq!(kpis["contributors"]["top"][0]["earned"], "1170000000");
    let again = String::from_utf8_lossy(&run(d, &["index"]).stderr).to_string();
    assert!(again.contains("indexed 0 new transactions"), "{again}");
    assert_eq!(serde_json::from_str::<serde_json::Value>(&ok(d, &["--json", "stats"])).unwrap(), kpis);
    assert!(ok(d, &["stats"]).contains("PAYMENTS 2 (5 calls, 2500000000 base units in fees)"));
}

/// Copies the files of folder `from` into a new folder `to`.
fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
    }
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
    // The datanet's curator (the same wallet here) allows the attestor.
    ok(d, &["datanet", "approve-attestor", &datanet, &me]);
    staked_operator(d);

    // One paid output quoting the act, paid twice under one request id: the chain numbers the two
    // records itself. The payer commits the output's hash; the attestor keeps (request id, output,
    // attributable fee) per record.
    let text = std::fs::read_to_string(act).unwrap();
    let output =
        format!("okay so {} tokenizer gradient", text.split_whitespace().take(40).collect::<Vec<_>>().join(" "));
    std::fs::write(d.join("output.txt"), &output).unwrap();
    let request_id = hex(&Sha256::digest(output.as_bytes()));
    let mut records = Vec::new();
    let mut fee = 0;
    for record in 0..2 {
        let pay = ["--json", "pay", &model, "--operator", &me, "--calls", "1", "--request-id", &request_id];
        let paid = ok(d, &[&pay[..], &["--output", "output.txt"]].concat());
        let paid: serde_json::Value = serde_json::from_str(paid.lines().last().unwrap()).unwrap();
        assert_eq!((paid["epoch"].as_u64(), paid["record"].as_u64()), (Some(0), Some(record)));
        let amount = paid["lineage"][0]["amount"].as_u64().unwrap();
        assert_eq!(amount, 487_500_000, "half of 1 OPEN after the 2.5 % protocol fee");
        fee += amount;
        records.push(serde_json::json!({ "request_id": request_id, "model": address_hex(&model), "output": output, "fee": amount }));
    }
    let records = serde_json::Value::Array(records);
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
            "--publish",
            "published",
        ],
    );
    std::fs::write(d.join("allocation.json"), &allocation).unwrap();
    let allocation: serde_json::Value = serde_json::from_str(&allocation).unwrap();
    let attributed = allocation["attributed"].as_u64().unwrap();
    assert!(attributed > fee / 2, "most of the output is the act: {attributed} of {fee}");
    let epoch: serde_json::Value =
        serde_json::from_str(&ok(d, &["--json", "epoch", "show", &model, "--index", "0"])).unwrap();
    assert_eq!(epoch["records hash"], allocation["records_hash"], "the engine saw exactly the chain's payments");

    ok(d, &["epoch", "post", &model, "--allocation", "allocation.json", "--attestation", "published"]);
    // Anyone holding the published folder recomputes the root, byte for byte; a tampered copy fails.
    let verify = ["poa", "verify", &model, "--index", "0", "--attestation"];
    assert!(ok(d, &[&verify[..], &["published"]].concat()).starts_with("match"));
    copy_dir(&d.join("published"), &d.join("tampered"));
    let attestation = std::fs::read_to_string(d.join("tampered/attestation.json")).unwrap();
    std::fs::write(d.join("tampered/attestation.json"), attestation.replacen("tokenizer", "tokenizers", 1)).unwrap();
    let tampered = run(d, &[&verify[..], &["tampered"]].concat());
    let stderr = String::from_utf8_lossy(&tampered.stderr);
    assert!(!tampered.status.success() && stderr.contains("mismatch"), "{stderr}");
    assert!(stderr.contains("not the attestation the root committed") && stderr.contains("records hash"), "{stderr}");
    let early = run(d, &["epoch", "claim", &model, "--allocation", "allocation.json"]);
    assert!(String::from_utf8_lossy(&early.stderr).contains("ChallengeWindowOpen"));
    // A challenger disputes the root (its bond: the minimum operator stake, 1,000 OPEN); the
    // resolver (the config's authority here) dismisses it: the bond goes to the attestor.
    let challenger = ok(d, &["--keypair", "challenger.json", "address"]).trim().to_string();
    ok(d, &["airdrop", "--to", &challenger, "--open", "1000"]);
    let balance = |who: &str| -> String {
        let shown: serde_json::Value = serde_json::from_str(&ok(d, &["--json", "show", "balance", who])).unwrap();
        shown["balance"].as_str().unwrap().to_string()
    };
    let attestor_before = balance(&me);
    let challenge = ["--keypair", "challenger.json", "epoch", "challenge", &model, "--index", "0"];
    ok(d, &[&challenge[..], &["--disputed", &contribution]].concat());
    assert_eq!(balance(&challenger), "0.000000000");
    assert!(refused(d, &["epoch", "veto", &model, "--index", "0", "--reason", "1"]).contains("RootChallenged"));
    let stranger = refused(d, &["--keypair", "challenger.json", "epoch", "resolve", &model, "--index", "0"]);
    assert!(stranger.contains("NotResolver"), "{stranger}");
    assert!(ok(d, &["epoch", "resolve", &model, "--index", "0"]).contains("to the challenger 0.000000000 OPEN"));
    assert_eq!(balance(&challenger), "0.000000000");
    ok(d, &["warp", "86400"]);
    // The challenge window is over: governance (the same wallet here) can no longer veto.
    let late = run(d, &["epoch", "veto", &model, "--index", "0", "--reason", "1"]);
    assert!(String::from_utf8_lossy(&late.stderr).contains("ChallengeWindowClosed"));
    ok(d, &["epoch", "claim", &model, "--allocation", "allocation.json"]);
    let again = run(d, &["epoch", "claim", &model, "--allocation", "allocation.json"]);
    assert!(String::from_utf8_lossy(&again.stderr).contains("AlreadyClaimed"));
    ok(d, &["warp", "2592000"]);
    ok(d, &["epoch", "close", &model, "--index", "0", "--allocation", "allocation.json"]);
    // Since the post (which took its bond): the claims (the attestor is the act's contributor
    // here), its bond back and the dismissed challenger's bond.
    let units = |shown: &str| shown.replace('.', "").parse::<u64>().unwrap();
    let gained = units(&balance(&me)) - units(&attestor_before);
    assert_eq!(gained, attributed + attributed.div_ceil(10) + 1_000_000_000_000);
    let pool: serde_json::Value = serde_json::from_str(&ok(d, &["--json", "show", "pool", &datanet])).unwrap();
    let unattributed = allocation["unattributed"].as_u64().unwrap();
    assert_eq!(pool["credited"], format!("{}.{:09}", unattributed / 1_000_000_000, unattributed % 1_000_000_000));
}

/// Two versions of one datanet, two models citing them (one by default, the latest; one
/// explicitly, v1), and one `claim all` paying the wallet's three positions in one transaction.
#[test]
fn versions_lineage_defaults_and_claim_all() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let datanet = fresh_datanet(d);
    let early_model = draft_model(d, "3", "0.5");
    // No version yet: a lineage cannot cite the datanet, nor can a version be empty.
    let out = run(
        d,
        &[
            "model",
            "lineage",
            &early_model,
            "--datanet",
            &format!("{datanet}=6000"),
            "--owner-bps",
            "3000",
            "--operator-bps",
            "1000",
        ],
    );
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("publish a version first"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(d, &["datanet", "publish-version", &datanet, "--root", &"ab".repeat(32), "--uri", "ipfs://v"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("EmptyVersion"), "{}", String::from_utf8_lossy(&out.stderr));

    std::fs::write(d.join("a.txt"), "first contribution").unwrap();
    std::fs::write(d.join("b.txt"), "second contribution").unwrap();
    let a = accepted(d, &datanet, "a.txt", "5");
    let v1 = publish_version(d, &datanet);
    assert!(v1.contains("number 1: 1 contribution(s), total weight 5 (fixed for good)"), "{v1}");
    let b = accepted(d, &datanet, "b.txt", "15");
    let v2 = publish_version(d, &datanet);
    assert!(v2.contains("number 2: 2 contribution(s), total weight 20 (fixed for good)"), "{v2}");
    let versions: serde_json::Value = serde_json::from_str(&ok(d, &["--json", "list", "versions", &datanet])).unwrap();
    assert_eq!(versions.as_array().unwrap().len(), 2, "{versions}");
    assert_eq!(versions[1]["total weight"], "20");

    // a is in both versions, b only in v2.
    let enrolled = ok(d, &["enroll", &a]);
    assert!(enrolled.contains("(version 1)") && enrolled.contains("(version 2)"), "{enrolled}");
    let out = run(d, &["enroll", &b, "--version", "1"]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("accepted after version 1"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let enrolled = ok(d, &["enroll", &b]);
    assert!(!enrolled.contains("(version 1)") && enrolled.contains("(version 2)"), "{enrolled}");
    assert!(ok(d, &["enroll", &a]).contains("already enrolled in version(s) [1, 2]"));

    // The default cites the latest version; DATANET:1 cites version 1.
    let latest = draft_model(d, "1", "0.5");
    let first = draft_model(d, "2", "0.5");
    let shares = ["--owner-bps", "3000", "--operator-bps", "1000"];
    let cited = ok(d, &[&["model", "lineage", &latest, "--datanet", &format!("{datanet}=6000")][..], &shares].concat());
    assert!(cited.contains(&format!("cites version 2 of datanet {datanet}")), "{cited}");
    let cited =
        ok(d, &[&["model", "lineage", &first, "--datanet", &format!("{datanet}:1=6000")][..], &shares].concat());
    assert!(cited.contains(&format!("cites version 1 of datanet {datanet}")), "{cited}");
    let shown: serde_json::Value = serde_json::from_str(&ok(d, &["--json", "show", "model", &latest])).unwrap();
    assert!(shown["lineage"].as_str().unwrap().contains(&format!("{datanet} v2 6000bps")), "{shown}");
    let out = run(
        d,
        &[
            "model",
            "lineage",
            &early_model,
            "--datanet",
            &format!("{datanet}:3=6000"),
            "--owner-bps",
            "3000",
            "--operator-bps",
            "1000",
        ],
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("has no version 3"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for model in [&latest, &first] {
        ok(d, &["model", "publish", model]);
    }
    let me = staked_operator(d);

    // 1.17 OPEN to each cited version's pool: v2 splits it 5:15 between a and b, v1 is a's alone.
    ok(d, &["pay", &latest, "--operator", &me, "--calls", "4"]);
    ok(d, &["pay", &first, "--operator", &me, "--calls", "4"]);
    let pool: serde_json::Value = serde_json::from_str(&ok(d, &["--json", "show", "pool", &datanet])).unwrap();
    assert!(pool["version"].as_str().unwrap().starts_with("2 "), "{pool}");
    assert_eq!(pool["credited"], "1.170000000");
    let claimed = ok(d, &["claim", "all"]);
    assert!(claimed.contains("position_claim (3 position(s)): ok"), "one transaction: {claimed}");
    for paid in ["0.292500000", "0.877500000", "1.170000000"] {
        assert!(claimed.contains(paid), "{paid}: {claimed}");
    }
    assert!(claimed.contains("claimed in total: 2.340000000 OPEN from 3 of 3 position(s)"), "{claimed}");
    let json: serde_json::Value =
        serde_json::from_str(ok(d, &["--json", "claim", "all"]).lines().last().unwrap()).unwrap();
    assert_eq!((json["claimed"].as_u64(), json["held"].as_u64()), (Some(0), Some(3)), "{json}");
    let position: serde_json::Value =
        serde_json::from_str(&ok(d, &["--json", "show", "position", &a, "--version", "1"])).unwrap();
    assert_eq!(position["claimed"], "1.170000000");
}

/// A squatter who copies a content hash is rejected, and the curator clears its contribution so
/// that the author can submit the content.
#[test]
fn the_curator_clears_a_rejected_squat() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let datanet = fresh_datanet(d);
    std::fs::write(d.join("c.txt"), "the author's content").unwrap();
    let squat =
        address(&ok(d, &["--keypair", "squatter.json", "contribution", "submit", &datanet, "c.txt"]), "contribution");
    // Pending: only its contributor may take it back.
    let out = run(d, &["contribution", "withdraw", &squat]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("NotContributor"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(d, &["contribution", "submit", &datanet, "c.txt"]);
    assert!(!out.status.success(), "the hash is taken");
    ok(d, &["contribution", "review", &squat, "--reject", "7"]);
    let out = run(d, &["--keypair", "stranger.json", "contribution", "withdraw", &squat]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("NotContributor"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cleared = ok(d, &["contribution", "withdraw", &squat]);
    let squatter = ok(d, &["--keypair", "squatter.json", "address"]).trim().to_string();
    assert!(cleared.contains("the curator clears a rejected contribution"), "{cleared}");
    assert!(cleared.contains(&format!("rent returned to the contributor {squatter}")), "{cleared}");
    let mine = address(&ok(d, &["contribution", "submit", &datanet, "c.txt"]), "contribution");
    assert_eq!(mine, squat, "the same content hash, now the author's");
    let shown: serde_json::Value = serde_json::from_str(&ok(d, &["--json", "show", "contribution", &mine])).unwrap();
    assert_eq!(shown["contributor"], ok(d, &["address"]).trim());
}

/// More positions than fit in one transaction: `claim all` packs them into as few as fit, each
/// within the compute budget, and pays every one.
#[test]
fn claim_all_packs_many_positions_into_few_transactions() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["init"]);
    ok(d, &["airdrop", "--open", "5000"]);
    let args = ["datanet", "create", "--id", "1", "--name", "d", "--uri", "ipfs://d", "--open-weight", "1"];
    let datanet = address(&ok(d, &args), "datanet");
    let contributions: Vec<String> = (0..30)
        .map(|i| {
            let file = format!("c{i}.txt");
            std::fs::write(d.join(&file), format!("contribution {i}")).unwrap();
            address(&ok(d, &["contribution", "submit", &datanet, &file]), "contribution")
        })
        .collect();
    publish_version(d, &datanet);
    for c in &contributions {
        ok(d, &["enroll", c]);
    }
    let model = draft_model(d, "1", "1.5");
    cite_and_publish(d, &model, &datanet);
    let me = staked_operator(d);
    // 3 OPEN, 2.5 % to the treasury, 60 % of the rest to the version: 1.755 OPEN, 0.0585 each.
    // The positions share one pool, so a pair adds one account: 25 fit in a transaction.
    ok(d, &["pay", &model, "--operator", &me, "--calls", "2"]);
    let claimed = ok(d, &["claim", "all"]);
    assert!(claimed.contains("position_claim (25 position(s)): ok"), "{claimed}");
    assert!(claimed.contains("position_claim (5 position(s)): ok"), "{claimed}");
    assert_eq!(claimed.matches("0.058500000").count(), 30, "{claimed}");
    assert!(claimed.contains("claimed in total: 1.755000000 OPEN from 30 of 30 position(s)"), "{claimed}");
}

/// The last line of a `--json` command's output, parsed.
fn json_last(stdout: &str) -> serde_json::Value {
    serde_json::from_str(stdout.lines().last().unwrap()).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

/// A hands two contributions to B: one accepted with its positions synced in the same
/// transaction, one without (B's `claim all` syncs it). A gets nothing more; B is paid everything
/// both positions accrued, before and after the handover.
#[test]
fn a_contribution_handed_to_a_new_wallet_pays_it_what_it_accrued() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let datanet = fresh_datanet(d);
    let [a, b, stranger] =
        ["a.json", "b.json", "c.json"].map(|k| ok(d, &["--keypair", k, "address"]).trim().to_string());
    let as_a = |args: &[&str]| ok(d, &[&["--keypair", "a.json"][..], args].concat());
    let as_b = |args: &[&str]| ok(d, &[&["--keypair", "b.json"][..], args].concat());
    std::fs::write(d.join("x.txt"), "first sample").unwrap();
    std::fs::write(d.join("y.txt"), "second sample").unwrap();
    let x = address(&as_a(&["contribution", "submit", &datanet, "x.txt"]), "contribution");
    let y = address(&as_a(&["contribution", "submit", &datanet, "y.txt"]), "contribution");
    ok(d, &["contribution", "review", &x, "--accept", "5"]);
    ok(d, &["contribution", "review", &y, "--accept", "15"]);
    publish_version(d, &datanet);
    ok(d, &["enroll", &x]);
    ok(d, &["enroll", &y]);
    let model = draft_model(d, "1", "0.5");
    cite_and_publish(d, &model, &datanet);
    let me = staked_operator(d);
    // Each payment: 1.17 OPEN to the version's pool, 0.2925 to x and 0.8775 to y (5:15).
    let pay = || ok(d, &["pay", &model, "--operator", &me, "--calls", "4"]);

    // A earns and claims; then earns again, unclaimed when it hands the contributions over.
    pay();
    let claimed = as_a(&["claim", "all"]);
    assert!(claimed.contains("claimed in total: 1.170000000 OPEN from 2 of 2 position(s)"), "{claimed}");
    pay();

    // Proposing: the contributor only; a proposal can be cancelled; `show` has the pending wallet.
    let shown = |c: &str| -> serde_json::Value {
        serde_json::from_str(&ok(d, &["--json", "show", "contribution", c])).unwrap()
    };
    assert!(shown(&x).get("pending contributor").is_none(), "{}", shown(&x));
    assert!(refused(d, &["--keypair", "b.json", "contribution", "transfer", &x, &b]).contains("NotContributor"));
    as_a(&["contribution", "transfer", &x, &stranger]);
    assert_eq!(shown(&x)["pending contributor"], stranger);
    let cancelled = as_a(&["contribution", "transfer", &x, "--cancel"]);
    assert!(cancelled.contains(&format!("transfer cancelled: contribution {x} stays {a}'s")), "{cancelled}");
    assert!(shown(&x).get("pending contributor").is_none(), "{}", shown(&x));
    let err = refused(d, &["--keypair", "c.json", "contribution", "accept-transfer", &x]);
    assert!(err.contains("NoPendingContributor"), "{err}");
    for c in [&x, &y] {
        let proposed = as_a(&["contribution", "transfer", c, &b]);
        assert!(proposed.contains(&format!("pending contributor {b}")), "{proposed}");
    }
    let text = ok(d, &["show", "contribution", &x]);
    assert!(text.lines().any(|l| l.contains("pending contributor") && l.contains(&b)), "{text}");

    // A wrong wallet cannot accept; B accepts x alone, y with its position synced at once.
    let err = refused(d, &["--keypair", "c.json", "contribution", "accept-transfer", &x]);
    assert!(err.contains("NoPendingContributor"), "{err}");
    let accepted = as_b(&["contribution", "accept-transfer", &x, "--no-sync"]);
    assert!(accepted.contains("contribution_transfer_accept: ok"), "{accepted}");
    assert!(accepted.contains(&format!("its positions still name {a}")), "{accepted}");
    let accepted = as_b(&["contribution", "accept-transfer", &y]);
    assert!(accepted.contains("contribution_transfer_accept + position_sync (1 position(s)): ok"), "{accepted}");
    assert!(accepted.contains(&format!("contribution {y} is now {b}'s (was {a}'s)")), "{accepted}");
    assert!(accepted.contains("synced position"), "{accepted}");
    for c in [&x, &y] {
        assert_eq!(shown(c)["contributor"], b);
        assert!(shown(c).get("pending contributor").is_none());
    }

    // A's `claim all` leaves x's position (still naming A) to B, and no longer sees y's.
    let claimed = as_a(&["claim", "all"]);
    assert!(claimed.contains(&format!("was handed over to {b}")), "{claimed}");
    assert!(claimed.contains("claimed in total: 0.000000000 OPEN from 0 of 0 position(s)"), "{claimed}");

    // Earned after the handover: B's.
    pay();
    let claimed = json_last(&as_b(&["--json", "claim", "all"]));
    assert_eq!((claimed["claimed"].as_u64(), claimed["held"].as_u64()), (Some(2_340_000_000), Some(2)), "{claimed}");
    let synced = claimed["synced"].as_array().unwrap();
    assert_eq!(synced.len(), 1, "{claimed}");
    assert_eq!((synced[0]["contribution"].as_str(), synced[0]["previous"].as_str()), (Some(&*x), Some(&*a)));
    let paid = |c: &str| {
        claimed["positions"].as_array().unwrap().iter().find(|p| p["contribution"] == c).unwrap()["paid"].clone()
    };
    assert_eq!((paid(&x), paid(&y)), (585_000_000.into(), 1_755_000_000.into()), "two payments each: {claimed}");
    let position: serde_json::Value = serde_json::from_str(&ok(d, &["--json", "show", "position", &x])).unwrap();
    assert_eq!((position["beneficiary"].as_str(), position["claimed"].as_str()), (Some(&*b), Some("0.877500000")));

    // Nothing is left to A, nor to sync for B.
    assert!(refused(d, &["--keypair", "a.json", "claim", "all"]).contains("has no positions"));
    let again = as_b(&["claim", "all"]);
    assert!(!again.contains("synced position"), "{again}");
    assert!(again.contains("claimed in total: 0.000000000 OPEN from 0 of 2 position(s)"), "{again}");
}

/// A datanet that takes a 10 OPEN bond with a one-day spam window: submitting posts the bond,
/// the curator's spam flag forfeits it to the treasury, a refund pays it back once (a second
/// fails), a flag after the window fails, and a withdrawal returns a pending one's bond.
#[test]
fn bonds_are_posted_forfeited_refunded_and_returned() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let [treasury, alice, bob] =
        ["treasury.json", "a.json", "b.json"].map(|k| ok(d, &["--keypair", k, "address"]).trim().to_string());
    ok(d, &["init", "--treasury", &treasury]);
    for wallet in [&alice, &bob] {
        ok(d, &["airdrop", "--to", wallet, "--open", "100"]);
    }
    let balance = |wallet: &str| -> String {
        serde_json::from_str::<serde_json::Value>(&ok(d, &["--json", "show", "balance", wallet])).unwrap()["balance"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let show = |kind: &str, address: &str| -> serde_json::Value {
        serde_json::from_str(&ok(d, &["--json", "show", kind, address])).unwrap()
    };
    let shown = |c: &str| show("contribution", c);
    let create = ["datanet", "create", "--id", "1", "--name", "d", "--uri", "ipfs://d", "--open-weight", "1"];
    let datanet = address(&ok(d, &[&create[..], &["--bond", "10", "--spam-window-secs", "86400"]].concat()), "datanet");
    let info = show("datanet", &datanet);
    assert_eq!(
        (info["bond per submission"].as_str(), info["spam window (s)"].as_str()),
        (Some("10.000000000"), Some("86400"))
    );

    // Submitting posts the bond from the contributor's OPEN account; without the OPEN, it fails.
    for (file, content) in [("spam.txt", "junk"), ("good.txt", "a real sample"), ("late.txt", "late junk")] {
        std::fs::write(d.join(file), content).unwrap();
    }
    let submitted = ok(d, &["--keypair", "a.json", "contribution", "submit", &datanet, "spam.txt"]);
    assert!(submitted.contains("bond posted: 10.000000000 OPEN"), "{submitted}");
    let spam = address(&submitted, "contribution");
    let good =
        address(&ok(d, &["--keypair", "b.json", "contribution", "submit", &datanet, "good.txt"]), "contribution");
    assert_eq!((balance(&alice), balance(&bob)), ("90.000000000".into(), "90.000000000".into()));
    assert_eq!(
        (shown(&spam)["status"].as_str(), shown(&spam)["bond held"].as_str()),
        (Some("Accepted"), Some("10.000000000"))
    );
    let err = refused(d, &["--keypair", "c.json", "contribution", "submit", &datanet, "late.txt"]);
    assert!(
        err.contains("takes a bond of 10.000000000 OPEN per submission") && err.contains("holds 0.000000000"),
        "{err}"
    );

    // Only the curator flags; the flag forfeits the bond to the treasury and removes the weight.
    assert!(refused(d, &["--keypair", "b.json", "contribution", "flag-spam", &spam]).contains("NotAuthority"));
    let flagged = ok(d, &["contribution", "flag-spam", &spam]);
    assert!(flagged.contains("bond forfeited to the treasury: 10.000000000 OPEN"), "{flagged}");
    assert_eq!(balance(&treasury), "10.000000000");
    let s = shown(&spam);
    assert_eq!(
        (s["status"].as_str(), s["bond held"].as_str(), s["weight"].as_str()),
        (Some("Flagged"), Some("0.000000000"), Some("0"))
    );
    let info = show("datanet", &datanet);
    assert_eq!(
        (info["total accepted weight"].as_str(), info["flagged after acceptance"].as_str()),
        (Some("1"), Some("1"))
    );

    // Within the window the bond stays; after it, no flag, and anyone refunds it, once.
    let err = refused(d, &["contribution", "refund-bond", &good]);
    assert!(err.contains("BondNotRefundable"), "{err}");
    ok(d, &["warp", "86400"]);
    let err = refused(d, &["contribution", "flag-spam", &good]);
    assert!(err.contains("NotFlaggable"), "{err}");
    let refunded = ok(d, &["--keypair", "a.json", "contribution", "refund-bond", &good]);
    assert!(refunded.contains("bond refunded: 10.000000000 OPEN") && refunded.contains(&bob), "{refunded}");
    assert_eq!(balance(&bob), "100.000000000");
    let err = refused(d, &["contribution", "refund-bond", &good]);
    assert!(err.contains("NoBond") && err.contains("no bond waiting in the vault"), "{err}");
    assert_eq!(balance(&bob), "100.000000000");

    // A curated datanet with a 5 OPEN bond: withdrawing a pending contribution returns its bond.
    ok(d, &["datanet", "update", &datanet, "--curated", "--bond", "5"]);
    let info = show("datanet", &datanet);
    assert_eq!(
        (info["bond per submission"].as_str(), info["spam window (s)"].as_str()),
        (Some("5.000000000"), Some("86400"))
    );
    let pending =
        address(&ok(d, &["--keypair", "a.json", "contribution", "submit", &datanet, "late.txt"]), "contribution");
    assert_eq!(
        (balance(&alice), shown(&pending)["flaggable until (unix)"].as_str()),
        ("85.000000000".into(), Some("while pending"))
    );
    let withdrawn = ok(d, &["--keypair", "a.json", "contribution", "withdraw", &pending]);
    assert!(withdrawn.contains("bond returned: 5.000000000 OPEN"), "{withdrawn}");
    assert_eq!(balance(&alice), "90.000000000");
    // The curator clears the flagged contribution away: its content can be submitted again.
    let cleared = ok(d, &["contribution", "withdraw", &spam]);
    assert!(cleared.contains("the curator clears a flagged contribution"), "{cleared}");
    let again = ok(d, &["--keypair", "b.json", "contribution", "submit", &datanet, "spam.txt"]);
    assert_eq!(address(&again, "contribution"), spam);
}

/// On a deployment from before bonds (no bond vault), the first datanet that takes a bond
/// creates the vault in the same transaction.
#[test]
fn the_first_bonded_datanet_creates_a_missing_bond_vault() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["init"]);
    ok(d, &["airdrop", "--open", "5"]);
    let path = d.join(".attribution/state.json");
    let mut state: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let vault = svm_harness::pda::bond_vault().to_string();
    state["accounts"].as_object_mut().unwrap().remove(&vault).expect("init created the bond vault");
    std::fs::write(&path, state.to_string()).unwrap();
    let args = ["datanet", "create", "--id", "1", "--name", "d", "--uri", "ipfs://d", "--bond", "1"];
    let created = ok(d, &args);
    assert!(created.contains("bond_vault_init + datanet_create: ok"), "{created}");
    std::fs::write(d.join("c.txt"), "content").unwrap();
    let submitted = ok(d, &["contribution", "submit", &address(&created, "datanet"), "c.txt"]);
    assert!(submitted.contains("bond posted: 1.000000000 OPEN"), "{submitted}");
}

/// The default wallet (A) owns a model and runs a staked operator. It hands the model to B and
/// the operator with its stake to C (each refusing a stranger), then the next payments, whatever
/// key names the operator, credit B's owner share and C's operator share, while what A earned
/// before stays A's until it hands its earnings to B (once: the old account closes).
#[test]
fn a_model_and_an_operator_handed_over_pay_the_new_wallets() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("notes.txt"), "anonymised clinical notes").unwrap();
    let (datanet, _, model) = datanet_and_draft_model(d, "notes.txt", "5", "0.5");
    cite_and_publish(d, &model, &datanet);
    let a = staked_operator(d);
    let [b, c, _stranger] =
        ["b.json", "c.json", "s.json"].map(|k| ok(d, &["--keypair", k, "address"]).trim().to_string());
    let as_ = |k: &str, args: &[&str]| ok(d, &[&["--keypair", k][..], args].concat());
    // 4 calls at 0.5 OPEN: 1.95 OPEN after the protocol fee, 30 % to the owner, 10 % to the operator.
    let pay = |operator: &str, extra: &[&str]| {
        json_last(&ok(d, &[&["--json", "pay", &model, "--operator", operator, "--calls", "4"][..], extra].concat()))
    };
    let paid = pay(&a, &[]);
    assert_eq!((paid["owner"].as_str(), paid["operator"].as_str()), (Some(&*a), Some(&*a)), "{paid}");
    let earnings = |wallet: &str| -> serde_json::Value {
        serde_json::from_str(&ok(d, &["--json", "show", "earnings", wallet])).unwrap()
    };
    let claimable = |wallet: &str, role: &str| -> String {
        let shown = earnings(wallet);
        let text = shown[role].as_str().unwrap_or_else(|| panic!("no {role} earnings for {wallet}: {shown}"));
        text.strip_prefix("claimable ").unwrap().split(' ').next().unwrap().to_string()
    };

    // The model: only its owner proposes, only the proposed wallet accepts.
    assert!(refused(d, &["--keypair", "s.json", "model", "transfer", &model, &b]).contains("NotOwner"));
    assert!(refused(d, &["--keypair", "b.json", "model", "accept-transfer", &model]).contains("NoPendingHandover"));
    let proposed = ok(d, &["model", "transfer", &model, &b]);
    assert!(proposed.contains(&format!("pending owner {b}: it accepts with")), "{proposed}");
    let shown: serde_json::Value = serde_json::from_str(&ok(d, &["--json", "show", "model", &model])).unwrap();
    assert_eq!((shown["owner"].as_str(), shown["pending owner"].as_str()), (Some(&*a), Some(&*b)));
    let err = refused(d, &["--keypair", "s.json", "model", "accept-transfer", &model]);
    assert!(err.contains("NoPendingHandover") && err.contains("No handover of this account is pending"), "{err}");
    let accepted = as_("b.json", &["model", "accept-transfer", &model]);
    assert!(accepted.contains("model_owner_accept + earnings_init (model owner): ok"), "{accepted}");
    assert!(accepted.contains(&format!("model {model} is now {b}'s (was {a}'s)")), "{accepted}");
    let shown: serde_json::Value = serde_json::from_str(&ok(d, &["--json", "show", "model", &model])).unwrap();
    assert_eq!(shown["owner"].as_str(), Some(&*b));
    assert!(shown.get("pending owner").is_none(), "{shown}");
    assert!(refused(d, &["model", "price", &model, "1"]).contains("NotOwner"));

    // The operator and its stake, in one transaction each way.
    assert!(refused(d, &["--keypair", "s.json", "operator", "transfer", &c, "--operator", &a])
        .contains("NotOperatorAuthority"));
    let proposed = ok(d, &["operator", "transfer", &c]);
    assert!(proposed.contains("operator_authority_propose + stake_authority_propose: ok"), "{proposed}");
    assert!(proposed.contains(&format!("pending authority {c}: it accepts with")), "{proposed}");
    assert!(proposed.contains("(1000.000000000 OPEN active) goes with it"), "{proposed}");
    assert!(refused(d, &["--keypair", "s.json", "operator", "accept-transfer", &a]).contains("NoPendingHandover"));
    let accepted = as_("c.json", &["operator", "accept-transfer", &a]);
    assert!(
        accepted.contains("operator_authority_accept + stake_authority_accept + earnings_init (operator): ok"),
        "{accepted}"
    );
    assert!(accepted.contains(&format!("is now {c}'s (was {a}'s)")), "{accepted}");
    let operators: serde_json::Value = serde_json::from_str(&ok(d, &["--json", "list", "operators"])).unwrap();
    assert_eq!(operators.as_array().unwrap().len(), 1, "{operators}");
    let (account, authority) = (operators[0]["address"].as_str().unwrap(), operators[0]["authority"].as_str());
    assert_eq!((authority, operators[0]["active stake"].as_str()), (Some(&*c), Some("1000.000000000")));

    // The operator's authority co-signs the payments it serves: A (the payer) cannot pay through
    // it alone any more, nor with another wallet's signature.
    let unsigned = refused(d, &["pay", &model, "--operator", &a, "--calls", "4"]);
    assert!(unsigned.contains(&format!("operator's authority {c} co-signs")), "{unsigned}");
    let forged = refused(d, &["pay", &model, "--operator", &a, "--calls", "4", "--operator-keypair", "s.json"]);
    assert!(forged.contains(&format!("not of the operator's authority {c}")), "{forged}");
    // Paid: by the key it registered with, its new authority or its account, the owner share is
    // B's and the operator share C's; what A earned before stays A's.
    for key in [&*a, &*c, account] {
        let paid = pay(key, &["--operator-keypair", "c.json"]);
        assert_eq!((paid["owner"].as_str(), paid["operator"].as_str()), (Some(&*b), Some(&*c)), "{paid}");
        assert_eq!(
            (paid["owner_amount"].as_u64(), paid["operator_amount"].as_u64()),
            (Some(585_000_000), Some(195_000_000))
        );
    }
    assert_eq!(claimable(&b, "model owner"), "1.755000000");
    assert_eq!(claimable(&c, "operator"), "0.585000000");
    assert_eq!((claimable(&a, "model owner"), claimable(&a, "operator")), ("0.585000000".into(), "0.195000000".into()));

    // C runs the operator and its stake now; A no longer can.
    as_("c.json", &["operator", "update", "https://c.example"]);
    as_("c.json", &["stake", "unstake", "1"]);
    assert!(refused(d, &["stake", "unstake", "1"]).contains("NotStakeAuthority"));
    assert!(refused(d, &["operator", "update", "https://a.example"]).contains("NotOperatorAuthority"));
    let operators: serde_json::Value = serde_json::from_str(&ok(d, &["--json", "list", "operators"])).unwrap();
    assert_eq!(
        (operators[0]["endpoint"].as_str(), operators[0]["active stake"].as_str()),
        (Some("https://c.example"), Some("999.000000000"))
    );

    // A's earnings from before: to B, once.
    assert!(refused(d, &["earnings", "transfer", "--role", "model-owner", &a]).contains("HandoverToSelf"));
    let err = refused(d, &["--keypair", "b.json", "earnings", "accept-transfer", "--role", "model-owner", &a]);
    assert!(err.contains("NoPendingHandover"), "{err}");
    let proposed = ok(d, &["earnings", "transfer", "--role", "model-owner", &b]);
    assert!(proposed.contains(&format!("pending beneficiary {b} of 0.585000000 OPEN")), "{proposed}");
    assert!(earnings(&a)["model owner"].as_str().unwrap().ends_with(&format!("proposed to {b}")));
    let moved = as_("b.json", &["earnings", "accept-transfer", "--role", "model-owner", &a]);
    assert!(moved.contains("earnings_transfer_accept: ok") && moved.contains("moved: 0.585000000 OPEN"), "{moved}");
    assert!(moved.contains(&format!("{a}'s account closed")), "{moved}");
    assert!(earnings(&a).get("model owner").is_none(), "A's model-owner account is closed");
    assert_eq!(claimable(&b, "model owner"), "2.340000000");
    let err = refused(d, &["--keypair", "b.json", "earnings", "accept-transfer", "--role", "model-owner", &a]);
    assert!(err.contains("AccountNotInitialized"), "{err}");
    // Into a wallet with no earnings of the role: its account is created in the same transaction.
    ok(d, &["earnings", "transfer", "--role", "operator", &b]);
    let moved = as_("b.json", &["earnings", "accept-transfer", "--role", "operator", &a]);
    assert!(moved.contains("earnings_init + earnings_transfer_accept: ok"), "{moved}");
    assert_eq!(claimable(&b, "operator"), "0.195000000");

    // Closing: refused while there is something to claim or staked, then the rent back.
    let err = refused(d, &["--keypair", "b.json", "earnings", "close", "--role", "model-owner"]);
    assert!(err.contains("AccountNotEmpty") && err.contains("claim the earnings"), "{err}");
    let claimed = as_("b.json", &["claim", "earnings", "model-owner"]);
    assert!(claimed.contains("claimed: 2.340000000 OPEN"), "{claimed}");
    let before = lamports(d, &b);
    let closed = json_last(&as_("b.json", &["--json", "earnings", "close", "--role", "model-owner"]));
    let rent = closed["rent_returned"].as_u64().unwrap();
    assert!(rent > 0, "{closed}");
    assert_eq!(lamports(d, &b), before + rent - FEE, "the rent, less the fee, back to B");
    assert!(earnings(&b).get("model owner").is_none(), "B's model-owner account is closed");
    let err = refused(d, &["--keypair", "b.json", "earnings", "close", "--role", "model-owner"]);
    assert!(err.contains("has no model-owner earnings account to close"), "{err}");
    // The treasury's (A's, by `init`) stays open even empty.
    ok(d, &["claim", "earnings", "treasury"]);
    let err = refused(d, &["earnings", "close", "--role", "treasury"]);
    assert!(err.contains("TreasuryEarningsStay"), "{err}");
    // C's stake, handed over at A's PDA: 999 active and 1 unstaking.
    let err = refused(d, &["--keypair", "c.json", "stake", "close"]);
    assert!(err.contains("AccountNotEmpty") && err.contains("withdraw the stake"), "{err}");
    as_("c.json", &["stake", "unstake", "999"]);
    ok(d, &["warp", &(7 * 24 * 3600).to_string()]);
    as_("c.json", &["stake", "withdraw"]);
    let before = lamports(d, &c);
    let closed = as_("c.json", &["stake", "close"]);
    assert!(closed.contains("stake_close: ok") && closed.contains(&format!("rent returned to {c}")), "{closed}");
    let rent: u64 = closed.split(" SOL (").nth(1).unwrap().split(' ').next().unwrap().parse().unwrap();
    assert_eq!(lamports(d, &c), before + rent - FEE, "the stake's rent, less the fee, back to C");
    assert!(refused(d, &["--keypair", "c.json", "stake", "close"]).contains("has no stake to close"));
}

/// The embedded SVM's fee for a one-signature transaction.
const FEE: u64 = 5_000;

/// A wallet's lamports, from the embedded chain's state file.
fn lamports(d: &Path, wallet: &str) -> u64 {
    let state: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(d.join(".attribution/state.json")).unwrap()).unwrap();
    state["accounts"][wallet]["lamports"].as_u64().unwrap_or(0)
}

/// A channel whose vouchers an agent signs: the operator settles one for 4 calls in one
/// transaction (a replay and a voucher of a wallet that is not the signer are refused), the
/// budget spent closes at once; a second channel closes in two steps, the operator's day first.
#[test]
fn a_channel_settles_an_agents_vouchers_and_closes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("notes.txt"), "anonymised clinical notes").unwrap();
    let (datanet, _, model) = datanet_and_draft_model(d, "notes.txt", "5", "0.5");
    cite_and_publish(d, &model, &datanet);
    let me = staked_operator(d);
    let agent = ok(d, &["--keypair", "agent.json", "address"]).trim().to_string();
    // A budget of 4 calls at 0.5 OPEN for the agent.
    let opened = json_last(&ok(
        d,
        &["--json", "channel", "open", &model, "--operator", &me, "--deposit", "2", "--signer", &agent],
    ));
    let channel = opened["channel"].as_str().unwrap().to_string();
    let refused_voucher = refused(d, &["channel", "voucher", &channel, "--calls", "4"]);
    assert!(refused_voucher.contains("do not sign this channel's vouchers"), "{refused_voucher}");
    let voucher = ok(d, &["--keypair", "agent.json", "channel", "voucher", &channel, "--calls", "4"]);
    std::fs::write(d.join("voucher.json"), &voucher).unwrap();
    let settled = json_last(&ok(d, &["--json", "channel", "settle", "voucher.json"]));
    assert_eq!((settled["calls"].as_u64(), settled["fee"].as_u64()), (Some(4), Some(2_000_000_000)), "{settled}");
    let replay = refused(d, &["channel", "settle", "voucher.json"]);
    assert!(replay.contains("VoucherStale"), "{replay}");
    // Spent: it closes at once, nothing to refund.
    let closed = ok(d, &["channel", "close", &channel]);
    assert!(closed.contains("channel_close: ok") && closed.contains("refunded: 0.000000000 OPEN"), "{closed}");

    // A second channel: the first close asks, the second waits for the operator's day.
    let opened = json_last(&ok(d, &["--json", "channel", "open", &model, "--operator", &me, "--deposit", "1"]));
    let channel = opened["channel"].as_str().unwrap().to_string();
    let asked = ok(d, &["channel", "close", &channel]);
    assert!(asked.contains("channel_close_request: ok") && asked.contains("the operator may settle until"), "{asked}");
    let early = refused(d, &["channel", "close", &channel]);
    assert!(early.contains("ChannelStillSettling"), "{early}");

    // An agent: a model whose lineage lists the models it calls, and nothing else.
    let create = ["model", "create", "--id", "7", "--kind", "agent", "--name", "a", "--uri", "ipfs://a"];
    let agent_model = address(&ok(d, &[&create[..], &["--artifact", "weights.bin", "--price", "1"]].concat()), "model");
    let shares = ["--owner-bps", "3000", "--operator-bps", "1000"];
    let datanet_entry = format!("{datanet}=6000");
    let refused_lineage =
        refused(d, &[&["model", "lineage", &agent_model, "--datanet", &datanet_entry][..], &shares].concat());
    assert!(refused_lineage.contains("AgentCallsModelsOnly"), "{refused_lineage}");
    let model_entry = format!("{model}=6000");
    ok(d, &[&["model", "lineage", &agent_model, "--upstream", &model_entry][..], &shares].concat());
    ok(d, &["model", "publish", &agent_model]);
}
