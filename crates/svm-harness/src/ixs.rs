//! One builder per instruction of the suite, from the programs' generated account and data types.
//! Tests edit what these return to mount attacks; the bench and the CLI send them as they are.
use crate::pda;
use anchor_lang::prelude::{AccountMeta, Pubkey};
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::solana_program::system_program;
use anchor_lang::{InstructionData, ToAccountMetas};

fn ix(program_id: Pubkey, accounts: impl ToAccountMetas, data: impl InstructionData) -> Instruction {
    Instruction { program_id, accounts: accounts.to_account_metas(None), data: data.data() }
}

pub mod datanet {
    use super::*;
    use datanet_registry::{accounts, instruction, instructions::*};

    fn dix(accounts: impl ToAccountMetas, data: impl InstructionData) -> Instruction {
        ix(datanet_registry::ID, accounts, data)
    }

    pub fn create(creator: &Pubkey, args: DatanetCreateArgs) -> Instruction {
        let datanet = pda::datanet(creator, args.id);
        dix(
            accounts::DatanetCreate { datanet, creator: *creator, system_program: system_program::ID },
            instruction::DatanetCreate { args },
        )
    }

    pub fn update(datanet: &Pubkey, authority: &Pubkey, args: DatanetUpdateArgs) -> Instruction {
        dix(accounts::DatanetUpdate { datanet: *datanet, authority: *authority }, instruction::DatanetUpdate { args })
    }

    pub fn authority_propose(datanet: &Pubkey, authority: &Pubkey, new_authority: Option<Pubkey>) -> Instruction {
        dix(
            accounts::DatanetAuthorityPropose { datanet: *datanet, authority: *authority },
            instruction::DatanetAuthorityPropose { new_authority },
        )
    }

    pub fn authority_accept(datanet: &Pubkey, new_authority: &Pubkey) -> Instruction {
        dix(
            accounts::DatanetAuthorityAccept { datanet: *datanet, new_authority: *new_authority },
            instruction::DatanetAuthorityAccept {},
        )
    }

    pub fn contribution_submit(datanet: &Pubkey, contributor: &Pubkey, args: ContributionSubmitArgs) -> Instruction {
        let contribution = pda::contribution(datanet, &args.content_hash);
        dix(
            accounts::ContributionSubmit {
                datanet: *datanet,
                contribution,
                contributor: *contributor,
                system_program: system_program::ID,
                bond_vault: None,
                contributor_token: None,
                mint: None,
                token_program: None,
            },
            instruction::ContributionSubmit { args },
        )
    }

    /// The contributor (or, for a rejected contribution, the curator) as `signer`.
    pub fn contribution_withdraw(
        datanet: &Pubkey,
        contribution: &Pubkey,
        contributor: &Pubkey,
        signer: &Pubkey,
    ) -> Instruction {
        dix(
            accounts::ContributionWithdraw {
                datanet: *datanet,
                contribution: *contribution,
                contributor: *contributor,
                signer: *signer,
                bond_vault: None,
                contributor_token: None,
                mint: None,
                token_program: None,
            },
            instruction::ContributionWithdraw {},
        )
    }

    pub fn contribution_transfer_propose(
        contribution: &Pubkey,
        contributor: &Pubkey,
        new_contributor: Option<Pubkey>,
    ) -> Instruction {
        dix(
            accounts::ContributionTransferPropose { contribution: *contribution, contributor: *contributor },
            instruction::ContributionTransferPropose { new_contributor },
        )
    }

    pub fn attestor_approve(datanet: &Pubkey, curator: &Pubkey, attestor: &Pubkey) -> Instruction {
        dix(
            accounts::DatanetAttestorApprove {
                datanet: *datanet,
                authority: *curator,
                approval: pda::attestor_approval(datanet, attestor),
                system_program: system_program::ID,
            },
            instruction::DatanetAttestorApprove { attestor: *attestor },
        )
    }

    pub fn attestor_revoke(datanet: &Pubkey, curator: &Pubkey, attestor: &Pubkey, rent_payer: &Pubkey) -> Instruction {
        dix(
            accounts::DatanetAttestorRevoke {
                datanet: *datanet,
                authority: *curator,
                approval: pda::attestor_approval(datanet, attestor),
                rent_payer: *rent_payer,
            },
            instruction::DatanetAttestorRevoke {},
        )
    }

