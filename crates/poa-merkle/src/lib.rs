//! Proof of Attribution hashing: claim leaves, the sorted-pair Merkle tree over them, proofs, and
//! the running hash of an epoch's records. The same code runs in the off-chain engine and in the
//! on-chain verifier: [`solana_sha256_hasher::hashv`] is the `sol_sha256` syscall on
//! `target_os = "solana"` and the `sha2` crate elsewhere. Keys are plain `[u8; 32]`.
//!
//! * leaf = sha256(0x00 ‖ [`LEAF_TAG`] ‖ model ‖ epoch (u64 LE) ‖ contribution ‖ amount (u64 LE)):
//!   a leaf names a `Contribution` account, never a wallet; the claim pays its contributor.
//! * node = sha256(0x01 ‖ min(a, b) ‖ max(a, b)): pairs are sorted, so proofs carry no direction
//!   bits; the 0x00/0x01 prefixes keep a leaf from ever being taken for a node.
//! * Each level pairs its nodes left to right; an unpaired last node is promoted to the next level
//!   unchanged (and contributes nothing to the proofs of that level).
//! * The root of no leaves is [`EMPTY_ROOT`].
//! * records hash: h₀ = [`RECORDS_HASH_START`],
//!   hᵢ = sha256(hᵢ₋₁ ‖ request id ‖ output hash ‖ amount (u64 LE)), where the output hash is the
//!   sha256 of what the calls returned (see [`output_hash`]).
#![no_std]

extern crate alloc;

use alloc::vec::Vec;
use solana_sha256_hasher::hashv;

pub type Hash = [u8; 32];

/// Domain tag of a claim leaf, after the 0x00 leaf prefix.
pub const LEAF_TAG: &[u8] = b"poa-leaf-v2";
/// The root of an epoch with no claims.
pub const EMPTY_ROOT: Hash = [0; 32];
/// The records hash of an epoch before its first record.
pub const RECORDS_HASH_START: Hash = [0; 32];

const LEAF_PREFIX: u8 = 0x00;
const NODE_PREFIX: u8 = 0x01;

fn sha256(parts: &[&[u8]]) -> Hash {
    hashv(parts).to_bytes()
}

/// The leaf of one claim: `contribution` (its account's address) earned `amount` of `model`'s
/// fees for `epoch`.
pub fn leaf(model: &Hash, epoch: u64, contribution: &Hash, amount: u64) -> Hash {
    sha256(&[&[LEAF_PREFIX], LEAF_TAG, model, &epoch.to_le_bytes(), contribution, &amount.to_le_bytes()])
}

/// The parent of two nodes, whatever their order.
pub fn node(a: &Hash, b: &Hash) -> Hash {
    let (low, high) = if a <= b { (a, b) } else { (b, a) };
    sha256(&[&[NODE_PREFIX], low, high])
}

fn next_level(level: &[Hash]) -> Vec<Hash> {
    level.chunks(2).map(|pair| if let [a, b] = pair { node(a, b) } else { pair[0] }).collect()
}

/// A whole tree, kept level by level so that every proof is read off it without rehashing.
pub struct Tree {
    /// `levels[0]` is the leaves, each next level their parents, the last one the root alone.
    levels: Vec<Vec<Hash>>,
}

impl Tree {
    pub fn new(leaves: &[Hash]) -> Tree {
        let mut levels = alloc::vec![leaves.to_vec()];
        while let Some(top) = levels.last().filter(|level| level.len() > 1) {
            let parents = next_level(top);
            levels.push(parents);
        }
        Tree { levels }
    }

    pub fn root(&self) -> Hash {
        self.levels.last().and_then(|top| top.first()).copied().unwrap_or(EMPTY_ROOT)
    }

    /// The sibling path of leaf `index`, from the leaf level up; `None` if `index` is out of range.
    pub fn proof(&self, mut index: usize) -> Option<Vec<Hash>> {
        if index >= self.levels[0].len() {
            return None;
        }
        let mut path = Vec::new();
        for level in &self.levels[..self.levels.len() - 1] {
            if let Some(sibling) = level.get(index ^ 1) {
                path.push(*sibling);
            }
            index /= 2;
        }
        Some(path)
    }
}

/// The Merkle root of `leaves`, in their order.
pub fn root(leaves: &[Hash]) -> Hash {
    Tree::new(leaves).root()
}

/// The sibling path of `leaves[index]` (see [`Tree::proof`]); build a [`Tree`] once for many proofs.
pub fn proof(leaves: &[Hash], index: usize) -> Option<Vec<Hash>> {
    Tree::new(leaves).proof(index)
}

/// Whether `proof` leads from `leaf` to `root`.
pub fn verify(root: &Hash, leaf: &Hash, proof: &[Hash]) -> bool {
    proof.iter().fold(*leaf, |acc, sibling| node(&acc, sibling)) == *root
}

/// The records hash after appending one record: its request id, the hash of its output and its
/// attributable amount.
pub fn records_hash_next(previous: &Hash, request_id: &Hash, output_hash: &Hash, amount: u64) -> Hash {
    sha256(&[previous, request_id, output_hash, &amount.to_le_bytes()])
}

/// The output hash a payment commits: sha256 of the output's bytes (UTF-8 text as served).
pub fn output_hash(output: &[u8]) -> Hash {
    sha256(&[output])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaves(n: u8) -> Vec<Hash> {
        (0..n).map(|i| leaf(&[7; 32], 3, &[i; 32], u64::from(i) * 10)).collect()
    }

    #[test]
    fn empty_and_single() {
        assert_eq!(root(&[]), EMPTY_ROOT);
        let one = leaves(1);
        assert_eq!(root(&one), one[0]);
        assert_eq!(proof(&one, 0), Some(Vec::new()));
        assert!(verify(&one[0], &one[0], &[]));
        assert_eq!(proof(&one, 1), None);
    }

    #[test]
    fn three_leaves_promote_the_last() {
        let l = leaves(3);
        assert_eq!(root(&l), node(&node(&l[0], &l[1]), &l[2]));
        assert_eq!(proof(&l, 2), Some(alloc::vec![node(&l[0], &l[1])]));
        assert_eq!(proof(&l, 0), Some(alloc::vec![l[1], l[2]]));
    }

    #[test]
    fn node_ignores_order_and_differs_from_leaf_hashing() {
        let l = leaves(2);
        assert_eq!(node(&l[0], &l[1]), node(&l[1], &l[0]));
        assert_ne!(node(&l[0], &l[1]), sha256(&[&[LEAF_PREFIX], &l[0], &l[1]]));
    }

    #[test]
    fn every_proof_verifies_and_tampering_fails() {
        for n in 1..=33u8 {
            let l = leaves(n);
            let r = root(&l);
            for (i, leaf) in l.iter().enumerate() {
                let p = proof(&l, i).unwrap();
                assert!(verify(&r, leaf, &p), "n={n} i={i}");
                let mut wrong_leaf = *leaf;
                wrong_leaf[0] ^= 1;
                assert!(!verify(&r, &wrong_leaf, &p));
                if let Some(first) = p.first() {
                    let mut tampered = p.clone();
                    tampered[0] = [first[0] ^ 1; 32];
                    assert!(!verify(&r, leaf, &tampered));
                    assert!(!verify(&r, leaf, &p[1..]));
                }
            }
        }
    }
}
