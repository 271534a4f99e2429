use crate::errors::PayoutError;
use crate::fanout::{require_payable, FeeCredit, Paid};
use crate::state::{Config, Earnings, EarningsRole, Stake};
use crate::transfer::into_vault;
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use model_registry::state::{Model, Operator};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug)]
pub struct InferencePayArgs {
    /// Number of inference calls paid for; above zero.
    pub calls: u64,
    /// The most the payer accepts to pay (the price can change until the transaction lands).
    pub max_fee: u64,
    /// The caller's id of the request (e.g. a hash of the prompt and time). For a model with a
    /// proof-attributed entry it enters the epoch's records hash, which an attestor's root must
    /// match, so the set of payments an allocation covers can be checked against the chain.
    pub request_id: [u8; 32],
    /// sha256 of what the calls returned (`poa_merkle::output_hash`). For a model with a
    /// proof-attributed entry it enters the epoch's records hash with the request id, so an
    /// attestor can only attribute the outputs the payer committed to; zero when there is none.
    pub output_hash: [u8; 32],
}

/// A user pays `price × calls` for a published model served by an eligible operator, both
/// signing (the operator builds the transaction when it serves and signs it first): one
/// transfer of the whole fee into the vault, then pure accounting by the model's frozen shares.
/// `remaining_accounts`: the model's lineage, one writable account per entry in order: the
/// datanet's `Pool` for a datanet entry, the model's current `Epoch` for its proof-attributed
/// entry (opened by `epoch_open`), the upstream model's `Escrow` for a model entry.
#[derive(Accounts)]
pub struct InferencePay<'info> {
    #[account(
        has_one = mint @ PayoutError::WrongMint,
        has_one = vault,
        has_one = token_program @ PayoutError::WrongTokenProgram,
    )]
    pub config: Box<Account<'info, Config>>,
    /// CHECK: the config's fee vault (`has_one`); the token program checks it in the transfer.
    #[account(mut)]
    pub vault: UncheckedAccount<'info>,
    /// CHECK: the OPEN mint (`has_one`).
    pub mint: UncheckedAccount<'info>,
    pub payer: Signer<'info>,
    /// CHECK: the payer's OPEN account; the token program requires its mint to be OPEN and the
    /// payer to own it (or be its delegate) in the transfer, which `payer` signs.
    #[account(mut)]
    pub payer_token: UncheckedAccount<'info>,
    pub model: Box<Account<'info, Model>>,
    /// The operator that served the calls.
    #[account(constraint = operator.authority == operator_authority.key() @ PayoutError::NotOperatorAuthority)]
    pub operator: Box<Account<'info, Operator>>,
    /// The operator's authority co-signs the payment: "who executed" and the output hash it
    /// served are its word, not the payer's (a payer cannot name an operator that did not serve
    /// it, nor commit an output the operator did not return).
    pub operator_authority: Signer<'info>,
    #[account(constraint = operator_stake.authority == operator.authority @ PayoutError::WrongStake)]
    pub operator_stake: Box<Account<'info, Stake>>,
    #[account(
        mut,
        constraint = treasury_earnings.belongs_to(&config.treasury, EarningsRole::Treasury) @ PayoutError::WrongEarnings,
    )]
    pub treasury_earnings: Box<Account<'info, Earnings>>,
    #[account(
        mut,
        constraint = owner_earnings.belongs_to(&model.owner, EarningsRole::ModelOwner) @ PayoutError::WrongEarnings,
    )]
    pub owner_earnings: Box<Account<'info, Earnings>>,
    #[account(
        mut,
        constraint = operator_earnings.belongs_to(&operator.authority, EarningsRole::Operator) @ PayoutError::WrongEarnings,
    )]
    pub operator_earnings: Box<Account<'info, Earnings>>,
    pub token_program: Interface<'info, TokenInterface>,
}

impl<'info> InferencePay<'info> {
    fn validate(&self, args: &InferencePayArgs) -> Result<u64> {
        require_payable(&self.config, &self.model, &self.operator, &self.operator_stake, false)?;
        require!(args.calls > 0, PayoutError::ZeroCalls);
        let fee = self.model.price_per_call.checked_mul(args.calls).ok_or(PayoutError::MathOverflow)?;
        require!(fee <= args.max_fee, PayoutError::FeeAboveMax);
        Ok(fee)
    }

    pub fn handler(ctx: Context<'info, Self>, args: InferencePayArgs) -> Result<()> {
        let fee = ctx.accounts.validate(&args)?;
        let accounts = &mut *ctx.accounts;
        into_vault(
            &accounts.config,
            accounts.payer_token.to_account_info(),
            accounts.vault.to_account_info(),
            accounts.payer.to_account_info(),
            accounts.mint.to_account_info(),
            accounts.token_program.key(),
            fee,
        )?;
        let paid = Paid {
            payer: accounts.payer.key(),
            operator: accounts.operator.authority,
            calls: args.calls,
            price_per_call: accounts.model.price_per_call,
            fee,
            request_id: args.request_id,
            output_hash: args.output_hash,
        };
        FeeCredit {
            config: &accounts.config,
            model: &accounts.model,
            treasury: &mut accounts.treasury_earnings,
            owner: &mut accounts.owner_earnings,
            operator: &mut accounts.operator_earnings,
        }
        .credit(paid, ctx.remaining_accounts)
    }
}