    pub fn contribution_transfer_accept(contribution: &Pubkey, new_contributor: &Pubkey) -> Instruction {
        dix(
            accounts::ContributionTransferAccept { contribution: *contribution, new_contributor: *new_contributor },
            instruction::ContributionTransferAccept {},
        )
    }

    pub fn contribution_review(
        datanet: &Pubkey,
        contribution: &Pubkey,
        authority: &Pubkey,
        decision: ReviewDecision,
    ) -> Instruction {
        dix(
            accounts::ContributionReview { datanet: *datanet, contribution: *contribution, authority: *authority },
            instruction::ContributionReview { decision },
        )
    }

    /// The accounts a bond moves through besides the vault: a wallet's (or the treasury's) OPEN
    /// token account, the mint and its token program.
    #[derive(Clone, Copy, Debug)]
    pub struct BondIx {
        pub token_account: Pubkey,
        pub mint: Pubkey,
        pub token_program: Pubkey,
    }

    /// `ix`, a `contribution_submit` or `contribution_withdraw` built without a bond, with the
    /// four optional bond accounts it ends with filled in.
    pub fn with_bond(mut ix: Instruction, bond: &BondIx) -> Instruction {
        let at = ix.accounts.len() - 4;
        ix.accounts.splice(
            at..,
            [
                AccountMeta::new(pda::bond_vault(), false),
                AccountMeta::new(bond.token_account, false),
                AccountMeta::new_readonly(bond.mint, false),
                AccountMeta::new_readonly(bond.token_program, false),
            ],
        );
        ix
    }

    pub fn bond_vault_init(payer: &Pubkey, mint: &Pubkey, token_program: &Pubkey) -> Instruction {
        dix(
            accounts::BondVaultInit {
                payout_config: pda::config(),
                bond_vault: pda::bond_vault(),
                mint: *mint,
                payer: *payer,
                token_program: *token_program,
                system_program: system_program::ID,
            },
            instruction::BondVaultInit {},
        )
    }

    /// The curator's spam flag; `treasury_bond` (the treasury's token account) when a bond is
    /// forfeited.
    pub fn contribution_flag_spam(
        datanet: &Pubkey,
        contribution: &Pubkey,
        authority: &Pubkey,
        treasury_bond: Option<&BondIx>,
    ) -> Instruction {
        dix(
            accounts::ContributionFlagSpam {
                datanet: *datanet,
                contribution: *contribution,
                authority: *authority,
                payout_config: treasury_bond.map(|_| pda::config()),
                bond_vault: treasury_bond.map(|_| pda::bond_vault()),
                treasury_token: treasury_bond.map(|b| b.token_account),
                mint: treasury_bond.map(|b| b.mint),
                token_program: treasury_bond.map(|b| b.token_program),
            },
            instruction::ContributionFlagSpam {},
        )
    }

    pub fn contribution_bond_refund(datanet: &Pubkey, contribution: &Pubkey, bond: &BondIx) -> Instruction {
        dix(
            accounts::ContributionBondRefund {
                datanet: *datanet,
                contribution: *contribution,
                bond_vault: pda::bond_vault(),
                contributor_token: bond.token_account,
                mint: bond.mint,
                token_program: bond.token_program,
            },
            instruction::ContributionBondRefund {},
        )
    }

    pub fn version_publish(datanet: &Pubkey, authority: &Pubkey, args: DatanetVersionPublishArgs) -> Instruction {
        let datanet_version = pda::datanet_version(datanet, args.number);
        dix(
            accounts::DatanetVersionPublish {
                datanet: *datanet,
                datanet_version,
                authority: *authority,
                system_program: system_program::ID,
            },
            instruction::DatanetVersionPublish { args },
        )
    }
}

pub mod model {
    use super::*;
    use anchor_lang::prelude::AccountMeta;
    use model_registry::state::{LineageEntry, LineageSource};
    use model_registry::{accounts, instruction, instructions::*};

    fn mix(accounts: impl ToAccountMetas, data: impl InstructionData) -> Instruction {
        ix(model_registry::ID, accounts, data)
    }

    pub fn create(owner: &Pubkey, base_model: Option<Pubkey>, args: ModelCreateArgs) -> Instruction {
        let model = pda::model(owner, args.id);
        mix(
            accounts::ModelCreate { model, base_model, owner: *owner, system_program: system_program::ID },
            instruction::ModelCreate { args },
        )
    }

