//! Every user-facing instruction and every kind of state, as commands.
use crate::attest;
use crate::chain::{Chain, Sent};
use crate::claims;
use crate::operators;
use crate::output::{amount, Table};
use crate::*;
use anchor_lang::solana_program::bpf_loader_upgradeable;
use anchor_lang::{AccountDeserialize, Discriminator};
use anchor_spl::associated_token::{get_associated_token_address_with_program_id, spl_associated_token_account};
use anchor_spl::token_interface::TokenAccount;
use anyhow::{anyhow, bail, ensure, Context, Result};
use attribution_payout::instructions::{
    AttributionClaimArgs, AttributionRootPostArgs, ChallengeOutcome, ChannelOpenArgs, ConfigInitArgs, InferencePayArgs,
};
use attribution_payout::state::{
    Action, Attestation, Channel, Config, ConfigUpdateArgs, Earnings, EarningsRole, Epoch, EpochTiming,
    GovernanceAction, Pool, Position, Receipt, Role as ConfigRole, Stake, Voucher,
};
use datanet_registry::instructions::{
    ContributionSubmitArgs, DatanetCreateArgs, DatanetUpdateArgs, DatanetVersionPublishArgs, ReviewDecision,
};
use datanet_registry::state::{
    AttestorApproval, BondPolicy, Contribution, ContributionStatus, Datanet, DatanetPolicy, DatanetVersion,
};
use model_registry::instructions::{ModelCreateArgs, ModelLineageSetArgs};
use model_registry::state::{LineageEntry, LineageSource, Model, ModelKind, Operator};
use serde_json::json;
use sha2::{Digest, Sha256};
use solana_account::Account;
use solana_keypair::{read_keypair_file, write_keypair_file};
use std::collections::BTreeMap;
use std::path::Path;
use svm_harness::ixs::datanet::BondIx;
use svm_harness::ixs::{self, payout::Open};
use svm_harness::world::OPEN_DECIMALS;
use svm_harness::{pda, Instruction, Keypair, Pubkey, Signer, MAX_TX_SIZE};

/// Lamports a new embedded wallet starts with.
const EMBEDDED_WALLET_LAMPORTS: u64 = 100_000_000_000;

struct Ctx {
    chain: Chain,
    signer: Keypair,
    json: bool,
}

fn key(s: &str) -> Result<Pubkey> {
    s.parse().map_err(|_| anyhow!("'{s}' is not a valid address"))
}

/// Whole OPEN to base units.
fn base_units(open: f64) -> Result<u64> {
    ensure!(open.is_finite() && open >= 0.0, "'{open}' is not an amount of OPEN");
    Ok((open * 10f64.powi(OPEN_DECIMALS as i32)).round() as u64)
}

/// 2 × N hex characters into N bytes.
fn from_hex<const N: usize>(s: &str) -> Result<[u8; N]> {
    let bytes: Option<Vec<u8>> =
        (0..s.len()).step_by(2).map(|i| s.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok())).collect();
    bytes.and_then(|v| <[u8; N]>::try_from(v).ok()).ok_or_else(|| anyhow!("'{s}' is not {} hex characters", 2 * N))
}

/// Bytes as lowercase hex.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|x| format!("{x:02x}")).collect()
}

/// 32 random bytes (from the operating system, through a fresh ed25519 key).
fn rand32() -> [u8; 32] {
    Keypair::new().pubkey().to_bytes()
}

fn file_hash(path: &std::path::Path) -> Result<([u8; 32], u64)> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    ensure!(!bytes.is_empty(), "{} is empty", path.display());
    Ok((Sha256::digest(&bytes).into(), bytes.len() as u64))
}

/// `DATANET` or `DATANET:VERSION` (a version number).
pub(crate) fn datanet_ref(s: &str) -> Result<(Pubkey, Option<u32>)> {
    match s.split_once(':') {
        None => Ok((key(s)?, None)),
        Some((datanet, number)) => {
            let number = number.parse().map_err(|_| anyhow!("'{number}' is not a version number (DATANET:VERSION)"))?;
            ensure!(number > 0, "version numbers start at 1");
            Ok((key(datanet)?, Some(number)))
        }
    }
}

/// Version `number` of `datanet`, or its latest published one: (number, address, state). Errors
/// clearly when the datanet has no published version or not that one.
pub(crate) fn resolve_version(
    chain: &Chain,
    datanet: &Pubkey,
    number: Option<u32>,
) -> Result<(u32, Pubkey, DatanetVersion)> {
    let state: Datanet = decode(chain, datanet, "datanet")?;
    ensure!(
        state.versions > 0,
        "datanet {datanet} has no published version: publish a version first \
         (`attribution datanet publish-version {datanet} --root <HEX> --uri <URI>`)"
    );
    let number = number.unwrap_or(state.versions);
    ensure!(number <= state.versions, "datanet {datanet} has no version {number}: its latest is {}", state.versions);
    let address = pda::datanet_version(datanet, number);
    Ok((number, address, decode(chain, &address, "datanet version")?))
}

/// An account of type `T`, decoded.
fn decode<T: AccountDeserialize>(chain: &Chain, address: &Pubkey, what: &str) -> Result<T> {
    let account = chain.account(address)?.ok_or_else(|| anyhow!("no {what} at {address}"))?;
    T::try_deserialize(&mut account.data.as_slice()).map_err(|_| anyhow!("{address} is not a {what}"))
}

/// `ix` with every account `from` replaced by `to`: the builders derive an operator's and a
/// stake's accounts from its authority, while one that was handed over keeps those of the key it
/// was registered under.
fn repoint(mut ix: Instruction, from: Pubkey, to: Pubkey) -> Instruction {
    for meta in ix.accounts.iter_mut().filter(|m| m.pubkey == from) {
        meta.pubkey = to;
    }
    ix
}

/// The name of an earnings role as the CLI spells it.
fn role_name(role: EarningsRole) -> &'static str {
    match role {
        EarningsRole::Treasury => "treasury",
        EarningsRole::ModelOwner => "model-owner",
        EarningsRole::Operator => "operator",
    }
}

/// Instructions grouped into as few transactions (paid by `payer`) as fit in one packet.
fn packed(payer: &Keypair, instructions: Vec<Instruction>) -> Vec<Vec<Instruction>> {
    let mut out: Vec<Vec<Instruction>> = Vec::new();
    for ix in instructions {
        match out.last_mut() {
            Some(tx)
                if svm_harness::tx_size(payer, &[tx.as_slice(), std::slice::from_ref(&ix)].concat()) <= MAX_TX_SIZE =>
            {
                tx.push(ix)
            }
            _ => out.push(vec![ix]),
        }
    }
    out
}

impl Ctx {
    fn open(global: &Global) -> Result<Ctx> {
        let chain = match &global.url {
            Some(url) => Chain::rpc(url)?,
            None => Chain::embedded(&global.state)?,
        };
        let embedded_wallet = global.state.with_file_name("wallet.json");
        let path = match (&global.keypair, chain.is_embedded()) {
            (Some(path), _) => path.clone(),
            (None, true) => embedded_wallet,
            (None, false) => {
                let home = std::env::var_os("HOME").ok_or_else(|| anyhow!("no HOME: pass --keypair"))?;
                PathBuf::from(home).join(".config/solana/id.json")
            }
        };
        let mut ctx = if path.exists() {
            let signer =
                read_keypair_file(&path).map_err(|e| anyhow!("cannot read keypair {}: {e}", path.display()))?;
            Ctx { chain, signer, json: global.json }
        } else if chain.is_embedded() {
            // A new embedded wallet, funded so that it can pay for its transactions.
            let signer = Keypair::new();
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            write_keypair_file(&signer, &path).map_err(|e| anyhow!("cannot write {}: {e}", path.display()))?;
            Ctx { chain, signer, json: global.json }
        } else {
            bail!("keypair file {} not found: pass --keypair", path.display());
        };
        if ctx.chain.is_embedded() && ctx.chain.account(&ctx.signer.pubkey())?.is_none() {
            let me = ctx.signer.pubkey();
            ctx.chain.airdrop(&me, EMBEDDED_WALLET_LAMPORTS)?;
        }
        Ok(ctx)
    }

    fn me(&self) -> Pubkey {
        self.signer.pubkey()
    }

    fn send(&mut self, what: &str, instructions: &[Instruction]) -> Result<Sent> {
        self.send_signed(what, instructions, &[])
    }

    /// `send`, co-signed by `signers` too.
    fn send_signed(&mut self, what: &str, instructions: &[Instruction], signers: &[&Keypair]) -> Result<Sent> {
        let signer = self.signer.insecure_clone();
        let sent = self.chain.send(&signer, instructions, signers).with_context(|| format!("{what} failed"))?;
        if self.json {
            println!("{}", json!({ "ok": what, "signature": sent.signature }));
        } else {
            println!("{what}: ok (signature {})", sent.signature);
        }
        Ok(sent)
    }

    fn get<T: AccountDeserialize>(&self, address: &Pubkey, what: &str) -> Result<T> {
        decode(&self.chain, address, what)
    }

    fn exists(&self, address: &Pubkey) -> Result<bool> {
        Ok(self.chain.account(address)?.is_some())
    }

    /// The number of a datanet version.
    fn version_number(&self, version: &Pubkey) -> Result<u32> {
        Ok(self.get::<DatanetVersion>(version, "datanet version")?.number)
    }

    /// The numbers of datanet versions, each read once.
    fn version_numbers(&self, versions: impl Iterator<Item = Pubkey>) -> Result<BTreeMap<Pubkey, u32>> {
        let unique: std::collections::BTreeSet<Pubkey> = versions.collect();
        unique.into_iter().map(|v| Ok((v, self.version_number(&v)?))).collect()
    }

    fn config(&self) -> Result<Config> {
        self.get(&pda::config(), "config").context("the payout program is not initialised: run `attribution init`")
    }

    fn open_token(&self) -> Result<Open> {
        let config = self.config()?;
        Ok(Open { mint: config.mint, token_program: config.token_program })
    }

    /// `wallet`'s associated OPEN account, and the instruction that creates it (the signer pays)
    /// when it does not exist yet.
    fn open_account(&self, wallet: &Pubkey) -> Result<(Pubkey, Option<Instruction>)> {
        let open = self.open_token()?;
        let ata = get_associated_token_address_with_program_id(wallet, &open.mint, &open.token_program);
        let create = match self.exists(&ata)? {
            true => None,
            false => Some(spl_associated_token_account::instruction::create_associated_token_account_idempotent(
                &self.me(),
                wallet,
                &open.mint,
                &open.token_program,
            )),
        };
        Ok((ata, create))
    }

    /// The signer's associated OPEN account, created if missing.
    fn my_token_account(&mut self) -> Result<Pubkey> {
        let (ata, create) = self.open_account(&self.me())?;
        if let Some(ix) = create {
            self.send("create OPEN token account", &[ix])?;
        }
        Ok(ata)
    }

    /// The OPEN a token account holds (0 when it does not exist).
    fn open_balance(&self, token_account: &Pubkey) -> Result<u64> {
        let Some(account) = self.chain.account(token_account)? else { return Ok(0) };
        let token = TokenAccount::try_deserialize(&mut account.data.as_slice())
            .map_err(|_| anyhow!("{token_account} is not a token account"))?;
        Ok(token.amount)
    }

    /// The bond accounts of `wallet`'s associated OPEN account (where its bonds come from and go
    /// back to); appends the account's creation to `instructions` when it is missing.
    fn bond_accounts(&self, wallet: &Pubkey, instructions: &mut Vec<Instruction>) -> Result<BondIx> {
        let open = self.open_token()?;
        let (token_account, create) = self.open_account(wallet)?;
        instructions.extend(create);
        Ok(BondIx { token_account, mint: open.mint, token_program: open.token_program })
    }

    /// Sends `ix`, which sets a datanet's bond policy to `bond`, preceded by `bond_vault_init`
    /// (permissionless; the signer pays) when the datanet takes bonds and the deployment has no
    /// bond vault yet.
    fn send_with_bond_vault(&mut self, what: &str, bond: Option<BondPolicy>, ix: Instruction) -> Result<Sent> {
        if bond.is_some_and(|b| b.amount > 0) && !self.exists(&pda::bond_vault())? {
            let open = self.open_token()?;
            let init = ixs::datanet::bond_vault_init(&self.me(), &open.mint, &open.token_program);
            return self.send(&format!("bond_vault_init + {what}"), &[init, ix]);
        }
        self.send(what, &[ix])
    }

