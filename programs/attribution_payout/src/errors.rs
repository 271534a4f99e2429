use anchor_lang::prelude::*;

#[error_code]
pub enum PayoutError {
    #[msg("Protocol fee above the hard cap of 1,000 bps")]
    ProtocolFeeTooHigh,
    #[msg("Unstake cooldown must be between 0 and 30 days")]
    InvalidCooldown,
    #[msg("Only the program's upgrade authority may initialise it")]
    NotUpgradeAuthority,
    #[msg("Only the config authority may do this")]
    NotConfigAuthority,
    #[msg("No authority transfer is pending for this signer")]
    NoPendingAuthority,
    #[msg("Payments are paused")]
    Paused,
    #[msg("The token mint is not the configured OPEN mint")]
    WrongMint,
    #[msg("The token program is not the one that owns the OPEN mint")]
    WrongTokenProgram,
    #[msg("Calls must be above zero")]
    ZeroCalls,
    #[msg("The fee (price × calls) is above the max fee you allowed")]
    FeeAboveMax,
    #[msg("The model is not published (a draft cannot be paid)")]
    ModelNotPublished,
    #[msg("The model is retired: it takes no new payments")]
    ModelRetired,
    #[msg("The operator is not active in model_registry")]
    OperatorInactive,
    #[msg("The operator's active stake is below the minimum")]
    InsufficientStake,
    #[msg("The stake account does not belong to this operator")]
    WrongStake,
    #[msg("The earnings account is not the right beneficiary's, in the right role")]
    WrongEarnings,
    #[msg("The pool and escrow accounts must match the model's lineage: one per entry, in order, writable")]
    LineageAccountMismatch,
    #[msg("The pool is not that of this datanet version")]
    WrongPool,
    #[msg("The contribution is not accepted")]
    ContributionNotAccepted,
    #[msg("Only the beneficiary may claim")]
    NotBeneficiary,
    #[msg("The token account must be an OPEN account of the signer's own")]
    NotOwnTokenAccount,
    #[msg("Nothing to claim")]
    NothingToClaim,
    #[msg("Nothing to distribute")]
    NothingToDistribute,
    #[msg("The escrow's model has not been published")]
    EscrowModelDraft,
    #[msg("Amount must be above zero")]
    ZeroAmount,
    #[msg("More than the active stake")]
    StakeTooLow,
    #[msg("Nothing is unstaking")]
    NothingUnstaking,
    #[msg("The unstake cooldown has not ended")]
    CooldownActive,
    #[msg("Only the stake's authority may do this")]
    NotStakeAuthority,
    #[msg("The token mint has an extension this program does not support (transfer fees, hooks, permanent delegates, ...)")]
    UnsupportedMintExtension,
    #[msg("Epoch timing out of bounds (epoch 1 min–30 days, root deadline 1 min–30 days, challenge window ≤ 7 days, claim window 1 hour–365 days)")]
    InvalidEpochTiming,
    #[msg("The model has no proof-attributed lineage entry")]
    NotProofAttributed,
    #[msg("Only the current epoch can be opened")]
    NotCurrentEpoch,
    #[msg("The epoch account does not match this model, epoch and its state")]
    WrongEpoch,
    #[msg("The epoch has not ended yet")]
    EpochNotEnded,
    #[msg("The deadline for posting this epoch's root has passed")]
    RootDeadlinePassed,
    #[msg("The deadline for posting this epoch's root has not passed yet")]
    RootDeadlineNotPassed,
    #[msg("This epoch's root was already posted, or the epoch was released")]
    RootAlreadyPosted,
    #[msg("Only the model's attestor may post its roots")]
    NotAttestor,
    #[msg("The attestor's active stake is below the operator minimum")]
    AttestorNotStaked,
    #[msg("The total allocated is more than the epoch accrued")]
    TotalAboveAccrued,
    #[msg("The records hash does not match the epoch's running hash of paid inferences")]
    RecordsHashMismatch,
    #[msg("A root allocating a positive total needs at least one leaf")]
    NoLeaves,
    #[msg("The epoch's root has not been posted")]
    RootNotPosted,
    #[msg("The challenge window has not ended: claims are not open yet")]
    ChallengeWindowOpen,
    #[msg("The claim period of this epoch has ended")]
    ClaimPeriodOver,
    #[msg("The claim period of this epoch has not ended")]
    ClaimPeriodNotOver,
    #[msg("The Merkle proof does not prove this claim")]
    InvalidProof,
    #[msg("A proof of more than 32 hashes cannot be valid")]
    ProofTooLong,
    #[msg("This contribution was already paid from this epoch")]
    AlreadyClaimed,
    #[msg("The claim would exceed the epoch's allocated total")]
    ClaimAboveTotal,
    #[msg("The rent goes back to whoever paid it")]
    WrongRentPayer,
    #[msg("The receipt's epoch is still open")]
    EpochStillOpen,
    #[msg("An internal invariant would be broken")]
    InvariantViolated,
    #[msg("Arithmetic overflow")]
    MathOverflow,
    #[msg("The slash exceeds the operator's stake (active and unstaking)")]
    SlashAboveStake,
    #[msg("The challenge window has closed: the root stands")]
    ChallengeWindowClosed,
    #[msg("The epoch length is fixed at config_init: epoch accounts are addressed by it")]
    EpochLengthFixed,
    #[msg("The OPEN mint must have no freeze authority: it could freeze the vaults")]
    MintHasFreezeAuthority,
    #[msg("The unstake cooldown must be at least the challenge window, so an attestor's stake stays slashable while its root can be vetoed")]
    CooldownBelowChallengeWindow,
    #[msg("The contribution is not in this version: it was accepted after the version was published")]
    NotInVersion,
    #[msg("A claim's remaining accounts are (position, pool) pairs: each position the signer's, writable, followed by its own pool")]
    ClaimAccountMismatch,
    #[msg("This contribution already has a position in this pool")]
    AlreadyEnrolled,
    #[msg("The position is not this contribution's")]
    WrongContribution,
    #[msg("The position already pays the contribution's contributor")]
    BeneficiaryCurrent,
    #[msg("No handover of this account is pending for this signer")]
    NoPendingHandover,
    #[msg("An earnings account can only be handed to another wallet, into that wallet's own earnings account of the same role")]
    HandoverToSelf,
    #[msg("Only an empty account closes: claim the earnings, or withdraw the stake, first")]
    AccountNotEmpty,
    #[msg("The treasury's earnings account stays open: every payment credits it")]
    TreasuryEarningsStay,
    #[msg("A posted root names where its attestation is published: a URI of 1 to 200 bytes")]
    InvalidInputsUri,
    #[msg("The contribution is not of the datanet this epoch attributes")]
    ContributionOfAnotherDatanet,
    #[msg("Challenge parameters out of bounds: attestor bond 10-100 % of the root's total, a challenge bond above zero, a reward of at most 100 %, a resolve window of 1 hour to 30 days")]
    InvalidChallengeParams,
    #[msg("The root is being challenged: no claim or veto until the resolver decides")]
    RootChallenged,
    #[msg("Only the config's resolver decides challenges")]
    NotResolver,
    #[msg("The epoch has no pending challenge")]
    NotChallenged,
    #[msg("The resolver's deadline for this challenge has passed")]
    ResolveDeadlinePassed,
    #[msg("The resolver may still decide this challenge")]
    ResolveDeadlineNotPassed,
    #[msg("The attestor's bond is locked until claims open with no challenge pending")]
    BondLocked,
    #[msg("The epoch's attestation is open: close it first (attestation_close returns the attestor's bond)")]
    AttestorBondHeld,
    #[msg("The datanet's curator has not approved this attestor for its share (datanet_attestor_approve)")]
    AttestorNotApproved,
    #[msg("The operator's authority must sign the payment for the calls it served")]
    NotOperatorAuthority,
    #[msg("The channel's expiry must be in the future and at most a year away")]
    InvalidChannelExpiry,
    #[msg("Only the channel's payer may do this")]
    NotChannelPayer,
    #[msg("The channel is not this model's and operator's")]
    WrongChannel,
    #[msg("The channel is closing or expired: no top-up, no second close request")]
    ChannelEnded,
    #[msg("The channel's settle deadline has passed: no more vouchers")]
    SettleDeadlinePassed,
    #[msg("A voucher with this sequence number or a newer one was settled already")]
    VoucherStale,
    #[msg("A voucher's amount must be its calls times the channel's price per call")]
    VoucherAmountMismatch,
    #[msg("The voucher's amount is above the channel's deposit")]
    VoucherAboveDeposit,
    #[msg("The voucher adds no calls to what was settled")]
    NothingToSettle,
    #[msg("No Ed25519 verification of this voucher by the channel's signer right before this instruction (its key, message and signature in its own data)")]
    VoucherNotSigned,
    #[msg("The operator may still settle: the channel closes after its settle deadline")]
    ChannelStillSettling,
    #[msg("The minimum operator stake must be above zero")]
    ZeroMinOperatorStake,
    #[msg("The timelock's delay must be between one and 30 days")]
    InvalidTimelockDelay,
    #[msg("The queued action's delay has not passed yet")]
    ActionNotReady,
    #[msg("A queued slash is executed by stake_slash")]
    SlashIsStakeSlash,
    #[msg("This queued action is not a slash")]
    NotASlash,
    #[msg("Only the admin or the guardian may cancel a queued action")]
    NotAdminOrGuardian,
    #[msg("Only the config's guardian may do this")]
    NotGuardian,
    #[msg("A queued slash locks this stake: the withdrawal would leave less than it names")]
    StakeLockedBySlash,
    #[msg("This stake posted a root whose challenge window or challenge is not over: it stays slashable until then")]
    StakeStillSlashable,
    #[msg("The guardian cannot cancel its own replacement (only the admin can)")]
    GuardianReplacementStands,
}
