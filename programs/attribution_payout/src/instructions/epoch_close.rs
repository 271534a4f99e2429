use crate::constants::SEED_ATTESTATION;
use crate::errors::PayoutError;
use crate::events::EpochReleased;
use crate::state::{Epoch, EpochStatus, Pool};
use anchor_lang::prelude::*;
use datanet_registry::pda_account::is_vacant;

/// Permissionless: after an epoch's claim period (or once it was released), sends what was not
/// claimed to the datanet's pool and closes the epoch, its rent back to whoever paid it. A posted
/// root's attestation must have closed first (`attestation_close`: the attestor's bond back).
#[derive(Accounts)]
pub struct EpochClose<'info> {
    #[account(mut, close = rent_payer, has_one = rent_payer @ PayoutError::WrongRentPayer)]
    pub epoch: Box<Account<'info, Epoch>>,
    #[account(mut, constraint = pool.datanet_version == epoch.datanet_version @ PayoutError::WrongPool)]
    pub pool: Box<Account<'info, Pool>>,
    /// CHECK: receives the epoch's rent; must be who paid it (`has_one`).
    #[account(mut)]
    pub rent_payer: UncheckedAccount<'info>,
    /// CHECK: the epoch's attestation PDA, which must be vacant.
    #[account(seeds = [SEED_ATTESTATION, epoch.key().as_ref()], bump)]
    pub attestation: UncheckedAccount<'info>,
}

impl EpochClose<'_> {
    fn validate(&self) -> Result<()> {
        match self.epoch.status {
            EpochStatus::Released => {}
            EpochStatus::Posted => {
                require!(Clock::get()?.unix_timestamp >= self.epoch.expires_at, PayoutError::ClaimPeriodNotOver)
            }
            EpochStatus::Open => return err!(PayoutError::RootNotPosted),
            EpochStatus::Challenged => return err!(PayoutError::RootChallenged),
        }
        require!(is_vacant(&self.attestation), PayoutError::AttestorBondHeld);
        Ok(())
    }

    #[access_control(ctx.accounts.validate())]
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let epoch = &mut ctx.accounts.epoch;
        let amount = epoch.return_balance(&mut ctx.accounts.pool)?;
        emit!(EpochReleased { epoch: epoch.key(), model: epoch.model, index: epoch.index, amount, closed: true });
        Ok(())
    }
}
