//! Payment channels (the design Filecoin payment channels and Lightning use, on this fee path): a
//! payer deposits OPEN for one model and one operator; after each call the channel's signer (the
//! payer, or an agent whose budget the deposit is) signs a voucher of the cumulative calls and
//! amount; the operator settles the newest voucher whenever it likes, and only the difference from
//! the last settled one is split, exactly as `inference_pay` splits a fee. One settlement covers
//! any number of calls.
use crate::constants::{ACCOUNT_VERSION, CHANNEL_DISPUTE_WINDOW_SECS, CHANNEL_MAX_LIFETIME_SECS, SEED_CHANNEL};
use crate::ed25519::{require_signed, INSTRUCTIONS_SYSVAR_ID};
use crate::errors::PayoutError;
use crate::events::{ChannelCloseRequested, ChannelClosed, ChannelOpened, ChannelSettled, ChannelToppedUp};
use crate::fanout::{require_payable, FeeCredit, Paid};
use crate::state::{Channel, Config, Earnings, EarningsRole, Stake, Voucher};
use crate::transfer::{into_vault, out_of_vault, require_token_account};
use anchor_lang::prelude::*;
use anchor_spl::token_interface::TokenInterface;
use datanet_registry::pda_account::create_account;
use model_registry::state::{Model, ModelState, Operator};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug)]
pub struct ChannelOpenArgs {
    /// The payer's number for the channel (its PDA's seed).
    pub id: u64,
    /// OPEN moved into the vault now: the most the channel can ever pay.
    pub deposit: u64,
    /// The most per call the payer accepts: the model's price now must not be above it, and the
    /// channel keeps that price for its life.
    pub max_price_per_call: u64,
    /// When vouchers stop being honoured (the operator has a dispute window after it to settle).
    pub expires_at: i64,
    /// The key that signs vouchers: the payer's own, or an agent's.
    pub signer: Pubkey,
    /// Random, fresh for every opening: vouchers name it, so a channel closed and opened again at
    /// the same address (the same `id`) takes none of the old vouchers.
    pub nonce: [u8; 32],
}

/// The payer opens a channel with a deposit for one published model served by one active operator.
#[derive(Accounts)]
#[instruction(args: ChannelOpenArgs)]
pub struct ChannelOpen<'info> {
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
    #[account(mut)]
    pub payer: Signer<'info>,
    /// CHECK: the payer's OPEN account; the token program checks its mint and owner in the
    /// transfer, which `payer` signs.
    #[account(mut)]
    pub payer_token: UncheckedAccount<'info>,
    pub model: Box<Account<'info, Model>>,
    pub operator: Box<Account<'info, Operator>>,
    /// CHECK: the channel's PDA, vacant; created by the handler (`pda_account::create_account`).
    #[account(mut, seeds = [SEED_CHANNEL, payer.key().as_ref(), &args.id.to_le_bytes()], bump)]
    pub channel: UncheckedAccount<'info>,
    pub token_program: Interface<'info, TokenInterface>,
    pub system_program: Program<'info, System>,
}

