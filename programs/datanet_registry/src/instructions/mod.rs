mod datanet_create;

pub use datanet_create::*;
