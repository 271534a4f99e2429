use anchor_lang::prelude::*;

#[error_code]
pub enum DatanetError {
    #[msg("Name is empty or longer than 64 bytes")]
    InvalidName,
    #[msg("URI is empty or longer than 200 bytes")]
    InvalidUri,
    #[msg("An open datanet needs a default weight above zero")]
    InvalidPolicy,
    #[msg("Only the datanet's authority may do this")]
    NotAuthority,
    #[msg("No authority transfer is pending for this signer")]
    NoPendingAuthority,
    #[msg("This content was already submitted to this datanet")]
    DuplicateContribution,
    #[msg("Content size must be above zero")]
    EmptyContent,
    #[msg("The contribution is not pending: decisions are final")]
    NotPending,
    #[msg("Only the contributor may withdraw a contribution; the curator may clear only a rejected one")]
    NotContributor,
    #[msg("An accepted contribution needs a weight above zero")]
    ZeroWeight,
    #[msg("A version must contain at least one accepted contribution")]
    EmptyVersion,
    #[msg("Version numbers are consecutive: publish the next number")]
    WrongVersionNumber,
    #[msg("Arithmetic overflow")]
    Overflow,
    #[msg("An accepted contribution is permanent: its weight backs payouts")]
    AcceptedIsPermanent,
    #[msg("A contribution's weight is at most MAX_CONTRIBUTION_WEIGHT (10^9)")]
    WeightTooHigh,
    #[msg("The account passed is not the contribution's contributor")]
    WrongContributor,
    #[msg("No transfer of this contribution is pending for this signer")]
    NoPendingContributor,
    #[msg("This bond needs its accounts: the bond vault, the token account, the OPEN mint and the token program")]
    BondAccountsMissing,
    #[msg("Not the bond vault: the token account at the bond vault's address, with its token program")]
    WrongBondVault,
    #[msg("Bonds are in OPEN: the mint or token account is of another mint")]
    WrongBondMint,
    #[msg("The bond's token account must be an OPEN token account of the contributor (or of the treasury)")]
    WrongBondTokenAccount,
    #[msg("Not attribution_payout's config")]
    WrongPayoutConfig,
    #[msg("A spam window is at most MAX_SPAM_WINDOW_SECS (30 days)")]
    InvalidBondPolicy,
    #[msg(
        "Only a pending contribution, or an accepted one in no version yet and within its spam window, can be flagged"
    )]
    NotFlaggable,
    #[msg("This contribution has no bond waiting in the vault")]
    NoBond,
    #[msg("The bond stays until the contribution is rejected, in a version, or past its spam window")]
    BondNotRefundable,
    #[msg("This attestor is already approved for this datanet")]
    AttestorAlreadyApproved,
    #[msg("The rent goes back to whoever paid it")]
    WrongRentPayer,
}
