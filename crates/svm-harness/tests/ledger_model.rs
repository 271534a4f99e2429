//! Property tests of the money path on a pure host-side model: the programs' own state types and
//! methods (Pool, Position, Earnings, Escrow, and payout-math's split), driven by thousands of
//! random sequences of payments, enrolments, claims and distributions. After every step:
//! conservation (the vault holds exactly what is owed or waiting, less bounded dust), and no
//! claim ever pays more than was credited.
use attribution_payout::state::{Earnings, EarningsRole, Escrow, Pool, Position};
use proptest::prelude::*;

const PROTOCOL_BPS: u16 = 250;
// Paid model: owner, operator, datanet 0, datanet 1, upstream model (escrow).
const PAID_SHARES: [u16; 5] = [2_000, 1_000, 3_000, 2_500, 1_500];
// Upstream model: owner (with the operator share), datanet 1.
const UPSTREAM_SHARES: [u16; 3] = [3_000, 1_000, 6_000];

#[derive(Debug, Clone)]
enum Op {
    Pay(u64),
    Enroll { pool: usize, weight: u64 },
    ClaimPosition(usize),
    ClaimEarnings(usize),
    Distribute,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (1u64..5_000_000_000).prop_map(Op::Pay),
        2 => (0usize..2, 1u64..1_000_000).prop_map(|(pool, weight)| Op::Enroll { pool, weight }),
        3 => any::<usize>().prop_map(Op::ClaimPosition),
        1 => (0usize..4).prop_map(Op::ClaimEarnings),
        1 => Just(Op::Distribute),
    ]
}

fn pool() -> Pool {
    Pool {
        version: 1,
        bump: 0,
        datanet: Default::default(),
        total_weight: 0,
        positions: 0,
        reward_per_weight: 0,
        carry: 0,
        undistributed: 0,
        total_credited: 0,
        total_claimed: 0,
        reserved: [0; 64],
    }
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
        reserved: [0; 32],
    }
}

struct Ledger {
    pools: [Pool; 2],
    positions: Vec<(usize, Position)>,
    /// treasury, paid model's owner, operator, upstream model's owner
    earnings: [Earnings; 4],
    escrow: Escrow,
    vault: u64,
}

impl Ledger {
    fn new() -> Self {
        Ledger {
            pools: [pool(), pool()],
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
        }
    }

    fn apply(&mut self, op: &Op) {
        match *op {
            Op::Pay(fee) => {
                let split = payout_math::split(fee, PROTOCOL_BPS, &PAID_SHARES).unwrap();
                let p = split.parts();
                self.vault += fee;
                self.earnings[0].credit(split.treasury()).unwrap();
                self.earnings[1].credit(p[0]).unwrap();
                self.earnings[2].credit(p[1]).unwrap();
                self.pools[0].credit(p[2]).unwrap();
                self.pools[1].credit(p[3]).unwrap();
                self.escrow.credit(p[4]).unwrap();
                assert_eq!(split.treasury() + p.iter().sum::<u64>(), fee);
            }
            Op::Enroll { pool, weight } => {
                let checkpoint = self.pools[pool].reward_per_weight;
                self.pools[pool].enroll(weight).unwrap();
                let position = Position {
                    version: 1,
                    bump: 0,
                    pool: Default::default(),
                    contribution: Default::default(),
                    beneficiary: Default::default(),
                    weight,
                    reward_checkpoint: checkpoint,
                    fraction: 0,
                    total_claimed: 0,
                    enrolled_at: 0,
                    reserved: [0; 32],
                };
                self.positions.push((pool, position));
            }
            Op::ClaimPosition(i) if !self.positions.is_empty() => {
                let n = self.positions.len();
                let (pool, position) = &mut self.positions[i % n];
                let rpw = self.pools[*pool].reward_per_weight;
                let (amount, fraction) = position.pending(rpw).unwrap();
                if amount > 0 {
                    position.reward_checkpoint = rpw;
                    position.fraction = fraction;
                    position.total_claimed += amount;
                    self.pools[*pool].record_claim(amount).unwrap();
                    self.vault -= amount;
                }
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
                self.pools[1].credit(p[2]).unwrap();
                self.escrow.balance = 0;
                self.escrow.total_distributed += amount;
            }
            _ => {}
        }
    }

    /// vault = Σ earnings + Σ pool balances + escrow; each pool's balance covers what its
    /// positions can claim plus what waits, and exceeds it by less than one unit per position.
    fn check(&self) {
        let earnings: u64 = self.earnings.iter().map(|e| e.balance).sum();
        let pools: u64 = self.pools.iter().map(|p| p.total_credited - p.total_claimed).sum();
        assert_eq!(self.vault, earnings + pools + self.escrow.balance, "conservation");
        for e in &self.earnings {
            e.invariant().unwrap();
        }
        self.escrow.invariant().unwrap();
        for (i, pool) in self.pools.iter().enumerate() {
            pool.invariant().unwrap();
            let mine: Vec<_> = self.positions.iter().filter(|(p, _)| *p == i).map(|(_, pos)| pos).collect();
            let owed: u64 = mine.iter().map(|pos| pos.pending(pool.reward_per_weight).unwrap().0).sum();
            let balance = pool.total_credited - pool.total_claimed;
            assert!(owed + pool.undistributed <= balance, "no over-claim: {owed} + {} > {balance}", pool.undistributed);
            assert!(balance - owed - pool.undistributed <= mine.len() as u64 + 1, "dust is bounded");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3_000))]

    #[test]
    fn conservation_and_no_over_claim(ops in prop::collection::vec(op(), 1..120)) {
        let mut ledger = Ledger::new();
        for op in &ops {
            ledger.apply(op);
            ledger.check();
        }
        // Finally everyone claims everything: what remains is dust, less than a unit per position
        // (plus the pools' carries), and what waits for weight.
        for i in 0..ledger.positions.len() {
            ledger.apply(&Op::ClaimPosition(i));
        }
        for i in 0..4 {
            ledger.apply(&Op::ClaimEarnings(i));
        }
        ledger.check();
        let waiting: u64 = ledger.pools.iter().map(|p| p.undistributed).sum::<u64>() + ledger.escrow.balance;
        prop_assert!(ledger.vault - waiting <= ledger.positions.len() as u64 + 2);
    }
}
