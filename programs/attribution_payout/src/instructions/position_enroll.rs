use crate::constants::{ACCOUNT_VERSION, SEED_POSITION};
use crate::errors::PayoutError;
use crate::events::PositionEnrolled;
use crate::state::{Pool, Position};
use anchor_lang::prelude::*;
use datanet_registry::pda_account::{create_account, is_vacant};
use datanet_registry::state::{Contribution, ContributionStatus};

/// Permissionless: opens a contribution's position in the pool of a version that contains it.
/// Optional in time: the position starts from the pool's beginning, so everything credited to
/// the version before is still the contribution's own. A contribution accepted after the version
/// was published is not in it (`NotInVersion`), whatever its weight.
#[derive(Accounts)]
pub struct PositionEnroll<'info> {
    #[account(mut, constraint = pool.datanet == contribution.datanet @ PayoutError::WrongPool)]
    pub pool: Box<Account<'info, Pool>>,
    pub contribution: Box<Account<'info, Contribution>>,
    /// CHECK: the position's PDA, vacant; created by the handler (`pda_account::create_account`).
    #[account(mut, seeds = [SEED_POSITION, pool.key().as_ref(), contribution.key().as_ref()], bump)]
    pub position: UncheckedAccount<'info>,
    #[account(mut)]
    pub payer: Signer<'info>,
    pub system_program: Program<'info, System>,
}

impl PositionEnroll<'_> {
    fn validate(&self) -> Result<()> {
        require!(is_vacant(&self.position), PayoutError::AlreadyEnrolled);
        require!(self.contribution.status == ContributionStatus::Accepted, PayoutError::ContributionNotAccepted);
        require!(self.contribution.accepted_seq < self.pool.accepted_end, PayoutError::NotInVersion);
        Ok(())
    }

    #[access_control(ctx.accounts.validate())]
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let accounts = &mut *ctx.accounts;
        let contribution = &accounts.contribution;
        let pool = &mut accounts.pool;
        pool.enroll(contribution.weight)?;
        let bump = ctx.bumps.position;
        let position = Position {
            version: ACCOUNT_VERSION,
            bump,
            pool: pool.key(),
            contribution: contribution.key(),
            beneficiary: contribution.contributor,
            weight: contribution.weight,
            reward_checkpoint: 0,
            fraction: 0,
            total_claimed: 0,
            enrolled_at: Clock::get()?.unix_timestamp,
            reserved: [0; 32],
        };
        create_account(
            accounts.payer.to_account_info(),
            accounts.position.to_account_info(),
            accounts.system_program.key(),
            &[SEED_POSITION, pool.key().as_ref(), contribution.key().as_ref(), &[bump]],
            &position,
        )?;
        emit!(PositionEnrolled {
            position: accounts.position.key(),
            pool: pool.key(),
            contribution: contribution.key(),
            beneficiary: contribution.contributor,
            weight: contribution.weight,
            pool_enrolled_weight: pool.enrolled_weight,
        });
        Ok(())
    }
}