    /// The existing positions of `contributions` (one per version of their datanet that contains
    /// them and whose pool it was enrolled in): (position, datanet version, account).
    fn positions_of(&self, contributions: &[(Pubkey, Contribution)]) -> Result<Vec<(Pubkey, Pubkey, Account)>> {
        let mut versions: BTreeMap<Pubkey, u32> = BTreeMap::new();
        let mut candidates = Vec::new();
        for (key, c) in contributions.iter().filter(|(_, c)| c.status == ContributionStatus::Accepted) {
            let count = match versions.get(&c.datanet) {
                Some(n) => *n,
                None => *versions.entry(c.datanet).or_insert(self.get::<Datanet>(&c.datanet, "datanet")?.versions),
            };
            candidates.extend((1..=count).map(|n| {
                let version = pda::datanet_version(&c.datanet, n);
                (pda::position(&pda::pool(&version), key), version)
            }));
        }
        let found = self.chain.accounts(&candidates.iter().map(|(p, _)| *p).collect::<Vec<_>>())?;
        Ok(candidates.into_iter().zip(found).filter_map(|((p, v), a)| Some((p, v, a?))).collect())
    }

    /// The current contributor of each contribution (those that no longer exist are left out).
    fn contributors(&self, contributions: &[Pubkey]) -> Result<BTreeMap<Pubkey, Pubkey>> {
        let found = self.chain.accounts(contributions)?;
        let mut out = BTreeMap::new();
        for (key, account) in contributions.iter().zip(found) {
            let Some(account) = account else { continue };
            let c = Contribution::try_deserialize(&mut account.data.as_slice())
                .map_err(|_| anyhow!("{key} is not a contribution"))?;
            out.insert(*key, c.contributor);
        }
        Ok(out)
    }

    /// The signer's stake: the one created under its key, or one handed to it
    /// (`operator accept-transfer`); the PDA of its key when it has none (the program then says so).
    fn my_stake(&self) -> Result<Pubkey> {
        let me = self.me();
        Ok(operators::stake_of(&self.chain, &me, None)?.map_or(pda::stake(&me), |(address, _)| address))
    }

    /// `earnings_init` of `wallet`'s earnings in `role` (the signer pays) when they do not exist.
    fn earnings_init_if_missing(&self, wallet: &Pubkey, role: EarningsRole) -> Result<Option<Instruction>> {
        Ok(match self.exists(&pda::earnings(wallet, role))? {
            true => None,
            false => Some(ixs::payout::earnings_init(&self.me(), wallet, role)),
        })
    }

    fn list<T: AccountDeserialize + Discriminator>(&self, program: &Pubkey) -> Result<Vec<(Pubkey, T)>> {
        self.chain
            .program_accounts(program, T::DISCRIMINATOR, &[])?
            .into_iter()
            .map(|(k, a)| Ok((k, T::try_deserialize(&mut a.data.as_slice()).map_err(|e| anyhow!("{k}: {e}"))?)))
            .collect()
    }
}

pub fn run(global: &Global, command: Command) -> Result<()> {
    let mut ctx = Ctx::open(global)?;
    let result = dispatch(&mut ctx, command);
    // The embedded state is kept even when a command fails: earlier transactions happened.
    ctx.chain.save()?;
    result
}

fn dispatch(ctx: &mut Ctx, command: Command) -> Result<()> {
    match command {
        Command::Demo | Command::Poa(_) | Command::Index { .. } | Command::Stats { .. } => {
            unreachable!("handled in main")
        }
        Command::Address => {
            println!("{}", ctx.me());
            Ok(())
        }
        Command::Airdrop { to, sol, open } => airdrop(ctx, to, sol, open),
        Command::Warp { secs } => {
            ctx.chain.warp(secs)?;
            println!("clock now {}", ctx.chain.now()?);
            Ok(())
        }
        Command::Init {
            mint,
            authority,
            treasury,
            protocol_fee_bps,
            min_stake,
            cooldown_secs,
            epoch_length_secs,
            root_deadline_secs,
            challenge_window_secs,
            claim_window_secs,
        } => {
            let me = ctx.me();
            let authority = authority.as_deref().map(key).transpose()?.unwrap_or(me);
            let treasury = treasury.as_deref().map(key).transpose()?.unwrap_or(me);
            let args = ConfigInitArgs {
                authority,
                treasury,
                protocol_fee_bps,
                min_operator_stake: min_stake * 10u64.pow(OPEN_DECIMALS.into()),
                unstake_cooldown_secs: cooldown_secs,
                epoch_timing: EpochTiming {
                    epoch_length_secs,
                    root_deadline_secs,
                    challenge_window_secs,
                    claim_window_secs,
                },
            };
            init(ctx, mint, args)
        }
        Command::Datanet(c) => datanet(ctx, c),
        Command::Contribution(c) => contribution(ctx, c),
        Command::Model(c) => model(ctx, c),
        Command::Operator(c) => operator(ctx, c),
        Command::Stake(c) => stake(ctx, c),
        Command::Gov(c) => gov(ctx, c),
        Command::Channel(c) => channel(ctx, c),
        Command::Pay { model, operator, operator_keypair, calls, max_fee, request_id, output } => {
            let model_key = key(&model)?;
            let state: Model = ctx.get(&model_key, "model")?;
            let fee = state.price_per_call.checked_mul(calls).ok_or_else(|| anyhow!("fee overflows"))?;
            let max_fee = max_fee.map(base_units).transpose()?.unwrap_or(fee);
            let open = ctx.open_token()?;
            let treasury = ctx.config()?.treasury;
            let token = ctx.my_token_account()?;
            let me = ctx.me();
            let index = ctx.config()?.epoch_index(ctx.chain.now()?)?;
            let request_id = request_id.as_deref().map(from_hex).transpose()?.unwrap_or_else(rand32);
            let output = match output {
                Some(path) => std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?,
                None => Vec::new(),
            };
            let args = InferencePayArgs { calls, max_fee, request_id, output_hash: poa_merkle::output_hash(&output) };
            // The operator's accounts as they are (handed over, they keep the first key's PDAs);
            // its share goes to the earnings of its authority now.
            let found = operators::find(&ctx.chain, &key(&operator)?)?;
            let authority = found.state.authority;
            let Some((stake, _)) = found.stake else {
                bail!(
                    "operator {} is not payable: no stake has its authority {authority} (handed over without its \
                     stake? the previous authority proposes both, `attribution operator transfer`, and the new one \
                     accepts both, `attribution operator accept-transfer`)",
                    found.address
                )
            };
            // The operator's authority co-signs what it served.
            let operator_signer = match operator_keypair {
                Some(path) => {
                    let signer = read_keypair_file(&path)
                        .map_err(|e| anyhow!("cannot read operator keypair {}: {e}", path.display()))?;
                    ensure!(
                        signer.pubkey() == authority,
                        "{} is the keypair of {}, not of the operator's authority {authority}",
                        path.display(),
                        signer.pubkey()
                    );
                    Some(signer)
                }
                None if authority == me => None,
                None => bail!(
                    "the operator's authority {authority} co-signs the payment for what it served: pass its keypair \
                     with --operator-keypair"
                ),
            };
            let pay =
                ixs::payout::inference_pay(&open, &treasury, &me, &token, &model_key, &state, &authority, index, args);
            let pay = repoint(repoint(pay, pda::operator(&authority), found.address), pda::stake(&authority), stake);
            // A model with a proof-attributed entry pays into its current epoch: open it first.
            let ixs = match state.has_proof_attributed_entry() {
                true => vec![ixs::payout::epoch_open(&me, &model_key, index), pay],
                false => vec![pay],
            };
            let sent = ctx.send_signed("inference_pay", &ixs, &operator_signer.iter().collect::<Vec<_>>())?;
            if let Some(paid) = events::<attribution_payout::events::InferencePaid>(&sent.logs).first() {
                print_payment(ctx.json, paid);
            }
            Ok(())
        }
        Command::Distribute { model } => {
            let model_key = key(&model)?;
            let state: Model = ctx.get(&model_key, "model")?;
            let treasury = ctx.config()?.treasury;
            ctx.send("escrow_distribute", &[ixs::payout::escrow_distribute(&treasury, &model_key, &state)])?;
            Ok(())
        }
        Command::Enroll { contribution, version } => enroll(ctx, &contribution, version),
        Command::Claim(ClaimCommand::All) => claim_all(ctx),
        Command::Earnings(c) => earnings(ctx, c),
        Command::Claim(ClaimCommand::Earnings { role }) => {
            let role = earnings_role(role);
            let open = ctx.open_token()?;
            let to = ctx.my_token_account()?;
            let me = ctx.me();
            let before: Earnings = ctx.get(&pda::earnings(&me, role), "earnings account")?;
            ctx.send("earnings_claim", &[ixs::payout::earnings_claim(&open, &me, role, &to)])?;
            report(ctx.json, "claimed", before.balance);
            Ok(())
        }
        Command::Epoch(c) => epoch(ctx, c),
        Command::Show(c) => show(ctx, c),
        Command::List(c) => list(ctx, c),
    }
}

/// Opens `contribution`'s positions in the pools of the versions that contain it: `version`
/// only (its pool created if missing), or every published one whose pool exists.
fn enroll(ctx: &mut Ctx, contribution: &str, version: Option<u32>) -> Result<()> {
    let c = key(contribution)?;
    let state: Contribution = ctx.get(&c, "contribution")?;
    ensure!(
        state.status == ContributionStatus::Accepted,
        "contribution {c} is {:?}: only an accepted contribution has positions",
        state.status
    );
    let datanet: Datanet = ctx.get(&state.datanet, "datanet")?;
    let numbers: Vec<u32> = match version {
        Some(n) => vec![resolve_version(&ctx.chain, &state.datanet, Some(n))?.0],
        None => {
            resolve_version(&ctx.chain, &state.datanet, None)?;
            (1..=datanet.versions).collect()
        }
    };
    let me = ctx.me();
    let mut instructions = Vec::new();
    let mut enrolled = Vec::new();
    let mut already = Vec::new();
    let mut without_pool = Vec::new();
    for number in numbers {
        let address = pda::datanet_version(&state.datanet, number);
        let v: DatanetVersion = ctx.get(&address, "datanet version")?;
        if !state.is_in(&v) {
            ensure!(
                version.is_none(),
                "contribution {c} was accepted after version {number} was published: it is not in it"
            );
            continue;
        }
        let pool = pda::pool(&address);
        if ctx.exists(&pda::position(&pool, &c))? {
            already.push(number);
            continue;
        }
        if !ctx.exists(&pool)? {
            if version.is_none() {
                without_pool.push(number);
                continue;
            }
            instructions.push(ixs::payout::pool_init(&me, &address));
        }
        instructions.push(ixs::payout::position_enroll(&me, &address, &c));
        enrolled.push((number, pda::position(&pool, &c)));
    }
    let signer = ctx.signer.insecure_clone();
    for tx in packed(&signer, instructions) {
        let what = tx
            .iter()
            .map(|ix| match ix.data.starts_with(attribution_payout::instruction::PoolInit::DISCRIMINATOR) {
                true => "pool_init",
                false => "position_enroll",
            })
            .collect::<Vec<_>>()
            .join(" + ");
        ctx.send(&what, &tx)?;
    }
    if ctx.json {
        let positions: Vec<_> =
            enrolled.iter().map(|(n, p)| json!({ "version": n, "position": p.to_string() })).collect();
        println!(
            "{}",
            json!({ "enrolled": positions, "already_enrolled": already, "versions_without_pool": without_pool })
        );
    } else {
        for (number, position) in &enrolled {
            println!("position {position} (version {number})");
        }
        if !already.is_empty() {
            println!("already enrolled in version(s) {already:?}");
        }
        if !without_pool.is_empty() {
            println!("version(s) {without_pool:?} contain it but have no pool yet: `attribution enroll {c} --version N` creates it");
        }
    }
    ensure!(
        !enrolled.is_empty() || !already.is_empty(),
        "no version of datanet {} that contains contribution {c} has a pool",
        state.datanet
    );
    Ok(())
}

