//! Contributor bonds and the spam flag (issue 14, part 3) on the built programs. Each attack is
//! mounted with its honest twin, and balances are checked after it: a spam flag after the window
//! or after a version, a double refund, a refund to another wallet, a submission without its bond,
//! a flag by someone else, a forfeit to a wallet that is not the treasury.
use anchor_lang::prelude::Pubkey;
use anchor_lang::AnchorDeserialize;
use attribution_payout::errors::PayoutError;
use attribution_payout::state::{Config, Pool};
use datanet_registry::errors::DatanetError;
use datanet_registry::instructions::{ContributionSubmitArgs, ReviewDecision};
use datanet_registry::payout_config::PayoutConfigHead;
use datanet_registry::state::{BondPolicy, Contribution, ContributionStatus, Datanet, DatanetPolicy, DatanetVersion};
use svm_harness::ixs::datanet::{with_bond, BondIx};
use svm_harness::token::TokenProgram;
use svm_harness::world::{content_hash, World, OPEN};
use svm_harness::{assert_error, ixs, pda, Executed, Failed, Keypair, Signer};

const BOND: u64 = 10 * OPEN;
const WINDOW: i64 = 24 * 3600;

struct Market {
    w: World,
    curator: Keypair,
    datanet: Pubkey,
    /// The treasury's OPEN token account, where forfeited bonds go.
    treasury: BondIx,
}

fn market(policy: DatanetPolicy) -> Market {
    let mut w = World::new(TokenProgram::Token);
    let curator = w.wallet();
    let bond = BondPolicy { amount: BOND, spam_window_secs: WINDOW };
    let datanet = w.datanet_with_bond(&curator, 1, policy, bond);
    let treasury_token = w.fund(&w.treasury.pubkey(), 0);
    let treasury = w.bond_ix(&treasury_token);
    Market { w, curator, datanet, treasury }
}

/// A contributor with 100 OPEN in a token account.
struct Contributor {
    key: Keypair,
    bond: BondIx,
}

impl Market {
    fn contributor(&mut self) -> Contributor {
        let key = self.w.wallet();
        let token = self.w.fund(&key.pubkey(), 100 * OPEN);
        Contributor { bond: self.w.bond_ix(&token), key }
    }

    fn submit_ix(&self, who: &Contributor, content: &str) -> anchor_lang::solana_program::instruction::Instruction {
        let hash = content_hash(content.as_bytes());
        let args = ContributionSubmitArgs { content_hash: hash, uri: "ipfs://c".into(), size: content.len() as u64 };
        ixs::datanet::contribution_submit(&self.datanet, &who.key.pubkey(), args)
    }

    /// Submits `content` with its bond; returns the contribution.
    fn submit(&mut self, who: &Contributor, content: &str) -> Pubkey {
        let ix = with_bond(self.submit_ix(who, content), &who.bond);
        self.w.step(&who.key, ix, &[]);
        pda::contribution(&self.datanet, &content_hash(content.as_bytes()))
    }

    fn flag(&mut self, contribution: &Pubkey) -> Result<Executed, Failed> {
        let ix = ixs::datanet::contribution_flag_spam(
            &self.datanet,
            contribution,
            &self.curator.pubkey(),
            Some(&self.treasury),
        );
        self.w.svm.run(&self.curator, ix, &[])
    }

    fn refund(&mut self, contribution: &Pubkey, to: &BondIx) -> Result<Executed, Failed> {
        let payer = self.w.wallet();
        self.w.svm.run(&payer, ixs::datanet::contribution_bond_refund(&self.datanet, contribution, to), &[])
    }

    fn balance(&self, bond: &BondIx) -> u64 {
        self.w.svm.token_balance(&bond.token_account)
    }

    fn vault(&self) -> u64 {
        self.w.svm.token_balance(&pda::bond_vault())
    }

    fn contribution(&self, c: &Pubkey) -> Contribution {
        self.w.svm.get::<Contribution>(c)
    }
}

