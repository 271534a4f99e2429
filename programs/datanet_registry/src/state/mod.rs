mod attestor_approval;
mod contribution;
mod datanet;
mod datanet_version;

pub use attestor_approval::*;
pub use contribution::*;
pub use datanet::*;
pub use datanet_version::*;

use crate::constants::{MAX_NAME_LEN, MAX_URI_LEN};
use crate::errors::DatanetError;
use anchor_lang::prelude::*;

pub(crate) fn check_name(name: &str) -> Result<()> {
    require!(!name.is_empty() && name.len() <= MAX_NAME_LEN, DatanetError::InvalidName);
    Ok(())
}

pub(crate) fn check_uri(uri: &str) -> Result<()> {
    require!(!uri.is_empty() && uri.len() <= MAX_URI_LEN, DatanetError::InvalidUri);
    Ok(())
}
