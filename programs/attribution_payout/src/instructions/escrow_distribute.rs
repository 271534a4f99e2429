use crate::errors::PayoutError;
use crate::events::EscrowDistributed;
use crate::fanout::{credit_lineage, split_by_lineage};
use crate::state::{Config, Earnings, EarningsRole, Escrow};
use anchor_lang::prelude::*;
use model_registry::state::{Model, ModelState};

/// Permissionless crank: applies an upstream model's own split to what its escrow holds, with
/// the same code as `inference_pay` (no protocol fee: it was taken when the fee was paid; the
/// operator share goes to the owner, since nobody executed this hop). Each hop of a derivative
/// chain costs O(1) and writes the next hop's escrow, never recursing. A proof-attributed entry
/// of the upstream model takes its part into its datanet's pool here: an upstream hop has no
/// outputs of its own to attribute.
/// `remaining_accounts`: the model's lineage accounts, as for `inference_pay`.
#[derive(Accounts)]
pub struct EscrowDistribute<'info> {
    pub config: Box<Account<'info, Config>>,
    #[account(mut, has_one = model)]
    pub escrow: Box<Account<'info, Escrow>>,
    pub model: Box<Account<'info, Model>>,
    #[account(
        mut,
        constraint = treasury_earnings.belongs_to(&config.treasury, EarningsRole::Treasury) @ PayoutError::WrongEarnings,
    )]
    pub treasury_earnings: Box<Account<'info, Earnings>>,
    #[account(
        mut,
        constraint = owner_earnings.belongs_to(&model.owner, EarningsRole::ModelOwner) @ PayoutError::WrongEarnings,
    )]
    pub owner_earnings: Box<Account<'info, Earnings>>,
}

impl<'info> EscrowDistribute<'info> {
    fn validate(&self) -> Result<()> {
        require!(self.escrow.balance > 0, PayoutError::NothingToDistribute);
        require!(self.model.state != ModelState::Draft, PayoutError::EscrowModelDraft);
        Ok(())
    }

    #[access_control(ctx.accounts.validate())]
    pub fn handler(ctx: Context<'info, Self>) -> Result<()> {
        let accounts = &mut *ctx.accounts;
        let amount = accounts.escrow.balance;
        let split = split_by_lineage(amount, 0, &accounts.model)?;
        let parts = split.parts();
        let owner_amount = parts[0].checked_add(parts[1]).ok_or(PayoutError::MathOverflow)?;
        accounts.treasury_earnings.credit(split.treasury())?;
        accounts.owner_earnings.credit(owner_amount)?;
        let model_key = accounts.model.key();
        let (lineage, _) = credit_lineage(&model_key, &accounts.model, &parts[2..], ctx.remaining_accounts, None)?;

        let escrow = &mut accounts.escrow;
        escrow.balance = 0;
        escrow.total_distributed = escrow.total_distributed.checked_add(amount).ok_or(PayoutError::MathOverflow)?;
        escrow.invariant()?;
        emit!(EscrowDistributed {
            model: accounts.model.key(),
            escrow: escrow.key(),
            amount,
            dust: split.dust,
            owner: accounts.model.owner,
            owner_amount,
            lineage,
            timestamp: Clock::get()?.unix_timestamp,
        });
        Ok(())
    }
}
