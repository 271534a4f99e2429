//! The decoder: a transaction's logs into the events the three programs emitted, each decoded
//! with the program's own event type. `emit!` writes an event as `Program data: <base64>` (its
//! 8-byte discriminator, then borsh); which program wrote it follows from the `invoke` and
//! `success`/`failed` lines around it, so that two programs' events of the same name (both
//! registries and the payout program have a `HandoverProposed`) are told apart.

use anchor_lang::prelude::Pubkey;
use anchor_lang::{AnchorDeserialize, Discriminator};
use attribution_payout::events as payout;
use base64::Engine;
use datanet_registry::events as datanet;
use datanet_registry::state::ContributionStatus;
use model_registry::events as model;
use serde::{Deserialize, Serialize};

/// One transaction as the indexer reads it, from any source (RPC, or a prepared file of JSON
/// lines in this shape).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TxRecord {
    pub signature: String,
    pub slot: u64,
    /// Unix seconds (the block's time; a source without one gives 0).
    pub block_time: i64,
    /// Failed on chain: stored as seen, never counted.
    pub failed: bool,
    pub logs: Vec<String>,
}

/// The events the KPIs are made of, decoded; every other event of the three programs is
/// `Other`, kept by name.
pub enum Event {
    Paid(Box<payout::InferencePaid>),
    ChannelSettled,
    ModelCreated { model: Pubkey },
    ContributionSubmitted { contribution: Pubkey, datanet: Pubkey, contributor: Pubkey, accepted: bool, at: i64 },
    ContributionAccepted { contribution: Pubkey, datanet: Pubkey, at: i64 },
    PositionEnrolled { position: Pubkey, contribution: Pubkey },
    PositionClaimed { position: Pubkey, beneficiary: Pubkey, amount: u64 },
    AttributionClaimed { contribution: Pubkey, beneficiary: Pubkey, amount: u64 },
    EarningsClaimed { beneficiary: Pubkey, amount: u64 },
    Other,
}

/// One event of a transaction: its place among the transaction's events, the program that
/// emitted it, its name, its bytes (base64, as logged) and what it decoded to.
pub struct Decoded {
    pub index: u32,
    pub program: Pubkey,
    pub name: &'static str,
    pub data: String,
    pub event: Event,
}

/// A transaction's events, and how many `Program data` lines could not be read as one (not
/// base64, an unknown discriminator, bytes that do not decode): skipped, counted, never fatal.
#[derive(Default)]
pub struct Events {
    pub decoded: Vec<Decoded>,
    pub skipped: Vec<String>,
}

macro_rules! catalogue {
    ($($module:ident :: $name:ident),* $(,)?) => {
        &[$(($module::$name::DISCRIMINATOR, stringify!($name))),*]
    };
}

/// A program's events: `(discriminator, name)`.
type Names = &'static [(&'static [u8], &'static str)];

/// Every event each program can emit.
fn catalogue() -> [(Pubkey, Names); 3] {
    [
        (
            datanet_registry::ID,
            catalogue![
                datanet::DatanetCreated,
                datanet::DatanetUpdated,
                datanet::DatanetAuthorityProposed,
                datanet::DatanetAuthorityAccepted,
                datanet::ContributionSubmitted,
                datanet::ContributionTransferProposed,
                datanet::ContributionTransferAccepted,
                datanet::ContributionWithdrawn,
                datanet::ContributionReviewed,
                datanet::DatanetVersionPublished,
                datanet::BondVaultCreated,
                datanet::ContributionFlagged,
                datanet::BondRefunded,
                datanet::AttestorApproved,
                datanet::AttestorRevoked,
            ],
        ),
        (
            model_registry::ID,
            catalogue![
                model::ModelCreated,
                model::ModelLineageSet,
                model::ModelPublished,
                model::ModelPriceSet,
                model::ModelRetired,
                model::OperatorRegistered,
                model::OperatorUpdated,
                model::HandoverProposed,
                model::HandoverAccepted,
            ],
        ),
        (
            attribution_payout::ID,
            catalogue![
                payout::ConfigInitialized,
                payout::ConfigUpdated,
                payout::ActionQueued,
                payout::ActionExecuted,
                payout::ActionCancelled,
                payout::PauseSet,
                payout::RoleAccepted,
                payout::PoolInitialized,
                payout::EarningsInitialized,
                payout::EscrowInitialized,
                payout::StakeInitialized,
                payout::StakeChanged,
                payout::StakeSlashed,
                payout::InferencePaid,
                payout::EscrowDistributed,
                payout::PositionEnrolled,
                payout::PositionSynced,
                payout::PositionClaimed,
                payout::EarningsClaimed,
                payout::EpochOpened,
                payout::AttributionRootPosted,
                payout::EpochChallenged,
                payout::EpochChallengeEnded,
                payout::AttestationClosed,
                payout::AttributionClaimed,
                payout::AttributionRootVetoed,
                payout::EpochReleased,
                payout::ReceiptClosed,
                payout::HandoverProposed,
                payout::HandoverAccepted,
                payout::EarningsTransferred,
                payout::EmptyAccountClosed,
                payout::ChannelOpened,
                payout::ChannelToppedUp,
                payout::ChannelSettled,
                payout::ChannelCloseRequested,
                payout::ChannelClosed,
            ],
        ),
    ]
}

