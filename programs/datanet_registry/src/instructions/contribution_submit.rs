use crate::bond::BondAccounts;
use crate::constants::{ACCOUNT_VERSION, SEED_CONTRIBUTION};
use crate::errors::DatanetError;
use crate::events::ContributionSubmitted;
use crate::pda_account::{create, is_vacant};
use crate::state::{check_uri, Contribution, ContributionStatus, Datanet, DatanetPolicy};
use anchor_lang::prelude::*;

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
    /// Signs, pays the rent (and the bond), and is paid for the contribution.
    #[account(mut)]
    pub contributor: Signer<'info>,
    pub system_program: Program<'info, System>,
    /// CHECK: the bond vault, when the datanet requires a bond (checked by `BondAccounts`).
    #[account(mut)]
    pub bond_vault: Option<UncheckedAccount<'info>>,
    /// CHECK: the contributor's OPEN token account the bond comes from (`BondAccounts`).
    #[account(mut)]
    pub contributor_token: Option<UncheckedAccount<'info>>,
    /// CHECK: the OPEN mint (`BondAccounts`).
    pub mint: Option<UncheckedAccount<'info>>,
    /// CHECK: the bond vault's token program (`BondAccounts`).
    pub token_program: Option<UncheckedAccount<'info>>,
}

impl ContributionSubmit<'_> {
    fn validate(&self, args: &ContributionSubmitArgs) -> Result<()> {
        require!(is_vacant(&self.contribution), DatanetError::DuplicateContribution);
        require!(args.size > 0, DatanetError::EmptyContent);
        check_uri(&args.uri)
    }

    #[access_control(ctx.accounts.validate(&args))]
    pub fn handler(ctx: Context<Self>, args: ContributionSubmitArgs) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let bump = ctx.bumps.contribution;
        let accounts = &mut *ctx.accounts;
        let datanet_key = accounts.datanet.key();
        let seeds: &[&[u8]] = &[SEED_CONTRIBUTION, datanet_key.as_ref(), &args.content_hash, &[bump]];
        create(
            accounts.contributor.to_account_info(),
            accounts.contribution.to_account_info(),
            accounts.system_program.key(),
            seeds,
            8 + Contribution::INIT_SPACE,
            &crate::ID,
        )?;

        let bond = accounts.datanet.bond.amount;
        if bond > 0 {
            let contributor = accounts.contributor.key();
            BondAccounts::new(
                accounts.bond_vault.as_deref(),
                accounts.contributor_token.as_deref(),
                accounts.mint.as_deref(),
                accounts.token_program.as_deref(),
                &contributor,
            )?
            .deposit(accounts.contributor.to_account_info(), bond)?;
        }

        let datanet = &mut accounts.datanet;
        let index = datanet.submitted;
        datanet.submitted = index.checked_add(1).ok_or(DatanetError::Overflow)?;
        let mut contribution = Contribution {
            version: ACCOUNT_VERSION,
            bump,
            datanet: datanet.key(),
            contributor: accounts.contributor.key(),
            content_hash: args.content_hash,
            size: args.size,
            status: ContributionStatus::Pending,
            weight: 0,
            reject_reason: 0,
            index,
            submitted_at: now,
            decided_at: 0,
            accepted_seq: 0,
            pending_contributor: None,
            bond,
            flaggable_until: 0,
            reserved: [0; 8],
            uri: args.uri,
        };
        if let DatanetPolicy::Open { weight } = datanet.policy {
            contribution.accept(datanet, weight, now)?;
        }
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
            status: contribution.status,
            weight: contribution.weight,
            bond,
            uri: contribution.uri,
            timestamp: now,
        });
        Ok(())
    }
}