impl ChannelOpen<'_> {
    fn validate(&self, args: &ChannelOpenArgs, now: i64) -> Result<()> {
        require!(!self.config.paused, PayoutError::Paused);
        require!(self.model.state == ModelState::Published, PayoutError::ModelNotPublished);
        require!(self.operator.is_active(), PayoutError::OperatorInactive);
        require!(args.deposit > 0, PayoutError::ZeroAmount);
        require!(self.model.price_per_call <= args.max_price_per_call, PayoutError::FeeAboveMax);
        let latest = now.checked_add(CHANNEL_MAX_LIFETIME_SECS).ok_or(PayoutError::MathOverflow)?;
        require!(args.expires_at > now && args.expires_at <= latest, PayoutError::InvalidChannelExpiry);
        Ok(())
    }

    pub fn handler(ctx: Context<Self>, args: ChannelOpenArgs) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        ctx.accounts.validate(&args, now)?;
        let accounts = &mut *ctx.accounts;
        into_vault(
            &accounts.config,
            accounts.payer_token.to_account_info(),
            accounts.vault.to_account_info(),
            accounts.payer.to_account_info(),
            accounts.mint.to_account_info(),
            accounts.token_program.key(),
            args.deposit,
        )?;
        let bump = ctx.bumps.channel;
        let payer = accounts.payer.key();
        let channel = Channel {
            version: ACCOUNT_VERSION,
            bump,
            payer,
            id: args.id,
            model: accounts.model.key(),
            operator: accounts.operator.key(),
            signer: args.signer,
            nonce: args.nonce,
            price_per_call: accounts.model.price_per_call,
            deposit: args.deposit,
            settled_calls: 0,
            settled_amount: 0,
            sequence: 0,
            running_hash: [0; 32],
            expires_at: args.expires_at,
            closing_at: None,
            reserved: [0; 32],
        };
        create_account(
            accounts.payer.to_account_info(),
            accounts.channel.to_account_info(),
            accounts.system_program.key(),
            &[SEED_CHANNEL, payer.as_ref(), &args.id.to_le_bytes(), &[bump]],
            &channel,
        )?;
        emit!(ChannelOpened {
            channel: accounts.channel.key(),
            payer,
            model: channel.model,
            operator: channel.operator,
            signer: args.signer,
            nonce: args.nonce,
            price_per_call: channel.price_per_call,
            deposit: args.deposit,
            expires_at: args.expires_at,
        });
        Ok(())
    }
}

/// The payer adds to a channel's deposit while it is open.
#[derive(Accounts)]
pub struct ChannelTopUp<'info> {
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
    /// CHECK: the payer's OPEN account (see `ChannelOpen`).
    #[account(mut)]
    pub payer_token: UncheckedAccount<'info>,
    #[account(mut, has_one = payer @ PayoutError::NotChannelPayer)]
    pub channel: Box<Account<'info, Channel>>,
    pub token_program: Interface<'info, TokenInterface>,
}

impl ChannelTopUp<'_> {
    pub fn handler(ctx: Context<Self>, amount: u64) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let accounts = &mut *ctx.accounts;
        require!(amount > 0, PayoutError::ZeroAmount);
        require!(accounts.channel.closing_at.is_none() && now < accounts.channel.expires_at, PayoutError::ChannelEnded);
        into_vault(
            &accounts.config,
            accounts.payer_token.to_account_info(),
            accounts.vault.to_account_info(),
            accounts.payer.to_account_info(),
            accounts.mint.to_account_info(),
            accounts.token_program.key(),
            amount,
        )?;
        let channel = &mut accounts.channel;
        channel.deposit = channel.deposit.checked_add(amount).ok_or(PayoutError::MathOverflow)?;
        emit!(ChannelToppedUp { channel: channel.key(), amount, deposit: channel.deposit });
        Ok(())
    }
}

/// The channel's operator (its current authority signs) redeems the newest voucher, verified by
/// the Ed25519 instruction right before this one; the difference from the last settled voucher
/// is split by the model's frozen shares. `remaining_accounts`: the lineage, as for
/// `inference_pay`.
#[derive(Accounts)]
pub struct ChannelSettle<'info> {
    pub config: Box<Account<'info, Config>>,
    #[account(
        mut,
        has_one = model @ PayoutError::WrongChannel,
        has_one = operator @ PayoutError::WrongChannel,
    )]
    pub channel: Box<Account<'info, Channel>>,
    pub model: Box<Account<'info, Model>>,
    #[account(constraint = operator.authority == operator_authority.key() @ PayoutError::NotOperatorAuthority)]
    pub operator: Box<Account<'info, Operator>>,
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
    /// CHECK: the instructions sysvar (its address), where the Ed25519 verification is read.
    #[account(address = INSTRUCTIONS_SYSVAR_ID)]
    pub instructions: UncheckedAccount<'info>,
}

impl<'info> ChannelSettle<'info> {
    /// The voucher's fee: what it adds to the channel's settled amount.
    fn validate(&self, voucher: &Voucher, now: i64) -> Result<u64> {
        require_payable(&self.config, &self.model, &self.operator, &self.operator_stake, true)?;
        let channel = &self.channel;
        require!(now <= channel.settle_deadline()?, PayoutError::SettleDeadlinePassed);
        require!(voucher.sequence > channel.sequence, PayoutError::VoucherStale);
        let amount = voucher.calls.checked_mul(channel.price_per_call).ok_or(PayoutError::MathOverflow)?;
        require!(voucher.amount == amount, PayoutError::VoucherAmountMismatch);
        require!(voucher.amount <= channel.deposit, PayoutError::VoucherAboveDeposit);
        require!(voucher.calls > channel.settled_calls, PayoutError::NothingToSettle);
        require_signed(&self.instructions, &channel.signer, &voucher.message(&channel.key(), &channel.nonce))?;
        voucher.amount.checked_sub(channel.settled_amount).ok_or_else(|| PayoutError::InvariantViolated.into())
    }

