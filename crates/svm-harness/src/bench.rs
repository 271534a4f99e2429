//! Compute-unit accounting: every instruction scenario, measured from the `.so` in LiteSVM, each
//! against a committed ceiling. `make bench` writes the rows to `target/bench/compute-units.json`
//! and renders `docs/compute-units.md`; the `compute_units` test fails when a row exceeds its
//! instruction's ceiling or an instruction has none.
use crate::{Executed, Failed};
use serde::Serialize;

/// Ceiling per instruction, in compute units. Lower one below its measured figure and the
/// `compute_units` test fails; raise one only with a reason in the commit message.
pub const CEILINGS: &[(&str, &str, u64)] = &[
    ("datanet_registry", "datanet_create", 14_000),
    ("model_registry", "model_create", 17_000),
    ("attribution_payout", "config_init", 45_000),
];

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Row {
    pub program: String,
    pub instruction: String,
    /// A short label of the scenario, e.g. `lineage=4,contributors=10000`.
    pub case: String,
    pub compute_units: u64,
}

/// Collects rows while scenarios run.
#[derive(Default)]
pub struct Recorder {
    pub rows: Vec<Row>,
}

impl Recorder {
    /// Records a successful transaction's compute units; panics on failure, since every bench
    /// scenario is meant to succeed.
    #[track_caller]
    pub fn record(
        &mut self,
        program: &str,
        instruction: &str,
        case: &str,
        result: Result<Executed, Failed>,
    ) -> Executed {
        let done =
            result.unwrap_or_else(|f| panic!("{program}/{instruction} [{case}] failed: {:?}\n{:#?}", f.error, f.logs));
        self.rows.push(Row {
            program: program.into(),
            instruction: instruction.into(),
            case: case.into(),
            compute_units: done.compute_units,
        });
        done
    }
}

pub fn ceiling(program: &str, instruction: &str) -> Option<u64> {
    CEILINGS.iter().find(|(p, i, _)| *p == program && *i == instruction).map(|c| c.2)
}

/// Every row over its ceiling, and every measured instruction without one.
pub fn violations(rows: &[Row]) -> Vec<String> {
    rows.iter()
        .filter_map(|r| match ceiling(&r.program, &r.instruction) {
            None => Some(format!("{}/{} has no ceiling in bench::CEILINGS", r.program, r.instruction)),
            Some(max) if r.compute_units > max => Some(format!(
                "{}/{} [{}] used {} CU, above its ceiling of {max}",
                r.program, r.instruction, r.case, r.compute_units
            )),
            Some(_) => None,
        })
        .collect()
}

/// The committed table.
pub fn render_markdown(rows: &[Row]) -> String {
    let mut out = String::from(
        "# Compute units per instruction\n\n\
         Measured from the built `.so` programs in LiteSVM by `make bench` (rows also in\n\
         `target/bench/compute-units.json`). Each instruction's ceiling is enforced by the\n\
         `compute_units` test (`crates/svm-harness/tests/compute_units.rs`).\n\n\
         | program | instruction | case | compute units | ceiling |\n| --- | --- | --- | ---: | ---: |\n",
    );
    for r in rows {
        let max = ceiling(&r.program, &r.instruction).map_or("none".into(), |c| c.to_string());
        out += &format!("| {} | {} | {} | {} | {} |\n", r.program, r.instruction, r.case, r.compute_units, max);
    }
    out
}

/// Runs every scenario and returns its rows.
pub fn measure_all() -> Vec<Row> {
    let mut rec = Recorder::default();
    crate::scenarios::registries(&mut rec);
    crate::scenarios::payout(&mut rec);
    rec.rows
}
