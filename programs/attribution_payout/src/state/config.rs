use crate::constants::{MAX_PROTOCOL_FEE_BPS, MAX_UNSTAKE_COOLDOWN_SECS};
use crate::errors::PayoutError;
use anchor_lang::prelude::*;

/// The singleton configuration. PDA `[SEED_CONFIG]`; it is also the token authority of the vaults.
#[account]
#[derive(InitSpace, Debug)]
pub struct Config {
    pub version: u8,
    pub bump: u8,
    pub vault_bump: u8,
    pub stake_vault_bump: u8,
    /// Governance: changes parameters, pauses. In production a multisig or DAO PDA.
    pub authority: Pubkey,
    pub pending_authority: Option<Pubkey>,
    /// Beneficiary of the protocol fee and of every rounding remainder.
    pub treasury: Pubkey,
    /// The OPEN mint, and the token program (Token or Token-2022) that owns it.
    pub mint: Pubkey,
    pub token_program: Pubkey,
    /// The mint's decimals, for `transfer_checked`.
    pub decimals: u8,
    pub vault: Pubkey,
    pub stake_vault: Pubkey,
    /// Share of every fee taken first for the treasury, at most `MAX_PROTOCOL_FEE_BPS`.
    pub protocol_fee_bps: u16,
    /// Stake an operator must keep (not counting stake waiting to be withdrawn) to be payable.
    pub min_operator_stake: u64,
    pub unstake_cooldown_secs: i64,
    /// While set, no fee can be paid; claims and withdrawals keep working.
    pub paused: bool,
    pub reserved: [u8; 128],
}

impl Config {
    pub fn check_params(protocol_fee_bps: u16, unstake_cooldown_secs: i64) -> Result<()> {
        require!(protocol_fee_bps <= MAX_PROTOCOL_FEE_BPS, PayoutError::ProtocolFeeTooHigh);
        require!((0..=MAX_UNSTAKE_COOLDOWN_SECS).contains(&unstake_cooldown_secs), PayoutError::InvalidCooldown);
        Ok(())
    }

    pub fn invariant(&self) -> Result<()> {
        Self::check_params(self.protocol_fee_bps, self.unstake_cooldown_secs)
    }
}

/// OPEN may be a Token-2022 mint, but only with extensions that cannot move, withhold or freeze
/// tokens behind the program's back (which would break "vault = Σ entitlements"): metadata,
/// groups, and a mint close authority. Transfer fees, transfer hooks, permanent delegates,
/// default-frozen accounts, confidential transfers, pausing and the like are refused.
pub fn check_mint_extensions(mint: &AccountInfo) -> Result<()> {
    use anchor_spl::token_2022::spl_token_2022::extension::{
        BaseStateWithExtensions, ExtensionType, StateWithExtensions,
    };
    use anchor_spl::token_2022::spl_token_2022::state::Mint as MintState;
    if *mint.owner != anchor_spl::token_2022::ID {
        return Ok(());
    }
    let data = mint.try_borrow_data()?;
    let state = StateWithExtensions::<MintState>::unpack(&data)?;
    for extension in state.get_extension_types()? {
        require!(
            matches!(
                extension,
                ExtensionType::MetadataPointer
                    | ExtensionType::TokenMetadata
                    | ExtensionType::GroupPointer
                    | ExtensionType::TokenGroup
                    | ExtensionType::GroupMemberPointer
                    | ExtensionType::TokenGroupMember
                    | ExtensionType::MintCloseAuthority
            ),
            PayoutError::UnsupportedMintExtension
        );
    }
    Ok(())
}