    pub fn handler(ctx: Context<'info, Self>, voucher: Voucher) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let fee = ctx.accounts.validate(&voucher, now)?;
        let accounts = &mut *ctx.accounts;
        let channel = &mut accounts.channel;
        let calls = voucher.calls - channel.settled_calls;
        channel.settled_calls = voucher.calls;
        channel.settled_amount = voucher.amount;
        channel.sequence = voucher.sequence;
        channel.running_hash = voucher.running_hash;
        let channel_key = channel.key();
        emit!(ChannelSettled {
            channel: channel_key,
            sequence: voucher.sequence,
            calls: voucher.calls,
            amount: voucher.amount,
            fee,
            running_hash: voucher.running_hash,
            remaining: channel.remaining()?,
        });
        // The settlement is one record of the epoch: the channel for its request id, the
        // voucher's running hash of the calls' (request id, output hash) pairs for its output.
        let paid = Paid {
            payer: channel.payer,
            operator: accounts.operator.authority,
            calls,
            price_per_call: channel.price_per_call,
            fee,
            request_id: channel_key.to_bytes(),
            output_hash: voucher.running_hash,
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

/// The payer starts closing a channel (or revokes its agent): the operator may settle the newest
/// voucher for a dispute window more, then the rest of the deposit goes back (`channel_close`).
#[derive(Accounts)]
pub struct ChannelCloseRequest<'info> {
    pub payer: Signer<'info>,
    #[account(mut, has_one = payer @ PayoutError::NotChannelPayer)]
    pub channel: Box<Account<'info, Channel>>,
}

impl ChannelCloseRequest<'_> {
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let channel = &mut ctx.accounts.channel;
        require!(channel.closing_at.is_none(), PayoutError::ChannelEnded);
        let window_end = now.checked_add(CHANNEL_DISPUTE_WINDOW_SECS).ok_or(PayoutError::MathOverflow)?;
        let closing_at = window_end.min(channel.settle_deadline()?);
        channel.closing_at = Some(closing_at);
        emit!(ChannelCloseRequested { channel: channel.key(), closing_at });
        Ok(())
    }
}

/// Once the operator can no longer settle (or nothing is left to settle), the rest of the deposit
/// goes back to the payer's own OPEN account and the channel's rent to the payer
/// (permissionless).
#[derive(Accounts)]
pub struct ChannelClose<'info> {
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
    #[account(mut, has_one = payer @ PayoutError::NotChannelPayer, close = payer)]
    pub channel: Box<Account<'info, Channel>>,
    /// CHECK: the channel's payer (`has_one`), who gets the rent back.
    #[account(mut)]
    pub payer: UncheckedAccount<'info>,
    /// CHECK: an OPEN token account of the payer's own, checked in the handler.
    #[account(mut)]
    pub payer_token: UncheckedAccount<'info>,
    pub token_program: Interface<'info, TokenInterface>,
}

impl ChannelClose<'_> {
    pub fn handler(ctx: Context<Self>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let accounts = &mut *ctx.accounts;
        let refunded = accounts.channel.remaining()?;
        require!(now > accounts.channel.settle_deadline()? || refunded == 0, PayoutError::ChannelStillSettling);
        require_token_account(&accounts.payer_token, &accounts.config, &accounts.payer.key())?;
        if refunded > 0 {
            out_of_vault(
                &accounts.config,
                accounts.vault.to_account_info(),
                accounts.payer_token.to_account_info(),
                accounts.mint.to_account_info(),
                accounts.token_program.key(),
                refunded,
            )?;
        }
        emit!(ChannelClosed {
            channel: accounts.channel.key(),
            payer: accounts.payer.key(),
            settled_amount: accounts.channel.settled_amount,
            refunded,
        });
        Ok(())
    }
}
