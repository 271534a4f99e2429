//! Checks the crate against `testdata/poa/merkle-vectors.json`, which `gen_vectors.py` writes from
//! the scheme's definition with Python's hashlib alone.
use poa_merkle::{
    leaf, output_hash, proof, records_hash_next, root, verify, Hash, Tree, EMPTY_ROOT, RECORDS_HASH_START,
};
use serde::Deserialize;

#[derive(Deserialize)]
struct Vectors {
    empty_root: String,
    trees: Vec<TreeVector>,
    large_tree: LargeTree,
    records: Vec<Record>,
}

#[derive(Deserialize)]
struct TreeVector {
    leaves: Vec<Leaf>,
    root: String,
}

#[derive(Deserialize)]
struct Leaf {
    model: String,
    epoch: u64,
    contribution: String,
    amount: u64,
    leaf: String,
    proof: Vec<String>,
}

#[derive(Deserialize)]
struct LargeTree {
    tree: u64,
    size: u64,
    root: String,
    proof_of_last: Vec<String>,
}

#[derive(Deserialize)]
struct Record {
    request_id: String,
    output: String,
    amount: u64,
    records_hash: String,
}

fn h(hex_str: &str) -> Hash {
    hex::decode(hex_str).unwrap().try_into().unwrap()
}

fn hs(list: &[String]) -> Vec<Hash> {
    list.iter().map(|s| h(s)).collect()
}

fn vectors() -> Vectors {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/poa/merkle-vectors.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The same inputs as `claim` in gen_vectors.py.
fn large_leaf(tree: u64, i: u64) -> Hash {
    use solana_sha256_hasher::hashv;
    let model = hashv(&[b"model", &tree.to_le_bytes()]).to_bytes();
    let contribution = hashv(&[b"contribution", &i.to_le_bytes()]).to_bytes();
    leaf(&model, 1000 + tree, &contribution, (i * 7919 + 13) * 1_000_003)
}

#[test]
fn small_trees_match_the_vectors() {
    let v = vectors();
    assert_eq!(h(&v.empty_root), EMPTY_ROOT);
    let sizes: Vec<usize> = v.trees.iter().map(|t| t.leaves.len()).collect();
    assert_eq!(sizes, [1, 2, 3, 5, 7, 16]);
    for tree in &v.trees {
        let leaves: Vec<Hash> = tree
            .leaves
            .iter()
            .map(|l| {
                let computed = leaf(&h(&l.model), l.epoch, &h(&l.contribution), l.amount);
                assert_eq!(computed, h(&l.leaf));
                computed
            })
            .collect();
        let expected_root = h(&tree.root);
        assert_eq!(root(&leaves), expected_root);
        for (i, l) in tree.leaves.iter().enumerate() {
            let p = proof(&leaves, i).unwrap();
            assert_eq!(p, hs(&l.proof));
            assert!(verify(&expected_root, &leaves[i], &p));
        }
    }
}

#[test]
fn large_tree_matches_the_vector_and_every_proof_verifies() {
    let v = vectors().large_tree;
    assert!(v.size >= 12_000);
    let leaves: Vec<Hash> = (0..v.size).map(|i| large_leaf(v.tree, i)).collect();
    let tree = Tree::new(&leaves);
    let r = tree.root();
    assert_eq!(r, h(&v.root));
    assert_eq!(root(&leaves), r);
    let last = leaves.len() - 1;
    assert_eq!(proof(&leaves, last).unwrap(), hs(&v.proof_of_last));
    for (i, l) in leaves.iter().enumerate() {
        let p = tree.proof(i).unwrap();
        assert!(verify(&r, l, &p), "leaf {i}");
        // A proof is bound to its leaf: the neighbour's leaf does not pass with it.
        assert!(!verify(&r, &leaves[(i + 1) % leaves.len()], &p));
    }
    assert_eq!(tree.proof(leaves.len()), None);
}

#[test]
fn records_hash_chain_matches_the_vectors() {
    let mut hash = RECORDS_HASH_START;
    for r in vectors().records {
        hash = records_hash_next(&hash, &h(&r.request_id), &output_hash(r.output.as_bytes()), r.amount);
        assert_eq!(hash, h(&r.records_hash));
    }
}
