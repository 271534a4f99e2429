use anchor_lang::error::ErrorCode as Anchor;
use attribution_payout::errors::PayoutError;
use attribution_payout::events::ConfigInitialized;
use attribution_payout::instructions::ConfigInitArgs;
use attribution_payout::state::{ChallengeParams, Config};
use svm_harness::token::TokenProgram;
use svm_harness::{assert_error, ixs, pda, with_metas, Keypair, Signer, Svm};

fn args(authority: &Keypair) -> ConfigInitArgs {
    ConfigInitArgs {
        authority: authority.pubkey(),
        treasury: Keypair::new().pubkey(),
        protocol_fee_bps: 250,
        min_operator_stake: 1_000,
        unstake_cooldown_secs: 2 * 24 * 3600,
        epoch_timing: svm_harness::world::EPOCH_TIMING,
    }
}

#[test]
fn the_upgrade_authority_adopts_a_mint_of_either_token_program() {
    for program in [TokenProgram::Token, TokenProgram::Token2022] {
        let mut svm = Svm::new();
        let deployer = svm.upgrade_authority.insecure_clone();
        let mint = svm.create_mint(&deployer, 9, program);
        let governance = Keypair::new();
        let a = args(&governance);
        let done = svm
            .run(&deployer, ixs::payout::config_init(&deployer.pubkey(), &mint, &program.id(), a.clone()), &[])
            .unwrap();

        let config: Config = svm.get(&pda::config());
        assert_eq!((config.authority, config.treasury, config.mint), (governance.pubkey(), a.treasury, mint));
        assert_eq!(
            (config.token_program, config.vault, config.stake_vault),
            (program.id(), pda::vault(), pda::stake_vault())
        );
        assert_eq!(
            (config.protocol_fee_bps, config.min_operator_stake, config.unstake_cooldown_secs),
            (250, 1_000, 2 * 24 * 3600)
        );
        // The resolver starts as governance; the challenge parameters at their defaults.
        assert_eq!((config.resolver, config.challenge), (governance.pubkey(), ChallengeParams::default_for(1_000)));
        assert!(!config.paused);
        for vault in [pda::vault(), pda::stake_vault()] {
            let account = svm.account(&vault).expect("vault exists");
            assert_eq!(account.owner, program.id());
            assert_eq!(svm.token_balance(&vault), 0);
        }
        let event: ConfigInitialized = done.event();
        assert_eq!((event.mint, event.token_program, event.protocol_fee_bps), (mint, program.id(), 250));
    }
}

#[test]
fn nobody_but_the_upgrade_authority_can_initialise() {
    let mut svm = Svm::new();
    let deployer = svm.upgrade_authority.insecure_clone();
    let mint = svm.create_mint(&deployer, 9, TokenProgram::Token);
    let attacker = svm.wallet();
    let front_run = ixs::payout::config_init(&attacker.pubkey(), &mint, &TokenProgram::Token.id(), args(&attacker));
    assert_error(svm.run(&attacker, front_run, &[]), PayoutError::NotUpgradeAuthority);
    // A forged ProgramData account naming the attacker does not pass either.
    let forged = Keypair::new().pubkey();
    let mut data = svm.account(&pda::program_data(&attribution_payout::ID)).unwrap();
    data.data[13..45].copy_from_slice(attacker.pubkey().as_ref());
    svm.set_account(forged, data);
    let ix = with_metas(
        ixs::payout::config_init(&attacker.pubkey(), &mint, &TokenProgram::Token.id(), args(&attacker)),
        |m| m[6].pubkey = forged,
    );
    assert_error(svm.run(&attacker, ix, &[]), PayoutError::NotUpgradeAuthority);
    assert!(svm.account(&pda::config()).is_none());
}

#[test]
fn rejects_out_of_bounds_parameters_a_fake_token_program_and_reinitialisation() {
    let mut svm = Svm::new();
    let deployer = svm.upgrade_authority.insecure_clone();
    let key = deployer.pubkey();
    let mint = svm.create_mint(&deployer, 9, TokenProgram::Token);
    let token = TokenProgram::Token.id();
    let greedy = ConfigInitArgs { protocol_fee_bps: 1_001, ..args(&deployer) };
    assert_error(
        svm.run(&deployer, ixs::payout::config_init(&key, &mint, &token, greedy), &[]),
        PayoutError::ProtocolFeeTooHigh,
    );
    let forever = ConfigInitArgs { unstake_cooldown_secs: 31 * 24 * 3600, ..args(&deployer) };
    assert_error(
        svm.run(&deployer, ixs::payout::config_init(&key, &mint, &token, forever), &[]),
        PayoutError::InvalidCooldown,
    );
    // An arbitrary program passed as the token program.
    let fake = ixs::payout::config_init(&key, &mint, &datanet_registry::ID, args(&deployer));
    assert_error(svm.run(&deployer, fake, &[]), Anchor::InvalidProgramId);

    svm.run(&deployer, ixs::payout::config_init(&key, &mint, &token, args(&deployer)), &[]).unwrap();
    let failed = svm.run(&deployer, ixs::payout::config_init(&key, &mint, &token, args(&deployer)), &[]).unwrap_err();
    assert!(failed.logs().iter().any(|l| l.contains("already in use")), "{:#?}", failed.logs());
}

#[test]
fn a_token_2022_mint_with_a_transfer_fee_is_refused() {
    let mut svm = Svm::new();
    let deployer = svm.upgrade_authority.insecure_clone();
    let mint = svm.create_mint_with_transfer_fee(&deployer, 9);
    let ix = ixs::payout::config_init(&deployer.pubkey(), &mint, &TokenProgram::Token2022.id(), args(&deployer));
    assert_error(svm.run(&deployer, ix, &[]), PayoutError::UnsupportedMintExtension);
    assert!(svm.account(&pda::config()).is_none());
}

#[test]
fn a_mint_with_a_freeze_authority_is_refused() {
    for program in [TokenProgram::Token, TokenProgram::Token2022] {
        let mut svm = Svm::new();
        let deployer = svm.upgrade_authority.insecure_clone();
        let mint = svm.create_mint_with_freeze_authority(&deployer, Some(&deployer.pubkey()), 9, program);
        let ix = ixs::payout::config_init(&deployer.pubkey(), &mint, &program.id(), args(&deployer));
        assert_error(svm.run(&deployer, ix, &[]), PayoutError::MintHasFreezeAuthority);
        assert!(svm.account(&pda::config()).is_none());
    }
}
