//! Every PDA of the suite, from the seeds the programs define.
use anchor_lang::prelude::Pubkey;
use attribution_payout::constants as payout;
use datanet_registry::constants as datanet;
use model_registry::constants as model;

fn find(seeds: &[&[u8]], program: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(seeds, program).0
}

pub fn datanet(creator: &Pubkey, id: u64) -> Pubkey {
    find(&[datanet::SEED_DATANET, creator.as_ref(), &id.to_le_bytes()], &datanet_registry::ID)
}

pub fn contribution(datanet: &Pubkey, content_hash: &[u8; 32]) -> Pubkey {
    find(&[datanet::SEED_CONTRIBUTION, datanet.as_ref(), content_hash], &datanet_registry::ID)
}

pub fn attestor_approval(datanet: &Pubkey, attestor: &Pubkey) -> Pubkey {
    find(&[datanet::SEED_ATTESTOR_APPROVAL, datanet.as_ref(), attestor.as_ref()], &datanet_registry::ID)
}

pub fn datanet_version(datanet: &Pubkey, number: u32) -> Pubkey {
    find(&[datanet::SEED_DATANET_VERSION, datanet.as_ref(), &number.to_le_bytes()], &datanet_registry::ID)
}

pub fn model(owner: &Pubkey, id: u64) -> Pubkey {
    find(&[model::SEED_MODEL, owner.as_ref(), &id.to_le_bytes()], &model_registry::ID)
}

pub fn operator(authority: &Pubkey) -> Pubkey {
    find(&[model::SEED_OPERATOR, authority.as_ref()], &model_registry::ID)
}

pub fn bond_vault() -> Pubkey {
    find(&[datanet::SEED_BOND_VAULT], &datanet_registry::ID)
}

pub fn config() -> Pubkey {
    find(&[payout::SEED_CONFIG], &attribution_payout::ID)
}

pub fn vault() -> Pubkey {
    find(&[payout::SEED_VAULT], &attribution_payout::ID)
}

pub fn stake_vault() -> Pubkey {
    find(&[payout::SEED_STAKE_VAULT], &attribution_payout::ID)
}

/// The reward pool of a published datanet version.
pub fn pool(datanet_version: &Pubkey) -> Pubkey {
    find(&[payout::SEED_POOL, datanet_version.as_ref()], &attribution_payout::ID)
}

/// A contribution's position in a version's pool.
pub fn position(pool: &Pubkey, contribution: &Pubkey) -> Pubkey {
    find(&[payout::SEED_POSITION, pool.as_ref(), contribution.as_ref()], &attribution_payout::ID)
}

pub fn earnings(beneficiary: &Pubkey, role: attribution_payout::state::EarningsRole) -> Pubkey {
    find(&[payout::SEED_EARNINGS, beneficiary.as_ref(), &role.seed()], &attribution_payout::ID)
}

pub fn escrow(model: &Pubkey) -> Pubkey {
    find(&[payout::SEED_ESCROW, model.as_ref()], &attribution_payout::ID)
}

pub fn stake(authority: &Pubkey) -> Pubkey {
    find(&[payout::SEED_STAKE, authority.as_ref()], &attribution_payout::ID)
}

pub fn epoch(model: &Pubkey, index: u64) -> Pubkey {
    find(&[payout::SEED_EPOCH, model.as_ref(), &index.to_le_bytes()], &attribution_payout::ID)
}

pub fn attestation(epoch: &Pubkey) -> Pubkey {
    find(&[payout::SEED_ATTESTATION, epoch.as_ref()], &attribution_payout::ID)
}

pub fn receipt(epoch: &Pubkey, contribution: &Pubkey) -> Pubkey {
    find(&[payout::SEED_RECEIPT, epoch.as_ref(), contribution.as_ref()], &attribution_payout::ID)
}

pub fn channel(payer: &Pubkey, id: u64) -> Pubkey {
    find(&[payout::SEED_CHANNEL, payer.as_ref(), &id.to_le_bytes()], &attribution_payout::ID)
}

pub fn action(id: u64) -> Pubkey {
    find(&[payout::SEED_ACTION, &id.to_le_bytes()], &attribution_payout::ID)
}

/// The upgradeable loader's ProgramData account of `program`.
pub fn program_data(program: &Pubkey) -> Pubkey {
    find(&[program.as_ref()], &anchor_lang::solana_program::bpf_loader_upgradeable::ID)
}
