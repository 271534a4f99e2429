use anchor_lang::prelude::*;

/// The datanet's curator allows `attestor` to attest the datanet's share of the models that cite
/// it with a proof-attributed entry: `attribution_payout` takes a root for such an epoch only from
/// an attestor the datanet approves (the model owner names the attestor; the curator allows it).
/// PDA `[SEED_ATTESTOR_APPROVAL, datanet, attestor]`; created by `datanet_attestor_approve` (the
/// curator pays the rent), closed by `datanet_attestor_revoke` (the rent back to who paid it).
#[account]
#[derive(InitSpace, Debug)]
pub struct AttestorApproval {
    pub version: u8,
    pub bump: u8,
    pub datanet: Pubkey,
    pub attestor: Pubkey,
    pub approved_at: i64,
    pub rent_payer: Pubkey,
}
