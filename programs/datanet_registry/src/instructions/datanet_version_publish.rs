use crate::constants::{ACCOUNT_VERSION, SEED_DATANET_VERSION};
use crate::errors::DatanetError;
use crate::events::DatanetVersionPublished;
use crate::state::{check_uri, Datanet, DatanetVersion};
use anchor_lang::prelude::*;

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct DatanetVersionPublishArgs {
    /// The next version number: the datanet's `versions + 1`.
    pub number: u32,
    /// Merkle root over the accepted contributions the version contains.
    pub contributions_root: [u8; 32],
    /// How many accepted contributions it contains: at least one, at most all accepted ones.
    pub contribution_count: u64,
    /// Where the version's manifest is published.
    pub uri: String,
}

#[derive(Accounts)]
#[instruction(args: DatanetVersionPublishArgs)]
pub struct DatanetVersionPublish<'info> {
    #[account(mut, has_one = authority @ DatanetError::NotAuthority)]
    pub datanet: Box<Account<'info, Datanet>>,
    #[account(
        init,
        payer = authority,
        space = 8 + DatanetVersion::INIT_SPACE,
        seeds = [SEED_DATANET_VERSION, datanet.key().as_ref(), &args.number.to_le_bytes()],
        bump,
    )]
    pub datanet_version: Box<Account<'info, DatanetVersion>>,
    #[account(mut)]
    pub authority: Signer<'info>,
    pub system_program: Program<'info, System>,
}

impl DatanetVersionPublish<'_> {
    fn validate(&self, args: &DatanetVersionPublishArgs) -> Result<()> {
        let next = self.datanet.versions.checked_add(1).ok_or(DatanetError::Overflow)?;
        require!(args.number == next, DatanetError::WrongVersionNumber);
        require!(
            args.contribution_count > 0 && args.contribution_count <= self.datanet.accepted,
            DatanetError::InvalidVersionCount
        );
        check_uri(&args.uri)
    }

    #[access_control(ctx.accounts.validate(&args))]
    pub fn handler(ctx: Context<Self>, args: DatanetVersionPublishArgs) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let datanet = &mut ctx.accounts.datanet;
        datanet.versions = args.number;
        let version = &mut ctx.accounts.datanet_version;
        version.set_inner(DatanetVersion {
            version: ACCOUNT_VERSION,
            bump: ctx.bumps.datanet_version,
            datanet: datanet.key(),
            number: args.number,
            contributions_root: args.contributions_root,
            contribution_count: args.contribution_count,
            published_at: now,
            reserved: [0; 32],
            uri: args.uri,
        });
        version.invariant()?;
        datanet.invariant()?;
        emit!(DatanetVersionPublished {
            datanet: datanet.key(),
            datanet_version: version.key(),
            number: args.number,
            contributions_root: args.contributions_root,
            contribution_count: args.contribution_count,
            uri: version.uri.clone(),
            timestamp: now,
        });
        Ok(())
    }
}
