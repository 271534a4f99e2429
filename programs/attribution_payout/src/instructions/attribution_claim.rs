use crate::constants::{ACCOUNT_VERSION, MAX_PROOF_LEN, SEED_RECEIPT};
use crate::errors::PayoutError;
use crate::events::AttributionClaimed;
use crate::state::{Config, Epoch, EpochStatus, Receipt};
use crate::transfer::{out_of_vault, require_token_account};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use datanet_registry::pda_account::{create, is_vacant};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct AttributionClaimArgs {
    pub amount: u64,
    /// Sibling hashes from the leaf up to the root.
    pub proof: Vec<[u8; 32]>,
}

/// Permissionless crank: pays a claimant its leaf of an epoch's root into the claimant's own
/// token account. Anyone may send it (so value reaches contributors who never come back), but
/// only to the account of the wallet the leaf names; the cranker pays the receipt's rent and gets
/// it back when the receipt is closed after the epoch.
#[derive(Accounts)]
pub struct AttributionClaim<'info> {
    #[account(has_one = vault, has_one = mint @ PayoutError::WrongMint, has_one = token_program @ PayoutError::WrongTokenProgram)]
    pub config: Box<Account<'info, Config>>,
    /// CHECK: the config's fee vault (`has_one`); the token program checks it in the transfer.
    #[account(mut)]
    pub vault: UncheckedAccount<'info>,
    /// CHECK: the OPEN mint (`has_one`).
    pub mint: UncheckedAccount<'info>,
    #[account(mut)]
    pub epoch: Box<Account<'info, Epoch>>,
    /// CHECK: only its address matters: it is what the leaf commits to.
    pub claimant: UncheckedAccount<'info>,
    /// CHECK: an OPEN token account of the claimant's own, checked in `validate`.
    #[account(mut)]
    pub destination: UncheckedAccount<'info>,
    /// CHECK: the receipt's PDA, vacant until this claim; created by the handler.
    #[account(mut, seeds = [SEED_RECEIPT, epoch.key().as_ref(), claimant.key().as_ref()], bump)]
    pub receipt: UncheckedAccount<'info>,
    #[account(mut)]
    pub cranker: Signer<'info>,
    pub token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl AttributionClaim<'_> {
    fn validate(&self, args: &AttributionClaimArgs) -> Result<()> {
        let epoch = &self.epoch;
        require!(epoch.status == EpochStatus::Posted, PayoutError::RootNotPosted);
        let now = Clock::get()?.unix_timestamp;
        require!(now >= epoch.claims_open_at, PayoutError::ChallengeWindowOpen);
        require!(now < epoch.expires_at, PayoutError::ClaimPeriodOver);
        require!(args.amount > 0, PayoutError::ZeroAmount);
        require!(args.proof.len() <= MAX_PROOF_LEN, PayoutError::ProofTooLong);
        require!(is_vacant(&self.receipt), PayoutError::AlreadyClaimed);
        let claimed = epoch.claimed.checked_add(args.amount).ok_or(PayoutError::MathOverflow)?;
        require!(claimed <= epoch.total, PayoutError::ClaimAboveTotal);
        let leaf = poa_merkle::leaf(&epoch.model.to_bytes(), epoch.index, &self.claimant.key().to_bytes(), args.amount);
        require!(poa_merkle::verify(&epoch.root, &leaf, &args.proof), PayoutError::InvalidProof);
        require_token_account(&self.destination, &self.config, &self.claimant.key())
    }

    #[access_control(ctx.accounts.validate(&args))]
    pub fn handler(ctx: Context<Self>, args: AttributionClaimArgs) -> Result<()> {
        let accounts = &mut *ctx.accounts;
        let epoch_key = accounts.epoch.key();
        let claimant = accounts.claimant.key();
        let bump = ctx.bumps.receipt;
        let seeds: &[&[u8]] = &[SEED_RECEIPT, epoch_key.as_ref(), claimant.as_ref(), &[bump]];
        create(
            accounts.cranker.to_account_info(),
            accounts.receipt.to_account_info(),
            accounts.system_program.key(),
            seeds,
            8 + Receipt::INIT_SPACE,
            &crate::ID,
        )?;
        let receipt = Receipt {
            version: ACCOUNT_VERSION,
            bump,
            epoch: epoch_key,
            claimant,
            amount: args.amount,
            rent_payer: accounts.cranker.key(),
        };
        receipt.try_serialize(&mut &mut accounts.receipt.try_borrow_mut_data()?[..])?;
        let epoch = &mut accounts.epoch;
        epoch.claimed += args.amount; // checked against `total` in `validate`
        epoch.invariant()?;
        out_of_vault(
            &accounts.config,
            accounts.vault.to_account_info(),
            accounts.destination.to_account_info(),
            accounts.mint.to_account_info(),
            accounts.token_program.key(),
            args.amount,
        )?;
        emit!(AttributionClaimed {
            epoch: epoch_key,
            model: accounts.epoch.model,
            index: accounts.epoch.index,
            claimant,
            amount: args.amount,
            claimed: accounts.epoch.claimed,
        });
        Ok(())
    }
}
