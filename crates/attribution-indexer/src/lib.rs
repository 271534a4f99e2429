//! The KPI indexer: follows the suite's three programs and keeps what their events say in a
//! database, from which it computes the usage KPIs. A pipeline in three stages, as Solana
//! indexing frameworks (Carbon's datasource → decoder → processor) structure it:
//! `source` (RPC or a prepared file) → `decode` (logs into the programs' own event types) →
//! `store` (rows in SQLite, exactly once), and `kpi` / `api` read them back. See README.md.

pub mod api;
pub mod decode;
pub mod kpi;
pub mod report;
pub mod source;
pub mod store;

pub use decode::TxRecord;
pub use kpi::{kpis, Kpis};
pub use store::Store;