/// Claims every position of the signer: those that name it (found by their `beneficiary` field)
/// and those of contributions handed to it that still name their previous contributor (found by
/// the contributions' `contributor` field), synced first. Positions that name the signer but whose
/// contribution it handed to another wallet are left to that wallet.
fn claim_all(ctx: &mut Ctx) -> Result<()> {
    let me = ctx.me();
    let accounts = ctx.chain.program_accounts(
        &attribution_payout::ID,
        Position::DISCRIMINATOR,
        &[(claims::BENEFICIARY_OFFSET, me.as_ref())],
    )?;
    let named = claims::held(accounts, |pool| ctx.get(pool, "pool"))?;
    let contributors = ctx.contributors(&named.iter().map(|h| h.contribution).collect::<Vec<_>>())?;
    let (mut held, handed_over): (Vec<_>, Vec<_>) =
        named.into_iter().partition(|h| contributors.get(&h.contribution).is_none_or(|c| *c == me));
    let mine: Vec<(Pubkey, Contribution)> = ctx
        .chain
        .program_accounts(
            &datanet_registry::ID,
            Contribution::DISCRIMINATOR,
            &[(claims::CONTRIBUTOR_OFFSET, me.as_ref())],
        )?
        .into_iter()
        .map(|(k, a)| {
            Ok((
                k,
                Contribution::try_deserialize(&mut a.data.as_slice())
                    .map_err(|_| anyhow!("{k} is not a contribution"))?,
            ))
        })
        .collect::<Result<_>>()?;
    let unsynced: Vec<(Pubkey, Account)> = ctx
        .positions_of(&mine)?
        .into_iter()
        .filter(|(_, _, a)| {
            a.data.get(claims::BENEFICIARY_OFFSET..claims::BENEFICIARY_OFFSET + 32) != Some(me.as_ref())
        })
        .map(|(p, _, a)| (p, a))
        .collect();
    held.extend(claims::held(unsynced, |pool| ctx.get(pool, "pool"))?);
    ensure!(
        !held.is_empty() || !handed_over.is_empty(),
        "{me} has no positions: enrol its accepted contributions first (`attribution enroll`)"
    );
    let open = ctx.open_token()?;
    // The signer's token account, created only when something is owed (syncs need none).
    let to = match held.iter().any(|h| h.claimable > 0) {
        true => ctx.my_token_account()?,
        false => get_associated_token_address_with_program_id(&me, &open.mint, &open.token_program),
    };
    let signer = ctx.signer.insecure_clone();
    let done = claims::claim_all(&open, &signer, &to, &held, |packed| {
        let what = match (packed.synced.len(), packed.claimed.len()) {
            (0, n) => format!("position_claim ({n} position(s))"),
            (s, 0) => format!("position_sync ({s} position(s))"),
            (s, n) => format!("position_sync ({s} position(s)) + position_claim ({n} position(s))"),
        };
        Ok(ctx.send(&what, &packed.instructions)?.logs)
    })?;
    let total: u64 = done.paid.iter().map(|(_, amount)| amount).sum();
    let versions = done.paid.iter().map(|(h, _)| h).chain(&done.synced).chain(&handed_over).map(|h| h.version);
    let numbers = ctx.version_numbers(versions)?;
    let rows: Vec<_> = done.paid.iter().map(|(h, amount)| (h, numbers[&h.version], *amount)).collect();
    if ctx.json {
        let positions: Vec<_> = rows
            .iter()
            .map(|(h, number, paid)| {
                json!({ "position": h.position.to_string(), "datanet": h.datanet.to_string(), "version": number,
                        "contribution": h.contribution.to_string(), "paid": paid })
            })
            .collect();
        let synced: Vec<_> = done
            .synced
            .iter()
            .map(|h| {
                json!({ "position": h.position.to_string(), "version": numbers[&h.version],
                        "contribution": h.contribution.to_string(), "previous": h.beneficiary.to_string() })
            })
            .collect();
        let handed: Vec<_> = handed_over
            .iter()
            .map(|h| {
                json!({ "position": h.position.to_string(), "version": numbers[&h.version],
                        "contribution": h.contribution.to_string(), "contributor": contributors[&h.contribution].to_string() })
            })
            .collect();
        println!(
            "{}",
            json!({ "positions": positions, "claimed": total, "held": held.len(), "synced": synced, "handed_over": handed })
        );
        return Ok(());
    }
    for h in &done.synced {
        println!(
            "synced position {} (contribution {}, version {}): was {}'s, now {me}'s",
            h.position, h.contribution, numbers[&h.version], h.beneficiary
        );
    }
    let mut t = Table::new(&["position", "datanet", "version", "contribution", "paid OPEN"]);
    for (h, number, paid) in &rows {
        t.row(vec![
            h.position.to_string(),
            h.datanet.to_string(),
            number.to_string(),
            h.contribution.to_string(),
            amount(*paid),
        ]);
    }
    if !rows.is_empty() {
        t.print();
    }
    for h in &handed_over {
        println!(
            "not claimed: position {} (contribution {}, version {}) was handed over to {}, whose `claim all` syncs it",
            h.position, h.contribution, numbers[&h.version], contributors[&h.contribution]
        );
    }
    println!("claimed in total: {} OPEN from {} of {} position(s)", amount(total), rows.len(), held.len());
    Ok(())
}

fn earnings_role(role: Role) -> EarningsRole {
    match role {
        Role::Treasury => EarningsRole::Treasury,
        Role::ModelOwner => EarningsRole::ModelOwner,
        Role::Operator => EarningsRole::Operator,
    }
}

fn report(json: bool, what: &str, base: u64) {
    if json {
        println!("{}", json!({ what: base }));
    } else {
        println!("{what}: {} OPEN", amount(base));
    }
}

/// Decoded Anchor events of type `E` from a transaction's logs.
pub(crate) fn events<E: anchor_lang::Event + anchor_lang::AnchorDeserialize>(logs: &[String]) -> Vec<E> {
    svm_harness::Executed { compute_units: 0, logs: logs.to_vec() }.events()
}

fn print_payment(json: bool, paid: &attribution_payout::events::InferencePaid) {
    if json {
        let lineage: Vec<_> =
            paid.lineage.iter().map(|c| json!({ "target": c.target.to_string(), "amount": c.amount })).collect();
        println!(
            "{}",
            json!({ "fee": paid.fee, "calls": paid.calls, "protocol_fee": paid.protocol_fee, "dust": paid.dust, "owner": paid.owner.to_string(),
                    "owner_amount": paid.owner_amount, "operator": paid.operator.to_string(),
                    "operator_amount": paid.operator_amount, "lineage": lineage,
                    "epoch": paid.epoch, "record": paid.record })
        );
        return;
    }
    let mut t = Table::new(&["who", "role", "OPEN"]);
    t.row(vec!["treasury".into(), "protocol fee + dust".into(), amount(paid.protocol_fee + paid.dust)]);
    t.row(vec![paid.owner.to_string(), "refined (model owner)".into(), amount(paid.owner_amount)]);
    t.row(vec![paid.operator.to_string(), "executed (operator)".into(), amount(paid.operator_amount)]);
    for c in &paid.lineage {
        t.row(vec![c.target.to_string(), "contributed (pool or upstream escrow)".into(), amount(c.amount)]);
    }
    println!("fee {} OPEN for {} call(s):", amount(paid.fee), paid.calls);
    t.print();
    if let (Some(epoch), Some(record)) = (paid.epoch, paid.record) {
        println!("proof-attributed: record {record} of epoch {epoch}");
    }
}

fn airdrop(ctx: &mut Ctx, to: Option<String>, sol: u64, open: u64) -> Result<()> {
    ensure!(ctx.chain.is_embedded(), "airdrop is for the embedded SVM; fund wallets on a cluster with its own tools");
    let to = to.as_deref().map(key).transpose()?.unwrap_or(ctx.me());
    ctx.chain.airdrop(&to, sol * 1_000_000_000)?;
    if open > 0 {
        let token = ctx.open_token()?;
        let (ata, create) = ctx.open_account(&to)?;
        let mint = anchor_spl::token_2022::spl_token_2022::instruction::mint_to(
            &token.token_program,
            &token.mint,
            &ata,
            &ctx.me(),
            &[],
            open * 10u64.pow(OPEN_DECIMALS.into()),
        )?;
        ctx.send("mint test OPEN", &create.into_iter().chain([mint]).collect::<Vec<_>>())
            .context("only the embedded test mint's authority (the `init` signer) can mint")?;
    }
    println!("funded {to}: {sol} SOL, {open} OPEN");
    Ok(())
}

fn init(ctx: &mut Ctx, mint: Option<String>, args: ConfigInitArgs) -> Result<()> {
    let treasury = args.treasury;
    let (deployer, mint, token_program) = match (mint, ctx.chain.embedded_deployer()) {
        (Some(mint), _) => {
            let mint = key(&mint)?;
            let owner = ctx.chain.account(&mint)?.ok_or_else(|| anyhow!("no mint at {mint}"))?.owner;
            let deployer = ctx.chain.embedded_deployer().unwrap_or(ctx.signer.insecure_clone());
            (deployer, mint, owner)
        }
        (None, Some(deployer)) => {
            // A test OPEN mint whose authority is the signer, so `airdrop --open` can mint.
            let mint = Keypair::new();
            let me = ctx.me();
            let program = anchor_spl::token::ID;
            let space = 82u64;
            let rent = 1_461_600; // rent-exempt minimum of a mint account
            let create = anchor_lang::solana_program::system_instruction::create_account(
                &me,
                &mint.pubkey(),
                rent,
                space,
                &program,
            );
            let init = anchor_spl::token_2022::spl_token_2022::instruction::initialize_mint2(
                &program,
                &mint.pubkey(),
                &me,
                None,
                OPEN_DECIMALS,
            )?;
            let signer = ctx.signer.insecure_clone();
            ctx.chain.send(&signer, &[create, init], &[&mint])?;
            println!("created the test OPEN mint {} ({OPEN_DECIMALS} decimals, mint authority {me})", mint.pubkey());
            (deployer, mint.pubkey(), program)
        }
        (None, None) => bail!("on a cluster, pass the OPEN mint: --mint <ADDRESS>"),
    };
    let config_ix = ixs::payout::config_init(&deployer.pubkey(), &mint, &token_program, args);
    let treasury_ix = ixs::payout::earnings_init(&deployer.pubkey(), &treasury, EarningsRole::Treasury);
    // The bond vault adopts the config's mint: created once, right after it.
    let bond_vault_ix = ixs::datanet::bond_vault_init(&deployer.pubkey(), &mint, &token_program);
    ctx.chain.send(&deployer, &[config_ix, treasury_ix, bond_vault_ix], &[])?;
    println!(
        "initialised: config {}, OPEN {mint}, treasury {treasury}, bond vault {}",
        pda::config(),
        pda::bond_vault()
    );
    Ok(())
}

fn datanet(ctx: &mut Ctx, command: DatanetCommand) -> Result<()> {
    let me = ctx.me();
    match command {
        DatanetCommand::Create { id, name, uri, open_weight, bond, spam_window_secs } => {
            let policy = open_weight.map_or(DatanetPolicy::Curated, |weight| DatanetPolicy::Open { weight });
            let bond = BondPolicy { amount: base_units(bond)?, spam_window_secs };
            let address = pda::datanet(&me, id);
            let create = ixs::datanet::create(&me, DatanetCreateArgs { id, name, uri, policy, bond });
            ctx.send_with_bond_vault("datanet_create", Some(bond), create)?;
            println!("datanet {address}");
        }
        DatanetCommand::Update { datanet, uri, open_weight, curated, bond, spam_window_secs } => {
            let datanet = key(&datanet)?;
            let policy = match (open_weight, curated) {
                (Some(weight), _) => Some(DatanetPolicy::Open { weight }),
                (None, true) => Some(DatanetPolicy::Curated),
                (None, false) => None,
            };
            // The bond policy is replaced whole: what is not given stays as it is.
            let bond = match (bond, spam_window_secs) {
                (None, None) => None,
                (amount, window) => {
                    let current = ctx.get::<Datanet>(&datanet, "datanet")?.bond;
                    Some(BondPolicy {
                        amount: amount.map(base_units).transpose()?.unwrap_or(current.amount),
                        spam_window_secs: window.unwrap_or(current.spam_window_secs),
                    })
                }
            };
            let update = ixs::datanet::update(&datanet, &me, DatanetUpdateArgs { uri, policy, bond });
            ctx.send_with_bond_vault("datanet_update", bond, update)?;
        }
        DatanetCommand::ProposeAuthority { datanet, new_authority } => {
            let ix = ixs::datanet::authority_propose(&key(&datanet)?, &me, Some(key(&new_authority)?));
            ctx.send("datanet_authority_propose", &[ix])?;
        }
        DatanetCommand::AcceptAuthority { datanet } => {
            ctx.send("datanet_authority_accept", &[ixs::datanet::authority_accept(&key(&datanet)?, &me)])?;
        }
        DatanetCommand::ApproveAttestor { datanet, attestor } => {
            let ix = ixs::datanet::attestor_approve(&key(&datanet)?, &me, &key(&attestor)?);
            ctx.send("datanet_attestor_approve", &[ix])?;
        }
        DatanetCommand::RevokeAttestor { datanet, attestor } => {
            let (datanet, attestor) = (key(&datanet)?, key(&attestor)?);
            let approval: AttestorApproval =
                ctx.get(&pda::attestor_approval(&datanet, &attestor), "attestor approval")?;
            let ix = ixs::datanet::attestor_revoke(&datanet, &me, &attestor, &approval.rent_payer);
            ctx.send("datanet_attestor_revoke", &[ix])?;
        }
        DatanetCommand::PublishVersion { datanet, number, root, uri } => {
            let datanet = key(&datanet)?;
            let state: Datanet = ctx.get(&datanet, "datanet")?;
            let number = number.unwrap_or(state.versions + 1);
            let args = DatanetVersionPublishArgs { number, contributions_root: from_hex(&root)?, uri };
            let version = pda::datanet_version(&datanet, number);
            ctx.send(
                "datanet_version_publish + pool_init",
                &[ixs::datanet::version_publish(&datanet, &me, args), ixs::payout::pool_init(&me, &version)],
            )?;
            let v: DatanetVersion = ctx.get(&version, "datanet version")?;
            let pool = pda::pool(&version);
            if ctx.json {
                println!(
                    "{}",
                    json!({ "version": version.to_string(), "number": v.number, "contributions": v.contribution_count,
                            "total_weight": v.total_weight, "pool": pool.to_string() })
                );
            } else {
                println!("version {version}");
                println!(
                    "  number {}: {} contribution(s), total weight {} (fixed for good); pool {pool}",
                    v.number, v.contribution_count, v.total_weight
                );
            }
        }
    }
    Ok(())
}

