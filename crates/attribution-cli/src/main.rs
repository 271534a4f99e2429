//! `attribution`: the suite's command line.
//!
//! By default every command runs on an embedded SVM (LiteSVM with the built `.so` programs and
//! the real SPL Token program) whose accounts are kept in a state file, so that successive
//! commands see each other; `--url` runs the same commands against any cluster's RPC endpoint,
//! signed by `--keypair`. `attribution demo` runs the whole economy in one go.
mod attest;
mod chain;
mod claims;
mod commands;
mod demo;
mod demo_epoch;
mod kpi;
mod operators;
mod output;
mod poa;

use anyhow::Result;
use clap::{Args, FromArgMatches, Parser, Subcommand, ValueEnum};
use poa_engine::Params;
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "attribution",
    version,
    about = "Attribution & payout suite: datanets, models, inference fees, claims"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Args)]
pub struct Global {
    /// RPC endpoint of a cluster; without it, commands run on the embedded SVM.
    #[arg(long, global = true)]
    pub url: Option<String>,
    /// Signer's keypair file (Solana CLI format). Default: the embedded wallet in the state
    /// folder, or ~/.config/solana/id.json with --url.
    #[arg(long, global = true)]
    pub keypair: Option<PathBuf>,
    /// The embedded SVM's state file.
    #[arg(long, global = true, default_value = ".attribution/state.json")]
    pub state: PathBuf,
    /// Print JSON instead of tables.
    #[arg(long, global = true)]
    pub json: bool,
}

#[derive(Clone, Copy, ValueEnum, Debug)]
pub enum Role {
    Treasury,
    ModelOwner,
    Operator,
}

#[derive(Clone, Copy, ValueEnum, Debug)]
pub enum Kind {
    Base,
    FineTune,
    Adapter,
    /// An AI agent: its lineage lists the models it calls (`--upstream` entries only).
    Agent,
}

