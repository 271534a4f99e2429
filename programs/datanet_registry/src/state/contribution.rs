use super::check_uri;
use crate::constants::MAX_URI_LEN;
use crate::errors::DatanetError;
use anchor_lang::prelude::*;

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, PartialEq, Eq, InitSpace, Debug)]
pub enum ContributionStatus {
    Pending,
    /// Final; its weight can never change.
    Accepted,
    /// Final.
    Rejected,
    /// Flagged as spam by the curator, while pending or within its spam window after acceptance
    /// (and before any version contained it): in no version, its bond forfeited. Final.
    Flagged,
}

/// One piece of content submitted to a datanet.
/// PDA `[SEED_CONTRIBUTION, datanet, content_hash]`, so the same content cannot be submitted to
/// the same datanet twice while the account exists.
#[account]
#[derive(InitSpace, Debug)]
pub struct Contribution {
    pub version: u8,
    pub bump: u8,
    pub datanet: Pubkey,
    /// Who submitted it (or was handed it), receives its rent back and is paid for it.
    pub contributor: Pubkey,
    /// SHA-256 of the content.
    pub content_hash: [u8; 32],
    /// Content size in bytes, as declared by the contributor.
    pub size: u64,
    pub status: ContributionStatus,
    /// Attribution weight; above zero exactly when accepted.
    pub weight: u64,
    /// The curator's reason code when rejected (its meaning is the datanet's own); 0 otherwise.
    pub reject_reason: u16,
    /// 0-based order of submission within the datanet.
    pub index: u64,
    pub submitted_at: i64,
    /// When accepted or rejected; 0 while pending.
    pub decided_at: i64,
    /// 0-based order of acceptance within the datanet (meaningful once accepted). A version
    /// contains exactly the accepted contributions whose `accepted_seq` is below its `accepted_end`.
    pub accepted_seq: u64,
    /// Set by `contribution_transfer_propose`, cleared when accepted: the wallet the contributor
    /// hands the contribution (and what it earns) to.
    pub pending_contributor: Option<Pubkey>,
    /// OPEN base units of bond still in the bond vault for it: set at submission by the
    /// datanet's policy, zeroed when the bond is refunded or forfeited.
    pub bond: u64,
    /// Until when (exclusive) the curator may flag it as spam once accepted: its acceptance plus
    /// the datanet's spam window, as it was then.
    pub flaggable_until: i64,
    pub reserved: [u8; 8],
    #[max_len(MAX_URI_LEN)]
    pub uri: String,
}

/// What another program needs of a `Contribution` to pay for it (`attribution_payout`'s proof
/// claims): its datanet, contributor, status and order of acceptance, read at their offsets in
/// the account (all before `pending_contributor`, the first field of variable size) instead of
/// decoding the whole account. `svm-harness`'s `the_contribution_head_is_the_accounts_prefix`
/// test pins the offsets to the layout.
#[derive(Debug, PartialEq, Eq)]
pub struct ContributionHead {
    pub datanet: Pubkey,
    pub contributor: Pubkey,
    pub status: ContributionStatus,
    pub accepted_seq: u64,
}

impl ContributionHead {
    /// Offsets in the account, after the discriminator (8), `version` and `bump` (1 each).
    const DATANET: usize = 10;
    const CONTRIBUTOR: usize = 42;
    /// After `content_hash` (32) and `size` (8).
    const STATUS: usize = 114;
    /// After `status` (1), `weight` (8), `reject_reason` (2), `index`, `submitted_at` and
    /// `decided_at` (8 each).
    const ACCEPTED_SEQ: usize = 149;

    /// Reads the contribution at `account`, which must be one: owned by this program, with
    /// `Contribution`'s discriminator (the checks `Account<Contribution>` makes).
    pub fn read(account: &AccountInfo) -> Result<Self> {
        use anchor_lang::error::ErrorCode;
        require_keys_eq!(*account.owner, crate::ID, ErrorCode::AccountOwnedByWrongProgram);
        let data = account.try_borrow_data()?;
        require!(data.starts_with(Contribution::DISCRIMINATOR), ErrorCode::AccountDiscriminatorMismatch);
        let bytes = |at: usize, len: usize| data.get(at..at + len).ok_or(ErrorCode::AccountDidNotDeserialize);
        let key = |at: usize| bytes(at, 32).map(|b| Pubkey::new_from_array(b.try_into().expect("32 bytes")));
        Ok(ContributionHead {
            datanet: key(Self::DATANET)?,
            contributor: key(Self::CONTRIBUTOR)?,
            status: ContributionStatus::deserialize(&mut bytes(Self::STATUS, 1)?)
                .map_err(|_| ErrorCode::AccountDidNotDeserialize)?,
            accepted_seq: u64::from_le_bytes(bytes(Self::ACCEPTED_SEQ, 8)?.try_into().expect("8 bytes")),
        })
    }
}

impl Contribution {
    pub fn invariant(&self) -> Result<()> {
        check_uri(&self.uri)?;
        require!(self.size > 0, DatanetError::EmptyContent);
        let accepted = self.status == ContributionStatus::Accepted;
        require!(accepted == (self.weight > 0), DatanetError::ZeroWeight);
        Ok(())
    }

    /// Accepts the contribution with `weight`, recording it in `datanet` (which assigns its order).
    /// Its spam window opens now, for the datanet's `spam_window_secs`.
    pub fn accept(&mut self, datanet: &mut super::Datanet, weight: u64, now: i64) -> Result<()> {
        self.accepted_seq = datanet.record_accepted(weight)?;
        self.status = ContributionStatus::Accepted;
        self.weight = weight;
        self.decided_at = now;
        self.flaggable_until = now.checked_add(datanet.bond.spam_window_secs).ok_or(DatanetError::Overflow)?;
        Ok(())
    }

    /// True when an accepted contribution is in a published version of `datanet`.
    pub fn is_versioned(&self, datanet: &super::Datanet) -> bool {
        self.status == ContributionStatus::Accepted && self.accepted_seq < datanet.versioned_end
    }

    /// True when the curator may flag it as spam now: pending, or accepted, in no version yet,
    /// and within its spam window.
    pub fn is_flaggable(&self, datanet: &super::Datanet, now: i64) -> bool {
        match self.status {
            ContributionStatus::Pending => true,
            ContributionStatus::Accepted => !self.is_versioned(datanet) && now < self.flaggable_until,
            ContributionStatus::Rejected | ContributionStatus::Flagged => false,
        }
    }

    /// True when its bond may go back to the contributor now: rejected (not as spam), or
    /// accepted and past flagging (in a version, or out of its spam window). A pending one's bond
    /// comes back when it is withdrawn.
    pub fn bond_is_refundable(&self, datanet: &super::Datanet, now: i64) -> bool {
        match self.status {
            ContributionStatus::Rejected => true,
            ContributionStatus::Accepted => !self.is_flaggable(datanet, now),
            ContributionStatus::Pending | ContributionStatus::Flagged => false,
        }
    }

    /// True when this contribution is one of those `version` contains.
    pub fn is_in(&self, version: &super::DatanetVersion) -> bool {
        self.datanet == version.datanet
            && self.status == ContributionStatus::Accepted
            && self.accepted_seq < version.accepted_end
    }
}
