use crate::errors::PayoutError;
use crate::events::ReceiptClosed;
use crate::state::Receipt;
use anchor_lang::prelude::*;
use datanet_registry::pda_account::is_vacant;

/// Permissionless: once its epoch is closed (no claim can come again), a receipt is closed and its
/// rent returned to whoever paid it.
#[derive(Accounts)]
pub struct ReceiptClose<'info> {
    #[account(mut, close = rent_payer, has_one = epoch, has_one = rent_payer @ PayoutError::WrongRentPayer)]
    pub receipt: Box<Account<'info, Receipt>>,
    /// CHECK: the receipt's epoch (`has_one`), which must be closed.
    pub epoch: UncheckedAccount<'info>,
    /// CHECK: receives the receipt's rent; must be who paid it (`has_one`).
    #[account(mut)]
    pub rent_payer: UncheckedAccount<'info>,
}

impl ReceiptClose<'_> {
    fn validate(&self) -> Result<()> {
        require!(is_vacant(&self.epoch), PayoutError::EpochStillOpen);
        Ok(())
    }

    #[access_control(ctx.accounts.validate())]
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let receipt = &ctx.accounts.receipt;
        emit!(ReceiptClosed {
            receipt: receipt.key(),
            epoch: receipt.epoch,
            contribution: receipt.contribution,
            rent_returned: receipt.to_account_info().lamports(),
        });
        Ok(())
    }
}