fn contribution(ctx: &mut Ctx, command: ContributionCommand) -> Result<()> {
    let me = ctx.me();
    match command {
        ContributionCommand::Submit { datanet, file, uri } => {
            let datanet = key(&datanet)?;
            let (content_hash, size) = file_hash(&file)?;
            let uri = uri.unwrap_or_else(|| format!("file://{}", file.display()));
            let bond = ctx.get::<Datanet>(&datanet, "datanet")?.bond.amount;
            let mut instructions = Vec::new();
            let mut submit =
                ixs::datanet::contribution_submit(&datanet, &me, ContributionSubmitArgs { content_hash, uri, size });
            if bond > 0 {
                let accounts = ctx.bond_accounts(&me, &mut instructions)?;
                let balance = ctx.open_balance(&accounts.token_account)?;
                ensure!(
                    balance >= bond,
                    "datanet {datanet} takes a bond of {} OPEN per submission, and {me}'s OPEN account {} holds {}",
                    amount(bond),
                    accounts.token_account,
                    amount(balance)
                );
                submit = ixs::datanet::with_bond(submit, &accounts);
            }
            instructions.push(submit);
            ctx.send("contribution_submit", &instructions)?;
            println!("contribution {}", pda::contribution(&datanet, &content_hash));
            if bond > 0 {
                report(ctx.json, "bond posted", bond);
            }
        }
        ContributionCommand::Review { contribution, accept, reject } => {
            let decision = match (accept, reject) {
                (Some(weight), None) => ReviewDecision::Accept { weight },
                (None, Some(reason)) => ReviewDecision::Reject { reason },
                _ => bail!("pass --accept <WEIGHT> or --reject <REASON>"),
            };
            let c = key(&contribution)?;
            let state: Contribution = ctx.get(&c, "contribution")?;
            ctx.send("contribution_review", &[ixs::datanet::contribution_review(&state.datanet, &c, &me, decision)])?;
        }
        ContributionCommand::Withdraw { contribution } => {
            let c = key(&contribution)?;
            let state: Contribution = ctx.get(&c, "contribution")?;
            let what = match state.contributor == me {
                true => "contribution_withdraw".to_string(),
                false => format!(
                    "contribution_withdraw (the curator clears a {} contribution)",
                    format!("{:?}", state.status).to_lowercase()
                ),
            };
            let mut instructions = Vec::new();
            let mut withdraw = ixs::datanet::contribution_withdraw(&state.datanet, &c, &state.contributor, &me);
            if state.bond > 0 {
                withdraw =
                    ixs::datanet::with_bond(withdraw, &ctx.bond_accounts(&state.contributor, &mut instructions)?);
            }
            instructions.push(withdraw);
            ctx.send(&what, &instructions)?;
            if !ctx.json {
                println!("rent returned to the contributor {}", state.contributor);
            }
            if state.bond > 0 {
                report(ctx.json, "bond returned", state.bond);
            }
        }
        ContributionCommand::FlagSpam { contribution } => {
            let c = key(&contribution)?;
            let state: Contribution = ctx.get(&c, "contribution")?;
            let mut instructions = Vec::new();
            // A bond held goes to the treasury's OPEN account.
            let treasury_bond = match state.bond {
                0 => None,
                _ => Some(ctx.bond_accounts(&ctx.config()?.treasury, &mut instructions)?),
            };
            instructions.push(ixs::datanet::contribution_flag_spam(&state.datanet, &c, &me, treasury_bond.as_ref()));
            ctx.send("contribution_flag_spam", &instructions)?;
            if !ctx.json {
                match state.weight {
                    0 => println!("contribution {c} flagged as spam"),
                    w => println!("contribution {c} flagged as spam: its weight {w} leaves the datanet's total"),
                }
            }
            if state.bond > 0 {
                report(ctx.json, "bond forfeited to the treasury", state.bond);
            }
        }
        ContributionCommand::RefundBond { contribution } => {
            let c = key(&contribution)?;
            let state: Contribution = ctx.get(&c, "contribution")?;
            let mut instructions = Vec::new();
            let accounts = ctx.bond_accounts(&state.contributor, &mut instructions)?;
            instructions.push(ixs::datanet::contribution_bond_refund(&state.datanet, &c, &accounts));
            ctx.send("contribution_bond_refund", &instructions)?;
            report(ctx.json, "bond refunded", state.bond);
            if !ctx.json {
                println!("to {}'s OPEN account {}", state.contributor, accounts.token_account);
            }
        }
        ContributionCommand::Transfer { contribution, new_wallet, cancel } => {
            let c = key(&contribution)?;
            let state: Contribution = ctx.get(&c, "contribution")?;
            let proposed = match (new_wallet, cancel) {
                (Some(wallet), false) => Some(key(&wallet)?),
                (None, true) => {
                    ensure!(state.pending_contributor.is_some(), "contribution {c} has no pending transfer to cancel");
                    None
                }
                _ => bail!("pass the new wallet or --cancel"),
            };
            let ix = ixs::datanet::contribution_transfer_propose(&c, &me, proposed);
            let what = match proposed {
                Some(_) => "contribution_transfer_propose",
                None => "contribution_transfer_propose (cancel)",
            };
            ctx.send(what, &[ix])?;
            if ctx.json {
                println!(
                    "{}",
                    json!({ "contribution": c.to_string(), "pending_contributor": proposed.map(|k| k.to_string()) })
                );
            } else {
                match proposed {
                    Some(wallet) => println!(
                        "pending contributor {wallet}: it accepts with `attribution --keypair <ITS KEYPAIR> contribution accept-transfer {c}`"
                    ),
                    None => println!("transfer cancelled: contribution {c} stays {}'s", state.contributor),
                }
            }
        }
        ContributionCommand::AcceptTransfer { contribution, no_sync } => {
            let c = key(&contribution)?;
            let state: Contribution = ctx.get(&c, "contribution")?;
            let previous = state.contributor;
            // Every position of the contribution names its previous contributor: point them at
            // the signer in the same transaction, so that the previous wallet cannot claim them.
            let positions = match no_sync {
                true => Vec::new(),
                false => ctx.positions_of(&[(c, state)])?,
            };
            let mut instructions = vec![ixs::datanet::contribution_transfer_accept(&c, &me)];
            let mut synced = Vec::new();
            for (position, version, account) in positions {
                let p = Position::try_deserialize(&mut account.data.as_slice())
                    .map_err(|_| anyhow!("{position} is not a position"))?;
                if p.beneficiary != me {
                    instructions.push(ixs::payout::position_sync(&version, &c));
                    synced.push((position, version));
                }
            }
            let signer = ctx.signer.insecure_clone();
            for tx in packed(&signer, instructions) {
                let syncs = tx.iter().filter(|ix| ix.program_id == attribution_payout::ID).count();
                let accept = tx.len() > syncs;
                let what = match (accept, syncs) {
                    (true, 0) => "contribution_transfer_accept".to_string(),
                    (true, n) => format!("contribution_transfer_accept + position_sync ({n} position(s))"),
                    (false, n) => format!("position_sync ({n} position(s))"),
                };
                ctx.send(&what, &tx)?;
            }
            let numbers = ctx.version_numbers(synced.iter().map(|(_, v)| *v))?;
            if ctx.json {
                let synced: Vec<_> =
                    synced.iter().map(|(p, v)| json!({ "position": p.to_string(), "version": numbers[v] })).collect();
                println!(
                    "{}",
                    json!({ "contribution": c.to_string(), "contributor": me.to_string(),
                            "previous": previous.to_string(), "synced": synced })
                );
            } else {
                println!("contribution {c} is now {me}'s (was {previous}'s)");
                for (position, version) in &synced {
                    println!("synced position {position} (version {}): now claimable by {me} only", numbers[version]);
                }
                if no_sync {
                    println!("its positions still name {previous}, who can claim them until they are synced: `attribution claim all` syncs them");
                }
            }
        }
    }
    Ok(())
}

/// `MODEL=BPS` (upstream) or `DATANET[:VERSION]=BPS` into a lineage entry; a datanet entry cites
/// the version given, or the datanet's latest.
fn entry(chain: &Chain, spec: &str, source: LineageSource) -> Result<LineageEntry> {
    let form = match source {
        LineageSource::Datanet => "DATANET[:VERSION]=BPS",
        LineageSource::Model => "MODEL=BPS",
    };
    let (target, bps) = spec.split_once('=').ok_or_else(|| anyhow!("'{spec}': expected {form}"))?;
    let share_bps = bps.parse().map_err(|_| anyhow!("'{bps}' is not a share in basis points"))?;
    let (target, datanet_version) = match source {
        LineageSource::Datanet => {
            let (datanet, number) = datanet_ref(target)?;
            (datanet, Some(resolve_version(chain, &datanet, number)?.1))
        }
        LineageSource::Model => (key(target)?, None),
    };
    Ok(LineageEntry { source, target, datanet_version, share_bps, proof_attributed: false })
}

