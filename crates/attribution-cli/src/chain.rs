//! Where the CLI's transactions go: an embedded SVM (LiteSVM running the built `.so` programs,
//! its accounts kept in a state file between commands) or any cluster's RPC endpoint.
use anyhow::{anyhow, bail, Context, Result};
use solana_account::{Account, ReadableAccount};
use solana_commitment_config::CommitmentConfig;
use solana_rpc_client::rpc_client::RpcClient;
use solana_rpc_client_api::client_error::ErrorKind;
use solana_rpc_client_api::request::{RpcError, RpcResponseErrorData};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use svm_harness::{Failed, Instruction, Keypair, Pubkey, Signer, Svm};

/// A sent transaction.
pub struct Sent {
    pub signature: String,
    pub logs: Vec<String>,
}

/// The program's own words for a failure, from its logs: "NotBeneficiary (6019): Only the
/// beneficiary may claim".
fn program_error(logs: &[String]) -> Option<String> {
    logs.iter().find_map(|line| {
        let rest = line.split("Error Code: ").nth(1)?;
        let (name, rest) = rest.split_once(". Error Number: ")?;
        let (number, message) = rest.split_once(". Error Message: ")?;
        Some(format!("{name} ({number}): {}", message.trim_end_matches('.')))
    })
}

/// A failed embedded transaction as an error carrying the program's message.
pub fn decode_failure(failed: Failed) -> anyhow::Error {
    match program_error(failed.logs()) {
        Some(message) => anyhow!("{message}"),
        None => anyhow!("transaction failed: {:?}", failed.error),
    }
}

pub enum Chain {
    Embedded { svm: Box<Svm>, state: PathBuf },
    Rpc { client: RpcClient },
}

/// What the state file keeps: every account that is not a program, a sysvar or a feature, and
/// the clock.
#[derive(serde::Serialize, serde::Deserialize)]
struct Snapshot {
    unix_timestamp: i64,
    slot: u64,
    accounts: BTreeMap<String, SavedAccount>,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct SavedAccount {
    lamports: u64,
    owner: String,
    data: String,
}

fn kept(account: &Account) -> bool {
    !account.executable
        && account.owner != anchor_lang::solana_program::bpf_loader_upgradeable::ID
        && !matches!(
            account.owner.to_string().as_str(),
            "Sysvar1111111111111111111111111111111111111" | "Feature111111111111111111111111111111111111"
        )
}

/// The embedded SVM's transactions, one JSON line each (what `attribution index` reads), next to
/// its state file.
pub fn journal_path(state: &Path) -> PathBuf {
    state.with_file_name("transactions.jsonl")
}

/// The KPI indexer's database, next to the state file.
pub fn kpi_db_path(state: &Path) -> PathBuf {
    state.with_file_name("kpi.db")
}

impl Chain {
    /// The embedded SVM, with the accounts of earlier commands loaded from `state`.
    pub fn embedded(state: &Path) -> Result<Chain> {
        let mut svm = Svm::new();
        if state.exists() {
            let text = std::fs::read_to_string(state).with_context(|| format!("reading {}", state.display()))?;
            let snapshot: Snapshot =
                serde_json::from_str(&text).with_context(|| format!("{} is not a state file", state.display()))?;
            for (key, saved) in snapshot.accounts {
                let data = base64::Engine::decode(&base64::engine::general_purpose::STANDARD, &saved.data)?;
                let account = Account {
                    lamports: saved.lamports,
                    data,
                    owner: saved.owner.parse()?,
                    executable: false,
                    rent_epoch: 0,
                };
                svm.set_account(key.parse()?, account);
            }
            let mut clock = svm.clock();
            clock.unix_timestamp = snapshot.unix_timestamp;
            clock.slot = snapshot.slot;
            svm.svm.set_sysvar(&clock);
        }
        svm.record_journal();
        Ok(Chain::Embedded { svm: Box::new(svm), state: state.to_path_buf() })
    }

    pub fn rpc(url: &str) -> Result<Chain> {
        let client = RpcClient::new_with_commitment(url.to_string(), CommitmentConfig::confirmed());
        client.get_version().map_err(|e| anyhow!("cannot reach {url}: {e}"))?;
        Ok(Chain::Rpc { client })
    }

