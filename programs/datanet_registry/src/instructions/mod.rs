mod contribution_review;
mod contribution_submit;
mod contribution_withdraw;
mod datanet_authority_accept;
mod datanet_authority_propose;
mod datanet_create;
mod datanet_update;
mod datanet_version_publish;

pub use contribution_review::*;
pub use contribution_submit::*;
pub use contribution_withdraw::*;
pub use datanet_authority_accept::*;
pub use datanet_authority_propose::*;
pub use datanet_create::*;
pub use datanet_update::*;
pub use datanet_version_publish::*;
