//! SPL Token and Token-2022 helpers: mints and token accounts made through the real programs.
use crate::{Executed, Failed, Keypair, Signer, Svm};
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::program_pack::Pack;
use anchor_spl::token::spl_token;
use anchor_spl::token_2022::spl_token_2022;

/// Which token program owns a mint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenProgram {
    Token,
    Token2022,
}

impl TokenProgram {
    pub fn id(self) -> Pubkey {
        match self {
            TokenProgram::Token => spl_token::ID,
            TokenProgram::Token2022 => spl_token_2022::ID,
        }
    }
}

impl Svm {
    /// Creates a mint with `decimals` whose mint authority is `authority`, without a freeze
    /// authority.
    pub fn create_mint(&mut self, authority: &Keypair, decimals: u8, program: TokenProgram) -> Pubkey {
        self.create_mint_with_freeze_authority(authority, None, decimals, program)
    }

    pub fn create_mint_with_freeze_authority(
        &mut self,
        authority: &Keypair,
        freeze_authority: Option<&Pubkey>,
        decimals: u8,
        program: TokenProgram,
    ) -> Pubkey {
        let mint = Keypair::new();
        let space = spl_token::state::Mint::LEN;
        let rent = self.svm.minimum_balance_for_rent_exemption(space);
        let create = anchor_lang::solana_program::system_instruction::create_account(
            &authority.pubkey(),
            &mint.pubkey(),
            rent,
            space as u64,
            &program.id(),
        );
        let init = spl_token_2022::instruction::initialize_mint2(
            &program.id(),
            &mint.pubkey(),
            &authority.pubkey(),
            freeze_authority,
            decimals,
        )
        .expect("initialize_mint2");
        self.send(authority, &[create, init], &[&mint]).expect("create mint");
        mint.pubkey()
    }

    /// Creates a token account for `owner` (a new keypair account, any owner, PDA or not).
    pub fn create_token_account(&mut self, payer: &Keypair, mint: &Pubkey, owner: &Pubkey) -> Pubkey {
        let account = Keypair::new();
        let program = self.account(mint).expect("mint exists").owner;
        let space = spl_token::state::Account::LEN;
        let rent = self.svm.minimum_balance_for_rent_exemption(space);
        let create = anchor_lang::solana_program::system_instruction::create_account(
            &payer.pubkey(),
            &account.pubkey(),
            rent,
            space as u64,
            &program,
        );
        let init = spl_token_2022::instruction::initialize_account3(&program, &account.pubkey(), mint, owner)
            .expect("initialize_account3");
        self.send(payer, &[create, init], &[&account]).expect("create token account");
        account.pubkey()
    }

    /// Mints `amount` to `to` (the mint authority signs).
    pub fn mint_to(
        &mut self,
        authority: &Keypair,
        mint: &Pubkey,
        to: &Pubkey,
        amount: u64,
    ) -> Result<Executed, Failed> {
        let program = self.account(mint).expect("mint exists").owner;
        let ix = spl_token_2022::instruction::mint_to(&program, mint, to, &authority.pubkey(), &[], amount)
            .expect("mint_to");
        self.run(authority, ix, &[])
    }

    /// The token balance of a token account (0 if it does not exist).
    pub fn token_balance(&self, account: &Pubkey) -> u64 {
        self.account(account).map_or(0, |a| {
            spl_token_2022::state::Account::unpack_from_slice(&a.data[..spl_token::state::Account::LEN])
                .expect("token account decodes")
                .amount
        })
    }
}

impl Svm {
    /// A Token-2022 mint with a transfer fee (the kind of extension OPEN must not have).
    pub fn create_mint_with_transfer_fee(&mut self, authority: &Keypair, decimals: u8) -> Pubkey {
        use spl_token_2022::extension::{transfer_fee, ExtensionType};
        let mint = Keypair::new();
        let space = ExtensionType::try_calculate_account_len::<spl_token_2022::state::Mint>(&[
            ExtensionType::TransferFeeConfig,
        ])
        .expect("space");
        let rent = self.svm.minimum_balance_for_rent_exemption(space);
        let program = spl_token_2022::ID;
        let create = anchor_lang::solana_program::system_instruction::create_account(
            &authority.pubkey(),
            &mint.pubkey(),
            rent,
            space as u64,
            &program,
        );
        let fee = transfer_fee::instruction::initialize_transfer_fee_config(
            &program,
            &mint.pubkey(),
            Some(&authority.pubkey()),
            Some(&authority.pubkey()),
            100,
            u64::MAX,
        )
        .expect("transfer fee config");
        let init = spl_token_2022::instruction::initialize_mint2(
            &program,
            &mint.pubkey(),
            &authority.pubkey(),
            None,
            decimals,
        )
        .expect("initialize_mint2");
        self.send(authority, &[create, fee, init], &[&mint]).expect("create mint");
        mint.pubkey()
    }
}
