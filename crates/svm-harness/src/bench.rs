//! Compute-unit accounting (filled in below).
