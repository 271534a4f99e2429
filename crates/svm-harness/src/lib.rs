//! The suite's programs, as built `.so` files, in LiteSVM with the real SPL Token and Token-2022
//! programs: signed transactions, typed account decoding, Anchor events and errors, compute units.
//!
//! The program crates are linked only for their types (accounts, instruction builders, events,
//! error codes); what executes is always `target/deploy/<program>.so`.
use anchor_lang::prelude::{AccountMeta, Clock};
use anchor_lang::{AccountDeserialize, AnchorDeserialize, Event};
use base64::Engine;
use litesvm::types::{FailedTransactionMetadata, TransactionMetadata};
use litesvm::LiteSVM;
use solana_account::Account;
use solana_instruction_error::InstructionError;
use solana_message::Message;
use solana_transaction::Transaction;
use solana_transaction_error::TransactionError;
use std::fmt::Debug;
use std::path::PathBuf;

pub use anchor_lang::prelude::Pubkey;
pub use anchor_lang::solana_program::instruction::Instruction;
pub use litesvm::types::TransactionResult;
pub use solana_keypair::Keypair;
pub use solana_signer::Signer;

pub mod bench;
pub mod ixs;
pub mod pda;
pub mod scenarios;
pub mod simulation;
pub mod token;
pub mod world;

/// Lamports every fresh test wallet gets.
pub const WALLET_LAMPORTS: u64 = 100_000_000_000;

/// The suite's programs: crate name and program id.
pub const PROGRAMS: [(&str, Pubkey); 3] = [
    ("datanet_registry", datanet_registry::ID),
    ("model_registry", model_registry::ID),
    ("attribution_payout", attribution_payout::ID),
];

/// `target/deploy`, or `$SUITE_DEPLOY_DIR` when set.
pub fn deploy_dir() -> PathBuf {
    match std::env::var_os("SUITE_DEPLOY_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/deploy"),
    }
}

/// The largest transaction the network accepts, in bytes.
pub const MAX_TX_SIZE: usize = 1_232;

/// The wire size of a legacy transaction of `instructions` paid by `payer`.
pub fn tx_size(payer: &Keypair, instructions: &[Instruction]) -> usize {
    let message = Message::new(instructions, Some(&payer.pubkey()));
    let signatures = usize::from(message.header.num_required_signatures);
    1 + 64 * signatures + message.serialize().len()
}

/// An instruction with its account metas edited, for attacks (e.g. dropping a signer flag).
pub fn with_metas(mut ix: Instruction, edit: impl FnOnce(&mut Vec<AccountMeta>)) -> Instruction {
    edit(&mut ix.accounts);
    ix
}

/// A successful transaction.
#[derive(Debug)]
pub struct Executed {
    pub compute_units: u64,
    pub logs: Vec<String>,
}

impl Executed {
    /// Every event of type `E` the transaction emitted, in order.
    pub fn events<E: Event + AnchorDeserialize>(&self) -> Vec<E> {
        self.logs
            .iter()
            .filter_map(|line| line.strip_prefix("Program data: "))
            .filter_map(|b64| base64::engine::general_purpose::STANDARD.decode(b64).ok())
            .filter(|bytes| bytes.starts_with(E::DISCRIMINATOR))
            .map(|bytes| E::deserialize(&mut &bytes[E::DISCRIMINATOR.len()..]).expect("event decodes"))
            .collect()
    }

    /// The one event of type `E` the transaction emitted.
    pub fn event<E: Event + AnchorDeserialize>(&self) -> E {
        let mut events = self.events::<E>();
        assert_eq!(events.len(), 1, "expected exactly one {}", std::any::type_name::<E>());
        events.remove(0)
    }
}

/// A failed transaction: the runtime's error and the program logs.
#[derive(Debug)]
pub struct Failed {
    pub error: TransactionError,
    pub logs: Vec<String>,
}

impl Failed {
    /// The custom program error code, if the failure was one.
    pub fn custom_code(&self) -> Option<u32> {
        match &self.error {
            TransactionError::InstructionError(_, InstructionError::Custom(code)) => Some(*code),
            _ => None,
        }
    }

    /// The Anchor error name the program logged ("Error Code: <name>."), if any.
    pub fn anchor_error_name(&self) -> Option<String> {
        self.logs.iter().find_map(|line| {
            let rest = line.split("Error Code: ").nth(1)?;
            Some(rest.split('.').next()?.to_string())
        })
    }

