//! `attribution poa …` as a user meets it: off chain, on the committed sample
//! (`testdata/poa/sample`).
use sha2::{Digest, Sha256};
mod common;

use common::{hex, ok, refused};
use std::path::{Path, PathBuf};
use std::process::Command;

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../testdata/poa/sample")
}

/// A manifest in `d` of the sample's Shakespeare acts named `acts`, ids derived from the names.
fn manifest(d: &Path, name: &str, acts: &[&str]) {
    let contributions: Vec<serde_json::Value> = acts
        .iter()
        .map(|act| {
            let path = sample().join("shakespeare").join(format!("{act}.txt"));
            serde_json::json!({
                "id": hex(&Sha256::digest(act.as_bytes())),
                "contributor": hex(&[7; 32]),
                "content_hash": hex(&Sha256::digest(std::fs::read(&path).unwrap())),
                "path": path,
            })
        })
        .collect();
    std::fs::write(d.join(name), serde_json::json!({ "contributions": contributions }).to_string()).unwrap();
}

/// An output quoting the first 40 words of an act.
fn quoting(act: &str) -> String {
    let text = std::fs::read_to_string(sample().join("shakespeare").join(format!("{act}.txt"))).unwrap();
    format!("okay so {} tokenizer gradient", text.split_whitespace().take(40).collect::<Vec<_>>().join(" "))
}

#[test]
fn the_same_index_twice_is_refused_readably() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    manifest(d, "bard.json", &["hamlet-01", "macbeth-01"]);
    ok(d, &["poa", "index", "--manifest", "bard.json", "--out", "bard.idx"]);
    std::fs::copy(d.join("bard.idx"), d.join("copy.idx")).unwrap();
    std::fs::write(d.join("out.txt"), quoting("hamlet-01")).unwrap();
    let once = ok(d, &["poa", "attribute", "--index", "bard.idx", "--text", "out.txt"]);
    assert!(once.contains("spans found"), "{once}");

    for twice in [["bard.idx", "bard.idx"], ["bard.idx", "./bard.idx"]] {
        let err = refused(d, &["poa", "attribute", "--index", twice[0], "--index", twice[1], "--text", "out.txt"]);
        assert!(err.contains("is given twice: pass each shard once"), "{err}");
    }
    let err = refused(d, &["poa", "attribute", "--index", "bard.idx", "--index", "copy.idx", "--text", "out.txt"]);
    assert!(err.contains("bard.idx and copy.idx both hold contribution"), "{err}");
    assert!(err.contains("shards must hold disjoint contributions"), "{err}");
    let records = serde_json::json!([{ "request_id": hex(&[1; 32]), "model": hex(&[2; 32]),
                                       "output": quoting("hamlet-01"), "fee": 100 }]);
    std::fs::write(d.join("records.json"), records.to_string()).unwrap();
    let epoch = ["poa", "epoch", "--records", "records.json", "--epoch", "0", "--total", "100"];
    let err = refused(d, &[&epoch[..], &["--index", "bard.idx", "--index", "bard.idx"]].concat());
    assert!(err.contains("is given twice"), "{err}");
    ok(d, &[&epoch[..], &["--index", "bard.idx"]].concat());

    // A missing index is named once, not repeated.
    let err = refused(d, &["poa", "attribute", "--index", "missing.idx", "--text", "out.txt"]);
    assert_eq!(err.matches("missing.idx").count(), 1, "{err}");
    assert_eq!(err.matches("No such file or directory").count(), 1, "said once: {err}");
}

