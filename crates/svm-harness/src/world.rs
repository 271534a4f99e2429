//! A deployed suite in LiteSVM and the steps of its flow, each a signed transaction against the
//! `.so` programs. Tests, the bench and the CLI's demo build their scenarios from these; a step
//! that fails panics with the program's logs, since setup is meant to succeed (tests of failures
//! send their instructions through `ixs` directly).
use crate::ixs::{self, payout::Open};
use crate::token::TokenProgram;
use crate::{pda, Executed, Failed, Keypair, Signer, Svm};
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use attribution_payout::instructions::{ChannelOpenArgs, ConfigInitArgs, InferencePayArgs};
use attribution_payout::state::{
    Channel, Config, ConfigUpdateArgs, EarningsRole, EpochTiming, GovernanceAction, Voucher,
};
use datanet_registry::instructions::{
    ContributionSubmitArgs, DatanetCreateArgs, DatanetVersionPublishArgs, ReviewDecision,
};
use datanet_registry::state::{BondPolicy, Datanet, DatanetPolicy};
use model_registry::instructions::{ModelCreateArgs, ModelLineageSetArgs};
use model_registry::state::{LineageEntry, LineageSource, Model, ModelKind};
use sha2::{Digest, Sha256};

/// OPEN's decimals when the suite creates its own mint.
pub const OPEN_DECIMALS: u8 = 9;
/// One OPEN in base units.
pub const OPEN: u64 = 1_000_000_000;

/// Proof of Attribution timing of the test deployments: day-long epochs, a day to post the root,
/// an hour of challenge window, 30 days to claim.
pub const EPOCH_TIMING: EpochTiming = EpochTiming {
    epoch_length_secs: 24 * 3600,
    root_deadline_secs: 24 * 3600,
    challenge_window_secs: 24 * 3600,
    claim_window_secs: 30 * 24 * 3600,
};

/// Where the tests' attestors say their attestation is published (`AttributionRootPostArgs`).
pub const INPUTS_URI: &str = "https://attestor.example/epochs/inputs.json";

/// What a payment commits about one request: the caller's request id and the hash of the output
/// served (`poa_merkle::output_hash`).
#[derive(Clone, Copy, Debug)]
pub struct Request {
    pub id: [u8; 32],
    pub output_hash: [u8; 32],
}

impl Request {
    /// Request `n` of a test: id `[n; 32]`, output "output n".
    pub fn numbered(n: u64) -> Request {
        Request { id: [n as u8; 32], output_hash: poa_merkle::output_hash(format!("output {n}").as_bytes()) }
    }

    /// The epoch's records hash after `previous` with this request paying `amount` to the epoch.
    pub fn chain(&self, previous: &[u8; 32], amount: u64) -> [u8; 32] {
        poa_merkle::records_hash_next(previous, &self.id, &self.output_hash, amount)
    }
}

pub struct World {
    pub svm: Svm,
    pub open: Open,
    /// Mint authority of the test OPEN mint.
    pub mint_authority: Keypair,
    /// The config's admin, and (as `config_init` leaves them) its guardian and resolver.
    pub governance: Keypair,
    pub treasury: Keypair,
}

/// A model's shares: lineage entries plus the owner's and the operator's, in bps.
pub struct Shares {
    pub entries: Vec<LineageEntry>,
    pub owner_bps: u16,
    pub operator_bps: u16,
}

/// A lineage entry citing `version` of `datanet`.
pub fn datanet_entry(datanet: Pubkey, version: Pubkey, share_bps: u16) -> LineageEntry {
    LineageEntry {
        source: LineageSource::Datanet,
        target: datanet,
        datanet_version: Some(version),
        share_bps,
        proof_attributed: false,
    }
}

pub fn model_entry(model: Pubkey, share_bps: u16) -> LineageEntry {
    LineageEntry {
        source: LineageSource::Model,
        target: model,
        datanet_version: None,
        share_bps,
        proof_attributed: false,
    }
}

pub fn content_hash(content: &[u8]) -> [u8; 32] {
    Sha256::digest(content).into()
}

impl World {
    /// Programs loaded, OPEN minted (`program` decides Token or Token-2022), config initialised by
    /// the upgrade authority, and the treasury's earnings account created.
    pub fn new(program: TokenProgram) -> Self {
        let mut world = Self::with_svm(Svm::new(), program);
        world.init_bond_vault();
        world
    }