    /// The accounts `model_lineage_set` checks the entries against: each target, then the cited
    /// version of a datanet entry that cites one.
    pub fn lineage_accounts(entries: &[LineageEntry]) -> Vec<AccountMeta> {
        entries
            .iter()
            .flat_map(|e| {
                let version = match e.source {
                    LineageSource::Datanet => e.datanet_version,
                    LineageSource::Model => None,
                };
                std::iter::once(e.target).chain(version)
            })
            .map(|key| AccountMeta::new_readonly(key, false))
            .collect()
    }

    pub fn lineage_set(model: &Pubkey, owner: &Pubkey, args: ModelLineageSetArgs) -> Instruction {
        let mut ix = mix(
            accounts::ModelLineageSet { model: *model, owner: *owner },
            instruction::ModelLineageSet { args: args.clone() },
        );
        ix.accounts.extend(lineage_accounts(&args.entries));
        ix
    }

    pub fn publish(model: &Pubkey, owner: &Pubkey, attestor: Option<Pubkey>) -> Instruction {
        mix(
            accounts::ModelPublish { model: *model, owner: *owner },
            instruction::ModelPublish { args: ModelPublishArgs { attestor } },
        )
    }

    pub fn price_set(model: &Pubkey, owner: &Pubkey, price_per_call: u64) -> Instruction {
        mix(accounts::ModelPriceSet { model: *model, owner: *owner }, instruction::ModelPriceSet { price_per_call })
    }

    pub fn retire(model: &Pubkey, owner: &Pubkey) -> Instruction {
        mix(accounts::ModelRetire { model: *model, owner: *owner }, instruction::ModelRetire {})
    }

    pub fn operator_register(authority: &Pubkey, endpoint: &str) -> Instruction {
        mix(
            accounts::OperatorRegister {
                operator: pda::operator(authority),
                authority: *authority,
                system_program: system_program::ID,
            },
            instruction::OperatorRegister { endpoint: endpoint.into() },
        )
    }

    /// `model_owner_propose` signed by `owner`.
    pub fn model_owner_propose(model: &Pubkey, owner: &Pubkey, new_owner: Option<Pubkey>) -> Instruction {
        mix(accounts::ModelOwnerPropose { model: *model, owner: *owner }, instruction::ModelOwnerPropose { new_owner })
    }

    pub fn model_owner_accept(model: &Pubkey, new_owner: &Pubkey) -> Instruction {
        mix(accounts::ModelOwnerAccept { model: *model, new_owner: *new_owner }, instruction::ModelOwnerAccept {})
    }

    /// `operator_authority_propose` on the operator at `operator` (its PDA keeps its first key).
    pub fn operator_authority_propose(
        operator: &Pubkey,
        authority: &Pubkey,
        new_authority: Option<Pubkey>,
    ) -> Instruction {
        mix(
            accounts::OperatorAuthorityPropose { operator: *operator, authority: *authority },
            instruction::OperatorAuthorityPropose { new_authority },
        )
    }

    pub fn operator_authority_accept(operator: &Pubkey, new_authority: &Pubkey) -> Instruction {
        mix(
            accounts::OperatorAuthorityAccept { operator: *operator, new_authority: *new_authority },
            instruction::OperatorAuthorityAccept {},
        )
    }

    pub fn operator_update(authority: &Pubkey, endpoint: &str) -> Instruction {
        mix(
            accounts::OperatorUpdate { operator: pda::operator(authority), authority: *authority },
            instruction::OperatorUpdate { endpoint: endpoint.into() },
        )
    }

    pub fn operator_deactivate(authority: &Pubkey) -> Instruction {
        mix(
            accounts::OperatorDeactivate { operator: pda::operator(authority), authority: *authority },
            instruction::OperatorDeactivate {},
        )
    }
}

pub mod payout {
    use super::*;
    use anchor_lang::prelude::AccountMeta;
    use attribution_payout::state::{EarningsRole, GovernanceAction, Role};
    use attribution_payout::{accounts, instruction, instructions::*};
    use model_registry::state::{LineageSource, Model};

    fn pix(accounts: impl ToAccountMetas, data: impl InstructionData) -> Instruction {
        ix(attribution_payout::ID, accounts, data)
    }

    /// The OPEN token as configured: its mint and the token program that owns it.
    #[derive(Clone, Copy, Debug)]
    pub struct Open {
        pub mint: Pubkey,
        pub token_program: Pubkey,
    }

