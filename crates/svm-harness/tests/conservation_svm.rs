//! A randomised run against the .so programs in LiteSVM: payments, submissions and reviews,
//! versions published at random points (each with its own pool, and a new model citing it),
//! enrolments, claims of several positions at once, distributions and slashes of a stake, in
//! random order. After every transaction, on chain state: the vault holds exactly every unclaimed
//! entitlement (Σ earnings + Σ per-version pool balances + Σ escrows + Σ epochs); each version's
//! pool covers what every contribution of the version is owed, enrolled or not, and nothing
//! more than a unit of dust per contribution (nothing waits for anyone); and every token that
//! left the vault is in a beneficiary's own account.
use anchor_lang::prelude::Pubkey;
use attribution_payout::errors::PayoutError;
use attribution_payout::state::{Earnings, EarningsRole, Epoch, Escrow, Pool, Position, Stake};
use datanet_registry::instructions::ReviewDecision;
use datanet_registry::state::{Contribution, ContributionStatus, DatanetPolicy, DatanetVersion};
use model_registry::state::ModelKind;
use std::collections::BTreeSet;
use svm_harness::token::TokenProgram;
use svm_harness::world::{datanet_entry, model_entry, Shares, World, OPEN};
use svm_harness::{assert_error, ixs, pda, Executed, Failed, Keypair, Signer};

/// Claims and cranks may find nothing to do; any other failure is a bug.
fn ok_or_nothing(result: Result<Executed, Failed>, nothing: &str) -> bool {
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

    fn pick(&mut self, n: usize) -> usize {
        self.below(n as u64) as usize
    }
}

/// At most this many positions per claim (a legacy transaction fits about 14).
const CLAIM_BATCH: usize = 8;

struct Contributor {
    wallet: Keypair,
    token: Pubkey,
}

struct Submitted {
    /// Index into `Run::contributors`.
    owner: usize,
    /// Index into `Run::datanets`.
    datanet: usize,
    key: Pubkey,
}

struct Version {
    datanet: usize,
    key: Pubkey,
}

struct Run {
    w: World,
    rng: Rng,
    curator: Keypair,
    datanets: [Pubkey; 2],
    contributors: Vec<Contributor>,
    contributions: Vec<Submitted>,
    versions: Vec<Version>,
    /// Enrolled positions: (index into `versions`, index into `contributions`).
    enrolled: BTreeSet<(usize, usize)>,
    base: Pubkey,
    models: Vec<Pubkey>,
    model_owner: Keypair,
    next_model_id: u64,
    /// The proof-attributed model, and the index of its first epoch: every epoch since holds value.
    epochs: (Pubkey, u64),
    earners: Vec<(Pubkey, EarningsRole)>,
    paid_out: u64,
    /// Enrolments refused because the version was published before the contribution's acceptance.
    not_in_version: usize,
    /// Claims that paid several positions at once.
    multi_claims: usize,
}

impl Run {
    fn contribution(&self, i: usize) -> Contribution {
        self.w.svm.get(&self.contributions[i].key)
    }

    fn version(&self, v: usize) -> DatanetVersion {
        self.w.svm.get(&self.versions[v].key)
    }

    fn submit(&mut self, owner: usize, datanet: usize) -> usize {
        let content = format!("contribution {}", self.contributions.len());
        let wallet = self.contributors[owner].wallet.insecure_clone();
        let key = self.w.contribute(&self.datanets[datanet], &wallet, content.as_bytes());
        self.contributions.push(Submitted { owner, datanet, key });
        self.contributions.len() - 1
    }

    fn review(&mut self, i: usize, decision: ReviewDecision) {
        let (datanet, key) = (self.datanets[self.contributions[i].datanet], self.contributions[i].key);
        let curator = self.curator.insecure_clone();
        self.w.step(&curator, ixs::datanet::contribution_review(&datanet, &key, &curator.pubkey(), decision), &[]);
    }

    /// Publishes the next version of `datanet`, and a model citing it, another datanet version
    /// picked at random and the base model.
    fn publish(&mut self, datanet: usize) {
        let curator = self.curator.insecure_clone();
        let key = self.w.publish_version(&curator, &self.datanets[datanet]);
        self.versions.push(Version { datanet, key });
        let others: Vec<&Version> = self.versions.iter().filter(|v| v.datanet != datanet).collect();
        let other = others[self.rng.pick(others.len())];
        let entries = vec![
            datanet_entry(self.datanets[datanet], key, 3_000),
            datanet_entry(self.datanets[other.datanet], other.key, 2_000),
            model_entry(self.base, 1_000),
        ];
        let owner = self.model_owner.insecure_clone();
        let (id, price) = (self.next_model_id, 1 + self.rng.below(20_000));
        self.next_model_id += 1;
        let shares = Shares { entries, owner_bps: 3_000, operator_bps: 1_000 };
        let model = self.w.model(&owner, id, ModelKind::FineTune, None, price, shares);
        self.models.push(model);
    }

