#!/usr/bin/env bash
# The users' deploy path against the project's local validator (RPC on 127.0.0.1:18899):
#   1. the real `anchor deploy` deploys the three programs to an empty validator;
#   2. `anchor migrate` runs migrations/deploy.ts (config and OPEN, idempotently: run twice);
#   3. `anchor program upgrade` by the upgrade authority succeeds, by anyone else fails (refused
#      by anchor, and by the loader when sent to it directly: tests/stranger-upgrade.ts);
#      at the end, `attribution gov hand-over-upgrades` hands it on, then makes the programs
#      immutable, as `attribution show config` reports;
#   4. the Rust CLI's --url drives the flow on it: datanet → contribution → review → model →
#      operator and stake → paid inference → claims;
#   5. the KPI indexer (`attribution index`) backfills that history over RPC, killed at several
#      points and resumed to the same KPIs as a clean run, then follows a new payment live (woken
#      by the websocket's logsSubscribe) and serves it on its HTTP API.
# Needs: make build, npm ci. Run by `make test-localnet`.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
export PATH="$repo/.tools/bin:$repo/node_modules/.bin:$PATH"
port=18899
url="http://127.0.0.1:$port"
work=$(mktemp -d)
pid=$(tools/localnet --rpc-port "$port")
follower=
trap 'kill "$pid" $follower 2>/dev/null || true; rm -rf "$work"' EXIT
anchor() { env -u RUSTUP_TOOLCHAIN "$repo/.tools/bin/anchor" --provider.cluster "$url" --provider.wallet keys/deployer-keypair.json "$@"; }
step() { echo "== $*"; }
fail() { echo "localnet-deploy: FAILED: $*" >&2; exit 1; }

step "anchor deploy (three programs into an empty validator)"
anchor deploy --no-idl >"$work/deploy.log" 2>&1 || { cat "$work/deploy.log"; fail "anchor deploy"; }
for p in datanet_registry model_registry attribution_payout; do
  id=$(grep "^$p = " Anchor.toml | head -1 | cut -d'"' -f2)
  curl -sf "$url" -H 'content-type: application/json' \
    -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"getAccountInfo\",\"params\":[\"$id\",{\"encoding\":\"base64\"}]}" \
    | grep -q '"executable":true' || fail "$p is not deployed at $id"
done

step "anchor migrate (twice: the second run finds the config and changes nothing)"
anchor migrate >"$work/migrate1.log" 2>&1 || { cat "$work/migrate1.log"; fail "anchor migrate"; }
grep -qi "config" "$work/migrate1.log" || { cat "$work/migrate1.log"; fail "the migration said nothing of the config"; }
anchor migrate >"$work/migrate2.log" 2>&1 || { cat "$work/migrate2.log"; fail "anchor migrate (second run)"; }

step "upgrade by the upgrade authority succeeds, by anyone else fails"
id=$(grep "^datanet_registry = " Anchor.toml | head -1 | cut -d'"' -f2)
anchor program upgrade "$id" --program-filepath target/deploy/datanet_registry.so --use-rpc >"$work/up.log" 2>&1 \
  || { cat "$work/up.log"; fail "upgrade by the authority"; }
tools/sbf/keygen "$work/stranger.json"
stranger=$(target/host/debug/attribution --keypair "$work/stranger.json" --url "$url" address)
curl -sf "$url" -H 'content-type: application/json' \
  -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"requestAirdrop\",\"params\":[\"$stranger\",10000000000]}" >/dev/null
sleep 1
if env -u RUSTUP_TOOLCHAIN "$repo/.tools/bin/anchor" --provider.cluster "$url" --provider.wallet "$work/stranger.json" \
     program upgrade "$id" --program-filepath target/deploy/datanet_registry.so --use-rpc >"$work/up2.log" 2>&1; then
  fail "an upgrade signed by a stranger succeeded"
fi
echo "   (refused by anchor: $(grep -io 'authority[^"]*' "$work/up2.log" | head -1))"
# anchor refuses before sending anything; send the stranger's Upgrade to the loader itself.
refused=$(tsx tests/stranger-upgrade.ts "$url" "$id" "$work/stranger.json") || fail "the loader's refusal"
echo "   ($refused)"

