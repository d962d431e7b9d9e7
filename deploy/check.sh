#!/usr/bin/env bash
# Check that the files of deploy/ are valid on this machine: the systemd units with `systemd-analyze
# verify` (paths rewritten to this checkout, so the executables they name exist) and the Caddyfile with
# `caddy validate`. Installs Debian's caddy package when it is missing (CI does so on a fresh machine).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

if ! command -v caddy >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq caddy >/dev/null
fi
if ! command -v systemd-analyze >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq systemd >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/units" "$work/etc"
cp deploy/prongsai.env.example "$work/etc/prongsai.env"
printf '#!/bin/sh\nexit 0\n' > "$work/etc/offsite.sh"
for unit in deploy/systemd/*; do
  sed -e "s#/opt/prongsai/venv#$ROOT/.venv#g" \
      -e "s#/opt/prongsai/app#$ROOT#g" \
      -e "s#/etc/prongsai/#$work/etc/#g" \
      "$unit" > "$work/units/$(basename "$unit")"
done
# The units run as the prongsai user, which exists only on a server set up by docs/deployment.md.
id prongsai >/dev/null 2>&1 || sed -i -e '/^User=/d' -e '/^Group=/d' "$work"/units/*.service
echo "systemd-analyze verify:"
systemd-analyze verify "$work"/units/*.service "$work"/units/*.timer
echo "  $(ls deploy/systemd | wc -l) unit files valid"

echo "caddy validate:"
caddy validate --config deploy/caddy/Caddyfile --adapter caddyfile 2>&1 | grep -v '"level":"info"' || true
caddy validate --config deploy/caddy/Caddyfile --adapter caddyfile >/dev/null 2>&1
echo "  deploy/caddy/Caddyfile valid"
caddy fmt deploy/caddy/Caddyfile | diff -u deploy/caddy/Caddyfile - && echo "  and formatted as caddy fmt writes it"