    /// Enrols contribution `c` in version `v`'s pool, which succeeds exactly when the version
    /// contains it.
    fn enroll(&mut self, v: usize, c: usize) {
        if self.enrolled.contains(&(v, c)) {
            return;
        }
        let (version, contribution) = (self.versions[v].key, self.contributions[c].key);
        let state = self.contribution(c);
        let payer = self.contributors[self.rng.pick(self.contributors.len())].wallet.insecure_clone();
        let ix = ixs::payout::position_enroll(&payer.pubkey(), &version, &contribution);
        let result = self.w.svm.run(&payer, ix, &[]);
        if self.versions[v].datanet != self.contributions[c].datanet {
            assert_error(result, PayoutError::WrongPool);
        } else if state.status != ContributionStatus::Accepted {
            assert_error(result, PayoutError::ContributionNotAccepted);
        } else if !state.is_in(&self.version(v)) {
            assert_error(result, PayoutError::NotInVersion);
            self.not_in_version += 1;
        } else {
            result.unwrap();
            self.enrolled.insert((v, c));
        }
    }

    /// Claims up to `CLAIM_BATCH` of `owner`'s enrolled positions in one instruction, from the
    /// `skip`-th on.
    fn claim(&mut self, owner: usize, skip: usize) {
        let positions: Vec<(Pubkey, Pubkey)> = self
            .enrolled
            .iter()
            .filter(|(_, c)| self.contributions[*c].owner == owner)
            .skip(skip)
            .take(CLAIM_BATCH)
            .map(|(v, c)| (self.versions[*v].key, self.contributions[*c].key))
            .collect();
        if positions.is_empty() {
            return;
        }
        let (wallet, token) = (self.contributors[owner].wallet.insecure_clone(), self.contributors[owner].token);
        let before = self.w.svm.token_balance(&token);
        if ok_or_nothing(self.w.claim_positions(&wallet, &positions, &token), "NothingToClaim") {
            self.paid_out += self.w.svm.token_balance(&token) - before;
            self.multi_claims += usize::from(positions.len() > 1);
        }
    }

    fn check(&self) {
        let svm = &self.w.svm;
        let earnings: u64 = self.earners.iter().map(|(k, r)| svm.get::<Earnings>(&pda::earnings(k, *r)).balance).sum();
        let escrows: u64 = self.models.iter().map(|m| svm.get::<Escrow>(&pda::escrow(m)).balance).sum();
        let mut pools = 0;
        for (v, version) in self.versions.iter().enumerate() {
            let dv = self.version(v);
            let pool: Pool = svm.get(&pda::pool(&version.key));
            assert_eq!((pool.total_weight, pool.accepted_end), (dv.total_weight, dv.accepted_end));
            let balance = pool.total_credited - pool.total_claimed;
            pools += balance;
            // Every contribution of the version is owed its weight's share of every credit since
            // the pool began, whether or not (and whenever) it enrolled.
            let (mut owed, mut members, mut weight) = (0, 0, 0);
            for (c, submitted) in self.contributions.iter().enumerate().filter(|(_, s)| s.datanet == version.datanet) {
                let state = self.contribution(c);
                if !state.is_in(&dv) {
                    assert!(!self.enrolled.contains(&(v, c)));
                    continue;
                }
                members += 1;
                weight += state.weight;
                owed += if self.enrolled.contains(&(v, c)) {
                    let position: Position = svm.get(&pda::position(&pda::pool(&version.key), &submitted.key));
                    position.pending(pool.reward_per_weight).unwrap().0
                } else {
                    payout_math::accrue(state.weight, 0, pool.reward_per_weight, 0).unwrap().0
                };
            }
            assert_eq!(weight, pool.total_weight, "a version's weight is exactly its contributions'");
            assert_eq!(members, dv.contribution_count);
            assert!(owed <= balance, "pool over-committed: {owed} > {balance}");
            assert!(balance - owed <= members + 1, "dust bounded: {balance} - {owed} for {members} contributions");
        }
        let (model, first) = self.epochs;
        let epochs: u64 = (first..=self.w.epoch_index())
            .filter_map(|i| svm.try_get::<Epoch>(&pda::epoch(&model, i)))
            .map(|e| e.balance().unwrap())
            .sum();
        let vault = svm.token_balance(&pda::vault());
        assert_eq!(vault, earnings + pools + escrows + epochs, "vault = Σ earnings + Σ pools + Σ escrows + Σ epochs");
        let received: u64 = self.contributors.iter().map(|c| svm.token_balance(&c.token)).sum::<u64>()
            + self.earners.iter().map(|(k, r)| svm.get::<Earnings>(&pda::earnings(k, *r)).total_claimed).sum::<u64>();
        assert_eq!(received, self.paid_out, "every token that left the vault reached a beneficiary");
    }
}

