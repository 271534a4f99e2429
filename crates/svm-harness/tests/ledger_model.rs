//! Property tests of the money path on a pure host-side model: the programs' own state types and
//! methods (Pool, Position, Earnings, Escrow, and payout-math's split), driven by thousands of
//! random sequences of acceptances, version publications, payments to the versions a model
//! cites, enrolments, claims and distributions. After every step: conservation (the vault holds
//! exactly what is owed, less bounded dust); each version's pool covers what every contribution
//! of the version is owed, enrolled or not (nothing waits for an enrolment); and no claim ever
//! pays more than was credited.
use attribution_payout::state::{Earnings, EarningsRole, Escrow, Pool, Position};
use proptest::prelude::*;

const PROTOCOL_BPS: u16 = 250;
// Paid model: owner, operator, datanet 0, datanet 1, upstream model (escrow).
const PAID_SHARES: [u16; 5] = [2_000, 1_000, 3_000, 2_500, 1_500];
// Upstream model: owner (with the operator share), datanet 1 (its version 1).
const UPSTREAM_SHARES: [u16; 3] = [3_000, 1_000, 6_000];

#[derive(Debug, Clone)]
enum Op {
    Accept {
        datanet: usize,
        weight: u64,
    },
    Publish(usize),
    /// A payment to a model citing, for each datanet, one of its versions (picked modulo).
    Pay {
        fee: u64,
        cite: (usize, usize),
    },
    /// Enrols a contribution of a version (both picked modulo).
    Enroll {
        version: usize,
        member: usize,
    },
    ClaimPosition(usize),
    ClaimEarnings(usize),
    Distribute,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (1u64..5_000_000_000, any::<(usize, usize)>()).prop_map(|(fee, cite)| Op::Pay { fee, cite }),
        1 => (0usize..2, 1u64..1_000_000).prop_map(|(datanet, weight)| Op::Accept { datanet, weight }),
        1 => (0usize..2).prop_map(Op::Publish),
        2 => any::<(usize, usize)>().prop_map(|(version, member)| Op::Enroll { version, member }),
        3 => any::<usize>().prop_map(Op::ClaimPosition),
        1 => (0usize..4).prop_map(Op::ClaimEarnings),
        1 => Just(Op::Distribute),
    ]
}

fn earnings(role: EarningsRole) -> Earnings {
    Earnings {
        version: 1,
        bump: 0,
        beneficiary: Default::default(),
        role,
        balance: 0,
        total_earned: 0,
        total_claimed: 0,
        pending_beneficiary: None,
        reserved: [0; 32],
    }
}

/// A published version's pool.
struct Version {
    datanet: usize,
    pool: Pool,
}

struct Ledger {
    /// The weights of each datanet's accepted contributions, in order of acceptance.
    accepted: [Vec<u64>; 2],
    versions: Vec<Version>,
    /// (version, contribution's order of acceptance in the version's datanet, position)
    positions: Vec<(usize, usize, Position)>,
    /// treasury, paid model's owner, operator, upstream model's owner
    earnings: [Earnings; 4],
    escrow: Escrow,
    vault: u64,
}

impl Ledger {
    /// Each datanet with one accepted contribution and version 1 (datanet 0's is version 0,
    /// datanet 1's version 1, the one the upstream model cites).
    fn new(first: (u64, u64)) -> Self {
        let mut ledger = Ledger {
            accepted: [vec![first.0], vec![first.1]],
            versions: vec![],
            positions: vec![],
            earnings: [
                earnings(EarningsRole::Treasury),
                earnings(EarningsRole::ModelOwner),
                earnings(EarningsRole::Operator),
                earnings(EarningsRole::ModelOwner),
            ],
            escrow: Escrow {
                version: 1,
                bump: 0,
                model: Default::default(),
                balance: 0,
                total_received: 0,
                total_distributed: 0,
                reserved: [0; 32],
            },
            vault: 0,
        };
        ledger.publish(0);
        ledger.publish(1);
        ledger
    }

    /// The version's membership and weight, fixed here as `datanet_version_publish` and
    /// `pool_init` fix them.
    fn publish(&mut self, datanet: usize) {
        let members = &self.accepted[datanet];
        let pool = Pool {
            version: 1,
            bump: 0,
            datanet: Default::default(),
            datanet_version: Default::default(),
            accepted_end: members.len() as u64,
            total_weight: members.iter().sum(),
            enrolled_weight: 0,
            positions: 0,
            reward_per_weight: 0,
            carry: 0,
            total_credited: 0,
            total_claimed: 0,
            reserved: [0; 64],
        };
        pool.invariant().unwrap();
        self.versions.push(Version { datanet, pool });
    }

    /// The index of one of `datanet`'s versions, picked by `pick`.
    fn cited(&self, datanet: usize, pick: usize) -> usize {
        let of: Vec<usize> = (0..self.versions.len()).filter(|v| self.versions[*v].datanet == datanet).collect();
        of[pick % of.len()]
    }