    pub fn logs(&self) -> &[String] {
        &self.logs
    }
}

/// Asserts that `result` failed with the Anchor error `expected` (a program's `#[error_code]`
/// variant or `anchor_lang::error::ErrorCode`), checking both its number and its logged name.
#[track_caller]
pub fn assert_error<T: Debug, E: Into<u32> + Debug + Copy>(result: Result<T, Failed>, expected: E) -> Failed {
    let failed = match result {
        Ok(done) => panic!("expected {expected:?}, but the transaction succeeded: {done:#?}"),
        Err(failed) => failed,
    };
    let name = format!("{expected:?}");
    assert_eq!(
        (failed.custom_code(), failed.anchor_error_name().as_deref()),
        (Some(expected.into()), Some(name.as_str())),
        "wrong error; logs: {:#?}",
        failed.logs()
    );
    failed
}

/// LiteSVM with the suite's three programs (loaded from their `.so` files under the upgradeable
/// loader, with `upgrade_authority` as their upgrade authority) and the SPL programs.
pub struct Svm {
    pub svm: LiteSVM,
    /// Upgrade authority of the three programs (the deployer).
    pub upgrade_authority: Keypair,
    /// Wallets are derived from a counter, so that a run (its PDAs' bumps, hence its compute
    /// units) is the same every time.
    wallets: u64,
    /// Every transaction sent, succeeded or failed, once `record_journal` turned it on: what a
    /// cluster's history would hold, for the KPI indexer to read as a prepared file.
    pub journal: Option<Vec<Journaled>>,
}

/// One transaction as the journal keeps it: its signature, the slot and time it ran at, whether
/// it failed, and its logs (as one JSON line, the KPI indexer's prepared-file format).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Journaled {
    pub signature: String,
    pub slot: u64,
    pub block_time: i64,
    pub failed: bool,
    pub logs: Vec<String>,
}

impl Default for Svm {
    fn default() -> Self {
        Self::new()
    }
}

impl Svm {
    pub fn new() -> Self {
        let mut svm = LiteSVM::new();
        for (name, id) in PROGRAMS {
            let path = deploy_dir().join(format!("{name}.so"));
            let bytes = std::fs::read(&path).unwrap_or_else(|e| {
                panic!("cannot read {} ({e}); build the programs first: make build", path.display())
            });
            svm.add_program(id, &bytes).unwrap_or_else(|e| panic!("loading {name}: {e:?}"));
        }
        let mut this = Self { svm, upgrade_authority: Keypair::new(), wallets: 0, journal: None };
        this.upgrade_authority = this.wallet();
        for (_, id) in PROGRAMS {
            this.set_upgrade_authority(&id, Some(this.upgrade_authority.pubkey()));
        }
        this
    }

    /// Turns SIMD-0312's `CreateAccountAllowPrefund` off, as on a cluster that has not activated
    /// it (LiteSVM runs with mainnet's features, where it is active).
    pub fn without_prefund_feature(&mut self) {
        let mut features = LiteSVM::mainnet_feature_set();
        features.deactivate(&agave_feature_set::create_account_allow_prefund::id());
        self.svm = std::mem::take(&mut self.svm).with_feature_set(features);
    }

    /// Rewrites a program's ProgramData header (LiteSVM loads programs with no authority).
    pub fn set_upgrade_authority(&mut self, program: &Pubkey, authority: Option<Pubkey>) {
        let loader = anchor_lang::solana_program::bpf_loader_upgradeable::ID;
        let (programdata, _) = Pubkey::find_program_address(&[program.as_ref()], &loader);
        let mut account = self.svm.get_account(&programdata).expect("programdata exists");
        // bincode UpgradeableLoaderState::ProgramData: u32 tag, u64 slot, Option<Pubkey>.
        match authority {
            Some(key) => {
                account.data[12] = 1;
                account.data[13..45].copy_from_slice(key.as_ref());
            }
            None => account.data[12..45].fill(0),
        }
        self.svm.set_account(programdata, account).expect("set programdata");
    }