    /// `new`, on a given `Svm` (e.g. one with a feature turned off).
    pub fn with_svm(mut svm: Svm, program: TokenProgram) -> Self {
        let mint_authority = svm.wallet();
        let governance = svm.wallet();
        let treasury = svm.wallet();
        let mint = svm.create_mint(&mint_authority, OPEN_DECIMALS, program);
        let deployer = svm.upgrade_authority.insecure_clone();
        let args = ConfigInitArgs {
            authority: governance.pubkey(),
            treasury: treasury.pubkey(),
            protocol_fee_bps: 250,
            min_operator_stake: 1_000 * OPEN,
            unstake_cooldown_secs: 7 * 24 * 3600,
            epoch_timing: EPOCH_TIMING,
        };
        let mut world =
            World { svm, open: Open { mint, token_program: program.id() }, mint_authority, governance, treasury };
        world.step(&deployer, ixs::payout::config_init(&deployer.pubkey(), &mint, &program.id(), args), &[]);
        let treasury = world.treasury.pubkey();
        world.step(&deployer, ixs::payout::earnings_init(&deployer.pubkey(), &treasury, EarningsRole::Treasury), &[]);
        world
    }

    /// The admin queues `action`; returns its id.
    pub fn queue(&mut self, action: GovernanceAction) -> Result<u64, Failed> {
        let id = self.svm.get::<Config>(&pda::config()).action_count;
        let admin = self.governance.insecure_clone();
        self.svm.run(&admin, ixs::payout::action_queue(&admin.pubkey(), id, action), &[])?;
        Ok(id)
    }

    /// Moves the clock past the timelock's delay.
    pub fn wait_timelock(&mut self) {
        let delay = self.svm.get::<Config>(&pda::config()).timelock_delay_secs;
        self.svm.advance_time(delay);
    }

    /// A parameter change through the timelock: queued, the delay waited, executed.
    #[track_caller]
    pub fn govern(&mut self, args: ConfigUpdateArgs) {
        let id = self.queue(GovernanceAction::Update { change: args }).expect("queue the change");
        self.wait_timelock();
        let admin = self.governance.insecure_clone();
        self.step(&admin, ixs::payout::action_execute(id, &admin.pubkey()), &[]);
    }

    /// A slash of `operator`'s stake through the timelock: queued, the delay waited, executed.
    pub fn slash(&mut self, operator: &Pubkey, amount: u64, reason: u16) -> Result<Executed, Failed> {
        let id = self.queue(GovernanceAction::Slash { stake: pda::stake(operator), amount, reason })?;
        self.wait_timelock();
        let (open, admin, treasury) = (self.open, self.governance.insecure_clone(), self.treasury.pubkey());
        self.svm.run(&admin, ixs::payout::stake_slash(&open, id, &admin.pubkey(), &treasury, operator), &[])
    }

    /// Creates datanet_registry's bond vault (`World::new` does; `with_svm` leaves it to the caller).
    pub fn init_bond_vault(&mut self) -> Executed {
        let payer = self.mint_authority.insecure_clone();
        let (mint, token_program) = (self.open.mint, self.open.token_program);
        self.step(&payer, ixs::datanet::bond_vault_init(&payer.pubkey(), &mint, &token_program), &[])
    }

    /// Runs one instruction that must succeed.
    #[track_caller]
    pub fn step(&mut self, payer: &Keypair, ix: Instruction, signers: &[&Keypair]) -> Executed {
        self.svm.run(payer, ix, signers).unwrap_or_else(|f| panic!("step failed: {:?}\n{:#?}", f.error, f.logs))
    }

    pub fn wallet(&mut self) -> Keypair {
        self.svm.wallet()
    }

    /// The bond accounts of `token_account` (an OPEN token account).
    pub fn bond_ix(&self, token_account: &Pubkey) -> ixs::datanet::BondIx {
        ixs::datanet::BondIx {
            token_account: *token_account,
            mint: self.open.mint,
            token_program: self.open.token_program,
        }
    }