fn model(ctx: &mut Ctx, command: ModelCommand) -> Result<()> {
    let me = ctx.me();
    match command {
        ModelCommand::Create { id, kind, base, name, uri, artifact, price } => {
            let kind = match kind {
                Kind::Base => ModelKind::Base,
                Kind::FineTune => ModelKind::FineTune,
                Kind::Adapter => ModelKind::Adapter,
                Kind::Agent => ModelKind::Agent,
            };
            let (artifact_hash, _) = file_hash(&artifact)?;
            let args = ModelCreateArgs { id, kind, name, uri, artifact_hash, price_per_call: base_units(price)? };
            let base = base.as_deref().map(key).transpose()?;
            let address = pda::model(&me, id);
            ctx.send(
                "model_create + escrow_init",
                &[ixs::model::create(&me, base, args), ixs::payout::escrow_init(&me, &address)],
            )?;
            if ctx.chain.account(&pda::earnings(&me, EarningsRole::ModelOwner))?.is_none() {
                ctx.send(
                    "earnings_init (model owner)",
                    &[ixs::payout::earnings_init(&me, &me, EarningsRole::ModelOwner)],
                )?;
            }
            println!("model {address}");
        }
        ModelCommand::Lineage { model, datanets, attributed, upstreams, owner_bps, operator_bps } => {
            let chain = &ctx.chain;
            let mut entries =
                datanets.iter().map(|s| entry(chain, s, LineageSource::Datanet)).collect::<Result<Vec<_>>>()?;
            if let Some(spec) = attributed {
                entries.push(LineageEntry { proof_attributed: true, ..entry(chain, &spec, LineageSource::Datanet)? });
            }
            entries
                .extend(upstreams.iter().map(|s| entry(chain, s, LineageSource::Model)).collect::<Result<Vec<_>>>()?);
            // A model citing a version is paid into the version's pool: create any that is missing.
            let mut instructions = Vec::new();
            let mut cited = Vec::new();
            for e in &entries {
                let Some(version) = e.datanet_version else { continue };
                if !ctx.exists(&pda::pool(&version))? && !cited.contains(&version) {
                    instructions.push(ixs::payout::pool_init(&me, &version));
                }
                cited.push(version);
                if !ctx.json {
                    let number = ctx.version_number(&version)?;
                    println!("cites version {number} of datanet {} ({version}) for {} bps", e.target, e.share_bps);
                }
            }
            let what = match instructions.is_empty() {
                true => "model_lineage_set".to_string(),
                false => format!("{} + model_lineage_set", vec!["pool_init"; instructions.len()].join(" + ")),
            };
            let args = ModelLineageSetArgs { entries, owner_share_bps: owner_bps, operator_share_bps: operator_bps };
            instructions.push(ixs::model::lineage_set(&key(&model)?, &me, args));
            ctx.send(&what, &instructions)?;
        }
        ModelCommand::Publish { model, attestor } => {
            let attestor = attestor.as_deref().map(key).transpose()?;
            ctx.send("model_publish", &[ixs::model::publish(&key(&model)?, &me, attestor)])?;
        }
        ModelCommand::Price { model, price } => {
            ctx.send("model_price_set", &[ixs::model::price_set(&key(&model)?, &me, base_units(price)?)])?;
        }
        ModelCommand::Retire { model } => {
            ctx.send("model_retire", &[ixs::model::retire(&key(&model)?, &me)])?;
        }
        ModelCommand::Transfer { model, new_wallet, cancel } => {
            let m = key(&model)?;
            let state: Model = ctx.get(&m, "model")?;
            let proposed = match (new_wallet, cancel) {
                (Some(wallet), false) => Some(key(&wallet)?),
                (None, true) => {
                    ensure!(state.pending_owner.is_some(), "model {m} has no pending transfer to cancel");
                    None
                }
                _ => bail!("pass the new wallet or --cancel"),
            };
            let what = match proposed {
                Some(_) => "model_owner_propose",
                None => "model_owner_propose (cancel)",
            };
            ctx.send(what, &[ixs::model::model_owner_propose(&m, &me, proposed)])?;
            if ctx.json {
                println!("{}", json!({ "model": m.to_string(), "pending_owner": proposed.map(|k| k.to_string()) }));
            } else {
                match proposed {
                    Some(wallet) => println!(
                        "pending owner {wallet}: it accepts with `attribution --keypair <ITS KEYPAIR> model accept-transfer {m}`"
                    ),
                    None => println!("transfer cancelled: model {m} stays {}'s", state.owner),
                }
            }
        }
        ModelCommand::AcceptTransfer { model } => {
            let m = key(&model)?;
            let previous = ctx.get::<Model>(&m, "model")?.owner;
            // Every later fee credits the new owner's model-owner earnings: they must exist.
            let mut instructions = vec![ixs::model::model_owner_accept(&m, &me)];
            let init = ctx.earnings_init_if_missing(&me, EarningsRole::ModelOwner)?;
            let what = match init.is_some() {
                true => "model_owner_accept + earnings_init (model owner)",
                false => "model_owner_accept",
            };
            instructions.extend(init);
            ctx.send(what, &instructions)?;
            if ctx.json {
                println!(
                    "{}",
                    json!({ "model": m.to_string(), "owner": me.to_string(), "previous": previous.to_string() })
                );
            } else {
                println!(
                    "model {m} is now {me}'s (was {previous}'s): the owner share of every fee from now on is {me}'s"
                );
            }
        }
    }
    Ok(())
}

fn operator(ctx: &mut Ctx, command: OperatorCommand) -> Result<()> {
    let me = ctx.me();
    match command {
        OperatorCommand::Register { endpoint } => {
            let ixs = [
                ixs::model::operator_register(&me, &endpoint),
                ixs::payout::stake_init(&me),
                ixs::payout::earnings_init(&me, &me, EarningsRole::Operator),
            ];
            ctx.send("operator_register + stake_init + earnings_init", &ixs)?;
        }
        OperatorCommand::Update { endpoint } => {
            // The signer's operator, wherever it sits (one handed to it keeps its first key's PDA).
            let found = operators::find(&ctx.chain, &me)?.address;
            let update = repoint(ixs::model::operator_update(&me, &endpoint), pda::operator(&me), found);
            ctx.send("operator_update", &[update])?;
        }
        OperatorCommand::Deactivate => {
            let found = operators::find(&ctx.chain, &me)?.address;
            let deactivate = repoint(ixs::model::operator_deactivate(&me), pda::operator(&me), found);
            ctx.send("operator_deactivate", &[deactivate])?;
        }
        OperatorCommand::Transfer { new_wallet, cancel, operator } => {
            let named = operator.as_deref().map(key).transpose()?.unwrap_or(me);
            let found = operators::find(&ctx.chain, &named)?;
            let proposed = match (new_wallet, cancel) {
                (Some(wallet), false) => Some(key(&wallet)?),
                (None, true) => {
                    ensure!(
                        found.state.pending_authority.is_some(),
                        "operator {} has no pending transfer to cancel",
                        found.address
                    );
                    None
                }
                _ => bail!("pass the new wallet or --cancel"),
            };
            // The operator and its stake together: one without the other is not payable.
            let mut instructions = vec![ixs::model::operator_authority_propose(&found.address, &me, proposed)];
            if let Some((stake, _)) = &found.stake {
                instructions.push(ixs::payout::stake_authority_propose(stake, &me, proposed));
            }
            let what = match (proposed, found.stake.is_some()) {
                (Some(_), true) => "operator_authority_propose + stake_authority_propose",
                (Some(_), false) => "operator_authority_propose",
                (None, true) => "operator_authority_propose + stake_authority_propose (cancel)",
                (None, false) => "operator_authority_propose (cancel)",
            };
            ctx.send(what, &instructions)?;
            let operator = found.address;
            if ctx.json {
                println!(
                    "{}",
                    json!({ "operator": operator.to_string(), "stake": found.stake.map(|(s, _)| s.to_string()),
                            "pending_authority": proposed.map(|k| k.to_string()) })
                );
            } else {
                match (proposed, &found.stake) {
                    (Some(wallet), stake) => {
                        println!(
                            "pending authority {wallet}: it accepts with `attribution --keypair <ITS KEYPAIR> operator accept-transfer {operator}`"
                        );
                        match stake {
                            Some((stake, s)) => {
                                println!("its stake {stake} ({} OPEN active) goes with it", amount(s.active))
                            }
                            None => println!("it has no stake: not payable until its new authority stakes"),
                        }
                    }
                    (None, _) => println!("transfer cancelled: operator {operator} stays {}'s", found.state.authority),
                }
            }
        }
        OperatorCommand::AcceptTransfer { operator } => {
            let found = operators::find(&ctx.chain, &key(&operator)?)?;
            let previous = found.state.authority;
            let mut instructions = vec![ixs::model::operator_authority_accept(&found.address, &me)];
            let mut what = vec!["operator_authority_accept"];
            if let Some((stake, _)) = &found.stake {
                instructions.push(ixs::payout::stake_authority_accept(stake, &me));
                what.push("stake_authority_accept");
            }
            if let Some(init) = ctx.earnings_init_if_missing(&me, EarningsRole::Operator)? {
                instructions.push(init);
                what.push("earnings_init (operator)");
            }
            ctx.send(&what.join(" + "), &instructions)?;
            let address = found.address;
            if ctx.json {
                println!(
                    "{}",
                    json!({ "operator": address.to_string(), "stake": found.stake.map(|(s, _)| s.to_string()),
                            "authority": me.to_string(), "previous": previous.to_string() })
                );
            } else {
                println!("operator {address} is now {me}'s (was {previous}'s): the operator share of every fee from now on is {me}'s");
                match found.stake {
                    Some((stake, s)) => println!("and so is its stake {stake} ({} OPEN active)", amount(s.active)),
                    None => println!("it has no stake: it is not payable until {me} stakes"),
                }
            }
        }
    }
    Ok(())
}

fn earnings(ctx: &mut Ctx, command: EarningsCommand) -> Result<()> {
    let me = ctx.me();
    match command {
        EarningsCommand::Transfer { role, new_wallet, cancel } => {
            let role = earnings_role(role);
            let address = pda::earnings(&me, role);
            let state: Earnings = ctx
                .get(&address, "earnings account")
                .with_context(|| format!("{me} has no {} earnings account to hand over", role_name(role)))?;
            let proposed = match (new_wallet, cancel) {
                (Some(wallet), false) => Some(key(&wallet)?),
                (None, true) => {
                    ensure!(
                        state.pending_beneficiary.is_some(),
                        "{me}'s {} earnings have no pending transfer to cancel",
                        role_name(role)
                    );
                    None
                }
                _ => bail!("pass the new wallet or --cancel"),
            };
            let what = match proposed {
                Some(_) => "earnings_transfer_propose",
                None => "earnings_transfer_propose (cancel)",
            };
            ctx.send(what, &[ixs::payout::earnings_transfer_propose(&me, role, proposed)])?;
            if ctx.json {
                println!(
                    "{}",
                    json!({ "earnings": address.to_string(), "role": role_name(role), "balance": state.balance,
                            "pending_beneficiary": proposed.map(|k| k.to_string()) })
                );
            } else {
                match proposed {
                    Some(wallet) => println!(
                        "pending beneficiary {wallet} of {} OPEN: it accepts with `attribution --keypair <ITS KEYPAIR> earnings accept-transfer --role {} {me}`",
                        amount(state.balance),
                        role_name(role)
                    ),
                    None => println!("transfer cancelled: {me}'s {} earnings stay its own", role_name(role)),
                }
            }
        }
        EarningsCommand::AcceptTransfer { role, previous } => {
            let role = earnings_role(role);
            let previous = key(&previous)?;
            let mut instructions: Vec<Instruction> = ctx.earnings_init_if_missing(&me, role)?.into_iter().collect();
            let what = match instructions.is_empty() {
                true => "earnings_transfer_accept",
                false => "earnings_init + earnings_transfer_accept",
            };
            instructions.push(ixs::payout::earnings_transfer_accept(&previous, role, &me));
            let sent = ctx.send(what, &instructions)?;
            let moved =
                events::<attribution_payout::events::EarningsTransferred>(&sent.logs).first().map_or(0, |e| e.amount);
            report(ctx.json, "moved", moved);
            if !ctx.json {
                println!(
                    "from {previous}'s {role} earnings into {me}'s ({}); {previous}'s account closed, its rent returned to it",
                    pda::earnings(&me, role),
                    role = role_name(role)
                );
            }
        }
        EarningsCommand::Close { role } => {
            let role = earnings_role(role);
            let address = pda::earnings(&me, role);
            ensure!(ctx.exists(&address)?, "{me} has no {} earnings account to close", role_name(role));
            let sent = ctx.send("earnings_close", &[ixs::payout::earnings_close(&me, role)])?;
            print_closed(ctx.json, &sent, address, me);
        }
    }
    Ok(())
}

/// What `earnings close` / `stake close` returned, from the EmptyAccountClosed event.
fn print_closed(json: bool, sent: &Sent, account: Pubkey, holder: Pubkey) {
    let closed = events::<attribution_payout::events::EmptyAccountClosed>(&sent.logs);
    let rent = closed.first().map_or(0, |e| e.rent_returned);
    if json {
        println!("{}", json!({ "closed": account.to_string(), "rent_returned": rent }));
    } else {
        println!("closed {account}: rent returned to {holder}: {} SOL ({rent} lamports)", sol(rent));
    }
}

/// Lamports as SOL with 9 decimals.
fn sol(lamports: u64) -> String {
    format!("{}.{:09}", lamports / 1_000_000_000, lamports % 1_000_000_000)
}

