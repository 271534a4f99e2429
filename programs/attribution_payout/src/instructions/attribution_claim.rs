use crate::constants::{ACCOUNT_VERSION, MAX_PROOF_LEN, SEED_RECEIPT};
use crate::errors::PayoutError;
use crate::events::AttributionClaimed;
use crate::state::{Config, Epoch, Receipt};
use crate::transfer::{out_of_vault, require_token_account};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use datanet_registry::pda_account::{create, is_vacant};
use datanet_registry::state::{ContributionHead, ContributionStatus};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct AttributionClaimArgs {
    pub amount: u64,
    /// Sibling hashes from the leaf up to the root.
    pub proof: Vec<[u8; 32]>,
}

/// Permissionless crank: pays a contribution its leaf of an epoch's root, into its contributor's
/// own token account. A leaf names a `Contribution` account, never a wallet, and the claim pays
/// only one that is accepted, of the epoch's datanet and in the version the model cites
/// (`Epoch::accepted_end`): a root cannot pay the attestor, the model owner or anyone but contributors.
/// Anyone may send it (so value reaches contributors who never come back); the cranker pays the
/// receipt's rent and gets it back when the receipt is closed after the epoch.
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
    /// CHECK: the contribution the leaf names: `ContributionHead::read` checks that it is one.
    pub contribution: UncheckedAccount<'info>,
    /// CHECK: an OPEN token account of the contribution's contributor, checked in `validate`.
    #[account(mut)]
    pub destination: UncheckedAccount<'info>,
    /// CHECK: the receipt's PDA, vacant until this claim; created by the handler.
    #[account(mut, seeds = [SEED_RECEIPT, epoch.key().as_ref(), contribution.key().as_ref()], bump)]
    pub receipt: UncheckedAccount<'info>,
    #[account(mut)]
    pub cranker: Signer<'info>,
    pub token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl AttributionClaim<'_> {
    /// Returns the wallet the claim pays: the contribution's contributor.
    fn validate(&self, args: &AttributionClaimArgs) -> Result<Pubkey> {
        let epoch = &self.epoch;
        epoch.require_posted()?;
        let now = Clock::get()?.unix_timestamp;
        require!(now >= epoch.claims_open_at, PayoutError::ChallengeWindowOpen);
        require!(now < epoch.expires_at, PayoutError::ClaimPeriodOver);
        require!(args.amount > 0, PayoutError::ZeroAmount);
        require!(args.proof.len() <= MAX_PROOF_LEN, PayoutError::ProofTooLong);
        require!(is_vacant(&self.receipt), PayoutError::AlreadyClaimed);
        let claimed = epoch.claimed.checked_add(args.amount).ok_or(PayoutError::MathOverflow)?;
        require!(claimed <= epoch.total, PayoutError::ClaimAboveTotal);
        let contribution = ContributionHead::read(&self.contribution)?;
        require!(contribution.datanet == epoch.datanet, PayoutError::ContributionOfAnotherDatanet);
        require!(contribution.status == ContributionStatus::Accepted, PayoutError::ContributionNotAccepted);
        require!(contribution.accepted_seq < epoch.accepted_end, PayoutError::NotInVersion);
        let leaf =
            poa_merkle::leaf(&epoch.model.to_bytes(), epoch.index, &self.contribution.key().to_bytes(), args.amount);
        require!(poa_merkle::verify(&epoch.root, &leaf, &args.proof), PayoutError::InvalidProof);
        require_token_account(&self.destination, &self.config, &contribution.contributor)?;
        Ok(contribution.contributor)
    }

    pub fn handler(ctx: Context<Self>, args: AttributionClaimArgs) -> Result<()> {
        let paid_to = ctx.accounts.validate(&args)?;
        let accounts = &mut *ctx.accounts;
        let epoch_key = accounts.epoch.key();
        let contribution = accounts.contribution.key();
        let bump = ctx.bumps.receipt;
        let seeds: &[&[u8]] = &[SEED_RECEIPT, epoch_key.as_ref(), contribution.as_ref(), &[bump]];
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
            contribution,
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
            contribution,
            paid_to,
            amount: args.amount,
            claimed: accounts.epoch.claimed,
        });
        Ok(())
    }
}