    pub fn config_init(deployer: &Pubkey, mint: &Pubkey, token_program: &Pubkey, args: ConfigInitArgs) -> Instruction {
        pix(
            accounts::ConfigInit {
                config: pda::config(),
                vault: pda::vault(),
                stake_vault: pda::stake_vault(),
                mint: *mint,
                deployer: *deployer,
                program: attribution_payout::ID,
                program_data: pda::program_data(&attribution_payout::ID),
                token_program: *token_program,
                system_program: system_program::ID,
            },
            instruction::ConfigInit { args },
        )
    }

    /// Queues `action` as the config's next action, `id` (`Config::action_count`).
    pub fn action_queue(authority: &Pubkey, id: u64, action: GovernanceAction) -> Instruction {
        let stake = match &action {
            GovernanceAction::Slash { stake, .. } => Some(*stake),
            _ => None,
        };
        pix(
            accounts::ActionQueue {
                config: pda::config(),
                authority: *authority,
                action: pda::action(id),
                stake,
                system_program: system_program::ID,
            },
            instruction::ActionQueue { action },
        )
    }

    pub fn action_execute(id: u64, proposer: &Pubkey) -> Instruction {
        pix(
            accounts::ActionExecute { config: pda::config(), action: pda::action(id), proposer: *proposer },
            instruction::ActionExecute {},
        )
    }

    /// `stake`: the stake a cancelled slash named.
    pub fn action_cancel(signer: &Pubkey, id: u64, proposer: &Pubkey, stake: Option<Pubkey>) -> Instruction {
        pix(
            accounts::ActionCancel {
                config: pda::config(),
                signer: *signer,
                action: pda::action(id),
                proposer: *proposer,
                stake,
            },
            instruction::ActionCancel {},
        )
    }

    pub fn config_pause(guardian: &Pubkey, paused: bool) -> Instruction {
        pix(accounts::ConfigPause { config: pda::config(), guardian: *guardian }, instruction::ConfigPause { paused })
    }

    pub fn role_accept(new_holder: &Pubkey, role: Role) -> Instruction {
        pix(accounts::RoleAccept { config: pda::config(), new_holder: *new_holder }, instruction::RoleAccept { role })
    }

    pub fn stake_init(authority: &Pubkey) -> Instruction {
        pix(
            accounts::StakeInit {
                stake: pda::stake(authority),
                authority: *authority,
                system_program: system_program::ID,
            },
            instruction::StakeInit {},
        )
    }

    pub fn stake_deposit(open: &Open, authority: &Pubkey, source: &Pubkey, amount: u64) -> Instruction {
        pix(
            accounts::StakeDeposit {
                config: pda::config(),
                stake_vault: pda::stake_vault(),
                mint: open.mint,
                stake: pda::stake(authority),
                authority: *authority,
                source: *source,
                token_program: open.token_program,
            },
            instruction::StakeDeposit { amount },
        )
    }

    pub fn stake_unstake_request(authority: &Pubkey, amount: u64) -> Instruction {
        pix(
            accounts::StakeUnstakeRequest {
                config: pda::config(),
                stake: pda::stake(authority),
                authority: *authority,
            },
            instruction::StakeUnstakeRequest { amount },
        )
    }

    pub fn stake_withdraw(open: &Open, authority: &Pubkey, destination: &Pubkey) -> Instruction {
        pix(
            accounts::StakeWithdraw {
                config: pda::config(),
                stake_vault: pda::stake_vault(),
                mint: open.mint,
                stake: pda::stake(authority),
                authority: *authority,
                destination: *destination,
                token_program: open.token_program,
            },
            instruction::StakeWithdraw {},
        )
    }

    /// Executes queued action `id`, a slash of `operator`'s stake.
    pub fn stake_slash(open: &Open, id: u64, proposer: &Pubkey, treasury: &Pubkey, operator: &Pubkey) -> Instruction {
        pix(
            accounts::StakeSlash {
                config: pda::config(),
                action: pda::action(id),
                proposer: *proposer,
                stake: pda::stake(operator),
                treasury_earnings: pda::earnings(treasury, EarningsRole::Treasury),
                stake_vault: pda::stake_vault(),
                vault: pda::vault(),
                mint: open.mint,
                token_program: open.token_program,
            },
            instruction::StakeSlash {},
        )
    }

    pub fn pool_init(payer: &Pubkey, datanet_version: &Pubkey) -> Instruction {
        pix(
            accounts::PoolInit {
                datanet_version: *datanet_version,
                pool: pda::pool(datanet_version),
                payer: *payer,
                system_program: system_program::ID,
            },
            instruction::PoolInit {},
        )
    }