    /// A token account of `owner` holding `amount` OPEN base units.
    pub fn fund(&mut self, owner: &Pubkey, amount: u64) -> Pubkey {
        let payer = self.mint_authority.insecure_clone();
        let account = self.svm.create_token_account(&payer, &self.open.mint, owner);
        if amount > 0 {
            let mint = self.open.mint;
            self.svm.mint_to(&payer, &mint, &account, amount).expect("mint_to");
        }
        account
    }

    /// `owner`'s associated OPEN account (created on first use), topped up to at least `amount`.
    pub fn open_ata(&mut self, owner: &Pubkey, amount: u64) -> Pubkey {
        use anchor_spl::associated_token::{
            get_associated_token_address_with_program_id, spl_associated_token_account,
        };
        let Open { mint, token_program } = self.open;
        let ata = get_associated_token_address_with_program_id(owner, &mint, &token_program);
        let payer = self.mint_authority.insecure_clone();
        if self.svm.account(&ata).is_none() {
            let create = spl_associated_token_account::instruction::create_associated_token_account_idempotent(
                &payer.pubkey(),
                owner,
                &mint,
                &token_program,
            );
            self.step(&payer, create, &[]);
        }
        let balance = self.svm.token_balance(&ata);
        if balance < amount {
            self.svm.mint_to(&payer, &mint, &ata, amount - balance).expect("mint_to");
        }
        ata
    }

    pub fn datanet(&mut self, curator: &Keypair, id: u64, policy: DatanetPolicy) -> Pubkey {
        self.datanet_with_bond(curator, id, policy, BondPolicy::default())
    }

    pub fn datanet_with_bond(&mut self, curator: &Keypair, id: u64, policy: DatanetPolicy, bond: BondPolicy) -> Pubkey {
        let name = format!("datanet-{id}");
        let args = DatanetCreateArgs { id, name, uri: format!("ipfs://datanet-{id}"), policy, bond };
        self.step(curator, ixs::datanet::create(&curator.pubkey(), args), &[]);
        pda::datanet(&curator.pubkey(), id)
    }

    /// Publishes the datanet's next version (every contribution accepted so far) and creates its
    /// reward pool; returns the version's address.
    pub fn publish_version(&mut self, curator: &Keypair, datanet: &Pubkey) -> Pubkey {
        let number = self.svm.get::<Datanet>(datanet).versions + 1;
        let args = DatanetVersionPublishArgs {
            number,
            contributions_root: [number as u8; 32],
            uri: format!("ipfs://version-{number}"),
        };
        self.step(curator, ixs::datanet::version_publish(datanet, &curator.pubkey(), args), &[]);
        let version = pda::datanet_version(datanet, number);
        self.step(curator, ixs::payout::pool_init(&curator.pubkey(), &version), &[]);
        version
    }

    /// Submits `content` (by its SHA-256); returns the contribution's address.
    pub fn contribute(&mut self, datanet: &Pubkey, contributor: &Keypair, content: &[u8]) -> Pubkey {
        let args = ContributionSubmitArgs {
            content_hash: content_hash(content),
            uri: format!("ipfs://{}", hex(&content_hash(content)[..8])),
            size: content.len() as u64,
        };
        let hash = args.content_hash;
        self.step(contributor, ixs::datanet::contribution_submit(datanet, &contributor.pubkey(), args), &[]);
        pda::contribution(datanet, &hash)
    }

    pub fn accept(&mut self, datanet: &Pubkey, curator: &Keypair, contribution: &Pubkey, weight: u64) {
        let decision = ReviewDecision::Accept { weight };
        self.step(curator, ixs::datanet::contribution_review(datanet, contribution, &curator.pubkey(), decision), &[]);
    }

    /// The curator of `datanet` allows `attestor` to post roots for its share.
    pub fn approve_attestor(&mut self, curator: &Keypair, datanet: &Pubkey, attestor: &Pubkey) {
        self.step(curator, ixs::datanet::attestor_approve(datanet, &curator.pubkey(), attestor), &[]);
    }

    /// Opens a contribution's position in a version's pool (anyone may pay for it).
    pub fn enroll(&mut self, payer: &Keypair, version: &Pubkey, contribution: &Pubkey) -> Executed {
        self.step(payer, ixs::payout::position_enroll(&payer.pubkey(), version, contribution), &[])
    }

