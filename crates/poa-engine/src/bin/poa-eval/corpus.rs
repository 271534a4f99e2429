//! The evaluation corpus: the King James Bible (a datanet per testament, a contribution per
//! chapter, a contributor per book) and Shakespeare (one datanet, a contribution per act, a
//! contributor per work), prepared from the sources `eval/fetch-corpus.sh` downloads; Milton is
//! kept aside as text outside the corpus.
use poa_engine::{ContributionSource, Key32};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Contribution {
    pub name: String,
    pub source: ContributionSource,
    pub text: String,
}

pub struct Datanet {
    pub name: String,
    pub contributions: Vec<Contribution>,
}

pub fn key(label: &str) -> Key32 {
    Key32(Sha256::digest(label.as_bytes()).into())
}

/// Runs the fetch script unless the sources are already there.
pub fn fetch(repo: &Path) -> PathBuf {
    let source = repo.join("target/poa-eval/source");
    if !source.join("kjv.jsonl").exists() {
        let script = repo.join("crates/poa-engine/eval/fetch-corpus.sh");
        let status = Command::new("bash").arg(&script).status().expect("run fetch-corpus.sh");
        assert!(status.success(), "{} failed", script.display());
    }
    source
}

#[derive(Deserialize)]
struct Verse {
    book: String,
    chapter: u32,
    text: String,
}

const OLD_TESTAMENT_BOOKS: usize = 39;

fn contribution(datanet: &str, name: String, contributor: &str, text: String) -> Contribution {
    let source = ContributionSource {
        id: key(&format!("poa-eval contribution {datanet}/{name}")),
        contributor: key(&format!("poa-eval contributor {contributor}")),
        content_hash: Key32(Sha256::digest(text.as_bytes()).into()),
        path: PathBuf::from(format!("{datanet}/{name}.txt")),
        label: None,
        accepted_seq: None,
    };
    Contribution { name, source, text }
}

fn bible(source: &Path) -> Vec<Datanet> {
    let lines = fs::read_to_string(source.join("kjv.jsonl")).expect("read kjv.jsonl");
    let mut books: Vec<String> = Vec::new();
    let mut chapters: BTreeMap<(usize, u32), Vec<String>> = BTreeMap::new();
    for line in lines.lines().filter(|l| !l.trim().is_empty()) {
        let verse: Verse = serde_json::from_str(line).expect("a kjv.jsonl verse");
        if books.last() != Some(&verse.book) {
            books.push(verse.book.clone());
        }
        chapters.entry((books.len() - 1, verse.chapter)).or_default().push(verse.text);
    }
    let mut datanets = vec![
        Datanet { name: "kjv-old-testament".into(), contributions: Vec::new() },
        Datanet { name: "kjv-new-testament".into(), contributions: Vec::new() },
    ];
    for ((book, chapter), verses) in chapters {
        let testament = usize::from(book >= OLD_TESTAMENT_BOOKS);
        let datanet = &mut datanets[testament];
        let slug = books[book].to_lowercase().replace(' ', "-");
        let name = format!("{slug}-{chapter:03}");
        datanet.contributions.push(contribution(&datanet.name.clone(), name, &books[book], verses.join("\n") + "\n"));
    }
    datanets
}

/// The text files of a folder, sorted by name, read leniently (a stray Latin-1 byte becomes U+FFFD).
fn texts(folder: &Path) -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> =
        fs::read_dir(folder).expect("read a source folder").map(|e| e.unwrap().path()).collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy().trim_end_matches("_gut").replace('_', "-");
            (stem, String::from_utf8_lossy(&fs::read(&p).expect("read a source text")).into_owned())
        })
        .collect()
}

const LINES_PER_PART: usize = 300;

/// A work split at its "ACT " headings, or in parts of 300 lines when it has none.
fn parts(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().collect();
    let acts: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].starts_with("ACT ")).collect();
    let cuts: Vec<usize> = if acts.is_empty() {
        (0..lines.len()).step_by(LINES_PER_PART).collect()
    } else {
        std::iter::once(0).chain(acts.into_iter().filter(|&i| i > 0)).collect()
    };
    cuts.iter()
        .enumerate()
        .map(|(k, &from)| lines[from..cuts.get(k + 1).copied().unwrap_or(lines.len())].join("\n") + "\n")
        .collect()
}

fn shakespeare(source: &Path) -> Datanet {
    let name = "shakespeare".to_string();
    let contributions = texts(&source.join("shakespeare"))
        .into_iter()
        .flat_map(|(work, text)| {
            let name = &name;
            parts(&text)
                .into_iter()
                .enumerate()
                .map(move |(i, part)| contribution(name, format!("{work}-{:02}", i + 1), &work, part))
        })
        .collect();
    Datanet { name, contributions }
}

/// The corpus's datanets, each accepting its contributions in order (books and chapters, works
/// and acts).
pub fn datanets(source: &Path) -> Vec<Datanet> {
    let mut all = bible(source);
    all.push(shakespeare(source));
    for d in &mut all {
        for (seq, c) in (0..).zip(&mut d.contributions) {
            c.source.accepted_seq = Some(seq);
        }
    }
    all
}

/// Milton's poems: text the corpus does not contain.
pub fn outside_text(source: &Path) -> String {
    texts(&source.join("milton")).into_iter().map(|(_, t)| t).collect::<Vec<_>>().join("\n")
}

/// Writes each datanet's files and its manifest `<name>.json` under `folder`; returns the
/// manifests' paths.
pub fn write(folder: &Path, datanets: &[Datanet]) -> Vec<PathBuf> {
    datanets
        .iter()
        .map(|d| {
            fs::create_dir_all(folder.join(&d.name)).expect("create a datanet folder");
            for c in &d.contributions {
                fs::write(folder.join(&c.source.path), &c.text).expect("write a contribution");
            }
            let sources: Vec<&ContributionSource> = d.contributions.iter().map(|c| &c.source).collect();
            let manifest = folder.join(format!("{}.json", d.name));
            let json = serde_json::to_string_pretty(&serde_json::json!({ "contributions": sources })).unwrap();
            fs::write(&manifest, json + "\n").expect("write a manifest");
            manifest
        })
        .collect()
}
