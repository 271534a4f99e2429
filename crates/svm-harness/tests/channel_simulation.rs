//! The bench's payment-channel simulation, small: 3,000 calls by 10 agents on 3 models, every
//! voucher signed and verified, every channel settled and closed; value is conserved to the base
//! unit, and the channels need far fewer transactions and compute units than a payment per call.
use svm_harness::simulation::{self, AGENTS, MODELS};

#[test]
fn a_small_run_conserves_value_and_settles_every_channel() {
    let run = simulation::run(3_000);
    assert!(run.conserved(), "{run:?}");
    let channels = (AGENTS * MODELS) as u64;
    assert_eq!((run.opens, run.closes, run.settlements), (channels, channels, channels), "{run:?}");
    assert_eq!(run.refunded, channels * 10 * 1_000_003, "each channel's deposit had 10 calls to spare");
    assert!(run.channel_compute_units < run.inference_pay_compute_units * run.calls / 10, "{run:?}");
    assert!(run.render().contains("holds"));
}