fn stake(ctx: &mut Ctx, command: StakeCommand) -> Result<()> {
    let me = ctx.me();
    let open = ctx.open_token()?;
    match command {
        // The signer's stake, wherever it sits (one handed to it keeps its first key's PDA).
        StakeCommand::Deposit { amount } => {
            let token = ctx.my_token_account()?;
            let deposit = ixs::payout::stake_deposit(&open, &me, &token, base_units(amount)?);
            ctx.send("stake_deposit", &[repoint(deposit, pda::stake(&me), ctx.my_stake()?)])?;
        }
        StakeCommand::Unstake { amount } => {
            let unstake = ixs::payout::stake_unstake_request(&me, base_units(amount)?);
            ctx.send("stake_unstake_request", &[repoint(unstake, pda::stake(&me), ctx.my_stake()?)])?;
        }
        StakeCommand::Withdraw => {
            let token = ctx.my_token_account()?;
            let withdraw = ixs::payout::stake_withdraw(&open, &me, &token);
            ctx.send("stake_withdraw", &[repoint(withdraw, pda::stake(&me), ctx.my_stake()?)])?;
        }
        StakeCommand::Close => {
            // A stake handed to the signer keeps its first key's PDA.
            let Some((address, _)) = operators::stake_of(&ctx.chain, &me, None)? else {
                bail!("{me} has no stake to close")
            };
            let close = repoint(ixs::payout::stake_close(&me), pda::stake(&me), address);
            let sent = ctx.send("stake_close", &[close])?;
            print_closed(ctx.json, &sent, address, me);
        }
    }
    Ok(())
}

/// The stake of an operator named by the wallet it registered with, its account or its authority.
fn operator_stake(ctx: &Ctx, operator: &Pubkey) -> Pubkey {
    match operators::find(&ctx.chain, operator) {
        Ok(found) => found.stake.map_or(pda::stake(operator), |(address, _)| address),
        Err(_) => pda::stake(operator),
    }
}

/// What a queued action does, in a line.
fn describe(action: &GovernanceAction) -> String {
    match action {
        GovernanceAction::Update { change: args } => {
            let mut parts = Vec::new();
            if let Some(v) = args.treasury {
                parts.push(format!("treasury {v}"));
            }
            if let Some(v) = args.protocol_fee_bps {
                parts.push(format!("protocol fee {v} bps"));
            }
            if let Some(v) = args.min_operator_stake {
                parts.push(format!("min operator stake {}", amount(v)));
            }
            if let Some(v) = args.unstake_cooldown_secs {
                parts.push(format!("unstake cooldown {v} s"));
            }
            if let Some(t) = args.epoch_timing {
                parts.push(format!("challenge window {} s", t.challenge_window_secs));
            }
            if args.challenge.is_some() {
                parts.push("challenge parameters".into());
            }
            if let Some(v) = args.timelock_delay_secs {
                parts.push(format!("timelock delay {v} s"));
            }
            format!("change: {}", parts.join(", "))
        }
        GovernanceAction::SetRole { role, key } => format!("{role:?} role to {key}"),
        GovernanceAction::Slash { stake, amount: a, reason } => {
            format!("slash {} of stake {stake} (reason {reason})", amount(*a))
        }
    }
}

fn config_role(role: GovRole) -> ConfigRole {
    match role {
        GovRole::Admin => ConfigRole::Admin,
        GovRole::Guardian => ConfigRole::Guardian,
        GovRole::Resolver => ConfigRole::Resolver,
    }
}

fn gov(ctx: &mut Ctx, command: GovCommand) -> Result<()> {
    let me = ctx.me();
    let config = ctx.config()?;
    let queue = |ctx: &mut Ctx, action: GovernanceAction| -> Result<()> {
        let id = config.action_count;
        ctx.send("action_queue", &[ixs::payout::action_queue(&me, id, action)])?;
        if !ctx.json {
            println!(
                "queued as action {id}, executable in {} s (`attribution gov execute {id}`)",
                config.timelock_delay_secs
            );
        }
        Ok(())
    };
    match command {
        GovCommand::List => {
            let now = ctx.chain.now()?;
            let mut actions = ctx.list::<Action>(&attribution_payout::ID)?;
            actions.sort_by_key(|(_, a)| a.id);
            let rows = actions
                .into_iter()
                .map(|(_, a)| {
                    let wait = (a.executable_at - now).max(0);
                    vec![
                        a.id.to_string(),
                        describe(&a.action),
                        a.executable_at.to_string(),
                        if wait == 0 { "due".into() } else { wait.to_string() },
                        a.proposer.to_string(),
                    ]
                })
                .collect();
            print_rows(ctx.json, &["id", "action", "executable at", "in (s)", "proposer"], rows);
        }
        GovCommand::Propose {
            protocol_fee_bps,
            min_stake,
            cooldown_secs,
            treasury,
            timelock_delay_secs,
            challenge_window_secs,
        } => {
            let args = ConfigUpdateArgs {
                treasury: treasury.as_deref().map(key).transpose()?,
                protocol_fee_bps,
                min_operator_stake: min_stake.map(base_units).transpose()?,
                unstake_cooldown_secs: cooldown_secs,
                epoch_timing: challenge_window_secs
                    .map(|window| EpochTiming { challenge_window_secs: window, ..config.timing() }),
                challenge: None,
                timelock_delay_secs,
            };
            ensure!(args != ConfigUpdateArgs::default(), "nothing to change: give at least one option");
            queue(ctx, GovernanceAction::Update { change: args })?;
        }
        GovCommand::SetRole { role, key: holder } => {
            queue(ctx, GovernanceAction::SetRole { role: config_role(role), key: key(&holder)? })?;
        }
        GovCommand::Slash { operator, amount, reason } => {
            let stake = operator_stake(ctx, &key(&operator)?);
            queue(ctx, GovernanceAction::Slash { stake, amount: base_units(amount)?, reason })?;
        }
        GovCommand::Execute { id } => {
            let action: Action = ctx.get(&pda::action(id), "queued action")?;
            let ix = match action.action {
                GovernanceAction::Slash { stake, .. } => {
                    let s: Stake = ctx.get(&stake, "stake")?;
                    let open = ctx.open_token()?;
                    let slash = ixs::payout::stake_slash(&open, id, &action.proposer, &config.treasury, &s.authority);
                    repoint(slash, pda::stake(&s.authority), stake)
                }
                _ => ixs::payout::action_execute(id, &action.proposer),
            };
            ctx.send("action_execute", &[ix])?;
        }
        GovCommand::Cancel { id } => {
            let action: Action = ctx.get(&pda::action(id), "queued action")?;
            let stake = match action.action {
                GovernanceAction::Slash { stake, .. } => Some(stake),
                _ => None,
            };
            ctx.send("action_cancel", &[ixs::payout::action_cancel(&me, id, &action.proposer, stake)])?;
        }
        GovCommand::Pause => {
            ctx.send("config_pause", &[ixs::payout::config_pause(&me, true)])?;
        }
        GovCommand::Unpause => {
            ctx.send("config_pause", &[ixs::payout::config_pause(&me, false)])?;
        }
        GovCommand::Accept { role } => {
            ctx.send("role_accept", &[ixs::payout::role_accept(&me, config_role(role))])?;
        }
        GovCommand::HandOverUpgrades { to, immutable } => {
            let to = match (to, immutable) {
                (_, true) => None,
                (Some(to), false) => Some(key(&to)?),
                (None, false) => Some(config.authority),
            };
            let ixs: Vec<Instruction> = PROGRAMS
                .iter()
                .map(|program| bpf_loader_upgradeable::set_upgrade_authority(program, &me, to.as_ref()))
                .collect();
            ctx.send("set_upgrade_authority", &ixs)?;
        }
    }
    Ok(())
}

/// The suite's programs.
const PROGRAMS: [Pubkey; 3] = [datanet_registry::ID, model_registry::ID, attribution_payout::ID];

/// Who can upgrade `program`: its ProgramData's upgrade authority, or "immutable".
fn upgrades(ctx: &Ctx, program: &Pubkey) -> Result<String> {
    let address = bpf_loader_upgradeable::get_program_data_address(program);
    let Some(account) = ctx.chain.account(&address)? else {
        return Ok("- (not an upgradeable program)".into());
    };
    // ProgramData: u32 tag 3, u64 slot, Option<Pubkey> (a tag byte, 32 bytes).
    let data = &account.data;
    ensure!(data.len() >= 45 && data[..4] == 3u32.to_le_bytes(), "{address} is not a ProgramData account");
    Ok(match data[12] {
        1 => Pubkey::new_from_array(data[13..45].try_into().expect("32 bytes")).to_string(),
        _ => "immutable".into(),
    })
}

/// The keys named to take a role, not yet accepted.
fn pending_roles(c: &Config) -> String {
    let named: Vec<String> =
        [("admin", c.pending_authority), ("guardian", c.pending_guardian), ("resolver", c.pending_resolver)]
            .into_iter()
            .filter_map(|(role, key)| key.map(|k| format!("{role}: {k}")))
            .collect();
    if named.is_empty() {
        "-".into()
    } else {
        named.join(", ")
    }
}

fn channel(ctx: &mut Ctx, command: ChannelCommand) -> Result<()> {
    let me = ctx.me();
    let open = ctx.open_token()?;
    match command {
        ChannelCommand::Open { model, operator, deposit, signer, days } => {
            let model_key = key(&model)?;
            let state: Model = ctx.get(&model_key, "model")?;
            let found = operators::find(&ctx.chain, &key(&operator)?)?;
            // The payer's first free channel number.
            let mut id = 0;
            while ctx.chain.account(&pda::channel(&me, id))?.is_some() {
                id += 1;
            }
            let args = ChannelOpenArgs {
                id,
                deposit: base_units(deposit)?,
                max_price_per_call: state.price_per_call,
                expires_at: ctx.chain.now()? + days * 86_400,
                signer: signer.as_deref().map(key).transpose()?.unwrap_or(me),
                nonce: rand32(),
            };
            let token = ctx.my_token_account()?;
            ctx.send(
                "channel_open",
                &[ixs::payout::channel_open(&open, &me, &token, &model_key, &found.address, args)],
            )?;
            let channel = pda::channel(&me, id);
            match ctx.json {
                true => println!("{}", json!({ "channel": channel.to_string(), "id": id })),
                false => println!("channel {channel} (id {id}): vouchers signed by {}", args.signer),
            }
        }
        ChannelCommand::TopUp { channel, amount } => {
            let token = ctx.my_token_account()?;
            let top_up = ixs::payout::channel_top_up(&open, &me, &token, &key(&channel)?, base_units(amount)?);
            ctx.send("channel_top_up", &[top_up])?;
        }
        ChannelCommand::Voucher { channel, calls, sequence, running_hash } => {
            let channel = key(&channel)?;
            let state: Channel = ctx.get(&channel, "channel")?;
            ensure!(state.signer == me, "you ({me}) do not sign this channel's vouchers: {} does", state.signer);
            let amount = calls.checked_mul(state.price_per_call).ok_or_else(|| anyhow!("the amount overflows"))?;
            let running_hash = running_hash.as_deref().map(from_hex).transpose()?.unwrap_or_default();
            let voucher = Voucher { sequence: sequence.unwrap_or(calls), calls, amount, running_hash };
            let signature = ctx.signer.sign_message(&voucher.message(&channel, &state.nonce));
            println!(
                "{}",
                json!({
                    "channel": channel.to_string(),
                    "sequence": voucher.sequence,
                    "calls": voucher.calls,
                    "amount": voucher.amount,
                    "running_hash": hex(&voucher.running_hash),
                    "signer": me.to_string(),
                    "signature": hex(signature.as_ref()),
                })
            );
        }
        ChannelCommand::Settle { voucher } => {
            let text = std::fs::read_to_string(&voucher).with_context(|| format!("reading {}", voucher.display()))?;
            let v: serde_json::Value =
                serde_json::from_str(&text).with_context(|| format!("{} is not a voucher", voucher.display()))?;
            let field = |name: &str| v[name].as_str().ok_or_else(|| anyhow!("the voucher has no \"{name}\""));
            let number = |name: &str| v[name].as_u64().ok_or_else(|| anyhow!("the voucher has no \"{name}\""));
            let channel = key(field("channel")?)?;
            let voucher = Voucher {
                sequence: number("sequence")?,
                calls: number("calls")?,
                amount: number("amount")?,
                running_hash: from_hex(field("running_hash")?)?,
            };
            let (signer, signature): (Pubkey, [u8; 64]) = (key(field("signer")?)?, from_hex(field("signature")?)?);
            let state: Channel = ctx.get(&channel, "channel")?;
            let model: Model = ctx.get(&state.model, "model")?;
            let found = operators::find(&ctx.chain, &state.operator)?;
            let authority = found.state.authority;
            ensure!(authority == me, "the channel's operator is {authority}'s, not yours ({me})");
            let Some((stake, _)) = found.stake else {
                bail!("the operator has no stake of its authority {me}: not payable")
            };
            let config = ctx.config()?;
            let (index, treasury) = (config.epoch_index(ctx.chain.now()?)?, config.treasury);
            let verify = ixs::payout::ed25519_verify(&signer, &signature, &voucher.message(&channel, &state.nonce));
            let settle = ixs::payout::channel_settle(&treasury, &channel, &state.model, &model, &me, index, voucher);
            let settle = repoint(repoint(settle, pda::operator(&me), state.operator), pda::stake(&me), stake);
            let ixs = match model.has_proof_attributed_entry() {
                true => vec![ixs::payout::epoch_open(&me, &state.model, index), verify, settle],
                false => vec![verify, settle],
            };
            let sent = ctx.send("channel_settle", &ixs)?;
            if let Some(paid) = events::<attribution_payout::events::InferencePaid>(&sent.logs).first() {
                print_payment(ctx.json, paid);
            }
        }
        ChannelCommand::Close { channel } => {
            let channel = key(&channel)?;
            let state: Channel = ctx.get(&channel, "channel")?;
            let settling = ctx.chain.now()? <= state.settle_deadline()? && state.remaining()? > 0;
            if state.closing_at.is_none() && settling {
                ctx.send("channel_close_request", &[ixs::payout::channel_close_request(&me, &channel)])?;
                let closing: Channel = ctx.get(&channel, "channel")?;
                let until = closing.closing_at.unwrap_or_default();
                println!("closing: the operator may settle until {until} (unix); then `channel close` again refunds");
            } else {
                let token = ctx.my_token_account()?;
                let sent =
                    ctx.send("channel_close", &[ixs::payout::channel_close(&open, &state.payer, &token, &channel)])?;
                if let Some(closed) = events::<attribution_payout::events::ChannelClosed>(&sent.logs).first() {
                    report(ctx.json, "refunded", closed.refunded);
                }
            }
        }
    }
    Ok(())
}

