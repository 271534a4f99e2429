//! Placeholder: being written (Proof of Attribution engine).
