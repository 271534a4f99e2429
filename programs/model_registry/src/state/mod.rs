mod model;
mod operator;

pub use model::*;
pub use operator::*;

use crate::constants::{MAX_NAME_LEN, MAX_URI_LEN};
use crate::errors::ModelError;
use anchor_lang::prelude::*;

pub(crate) fn check_name(name: &str) -> Result<()> {
    require!(!name.is_empty() && name.len() <= MAX_NAME_LEN, ModelError::InvalidName);
    Ok(())
}

pub(crate) fn check_uri(uri: &str) -> Result<()> {
    require!(!uri.is_empty() && uri.len() <= MAX_URI_LEN, ModelError::InvalidUri);
    Ok(())
}
