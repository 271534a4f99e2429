use crate::constants::{ACCOUNT_VERSION, SEED_DATANET_VERSION};
use crate::errors::DatanetError;
use crate::events::DatanetVersionPublished;
use crate::pda_account::create_account;
use crate::state::{check_uri, Datanet, DatanetVersion};
use anchor_lang::prelude::*;

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct DatanetVersionPublishArgs {
    /// The next version number: the datanet's `versions + 1`.
    pub number: u32,
    /// Merkle root over the manifest of the contributions the version contains: every
    /// contribution accepted so far (the chain fixes the set and its total weight).
    pub contributions_root: [u8; 32],
    /// Where the version's manifest is published.
    pub uri: String,
}

#[derive(Accounts)]
#[instruction(args: DatanetVersionPublishArgs)]
pub struct DatanetVersionPublish<'info> {
    #[account(mut, has_one = authority @ DatanetError::NotAuthority)]
    pub datanet: Box<Account<'info, Datanet>>,
    /// CHECK: the version's PDA, vacant; created by the handler (`pda_account::create_account`).
    #[account(mut, seeds = [SEED_DATANET_VERSION, datanet.key().as_ref(), &args.number.to_le_bytes()], bump)]
    pub datanet_version: UncheckedAccount<'info>,
    #[account(mut)]
    pub authority: Signer<'info>,
    pub system_program: Program<'info, System>,
}

impl DatanetVersionPublish<'_> {
    fn validate(&self, args: &DatanetVersionPublishArgs) -> Result<()> {
        let next = self.datanet.versions.checked_add(1).ok_or(DatanetError::Overflow)?;
        require!(args.number == next, DatanetError::WrongVersionNumber);
        require!(self.datanet.total_accepted_weight > 0, DatanetError::EmptyVersion);
        check_uri(&args.uri)
    }

    #[access_control(ctx.accounts.validate(&args))]
    pub fn handler(ctx: Context<Self>, args: DatanetVersionPublishArgs) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let accounts = &mut *ctx.accounts;
        let datanet = &mut accounts.datanet;
        datanet.versions = args.number;
        datanet.versioned_end = datanet.accepted;
        let bump = ctx.bumps.datanet_version;
        let version = DatanetVersion {
            version: ACCOUNT_VERSION,
            bump,
            datanet: datanet.key(),
            number: args.number,
            contributions_root: args.contributions_root,
            contribution_count: datanet.live_accepted()?,
            accepted_end: datanet.accepted,
            total_weight: datanet.total_accepted_weight,
            published_at: now,
            reserved: [0; 32],
            uri: args.uri,
        };
        version.invariant()?;
        datanet.invariant()?;
        let number = args.number.to_le_bytes();
        create_account(
            accounts.authority.to_account_info(),
            accounts.datanet_version.to_account_info(),
            accounts.system_program.key(),
            &[SEED_DATANET_VERSION, datanet.key().as_ref(), &number, &[bump]],
            &version,
        )?;
        emit!(DatanetVersionPublished {
            datanet: datanet.key(),
            datanet_version: accounts.datanet_version.key(),
            number: args.number,
            contributions_root: args.contributions_root,
            contribution_count: version.contribution_count,
            total_weight: version.total_weight,
            uri: version.uri,
            timestamp: now,
        });
        Ok(())
    }
}