    /// A new wallet holding `WALLET_LAMPORTS` (the n-th of this run: deterministic).
    pub fn wallet(&mut self) -> Keypair {
        self.wallets += 1;
        let mut secret = [0x5a; 32];
        secret[..8].copy_from_slice(&self.wallets.to_le_bytes());
        let kp = Keypair::new_from_array(secret);
        self.svm.airdrop(&kp.pubkey(), WALLET_LAMPORTS).expect("airdrop");
        kp
    }

    /// Signs `instructions` with `payer` (fee payer, first signer) and `signers`, and runs them.
    pub fn send(
        &mut self,
        payer: &Keypair,
        instructions: &[Instruction],
        signers: &[&Keypair],
    ) -> Result<Executed, Failed> {
        let mut all: Vec<&Keypair> = vec![payer];
        all.extend(signers.iter().copied().filter(|s| s.pubkey() != payer.pubkey()));
        let message = Message::new(instructions, Some(&payer.pubkey()));
        let tx = Transaction::new(&all, message, self.svm.latest_blockhash());
        let signature = tx.signatures[0].to_string();
        let result = into_result(self.svm.send_transaction(tx));
        // A fresh blockhash per transaction, so that identical retries are not deduplicated.
        self.svm.expire_blockhash();
        if self.journal.is_some() {
            let clock = self.clock();
            let (failed, logs) = match &result {
                Ok(done) => (false, done.logs.clone()),
                Err(failed) => (true, failed.logs.clone()),
            };
            let entry = Journaled { signature, slot: clock.slot, block_time: clock.unix_timestamp, failed, logs };
            self.journal.get_or_insert_default().push(entry);
        }
        result
    }

    /// From now on, keeps every transaction sent in `journal`.
    pub fn record_journal(&mut self) {
        self.journal.get_or_insert_default();
    }

    /// Appends the journal so far to `path`, one JSON line per transaction, and empties it.
    pub fn append_journal(&mut self, path: &std::path::Path) -> std::io::Result<()> {
        use std::io::Write;
        let Some(journal) = self.journal.as_mut().filter(|j| !j.is_empty()) else { return Ok(()) };
        let mut file = std::fs::OpenOptions::new().create(true).append(true).open(path)?;
        for entry in journal.drain(..) {
            writeln!(file, "{}", serde_json::to_string(&entry)?)?;
        }
        Ok(())
    }

    /// Runs one instruction signed by `payer` and `signers`.
    pub fn run(&mut self, payer: &Keypair, ix: Instruction, signers: &[&Keypair]) -> Result<Executed, Failed> {
        self.send(payer, &[ix], signers)
    }

    pub fn account(&self, key: &Pubkey) -> Option<Account> {
        self.svm.get_account(key).filter(|a| a.lamports > 0)
    }

    /// Decodes an Anchor account of type `T` (its discriminator checked); panics if absent.
    #[track_caller]
    pub fn get<T: AccountDeserialize>(&self, key: &Pubkey) -> T {
        self.try_get(key).unwrap_or_else(|| panic!("no {} at {key}", std::any::type_name::<T>()))
    }

    pub fn try_get<T: AccountDeserialize>(&self, key: &Pubkey) -> Option<T> {
        let account = self.account(key)?;
        Some(T::try_deserialize(&mut account.data.as_slice()).expect("account decodes"))
    }

    pub fn lamports(&self, key: &Pubkey) -> u64 {
        self.account(key).map_or(0, |a| a.lamports)
    }

    pub fn clock(&self) -> Clock {
        self.svm.get_sysvar::<Clock>()
    }

    /// Moves the clock forward by `seconds` (and the slot by one).
    pub fn advance_time(&mut self, seconds: i64) {
        let mut clock = self.clock();
        clock.unix_timestamp += seconds;
        clock.slot += 1;
        self.svm.set_sysvar(&clock);
    }

    /// Writes raw account state (for attacks: forged or foreign-owned accounts).
    pub fn set_account(&mut self, key: Pubkey, account: Account) {
        self.svm.set_account(key, account).expect("set account");
    }
}

fn into_result(result: Result<TransactionMetadata, FailedTransactionMetadata>) -> Result<Executed, Failed> {
    match result {
        Ok(meta) => Ok(Executed { compute_units: meta.compute_units_consumed, logs: meta.logs }),
        Err(failed) => Err(Failed { error: failed.err, logs: failed.meta.logs }),
    }
}
