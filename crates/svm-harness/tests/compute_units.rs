//! Every instruction scenario stays within its committed compute-unit ceiling, and every ceiling
//! has a scenario.
use svm_harness::bench;

#[test]
fn every_instruction_is_measured_and_within_its_ceiling() {
    let measured = bench::measure_all();
    let rows = &measured.rows;
    let violations = bench::violations(rows);
    assert!(violations.is_empty(), "{violations:#?}");
    for c in bench::CEILINGS {
        assert!(
            rows.iter()
                .any(|r| r.program == c.program && r.instruction == c.instruction && r.case.starts_with(c.case_prefix)),
            "{}/{} [{}] has a ceiling but no scenario",
            c.program,
            c.instruction,
            c.case_prefix
        );
    }

    // The fee path does not grow with contributors: for each lineage size, the same cost when the
    // cited versions hold 1, 100 and 10,000 contributions, to within 50 compute units per pool (the
    // 128-by-64-bit division's steps depend on the numbers, e.g. a total weight of 1, not on how
    // many contributions there are).
    for lineage in svm_harness::scenarios::LINEAGE_SIZES {
        let costs: Vec<u64> = rows
            .iter()
            .filter(|r| r.instruction == "inference_pay" && r.case.starts_with(&format!("lineage={lineage},")))
            .map(|r| r.compute_units)
            .collect();
        assert_eq!(costs.len(), svm_harness::scenarios::CONTRIBUTOR_COUNTS.len());
        let spread = costs.iter().max().unwrap() - costs.iter().min().unwrap();
        assert!(spread <= 50 * lineage as u64, "lineage={lineage}: {costs:?}");
    }
    assert!(measured.push_max_recipients >= 16, "the push baseline fits {} transfers", measured.push_max_recipients);
}
