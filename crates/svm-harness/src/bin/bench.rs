//! `make bench`: measures every instruction scenario, writes target/bench/compute-units.json and
//! renders docs/compute-units.md.
use std::path::PathBuf;
use svm_harness::{bench, simulation};

fn main() -> std::io::Result<()> {
    let repo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let measured = bench::measure_all();
    let rows = &measured.rows;
    let out = repo.join("target/bench");
    std::fs::create_dir_all(&out)?;
    std::fs::write(out.join("compute-units.json"), serde_json::to_string_pretty(rows)? + "\n")?;
    // The payment-channel simulation: 100,000 calls, conservation checked to the base unit.
    let simulation = simulation::run(100_000);
    let table = bench::render_markdown(&measured) + &simulation.render();
    std::fs::write(repo.join("docs/compute-units.md"), &table)?;
    print!("{table}");
    let violations = bench::violations(rows);
    for v in &violations {
        eprintln!("over ceiling: {v}");
    }
    if !simulation.conserved() {
        eprintln!("the channel simulation does not conserve value: {simulation:?}");
        std::process::exit(1);
    }
    if !violations.is_empty() {
        std::process::exit(1);
    }
    Ok(())
}
