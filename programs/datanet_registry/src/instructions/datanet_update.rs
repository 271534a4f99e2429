use crate::errors::DatanetError;
use crate::events::DatanetUpdated;
use crate::state::{check_uri, Datanet, DatanetPolicy};
use anchor_lang::prelude::*;

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct DatanetUpdateArgs {
    /// New metadata URI, if it changes.
    pub uri: Option<String>,
    /// New policy, if it changes; it applies to contributions submitted from now on.
    pub policy: Option<DatanetPolicy>,
}

#[derive(Accounts)]
pub struct DatanetUpdate<'info> {
    #[account(mut, has_one = authority @ DatanetError::NotAuthority)]
    pub datanet: Box<Account<'info, Datanet>>,
    pub authority: Signer<'info>,
}

impl DatanetUpdate<'_> {
    fn validate(&self, args: &DatanetUpdateArgs) -> Result<()> {
        if let Some(uri) = &args.uri {
            check_uri(uri)?;
        }
        if let Some(policy) = &args.policy {
            policy.validate()?;
        }
        Ok(())
    }

    #[access_control(ctx.accounts.validate(&args))]
    pub fn handler(ctx: Context<Self>, args: DatanetUpdateArgs) -> Result<()> {
        let datanet = &mut ctx.accounts.datanet;
        if let Some(uri) = args.uri {
            datanet.uri = uri;
        }
        if let Some(policy) = args.policy {
            datanet.policy = policy;
        }
        datanet.invariant()?;
        emit!(DatanetUpdated {
            datanet: datanet.key(),
            policy: datanet.policy,
            uri: datanet.uri.clone(),
            timestamp: Clock::get()?.unix_timestamp,
        });
        Ok(())
    }
}
