mod config;

pub use config::*;
