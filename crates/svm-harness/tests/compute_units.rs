//! Every instruction scenario stays within its committed compute-unit ceiling, and every ceiling
//! has a scenario.
use svm_harness::bench;

#[test]
fn every_instruction_is_measured_and_within_its_ceiling() {
    let rows = bench::measure_all();
    let violations = bench::violations(&rows);
    assert!(violations.is_empty(), "{violations:#?}");
    for (program, instruction, _) in bench::CEILINGS {
        assert!(
            rows.iter().any(|r| r.program == *program && r.instruction == *instruction),
            "{program}/{instruction} has a ceiling but no scenario"
        );
    }
}
