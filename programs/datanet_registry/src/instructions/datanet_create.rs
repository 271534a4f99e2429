use crate::constants::{ACCOUNT_VERSION, SEED_DATANET};
use crate::events::DatanetCreated;
use crate::pda_account::create_account;
use crate::state::{check_name, check_uri, BondPolicy, Datanet, DatanetPolicy};
use anchor_lang::prelude::*;

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct DatanetCreateArgs {
    /// Any number the creator has not used yet; with the creator, it names the datanet's PDA.
    pub id: u64,
    pub name: String,
    pub uri: String,
    pub policy: DatanetPolicy,
    /// The bond each submission posts and the spam window (`BondPolicy::default()` for neither).
    pub bond: BondPolicy,
}

#[derive(Accounts)]
#[instruction(args: DatanetCreateArgs)]
pub struct DatanetCreate<'info> {
    /// CHECK: the datanet's PDA, vacant; created by the handler (`pda_account::create_account`).
    #[account(mut, seeds = [SEED_DATANET, creator.key().as_ref(), &args.id.to_le_bytes()], bump)]
    pub datanet: UncheckedAccount<'info>,
    /// Pays the rent and becomes the datanet's first authority (curator).
    #[account(mut)]
    pub creator: Signer<'info>,
    pub system_program: Program<'info, System>,
}

impl DatanetCreate<'_> {
    fn validate(&self, args: &DatanetCreateArgs) -> Result<()> {
        check_name(&args.name)?;
        check_uri(&args.uri)?;
        args.policy.validate()?;
        args.bond.validate()
    }

    #[access_control(ctx.accounts.validate(&args))]
    pub fn handler(ctx: Context<Self>, args: DatanetCreateArgs) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let creator = ctx.accounts.creator.key();
        let bump = ctx.bumps.datanet;
        let datanet = Datanet {
            version: ACCOUNT_VERSION,
            bump,
            creator,
            id: args.id,
            authority: creator,
            pending_authority: None,
            policy: args.policy,
            bond: args.bond,
            submitted: 0,
            accepted: 0,
            rejected: 0,
            withdrawn: 0,
            flagged_accepted: 0,
            total_accepted_weight: 0,
            versions: 0,
            versioned_end: 0,
            created_at: now,
            reserved: [0; 32],
            name: args.name,
            uri: args.uri,
        };
        datanet.invariant()?;
        let accounts = &ctx.accounts;
        let id = args.id.to_le_bytes();
        create_account(
            accounts.creator.to_account_info(),
            accounts.datanet.to_account_info(),
            accounts.system_program.key(),
            &[SEED_DATANET, creator.as_ref(), &id, &[bump]],
            &datanet,
        )?;
        emit!(DatanetCreated {
            datanet: accounts.datanet.key(),
            creator,
            id: args.id,
            authority: creator,
            policy: datanet.policy,
            bond: datanet.bond,
            name: datanet.name,
            uri: datanet.uri,
            timestamp: now,
        });
        Ok(())
    }
}
