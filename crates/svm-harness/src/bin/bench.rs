//! `make bench`: measures every instruction scenario, writes target/bench/compute-units.json and
//! renders docs/compute-units.md.
use std::path::PathBuf;
use svm_harness::bench;

fn main() -> std::io::Result<()> {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let measured = bench::measure_all();
    let rows = &measured.rows;
    let out = repo.join("target/bench");
    std::fs::create_dir_all(&out)?;
    std::fs::write(out.join("compute-units.json"), serde_json::to_string_pretty(rows)? + "\n")?;
    let table = bench::render_markdown(&measured);
    std::fs::write(repo.join("docs/compute-units.md"), &table)?;
    print!("{table}");
    let violations = bench::violations(rows);
    for v in &violations {
        eprintln!("over ceiling: {v}");
    }
    if !violations.is_empty() {
        std::process::exit(1);
    }
    Ok(())
}