    /// `stake_authority_propose` on the stake at `stake` (its PDA keeps its first key).
    pub fn stake_authority_propose(stake: &Pubkey, authority: &Pubkey, new_authority: Option<Pubkey>) -> Instruction {
        pix(
            accounts::StakeAuthorityPropose { stake: *stake, authority: *authority },
            instruction::StakeAuthorityPropose { new_authority },
        )
    }

    pub fn stake_authority_accept(stake: &Pubkey, new_authority: &Pubkey) -> Instruction {
        pix(
            accounts::StakeAuthorityAccept { stake: *stake, new_authority: *new_authority },
            instruction::StakeAuthorityAccept {},
        )
    }

    pub fn earnings_transfer_propose(
        beneficiary: &Pubkey,
        role: EarningsRole,
        new_beneficiary: Option<Pubkey>,
    ) -> Instruction {
        pix(
            accounts::EarningsTransferPropose { earnings: pda::earnings(beneficiary, role), beneficiary: *beneficiary },
            instruction::EarningsTransferPropose { new_beneficiary },
        )
    }

    /// `new_beneficiary` takes `previous`'s earnings of `role` into its own account of that role.
    pub fn earnings_transfer_accept(previous: &Pubkey, role: EarningsRole, new_beneficiary: &Pubkey) -> Instruction {
        pix(
            accounts::EarningsTransferAccept {
                config: pda::config(),
                earnings: pda::earnings(previous, role),
                successor_earnings: pda::earnings(new_beneficiary, role),
                previous_beneficiary: *previous,
                new_beneficiary: *new_beneficiary,
            },
            instruction::EarningsTransferAccept {},
        )
    }

    pub fn earnings_init(payer: &Pubkey, beneficiary: &Pubkey, role: EarningsRole) -> Instruction {
        pix(
            accounts::EarningsInit {
                earnings: pda::earnings(beneficiary, role),
                payer: *payer,
                system_program: system_program::ID,
            },
            instruction::EarningsInit { beneficiary: *beneficiary, role },
        )
    }

    pub fn escrow_init(payer: &Pubkey, model: &Pubkey) -> Instruction {
        pix(
            accounts::EscrowInit {
                model: *model,
                escrow: pda::escrow(model),
                payer: *payer,
                system_program: system_program::ID,
            },
            instruction::EscrowInit {},
        )
    }

    /// A model's lineage as `inference_pay` (with the current epoch's index) and
    /// `escrow_distribute` (without) take it: per entry, writable, in order, the pool of the cited
    /// datanet version, the model's epoch for its proof-attributed entry when paying, or the
    /// upstream model's escrow.
    pub fn lineage_accounts(model_key: &Pubkey, model: &Model, epoch_index: Option<u64>) -> Vec<AccountMeta> {
        model
            .lineage
            .iter()
            .map(|e| match (e.source, e.proof_attributed, epoch_index) {
                (LineageSource::Datanet, true, Some(index)) => AccountMeta::new(pda::epoch(model_key, index), false),
                (LineageSource::Datanet, _, _) => {
                    AccountMeta::new(pda::pool(&e.datanet_version.expect("a datanet entry cites a version")), false)
                }
                (LineageSource::Model, _, _) => AccountMeta::new(pda::escrow(&e.target), false),
            })
            .collect()
    }

    #[allow(clippy::too_many_arguments)]
    pub fn inference_pay(
        open: &Open,
        treasury: &Pubkey,
        payer: &Pubkey,
        payer_token: &Pubkey,
        model_key: &Pubkey,
        model: &Model,
        operator_authority: &Pubkey,
        epoch_index: u64,
        args: InferencePayArgs,
    ) -> Instruction {
        let mut ix = pix(
            accounts::InferencePay {
                config: pda::config(),
                vault: pda::vault(),
                mint: open.mint,
                payer: *payer,
                payer_token: *payer_token,
                model: *model_key,
                operator: pda::operator(operator_authority),
                operator_authority: *operator_authority,
                operator_stake: pda::stake(operator_authority),
                treasury_earnings: pda::earnings(treasury, EarningsRole::Treasury),
                owner_earnings: pda::earnings(&model.owner, EarningsRole::ModelOwner),
                operator_earnings: pda::earnings(operator_authority, EarningsRole::Operator),
                token_program: open.token_program,
            },
            instruction::InferencePay { args },
        );
        ix.accounts.extend(lineage_accounts(model_key, model, Some(epoch_index)));
        ix
    }

