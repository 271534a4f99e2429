use crate::errors::ModelError;
use crate::events::ModelLineageSet as ModelLineageSetEvent;
use crate::state::{LineageEntry, LineageSource, Model, ModelKind, ModelState};
use anchor_lang::prelude::*;
use datanet_registry::state::{Datanet, DatanetVersion};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct ModelLineageSetArgs {
    /// At most 8 datanets and upstream models, each with its share.
    pub entries: Vec<LineageEntry>,
    pub owner_share_bps: u16,
    pub operator_share_bps: u16,
}

/// Sets (or replaces) a draft model's lineage. Every datanet entry cites a published
/// `DatanetVersion`: the fees that reach the entry are shared among exactly that version's
/// contributions. `remaining_accounts` carries, for each entry in order, its datanet or upstream
/// model account, followed by the cited `DatanetVersion` account for a datanet entry; nothing else.
#[derive(Accounts)]
pub struct ModelLineageSet<'info> {
    #[account(mut, has_one = owner @ ModelError::NotOwner)]
    pub model: Box<Account<'info, Model>>,
    pub owner: Signer<'info>,
}

impl<'info> ModelLineageSet<'info> {
    fn validate(&self, args: &ModelLineageSetArgs) -> Result<()> {
        require!(self.model.state == ModelState::Draft, ModelError::NotDraft);
        Model::check_shares(&args.entries, args.owner_share_bps, args.operator_share_bps)?;
        let model = self.model.key();
        for (i, entry) in args.entries.iter().enumerate() {
            require_keys_neq!(entry.target, model, ModelError::SelfReference);
            require!(!args.entries[..i].iter().any(|e| e.target == entry.target), ModelError::DuplicateEntry);
        }
        if self.model.kind == ModelKind::Agent {
            require!(
                !args.entries.is_empty() && args.entries.iter().all(|e| e.source == LineageSource::Model),
                ModelError::AgentCallsModelsOnly
            );
        }
        if self.model.kind == ModelKind::Adapter {
            let base = self.model.base_model;
            require!(
                args.entries.iter().any(|e| e.source == LineageSource::Model && Some(e.target) == base),
                ModelError::AdapterWithoutBase
            );
        }
        Ok(())
    }

    /// Checks each entry against the accounts passed: the right key, owned by the right program,
    /// of the right type; a cited version belongs to its datanet; an upstream model is published.
    fn check_referenced_accounts(entries: &[LineageEntry], accounts: &'info [AccountInfo<'info>]) -> Result<()> {
        let mut accounts = accounts.iter();
        let mut next = |key: Pubkey| -> Result<&'info AccountInfo<'info>> {
            let account = accounts.next().ok_or(ModelError::LineageAccountMismatch)?;
            require_keys_eq!(account.key(), key, ModelError::LineageAccountMismatch);
            Ok(account)
        };
        for entry in entries {
            let target = next(entry.target)?;
            match entry.source {
                LineageSource::Datanet => {
                    Account::<Datanet>::try_from(target)?;
                    let version = entry.datanet_version.ok_or(ModelError::VersionRequired)?;
                    let version = Account::<DatanetVersion>::try_from(next(version)?)?;
                    require_keys_eq!(version.datanet, entry.target, ModelError::VersionMismatch);
                }
                LineageSource::Model => {
                    let upstream = Account::<Model>::try_from(target)?;
                    require!(upstream.state == ModelState::Published, ModelError::UpstreamNotPublished);
                }
            }
        }
        require!(accounts.next().is_none(), ModelError::LineageAccountMismatch);
        Ok(())
    }

    #[access_control(ctx.accounts.validate(&args))]
    pub fn handler(ctx: Context<'info, Self>, args: ModelLineageSetArgs) -> Result<()> {
        Self::check_referenced_accounts(&args.entries, ctx.remaining_accounts)?;
        let model = &mut ctx.accounts.model;
        model.lineage = args.entries;
        model.owner_share_bps = args.owner_share_bps;
        model.operator_share_bps = args.operator_share_bps;
        model.invariant()?;
        emit!(ModelLineageSetEvent {
            model: model.key(),
            lineage: model.lineage.clone(),
            owner_share_bps: model.owner_share_bps,
            operator_share_bps: model.operator_share_bps,
            timestamp: Clock::get()?.unix_timestamp,
        });
        Ok(())
    }
}