#[test]
fn random_sequences_conserve_value_on_chain() {
    let (mut slashes, mut published, mut late_enrolments, mut not_in_version, mut multi_claims) = (0, 0, 0, 0, 0);
    for seed in [0x9e37_79b9_7f4a_7c15u64, 0xdead_beef_1234_5678, 42] {
        let mut rng = Rng(seed);
        let mut w = World::new(TokenProgram::Token2022);
        let curator = w.wallet();
        let datanets = [w.datanet(&curator, 1, DatanetPolicy::Curated), w.datanet(&curator, 2, DatanetPolicy::Curated)];
        let contributors: Vec<Contributor> = (0..6)
            .map(|_| {
                let wallet = w.wallet();
                let token = w.fund(&wallet.pubkey(), 0);
                Contributor { wallet, token }
            })
            .collect();
        let mut run = Run {
            w,
            rng: Rng(seed ^ 0x5555),
            curator,
            datanets,
            contributors,
            contributions: Vec::new(),
            versions: Vec::new(),
            enrolled: BTreeSet::new(),
            base: Pubkey::default(),
            models: Vec::new(),
            model_owner: Keypair::new(),
            next_model_id: 10,
            epochs: (Pubkey::default(), 0),
            earners: Vec::new(),
            paid_out: 0,
            not_in_version: 0,
            multi_claims: 0,
        };
        for i in 0..8 {
            let c = run.submit(i % 6, i % 2);
            run.review(c, ReviewDecision::Accept { weight: 1 + rng.below(1_000) });
        }
        for (d, datanet) in datanets.iter().enumerate() {
            let key = run.w.publish_version(&run.curator.insecure_clone(), datanet);
            run.versions.push(Version { datanet: d, key });
        }
        let (v0, v1) = (run.versions[0].key, run.versions[1].key);
        let w = &mut run.w;
        let base_owner = w.wallet();
        let base = w.model(
            &base_owner,
            1,
            ModelKind::Base,
            None,
            777,
            Shares { entries: vec![datanet_entry(datanets[1], v1, 7_000)], owner_bps: 2_000, operator_bps: 1_000 },
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
                    datanet_entry(datanets[0], v0, 3_300),
                    datanet_entry(datanets[1], v1, 2_200),
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
        // A model whose datanet entry is proof-attributed: its share accrues in an epoch.
        let attributed_owner = w.wallet();
        let mut attributed = datanet_entry(datanets[0], v0, 4_400);
        attributed.proof_attributed = true;
        let shares = Shares { entries: vec![attributed], owner_bps: 4_600, operator_bps: 1_000 };
        let epoch_model =
            w.model_attested(&attributed_owner, 2, ModelKind::FineTune, None, 999, shares, Some(operator.pubkey()));
        let epochs = (epoch_model, w.epoch_index());
        let user = w.wallet();
        let user_token = w.fund(&user.pubkey(), 10_000_000 * OPEN);
        let keys = [
            w.treasury.insecure_clone(),
            base_owner.insecure_clone(),
            tune_owner.insecure_clone(),
            attributed_owner.insecure_clone(),
            operator.insecure_clone(),
        ];
        let roles = [
            EarningsRole::Treasury,
            EarningsRole::ModelOwner,
            EarningsRole::ModelOwner,
            EarningsRole::ModelOwner,
            EarningsRole::Operator,
        ];
        let earner_tokens: Vec<Pubkey> = keys.iter().map(|k| w.fund(&k.pubkey(), 0)).collect();
        run.earners = keys.iter().zip(roles).map(|(k, r)| (k.pubkey(), r)).collect();
        run.base = base;
        run.models = vec![base, tune, epoch_model];
        // Models of later versions belong to the fine-tune's owner.
        run.model_owner = tune_owner.insecure_clone();
        run.epochs = epochs;

        for _ in 0..80 {
            match rng.below(10) {
                0..=2 => {
                    let model = run.models[rng.pick(run.models.len())];
                    run.w.pay(&user, &user_token, &model, &operator, 1 + rng.below(50)).unwrap();
                }
                3 => {
                    let (v, c) = (rng.pick(run.versions.len()), rng.pick(run.contributions.len()));
                    let credited = run.w.svm.get::<Pool>(&pda::pool(&run.versions[v].key)).total_credited;
                    let was = run.enrolled.len();
                    run.enroll(v, c);
                    late_enrolments += usize::from(run.enrolled.len() > was && credited > 0);
                }
                4 => {
                    let owner = rng.pick(run.contributors.len());
                    run.claim(owner, 0);
                }
                5 => {
                    run.submit(rng.pick(6), rng.pick(2));
                }
                6 => {
                    let pending: Vec<usize> = (0..run.contributions.len())
                        .filter(|c| run.contribution(*c).status == ContributionStatus::Pending)
                        .collect();
                    if !pending.is_empty() {
                        let c = pending[rng.pick(pending.len())];
                        match rng.below(4) {
                            0 => run.review(c, ReviewDecision::Reject { reason: 1 }),
                            _ => run.review(c, ReviewDecision::Accept { weight: 1 + rng.below(1_000) }),
                        }
                    }
                }
                7 => {
                    run.publish(rng.pick(2));
                    published += 1;
                }
                _ => {
                    let choice = rng.below(3);
                    if choice == 0 {
                        ok_or_nothing(run.w.distribute(&user, &base), "NothingToDistribute");
                    } else if choice == 1 {
                        let amount = 1 + rng.below(3_000 * OPEN);
                        let slash = run.w.slash(&misbehaving.pubkey(), amount, 1);
                        slashes += usize::from(ok_or_nothing(slash, "SlashAboveStake"));
                    } else {
                        let i = rng.pick(keys.len());
                        let before = run.w.svm.token_balance(&earner_tokens[i]);
                        if ok_or_nothing(run.w.claim_earnings(&keys[i], roles[i], &earner_tokens[i]), "NothingToClaim")
                        {
                            run.paid_out += run.w.svm.token_balance(&earner_tokens[i]) - before;
                        }
                    }
                }
            }
            run.check();
        }

        // Finally every contribution enrols in every version that contains it and claims
        // everything: what the pools keep is dust (checked by `check`), nothing waits for anyone.
        for v in 0..run.versions.len() {
            let dv = run.version(v);
            for c in 0..run.contributions.len() {
                if run.contributions[c].datanet == run.versions[v].datanet && run.contribution(c).is_in(&dv) {
                    run.enroll(v, c);
                }
            }
        }
        for owner in 0..run.contributors.len() {
            let mine = run.enrolled.iter().filter(|(_, c)| run.contributions[*c].owner == owner).count();
            for skip in (0..mine).step_by(CLAIM_BATCH) {
                run.claim(owner, skip);
            }
        }
        run.check();
        for (v, version) in run.versions.iter().enumerate() {
            let pool: Pool = run.w.svm.get(&pda::pool(&version.key));
            let positions = run.enrolled.iter().filter(|(pv, _)| *pv == v).count() as u64;
            assert!(pool.total_credited - pool.total_claimed <= positions + 1, "only dust stays in {}", version.key);
        }
        let stakes: u64 = [&operator, &misbehaving]
            .iter()
            .map(|o| run.w.svm.get::<Stake>(&pda::stake(&o.pubkey())).total().unwrap())
            .sum();
        assert_eq!(run.w.svm.token_balance(&pda::stake_vault()), stakes);
        eprintln!(
            "seed {seed:#x}: {} versions, {} contributions, {} positions, {} models, {} refused as not in the version, {} multi-position claims",
            run.versions.len(), run.contributions.len(), run.enrolled.len(), run.models.len(), run.not_in_version, run.multi_claims
        );
        not_in_version += run.not_in_version;
        multi_claims += run.multi_claims;
    }
    assert!(slashes > 0, "the runs slashed a stake");
    assert!(published > 0, "the runs published versions");
    assert!(late_enrolments > 0, "the runs enrolled positions in pools already credited");
    assert!(not_in_version > 0, "the runs tried to enrol contributions accepted after a version");
    assert!(multi_claims > 0, "the runs claimed several positions at once");
}