/// Every flag of every `poa` command says what it is for; the chain's flags show only where they
/// apply (`poa index --datanet` reads the chain; nothing signs).
#[test]
fn every_poa_flag_has_help_and_chain_flags_show_only_where_they_apply() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let span = ("--min-span-words", "The fewest words a span must have");
    let common = ("--max-contributions", "A span found in more contributions than this is a common phrase");
    let shards = ("--index", "An index file (`poa index`); repeat it for several shards");
    // (command, its flags with a piece of their help, the global flags it hides)
    type Flags<'a> = Vec<(&'a str, &'a str)>;
    let commands: [(&str, Flags, Vec<&str>); 3] = [
        (
            "index",
            vec![
                ("--manifest", "JSON: {\"contributions\""),
                ("--out", "The index file to write"),
                ("--datanet", "Check every manifest entry against a datanet version on chain"),
                ("--url", "RPC endpoint of a cluster"),
                ("--state", "The embedded SVM's state file"),
                ("--json", "Print JSON"),
            ],
            vec!["--keypair"],
        ),
        (
            "attribute",
            vec![
                shards,
                ("--text", "The output text"),
                ("--batch", "Many outputs against indexes opened once"),
                span,
                common,
                ("--json", "Print JSON"),
            ],
            vec!["--keypair", "--url", "--state"],
        ),
        (
            "epoch",
            vec![
                shards,
                ("--records", "JSON list of"),
                ("--epoch", "The epoch's index"),
                ("--total", "The amount to allocate"),
                span,
                common,
                ("--threads", "Threads attributing the records"),
            ],
            vec!["--keypair", "--url", "--state", "--json"],
        ),
    ];
    // The line that lists `flag` (alone, or followed by its value or help).
    let lists = |line: &str, flag: &str| {
        line.trim_start().strip_prefix(flag).is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    };
    for (command, flags, hidden) in commands {
        let help = ok(d, &["poa", command, "--help"]);
        for (flag, text) in flags {
            let line = help.lines().position(|l| lists(l, flag));
            let line = line.unwrap_or_else(|| panic!("poa {command} --help lacks {flag}:\n{help}"));
            // The help is on the flag's line, or (long help) on the next.
            let said = help.lines().skip(line).take(2).collect::<Vec<_>>().join(" ");
            assert!(said.contains(text), "poa {command} {flag}: no help \"{text}\":\n{help}");
        }
        for flag in hidden {
            assert!(!help.lines().any(|l| lists(l, flag)), "poa {command} --help shows {flag}:\n{help}");
        }
    }
    // Hidden, the chain's flags still parse where they are ignored.
    let err = refused(d, &["poa", "attribute", "--url", "http://x", "--index", "none.idx", "--text", "t"]);
    assert!(err.contains("none.idx"), "{err}");
}

/// A folder of plain files is indexed without a manifest (ids and hashes derived, labelled by
/// path); `poa show` lists it; results name each contribution, heaviest first, each span with
/// the contributions it is credited to.
#[test]
fn a_folder_is_indexed_labelled_shown_and_results_name_contributions_by_weight() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let acts = d.join("acts");
    std::fs::create_dir_all(acts.join("scottish")).unwrap();
    let act = |name: &str| std::fs::read(sample().join("shakespeare").join(format!("{name}.txt"))).unwrap();
    std::fs::write(acts.join("hamlet.txt"), act("hamlet-01")).unwrap();
    std::fs::write(acts.join("scottish/macbeth.txt"), act("macbeth-01")).unwrap();
    std::fs::write(acts.join(".notes"), "skipped: hidden").unwrap();
    let built = ok(d, &["poa", "index", "--folder", "acts", "--out", "acts.idx"]);
    assert!(built.contains("indexed 2 contributions"), "{built}");

    let shown = ok(d, &["poa", "show", "acts.idx"]);
    assert!(shown.contains("acts.idx: 2 contributions"), "{shown}");
    let hamlet = hex(&Sha256::digest(act("hamlet-01")));
    let macbeth = hex(&Sha256::digest(act("macbeth-01")));
    let row = |label: &str| shown.lines().find(|l| l.trim_start().starts_with(label)).unwrap().to_string();
    // Id and contributor (by default) are the file's hash.
    assert!(row("hamlet.txt").contains(&format!("{hamlet}  {hamlet}")), "{shown}");
    assert!(row("scottish/macbeth.txt").contains(&macbeth), "{shown}");
    let listed: serde_json::Value = serde_json::from_str(&ok(d, &["--json", "poa", "show", "acts.idx"])).unwrap();
    let labels: Vec<&str> = listed.as_array().unwrap().iter().map(|c| c["label"].as_str().unwrap()).collect();
    assert_eq!(labels.len(), 2);
    assert!(labels.contains(&"hamlet.txt") && labels.contains(&"scottish/macbeth.txt"), "{listed}");

    // Mostly Macbeth, a little Hamlet: Macbeth first, whatever the ids' order.
    let words = |name: &str, n: usize| {
        let text = String::from_utf8(act(name)).unwrap();
        text.split_whitespace().take(n).collect::<Vec<_>>().join(" ")
    };
    std::fs::write(d.join("out.txt"), format!("{} and so {}", words("hamlet-01", 12), words("macbeth-01", 60)))
        .unwrap();
    let table = ok(d, &["poa", "attribute", "--index", "acts.idx", "--text", "out.txt"]);
    let first = table.lines().position(|l| l.contains("scottish/macbeth.txt")).unwrap();
    let second = table.lines().position(|l| l.trim_start().starts_with("hamlet.txt")).unwrap();
    assert!(first < second, "heaviest first:\n{table}");
    assert!(table.contains("(hamlet.txt): \"") && table.contains("(scottish/macbeth.txt): \""), "{table}");
    let result: serde_json::Value =
        serde_json::from_str(&ok(d, &["--json", "poa", "attribute", "--index", "acts.idx", "--text", "out.txt"]))
            .unwrap();
    let contributions = result["contributions"].as_array().unwrap();
    assert_eq!(contributions[0]["label"], "scottish/macbeth.txt", "{result}");
    assert_eq!(contributions[1]["label"], "hamlet.txt", "{result}");
    assert!(contributions[0]["mass"].as_u64() > contributions[1]["mass"].as_u64());
    assert_eq!(result["spans"][0]["credited_labels"][0], "hamlet.txt", "{result}");

    // One wallet for every file; two files with the same contents are refused by name.
    let wallet = hex(&[5; 32]);
    ok(d, &["poa", "index", "--folder", "acts", "--out", "one.idx", "--contributor", &wallet]);
    let listed: serde_json::Value = serde_json::from_str(&ok(d, &["--json", "poa", "show", "one.idx"])).unwrap();
    assert!(listed.as_array().unwrap().iter().all(|c| c["contributor"] == wallet.as_str()), "{listed}");
    std::fs::write(acts.join("copy.txt"), act("hamlet-01")).unwrap();
    let err = refused(d, &["poa", "index", "--folder", "acts", "--out", "dup.idx"]);
    assert!(err.contains("copy.txt and") && err.contains("hamlet.txt have the same contents"), "{err}");
    let err = refused(d, &["poa", "index", "--folder", "acts", "--manifest", "m.json", "--out", "x.idx"]);
    assert!(err.contains("cannot be used with"), "{err}");

    // A manifest may label its entries; without labels, results name contributions by id.
    manifest(d, "bard.json", &["hamlet-01"]);
    ok(d, &["poa", "index", "--manifest", "bard.json", "--out", "bard.idx"]);
    let table = ok(d, &["poa", "attribute", "--index", "bard.idx", "--text", "out.txt"]);
    let id = hex(&Sha256::digest(b"hamlet-01"));
    assert!(table.contains(&format!("({id}): \"")), "{table}");
}