#[test]
fn a_submission_to_a_bonded_datanet_posts_its_bond_and_cannot_skip_it() {
    let mut m = market(DatanetPolicy::Open { weight: 1 });
    let alice = m.contributor();
    let bob = m.contributor();

    // Attack: submit without the bond accounts.
    let ix = m.submit_ix(&alice, "sample");
    assert_error(m.w.svm.run(&alice.key, ix, &[]), DatanetError::BondAccountsMissing);
    // Attack: the bond paid from someone else's token account (bob's, alice signing).
    let stolen = with_bond(m.submit_ix(&alice, "sample"), &bob.bond);
    assert_error(m.w.svm.run(&alice.key, stolen, &[]), DatanetError::WrongBondTokenAccount);
    // Attack: a vault of one's own instead of the bond vault.
    let mut fake_vault = with_bond(m.submit_ix(&alice, "sample"), &alice.bond);
    fake_vault.accounts[4].pubkey = m.w.fund(&alice.key.pubkey(), 0);
    assert_error(m.w.svm.run(&alice.key, fake_vault, &[]), DatanetError::WrongBondVault);
    assert_eq!((m.balance(&alice.bond), m.balance(&bob.bond), m.vault()), (100 * OPEN, 100 * OPEN, 0));
    assert!(m.w.svm.account(&pda::contribution(&m.datanet, &content_hash(b"sample"))).is_none());

    // Honest twin.
    let c = m.submit(&alice, "sample");
    assert_eq!((m.balance(&alice.bond), m.vault()), (90 * OPEN, BOND));
    let contribution = m.contribution(&c);
    assert_eq!((contribution.status, contribution.bond), (ContributionStatus::Accepted, BOND));
    assert_eq!(contribution.flaggable_until, contribution.decided_at + WINDOW);
}

#[test]
fn a_spam_flag_in_the_window_forfeits_to_the_treasury_and_keeps_it_out_of_the_next_version() {
    let mut m = market(DatanetPolicy::Open { weight: 1 });
    let (honest, spammer) = (m.contributor(), m.contributor());
    let good = m.submit(&honest, "a real sample");
    let spam = m.submit(&spammer, "junk");
    assert_eq!(m.w.svm.get::<Datanet>(&m.datanet).total_accepted_weight, 2);

    // Attack: someone other than the curator flags the honest contribution.
    let ix = ixs::datanet::contribution_flag_spam(&m.datanet, &good, &spammer.key.pubkey(), Some(&m.treasury));
    assert_error(m.w.svm.run(&spammer.key, ix, &[]), DatanetError::NotAuthority);
    // Attack: the curator sends the forfeit to its own token account instead of the treasury's.
    let curator_token = m.w.fund(&m.curator.pubkey(), 0);
    let own = m.w.bond_ix(&curator_token);
    let ix = ixs::datanet::contribution_flag_spam(&m.datanet, &spam, &m.curator.pubkey(), Some(&own));
    assert_error(m.w.svm.run(&m.curator, ix, &[]), DatanetError::WrongBondTokenAccount);
    // Attack: a flag that leaves the bond behind.
    let ix = ixs::datanet::contribution_flag_spam(&m.datanet, &spam, &m.curator.pubkey(), None);
    assert_error(m.w.svm.run(&m.curator, ix, &[]), DatanetError::BondAccountsMissing);
    assert_eq!((m.vault(), m.balance(&m.treasury.clone()), m.w.svm.token_balance(&curator_token)), (2 * BOND, 0, 0));

    // Honest twin: the curator flags the spam in its window.
    m.flag(&spam).expect("flag in the window");
    assert_eq!((m.vault(), m.balance(&m.treasury.clone())), (BOND, BOND));
    let flagged = m.contribution(&spam);
    assert_eq!((flagged.status, flagged.bond, flagged.weight), (ContributionStatus::Flagged, 0, 0));
    assert_error(m.flag(&spam), DatanetError::NotFlaggable);
    assert_eq!(m.balance(&m.treasury.clone()), BOND, "a second flag forfeits nothing more");

    // The next version holds the honest contribution only, and the spam cannot enrol in it.
    let v1 = m.w.publish_version(&m.curator.insecure_clone(), &m.datanet);
    let version = m.w.svm.get::<DatanetVersion>(&v1);
    assert_eq!((version.contribution_count, version.total_weight), (1, 1));
    assert_eq!(m.w.svm.get::<Pool>(&pda::pool(&v1)).total_weight, 1);
    let payer = m.w.wallet();
    assert_error(
        m.w.svm.run(&payer, ixs::payout::position_enroll(&payer.pubkey(), &v1, &spam), &[]),
        PayoutError::ContributionNotAccepted,
    );
    m.w.enroll(&payer, &v1, &good);

    // Squatting in an open datanet: the flagged squat is cleared and its content is free again.
    let clear = ixs::datanet::contribution_withdraw(&m.datanet, &spam, &spammer.key.pubkey(), &m.curator.pubkey());
    m.w.step(&m.curator, clear, &[]);
    let author = m.contributor();
    assert_eq!(m.submit(&author, "junk"), spam, "the author submits the content the squatter had taken");
}

