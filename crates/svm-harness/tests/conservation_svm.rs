//! A randomised run against the .so programs in LiteSVM: payments, enrolments, claims,
//! distributions and slashes of a stake in random order, with the conservation invariant checked on chain state after
//! every transaction: vault = Σ earnings + Σ pool balances + Σ escrows, each pool covering what
//! its positions can claim (less than one unit of dust per position), and every token that left
//! the vault in a beneficiary's own account.
use anchor_lang::prelude::Pubkey;
use attribution_payout::instructions::StakeSlashArgs;
use attribution_payout::state::{Earnings, EarningsRole, Epoch, Escrow, Pool, Position, Stake};
use datanet_registry::state::DatanetPolicy;
use model_registry::state::ModelKind;
use svm_harness::token::TokenProgram;
use svm_harness::world::{datanet_entry, model_entry, Shares, World, OPEN};
use svm_harness::{ixs, pda, Keypair, Signer};

/// Claims and cranks may find nothing to do; any other failure is a bug.
fn ok_or_nothing(result: Result<svm_harness::Executed, svm_harness::Failed>, nothing: &str) -> bool {
    match result {
        Ok(_) => true,
        Err(f) => {
            assert_eq!(f.anchor_error_name().as_deref(), Some(nothing), "{:#?}", f.logs());
            false
        }
    }
}

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

struct Contributor {
    wallet: Keypair,
    datanet: Pubkey,
    contribution: Pubkey,
    token: Pubkey,
    enrolled: bool,
}

fn check(
    w: &World,
    datanets: &[Pubkey],
    models: &[Pubkey],
    epochs: &[Pubkey],
    earners: &[(Pubkey, EarningsRole)],
    contributors: &[Contributor],
    paid_out: u64,
) {
    let earnings: u64 = earners.iter().map(|(k, r)| w.svm.get::<Earnings>(&pda::earnings(k, *r)).balance).sum();
    let escrows: u64 = models.iter().map(|m| w.svm.get::<Escrow>(&pda::escrow(m)).balance).sum();
    let mut pools = 0;
    for d in datanets {
        let pool: Pool = w.svm.get(&pda::pool(d));
        let balance = pool.total_credited - pool.total_claimed;
        pools += balance;
        let mine: Vec<_> = contributors.iter().filter(|c| c.enrolled && c.datanet == *d).collect();
        let owed: u64 = mine
            .iter()
            .map(|c| w.svm.get::<Position>(&pda::position(&c.contribution)).pending(pool.reward_per_weight).unwrap().0)
            .sum();
        assert!(owed + pool.undistributed <= balance, "pool over-committed");
        assert!(balance - owed - pool.undistributed <= mine.len() as u64 + 1, "dust bounded");
    }
    let epochs: u64 = epochs.iter().filter_map(|e| w.svm.try_get::<Epoch>(e)).map(|e| e.balance().unwrap()).sum();
    let vault = w.svm.token_balance(&pda::vault());
    assert_eq!(vault, earnings + pools + escrows + epochs, "vault = Σ earnings + Σ pools + Σ escrows + Σ epochs");
    let received: u64 = contributors.iter().map(|c| w.svm.token_balance(&c.token)).sum::<u64>()
        + earners.iter().map(|(k, r)| w.svm.get::<Earnings>(&pda::earnings(k, *r)).total_claimed).sum::<u64>();
    assert_eq!(received, paid_out, "every token that left the vault reached a beneficiary");
}

