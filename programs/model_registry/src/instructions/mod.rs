mod handover;
mod model_create;
mod model_lineage_set;
mod model_price_set;
mod model_publish;
mod model_retire;
mod operator_deactivate;
mod operator_register;
mod operator_update;

pub use handover::*;
pub use model_create::*;
pub use model_lineage_set::*;
pub use model_price_set::*;
pub use model_publish::*;
pub use model_retire::*;
pub use operator_deactivate::*;
pub use operator_register::*;
pub use operator_update::*;
