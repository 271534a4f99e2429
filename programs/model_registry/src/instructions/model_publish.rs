use crate::errors::ModelError;
use crate::events::ModelPublished;
use crate::state::{Model, ModelState};
use anchor_lang::prelude::*;

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug)]
pub struct ModelPublishArgs {
    /// Who may post Proof of Attribution roots for the model: required exactly when a lineage
    /// entry is proof-attributed. The attestor must hold an operator stake to post.
    pub attestor: Option<Pubkey>,
}

/// Draft → Published: the lineage and shares are frozen for good and the model becomes payable.
#[derive(Accounts)]
pub struct ModelPublish<'info> {
    #[account(mut, has_one = owner @ ModelError::NotOwner)]
    pub model: Box<Account<'info, Model>>,
    pub owner: Signer<'info>,
}

impl ModelPublish<'_> {
    fn validate(&self, args: &ModelPublishArgs) -> Result<()> {
        let model = &self.model;
        require!(model.state == ModelState::Draft, ModelError::NotDraft);
        Model::check_shares(&model.lineage, model.owner_share_bps, model.operator_share_bps)?;
        require!(args.attestor.is_some() == model.has_proof_attributed_entry(), ModelError::AttestorMismatch);
        Ok(())
    }

    #[access_control(ctx.accounts.validate(&args))]
    pub fn handler(ctx: Context<Self>, args: ModelPublishArgs) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let model = &mut ctx.accounts.model;
        model.state = ModelState::Published;
        model.attestor = args.attestor;
        model.published_at = now;
        model.invariant()?;
        emit!(ModelPublished {
            model: model.key(),
            owner: model.owner,
            kind: model.kind,
            price_per_call: model.price_per_call,
            lineage: model.lineage.clone(),
            owner_share_bps: model.owner_share_bps,
            operator_share_bps: model.operator_share_bps,
            attestor: model.attestor,
            timestamp: now,
        });
        Ok(())
    }
}
