mod channel;
mod config;
mod earnings;
mod epoch;
mod escrow;
mod governance;
mod pool;
mod position;
mod stake;

pub use channel::*;
pub use config::*;
pub use earnings::*;
pub use epoch::*;
pub use escrow::*;
pub use governance::*;
pub use pool::*;
pub use position::*;
pub use stake::*;
