//! Placeholder: being written (Proof of Attribution hashing).
