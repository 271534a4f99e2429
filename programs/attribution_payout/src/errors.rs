use anchor_lang::prelude::*;

#[error_code]
pub enum PayoutError {
    #[msg("Protocol fee above the hard cap of 1,000 bps")]
    ProtocolFeeTooHigh,
    #[msg("Unstake cooldown must be between 0 and 30 days")]
    InvalidCooldown,
    #[msg("Only the program's upgrade authority may initialise it")]
    NotUpgradeAuthority,
    #[msg("Arithmetic overflow")]
    MathOverflow,
}
