//! # datanet_registry: who contributed
//!
//! Roles: a datanet's **creator** opens it and becomes its **authority** (curator); any wallet can
//! be a **contributor**. State machine of a contribution:
//!
//! ```text
//! submit ──► Pending ──review(accept, weight>0)──► Accepted   (weight frozen)
//!              │    ├──review(reject, reason)────► Rejected   (final) ──withdraw──► closed
//!              │    └──flag_spam (curator)───────► Flagged    (final) ──withdraw──► closed
//!              └──withdraw (contributor)──► closed, rent (and bond) returned to the contributor
//! open policy: submit ──► Accepted at once with the datanet's fixed weight
//! Accepted ──flag_spam (in no version yet, within the spam window)──► Flagged
//! ```
//! A datanet's `BondPolicy` may require a bond in OPEN per submission (see `bond`): returned on
//! withdrawal, rejection, or once accepted past flagging; forfeited to the treasury when flagged.
//! Published versions (`DatanetVersion`) are immutable snapshots that models cite. This program
//! never holds tokens; `attribution_payout` reads accepted contributions to pay their owners.
use anchor_lang::prelude::*;

pub mod bond;
pub mod constants;
pub mod errors;
pub mod events;
pub mod instructions;
pub mod payout_config;
pub mod pda_account;
pub mod state;
pub mod token;

use instructions::*;

declare_id!("DKoaReFZ2bj4QA82KJfpYn4cM8uYn4vhxhDNzC8TkoLf");

#[program]
pub mod datanet_registry {
    use super::*;

    /// Creates a datanet owned by its creator, who becomes its curator.
    pub fn datanet_create(ctx: Context<DatanetCreate>, args: DatanetCreateArgs) -> Result<()> {
        DatanetCreate::handler(ctx, args)
    }

    /// Changes a datanet's metadata URI and/or policy (authority only).
    pub fn datanet_update(ctx: Context<DatanetUpdate>, args: DatanetUpdateArgs) -> Result<()> {
        DatanetUpdate::handler(ctx, args)
    }

    /// Names the next authority (or cancels with `None`); it takes effect when accepted.
    pub fn datanet_authority_propose(
        ctx: Context<DatanetAuthorityPropose>,
        new_authority: Option<Pubkey>,
    ) -> Result<()> {
        DatanetAuthorityPropose::handler(ctx, new_authority)
    }

    /// The proposed authority takes over.
    pub fn datanet_authority_accept(ctx: Context<DatanetAuthorityAccept>) -> Result<()> {
        DatanetAuthorityAccept::handler(ctx)
    }

    /// Submits content (by its SHA-256) to a datanet; pending, or accepted at once if open.
    pub fn contribution_submit(ctx: Context<ContributionSubmit>, args: ContributionSubmitArgs) -> Result<()> {
        ContributionSubmit::handler(ctx, args)
    }

    /// Takes back a pending contribution, or clears away a rejected one (the contributor, or the
    /// curator); its rent returns to the contributor. Accepted contributions are permanent.
    pub fn contribution_withdraw(ctx: Context<ContributionWithdraw>) -> Result<()> {
        ContributionWithdraw::handler(ctx)
    }

    /// Names the wallet the contribution is handed to (or cancels with `None`).
    pub fn contribution_transfer_propose(
        ctx: Context<ContributionTransferPropose>,
        new_contributor: Option<Pubkey>,
    ) -> Result<()> {
        ContributionTransferPropose::handler(ctx, new_contributor)
    }

    /// The proposed wallet becomes the contribution's contributor.
    pub fn contribution_transfer_accept(ctx: Context<ContributionTransferAccept>) -> Result<()> {
        ContributionTransferAccept::handler(ctx)
    }

    /// Creates the bond vault (once, by anyone) with `attribution_payout`'s OPEN mint.
    pub fn bond_vault_init(ctx: Context<BondVaultInit>) -> Result<()> {
        BondVaultInit::handler(ctx)
    }

    /// The curator flags a contribution as spam (pending, or accepted, in no version yet and
    /// within its spam window): it is in no version, and its bond goes to the treasury.
    pub fn contribution_flag_spam(ctx: Context<ContributionFlagSpam>) -> Result<()> {
        ContributionFlagSpam::handler(ctx)
    }

    /// Returns a contribution's bond to its contributor once it can no longer be forfeited.
    pub fn contribution_bond_refund(ctx: Context<ContributionBondRefund>) -> Result<()> {
        ContributionBondRefund::handler(ctx)
    }

    /// Accepts (with a weight) or rejects (with a reason) a pending contribution. Final.
    pub fn contribution_review(ctx: Context<ContributionReview>, decision: ReviewDecision) -> Result<()> {
        ContributionReview::handler(ctx, decision)
    }

    /// The curator allows `attestor` to post Proof of Attribution roots for this datanet's share.
    pub fn datanet_attestor_approve(ctx: Context<DatanetAttestorApprove>, attestor: Pubkey) -> Result<()> {
        DatanetAttestorApprove::handler(ctx, attestor)
    }

    /// The curator withdraws an attestor's approval (rent back to who paid it).
    pub fn datanet_attestor_revoke(ctx: Context<DatanetAttestorRevoke>) -> Result<()> {
        DatanetAttestorRevoke::handler(ctx)
    }

    /// Publishes an immutable version of the datanet that models can cite.
    pub fn datanet_version_publish(ctx: Context<DatanetVersionPublish>, args: DatanetVersionPublishArgs) -> Result<()> {
        DatanetVersionPublish::handler(ctx, args)
    }
}

include!("../../../tools/sbf/shims.rs");

// Where to report a vulnerability, readable from the deployed program (explorers show it). The
// values come from the build's environment: `.cargo/config.toml` names no one; a deployment sets
// its own (README, "Deploy").
#[cfg(not(feature = "no-entrypoint"))]
solana_security_txt::security_txt! {
    name: "datanet_registry",
    project_url: env!("SECURITY_TXT_PROJECT_URL"),
    contacts: env!("SECURITY_TXT_CONTACTS"),
    policy: env!("SECURITY_TXT_POLICY"),
    source_code: env!("SECURITY_TXT_SOURCE_CODE")
}