/// The programs whose events are read; another program's `Program data` lines are not ours to count.
pub const PROGRAMS: [Pubkey; 3] = [datanet_registry::ID, model_registry::ID, attribution_payout::ID];

/// The name of the event `bytes` start with, if `program` emits one with that discriminator.
fn name_of(program: &Pubkey, bytes: &[u8]) -> Option<&'static str> {
    let (_, events) = catalogue().into_iter().find(|(id, _)| id == program)?;
    events.iter().find(|(discriminator, _)| bytes.starts_with(discriminator)).map(|(_, name)| *name)
}

fn body<E: AnchorDeserialize + Discriminator>(bytes: &[u8]) -> Option<E> {
    E::deserialize(&mut bytes.get(E::DISCRIMINATOR.len()..)?).ok()
}

/// Decodes an event of `program` called `name` into what the KPIs need of it.
fn decode(program: &Pubkey, name: &str, bytes: &[u8]) -> Option<Event> {
    let event = match name {
        "InferencePaid" if *program == attribution_payout::ID => Event::Paid(Box::new(body(bytes)?)),
        "ChannelSettled" if *program == attribution_payout::ID => {
            body::<payout::ChannelSettled>(bytes).map(|_| Event::ChannelSettled)?
        }
        "ModelCreated" if *program == model_registry::ID => {
            Event::ModelCreated { model: body::<model::ModelCreated>(bytes)?.model }
        }
        "ContributionSubmitted" if *program == datanet_registry::ID => {
            let e: datanet::ContributionSubmitted = body(bytes)?;
            Event::ContributionSubmitted {
                contribution: e.contribution,
                datanet: e.datanet,
                contributor: e.contributor,
                accepted: e.status == ContributionStatus::Accepted,
                at: e.timestamp,
            }
        }
        "ContributionReviewed" if *program == datanet_registry::ID => {
            let e: datanet::ContributionReviewed = body(bytes)?;
            if e.status != ContributionStatus::Accepted {
                return Some(Event::Other);
            }
            Event::ContributionAccepted { contribution: e.contribution, datanet: e.datanet, at: e.timestamp }
        }
        "PositionEnrolled" if *program == attribution_payout::ID => {
            let e: payout::PositionEnrolled = body(bytes)?;
            Event::PositionEnrolled { position: e.position, contribution: e.contribution }
        }
        "PositionClaimed" if *program == attribution_payout::ID => {
            let e: payout::PositionClaimed = body(bytes)?;
            Event::PositionClaimed { position: e.position, beneficiary: e.beneficiary, amount: e.amount }
        }
        "AttributionClaimed" if *program == attribution_payout::ID => {
            let e: payout::AttributionClaimed = body(bytes)?;
            Event::AttributionClaimed { contribution: e.contribution, beneficiary: e.paid_to, amount: e.amount }
        }
        "EarningsClaimed" if *program == attribution_payout::ID => {
            let e: payout::EarningsClaimed = body(bytes)?;
            Event::EarningsClaimed { beneficiary: e.beneficiary, amount: e.amount }
        }
        _ => Event::Other,
    };
    Some(event)
}

/// The events in a transaction's logs, in order, each attributed to the program that emitted it.
pub fn events(logs: &[String]) -> Events {
    let mut out = Events::default();
    let mut stack: Vec<Pubkey> = Vec::new();
    for line in logs {
        let Some(rest) = line.strip_prefix("Program ") else { continue };
        if let Some(b64) = rest.strip_prefix("data: ") {
            let Some(program) = stack.last() else {
                out.skipped.push(format!("event outside any program: {line}"));
                continue;
            };
            if !PROGRAMS.contains(program) {
                continue;
            }
            let decoded = base64::engine::general_purpose::STANDARD.decode(b64).ok().and_then(|bytes| {
                let name = name_of(program, &bytes)?;
                Some((name, decode(program, name, &bytes)?))
            });
            match decoded {
                Some((name, event)) => out.decoded.push(Decoded {
                    index: out.decoded.len() as u32,
                    program: *program,
                    name,
                    data: b64.to_string(),
                    event,
                }),
                None => out.skipped.push(format!("unreadable event of {program}: {b64}")),
            }
            continue;
        }
        let mut words = rest.split(' ');
        let (Some(id), Some(verb)) = (words.next(), words.next()) else { continue };
        match verb {
            "invoke" => stack.push(id.parse().unwrap_or_default()),
            "success" | "failed:" => {
                stack.pop();
            }
            _ => {}
        }
    }
    out
}