    pub fn escrow_distribute(treasury: &Pubkey, model_key: &Pubkey, model: &Model) -> Instruction {
        let mut ix = pix(
            accounts::EscrowDistribute {
                config: pda::config(),
                escrow: pda::escrow(model_key),
                model: *model_key,
                treasury_earnings: pda::earnings(treasury, EarningsRole::Treasury),
                owner_earnings: pda::earnings(&model.owner, EarningsRole::ModelOwner),
            },
            instruction::EscrowDistribute {},
        );
        ix.accounts.extend(lineage_accounts(model_key, model, None));
        ix
    }

    pub fn position_enroll(payer: &Pubkey, datanet_version: &Pubkey, contribution: &Pubkey) -> Instruction {
        let pool = pda::pool(datanet_version);
        pix(
            accounts::PositionEnroll {
                pool,
                contribution: *contribution,
                position: pda::position(&pool, contribution),
                payer: *payer,
                system_program: system_program::ID,
            },
            instruction::PositionEnroll {},
        )
    }

    /// Points the `(datanet version, contribution)` position at the contribution's contributor.
    pub fn position_sync(datanet_version: &Pubkey, contribution: &Pubkey) -> Instruction {
        let position = pda::position(&pda::pool(datanet_version), contribution);
        pix(accounts::PositionSync { position, contribution: *contribution }, instruction::PositionSync {})
    }

    /// Claims every `(datanet version, contribution)` position listed, in one transfer.
    pub fn position_claim(
        open: &Open,
        beneficiary: &Pubkey,
        destination: &Pubkey,
        positions: &[(Pubkey, Pubkey)],
    ) -> Instruction {
        let mut ix = pix(
            accounts::PositionClaim {
                config: pda::config(),
                vault: pda::vault(),
                mint: open.mint,
                beneficiary: *beneficiary,
                destination: *destination,
                token_program: open.token_program,
            },
            instruction::PositionClaim {},
        );
        for (version, contribution) in positions {
            let pool = pda::pool(version);
            ix.accounts.push(AccountMeta::new(pda::position(&pool, contribution), false));
            ix.accounts.push(AccountMeta::new(pool, false));
        }
        ix
    }

    pub fn earnings_claim(open: &Open, beneficiary: &Pubkey, role: EarningsRole, destination: &Pubkey) -> Instruction {
        pix(
            accounts::EarningsClaim {
                config: pda::config(),
                vault: pda::vault(),
                mint: open.mint,
                earnings: pda::earnings(beneficiary, role),
                beneficiary: *beneficiary,
                destination: *destination,
                token_program: open.token_program,
            },
            instruction::EarningsClaim {},
        )
    }

    pub fn epoch_open(payer: &Pubkey, model: &Pubkey, index: u64) -> Instruction {
        pix(
            accounts::EpochOpen {
                config: pda::config(),
                model: *model,
                epoch: pda::epoch(model, index),
                payer: *payer,
                system_program: system_program::ID,
            },
            instruction::EpochOpen { index },
        )
    }

    /// The attestor posts (and bonds from `attestor_token`) the root of `model`'s epoch `index`,
    /// whose proof-attributed entry cites `datanet_version` of `datanet`.
    pub fn attribution_root_post(
        open: &Open,
        (attestor, attestor_token): (&Pubkey, &Pubkey),
        model: &Pubkey,
        index: u64,
        (datanet, datanet_version): (&Pubkey, &Pubkey),
        args: AttributionRootPostArgs,
    ) -> Instruction {
        pix(
            accounts::AttributionRootPost {
                config: pda::config(),
                vault: pda::vault(),
                mint: open.mint,
                model: *model,
                epoch: pda::epoch(model, index),
                attestor: *attestor,
                attestor_stake: pda::stake(attestor),
                pool: pda::pool(datanet_version),
                attestor_token: *attestor_token,
                attestor_approval: pda::attestor_approval(datanet, attestor),
                attestation: pda::attestation(&pda::epoch(model, index)),
                token_program: open.token_program,
                system_program: system_program::ID,
            },
            instruction::AttributionRootPost { args },
        )
    }

    pub fn epoch_challenge(
        open: &Open,
        (challenger, challenger_token): (&Pubkey, &Pubkey),
        model: &Pubkey,
        index: u64,
        disputed: [u8; 32],
    ) -> Instruction {
        pix(
            accounts::EpochChallenge {
                config: pda::config(),
                vault: pda::vault(),
                mint: open.mint,
                epoch: pda::epoch(model, index),
                attestation: pda::attestation(&pda::epoch(model, index)),
                challenger: *challenger,
                challenger_token: *challenger_token,
                token_program: open.token_program,
            },
            instruction::EpochChallenge { disputed },
        )
    }

