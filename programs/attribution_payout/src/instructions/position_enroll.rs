use crate::constants::{ACCOUNT_VERSION, SEED_POSITION};
use crate::errors::PayoutError;
use crate::events::PositionEnrolled;
use crate::state::{Pool, Position};
use anchor_lang::prelude::*;
use datanet_registry::state::{Contribution, ContributionStatus};

/// Permissionless: enters an accepted contribution into its datanet's pool with its final
/// weight. Fees credited before are not owed to it, except what waited for the pool's first
/// weight, which this enrolment releases to everyone then enrolled.
#[derive(Accounts)]
pub struct PositionEnroll<'info> {
    #[account(mut, constraint = pool.datanet == contribution.datanet @ PayoutError::WrongPool)]
    pub pool: Box<Account<'info, Pool>>,
    pub contribution: Box<Account<'info, Contribution>>,
    #[account(
        init,
        payer = payer,
        space = 8 + Position::INIT_SPACE,
        seeds = [SEED_POSITION, contribution.key().as_ref()],
        bump,
    )]
    pub position: Box<Account<'info, Position>>,
    #[account(mut)]
    pub payer: Signer<'info>,
    pub system_program: Program<'info, System>,
}

impl PositionEnroll<'_> {
    fn validate(&self) -> Result<()> {
        require!(self.contribution.status == ContributionStatus::Accepted, PayoutError::ContributionNotAccepted);
        Ok(())
    }

    #[access_control(ctx.accounts.validate())]
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let contribution = &ctx.accounts.contribution;
        let pool = &mut ctx.accounts.pool;
        // The checkpoint is taken before the weight joins, so a release below includes this
        // position, and nothing credited earlier does.
        let checkpoint = pool.reward_per_weight;
        let released = pool.enroll(contribution.weight)?;
        pool.invariant()?;
        ctx.accounts.position.set_inner(Position {
            version: ACCOUNT_VERSION,
            bump: ctx.bumps.position,
            pool: pool.key(),
            contribution: contribution.key(),
            beneficiary: contribution.contributor,
            weight: contribution.weight,
            reward_checkpoint: checkpoint,
            fraction: 0,
            total_claimed: 0,
            enrolled_at: Clock::get()?.unix_timestamp,
            reserved: [0; 32],
        });
        emit!(PositionEnrolled {
            position: ctx.accounts.position.key(),
            pool: pool.key(),
            contribution: contribution.key(),
            beneficiary: contribution.contributor,
            weight: contribution.weight,
            pool_total_weight: pool.total_weight,
            released,
        });
        Ok(())
    }
}
