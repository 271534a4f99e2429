use crate::constants::{ACCOUNT_VERSION, SEED_POOL};
use crate::events::PoolInitialized;
use crate::state::Pool;
use anchor_lang::prelude::*;
use datanet_registry::pda_account::create_account;
use datanet_registry::state::DatanetVersion;

/// Permissionless: creates the reward pool of a published datanet version (the payer pays its
/// rent), with the version's membership and total weight, fixed for good.
#[derive(Accounts)]
pub struct PoolInit<'info> {
    pub datanet_version: Box<Account<'info, DatanetVersion>>,
    /// CHECK: the pool's PDA, vacant; created by the handler (`pda_account::create_account`).
    #[account(mut, seeds = [SEED_POOL, datanet_version.key().as_ref()], bump)]
    pub pool: UncheckedAccount<'info>,
    #[account(mut)]
    pub payer: Signer<'info>,
    pub system_program: Program<'info, System>,
}

impl PoolInit<'_> {
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let accounts = &ctx.accounts;
        let version = &accounts.datanet_version;
        let bump = ctx.bumps.pool;
        let pool = Pool {
            version: ACCOUNT_VERSION,
            bump,
            datanet: version.datanet,
            datanet_version: version.key(),
            accepted_end: version.accepted_end,
            total_weight: version.total_weight,
            enrolled_weight: 0,
            positions: 0,
            reward_per_weight: 0,
            carry: 0,
            total_credited: 0,
            total_claimed: 0,
            reserved: [0; 64],
        };
        pool.invariant()?;
        create_account(
            accounts.payer.to_account_info(),
            accounts.pool.to_account_info(),
            accounts.system_program.key(),
            &[SEED_POOL, version.key().as_ref(), &[bump]],
            &pool,
        )?;
        emit!(PoolInitialized {
            pool: accounts.pool.key(),
            datanet: version.datanet,
            datanet_version: version.key(),
            total_weight: version.total_weight,
        });
        Ok(())
    }
}
