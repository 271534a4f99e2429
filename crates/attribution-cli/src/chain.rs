//! Program errors, decoded to the message the program logged.
use anyhow::anyhow;
use svm_harness::Failed;

/// The program's own words for a failed transaction: "NotBeneficiary (6019): Only the
/// beneficiary may claim", or the runtime's error when no program error was logged.
pub fn decode_failure(failed: Failed) -> anyhow::Error {
    let logged = failed.logs().iter().find_map(|line| {
        let rest = line.split("Error Code: ").nth(1)?;
        let (name, rest) = rest.split_once(". Error Number: ")?;
        let (number, message) = rest.split_once(". Error Message: ")?;
        Some(format!("{name} ({number}): {}", message.trim_end_matches('.')))
    });
    match logged {
        Some(message) => anyhow!("{message}"),
        None => anyhow!("transaction failed: {:?}", failed.error),
    }
}
