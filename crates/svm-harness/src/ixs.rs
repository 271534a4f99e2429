//! One builder per instruction of the suite, from the programs' generated account and data types.
//! Tests edit what these return to mount attacks; the bench and the CLI send them as they are.
use crate::pda;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use anchor_lang::solana_program::system_program;
use anchor_lang::{InstructionData, ToAccountMetas};

fn ix(program_id: Pubkey, accounts: impl ToAccountMetas, data: impl InstructionData) -> Instruction {
    Instruction { program_id, accounts: accounts.to_account_metas(None), data: data.data() }
}

pub mod datanet {
    use super::*;
    use datanet_registry::{accounts, instruction, instructions::*};

    pub fn create(creator: &Pubkey, args: DatanetCreateArgs) -> Instruction {
        let datanet = pda::datanet(creator, args.id);
        ix(
            datanet_registry::ID,
            accounts::DatanetCreate { datanet, creator: *creator, system_program: system_program::ID },
            instruction::DatanetCreate { args },
        )
    }
}

pub mod model {
    use super::*;
    use model_registry::{accounts, instruction, instructions::*};

    pub fn create(owner: &Pubkey, base_model: Option<Pubkey>, args: ModelCreateArgs) -> Instruction {
        let model = pda::model(owner, args.id);
        ix(
            model_registry::ID,
            accounts::ModelCreate { model, base_model, owner: *owner, system_program: system_program::ID },
            instruction::ModelCreate { args },
        )
    }
}

pub mod payout {
    use super::*;
    use attribution_payout::{accounts, instruction, instructions::*};

    pub fn config_init(deployer: &Pubkey, mint: &Pubkey, token_program: &Pubkey, args: ConfigInitArgs) -> Instruction {
        ix(
            attribution_payout::ID,
            accounts::ConfigInit {
                config: pda::config(),
                vault: pda::vault(),
                stake_vault: pda::stake_vault(),
                mint: *mint,
                deployer: *deployer,
                program: attribution_payout::ID,
                program_data: pda::program_data(&attribution_payout::ID),
                token_program: *token_program,
                system_program: system_program::ID,
            },
            instruction::ConfigInit { args },
        )
    }
}