    /// Writes the embedded state back to its file, and appends the transactions sent to the
    /// journal next to it (nothing to do for RPC).
    pub fn save(&mut self) -> Result<()> {
        let Chain::Embedded { svm, state } = self else { return Ok(()) };
        let journal = journal_path(state);
        svm.append_journal(&journal).with_context(|| format!("writing {}", journal.display()))?;
        let clock = svm.clock();
        let accounts = svm
            .svm
            .accounts_db()
            .inner
            .iter()
            .map(|(k, a)| (*k, Account::from(a.clone())))
            .filter(|(_, a)| kept(a) && a.lamports > 0)
            .map(|(k, a)| {
                let data = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, &a.data);
                (k.to_string(), SavedAccount { lamports: a.lamports, owner: a.owner.to_string(), data })
            })
            .collect();
        let snapshot = Snapshot { unix_timestamp: clock.unix_timestamp, slot: clock.slot, accounts };
        if let Some(dir) = state.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&*state, serde_json::to_string(&snapshot)?)
            .with_context(|| format!("writing {}", state.display()))
    }

    /// Signs `instructions` with `payer` and `signers` and sends them; a program error comes back
    /// as its message.
    pub fn send(&mut self, payer: &Keypair, instructions: &[Instruction], signers: &[&Keypair]) -> Result<Sent> {
        match self {
            Chain::Embedded { svm, .. } => {
                let done = svm.send(payer, instructions, signers).map_err(decode_failure)?;
                Ok(Sent { signature: "(embedded)".into(), logs: done.logs })
            }
            Chain::Rpc { client } => {
                let mut all: Vec<&Keypair> = vec![payer];
                all.extend(signers.iter().copied().filter(|s| s.pubkey() != payer.pubkey()));
                let blockhash = client.get_latest_blockhash()?;
                let tx = solana_transaction::Transaction::new_signed_with_payer(
                    instructions,
                    Some(&payer.pubkey()),
                    &all,
                    blockhash,
                );
                match client.send_and_confirm_transaction(&tx) {
                    Ok(signature) => {
                        let logs = client
                            .get_transaction(
                                &signature,
                                solana_transaction_status_client_types::UiTransactionEncoding::Json,
                            )
                            .ok()
                            .and_then(|t| t.transaction.meta)
                            .and_then(|m| Option::<Vec<String>>::from(m.log_messages))
                            .unwrap_or_default();
                        Ok(Sent { signature: signature.to_string(), logs })
                    }
                    Err(e) => {
                        if let ErrorKind::RpcError(RpcError::RpcResponseError {
                            data: RpcResponseErrorData::SendTransactionPreflightFailure(sim),
                            ..
                        }) = e.kind()
                        {
                            if let Some(message) = program_error(sim.logs.as_deref().unwrap_or_default()) {
                                bail!("{message}");
                            }
                        }
                        Err(anyhow!("transaction failed: {e}"))
                    }
                }
            }
        }
    }

    pub fn account(&self, key: &Pubkey) -> Result<Option<Account>> {
        match self {
            Chain::Embedded { svm, .. } => Ok(svm.account(key)),
            Chain::Rpc { client } => Ok(client.get_account_with_commitment(key, CommitmentConfig::confirmed())?.value),
        }
    }

    /// Several accounts, in the order of `keys` (a `getMultipleAccounts` per 100 over RPC).
    pub fn accounts(&self, keys: &[Pubkey]) -> Result<Vec<Option<Account>>> {
        match self {
            Chain::Embedded { svm, .. } => Ok(keys.iter().map(|k| svm.account(k)).collect()),
            Chain::Rpc { client } => {
                let mut out = Vec::with_capacity(keys.len());
                for chunk in keys.chunks(100) {
                    out.extend(
                        client.get_multiple_accounts_with_commitment(chunk, CommitmentConfig::confirmed())?.value,
                    );
                }
                Ok(out)
            }
        }
    }

    /// Every account of `program` whose data starts with `discriminator` and matches every
    /// `(offset, bytes)` of `filters` (a `getProgramAccounts` with memcmp filters over RPC).
    pub fn program_accounts(
        &self,
        program: &Pubkey,
        discriminator: &[u8],
        filters: &[(usize, &[u8])],
    ) -> Result<Vec<(Pubkey, Account)>> {
        match self {
            Chain::Embedded { svm, .. } => Ok(scan(svm, program, discriminator, filters)),
            Chain::Rpc { client } => {
                use solana_rpc_client_api::config::{RpcAccountInfoConfig, RpcProgramAccountsConfig};
                use solana_rpc_client_api::filter::{Memcmp, RpcFilterType};
                let filters = std::iter::once((0, discriminator))
                    .chain(filters.iter().copied())
                    .map(|(offset, bytes)| RpcFilterType::Memcmp(Memcmp::new_base58_encoded(offset, bytes)))
                    .collect();
                let config = RpcProgramAccountsConfig {
                    filters: Some(filters),
                    account_config: RpcAccountInfoConfig {
                        encoding: Some(solana_account_decoder_client_types::UiAccountEncoding::Base64),
                        commitment: Some(CommitmentConfig::confirmed()),
                        ..Default::default()
                    },
                    ..Default::default()
                };
                let mut found: Vec<(Pubkey, Account)> = client
                    .get_program_ui_accounts_with_config(program, config)
                    .map(|accounts| accounts.into_iter().filter_map(|(k, a)| Some((k, a.to_account()?))).collect())?;
                found.sort_by_key(|(k, _)| k.to_string());
                Ok(found)
            }
        }
    }

    /// Lamports for a wallet: an airdrop on the embedded SVM (or on a cluster that grants them).
    pub fn airdrop(&mut self, to: &Pubkey, lamports: u64) -> Result<()> {
        match self {
            Chain::Embedded { svm, .. } => {
                svm.svm.airdrop(to, lamports).map_err(|e| anyhow!("airdrop failed: {:?}", e.err))?;
                Ok(())
            }
            Chain::Rpc { client } => {
                let signature = client.request_airdrop(to, lamports)?;
                client.poll_for_signature_with_commitment(&signature, CommitmentConfig::confirmed())?;
                Ok(())
            }
        }
    }

    /// The embedded SVM's upgrade authority of the three programs (its deployer), which alone may
    /// initialise the config there.
    pub fn embedded_deployer(&self) -> Option<Keypair> {
        match self {
            Chain::Embedded { svm, .. } => Some(svm.upgrade_authority.insecure_clone()),
            Chain::Rpc { .. } => None,
        }
    }

    /// The cluster's clock (unix time), as programs see it.
    pub fn now(&self) -> Result<i64> {
        match self {
            Chain::Embedded { svm, .. } => Ok(svm.clock().unix_timestamp),
            Chain::Rpc { client } => {
                let clock = client.get_account(&"SysvarC1ock11111111111111111111111111111111".parse()?)?;
                // Clock: slot, epoch_start_timestamp, epoch, leader_schedule_epoch, unix_timestamp.
                let bytes = clock.data.get(32..40).ok_or_else(|| anyhow!("the clock sysvar is malformed"))?;
                Ok(i64::from_le_bytes(bytes.try_into()?))
            }
        }
    }

    /// Moves the embedded SVM's clock forward by `secs`.
    pub fn warp(&mut self, secs: i64) -> Result<()> {
        match self {
            Chain::Embedded { svm, .. } => {
                svm.advance_time(secs);
                Ok(())
            }
            Chain::Rpc { .. } => bail!("warp is for the embedded SVM: a cluster's clock is its own"),
        }
    }

    pub fn is_embedded(&self) -> bool {
        matches!(self, Chain::Embedded { .. })
    }
}

/// The embedded SVM's `getProgramAccounts`: every live account of `program` whose data starts
/// with `discriminator` and holds each `(offset, bytes)` of `filters`, by address.
pub fn scan(svm: &Svm, program: &Pubkey, discriminator: &[u8], filters: &[(usize, &[u8])]) -> Vec<(Pubkey, Account)> {
    let mut found: Vec<(Pubkey, Account)> = svm
        .svm
        .accounts_db()
        .inner
        .iter()
        .filter(|(_, a)| {
            let data = a.data();
            a.owner() == program
                && a.lamports() > 0
                && data.starts_with(discriminator)
                && filters.iter().all(|(offset, bytes)| data.get(*offset..offset + bytes.len()) == Some(*bytes))
        })
        .map(|(k, a)| (*k, Account::from(a.clone())))
        .collect();
    found.sort_by_key(|(k, _)| k.to_string());
    found
}
