//! Who may initialise the program: its upgrade authority, read from the upgradeable loader's
//! accounts by hand. (Anchor's `Account<ProgramData>` decodes them with bincode, whose error
//! formatting pulls f64 formatting into the program, which upstream LLVM's BPF backend cannot
//! compile; the layout is small and fixed.)
use crate::errors::PayoutError;
use anchor_lang::prelude::*;
use anchor_lang::solana_program::bpf_loader_upgradeable;

/// `UpgradeableLoaderState::Program { programdata_address }`: u32 tag 2, then the address.
const PROGRAM_TAG: u32 = 2;
/// `UpgradeableLoaderState::ProgramData { slot, upgrade_authority_address }`: u32 tag 3, u64
/// slot, then `Option<Pubkey>` (one tag byte, 32 bytes).
const PROGRAM_DATA_TAG: u32 = 3;

fn tag(data: &[u8]) -> Option<u32> {
    Some(u32::from_le_bytes(data.get(..4)?.try_into().ok()?))
}

fn pubkey_at(data: &[u8], offset: usize) -> Option<Pubkey> {
    let bytes: [u8; 32] = data.get(offset..offset + 32)?.try_into().ok()?;
    Some(Pubkey::new_from_array(bytes))
}

/// Requires `signer` to be the upgrade authority of `program` (this program's own account, as
/// `Program<'info, AttributionPayout>` guarantees), whose ProgramData account is `program_data`.
pub fn require_upgrade_authority(program: &AccountInfo, program_data: &AccountInfo, signer: &Pubkey) -> Result<()> {
    let loader = bpf_loader_upgradeable::ID;
    require_keys_eq!(*program.owner, loader, PayoutError::NotUpgradeAuthority);
    require_keys_eq!(*program_data.owner, loader, PayoutError::NotUpgradeAuthority);
    let program_bytes = program.try_borrow_data()?;
    require!(tag(&program_bytes) == Some(PROGRAM_TAG), PayoutError::NotUpgradeAuthority);
    require!(pubkey_at(&program_bytes, 4) == Some(program_data.key()), PayoutError::NotUpgradeAuthority);
    let data = program_data.try_borrow_data()?;
    require!(tag(&data) == Some(PROGRAM_DATA_TAG), PayoutError::NotUpgradeAuthority);
    let authority = match data.get(12) {
        Some(1) => pubkey_at(&data, 13),
        _ => None,
    };
    require!(authority == Some(*signer), PayoutError::NotUpgradeAuthority);
    Ok(())
}
