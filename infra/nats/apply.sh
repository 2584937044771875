#!/bin/sh
# Creates the LiqPass JetStream streams and durable consumers defined beside this script, with
# the `nats` CLI (docker compose runs it once, in the natsio/nats-box image, as `nats-setup`).
#
# Create-if-missing, never edit: the services declare the same streams and consumers from code
# at start-up (libs/messaging, JetStreamTopology) and own their settings from then on, so this
# script only makes sure they exist before the first service starts. To change a live stream —
# e.g. to three replicas on a three-node cluster — use `nats stream edit` (see README.md).
#
# Environment: NATS_URL (the CLI's own variable, default nats://127.0.0.1:4222),
# NATS_STREAM_REPLICAS (optional, default: num_replicas as written in the files, 1).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for file in "$here"/streams/*.json; do
  stream=$(basename "$file" .json)
  if nats stream info "$stream" >/dev/null 2>&1; then
    echo "stream $stream: exists, left as it is"
  else
    config="$file"
    if [ -n "${NATS_STREAM_REPLICAS:-}" ]; then
      config="$tmp/$stream.json"
      sed -E "s/\"num_replicas\": *[0-9]+/\"num_replicas\": ${NATS_STREAM_REPLICAS}/" "$file" >"$config"
    fi
    nats stream add "$stream" --config "$config" >/dev/null
    echo "stream $stream: created"
  fi
done

for file in "$here"/consumers/*/*.json; do
  [ -e "$file" ] || continue
  stream=$(basename "$(dirname "$file")")
  durable=$(basename "$file" .json)
  if nats consumer info "$stream" "$durable" >/dev/null 2>&1; then
    echo "consumer $stream > $durable: exists, left as it is"
  else
    nats consumer add "$stream" "$durable" --config "$file" >/dev/null
    echo "consumer $stream > $durable: created"
  fi
done
