//! Finding an operator and its stake, whoever holds them now. An operator's Operator and Stake
//! accounts sit at the PDAs of the key it was registered under and keep them when it is handed
//! over (`operator transfer` / `accept-transfer`), while their `authority` becomes the new wallet,
//! whose Operator earnings then receive the operator share of every fee. So whatever names an
//! operator's accounts (a payment, an update, a stake deposit) takes the accounts found here
//! rather than PDAs of its current authority.
use crate::chain::Chain;
use anchor_lang::{AccountDeserialize, Discriminator};
use anyhow::{bail, Result};
use attribution_payout::state::Stake;
use model_registry::state::Operator;
use solana_account::Account;
use svm_harness::{pda, Pubkey};

/// Where `authority` starts in an Operator and in a Stake account: after the discriminator (8),
/// `version` and `bump` (1 + 1).
pub const AUTHORITY_OFFSET: usize = 8 + 1 + 1;

/// An operator, as `find` found it.
pub struct Found {
    /// The Operator account.
    pub address: Pubkey,
    pub state: Operator,
    /// The stake whose authority is the operator's, which `inference_pay` takes with it (an
    /// operator is payable only while its stake has the same authority); None when there is none.
    pub stake: Option<(Pubkey, Stake)>,
}

/// `account` decoded as a `T` of `program`, or None (missing, another owner, another type).
fn decoded<T: AccountDeserialize>(account: Option<Account>, program: &Pubkey) -> Option<T> {
    let account = account.filter(|a| a.owner == *program)?;
    T::try_deserialize(&mut account.data.as_slice()).ok()
}

/// The operator named by `key`: the key it was registered under (its account is at
/// `pda::operator(key)`; tried first), its Operator account's address, or its current authority
/// (the only operator whose authority `key` is, found by a `getProgramAccounts`). Errors, naming
/// `key`, when there is none (or, by authority, several).
pub fn find(chain: &Chain, key: &Pubkey) -> Result<Found> {
    let at_pda = pda::operator(key);
    // The key it was registered under (the seed of its PDA and of its first stake's), when known.
    let (address, state, registered_under) =
        if let Some(state) = decoded::<Operator>(chain.account(&at_pda)?, &model_registry::ID) {
            (at_pda, state, Some(*key))
        } else if let Some(state) = decoded::<Operator>(chain.account(key)?, &model_registry::ID) {
            let first = (pda::operator(&state.authority) == *key).then_some(state.authority);
            (*key, state, first)
        } else {
            let filter = [(AUTHORITY_OFFSET, key.as_ref())];
            let mut owned = chain.program_accounts(&model_registry::ID, Operator::DISCRIMINATOR, &filter)?;
            match owned.len() {
                0 => bail!("no operator is registered under {key}, at that address, or has {key} as its authority"),
                1 => {
                    let (address, account) = owned.remove(0);
                    let Some(state) = decoded::<Operator>(Some(account), &model_registry::ID) else {
                        bail!("{address} is not an operator")
                    };
                    let first = (pda::operator(&state.authority) == address).then_some(state.authority);
                    (address, state, first)
                }
                n => bail!("{key} is the authority of {n} operators: name the operator's account"),
            }
        };
    let stake = stake_of(chain, &state.authority, registered_under)?;
    Ok(Found { address, state, stake })
}

/// The stake whose authority is `authority`: the one at the PDA of `first` (the key its operator
/// was registered under) or of `authority`, else (a `getProgramAccounts`) the one of `authority`'s
/// with the most active stake; None when it has none.
pub fn stake_of(chain: &Chain, authority: &Pubkey, first: Option<Pubkey>) -> Result<Option<(Pubkey, Stake)>> {
    for seed in first.iter().chain(std::iter::once(authority)) {
        let address = pda::stake(seed);
        if let Some(stake) = decoded::<Stake>(chain.account(&address)?, &attribution_payout::ID) {
            if stake.authority == *authority {
                return Ok(Some((address, stake)));
            }
        }
    }
    let filter = [(AUTHORITY_OFFSET, authority.as_ref())];
    let found = chain.program_accounts(&attribution_payout::ID, Stake::DISCRIMINATOR, &filter)?;
    Ok(found
        .into_iter()
        .filter_map(|(k, a)| Some((k, decoded::<Stake>(Some(a), &attribution_payout::ID)?)))
        .max_by_key(|(_, s)| s.active))
}

#[cfg(test)]
mod tests {
    use super::*;
    use model_registry::state::OperatorStatus;

    #[test]
    fn the_authority_offset_is_where_operators_and_stakes_serialise_it() {
        let authority = Pubkey::new_unique();
        let operator = Operator {
            version: 1,
            bump: 253,
            authority,
            status: OperatorStatus::Active,
            registered_at: 1,
            updated_at: 2,
            pending_authority: Some(Pubkey::new_unique()),
            reserved: [0; 32],
            endpoint: "https://op.example".into(),
        };
        let mut data = Vec::new();
        anchor_lang::AccountSerialize::try_serialize(&operator, &mut data).unwrap();
        assert_eq!(&data[AUTHORITY_OFFSET..AUTHORITY_OFFSET + 32], authority.as_ref());
        let stake = Stake {
            version: 1,
            bump: 252,
            authority,
            active: 3,
            unstaking: 4,
            unlock_at: 5,
            pending_authority: None,
            locked: 6,
            slashable_until: 7,
            reserved: [0; 16],
        };
        let mut data = Vec::new();
        anchor_lang::AccountSerialize::try_serialize(&stake, &mut data).unwrap();
        assert_eq!(&data[AUTHORITY_OFFSET..AUTHORITY_OFFSET + 32], authority.as_ref());
    }
}