fn policy(p: &DatanetPolicy) -> String {
    match p {
        DatanetPolicy::Curated => "curated".into(),
        DatanetPolicy::Open { weight } => format!("open (weight {weight})"),
    }
}

fn show(ctx: &mut Ctx, command: ShowCommand) -> Result<()> {
    let (title, fields): (&str, Vec<(&str, String)>) = match command {
        ShowCommand::Config => {
            let c = ctx.config()?;
            (
                "config",
                vec![
                    ("admin", c.authority.to_string()),
                    ("guardian", c.guardian.to_string()),
                    ("resolver", c.resolver.to_string()),
                    ("named to take a role", pending_roles(&c)),
                    ("timelock delay (s)", c.timelock_delay_secs.to_string()),
                    ("actions queued (ever)", c.action_count.to_string()),
                    ("treasury", c.treasury.to_string()),
                    ("OPEN mint", c.mint.to_string()),
                    ("token program", c.token_program.to_string()),
                    ("protocol fee (bps)", c.protocol_fee_bps.to_string()),
                    ("min operator stake", amount(c.min_operator_stake)),
                    ("unstake cooldown (s)", c.unstake_cooldown_secs.to_string()),
                    ("paused", c.paused.to_string()),
                    ("upgrade authority: datanet_registry", upgrades(ctx, &datanet_registry::ID)?),
                    ("upgrade authority: model_registry", upgrades(ctx, &model_registry::ID)?),
                    ("upgrade authority: attribution_payout", upgrades(ctx, &attribution_payout::ID)?),
                ],
            )
        }
        ShowCommand::Datanet { address } => {
            let d: Datanet = ctx.get(&key(&address)?, "datanet")?;
            (
                "datanet",
                vec![
                    ("name", d.name),
                    ("uri", d.uri),
                    ("curator", d.authority.to_string()),
                    ("policy", policy(&d.policy)),
                    ("bond per submission", amount(d.bond.amount)),
                    ("spam window (s)", d.bond.spam_window_secs.to_string()),
                    ("submitted", d.submitted.to_string()),
                    ("accepted", d.accepted.to_string()),
                    ("flagged after acceptance", d.flagged_accepted.to_string()),
                    ("total accepted weight", d.total_accepted_weight.to_string()),
                    ("versions", d.versions.to_string()),
                ],
            )
        }
        ShowCommand::Contribution { address } => {
            let c: Contribution = ctx.get(&key(&address)?, "contribution")?;
            let d: Datanet = ctx.get(&c.datanet, "datanet")?;
            let flaggable_until = match c.status {
                ContributionStatus::Pending => "while pending".into(),
                ContributionStatus::Accepted if c.is_versioned(&d) => "- (in a version)".into(),
                ContributionStatus::Accepted => c.flaggable_until.to_string(),
                ContributionStatus::Rejected | ContributionStatus::Flagged => "-".into(),
            };
            let mut fields = vec![
                ("datanet", c.datanet.to_string()),
                ("contributor", c.contributor.to_string()),
                ("content sha256", c.content_hash.iter().map(|b| format!("{b:02x}")).collect()),
                ("size", c.size.to_string()),
                ("status", format!("{:?}", c.status)),
                ("weight", c.weight.to_string()),
                ("bond held", amount(c.bond)),
                ("flaggable until (unix)", flaggable_until),
                (
                    "acceptance order",
                    match c.status {
                        ContributionStatus::Accepted => c.accepted_seq.to_string(),
                        _ => "-".into(),
                    },
                ),
                ("uri", c.uri),
            ];
            // Proposed by the contributor, until the new wallet accepts (or the proposal is cancelled).
            if let Some(pending) = c.pending_contributor {
                fields.insert(2, ("pending contributor", pending.to_string()));
            }
            ("contribution", fields)
        }
        ShowCommand::Model { address } => {
            let m: Model = ctx.get(&key(&address)?, "model")?;
            let pending_owner = m.pending_owner;
            let mut lineage = Vec::new();
            for e in &m.lineage {
                let version = match e.datanet_version {
                    Some(v) => format!(" v{}", ctx.version_number(&v)?),
                    None => String::new(),
                };
                let attributed = if e.proof_attributed { " (proof-attributed)" } else { "" };
                lineage.push(format!("{:?} {}{version} {}bps{attributed}", e.source, e.target, e.share_bps));
            }
            let mut fields = vec![
                ("name", m.name),
                ("owner", m.owner.to_string()),
                ("kind", format!("{:?}", m.kind)),
                ("state", format!("{:?}", m.state)),
                ("price per call", amount(m.price_per_call)),
                ("owner share (bps)", m.owner_share_bps.to_string()),
                ("operator share (bps)", m.operator_share_bps.to_string()),
                ("lineage", lineage.join("; ")),
            ];
            // Proposed by the owner, until the new wallet accepts (or the proposal is cancelled).
            if let Some(pending) = pending_owner {
                fields.insert(2, ("pending owner", pending.to_string()));
            }
            ("model", fields)
        }
        ShowCommand::Pool { datanet } => {
            let (datanet, number) = datanet_ref(&datanet)?;
            let (number, version, _) = resolve_version(&ctx.chain, &datanet, number)?;
            let address = pda::pool(&version);
            let p: Pool = ctx.get(&address, "pool").with_context(|| {
                format!("version {number} has no pool yet: `attribution enroll` or `model lineage` creates it")
            })?;
            (
                "pool",
                vec![
                    ("address", address.to_string()),
                    ("datanet", p.datanet.to_string()),
                    ("version", format!("{number} ({version})")),
                    ("contributions", p.accepted_end.to_string()),
                    ("total weight", p.total_weight.to_string()),
                    ("positions", p.positions.to_string()),
                    ("enrolled weight", p.enrolled_weight.to_string()),
                    ("credited", amount(p.total_credited)),
                    ("claimed", amount(p.total_claimed)),
                ],
            )
        }
        ShowCommand::Earnings { wallet } => {
            let wallet = wallet.as_deref().map(key).transpose()?.unwrap_or(ctx.me());
            let mut fields = Vec::new();
            for (name, role) in [
                ("treasury", EarningsRole::Treasury),
                ("model owner", EarningsRole::ModelOwner),
                ("operator", EarningsRole::Operator),
            ] {
                if let Some(account) = ctx.chain.account(&pda::earnings(&wallet, role))? {
                    let e = Earnings::try_deserialize(&mut account.data.as_slice())?;
                    let pending = e.pending_beneficiary.map_or(String::new(), |k| format!(" / proposed to {k}"));
                    fields.push((
                        name,
                        format!(
                            "claimable {} / earned {} / claimed {}{pending}",
                            amount(e.balance),
                            amount(e.total_earned),
                            amount(e.total_claimed)
                        ),
                    ));
                }
            }
            ("earnings", fields)
        }
        ShowCommand::Balance { wallet } => {
            let wallet = wallet.as_deref().map(key).transpose()?.unwrap_or(ctx.me());
            let (account, _) = ctx.open_account(&wallet)?;
            let balance = ctx.open_balance(&account)?;
            (
                "OPEN balance",
                vec![
                    ("wallet", wallet.to_string()),
                    ("OPEN account", account.to_string()),
                    ("balance", amount(balance)),
                ],
            )
        }
        ShowCommand::Position { contribution, version } => {
            let c = key(&contribution)?;
            let state: Contribution = ctx.get(&c, "contribution")?;
            let numbers: Vec<u32> = match version {
                Some(n) => vec![resolve_version(&ctx.chain, &state.datanet, Some(n))?.0],
                None => (1..=resolve_version(&ctx.chain, &state.datanet, None)?.0).rev().collect(),
            };
            let found = numbers
                .iter()
                .map(|n| (*n, pda::pool(&pda::datanet_version(&state.datanet, *n))))
                .map(|(n, pool)| (n, pool, pda::position(&pool, &c)))
                .find(|(_, _, position)| ctx.exists(position).unwrap_or(false));
            let (number, pool_key, address) =
                found.ok_or_else(|| anyhow!("contribution {c} has no position there: `attribution enroll {c}`"))?;
            let position: Position = ctx.get(&address, "position")?;
            let pool: Pool = ctx.get(&pool_key, "pool")?;
            let (claimable, _) = position.pending(pool.reward_per_weight).map_err(|e| anyhow!("{e}"))?;
            (
                "position",
                vec![
                    ("address", address.to_string()),
                    ("version", number.to_string()),
                    ("pool", pool_key.to_string()),
                    ("beneficiary", position.beneficiary.to_string()),
                    ("weight", position.weight.to_string()),
                    ("claimable", amount(claimable)),
                    ("claimed", amount(position.total_claimed)),
                ],
            )
        }
    };
    print_fields(ctx.json, title, fields);
    Ok(())
}

/// One account's fields: a two-column table, or a JSON object.
fn print_fields(json: bool, title: &str, fields: Vec<(&str, String)>) {
    if json {
        let map: serde_json::Map<String, serde_json::Value> =
            fields.into_iter().map(|(k, v)| (k.to_string(), v.into())).collect();
        println!("{}", serde_json::Value::Object(map));
    } else {
        println!("{title}");
        let mut t = Table::new(&["field", "value"]);
        for (k, v) in fields {
            t.row(vec![k.to_string(), v]);
        }
        t.print();
    }
}