#[test]
fn random_sequences_conserve_value_on_chain() {
    let mut slashes = 0;
    for seed in [0x9e37_79b9_7f4a_7c15u64, 0xdead_beef_1234_5678, 42] {
        let mut rng = Rng(seed);
        let mut w = World::new(TokenProgram::Token2022);
        let curator = w.wallet();
        let datanets = [w.datanet(&curator, 1, DatanetPolicy::Curated), w.datanet(&curator, 2, DatanetPolicy::Curated)];
        let mut contributors = Vec::new();
        for i in 0..8u64 {
            let wallet = w.wallet();
            let datanet = datanets[(i % 2) as usize];
            let contribution = w.contribute(&datanet, &wallet, format!("contribution {seed} {i}").as_bytes());
            w.accept(&datanet, &curator, &contribution, 1 + rng.below(1_000));
            let token = w.fund(&wallet.pubkey(), 0);
            contributors.push(Contributor { wallet, datanet, contribution, token, enrolled: false });
        }
        let base_owner = w.wallet();
        let base = w.model(
            &base_owner,
            1,
            ModelKind::Base,
            None,
            777,
            Shares { entries: vec![datanet_entry(datanets[1], 7_000)], owner_bps: 2_000, operator_bps: 1_000 },
        );
        let tune_owner = w.wallet();
        let tune = w.model(
            &tune_owner,
            1,
            ModelKind::FineTune,
            None,
            12_345,
            Shares {
                entries: vec![
                    datanet_entry(datanets[0], 3_300),
                    datanet_entry(datanets[1], 2_200),
                    model_entry(base, 1_700),
                ],
                owner_bps: 1_900,
                operator_bps: 900,
            },
        );
        let operator = w.wallet();
        w.operator(&operator, 1_000 * OPEN);
        // A second operator, never paid, whose stake governance slashes now and then.
        let misbehaving = w.wallet();
        w.operator(&misbehaving, 5_000 * OPEN);
        let governance = w.governance.insecure_clone();
        // A model whose datanet entry is proof-attributed: its share accrues in an epoch.
        let attributed_owner = w.wallet();
        let mut attributed = datanet_entry(datanets[0], 4_400);
        attributed.proof_attributed = true;
        let shares = Shares { entries: vec![attributed], owner_bps: 4_600, operator_bps: 1_000 };
        let epoch_model =
            w.model_attested(&attributed_owner, 2, ModelKind::FineTune, None, 999, shares, Some(operator.pubkey()));
        let epochs = [pda::epoch(&epoch_model, w.epoch_index())];
        let user = w.wallet();
        let user_token = w.fund(&user.pubkey(), 1_000_000 * OPEN);
        let earners = [
            (w.treasury.pubkey(), EarningsRole::Treasury),
            (base_owner.pubkey(), EarningsRole::ModelOwner),
            (tune_owner.pubkey(), EarningsRole::ModelOwner),
            (attributed_owner.pubkey(), EarningsRole::ModelOwner),
            (operator.pubkey(), EarningsRole::Operator),
        ];
        let keys = [
            w.treasury.insecure_clone(),
            base_owner.insecure_clone(),
            tune_owner.insecure_clone(),
            attributed_owner.insecure_clone(),
            operator.insecure_clone(),
        ];
        let earner_tokens: Vec<Pubkey> = keys.iter().map(|k| w.fund(&k.pubkey(), 0)).collect();
        let mut paid_out = 0;
        for _ in 0..40 {
            match rng.below(5) {
                0 | 1 => {
                    let model = [base, tune, epoch_model][rng.below(3) as usize];
                    w.pay(&user, &user_token, &model, &operator.pubkey(), 1 + rng.below(50)).unwrap();
                }
                2 => {
                    let c = &mut contributors[rng.below(8) as usize];
                    if !c.enrolled {
                        let payer = c.wallet.insecure_clone();
                        let (datanet, contribution) = (c.datanet, c.contribution);
                        c.enrolled = true;
                        w.enroll(&payer, &datanet, &contribution);
                    }
                }
                3 => {
                    let c = &contributors[rng.below(8) as usize];
                    if c.enrolled {
                        let before = w.svm.token_balance(&c.token);
                        let (wallet, datanet, contribution, token) =
                            (c.wallet.insecure_clone(), c.datanet, c.contribution, c.token);
                        if ok_or_nothing(w.claim_position(&wallet, &datanet, &contribution, &token), "NothingToClaim") {
                            paid_out += w.svm.token_balance(&token) - before;
                        }
                    }
                }
                _ => {
                    let choice = rng.below(3);
                    if choice == 0 {
                        ok_or_nothing(w.distribute(&user, &base), "NothingToDistribute");
                    } else if choice == 1 {
                        let args = StakeSlashArgs { amount: 1 + rng.below(3_000 * OPEN), reason: 1 };
                        let (open, treasury) = (w.open, w.treasury.pubkey());
                        let ix = ixs::payout::stake_slash(
                            &open,
                            &governance.pubkey(),
                            &treasury,
                            &misbehaving.pubkey(),
                            args,
                        );
                        slashes += usize::from(ok_or_nothing(w.svm.run(&governance, ix, &[]), "SlashAboveStake"));
                    } else {
                        let i = rng.below(keys.len() as u64) as usize;
                        let before = w.svm.token_balance(&earner_tokens[i]);
                        if ok_or_nothing(w.claim_earnings(&keys[i], earners[i].1, &earner_tokens[i]), "NothingToClaim")
                        {
                            paid_out += w.svm.token_balance(&earner_tokens[i]) - before;
                        }
                    }
                }
            }
            check(&w, &datanets, &[base, tune, epoch_model], &epochs, &earners, &contributors, paid_out);
        }
        let stakes: u64 = [&operator, &misbehaving]
            .iter()
            .map(|o| w.svm.get::<Stake>(&pda::stake(&o.pubkey())).total().unwrap())
            .sum();
        assert_eq!(w.svm.token_balance(&pda::stake_vault()), stakes);
    }
    assert!(slashes > 0, "the runs slashed a stake");
}