    /// Ends the challenge of `model`'s epoch `index` (`signer`: the resolver, or anyone once
    /// expired), paying the challenger into `challenger_token`.
    pub fn epoch_challenge_end(
        open: &Open,
        signer: &Pubkey,
        (model, index): (&Pubkey, u64),
        datanet_version: &Pubkey,
        challenger_token: &Pubkey,
        outcome: ChallengeOutcome,
    ) -> Instruction {
        pix(
            accounts::EpochChallengeEnd {
                config: pda::config(),
                vault: pda::vault(),
                mint: open.mint,
                epoch: pda::epoch(model, index),
                attestation: pda::attestation(&pda::epoch(model, index)),
                pool: pda::pool(datanet_version),
                challenger_token: *challenger_token,
                signer: *signer,
                token_program: open.token_program,
            },
            instruction::EpochChallengeEnd { outcome },
        )
    }

    /// Closes `model`'s epoch `index`'s attestation: what is left of the bond to `attestor_token`,
    /// the rent to `attestor`.
    pub fn attestation_close(
        open: &Open,
        (model, index): (&Pubkey, u64),
        attestor: &Pubkey,
        attestor_token: &Pubkey,
    ) -> Instruction {
        let epoch = pda::epoch(model, index);
        pix(
            accounts::AttestationClose {
                config: pda::config(),
                vault: pda::vault(),
                mint: open.mint,
                epoch,
                attestation: pda::attestation(&epoch),
                attestor: *attestor,
                attestor_token: *attestor_token,
                token_program: open.token_program,
            },
            instruction::AttestationClose {},
        )
    }

    #[allow(clippy::too_many_arguments)]
    pub fn attribution_claim(
        open: &Open,
        cranker: &Pubkey,
        model: &Pubkey,
        index: u64,
        contribution: &Pubkey,
        destination: &Pubkey,
        args: AttributionClaimArgs,
    ) -> Instruction {
        let epoch = pda::epoch(model, index);
        pix(
            accounts::AttributionClaim {
                config: pda::config(),
                vault: pda::vault(),
                mint: open.mint,
                epoch,
                contribution: *contribution,
                destination: *destination,
                receipt: pda::receipt(&epoch, contribution),
                cranker: *cranker,
                token_program: open.token_program,
                system_program: system_program::ID,
            },
            instruction::AttributionClaim { args },
        )
    }

    pub fn attribution_root_veto(
        guardian: &Pubkey,
        model: &Pubkey,
        index: u64,
        datanet_version: &Pubkey,
        reason: u16,
    ) -> Instruction {
        pix(
            accounts::AttributionRootVeto {
                config: pda::config(),
                guardian: *guardian,
                epoch: pda::epoch(model, index),
                pool: pda::pool(datanet_version),
            },
            instruction::AttributionRootVeto { reason },
        )
    }

    pub fn attribution_release(model: &Pubkey, index: u64, datanet_version: &Pubkey) -> Instruction {
        pix(
            accounts::AttributionRelease { epoch: pda::epoch(model, index), pool: pda::pool(datanet_version) },
            instruction::AttributionRelease {},
        )
    }

    pub fn epoch_close(model: &Pubkey, index: u64, datanet_version: &Pubkey, rent_payer: &Pubkey) -> Instruction {
        pix(
            accounts::EpochClose {
                epoch: pda::epoch(model, index),
                pool: pda::pool(datanet_version),
                rent_payer: *rent_payer,
                attestation: pda::attestation(&pda::epoch(model, index)),
            },
            instruction::EpochClose {},
        )
    }

    pub fn earnings_close(beneficiary: &Pubkey, role: EarningsRole) -> Instruction {
        pix(
            accounts::EarningsClose {
                config: pda::config(),
                earnings: pda::earnings(beneficiary, role),
                beneficiary: *beneficiary,
            },
            instruction::EarningsClose {},
        )
    }

    pub fn stake_close(authority: &Pubkey) -> Instruction {
        pix(accounts::StakeClose { stake: pda::stake(authority), authority: *authority }, instruction::StakeClose {})
    }

    pub fn receipt_close(epoch: &Pubkey, contribution: &Pubkey, rent_payer: &Pubkey) -> Instruction {
        pix(
            accounts::ReceiptClose {
                receipt: pda::receipt(epoch, contribution),
                epoch: *epoch,
                rent_payer: *rent_payer,
            },
            instruction::ReceiptClose {},
        )
    }

