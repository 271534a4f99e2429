use anchor_lang::prelude::*;

#[error_code]
pub enum ModelError {
    #[msg("Name is empty or longer than 64 bytes")]
    InvalidName,
    #[msg("URI is empty or longer than 200 bytes")]
    InvalidUri,
    #[msg("Price per call must be above zero")]
    ZeroPrice,
    #[msg("An adapter must name its base model, and only an adapter may")]
    InvalidBaseModel,
    #[msg("Only the model's owner may do this")]
    NotOwner,
    #[msg("The model is not a draft: its lineage is frozen")]
    NotDraft,
    #[msg("The model is not published")]
    NotPublished,
    #[msg("The model is retired")]
    Retired,
    #[msg("A lineage has at most 8 entries")]
    TooManyEntries,
    #[msg("Lineage entries and the owner and operator shares must sum to exactly 10,000 bps")]
    SharesNotWhole,
    #[msg("Every lineage entry needs a share above zero")]
    ZeroShare,
    #[msg("The same datanet or model appears twice in the lineage")]
    DuplicateEntry,
    #[msg("A model cannot be its own upstream")]
    SelfReference,
    #[msg("An upstream model must be published")]
    UpstreamNotPublished,
    #[msg("The accounts passed do not match the lineage entries (one per entry, in order, plus a version account where one is cited)")]
    LineageAccountMismatch,
    #[msg("The cited version does not belong to that datanet")]
    VersionMismatch,
    #[msg("Every datanet entry must cite a published version of its datanet, and no model entry may")]
    VersionRequired,
    #[msg("An adapter's lineage must include its base model")]
    AdapterWithoutBase,
    #[msg("Only a datanet entry can be proof-attributed")]
    ProofAttributedModel,
    #[msg("At most one lineage entry can be proof-attributed")]
    TooManyProofAttributed,
    #[msg("A model with proof-attributed entries must name an attestor, and only such a model may")]
    AttestorMismatch,
    #[msg("Only the operator's authority may do this")]
    NotOperatorAuthority,
    #[msg("No handover of this account is pending for this signer")]
    NoPendingHandover,
    #[msg("Arithmetic overflow")]
    Overflow,
    #[msg("An agent's lineage lists the models it calls: at least one, and model entries only")]
    AgentCallsModelsOnly,
}
