//! # attribution_payout: who earned, and who may withdraw it
//!
//! Roles: the **deployer** (upgrade authority) initialises the config once; the config's
//! **admin** queues parameter changes, role changes and slashes behind a timelock, its
//! **guardian** pauses and vetoes, its **resolver** decides challenges; **payers** pay
//! inference fees in OPEN; **beneficiaries** (contributors through their positions, model owners, operators, the
//! treasury) claim what they earned; **operators** stake OPEN to be payable.
//!
//! Money path: one transfer of the whole fee into the vault, then pure accounting by the model's
//! frozen lineage (protocol fee → treasury; owner and operator → earnings; cited datanet versions →
//! their reward pools;
//! upstream models → escrows). Tokens live only in this program's two vaults.
use anchor_lang::prelude::*;

pub mod constants;
mod ed25519;
pub mod errors;
pub mod events;
mod fanout;
pub mod instructions;
pub mod state;
mod transfer;
mod upgrade_authority;

use instructions::*;
use state::{EarningsRole, GovernanceAction, Role, Voucher};

declare_id!("AueT3FvXkKmviBpEafzxqpLdNrBu3ifT6pikLWanCFWU");

#[program]
pub mod attribution_payout {
    use super::*;

    /// Adopts the OPEN mint and creates the config and the vaults (upgrade authority only).
    pub fn config_init(ctx: Context<ConfigInit>, args: ConfigInitArgs) -> Result<()> {
        ConfigInit::handler(ctx, args)
    }

    /// The admin queues a parameter change, a role change or a slash; it waits the timelock.
    pub fn action_queue(ctx: Context<ActionQueue>, action: GovernanceAction) -> Result<()> {
        ActionQueue::handler(ctx, action)
    }

    /// Anyone executes a queued parameter or role change once its delay has passed.
    pub fn action_execute(ctx: Context<ActionExecute>) -> Result<()> {
        ActionExecute::handler(ctx)
    }

    /// The admin or the guardian cancels a queued action.
    pub fn action_cancel(ctx: Context<ActionCancel>) -> Result<()> {
        ActionCancel::handler(ctx)
    }

    /// The guardian pauses payments or lifts the pause.
    pub fn config_pause(ctx: Context<ConfigPause>, paused: bool) -> Result<()> {
        ConfigPause::handler(ctx, paused)
    }

    /// The key a queued role change named takes the role over.
    pub fn role_accept(ctx: Context<RoleAccept>, role: Role) -> Result<()> {
        RoleAccept::handler(ctx, role)
    }

    /// Creates the signer's stake account.
    pub fn stake_init(ctx: Context<StakeInit>) -> Result<()> {
        StakeInit::handler(ctx)
    }

    /// Adds OPEN to the signer's active stake.
    pub fn stake_deposit(ctx: Context<StakeDeposit>, amount: u64) -> Result<()> {
        StakeDeposit::handler(ctx, amount)
    }

    /// Starts unstaking `amount` (it stops counting at once; withdrawable after the cooldown).
    pub fn stake_unstake_request(ctx: Context<StakeUnstakeRequest>, amount: u64) -> Result<()> {
        StakeUnstakeRequest::handler(ctx, amount)
    }

    /// Withdraws everything unstaking once the cooldown has ended.
    pub fn stake_withdraw(ctx: Context<StakeWithdraw>) -> Result<()> {
        StakeWithdraw::handler(ctx)
    }

    /// Anyone executes a queued slash once its delay has passed: the operator's stake (active
    /// first, then unstaking) goes to the treasury's earnings.
    pub fn stake_slash(ctx: Context<StakeSlash>) -> Result<()> {
        StakeSlash::handler(ctx)
    }

    /// Creates the reward pool of a published datanet version (permissionless).
    pub fn pool_init(ctx: Context<PoolInit>) -> Result<()> {
        PoolInit::handler(ctx)
    }

    /// Creates `beneficiary`'s earnings account for `role` (permissionless).
    pub fn earnings_init(ctx: Context<EarningsInit>, beneficiary: Pubkey, role: EarningsRole) -> Result<()> {
        EarningsInit::handler(ctx, beneficiary, role)
    }