    /// Creates, sets the lineage of, and publishes a model; creates its escrow and its owner's
    /// earnings account (if missing). Returns the model's address.
    pub fn model(
        &mut self,
        owner: &Keypair,
        id: u64,
        kind: ModelKind,
        base: Option<Pubkey>,
        price: u64,
        shares: Shares,
    ) -> Pubkey {
        self.model_attested(owner, id, kind, base, price, shares, None)
    }

    /// `model`, published with an attestor (required by a proof-attributed lineage entry).
    #[allow(clippy::too_many_arguments)]
    pub fn model_attested(
        &mut self,
        owner: &Keypair,
        id: u64,
        kind: ModelKind,
        base: Option<Pubkey>,
        price: u64,
        shares: Shares,
        attestor: Option<Pubkey>,
    ) -> Pubkey {
        let args = ModelCreateArgs {
            id,
            kind,
            name: format!("model-{id}"),
            uri: format!("ipfs://model-{id}"),
            artifact_hash: content_hash(format!("weights-{id}").as_bytes()),
            price_per_call: price,
        };
        self.step(owner, ixs::model::create(&owner.pubkey(), base, args), &[]);
        let model = pda::model(&owner.pubkey(), id);
        let args = ModelLineageSetArgs {
            entries: shares.entries,
            owner_share_bps: shares.owner_bps,
            operator_share_bps: shares.operator_bps,
        };
        self.step(owner, ixs::model::lineage_set(&model, &owner.pubkey(), args), &[]);
        self.step(owner, ixs::model::publish(&model, &owner.pubkey(), attestor), &[]);
        self.step(owner, ixs::payout::escrow_init(&owner.pubkey(), &model), &[]);
        self.ensure_earnings(owner, EarningsRole::ModelOwner);
        model
    }

    pub fn ensure_earnings(&mut self, beneficiary: &Keypair, role: EarningsRole) {
        // Not yet created (an address someone sent lamports to is not created).
        let key = pda::earnings(&beneficiary.pubkey(), role);
        if self.svm.account(&key).is_none_or(|a| a.owner != attribution_payout::ID) {
            self.step(beneficiary, ixs::payout::earnings_init(&beneficiary.pubkey(), &beneficiary.pubkey(), role), &[]);
        }
    }

    /// Registers `authority` as an operator, stakes `stake` OPEN base units and creates its
    /// earnings account.
    pub fn operator(&mut self, authority: &Keypair, stake: u64) {
        let key = authority.pubkey();
        self.step(authority, ixs::model::operator_register(&key, "https://inference.example/v1"), &[]);
        self.step(authority, ixs::payout::stake_init(&key), &[]);
        let source = self.fund(&key, stake);
        let open = self.open;
        self.step(authority, ixs::payout::stake_deposit(&open, &key, &source, stake), &[]);
        self.ensure_earnings(authority, EarningsRole::Operator);
    }

    /// The index of the Proof of Attribution epoch the clock is in.
    pub fn epoch_index(&self) -> u64 {
        let config: Config = self.svm.get(&pda::config());
        config.epoch_index(self.svm.clock().unix_timestamp).expect("a time after 1970")
    }

    /// `inference_pay` for `calls` calls of `model`, served by `operator` (whose authority signs
    /// it too), from `payer_token`, accepting the exact fee, preceded by `epoch_open` when the
    /// model has a proof-attributed entry (as a client does).
    pub fn pay_instructions(
        &self,
        payer: &Pubkey,
        payer_token: &Pubkey,
        model: &Pubkey,
        operator: &Pubkey,
        calls: u64,
        request: Request,
    ) -> Vec<Instruction> {
        let state: Model = self.svm.get(model);
        let index = self.epoch_index();
        let args = InferencePayArgs {
            calls,
            max_fee: state.price_per_call * calls,
            request_id: request.id,
            output_hash: request.output_hash,
        };
        let treasury = self.treasury.pubkey();
        let pay =
            ixs::payout::inference_pay(&self.open, &treasury, payer, payer_token, model, &state, operator, index, args);
        match state.has_proof_attributed_entry() {
            true => vec![ixs::payout::epoch_open(payer, model, index), pay],
            false => vec![pay],
        }
    }

