#!/usr/bin/env python3
"""Writes testdata/poa/merkle-vectors.json from the scheme's definition, with Python's hashlib only:
an implementation independent of the Rust crate, which tests/vectors.rs checks against it.
Usage (from the repository root): python3 crates/poa-merkle/tests/gen_vectors.py"""
import hashlib
import json
import struct

LEAF_TAG = b"poa-leaf-v2"


def sha256(*parts):
    return hashlib.sha256(b"".join(parts)).digest()


def leaf(model, epoch, contribution, amount):
    return sha256(b"\x00", LEAF_TAG, model, struct.pack("<Q", epoch), contribution, struct.pack("<Q", amount))


def node(a, b):
    return sha256(b"\x01", min(a, b), max(a, b))


def levels(leaves):
    out = [list(leaves)]
    while len(out[-1]) > 1:
        cur = out[-1]
        out.append([node(cur[i], cur[i + 1]) if i + 1 < len(cur) else cur[i] for i in range(0, len(cur), 2)])
    return out


def root(leaves):
    return levels(leaves)[-1][0] if leaves else bytes(32)


def proof(leaves, index):
    path = []
    for level in levels(leaves)[:-1]:
        if (index ^ 1) < len(level):
            path.append(level[index ^ 1])
        index //= 2
    return path


def claim(tree, i):
    # Deterministic inputs: the same formulas as tests/vectors.rs uses for the large tree.
    model = sha256(b"model", struct.pack("<Q", tree))
    contribution = sha256(b"contribution", struct.pack("<Q", i))
    return model, 1000 + tree, contribution, (i * 7919 + 13) * 1_000_003


def tree_vector(tree, size):
    claims = [claim(tree, i) for i in range(size)]
    leaves = [leaf(*c) for c in claims]
    return {
        "leaves": [
            {"model": m.hex(), "epoch": e, "contribution": c.hex(), "amount": a, "leaf": l.hex(),
             "proof": [p.hex() for p in proof(leaves, i)]}
            for i, ((m, e, c, a), l) in enumerate(zip(claims, leaves))
        ],
        "root": root(leaves).hex(),
    }


def main():
    trees = [tree_vector(t, size) for t, size in enumerate([1, 2, 3, 5, 7, 16])]
    large = 12_345
    large_leaves = [leaf(*claim(99, i)) for i in range(large)]
    records = []
    h = bytes(32)
    for i in range(4):
        request_id = sha256(b"request", struct.pack("<Q", i))
        output = f"output {i}".encode()
        amount = 250_000 * (i + 1)
        h = sha256(h, request_id, sha256(output), struct.pack("<Q", amount))
        records.append({"request_id": request_id.hex(), "output": output.decode(), "amount": amount,
                        "records_hash": h.hex()})
    doc = {
        "scheme": "leaf = sha256(0x00 | 'poa-leaf-v2' | model | epoch u64 LE | contribution | amount u64 LE); "
        "node = sha256(0x01 | min | max); unpaired node promoted; empty root = 32 zero bytes",
        "empty_root": bytes(32).hex(),
        "trees": trees,
        "large_tree": {"tree": 99, "size": large, "root": root(large_leaves).hex(),
                       "proof_of_last": [p.hex() for p in proof(large_leaves, large - 1)]},
        "records": records,
    }
    with open("testdata/poa/merkle-vectors.json", "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
