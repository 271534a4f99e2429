//! Human output: aligned tables and OPEN amounts.
use svm_harness::Pubkey;

/// OPEN's decimals: amounts are shown as whole OPEN with 9 decimals.
const DECIMALS: u32 = 9;

/// A base-unit amount as OPEN, e.g. `1234.500000000`.
pub fn amount(base_units: u64) -> String {
    let unit = 10u64.pow(DECIMALS);
    format!("{}.{:09}", base_units / unit, base_units % unit)
}

/// The first and last characters of an address.
pub fn short(key: &Pubkey) -> String {
    let s = key.to_string();
    format!("{}…{}", &s[..4], &s[s.len() - 4..])
}

pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    pub fn new(header: &[&str]) -> Self {
        Table { header: header.iter().map(|h| h.to_string()).collect(), rows: Vec::new() }
    }

    pub fn row(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    pub fn print(&self) {
        let widths: Vec<usize> = (0..self.header.len())
            .map(|i| self.rows.iter().map(|r| r[i].chars().count()).chain([self.header[i].len()]).max().unwrap_or(0))
            .collect();
        let line = |cells: &[String]| {
            let padded: Vec<String> =
                cells.iter().zip(&widths).map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count()))).collect();
            println!("  {}", padded.join("  ").trim_end());
        };
        line(&self.header);
        line(&widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>());
        for r in &self.rows {
            line(r);
        }
    }
}
