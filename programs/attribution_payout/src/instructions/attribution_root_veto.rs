use crate::errors::PayoutError;
use crate::events::AttributionRootVetoed;
use crate::state::{Config, Epoch, EpochStatus, Pool};
use anchor_lang::prelude::*;

/// The guardian's check: during the challenge window, the config's guardian strikes down a
/// posted root it finds wrong, e.g. after recomputing the allocation from the public inputs.
/// Nothing has been claimed yet, so everything the epoch still holds goes to its datanet's pool
/// (the static path) and the epoch ends as released; the attestor's bond can be released (a
/// veto is governance's call, not a challenger's proof: slashing is `stake_slash`'s). A root under
/// challenge is the resolver's to decide (`RootChallenged`).
#[derive(Accounts)]
pub struct AttributionRootVeto<'info> {
    #[account(has_one = guardian @ PayoutError::NotGuardian)]
    pub config: Box<Account<'info, Config>>,
    pub guardian: Signer<'info>,
    #[account(mut)]
    pub epoch: Box<Account<'info, Epoch>>,
    #[account(mut, constraint = pool.datanet_version == epoch.datanet_version @ PayoutError::WrongPool)]
    pub pool: Box<Account<'info, Pool>>,
}

impl AttributionRootVeto<'_> {
    fn validate(&self) -> Result<()> {
        self.epoch.require_posted()?;
        require!(Clock::get()?.unix_timestamp < self.epoch.claims_open_at, PayoutError::ChallengeWindowClosed);
        Ok(())
    }

    #[access_control(ctx.accounts.validate())]
    pub fn handler(ctx: Context<Self>, reason: u16) -> Result<()> {
        let epoch = &mut ctx.accounts.epoch;
        let root = epoch.root;
        let amount = epoch.return_balance(&mut ctx.accounts.pool)?;
        epoch.status = EpochStatus::Released;
        epoch.expires_at = Clock::get()?.unix_timestamp;
        epoch.invariant()?;
        emit!(AttributionRootVetoed {
            epoch: epoch.key(),
            model: epoch.model,
            index: epoch.index,
            root,
            amount,
            reason
        });
        Ok(())
    }
}