/// `poa attribute --batch`: JSON lines in (a file or stdin), one result per line out, in order,
/// each the result a single call gives; a bad line gets its error and the batch goes on.
#[test]
fn a_batch_attributes_json_lines_one_result_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    manifest(d, "bard.json", &["hamlet-01", "macbeth-01"]);
    ok(d, &["poa", "index", "--manifest", "bard.json", "--out", "bard.idx"]);
    let outputs = [quoting("hamlet-01"), quoting("macbeth-01"), "nothing quoted here at all".to_string()];
    let single = |output: &str| -> serde_json::Value {
        std::fs::write(d.join("one.txt"), output).unwrap();
        serde_json::from_str(&ok(d, &["--json", "poa", "attribute", "--index", "bard.idx", "--text", "one.txt"]))
            .unwrap()
    };
    let lines = [
        serde_json::json!({ "id": "a", "output": outputs[0] }).to_string(),
        String::new(),
        serde_json::json!(outputs[1]).to_string(),
        "{not json".to_string(),
        serde_json::json!({ "id": 7, "output": outputs[2] }).to_string(),
        serde_json::json!({ "id": "empty", "output": "  " }).to_string(),
    ];
    std::fs::write(d.join("batch.jsonl"), lines.join("\n")).unwrap();
    let check = |stdout: &str| {
        let results: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(results.len(), 5, "one per non-empty line:\n{stdout}");
        let without_id = |v: &serde_json::Value| {
            let mut v = v.clone();
            v.as_object_mut().unwrap().remove("id");
            v
        };
        assert_eq!(results[0]["id"], "a");
        assert_eq!(without_id(&results[0]), single(&outputs[0]));
        assert!(results[1].get("id").is_none());
        assert_eq!(results[1], single(&outputs[1]));
        assert_eq!(results[1]["contributions"][0]["label"], serde_json::Value::Null, "unlabelled");
        assert!(results[2]["error"].as_str().unwrap().contains("line 4: not JSON"), "{}", results[2]);
        assert_eq!(results[3]["id"], 7);
        assert_eq!(without_id(&results[3]), single(&outputs[2]));
        assert_eq!(results[3]["unattributed_ppm"], 1_000_000);
        assert_eq!(results[4]["id"], "empty");
        assert!(results[4]["error"].as_str().unwrap().contains("nothing to attribute"), "{}", results[4]);
    };
    check(&ok(d, &["poa", "attribute", "--index", "bard.idx", "--batch", "batch.jsonl"]));

    // From stdin, as a long-lived process would read it.
    let mut child = Command::new(env!("CARGO_BIN_EXE_attribution"))
        .args(["poa", "attribute", "--index", "bard.idx", "--batch", "-"])
        .current_dir(d)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), lines.join("\n").as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    check(&String::from_utf8(out.stdout).unwrap());

    let err = refused(d, &["poa", "attribute", "--index", "bard.idx", "--batch", "-", "--text", "one.txt"]);
    assert!(err.contains("cannot be used with"), "{err}");
    let err = refused(d, &["poa", "attribute", "--index", "bard.idx", "--batch", "absent.jsonl"]);
    assert!(err.contains("reading absent.jsonl"), "{err}");
}
