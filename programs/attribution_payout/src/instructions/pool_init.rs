use crate::constants::{ACCOUNT_VERSION, SEED_POOL};
use crate::events::PoolInitialized;
use crate::state::Pool;
use anchor_lang::prelude::*;
use datanet_registry::state::Datanet;

/// Permissionless: creates a datanet's reward pool (the payer pays its rent).
#[derive(Accounts)]
pub struct PoolInit<'info> {
    pub datanet: Box<Account<'info, Datanet>>,
    #[account(init, payer = payer, space = 8 + Pool::INIT_SPACE, seeds = [SEED_POOL, datanet.key().as_ref()], bump)]
    pub pool: Box<Account<'info, Pool>>,
    #[account(mut)]
    pub payer: Signer<'info>,
    pub system_program: Program<'info, System>,
}

impl PoolInit<'_> {
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let datanet = ctx.accounts.datanet.key();
        ctx.accounts.pool.set_inner(Pool {
            version: ACCOUNT_VERSION,
            bump: ctx.bumps.pool,
            datanet,
            total_weight: 0,
            positions: 0,
            reward_per_weight: 0,
            carry: 0,
            undistributed: 0,
            total_credited: 0,
            total_claimed: 0,
            reserved: [0; 64],
        });
        emit!(PoolInitialized { pool: ctx.accounts.pool.key(), datanet });
        Ok(())
    }
}
