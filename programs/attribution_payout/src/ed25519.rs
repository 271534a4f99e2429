//! A signature checked by the Ed25519 program in the same transaction: the instruction right
//! before the current one must be the Ed25519 program's, verifying exactly one signature whose
//! public key, message and signature all lie in its own data (an offset into another
//! instruction's data would let a different message stand for the one expected), by `signer`,
//! of `message`. Read from the instructions sysvar, parsed in place.
use crate::errors::PayoutError;
use anchor_lang::prelude::*;

pub const ED25519_PROGRAM_ID: Pubkey = pubkey!("Ed25519SigVerify111111111111111111111111111");
pub const INSTRUCTIONS_SYSVAR_ID: Pubkey = pubkey!("Sysvar1nstructions1111111111111111111111111");
/// An Ed25519 offset's instruction index meaning "this instruction's own data".
const OWN_DATA: u16 = u16::MAX;

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    data.get(at..at.checked_add(2)?).map(|b| u16::from_le_bytes([b[0], b[1]]))
}

fn slice_at(data: &[u8], at: u16, len: usize) -> Option<&[u8]> {
    data.get(at as usize..(at as usize).checked_add(len)?)
}

/// The program id and data of the transaction's instruction `index`, from the instructions
/// sysvar's layout: the instruction count, an offset per instruction, and at each offset the
/// account count, the accounts (a flags byte and a key each), the program id, the data's length
/// and the data.
fn instruction_at(sysvar: &[u8], index: u16) -> Option<(&[u8], &[u8])> {
    if index >= u16_at(sysvar, 0)? {
        return None;
    }
    let at = u16_at(sysvar, 2 + 2 * index as usize)? as usize;
    let accounts = u16_at(sysvar, at)? as usize;
    let program_at = at.checked_add(2 + 33 * accounts)?;
    let program_id = sysvar.get(program_at..program_at.checked_add(32)?)?;
    let len = u16_at(sysvar, program_at + 32)? as usize;
    let data = sysvar.get(program_at + 34..(program_at + 34).checked_add(len)?)?;
    Some((program_id, data))
}

/// The one signature the Ed25519 instruction `data` verifies, if its public key, message and
/// signature are all in `data` itself: (public key, message).
fn own_signature(data: &[u8]) -> Option<(&[u8], &[u8])> {
    if data.first() != Some(&1) {
        return None;
    }
    let field = |i: usize| u16_at(data, 2 + 2 * i);
    let (signature_at, public_key_at, message_at, message_len) = (field(0)?, field(2)?, field(4)?, field(5)?);
    if [field(1)?, field(3)?, field(6)?] != [OWN_DATA; 3] {
        return None;
    }
    slice_at(data, signature_at, 64)?;
    Some((slice_at(data, public_key_at, 32)?, slice_at(data, message_at, message_len as usize)?))
}

/// Requires the instruction before the current one to be the Ed25519 program's verification of
/// `signer`'s signature of `message` (see the module's doc). `sysvar`: the instructions sysvar.
pub fn require_signed(sysvar: &AccountInfo, signer: &Pubkey, message: &[u8]) -> Result<()> {
    let data = sysvar.try_borrow_data()?;
    let verified = data
        .len()
        .checked_sub(2)
        .and_then(|at| u16_at(&data, at))
        .and_then(|current| current.checked_sub(1))
        .and_then(|previous| instruction_at(&data, previous))
        .filter(|(program_id, _)| *program_id == ED25519_PROGRAM_ID.as_ref())
        .and_then(|(_, ed25519)| own_signature(ed25519));
    match verified {
        Some((public_key, signed)) if public_key == signer.as_ref() && signed == message => Ok(()),
        _ => err!(PayoutError::VoucherNotSigned),
    }
}
