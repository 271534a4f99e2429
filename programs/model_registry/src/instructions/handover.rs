//! Two-step handovers, so that a rotated key keeps what its role earns: the current wallet names
//! its successor (or cancels with `None`), and nothing changes until the successor signs. The
//! accounts keep their addresses (their PDAs keep the first wallet's key); what they pay follows
//! the stored `owner` / `authority`, so fees earned after the handover go to the successor's
//! earnings account (what was earned before stays in the previous wallet's, which
//! `earnings_transfer_*` in `attribution_payout` hands over).
use crate::errors::ModelError;
use crate::events::{HandoverAccepted, HandoverProposed};
use crate::state::{Model, Operator};
use anchor_lang::prelude::*;

/// Sets `pending` and emits the proposal.
fn propose(account: Pubkey, current: Pubkey, pending: &mut Option<Pubkey>, proposed: Option<Pubkey>) {
    *pending = proposed;
    emit!(HandoverProposed { account, current, proposed });
}

/// Makes `successor` the `current` wallet, clears `pending`, and emits the acceptance.
fn accept(account: Pubkey, current: &mut Pubkey, pending: &mut Option<Pubkey>, successor: Pubkey) {
    let previous = *current;
    *current = successor;
    *pending = None;
    emit!(HandoverAccepted { account, previous, current: successor });
}

#[derive(Accounts)]
pub struct ModelOwnerPropose<'info> {
    #[account(mut, has_one = owner @ ModelError::NotOwner)]
    pub model: Box<Account<'info, Model>>,
    pub owner: Signer<'info>,
}

impl ModelOwnerPropose<'_> {
    pub fn handler(ctx: Context<Self>, new_owner: Option<Pubkey>) -> Result<()> {
        let key = ctx.accounts.model.key();
        let model: &mut Model = &mut ctx.accounts.model;
        propose(key, model.owner, &mut model.pending_owner, new_owner);
        Ok(())
    }
}

#[derive(Accounts)]
pub struct ModelOwnerAccept<'info> {
    #[account(mut, constraint = model.pending_owner == Some(new_owner.key()) @ ModelError::NoPendingHandover)]
    pub model: Box<Account<'info, Model>>,
    pub new_owner: Signer<'info>,
}

impl ModelOwnerAccept<'_> {
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let key = ctx.accounts.model.key();
        let model: &mut Model = &mut ctx.accounts.model;
        accept(key, &mut model.owner, &mut model.pending_owner, ctx.accounts.new_owner.key());
        Ok(())
    }
}

#[derive(Accounts)]
pub struct OperatorAuthorityPropose<'info> {
    #[account(mut, has_one = authority @ ModelError::NotOperatorAuthority)]
    pub operator: Box<Account<'info, Operator>>,
    pub authority: Signer<'info>,
}

impl OperatorAuthorityPropose<'_> {
    pub fn handler(ctx: Context<Self>, new_authority: Option<Pubkey>) -> Result<()> {
        let key = ctx.accounts.operator.key();
        let operator: &mut Operator = &mut ctx.accounts.operator;
        propose(key, operator.authority, &mut operator.pending_authority, new_authority);
        Ok(())
    }
}

#[derive(Accounts)]
pub struct OperatorAuthorityAccept<'info> {
    #[account(mut, constraint = operator.pending_authority == Some(new_authority.key()) @ ModelError::NoPendingHandover)]
    pub operator: Box<Account<'info, Operator>>,
    pub new_authority: Signer<'info>,
}

impl OperatorAuthorityAccept<'_> {
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let key = ctx.accounts.operator.key();
        let operator: &mut Operator = &mut ctx.accounts.operator;
        accept(key, &mut operator.authority, &mut operator.pending_authority, ctx.accounts.new_authority.key());
        Ok(())
    }
}