step "the Rust CLI against the validator (--url)"
cli() { target/host/debug/attribution --url "$url" --keypair keys/deployer-keypair.json "$@"; }
printf 'anonymised clinical notes %s' "$RANDOM" >"$work/notes.txt"
printf 'weights' >"$work/weights.bin"
datanet=$(cli datanet create --id 7 --name clinical --uri ipfs://c | sed -n 's/^datanet //p')
contribution=$(cli contribution submit "$datanet" "$work/notes.txt" | sed -n 's/^contribution //p')
cli contribution review "$contribution" --accept 5 >/dev/null
cli datanet publish-version "$datanet" --root "$(printf 'ab%.0s' {1..32})" --uri ipfs://v1 >/dev/null
cli enroll "$contribution" >/dev/null
model=$(cli model create --id 7 --kind base --name m --uri ipfs://m --artifact "$work/weights.bin" --price 0.5 | sed -n 's/^model //p')
cli model lineage "$model" --datanet "$datanet=6000" --owner-bps 3000 --operator-bps 1000 >/dev/null
cli model publish "$model" >/dev/null
cli operator register https://inference.example >/dev/null
cli stake deposit 1000 >/dev/null
me=$(cli address)
paid=$(cli pay "$model" --operator "$me" --calls 4)
echo "$paid" | grep -q "fee 2.000000000 OPEN for 4 call(s)" || { echo "$paid"; fail "inference_pay over RPC"; }
claimed=$(cli claim all)
echo "$claimed" | grep -q "claimed in total: 1.170000000 OPEN" || { echo "$claimed"; fail "position_claim over RPC"; }
cli list models | grep -q "$model" || fail "list models over RPC"
if out=$(cli pay "$model" --operator "$me" --calls 4 --max-fee 1 2>&1); then fail "a fee above the max fee was paid"; fi
echo "$out" | grep -q "FeeAboveMax" || { echo "$out"; fail "the program error was not decoded over RPC"; }

step "the KPI indexer over RPC: backfilled, killed and resumed, then following live behind its API"
stats() { cli --json stats --db "$1"; }
cli index --db "$work/clean.db" 2>"$work/index.log" || { cat "$work/index.log"; fail "attribution index over RPC"; }
clean=$(stats "$work/clean.db")
echo "$clean" | python3 -c '
import json, sys
k = json.load(sys.stdin)
p = k["payments"]
assert (p["count"], p["calls"], p["fees"]) == (1, 4, "2000000000"), p
assert k["contributors"]["top"][0]["earned"] == "1170000000", k["contributors"]
assert k["indexed"]["skipped_events"] == 0, k["indexed"]' || fail "the KPIs of the history over RPC"
for t in 0.3 0.6 1.2; do
  rm -f "$work"/killed.db*
  timeout -s KILL "$t" target/host/debug/attribution --url "$url" index --db "$work/killed.db" >/dev/null 2>&1 || true
  cli index --db "$work/killed.db" 2>/dev/null
  [ "$(stats "$work/killed.db")" = "$clean" ] || fail "killed after ${t} s and resumed, the KPIs differ from a clean run"
done
api="http://127.0.0.1:18910"
# Polling only every 60 s: a payment seen within 20 s was announced by the websocket.
target/host/debug/attribution --url "$url" index --db "$work/clean.db" --follow --every 60 --serve "${api#http://}" \
  2>"$work/follow.log" &
follower=$!
for _ in $(seq 1 40); do grep -q "following: a pass on each notification" "$work/follow.log" && break; sleep 0.5; done
cli pay "$model" --operator "$me" --calls 2 >/dev/null
count=0
for _ in $(seq 1 20); do
  count=$(curl -sf "$api/v1/kpis/payments" | python3 -c 'import json, sys; print(json.load(sys.stdin)["count"])' 2>/dev/null || echo 0)
  [ "$count" = 2 ] && break
  sleep 1
done
[ "$count" = 2 ] || { cat "$work/follow.log"; fail "the live indexer's API shows $count payments, not 2"; }
grep -q "\[websocket\]" "$work/follow.log" || { cat "$work/follow.log"; fail "the new payment was not indexed on a websocket notification"; }
kill "$follower"; wait "$follower" 2>/dev/null || true; follower=
cli index --db "$work/fresh.db" 2>/dev/null
[ "$(stats "$work/clean.db")" = "$(stats "$work/fresh.db")" ] || fail "followed live, the KPIs differ from a clean run's"
echo "   (3 kills mid-backfill resumed; the live follower, woken by the websocket, counted the new payment on its API)"

step "governance: the upgrade authority handed to another key, which then makes the programs immutable"
upgrades() { cli --json show config | grep -o "\"upgrade authority: $1\":\"[^\"]*\"" | cut -d'"' -f4; }
[ "$(upgrades attribution_payout)" = "$me" ] || fail "show config: the deployer can upgrade"
cli gov hand-over-upgrades --to "$stranger" >/dev/null
for p in datanet_registry model_registry attribution_payout; do
  [ "$(upgrades $p)" = "$stranger" ] || fail "$p: upgrade authority not handed over ($(upgrades $p))"
done
if anchor program upgrade "$id" --program-filepath target/deploy/datanet_registry.so --use-rpc >"$work/up3.log" 2>&1; then
  fail "the former upgrade authority upgraded"
fi
target/host/debug/attribution --url "$url" --keypair "$work/stranger.json" gov hand-over-upgrades --immutable >/dev/null
for p in datanet_registry model_registry attribution_payout; do
  [ "$(upgrades $p)" = "immutable" ] || fail "$p is not immutable ($(upgrades $p))"
done
echo "   (upgrade authority: $me -> $stranger -> immutable)"
echo "localnet-deploy: ok"
