use crate::errors::DatanetError;
use crate::events::DatanetUpdated;
use crate::state::{check_uri, BondPolicy, Datanet, DatanetPolicy};
use anchor_lang::prelude::*;

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct DatanetUpdateArgs {
    /// New metadata URI, if it changes.
    pub uri: Option<String>,
    /// New policy, if it changes; it applies to contributions submitted from now on.
    pub policy: Option<DatanetPolicy>,
    /// New bond policy, if it changes: the amount applies to submissions from now on, the spam
    /// window to acceptances from now on.
    pub bond: Option<BondPolicy>,
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
        if let Some(bond) = &args.bond {
            bond.validate()?;
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
        if let Some(bond) = args.bond {
            datanet.bond = bond;
        }
        datanet.invariant()?;
        emit!(DatanetUpdated {
            datanet: datanet.key(),
            policy: datanet.policy,
            bond: datanet.bond,
            uri: datanet.uri.clone(),
            timestamp: Clock::get()?.unix_timestamp,
        });
        Ok(())
    }
}