    pub fn channel_open(
        open: &Open,
        payer: &Pubkey,
        payer_token: &Pubkey,
        model: &Pubkey,
        operator: &Pubkey,
        args: ChannelOpenArgs,
    ) -> Instruction {
        pix(
            accounts::ChannelOpen {
                config: pda::config(),
                vault: pda::vault(),
                mint: open.mint,
                payer: *payer,
                payer_token: *payer_token,
                model: *model,
                operator: *operator,
                channel: pda::channel(payer, args.id),
                token_program: open.token_program,
                system_program: system_program::ID,
            },
            instruction::ChannelOpen { args },
        )
    }

    pub fn channel_top_up(
        open: &Open,
        payer: &Pubkey,
        payer_token: &Pubkey,
        channel: &Pubkey,
        amount: u64,
    ) -> Instruction {
        pix(
            accounts::ChannelTopUp {
                config: pda::config(),
                vault: pda::vault(),
                mint: open.mint,
                payer: *payer,
                payer_token: *payer_token,
                channel: *channel,
                token_program: open.token_program,
            },
            instruction::ChannelTopUp { amount },
        )
    }

    /// `channel_settle` of `voucher` by the operator whose current authority is `authority`
    /// (its accounts at `operator` and `stake`), with the model's lineage (current epoch's index).
    #[allow(clippy::too_many_arguments)]
    pub fn channel_settle(
        treasury: &Pubkey,
        channel: &Pubkey,
        model_key: &Pubkey,
        model: &Model,
        authority: &Pubkey,
        epoch_index: u64,
        voucher: attribution_payout::state::Voucher,
    ) -> Instruction {
        let mut ix = pix(
            accounts::ChannelSettle {
                config: pda::config(),
                channel: *channel,
                model: *model_key,
                operator: pda::operator(authority),
                operator_authority: *authority,
                operator_stake: pda::stake(authority),
                treasury_earnings: pda::earnings(treasury, EarningsRole::Treasury),
                owner_earnings: pda::earnings(&model.owner, EarningsRole::ModelOwner),
                operator_earnings: pda::earnings(authority, EarningsRole::Operator),
                instructions: INSTRUCTIONS_SYSVAR,
            },
            instruction::ChannelSettle { voucher },
        );
        ix.accounts.extend(lineage_accounts(model_key, model, Some(epoch_index)));
        ix
    }

    pub fn channel_close_request(payer: &Pubkey, channel: &Pubkey) -> Instruction {
        pix(accounts::ChannelCloseRequest { payer: *payer, channel: *channel }, instruction::ChannelCloseRequest {})
    }

    pub fn channel_close(open: &Open, payer: &Pubkey, payer_token: &Pubkey, channel: &Pubkey) -> Instruction {
        pix(
            accounts::ChannelClose {
                config: pda::config(),
                vault: pda::vault(),
                mint: open.mint,
                channel: *channel,
                payer: *payer,
                payer_token: *payer_token,
                token_program: open.token_program,
            },
            instruction::ChannelClose {},
        )
    }

    /// The instructions sysvar, which `channel_settle` reads the Ed25519 verification from.
    pub const INSTRUCTIONS_SYSVAR: Pubkey =
        anchor_lang::prelude::pubkey!("Sysvar1nstructions1111111111111111111111111");
    pub const ED25519_PROGRAM: Pubkey = anchor_lang::prelude::pubkey!("Ed25519SigVerify111111111111111111111111111");

    /// The Ed25519 program's instruction verifying `signer`'s `signature` of `message`, with the
    /// key, the signature and the message in its own data (offsets' instruction index `u16::MAX`):
    /// `[1, 0]`, the seven offsets, then key (32), signature (64) and message.
    pub fn ed25519_verify(signer: &Pubkey, signature: &[u8; 64], message: &[u8]) -> Instruction {
        const HEADER: u16 = 2 + 14;
        let (key_at, signature_at, message_at) = (HEADER, HEADER + 32, HEADER + 32 + 64);
        let mut data = vec![1u8, 0];
        for field in [signature_at, u16::MAX, key_at, u16::MAX, message_at, message.len() as u16, u16::MAX] {
            data.extend_from_slice(&field.to_le_bytes());
        }
        data.extend_from_slice(signer.as_ref());
        data.extend_from_slice(signature);
        data.extend_from_slice(message);
        Instruction { program_id: ED25519_PROGRAM, accounts: vec![], data }
    }
}