fn list(ctx: &mut Ctx, command: ListCommand) -> Result<()> {
    let (header, rows): (Vec<&str>, Vec<Vec<String>>) = match command {
        ListCommand::Datanets => (
            vec!["address", "name", "policy", "bond", "accepted", "weight"],
            ctx.list::<Datanet>(&datanet_registry::ID)?
                .into_iter()
                .map(|(k, d)| {
                    vec![
                        k.to_string(),
                        d.name.clone(),
                        policy(&d.policy),
                        amount(d.bond.amount),
                        d.accepted.to_string(),
                        d.total_accepted_weight.to_string(),
                    ]
                })
                .collect(),
        ),
        ListCommand::Contributions { datanet } => {
            let datanet = key(&datanet)?;
            (
                vec!["address", "contributor", "status", "weight", "size"],
                ctx.list::<Contribution>(&datanet_registry::ID)?
                    .into_iter()
                    .filter(|(_, c)| c.datanet == datanet)
                    .map(|(k, c)| {
                        vec![
                            k.to_string(),
                            c.contributor.to_string(),
                            format!("{:?}", c.status),
                            c.weight.to_string(),
                            c.size.to_string(),
                        ]
                    })
                    .collect(),
            )
        }
        ListCommand::Models => (
            vec!["address", "name", "kind", "state", "price"],
            ctx.list::<Model>(&model_registry::ID)?
                .into_iter()
                .map(|(k, m)| {
                    vec![
                        k.to_string(),
                        m.name.clone(),
                        format!("{:?}", m.kind),
                        format!("{:?}", m.state),
                        amount(m.price_per_call),
                    ]
                })
                .collect(),
        ),
        ListCommand::Positions { wallet } => {
            let wallet = wallet.as_deref().map(key).transpose()?.unwrap_or(ctx.me());
            let accounts = ctx.chain.program_accounts(
                &attribution_payout::ID,
                Position::DISCRIMINATOR,
                &[(claims::BENEFICIARY_OFFSET, wallet.as_ref())],
            )?;
            let held = claims::held(accounts, |pool| ctx.get(pool, "pool"))?;
            let numbers = ctx.version_numbers(held.iter().map(|h| h.version))?;
            let mut rows = Vec::new();
            for h in held {
                rows.push(vec![
                    h.position.to_string(),
                    h.contribution.to_string(),
                    h.datanet.to_string(),
                    numbers[&h.version].to_string(),
                    h.weight.to_string(),
                    amount(h.claimable),
                    amount(h.claimed),
                ]);
            }
            (vec!["position", "contribution", "datanet", "version", "weight", "claimable", "claimed"], rows)
        }
        ListCommand::Versions { datanet } => {
            let datanet = key(&datanet)?;
            let state: Datanet = ctx.get(&datanet, "datanet")?;
            let mut rows = Vec::new();
            for number in 1..=state.versions {
                let address = pda::datanet_version(&datanet, number);
                let v: DatanetVersion = ctx.get(&address, "datanet version")?;
                let pool = ctx.chain.account(&pda::pool(&address))?;
                let credited = match pool {
                    Some(a) => amount(Pool::try_deserialize(&mut a.data.as_slice())?.total_credited),
                    None => "no pool".into(),
                };
                rows.push(vec![
                    v.number.to_string(),
                    address.to_string(),
                    v.contribution_count.to_string(),
                    v.total_weight.to_string(),
                    credited,
                    v.uri.clone(),
                ]);
            }
            (vec!["version", "address", "contributions", "total weight", "pool credited", "uri"], rows)
        }
        ListCommand::Operators => {
            let stakes: Vec<(Pubkey, Stake)> = ctx.list(&attribution_payout::ID)?;
            (
                vec!["address", "authority", "status", "endpoint", "active stake"],
                ctx.list::<Operator>(&model_registry::ID)?
                    .into_iter()
                    .map(|(k, o)| {
                        let staked =
                            stakes.iter().find(|(_, s)| s.authority == o.authority).map_or(0, |(_, s)| s.active);
                        vec![
                            k.to_string(),
                            o.authority.to_string(),
                            format!("{:?}", o.status),
                            o.endpoint.clone(),
                            amount(staked),
                        ]
                    })
                    .collect(),
            )
        }
    };
    print_rows(ctx.json, &header, rows);
    Ok(())
}

/// Accounts of a kind: a table, or a JSON array of objects.
fn print_rows(json: bool, header: &[&str], rows: Vec<Vec<String>>) {
    if json {
        let items: Vec<serde_json::Value> = rows
            .iter()
            .map(|r| header.iter().zip(r).map(|(h, v)| (h.to_string(), serde_json::Value::from(v.clone()))).collect())
            .collect();
        println!("{}", serde_json::Value::Array(items));
    } else {
        let mut t = Table::new(header);
        for r in rows {
            t.row(r);
        }
        t.print();
    }
}

fn read_allocation(path: &std::path::Path) -> Result<poa_engine::EpochAllocation> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&text)
        .with_context(|| format!("{} is not an epoch allocation (`attribution poa epoch`)", path.display()))
}

/// Ends `model`'s epoch `index`'s challenge with `outcome`, paying the challenger into its own
/// OPEN account (created if missing).
fn end_challenge(ctx: &mut Ctx, model: &Pubkey, index: u64, outcome: ChallengeOutcome) -> Result<()> {
    let epoch = pda::epoch(model, index);
    let e: Epoch = ctx.get(&epoch, "epoch")?;
    let attestation: Attestation = ctx.get(&pda::attestation(&epoch), "attestation")?;
    let (open, (token, create)) = (ctx.open_token()?, ctx.open_account(&attestation.challenger)?);
    let ix = ixs::payout::epoch_challenge_end(&open, &ctx.me(), (model, index), &e.datanet_version, &token, outcome);
    let sent =
        ctx.send(&format!("epoch_challenge_end ({outcome:?})"), &create.into_iter().chain([ix]).collect::<Vec<_>>())?;
    if let Some(ended) = events::<attribution_payout::events::EpochChallengeEnded>(&sent.logs).first() {
        println!(
            "to the challenger {} OPEN; of the attestor's bond to the pool {} OPEN; epoch fees to the pool {} OPEN",
            amount(ended.to_challenger),
            amount(ended.slashed_to_pool),
            amount(ended.returned)
        );
    }
    Ok(())
}

fn epoch(ctx: &mut Ctx, command: EpochCommand) -> Result<()> {
    let me = ctx.me();
    match command {
        EpochCommand::Open { model } => {
            let model = key(&model)?;
            let index = ctx.config()?.epoch_index(ctx.chain.now()?)?;
            ctx.send("epoch_open", &[ixs::payout::epoch_open(&me, &model, index)])?;
            println!("epoch {index}: {}", pda::epoch(&model, index));
        }
        EpochCommand::Show { model, index } => {
            let model = key(&model)?;
            let index = match index {
                Some(i) => i,
                None => ctx.config()?.epoch_index(ctx.chain.now()?)?,
            };
            let e: Epoch = ctx.get(&pda::epoch(&model, index), "epoch")?;
            let fields = [
                ("index", e.index.to_string()),
                ("datanet version", e.datanet_version.to_string()),
                ("status", format!("{:?}", e.status)),
                ("ends at (unix)", e.ends_at.to_string()),
                ("accrued", amount(e.accrued)),
                ("payments", e.record_count.to_string()),
                ("records hash", hex(&e.records_hash)),
                ("root", hex(&e.root)),
                ("attestation (sha256)", hex(&e.inputs_hash)),
                ("accepted_end of the cited version", e.accepted_end.to_string()),
                ("allocated", amount(e.total)),
                ("claimed", amount(e.claimed)),
                ("returned to the version's pool", amount(e.returned)),
                ("claims open at (unix)", e.claims_open_at.to_string()),
                ("expires at (unix)", e.expires_at.to_string()),
            ];
            print_fields(ctx.json, "epoch", fields.to_vec());
        }
        EpochCommand::Post { model, allocation, attestation, uri } => {
            let model = key(&model)?;
            let a = read_allocation(&allocation)?;
            let e: Epoch = ctx.get(&pda::epoch(&model, a.epoch), "epoch")?;
            let file = if attestation.is_dir() { attestation.join(attest::FILE) } else { attestation };
            let inputs_uri = match uri {
                Some(uri) => uri,
                None => {
                    let folder = std::fs::canonicalize(&file)?.parent().map(Path::to_path_buf).unwrap_or_default();
                    format!("file://{}", folder.display())
                }
            };
            let args = AttributionRootPostArgs {
                root: a.root.0,
                total: a.attributed,
                leaf_count: a.claims.len() as u64,
                records_hash: a.records_hash.0,
                inputs_hash: attest::sha256_file(&file)?,
                inputs_uri,
            };
            // The bond comes from the attestor's own OPEN account.
            let (open, token) = (ctx.open_token()?, ctx.my_token_account()?);
            let post = ixs::payout::attribution_root_post(
                &open,
                (&me, &token),
                &model,
                a.epoch,
                (&e.datanet, &e.datanet_version),
                args,
            );
            let sent = ctx.send("attribution_root_post", &[post])?;
            if let Some(posted) = events::<attribution_payout::events::AttributionRootPosted>(&sent.logs).first() {
                println!(
                    "bonded {} OPEN until claims open (unix {})",
                    amount(posted.attestor_bond),
                    posted.claims_open_at
                );
            }
        }
        EpochCommand::Claim { model, allocation, contribution } => {
            let model = key(&model)?;
            let a = read_allocation(&allocation)?;
            let only = contribution.as_deref().map(key).transpose()?;
            let open = ctx.open_token()?;
            let mut paid = 0;
            for claim in a.claims.iter().filter(|c| only.is_none_or(|k| k.to_bytes() == c.contribution.0)) {
                let contribution = Pubkey::new_from_array(claim.contribution.0);
                // Paid to whoever holds the contribution now (a handover moves what it earns).
                let contributor = ctx.get::<Contribution>(&contribution, "contribution")?.contributor;
                let (destination, create) = ctx.open_account(&contributor)?;
                let args =
                    AttributionClaimArgs { amount: claim.amount, proof: claim.proof.iter().map(|h| h.0).collect() };
                let ix = ixs::payout::attribution_claim(&open, &me, &model, a.epoch, &contribution, &destination, args);
                let instructions: Vec<_> = create.into_iter().chain([ix]).collect();
                let what = format!("attribution_claim {contribution} to {contributor}: {} OPEN", amount(claim.amount));
                ctx.send(&what, &instructions)?;
                paid += 1;
            }
            ensure!(paid > 0, "no claim of that contribution in the allocation");
        }
        EpochCommand::Challenge { model, index, disputed } => {
            let model = key(&model)?;
            let disputed = match disputed.parse::<Pubkey>() {
                Ok(contribution) => contribution.to_bytes(),
                Err(_) => from_hex(&disputed)?,
            };
            let (open, token) = (ctx.open_token()?, ctx.my_token_account()?);
            let ix = ixs::payout::epoch_challenge(&open, (&me, &token), &model, index, disputed);
            ctx.send(
                &format!("epoch_challenge: {} OPEN bonded", amount(ctx.config()?.challenge.challenge_bond)),
                &[ix],
            )?;
        }
        EpochCommand::Resolve { model, index, uphold } => {
            let outcome = if uphold { ChallengeOutcome::Upheld } else { ChallengeOutcome::Dismissed };
            end_challenge(ctx, &key(&model)?, index, outcome)?;
        }
        EpochCommand::EndChallenge { model, index } => {
            end_challenge(ctx, &key(&model)?, index, ChallengeOutcome::Expired)?
        }
        EpochCommand::Veto { model, index, reason } => {
            let model = key(&model)?;
            let e: Epoch = ctx.get(&pda::epoch(&model, index), "epoch")?;
            let me = ctx.me();
            ctx.send(
                "attribution_root_veto",
                &[ixs::payout::attribution_root_veto(&me, &model, index, &e.datanet_version, reason)],
            )?;
        }
        EpochCommand::Release { model, index } => {
            let model = key(&model)?;
            let e: Epoch = ctx.get(&pda::epoch(&model, index), "epoch")?;
            ctx.send("attribution_release", &[ixs::payout::attribution_release(&model, index, &e.datanet_version)])?;
        }
        EpochCommand::Close { model, index, allocation } => {
            let model = key(&model)?;
            let epoch_key = pda::epoch(&model, index);
            let e: Epoch = ctx.get(&epoch_key, "epoch")?;
            let attestation_key = pda::attestation(&epoch_key);
            if ctx.exists(&attestation_key)? {
                let attestation: Attestation = ctx.get(&attestation_key, "attestation")?;
                let (open, (token, create)) = (ctx.open_token()?, ctx.open_account(&attestation.attestor)?);
                let close = ixs::payout::attestation_close(&open, (&model, index), &attestation.attestor, &token);
                let what = format!("attestation_close: {} OPEN of bond back to the attestor", amount(attestation.bond));
                ctx.send(&what, &create.into_iter().chain([close]).collect::<Vec<_>>())?;
            }
            ctx.send("epoch_close", &[ixs::payout::epoch_close(&model, index, &e.datanet_version, &e.rent_payer)])?;
            if let Some(path) = allocation {
                for claim in read_allocation(&path)?.claims {
                    let contribution = Pubkey::new_from_array(claim.contribution.0);
                    let Some(account) = ctx.chain.account(&pda::receipt(&epoch_key, &contribution))? else { continue };
                    let receipt = Receipt::try_deserialize(&mut account.data.as_slice())?;
                    ctx.send(
                        "receipt_close",
                        &[ixs::payout::receipt_close(&epoch_key, &contribution, &receipt.rent_payer)],
                    )?;
                }
            }
        }
    }
    Ok(())
}
