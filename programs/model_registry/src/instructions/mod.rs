mod model_create;

pub use model_create::*;
