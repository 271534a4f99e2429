use crate::constants::{ACCOUNT_VERSION, SEED_CONTRIBUTION};
use crate::errors::DatanetError;
use crate::events::ContributionSubmitted;
use crate::state::{check_uri, Contribution, ContributionStatus, Datanet, DatanetPolicy};
use anchor_lang::prelude::*;
use anchor_lang::system_program::{self, CreateAccount, CreateAccountAllowPrefund};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct ContributionSubmitArgs {
    /// SHA-256 of the content; names the contribution's PDA within the datanet.
    pub content_hash: [u8; 32],
    /// Where the content can be fetched.
    pub uri: String,
    /// Content size in bytes; above zero.
    pub size: u64,
}

#[derive(Accounts)]
#[instruction(args: ContributionSubmitArgs)]
pub struct ContributionSubmit<'info> {
    #[account(mut)]
    pub datanet: Box<Account<'info, Datanet>>,
    /// CHECK: the contribution's PDA. The handler creates it once `validate` has ruled out a
    /// duplicate: Anchor's `init` would fail with the system program's bare "already in use".
    #[account(mut, seeds = [SEED_CONTRIBUTION, datanet.key().as_ref(), args.content_hash.as_ref()], bump)]
    pub contribution: UncheckedAccount<'info>,
    /// Signs, pays the rent, and is paid for the contribution.
    #[account(mut)]
    pub contributor: Signer<'info>,
    pub system_program: Program<'info, System>,
}

impl<'info> ContributionSubmit<'info> {
    fn validate(&self, args: &ContributionSubmitArgs) -> Result<()> {
        let existing = &self.contribution;
        require!(existing.owner == &System::id() && existing.data_is_empty(), DatanetError::DuplicateContribution);
        require!(args.size > 0, DatanetError::EmptyContent);
        check_uri(&args.uri)
    }

    /// Creates the contribution account the way Anchor's `init` does, including when someone
    /// has already sent lamports to its address.
    fn create_account(&self, content_hash: &[u8; 32], bump: u8, space: usize) -> Result<()> {
        let datanet = self.datanet.key();
        let seeds: &[&[u8]] = &[SEED_CONTRIBUTION, datanet.as_ref(), content_hash, &[bump]];
        let rent = Rent::get()?.minimum_balance(space);
        let from = self.contributor.to_account_info();
        let to = self.contribution.to_account_info();
        let program = self.system_program.key();
        match self.contribution.lamports() {
            0 => system_program::create_account(
                CpiContext::new_with_signer(program, CreateAccount { from, to }, &[seeds]),
                rent,
                space as u64,
                &crate::ID,
            ),
            funded => system_program::create_account_allow_prefund(
                CpiContext::new_with_signer(program, CreateAccountAllowPrefund { from, to }, &[seeds]),
                rent.saturating_sub(funded),
                space as u64,
                &crate::ID,
            ),
        }
    }

    #[access_control(ctx.accounts.validate(&args))]
    pub fn handler(ctx: Context<Self>, args: ContributionSubmitArgs) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let bump = ctx.bumps.contribution;
        let accounts = &mut *ctx.accounts;
        accounts.create_account(&args.content_hash, bump, 8 + Contribution::INIT_SPACE)?;

        let datanet = &mut accounts.datanet;
        let (status, weight, decided_at) = match datanet.policy {
            DatanetPolicy::Curated => (ContributionStatus::Pending, 0, 0),
            DatanetPolicy::Open { weight } => {
                datanet.record_accepted(weight)?;
                (ContributionStatus::Accepted, weight, now)
            }
        };
        let index = datanet.submitted;
        datanet.submitted = index.checked_add(1).ok_or(DatanetError::Overflow)?;
        let contribution = Contribution {
            version: ACCOUNT_VERSION,
            bump,
            datanet: datanet.key(),
            contributor: accounts.contributor.key(),
            content_hash: args.content_hash,
            size: args.size,
            status,
            weight,
            reject_reason: 0,
            index,
            submitted_at: now,
            decided_at,
            reserved: [0; 32],
            uri: args.uri,
        };
        contribution.invariant()?;
        datanet.invariant()?;
        contribution.try_serialize(&mut &mut accounts.contribution.try_borrow_mut_data()?[..])?;
        emit!(ContributionSubmitted {
            datanet: datanet.key(),
            contribution: accounts.contribution.key(),
            contributor: contribution.contributor,
            content_hash: contribution.content_hash,
            size: contribution.size,
            index,
            status,
            weight,
            uri: contribution.uri,
            timestamp: now,
        });
        Ok(())
    }
}