    /// Pays for `calls` calls of `model` (see `pay_instructions`), as `Request::numbered(calls)`,
    /// signed by the payer and the operator.
    pub fn pay(
        &mut self,
        payer: &Keypair,
        payer_token: &Pubkey,
        model: &Pubkey,
        operator: &Keypair,
        calls: u64,
    ) -> Result<Executed, Failed> {
        let request = Request::numbered(calls);
        let ixs = self.pay_instructions(&payer.pubkey(), payer_token, model, &operator.pubkey(), calls, request);
        self.svm.send(payer, &ixs, &[operator])
    }

    /// Opens channel `id` of `payer` for `model` served by `operator` (its first authority's
    /// PDA), depositing `deposit` from `payer_token`, the model's price accepted, expiring in
    /// `lifetime` seconds, vouchers signed by `signer`, a nonce of its own (from the clock and the
    /// id). Returns the channel.
    #[allow(clippy::too_many_arguments)]
    pub fn open_channel(
        &mut self,
        payer: &Keypair,
        payer_token: &Pubkey,
        model: &Pubkey,
        operator: &Pubkey,
        id: u64,
        deposit: u64,
        lifetime: i64,
        signer: &Pubkey,
    ) -> Pubkey {
        let state: Model = self.svm.get(model);
        let args = ChannelOpenArgs {
            id,
            deposit,
            max_price_per_call: state.price_per_call,
            expires_at: self.svm.clock().unix_timestamp + lifetime,
            signer: *signer,
            nonce: content_hash(format!("{id} {}", self.svm.clock().unix_timestamp).as_bytes()),
        };
        let open = self.open;
        let ix = ixs::payout::channel_open(&open, &payer.pubkey(), payer_token, model, &pda::operator(operator), args);
        self.step(payer, ix, &[]);
        pda::channel(&payer.pubkey(), id)
    }

    /// The two instructions that settle `voucher` on `channel`: the Ed25519 verification of
    /// `signer`'s signature of it, then `channel_settle` by the operator whose authority is
    /// `operator` (preceded by `epoch_open` for a model with a proof-attributed entry).
    pub fn settle_instructions(
        &self,
        channel: &Pubkey,
        voucher: Voucher,
        signer: &Keypair,
        operator: &Pubkey,
    ) -> Vec<Instruction> {
        let state: Channel = self.svm.get(channel);
        let model: Model = self.svm.get(&state.model);
        let index = self.epoch_index();
        let treasury = self.treasury.pubkey();
        let message = voucher.message(channel, &state.nonce);
        let signature: [u8; 64] = signer.sign_message(&message).into();
        let verify = ixs::payout::ed25519_verify(&signer.pubkey(), &signature, &message);
        let settle = ixs::payout::channel_settle(&treasury, channel, &state.model, &model, operator, index, voucher);
        match model.has_proof_attributed_entry() {
            true => vec![ixs::payout::epoch_open(operator, &state.model, index), verify, settle],
            false => vec![verify, settle],
        }
    }

    /// Runs the permissionless crank on `model`'s escrow.
    pub fn distribute(&mut self, cranker: &Keypair, model: &Pubkey) -> Result<Executed, Failed> {
        let state: Model = self.svm.get(model);
        let ix = ixs::payout::escrow_distribute(&self.treasury.pubkey(), model, &state);
        self.svm.run(cranker, ix, &[])
    }

    /// Claims one `(version, contribution)` position.
    pub fn claim_position(
        &mut self,
        beneficiary: &Keypair,
        version: &Pubkey,
        contribution: &Pubkey,
        destination: &Pubkey,
    ) -> Result<Executed, Failed> {
        self.claim_positions(beneficiary, &[(*version, *contribution)], destination)
    }

    /// Claims every `(version, contribution)` position listed, in one instruction.
    pub fn claim_positions(
        &mut self,
        beneficiary: &Keypair,
        positions: &[(Pubkey, Pubkey)],
        destination: &Pubkey,
    ) -> Result<Executed, Failed> {
        let ix = ixs::payout::position_claim(&self.open, &beneficiary.pubkey(), destination, positions);
        self.svm.run(beneficiary, ix, &[])
    }

    pub fn claim_earnings(
        &mut self,
        beneficiary: &Keypair,
        role: EarningsRole,
        destination: &Pubkey,
    ) -> Result<Executed, Failed> {
        let ix = ixs::payout::earnings_claim(&self.open, &beneficiary.pubkey(), role, destination);
        self.svm.run(beneficiary, ix, &[])
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
