//! The KPI API: JSON over HTTP, read-only, computed from the database at each request.
//! - `GET /v1/kpis`: everything (`kpi::Kpis`);
//! - `GET /v1/kpis/<section>`: one part of it (`payments`, `distribution`, `models`, `operators`,
//!   `datanets`, `contributors`, `concentration`, `retention`, `indexed`);
//! - `GET /v1/kpis/<models|operators|datanets>/<key>`: one model's, operator's or datanet's row;
//! - `GET /v1/contributors/<wallet>`: what one contributor was paid.
//!
//! Any origin may read it (the dApp is served from elsewhere).

use crate::kpi::{kpis, section};
use crate::store::Store;
use anyhow::{anyhow, Result};
use rusqlite::{params, OptionalExtension};
use serde_json::{json, Value};
use tiny_http::{Header, Method, Response, Server};

/// The JSON for `path`, or `None` when nothing is there.
pub fn answer(store: &Store, path: &str) -> Result<Option<Value>> {
    let parts: Vec<&str> = path.split('?').next().unwrap_or("").split('/').filter(|p| !p.is_empty()).collect();
    match parts.as_slice() {
        ["v1", "kpis"] => Ok(Some(serde_json::to_value(kpis(store)?)?)),
        ["v1", "kpis", name] => section(store, name),
        ["v1", "kpis", name @ ("models" | "operators" | "datanets"), key] => {
            let rows = section(store, name)?.unwrap_or_default();
            let field = name.trim_end_matches('s');
            Ok(rows.as_array().and_then(|rows| rows.iter().find(|r| r[field] == *key)).cloned())
        }
        ["v1", "contributors", wallet] => {
            let row = store
                .connection()
                .query_row("SELECT claims, earned FROM earner_totals WHERE beneficiary = $1", params![wallet], |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?))
                })
                .optional()?;
            let (claims, earned) = row.unwrap_or((0, 0));
            Ok(Some(json!({ "beneficiary": wallet, "claims": claims, "earned": earned.to_string() })))
        }
        _ => Ok(None),
    }
}

/// A server listening on `address` (e.g. `127.0.0.1:8910`; port 0 picks a free one).
pub fn listen(address: &str) -> Result<Server> {
    let server = Server::http(address).map_err(|e| anyhow!("cannot listen on {address}: {e}"))?;
    eprintln!("KPI API on http://{}/v1/kpis", server.server_addr());
    Ok(server)
}

/// Answers `server`'s requests from `store` until the process ends.
pub fn serve(store: &Store, server: Server) -> Result<()> {
    let cors = Header::from_bytes("Access-Control-Allow-Origin", "*").expect("a valid header");
    let json_type = Header::from_bytes("Content-Type", "application/json").expect("a valid header");
    for request in server.incoming_requests() {
        let (status, body) = match (request.method(), answer(store, request.url())) {
            (Method::Get, Ok(Some(value))) => (200, value.to_string()),
            (Method::Get, Ok(None)) => (404, json!({ "error": "not found" }).to_string()),
            (Method::Get, Err(e)) => (500, json!({ "error": format!("{e:#}") }).to_string()),
            _ => (405, json!({ "error": "GET only" }).to_string()),
        };
        let response = Response::from_string(body)
            .with_status_code(status)
            .with_header(cors.clone())
            .with_header(json_type.clone());
        if let Err(e) = request.respond(response) {
            eprintln!("warning: answering a request: {e}");
        }
    }
    Ok(())
}
