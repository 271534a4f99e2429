//! Each built program carries a security.txt (solana-security-txt's block: a NUL-separated list of
//! keys and values between two markers), which explorers and `query-security-txt` read from the
//! deployed program: who it is and where to report a vulnerability.
use svm_harness::deploy_dir;

const BEGIN: &[u8] = b"=======BEGIN SECURITY.TXT V1=======\0";
const END: &[u8] = b"=======END SECURITY.TXT V1=======\0";

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The block's keys and values, in order; None when the binary has none.
fn security_txt(so: &[u8]) -> Option<Vec<(String, String)>> {
    let start = find(so, BEGIN)? + BEGIN.len();
    let end = start + find(&so[start..], END)?;
    let parts: Vec<String> =
        so[start..end].split(|b| *b == 0).map(|p| String::from_utf8_lossy(p).into_owned()).collect();
    Some(parts.chunks(2).filter(|kv| kv.len() == 2).map(|kv| (kv[0].clone(), kv[1].clone())).collect())
}

#[test]
fn every_program_says_where_to_report_a_vulnerability() {
    for program in ["datanet_registry", "model_registry", "attribution_payout"] {
        let so = std::fs::read(deploy_dir().join(format!("{program}.so"))).expect("built programs (make build)");
        let fields = security_txt(&so).unwrap_or_else(|| panic!("{program}.so carries no security.txt"));
        let keys: Vec<&str> = fields.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["name", "project_url", "contacts", "policy", "source_code"], "{program}");
        assert_eq!(fields[0].1, program);
        assert!(fields.iter().all(|(_, v)| !v.is_empty()), "{program}: {fields:?}");
        assert!(fields[2].1.starts_with("email:") || fields[2].1.starts_with("link:"), "{program}: {fields:?}");
    }
}
