mod config;
mod earnings;
mod escrow;
mod pool;
mod position;
mod stake;

pub use config::*;
pub use earnings::*;
pub use escrow::*;
pub use pool::*;
pub use position::*;
pub use stake::*;