    /// Creates a model's escrow, through which downstream models pay it (permissionless).
    pub fn escrow_init(ctx: Context<EscrowInit>) -> Result<()> {
        EscrowInit::handler(ctx)
    }

    /// Pays `price × calls` for a model (at most `max_fee`) and splits it by the frozen lineage.
    /// Remaining accounts: one pool (datanet entry) or escrow (model entry) per lineage entry.
    pub fn inference_pay<'info>(ctx: Context<'info, InferencePay<'info>>, args: InferencePayArgs) -> Result<()> {
        InferencePay::handler(ctx, args)
    }

    /// Splits an upstream model's escrow by that model's lineage (permissionless crank).
    /// Remaining accounts: as for `inference_pay`, for the escrow's model.
    pub fn escrow_distribute<'info>(ctx: Context<'info, EscrowDistribute<'info>>) -> Result<()> {
        EscrowDistribute::handler(ctx)
    }

    /// Opens a contribution's position in the pool of a version that contains it (permissionless;
    /// late costs nothing).
    pub fn position_enroll(ctx: Context<PositionEnroll>) -> Result<()> {
        PositionEnroll::handler(ctx)
    }

    /// The contributor claims what any number of its positions accrued, in one transfer.
    /// Remaining accounts: (position, pool) pairs.
    pub fn position_claim<'info>(ctx: Context<'info, PositionClaim<'info>>) -> Result<()> {
        PositionClaim::handler(ctx)
    }

    /// Points a position at its contribution's current contributor, after a handover
    /// (permissionless).
    pub fn position_sync(ctx: Context<PositionSync>) -> Result<()> {
        PositionSync::handler(ctx)
    }

    /// A stake's authority names its successor (or cancels with `None`).
    pub fn stake_authority_propose(ctx: Context<StakeAuthorityPropose>, new_authority: Option<Pubkey>) -> Result<()> {
        StakeAuthorityPropose::handler(ctx, new_authority)
    }

    /// The proposed wallet becomes the stake's authority (with the operator's, see model_registry).
    pub fn stake_authority_accept(ctx: Context<StakeAuthorityAccept>) -> Result<()> {
        StakeAuthorityAccept::handler(ctx)
    }

    /// An earnings account's beneficiary names its successor (or cancels with `None`).
    pub fn earnings_transfer_propose(
        ctx: Context<EarningsTransferPropose>,
        new_beneficiary: Option<Pubkey>,
    ) -> Result<()> {
        EarningsTransferPropose::handler(ctx, new_beneficiary)
    }

    /// The successor takes the balance into its own earnings account of the same role; the old
    /// account closes, its rent back to the previous beneficiary.
    pub fn earnings_transfer_accept(ctx: Context<EarningsTransferAccept>) -> Result<()> {
        EarningsTransferAccept::handler(ctx)
    }

    /// Closes an earnings account with nothing to claim (not the treasury's); rent to its
    /// beneficiary.
    pub fn earnings_close(ctx: Context<EarningsClose>) -> Result<()> {
        EarningsClose::handler(ctx)
    }

    /// Closes a stake with nothing staked or unstaking; rent to its authority.
    pub fn stake_close(ctx: Context<StakeClose>) -> Result<()> {
        StakeClose::handler(ctx)
    }

    /// A beneficiary claims its earnings balance.
    pub fn earnings_claim(ctx: Context<EarningsClaim>) -> Result<()> {
        EarningsClaim::handler(ctx)
    }

    /// Opens the current Proof of Attribution epoch of a model (permissionless, idempotent).
    pub fn epoch_open(ctx: Context<EpochOpen>, index: u64) -> Result<()> {
        EpochOpen::handler(ctx, index)
    }

    /// The model's staked attestor posts an ended epoch's allocation root (once, before the deadline).
    pub fn attribution_root_post(ctx: Context<AttributionRootPost>, args: AttributionRootPostArgs) -> Result<()> {
        AttributionRootPost::handler(ctx, args)
    }

    /// Governance strikes down a posted root during the challenge window: the epoch's balance goes
    /// to the datanet's pool and the epoch ends as released.
    pub fn attribution_root_veto(ctx: Context<AttributionRootVeto>, reason: u16) -> Result<()> {
        AttributionRootVeto::handler(ctx, reason)
    }

    /// Anyone disputes a posted root within its challenge window, bonding `challenge_bond`:
    /// claims wait for the resolver.
    pub fn epoch_challenge(ctx: Context<EpochChallenge>, disputed: [u8; 32]) -> Result<()> {
        EpochChallenge::handler(ctx, disputed)
    }

    /// Ends a challenge: the resolver upholds or dismisses it before its deadline; after it,
    /// anyone ends it as expired (the static fallback, both bonds back).
    pub fn epoch_challenge_end(ctx: Context<EpochChallengeEnd>, outcome: ChallengeOutcome) -> Result<()> {
        EpochChallengeEnd::handler(ctx, outcome)
    }

    /// Pays the attestor what is left of its bond and closes its attestation (rent back to it),
    /// once claims are open with no challenge pending, or once the epoch was released
    /// (permissionless).
    pub fn attestation_close(ctx: Context<AttestationClose>) -> Result<()> {
        AttestationClose::handler(ctx)
    }

    /// Pays a contribution its leaf of an epoch's root, with a Merkle proof, into its contributor's
    /// account (permissionless crank).
    pub fn attribution_claim(ctx: Context<AttributionClaim>, args: AttributionClaimArgs) -> Result<()> {
        AttributionClaim::handler(ctx, args)
    }

    /// Sends an epoch without a root by its deadline to the datanet's pool (permissionless).
    pub fn attribution_release(ctx: Context<AttributionRelease>) -> Result<()> {
        AttributionRelease::handler(ctx)
    }

    /// Closes an expired or released epoch: the unclaimed rest to the pool, rent to its payer.
    pub fn epoch_close(ctx: Context<EpochClose>) -> Result<()> {
        EpochClose::handler(ctx)
    }

    /// Closes a receipt of a closed epoch, rent to its payer (permissionless).
    pub fn receipt_close(ctx: Context<ReceiptClose>) -> Result<()> {
        ReceiptClose::handler(ctx)
    }

    /// Opens a payment channel: the payer's deposit for one model and one operator, spent by
    /// vouchers its signer (the payer or an agent) signs.
    pub fn channel_open(ctx: Context<ChannelOpen>, args: ChannelOpenArgs) -> Result<()> {
        ChannelOpen::handler(ctx, args)
    }

    /// Adds to an open channel's deposit (its payer).
    pub fn channel_top_up(ctx: Context<ChannelTopUp>, amount: u64) -> Result<()> {
        ChannelTopUp::handler(ctx, amount)
    }

    /// The channel's operator redeems the newest voucher (Ed25519-verified in the same
    /// transaction) and the difference is split as `inference_pay` splits a fee.
    /// Remaining accounts: as for `inference_pay`.
    pub fn channel_settle<'info>(ctx: Context<'info, ChannelSettle<'info>>, voucher: Voucher) -> Result<()> {
        ChannelSettle::handler(ctx, voucher)
    }

    /// The payer starts closing a channel (revoking its agent): the operator settles within a
    /// dispute window, then the rest goes back.
    pub fn channel_close_request(ctx: Context<ChannelCloseRequest>) -> Result<()> {
        ChannelCloseRequest::handler(ctx)
    }

    /// After the settle deadline, the rest of the deposit and the rent go back to the payer
    /// (permissionless).
    pub fn channel_close(ctx: Context<ChannelClose>) -> Result<()> {
        ChannelClose::handler(ctx)
    }
}

include!("../../../tools/sbf/shims.rs");

// Where to report a vulnerability, readable from the deployed program (explorers show it). The
// values come from the build's environment: `.cargo/config.toml` names no one; a deployment sets
// its own (README, "Deploy").
#[cfg(not(feature = "no-entrypoint"))]
solana_security_txt::security_txt! {
    name: "attribution_payout",
    project_url: env!("SECURITY_TXT_PROJECT_URL"),
    contacts: env!("SECURITY_TXT_CONTACTS"),
    policy: env!("SECURITY_TXT_POLICY"),
    source_code: env!("SECURITY_TXT_SOURCE_CODE")
}