    fn apply(&mut self, op: &Op) {
        match *op {
            Op::Accept { datanet, weight } => self.accepted[datanet].push(weight),
            Op::Publish(datanet) => self.publish(datanet),
            Op::Pay { fee, cite } => {
                let split = payout_math::split(fee, PROTOCOL_BPS, &PAID_SHARES).unwrap();
                let p = split.parts();
                self.vault += fee;
                self.earnings[0].credit(split.treasury()).unwrap();
                self.earnings[1].credit(p[0]).unwrap();
                self.earnings[2].credit(p[1]).unwrap();
                let (v0, v1) = (self.cited(0, cite.0), self.cited(1, cite.1));
                self.versions[v0].pool.credit(p[2]).unwrap();
                self.versions[v1].pool.credit(p[3]).unwrap();
                self.escrow.credit(p[4]).unwrap();
                assert_eq!(split.treasury() + p.iter().sum::<u64>(), fee);
            }
            Op::Enroll { version, member } => {
                let v = version % self.versions.len();
                let member = member % self.versions[v].pool.accepted_end as usize;
                if self.positions.iter().any(|(pv, m, _)| *pv == v && *m == member) {
                    return; // `init` of an existing position fails
                }
                let weight = self.accepted[self.versions[v].datanet][member];
                let pool = &mut self.versions[v].pool;
                pool.enroll(weight).unwrap();
                // `position_enroll`: the position starts at the pool's beginning.
                let position = Position {
                    version: 1,
                    bump: 0,
                    pool: Default::default(),
                    contribution: Default::default(),
                    beneficiary: Default::default(),
                    weight,
                    reward_checkpoint: 0,
                    fraction: 0,
                    total_claimed: 0,
                    enrolled_at: 0,
                    reserved: [0; 32],
                };
                self.positions.push((v, member, position));
            }
            Op::ClaimPosition(i) if !self.positions.is_empty() => {
                let n = self.positions.len();
                let (v, _, position) = &mut self.positions[i % n];
                let pool = &mut self.versions[*v].pool;
                let amount = position.take(pool.reward_per_weight).unwrap();
                pool.record_claim(amount).unwrap();
                self.vault -= amount;
            }
            Op::ClaimEarnings(i) => {
                let amount = self.earnings[i].take_balance().unwrap();
                self.vault -= amount;
            }
            Op::Distribute if self.escrow.balance > 0 => {
                let amount = self.escrow.balance;
                let split = payout_math::split(amount, 0, &UPSTREAM_SHARES).unwrap();
                let p = split.parts();
                self.earnings[0].credit(split.treasury()).unwrap();
                self.earnings[3].credit(p[0] + p[1]).unwrap();
                self.versions[1].pool.credit(p[2]).unwrap();
                self.escrow.balance = 0;
                self.escrow.total_distributed += amount;
            }
            _ => {}
        }
    }

    /// vault = Σ earnings + Σ pool balances + escrow; each pool's balance covers what every
    /// contribution of its version can claim, enrolled or not, and exceeds it by less than one
    /// unit per contribution.
    fn check(&self) {
        let earnings: u64 = self.earnings.iter().map(|e| e.balance).sum();
        let pools: u64 = self.versions.iter().map(|v| v.pool.total_credited - v.pool.total_claimed).sum();
        assert_eq!(self.vault, earnings + pools + self.escrow.balance, "conservation");
        for e in &self.earnings {
            e.invariant().unwrap();
        }
        self.escrow.invariant().unwrap();
        for (i, version) in self.versions.iter().enumerate() {
            let pool = &version.pool;
            pool.invariant().unwrap();
            let members = &self.accepted[version.datanet][..pool.accepted_end as usize];
            assert_eq!(members.iter().sum::<u64>(), pool.total_weight);
            let owed: u64 = members
                .iter()
                .enumerate()
                .map(|(m, weight)| match self.positions.iter().find(|(v, pm, _)| *v == i && *pm == m) {
                    Some((_, _, position)) => position.pending(pool.reward_per_weight).unwrap().0,
                    None => payout_math::accrue(*weight, 0, pool.reward_per_weight, 0).unwrap().0,
                })
                .sum();
            let balance = pool.total_credited - pool.total_claimed;
            assert!(owed <= balance, "no over-claim: {owed} > {balance}");
            assert!(balance - owed <= members.len() as u64 + 1, "dust is bounded: {balance} - {owed}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    #[test]
    fn conservation_and_no_over_claim(first in (1u64..1_000_000, 1u64..1_000_000), ops in prop::collection::vec(op(), 1..120)) {
        let mut ledger = Ledger::new(first);
        ledger.check();
        for op in &ops {
            ledger.apply(op);
            ledger.check();
        }
        // Finally every contribution enrols in every version that contains it, late, and
        // everyone claims everything: what remains is dust, less than a unit per contribution
        // (plus the pools' carries). Nothing waits for anyone.
        for v in 0..ledger.versions.len() {
            for m in 0..ledger.versions[v].pool.accepted_end as usize {
                ledger.apply(&Op::Enroll { version: v, member: m });
            }
        }
        for i in 0..ledger.positions.len() {
            ledger.apply(&Op::ClaimPosition(i));
        }
        for i in 0..4 {
            ledger.apply(&Op::ClaimEarnings(i));
        }
        ledger.check();
        let contributions: u64 = ledger.versions.iter().map(|v| v.pool.accepted_end + 1).sum();
        prop_assert!(ledger.vault - ledger.escrow.balance <= contributions);
        for version in &ledger.versions {
            prop_assert_eq!(version.pool.enrolled_weight, version.pool.total_weight);
        }
    }
}