#[test]
fn a_spam_flag_after_the_window_or_after_a_version_fails() {
    let mut m = market(DatanetPolicy::Open { weight: 1 });
    let (a, b) = (m.contributor(), m.contributor());
    let late = m.submit(&a, "late flag");
    m.w.svm.advance_time(WINDOW);
    // Attack: the window has closed.
    assert_error(m.flag(&late), DatanetError::NotFlaggable);
    // Attack: within its window, but already in a published version.
    let versioned = m.submit(&b, "already versioned");
    m.w.publish_version(&m.curator.insecure_clone(), &m.datanet);
    assert_error(m.flag(&versioned), DatanetError::NotFlaggable);
    assert_eq!((m.vault(), m.balance(&m.treasury.clone())), (2 * BOND, 0));
    assert_eq!(m.contribution(&late).status, ContributionStatus::Accepted);

    // Honest twin: a fresh submission, flagged one second before its window closes.
    let c = m.contributor();
    let fresh = m.submit(&c, "fresh spam");
    m.w.svm.advance_time(WINDOW - 1);
    m.flag(&fresh).expect("flag in the window");
    assert_eq!((m.vault(), m.balance(&m.treasury.clone())), (2 * BOND, BOND));
}

#[test]
fn a_bond_is_refunded_once_and_only_to_its_contributor() {
    let mut m = market(DatanetPolicy::Open { weight: 1 });
    let (alice, mallory) = (m.contributor(), m.contributor());
    let c = m.submit(&alice, "sample");
    // Attack: a refund while the contribution can still be flagged.
    assert_error(m.refund(&c, &alice.bond.clone()), DatanetError::BondNotRefundable);
    m.w.publish_version(&m.curator.insecure_clone(), &m.datanet);
    // Attack: the refund sent to another wallet's token account.
    assert_error(m.refund(&c, &mallory.bond.clone()), DatanetError::WrongBondTokenAccount);
    assert_eq!((m.balance(&alice.bond), m.balance(&mallory.bond), m.vault()), (90 * OPEN, 100 * OPEN, BOND));

    // Honest twin: in a version, the bond comes back, once.
    m.refund(&c, &alice.bond.clone()).expect("refund");
    assert_eq!((m.balance(&alice.bond), m.vault(), m.contribution(&c).bond), (100 * OPEN, 0, 0));
    // Attack: the same refund again.
    assert_error(m.refund(&c, &alice.bond.clone()), DatanetError::NoBond);
    assert_eq!((m.balance(&alice.bond), m.vault()), (100 * OPEN, 0));

    // Out of its window without a version, a bond comes back too.
    let d = m.submit(&mallory, "never versioned");
    m.w.svm.advance_time(WINDOW);
    m.refund(&d, &mallory.bond.clone()).expect("refund past the window");
    assert_eq!((m.balance(&mallory.bond), m.vault()), (100 * OPEN, 0));
}

