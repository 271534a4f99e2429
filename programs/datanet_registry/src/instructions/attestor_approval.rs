use crate::constants::{ACCOUNT_VERSION, SEED_ATTESTOR_APPROVAL};
use crate::errors::DatanetError;
use crate::events::{AttestorApproved, AttestorRevoked};
use crate::pda_account::{create_account, is_vacant};
use crate::state::{AttestorApproval, Datanet};
use anchor_lang::prelude::*;

/// The curator allows `attestor` to post Proof of Attribution roots for this datanet's share.
#[derive(Accounts)]
#[instruction(attestor: Pubkey)]
pub struct DatanetAttestorApprove<'info> {
    #[account(has_one = authority @ DatanetError::NotAuthority)]
    pub datanet: Box<Account<'info, Datanet>>,
    #[account(mut)]
    pub authority: Signer<'info>,
    /// CHECK: the approval's PDA, vacant; created by the handler.
    #[account(mut, seeds = [SEED_ATTESTOR_APPROVAL, datanet.key().as_ref(), attestor.as_ref()], bump)]
    pub approval: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

impl DatanetAttestorApprove<'_> {
    pub fn handler(ctx: Context<Self>, attestor: Pubkey) -> Result<()> {
        let accounts = &ctx.accounts;
        require!(is_vacant(&accounts.approval), DatanetError::AttestorAlreadyApproved);
        let datanet = accounts.datanet.key();
        let bump = ctx.bumps.approval;
        let approval = AttestorApproval {
            version: ACCOUNT_VERSION,
            bump,
            datanet,
            attestor,
            approved_at: Clock::get()?.unix_timestamp,
            rent_payer: accounts.authority.key(),
        };
        create_account(
            accounts.authority.to_account_info(),
            accounts.approval.to_account_info(),
            accounts.system_program.key(),
            &[SEED_ATTESTOR_APPROVAL, datanet.as_ref(), attestor.as_ref(), &[bump]],
            &approval,
        )?;
        emit!(AttestorApproved { datanet, attestor, curator: accounts.authority.key() });
        Ok(())
    }
}

/// The curator withdraws an attestor's approval: from then on its roots for this datanet's share
/// are refused (an epoch without an approved attestor's root goes to the cited version's pool).
#[derive(Accounts)]
pub struct DatanetAttestorRevoke<'info> {
    #[account(has_one = authority @ DatanetError::NotAuthority)]
    pub datanet: Box<Account<'info, Datanet>>,
    pub authority: Signer<'info>,
    #[account(
        mut,
        close = rent_payer,
        has_one = datanet,
        has_one = rent_payer @ DatanetError::WrongRentPayer,
        seeds = [SEED_ATTESTOR_APPROVAL, datanet.key().as_ref(), approval.attestor.as_ref()],
        bump = approval.bump,
    )]
    pub approval: Box<Account<'info, AttestorApproval>>,
    /// CHECK: who paid the approval's rent (`has_one`): gets it back.
    #[account(mut)]
    pub rent_payer: UncheckedAccount<'info>,
}

impl DatanetAttestorRevoke<'_> {
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let approval = &ctx.accounts.approval;
        emit!(AttestorRevoked {
            datanet: approval.datanet,
            attestor: approval.attestor,
            rent_returned: approval.to_account_info().lamports(),
        });
        Ok(())
    }
}