#[derive(Subcommand)]
pub enum Command {
    /// Runs the whole economy on a fresh embedded SVM and prints who contributed, refined, executed and earned.
    Demo,
    /// Prints the signer's address (creating the embedded wallet if needed).
    Address,
    /// Embedded SVM only: lamports and, once initialised, test OPEN for a wallet.
    Airdrop {
        /// Whom to fund (default: the signer).
        #[arg(long)]
        to: Option<String>,
        /// SOL to airdrop.
        #[arg(long, default_value_t = 10)]
        sol: u64,
        /// OPEN (whole tokens) to mint to its associated token account.
        #[arg(long, default_value_t = 0)]
        open: u64,
    },
    /// Embedded SVM only: moves the clock forward (to end an epoch, pass a cooldown, ...).
    Warp { secs: i64 },
    /// Initialises the payout program: adopts an OPEN mint (or, embedded, creates a test one) and
    /// creates the config, the vaults and the treasury's earnings account. Upgrade authority only.
    Init {
        /// An existing OPEN mint (required with --url).
        #[arg(long)]
        mint: Option<String>,
        /// Governance authority (default: the signer).
        #[arg(long)]
        authority: Option<String>,
        /// Treasury wallet (default: the signer).
        #[arg(long)]
        treasury: Option<String>,
        #[arg(long, default_value_t = 250)]
        protocol_fee_bps: u16,
        /// Minimum operator stake, whole OPEN.
        #[arg(long, default_value_t = 1_000)]
        min_stake: u64,
        #[arg(long, default_value_t = 7 * 24 * 3600)]
        cooldown_secs: i64,
        /// Proof of Attribution epoch length.
        #[arg(long, default_value_t = 24 * 3600)]
        epoch_length_secs: i64,
        /// Time after an epoch's end to post its root.
        #[arg(long, default_value_t = 24 * 3600)]
        root_deadline_secs: i64,
        /// Time after a root before claims open, for anyone to challenge it: at least a day.
        #[arg(long, default_value_t = 24 * 3600)]
        challenge_window_secs: i64,
        /// How long claims stay open.
        #[arg(long, default_value_t = 30 * 24 * 3600)]
        claim_window_secs: i64,
    },
    /// Datanets: create, update, hand over the curator role, publish versions (with their pools).
    #[command(subcommand)]
    Datanet(DatanetCommand),
    /// Contributions: submit a file's hash, review, withdraw or clear, hand over to another wallet.
    #[command(subcommand)]
    Contribution(ContributionCommand),
    /// Models: create, set the lineage (citing datanet versions), publish, price, retire, hand over.
    #[command(subcommand)]
    Model(ModelCommand),
    /// Operators: register (with stake and earnings accounts), update, deactivate, hand over
    /// (with the stake).
    #[command(subcommand)]
    Operator(OperatorCommand),
    /// Operator stake: deposit, unstake, withdraw.
    #[command(subcommand)]
    Stake(StakeCommand),
    /// Governance: the admin queues changes, role changes and slashes behind the timelock;
    /// anyone executes them when due; the admin or the guardian cancels; the guardian pauses.
    #[command(subcommand)]
    Gov(GovCommand),
    /// Payment channels: a deposit for one model and operator, spent by signed vouchers the
    /// operator settles in one transaction for any number of calls.
    #[command(subcommand)]
    Channel(ChannelCommand),
    /// Pays for inference calls of a model served by an operator (the fee is price × calls).
    Pay {
        model: String,
        /// The operator: the wallet it registered with, its account, or its current authority
        /// (an operator handed over keeps its accounts; its new wallet is paid).
        #[arg(long)]
        operator: String,
        /// The keypair file of the operator's current authority, which co-signs the payment for
        /// what it served (not needed when that authority is the signer itself).
        #[arg(long)]
        operator_keypair: Option<PathBuf>,
        #[arg(long, default_value_t = 1)]
        calls: u64,
        /// The most you accept to pay, whole OPEN (default: exactly the current price × calls).
        #[arg(long)]
        max_fee: Option<f64>,
        /// The request's id, 64 hex characters (default: random). A label: the chain numbers each
        /// payment of an epoch itself, so a repeated id is a second record.
        #[arg(long)]
        request_id: Option<String>,
        /// The output the calls returned: its sha256 is committed on chain, and for a
        /// proof-attributed model it enters the epoch's records hash, so the attestor can only
        /// attribute this output to this payment (default: an empty output, attributed to nobody).
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Permissionless crank: splits an upstream model's escrow by that model's lineage.
    Distribute { model: String },
    /// Permissionless: opens an accepted contribution's positions in the reward pools of the
    /// datanet versions that contain it (default: every published version that contains it and
    /// whose pool exists; skips those already open). Enrolling late loses nothing.
    Enroll {
        contribution: String,
        /// Only this version (by number); creates its pool if missing.
        #[arg(long)]
        version: Option<u32>,
    },
    /// Claims: every position of the signer (`claim all`), or its earnings in a role.
    #[command(subcommand)]
    Claim(ClaimCommand),
    /// Earnings accounts: hand the signer's earnings in a role to another wallet, or close an
    /// empty one.
    #[command(subcommand)]
    Earnings(EarningsCommand),
    /// Shows one account, decoded.
    #[command(subcommand)]
    Show(ShowCommand),
    /// Lists accounts of a kind.
    #[command(subcommand)]
    List(ListCommand),
    /// Proof of Attribution, off chain: index a datanet version, attribute outputs, allocate an epoch.
    #[command(subcommand)]
    Poa(PoaCommand),
    /// Indexes the programs' transactions into the KPI database: the embedded SVM's journal, or
    /// with --url the cluster's confirmed history; a rerun resumes where the last one stopped.
    Index {
        /// The KPI database (default: kpi.db next to --state).
        #[arg(long)]
        db: Option<PathBuf>,
        /// With --url: then keep following the cluster, polling every --every seconds.
        #[arg(long)]
        follow: bool,
        /// Seconds between two passes when following.
        #[arg(long, default_value_t = 2)]
        every: u64,
        /// Then serve the KPI API (GET /v1/kpis, ...) on this address, e.g. 127.0.0.1:8910.
        #[arg(long)]
        serve: Option<String>,
    },
    /// The usage KPIs from the KPI database (`attribution index` fills it): payments and fees per
    /// model, where the fees went, how often contributors are paid, operator concentration, retention.
    Stats {
        /// The KPI database (default: kpi.db next to --state).
        #[arg(long)]
        db: Option<PathBuf>,
    },
    /// Proof of Attribution, on chain: a model's epochs, their roots and claims.
    #[command(subcommand)]
    Epoch(EpochCommand),
}

#[derive(Subcommand)]
pub enum EpochCommand {
    /// Opens the model's current epoch (payments do it too).
    Open { model: String },
    /// Shows an epoch (default: the current one).
    Show {
        model: String,
        #[arg(long)]
        index: Option<u64>,
    },
    /// The attestor posts an ended epoch's allocation (`attribution poa epoch` output), committing
    /// the attestation it was computed from (`poa epoch --publish`).
    Post {
        model: String,
        #[arg(long)]
        allocation: PathBuf,
        /// The published attestation (its attestation.json, or the folder holding it): its sha256
        /// goes on chain, so anyone can check the root against it (`poa verify`).
        #[arg(long)]
        attestation: PathBuf,
        /// Where the attestation folder is published, as the post's event records it (default:
        /// its file:// URI on this machine).
        #[arg(long)]
        uri: Option<String>,
    },
    /// Pays the allocation's claims (all, or one contribution's) into each contribution's
    /// contributor's own account.
    Claim {
        model: String,
        #[arg(long)]
        allocation: PathBuf,
        #[arg(long)]
        contribution: Option<String>,
    },
    /// Disputes a posted root inside its challenge window, posting the config's challenge bond
    /// (claims wait for the resolver): name the leaf you say is wrong, or the contribution a leaf
    /// is missing for.
    Challenge {
        model: String,
        #[arg(long)]
        index: u64,
        /// A leaf (64 hex characters) or a contribution's address.
        #[arg(long)]
        disputed: String,
    },
    /// The config's resolver decides a pending challenge: --uphold strikes the root (the
    /// challenger gets its bond back and its reward from the attestor's bond, the rest and the
    /// epoch's fees go to the cited version's pool), otherwise it is dismissed (the challenger's
    /// bond goes to the attestor, claims go ahead).
    Resolve {
        model: String,
        #[arg(long)]
        index: u64,
        #[arg(long)]
        uphold: bool,
    },
    /// Ends a challenge the resolver did not decide by its deadline (anyone): the epoch goes to
    /// the static weights, both bonds back.
    EndChallenge {
        model: String,
        #[arg(long)]
        index: u64,
    },
    /// The config's guardian strikes down a posted root in its challenge
    /// window: the epoch goes to the pool of the datanet version the model cites.
    Veto {
        model: String,
        #[arg(long)]
        index: u64,
        /// Why, as governance's published reason code.
        #[arg(long)]
        reason: u16,
    },
    /// Sends an epoch without a root by its deadline to the pool of the datanet version the model
    /// cites.
    Release {
        model: String,
        #[arg(long)]
        index: u64,
    },
    /// Closes an expired or released epoch (rent to its payer), first its attestation (what is
    /// left of the attestor's bond and the rent back to the attestor), and the receipts of its
    /// claims.
    Close {
        model: String,
        #[arg(long)]
        index: u64,
        /// The allocation whose claims' receipts to close as well.
        #[arg(long)]
        allocation: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
pub enum PoaCommand {
    /// Indexes a datanet version's contributions (each file checked against its content hash),
    /// from a manifest or from a folder of plain files.
    Index {
        /// JSON: {"contributions": [{"id", "contributor", "content_hash", "path", "label"?}, ...]},
        /// keys in hex.
        #[arg(long, required_unless_present = "folder", conflicts_with = "folder")]
        manifest: Option<PathBuf>,
        /// A folder of plain files instead of a manifest: each file (recursively; names starting
        /// with `.` skipped) a contribution, its id and content hash the file's sha256, labelled by
        /// its path in the folder.
        #[arg(long, conflicts_with = "datanet")]
        folder: Option<PathBuf>,
        /// With --folder: the wallet every file's contribution pays (default: each file its own
        /// claimant, its id).
        #[arg(long, requires = "folder")]
        contributor: Option<String>,
        /// The index file to write (replaced atomically when the build succeeds).
        #[arg(long)]
        out: PathBuf,
        /// Check every manifest entry against a datanet version on chain (the embedded SVM's
        /// --state, or --url): DATANET[:VERSION] (default: its latest published version); each
        /// entry must be an accepted contribution the version contains, with the same contributor
        /// and content hash.
        #[arg(long, value_name = "DATANET[:VERSION]")]
        datanet: Option<String>,
    },
    /// Lists an index's contributions: label, id, contributor, words.
    Show {
        /// The index file.
        index: PathBuf,
    },
    /// Which contributions an output drew on, by weight, each span with the contributions it is
    /// credited to.
    Attribute {
        /// An index file (`poa index`); repeat it for several shards of disjoint contributions.
        #[arg(long, required = true)]
        index: Vec<PathBuf>,
        /// The output text.
        #[arg(long, required_unless_present = "batch", conflicts_with = "batch")]
        text: Option<PathBuf>,
        /// Many outputs against indexes opened once: a file of JSON lines (`-` for stdin), each
        /// {"output": "...", "id": any} (id optional, echoed) or a JSON string; prints one JSON
        /// result per line, in order ({"id", "error"} for a line that cannot be attributed).
        #[arg(long, value_name = "FILE|-")]
        batch: Option<PathBuf>,
        /// The fewest words a span must have to count as drawn from a contribution.
        #[arg(long, default_value_t = Params::default().min_span_words)]
        min_span_words: usize,
        /// A span found in more contributions than this is a common phrase, not evidence.
        #[arg(long, default_value_t = Params::default().max_contributions_per_span)]
        max_contributions: usize,
    },
    /// Allocates an epoch's attributable fees to claimants: amounts, Merkle root and proofs (JSON).
    Epoch {
        /// An index file (`poa index`); repeat it for several shards of disjoint contributions.
        #[arg(long, required = true)]
        index: Vec<PathBuf>,
        /// JSON list of {"request_id", "model", "output", "fee"} (keys in hex).
        #[arg(long)]
        records: PathBuf,
        /// The epoch's index (its number on chain, from 0), as the allocation and its leaves name it.
        #[arg(long)]
        epoch: u64,
        /// The amount to allocate (what the epoch accrued on chain).
        #[arg(long)]
        total: u64,
        /// The fewest words a span must have to count as drawn from a contribution.
        #[arg(long, default_value_t = Params::default().min_span_words)]
        min_span_words: usize,
        /// A span found in more contributions than this is a common phrase, not evidence.
        #[arg(long, default_value_t = Params::default().max_contributions_per_span)]
        max_contributions: usize,
        /// Threads attributing the records (the allocation does not depend on how many).
        #[arg(long, default_value_t = 1)]
        threads: usize,
        /// Publish the attestation into this folder: attestation.json (engine, parameters, epoch,
        /// total, records with their outputs, index files by sha256) and the index files. Its
        /// sha256 is what `epoch post --attestation` commits.
        #[arg(long)]
        publish: Option<PathBuf>,
    },
    /// Recomputes a posted root from its published attestation alone and says whether it matches
    /// the chain (records hash, root, total, leaves, the attestation's own sha256); exits non-zero
    /// when it does not.
    Verify {
        model: String,
        /// The epoch's index.
        #[arg(long)]
        index: u64,
        /// The published attestation: its attestation.json, or the folder holding it.
        #[arg(long)]
        attestation: PathBuf,
    },
}

/// The command line, with the global flags that a command ignores hidden from its help: the
/// engine's commands run off chain (`poa index` reads the chain, through --url or --state, only
/// with --datanet, `poa verify` always; none signs; `poa epoch` always prints JSON). A subcommand that defines a
/// global flag itself (here a hidden copy) keeps its own, and hands it down to its subcommands.
fn cli() -> clap::Command {
    use clap::CommandFactory;
    let command = Cli::command();
    let flag = |id: &str| command.get_arguments().find(|a| a.get_id() == id).expect("a global flag").clone();
    let [url, state, keypair, json] = ["url", "state", "keypair", "json"].map(flag);
    let hidden = |a: &clap::Arg| a.clone().hide(true);
    command.mut_subcommand("poa", |poa| {
        poa.arg(hidden(&url))
            .arg(hidden(&state))
            .arg(hidden(&keypair))
            .mut_subcommand("index", |c| c.arg(url.clone().display_order(100)).arg(state.clone().display_order(100)))
            .mut_subcommand("epoch", |c| c.arg(hidden(&json)))
            .mut_subcommand("verify", |c| c.arg(url.clone().display_order(100)).arg(state.clone().display_order(100)))
    })
}

#[derive(Subcommand)]
pub enum DatanetCommand {
    /// Creates a datanet (curated unless --open-weight is given). Its reward pools come with its
    /// versions (`publish-version`).
    Create {
        #[arg(long)]
        id: u64,
        #[arg(long)]
        name: String,
        #[arg(long)]
        uri: String,
        /// Open policy: accept every submission with this weight.
        #[arg(long)]
        open_weight: Option<u64>,
        /// Bond every submission posts, whole OPEN: back to the contributor unless the curator
        /// flags the contribution as spam (then the treasury's).
        #[arg(long, default_value_t = 0.0)]
        bond: f64,
        /// How long after its acceptance the curator may flag a contribution that is in no
        /// version yet as spam (0: only while pending); at most 30 days.
        #[arg(long, default_value_t = 0)]
        spam_window_secs: i64,
    },
    /// Changes the URI, the policy and/or the bond policy (curator only); applies to
    /// contributions submitted from then on.
    Update {
        datanet: String,
        #[arg(long)]
        uri: Option<String>,
        /// Switch to the open policy with this weight.
        #[arg(long, conflicts_with = "curated")]
        open_weight: Option<u64>,
        /// Switch to the curated policy.
        #[arg(long)]
        curated: bool,
        /// Bond every submission posts, whole OPEN (0: none).
        #[arg(long)]
        bond: Option<f64>,
        /// The spam window, in seconds (see `create`).
        #[arg(long)]
        spam_window_secs: Option<i64>,
    },
    /// Proposes a new curator (it must accept).
    ProposeAuthority { datanet: String, new_authority: String },
    /// The proposed curator accepts.
    AcceptAuthority { datanet: String },
    /// The curator allows a wallet to attest this datanet's share of the models that cite it
    /// (post Proof of Attribution roots): the model owner names the attestor, the curator allows it.
    ApproveAttestor { datanet: String, attestor: String },
    /// The curator withdraws an attestor's approval (its roots for this datanet are refused from
    /// then on); the rent goes back to whoever paid it.
    RevokeAttestor { datanet: String, attestor: String },
    /// Publishes the next immutable version (curator only): it contains every contribution
    /// accepted so far, and the chain fixes their count and total weight, the denominator of every
    /// fee paid to a model citing it. Creates the version's reward pool in the same transaction.
    PublishVersion {
        datanet: String,
        /// The version's number (default: the next one).
        #[arg(long)]
        number: Option<u32>,
        /// Hex of the 32-byte Merkle root of the version's manifest (its contributions).
        #[arg(long)]
        root: String,
        /// Where the manifest is published.
        #[arg(long)]
        uri: String,
    },
}

#[derive(Subcommand)]
pub enum ContributionCommand {
    /// Hashes a file (SHA-256) and submits it to a datanet; posts the datanet's bond, if it takes
    /// one, from the signer's OPEN account.
    Submit {
        datanet: String,
        file: PathBuf,
        /// Where the content can be fetched (default: file://<path>).
        #[arg(long)]
        uri: Option<String>,
    },
    /// Accepts (with a weight) or rejects (with a reason code) a pending contribution.
    Review {
        contribution: String,
        #[arg(long, conflicts_with = "reject")]
        accept: Option<u64>,
        #[arg(long)]
        reject: Option<u16>,
    },
    /// The contributor takes back a pending contribution or clears away a rejected or flagged
    /// one; the datanet's curator can clear away a rejected or flagged one too (e.g. a squatted
    /// content hash). The rent, and a bond still held, return to the contributor and the content
    /// hash can be submitted again.
    Withdraw { contribution: String },
    /// The curator flags a contribution as spam: a pending one, or an accepted one in no version
    /// yet and within its spam window. Its weight leaves the datanet (and its next version) and
    /// its bond goes to the treasury.
    FlagSpam { contribution: String },
    /// Permissionless: pays a contribution's bond back to its contributor's OPEN account once it
    /// is rejected, or accepted and in a version or past its spam window.
    RefundBond { contribution: String },
    /// The contributor proposes to hand the contribution (and what its positions earn, accrued
    /// or to come) to another wallet, which must accept (`accept-transfer`); --cancel withdraws
    /// the proposal. Nothing changes until the new wallet accepts.
    Transfer {
        contribution: String,
        /// The wallet to hand it to (or --cancel).
        #[arg(required_unless_present = "cancel")]
        new_wallet: Option<String>,
        /// Cancel the pending proposal instead.
        #[arg(long, conflicts_with = "new_wallet")]
        cancel: bool,
    },
    /// The proposed wallet (the signer: --keypair, or the embedded wallet) accepts a contribution
    /// handed to it and, in the same transaction, points the contribution's positions at itself
    /// (`position_sync`), so that the previous wallet can no longer claim them.
    AcceptTransfer {
        contribution: String,
        /// Accept only: the positions keep naming the previous wallet, which can still claim
        /// them, until they are synced (the new wallet's `claim all` syncs them; anyone may).
        #[arg(long)]
        no_sync: bool,
    },
}

#[derive(Subcommand)]
pub enum ModelCommand {
    /// Creates a draft model.
    Create {
        #[arg(long)]
        id: u64,
        #[arg(long, value_enum)]
        kind: Kind,
        /// The base model of an adapter.
        #[arg(long)]
        base: Option<String>,
        #[arg(long)]
        name: String,
        #[arg(long)]
        uri: String,
        /// A file whose SHA-256 is the artifact hash (weights or adapter).
        #[arg(long)]
        artifact: PathBuf,
        /// Price per call, whole OPEN.
        #[arg(long)]
        price: f64,
    },
    /// Sets a draft's lineage: `--datanet DATANET[:VERSION]=BPS` and `--upstream MODEL=BPS`,
    /// repeatable, and at most one `--attributed-datanet DATANET[:VERSION]=BPS`, whose share Proof
    /// of Attribution epochs allocate. A datanet entry cites one published version (default: the
    /// datanet's latest), whose contributions share what the entry earns; creates the version's
    /// pool if it is missing.
    Lineage {
        model: String,
        #[arg(long = "datanet", value_name = "DATANET[:VERSION]=BPS")]
        datanets: Vec<String>,
        #[arg(long = "attributed-datanet", value_name = "DATANET[:VERSION]=BPS")]
        attributed: Option<String>,
        #[arg(long = "upstream", value_name = "MODEL=BPS")]
        upstreams: Vec<String>,
        #[arg(long)]
        owner_bps: u16,
        #[arg(long)]
        operator_bps: u16,
    },
    /// Freezes the lineage; the model becomes payable.
    Publish {
        model: String,
        /// Who posts the model's Proof of Attribution roots (required with an attributed datanet).
        #[arg(long)]
        attestor: Option<String>,
    },
    /// Sets the price per call, whole OPEN.
    Price { model: String, price: f64 },
    /// Stops new payments.
    Retire { model: String },
    /// The owner proposes to hand the model (its price, its retirement, and the owner share of
    /// every fee paid from then on) to another wallet, which must accept (`accept-transfer`);
    /// --cancel withdraws the proposal. What the owner earned before stays in its earnings
    /// (`earnings transfer --role model-owner` hands those over).
    Transfer {
        model: String,
        /// The wallet to hand it to (or --cancel).
        #[arg(required_unless_present = "cancel")]
        new_wallet: Option<String>,
        /// Cancel the pending proposal instead.
        #[arg(long, conflicts_with = "new_wallet")]
        cancel: bool,
    },
    /// The proposed wallet (the signer) accepts the model, and creates its model-owner earnings
    /// account in the same transaction when it has none (fees credit it from then on). The model
    /// keeps its address.
    AcceptTransfer { model: String },
}

#[derive(Subcommand)]
pub enum OperatorCommand {
    /// Registers the signer as an operator, with its stake and earnings accounts.
    Register {
        endpoint: String,
    },
    Update {
        endpoint: String,
    },
    Deactivate,
    /// The operator's authority (the signer) proposes to hand the operator and its stake to
    /// another wallet, in one transaction, which must accept both (`accept-transfer`); --cancel
    /// withdraws the proposal. What the operator earned before stays in the signer's earnings.
    Transfer {
        /// The wallet to hand it to (or --cancel).
        #[arg(required_unless_present = "cancel")]
        new_wallet: Option<String>,
        /// Cancel the pending proposal instead.
        #[arg(long, conflicts_with = "new_wallet")]
        cancel: bool,
        /// The operator's account (default: the signer's operator).
        #[arg(long)]
        operator: Option<String>,
    },
    /// The proposed wallet (the signer) accepts the operator and its stake in one transaction
    /// (an operator is payable only while its stake has the same authority), and creates its
    /// operator earnings account when it has none. The accounts keep their addresses.
    AcceptTransfer {
        /// The operator's account, or the wallet it was registered with.
        operator: String,
    },
}

#[derive(Subcommand)]
pub enum StakeCommand {
    /// Adds whole OPEN to the signer's stake.
    Deposit {
        amount: f64,
    },
    /// Starts unstaking (withdrawable after the cooldown).
    Unstake {
        amount: f64,
    },
    Withdraw,
    /// Closes the signer's stake (also one handed to it) when nothing is staked or unstaking; its
    /// rent comes back to the signer.
    Close,
}

/// A config role.
#[derive(Clone, Copy, ValueEnum)]
pub enum GovRole {
    Admin,
    Guardian,
    Resolver,
}

#[derive(Subcommand)]
pub enum GovCommand {
    /// Lists the queued actions: what each does, and when it can be executed.
    List,
    /// As the admin: queues a parameter change (only the options given change).
    Propose {
        #[arg(long)]
        protocol_fee_bps: Option<u16>,
        /// Whole OPEN; above zero.
        #[arg(long)]
        min_stake: Option<f64>,
        #[arg(long)]
        cooldown_secs: Option<i64>,
        #[arg(long)]
        treasury: Option<String>,
        /// At least a day and at most 30; this change itself waits the current delay.
        #[arg(long)]
        timelock_delay_secs: Option<i64>,
        /// At least a day; applies to epochs opened from then on.
        #[arg(long)]
        challenge_window_secs: Option<i64>,
    },
    /// As the admin: queues naming KEY the next holder of ROLE, who accepts after (`gov accept`).
    SetRole {
        #[arg(value_enum)]
        role: GovRole,
        key: String,
    },
    /// As the admin: queues a slash of an operator's stake to the treasury; that much of the
    /// stake cannot be withdrawn from now on.
    Slash {
        /// The operator: the wallet it registered with, its account, or its current authority.
        operator: String,
        amount: f64,
        /// Why, as governance's published reason code.
        #[arg(long)]
        reason: u16,
    },
    /// Anyone: executes a queued action whose delay has passed.
    Execute { id: u64 },
    /// As the admin or the guardian: cancels a queued action.
    Cancel { id: u64 },
    /// As the guardian: stops new payments (claims and withdrawals keep working).
    Pause,
    /// As the guardian: lets payments through again.
    Unpause,
    /// As the key a role change named: takes the role.
    Accept {
        #[arg(value_enum)]
        role: GovRole,
    },
    /// As the programs' upgrade authority: hands the upgrade authority of the three programs to
    /// the config's admin (or --to KEY), or makes them immutable (--immutable, irreversible).
    HandOverUpgrades {
        #[arg(long, conflicts_with = "immutable")]
        to: Option<String>,
        #[arg(long)]
        immutable: bool,
    },
}

#[derive(Subcommand)]
pub enum ChannelCommand {
    /// Deposits whole OPEN for MODEL served by --operator, at the model's price now; vouchers are
    /// signed by --signer (default: you; an agent's wallet makes the deposit its budget). Prints
    /// the channel's address.
    Open {
        model: String,
        /// The operator: the wallet it registered with, its account, or its current authority.
        #[arg(long)]
        operator: String,
        /// Whole OPEN moved into the vault: the most the channel can ever pay.
        #[arg(long)]
        deposit: f64,
        /// The wallet whose key signs vouchers (default: the signer of this command).
        #[arg(long)]
        signer: Option<String>,
        /// Days until it expires (at most 365); the operator settles up to a day after.
        #[arg(long, default_value_t = 30)]
        days: i64,
    },
    /// Adds whole OPEN to your open channel's deposit.
    TopUp { channel: String, amount: f64 },
    /// As the channel's signer: signs a voucher for all calls so far (cumulative) and prints it as
    /// JSON, for the operator.
    Voucher {
        channel: String,
        /// Calls served on the channel so far, in all.
        #[arg(long)]
        calls: u64,
        /// Grows with every voucher (default: the calls).
        #[arg(long)]
        sequence: Option<u64>,
        /// The running hash of the calls' (request id, output hash) pairs, 64 hex characters
        /// (default: zeros).
        #[arg(long)]
        running_hash: Option<String>,
    },
    /// As the channel's operator (its authority signs): settles a voucher, the JSON file `channel
    /// voucher` printed; only what it adds to the last settled one is paid.
    Settle { voucher: PathBuf },
    /// As the payer: the first time asks to close (the operator may settle for a day more); after
    /// that, or when nothing is left, returns the rest of the deposit and the rent.
    Close { channel: String },
}

#[derive(Subcommand)]
pub enum EarningsCommand {
    /// Proposes to hand the signer's earnings in a role (their whole balance, when accepted) to
    /// another wallet, which must accept (`accept-transfer`); --cancel withdraws the proposal.
    Transfer {
        #[arg(long, value_enum)]
        role: Role,
        /// The wallet to hand them to (or --cancel).
        #[arg(required_unless_present = "cancel")]
        new_wallet: Option<String>,
        /// Cancel the pending proposal instead.
        #[arg(long, conflicts_with = "new_wallet")]
        cancel: bool,
    },
    /// The proposed wallet (the signer) accepts: the whole balance moves into its own earnings
    /// account of the role (created in the same transaction when missing), and the previous
    /// wallet's account closes, its rent back to that wallet.
    AcceptTransfer {
        #[arg(long, value_enum)]
        role: Role,
        /// The wallet whose earnings were proposed to the signer.
        previous: String,
    },
    /// Closes the signer's earnings account of a role when its balance is 0 (claim it first);
    /// its rent comes back to the signer. The config treasury's account stays open.
    Close {
        #[arg(long, value_enum)]
        role: Role,
    },
}

#[derive(Subcommand)]
pub enum ClaimCommand {
    /// Claims every position of the signer, across datanets and versions: as many positions per
    /// transaction as fit, one token transfer each; prints what each paid and the total. The
    /// positions of contributions handed to the signer that still name their previous
    /// contributor are synced to it first (`position_sync`, in the same transactions); those of
    /// contributions the signer handed away are left to their new contributor.
    All,
    /// Claims the signer's earnings in a role.
    Earnings {
        #[arg(value_enum)]
        role: Role,
    },
}

#[derive(Subcommand)]
pub enum ShowCommand {
    Config,
    Datanet {
        address: String,
    },
    Contribution {
        address: String,
    },
    Model {
        address: String,
    },
    /// A datanet version's reward pool (default: the datanet's latest version).
    Pool {
        #[arg(value_name = "DATANET[:VERSION]")]
        datanet: String,
    },
    /// A wallet's earnings (default: the signer's).
    Earnings {
        wallet: Option<String>,
    },
    /// A wallet's OPEN account and balance (default: the signer's).
    Balance {
        wallet: Option<String>,
    },
    /// A contribution's position in a version's pool (default: the latest version it has one in).
    Position {
        contribution: String,
        /// The version's number.
        #[arg(long)]
        version: Option<u32>,
    },
}

#[derive(Subcommand)]
pub enum ListCommand {
    Datanets,
    /// Contributions of a datanet.
    Contributions {
        datanet: String,
    },
    /// Published versions of a datanet, with their pools.
    Versions {
        datanet: String,
    },
    Models,
    /// Positions of a wallet (default: the signer's).
    Positions {
        wallet: Option<String>,
    },
    Operators,
}

fn main() {
    let cli = match Cli::from_arg_matches(&cli().get_matches()) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let result: Result<()> = match cli.command {
        Command::Demo => demo::run(&cli.global.state),
        Command::Poa(command) => poa::run(command, &cli.global),
        Command::Index { db, follow, every, serve } => kpi::index(&cli.global, db, follow, every, serve),
        Command::Stats { db } => kpi::stats(&cli.global, db),
        command => commands::run(&cli.global, command),
    };
    if let Err(e) = result {
        eprintln!("error: {}", message(&e));
        std::process::exit(1);
    }
}

/// An error and its causes, each cause left out when the message already says it (the engine's
/// errors quote their source).
fn message(e: &anyhow::Error) -> String {
    let mut message = e.to_string();
    for cause in e.chain().skip(1) {
        let cause = cause.to_string();
        if !message.contains(&cause) {
            message = format!("{message}: {cause}");
        }
    }
    message
}