#[test]
fn a_curated_bond_comes_back_on_withdrawal_or_rejection_and_is_forfeited_by_a_pending_flag() {
    let mut m = market(DatanetPolicy::Curated);
    let alice = m.contributor();
    let withdrawn = m.submit(&alice, "withdrawn");
    let rejected = m.submit(&alice, "rejected");
    let flagged = m.submit(&alice, "flagged");
    assert_eq!((m.balance(&alice.bond), m.vault()), (70 * OPEN, 3 * BOND));

    // Attack: withdrawing without the bond accounts would strand the bond.
    let key = alice.key.pubkey();
    let bare = ixs::datanet::contribution_withdraw(&m.datanet, &withdrawn, &key, &key);
    assert_error(m.w.svm.run(&alice.key, bare.clone(), &[]), DatanetError::BondAccountsMissing);
    // Honest twin: the bond returns with the rent.
    let rent = m.w.svm.lamports(&withdrawn);
    let before = m.w.svm.lamports(&key);
    m.w.step(&alice.key, with_bond(bare, &alice.bond), &[]);
    assert!(m.w.svm.account(&withdrawn).is_none());
    assert_eq!((m.balance(&alice.bond), m.vault()), (80 * OPEN, 2 * BOND));
    assert!(m.w.svm.lamports(&key) + 10_000 >= before + rent, "the rent came back (less the fee)");

    // A rejection (not as spam) makes the bond refundable, once.
    let reject = ReviewDecision::Reject { reason: 3 };
    m.w.step(
        &m.curator.insecure_clone(),
        ixs::datanet::contribution_review(&m.datanet, &rejected, &m.curator.pubkey(), reject),
        &[],
    );
    m.refund(&rejected, &alice.bond.clone()).expect("refund after rejection");
    assert_error(m.refund(&rejected, &alice.bond.clone()), DatanetError::NoBond);
    assert_eq!((m.balance(&alice.bond), m.vault()), (90 * OPEN, BOND));

    // A pending submission flagged as spam forfeits its bond; clearing it returns only the rent.
    m.flag(&flagged).expect("flag a pending submission");
    assert_eq!(m.w.svm.get::<Datanet>(&m.datanet).rejected, 2);
    assert_error(m.refund(&flagged, &alice.bond.clone()), DatanetError::NoBond);
    let clear = ixs::datanet::contribution_withdraw(&m.datanet, &flagged, &key, &m.curator.pubkey());
    m.w.step(&m.curator.insecure_clone(), clear, &[]);
    assert_eq!((m.balance(&alice.bond), m.vault(), m.balance(&m.treasury.clone())), (90 * OPEN, 0, BOND));
}

#[test]
fn the_bond_vault_is_created_once_with_the_configs_mint() {
    let mut w = World::new(TokenProgram::Token);
    let payer = w.wallet();
    let vault = w.svm.account(&pda::bond_vault()).expect("World::new created the bond vault");
    let (mint, token_program) = (w.open.mint, w.open.token_program);
    assert_eq!((&vault.data[..32], vault.owner), (mint.as_ref(), token_program), "an OPEN token account");
    // Attack: a vault of another mint.
    let other_mint = w.svm.create_mint(&payer, 6, TokenProgram::Token);
    let wrong = ixs::datanet::bond_vault_init(&payer.pubkey(), &other_mint, &token_program);
    assert_error(w.svm.run(&payer, wrong, &[]), DatanetError::WrongBondMint);
    // Attack: re-initialising the vault (its twin, the first creation, ran in World::new).
    assert!(w.svm.run(&payer, ixs::datanet::bond_vault_init(&payer.pubkey(), &mint, &token_program), &[]).is_err());
    assert_eq!(w.svm.account(&pda::bond_vault()).unwrap().data, vault.data, "not re-initialised");
}

/// `datanet_registry` decodes the head of `attribution_payout`'s config by hand (it cannot depend
/// on that crate): the decoding must match the real layout, program id and seed.
#[test]
fn payout_config_head_matches_the_config() {
    let w = World::new(TokenProgram::Token2022);
    let data = w.svm.account(&pda::config()).unwrap().data;
    let head = PayoutConfigHead::deserialize(&mut &data[8..]).unwrap();
    let config = w.svm.get::<Config>(&pda::config());
    assert_eq!(
        (head.treasury, head.mint, head.token_program, head.decimals, head.authority),
        (config.treasury, config.mint, config.token_program, config.decimals, config.authority)
    );
    assert_eq!(datanet_registry::constants::PAYOUT_PROGRAM_ID, attribution_payout::ID);
    assert_eq!(datanet_registry::constants::SEED_PAYOUT_CONFIG, attribution_payout::constants::SEED_CONFIG);
}
