#!/usr/bin/env bash
# Smoke test of a production instance on this machine: the production settings (DEBUG off, JSON logs,
# HTTPS behind a proxy) under gunicorn, with the task worker and the scheduler, against the local
# PostgreSQL and Redis. Then the demo's backup is restored into a second, empty database and must give the
# same audit-chain heads.
#
#   SMOKE_DB (prongsai_smoke)  SMOKE_PORT (8099)  SMOKE_REDIS_URL (redis://127.0.0.1:6379/15)
#   SMOKE_PG (postgres://postgres@127.0.0.1:5432)
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
DB=${SMOKE_DB:-prongsai_smoke}
RESTORED_DB="${DB}_restored"
PORT=${SMOKE_PORT:-8099}
PG=${SMOKE_PG:-postgres://postgres@127.0.0.1:5432}
work=$(mktemp -d)
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB" -c "DROP DATABASE IF EXISTS $RESTORED_DB" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "SMOKE FAILED: $*" >&2
  for log in "$work"/*.log; do echo "--- $log" >&2; tail -n 20 "$log" >&2; done
  exit 1
}

psql "$PG/postgres" -qc "DROP DATABASE IF EXISTS $DB" -c "DROP DATABASE IF EXISTS $RESTORED_DB" \
  -c "CREATE DATABASE $DB TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'" \
  -c "CREATE DATABASE $RESTORED_DB TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'" >/dev/null

export DEBUG=false
SECRET_KEY=$($PY -c 'import secrets; print(secrets.token_urlsafe(50))')
export SECRET_KEY
export ALLOWED_HOSTS=localhost,127.0.0.1
export DATABASE_URL="$PG/$DB"
export REDIS_URL=${SMOKE_REDIS_URL:-redis://127.0.0.1:6379/15}
export TASKS_BACKEND=database
export PRONGSAI_VAR_DIR="$work/var"
export MEDIA_ROOT="$work/var/media"
export STATIC_ROOT="$work/var/static"
export BACKUP_DIR="$work/backups"
export BEHIND_TLS_PROXY=true
export LOG_FORMAT=json
export WORKER_HEARTBEAT_SECONDS=5
export SCHEDULER_TICK_SECONDS=5
# An SMTP server that refuses connections: the console backend would print e-mails (with personal data)
# into the worker's output, and a refused e-mail exercises the failure path of the outbox.
export EMAIL_HOST=127.0.0.1 EMAIL_PORT=9 EMAIL_USE_TLS=false

echo "== set up (migrate, collectstatic, deployment check, demo agency)"
$PY manage.py migrate --noinput >"$work/migrate.log" 2>&1 || fail "migrate"
$PY manage.py collectstatic --noinput >"$work/collectstatic.log" 2>&1 || fail "collectstatic"
$PY manage.py check --deploy --fail-level WARNING >"$work/check.log" 2>&1 || fail "check --deploy"
$PY manage.py seed_demo --allow-production >"$work/seed.log" 2>&1 || fail "seed_demo"

echo "== start gunicorn on 127.0.0.1:$PORT, the worker and the scheduler"
.venv/bin/gunicorn prongsai.wsgi:application --bind "127.0.0.1:$PORT" --workers 2 --log-level error \
  --no-control-socket >"$work/gunicorn.log" 2>&1 &
pids+=($!)
$PY manage.py run_worker --queue-name default --no-reload >"$work/worker.log" 2>&1 &
pids+=($!)
$PY manage.py run_scheduler >"$work/scheduler.log" 2>&1 &
pids+=($!)

echo "== /healthz until every check is ok (at most 120 s)"
health=""
for _ in $(seq 1 60); do
  health=$(curl -s -o "$work/health.json" -w '%{http_code}' "http://127.0.0.1:$PORT/healthz" || true)
  [ "$health" = "200" ] && break
  sleep 2
done
cat "$work/health.json"; echo
[ "$health" = "200" ] || fail "/healthz answered $health"

echo "== the demo's home page through the proxy's headers"
code=$(curl -s -o "$work/home.html" -w '%{http_code}' -H 'Host: localhost' -H 'X-Forwarded-Proto: https' \
  "http://127.0.0.1:$PORT/")
[ "$code" = "200" ] || fail "home page answered $code"
grep -q "องค์การบริหารส่วนตำบลวังทอง" "$work/home.html" || fail "the home page does not name the agency"
css=$(grep -o '/static/[^"]*\.css' "$work/home.html" | head -n 1)
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: localhost' -H 'X-Forwarded-Proto: https' "http://127.0.0.1:$PORT$css")
[ "$code" = "200" ] || fail "the stylesheet $css answered $code"
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: localhost' "http://127.0.0.1:$PORT/")
[ "$code" = "301" ] || fail "plain HTTP was not redirected to HTTPS ($code)"
echo "   home page, stylesheet and HTTPS redirect ok"

echo "== stop the worker: /healthz reports it within a minute"
kill -9 "${pids[1]}"
stopped=""
for _ in $(seq 1 30); do
  curl -s "http://127.0.0.1:$PORT/healthz" | grep -q '"worker": "stopped"' && { stopped=yes; break; }
  sleep 2
done
[ "$stopped" = "yes" ] || fail "/healthz did not report the stopped worker"
echo "   reported"

echo "== logs are JSON lines"
$PY - "$work" <<'PYEOF' || fail "a log line is not JSON"
import json, pathlib, sys
count = 0
for name in ("worker.log", "scheduler.log", "gunicorn.log"):
    for line in (pathlib.Path(sys.argv[1]) / name).read_text().splitlines():
        if line.strip():
            try:
                json.loads(line)
            except ValueError:
                sys.exit(f"{name}: {line[:300]}")
            count += 1
print(f"   {count} log lines, all JSON")
PYEOF
# The demo staff's names (printed by seed_demo as "username  first last – roles") never appear in the logs.
# \p{Thai} under a UTF-8 locale: a [ก-๙] range is refused by grep under C.UTF-8 ("Invalid collation
# character"), which once left this loop with no names to look for, so the check passed without checking.
names=$(LC_ALL=C.UTF-8 grep -oP '\p{Thai}+ \p{Thai}+(?= –)' "$work/seed.log" | sort -u | tr ' ' '_') ||
  fail "no demo staff names found in the seed's output: the check below would prove nothing"
checked=0
for name in $names; do
  if grep -qF "${name//_/ }" "$work/worker.log" "$work/scheduler.log" "$work/gunicorn.log"; then
    fail "a demo person's name is in the logs"
  fi
  checked=$((checked + 1))
done
[ "$checked" -gt 0 ] || fail "no demo staff names found in the seed's output: the check below would prove nothing"
echo "   none of the $checked demo staff names is in them"

echo "== backup of the demo, restore into an empty database, same chain heads"
for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
$PY manage.py backup >"$work/backup.log" 2>&1 || fail "backup"
archive=$(head -n 1 "$work/backup.log")
grep 'audit chain head' "$work/backup.log" | sed 's/^/   /'
DATABASE_URL="$PG/$RESTORED_DB" MEDIA_ROOT="$work/restored-media" $PY manage.py restore "$archive" \
  >"$work/restore.log" 2>&1 || fail "restore"
diff <(grep 'audit chain head' "$work/backup.log" | sed -E 's/^([a-z0-9-]+): audit chain head (#[0-9]+ [0-9a-f]+)$/\1 \2/' | sort) \
     <(grep '^OK ' "$work/restore.log" | sed -E 's/^OK ([a-z0-9-]+): audit chain head (#[0-9]+ [0-9a-f]+) verified$/\1 \2/' | sort) \
  || fail "the restored chain heads differ"
DATABASE_URL="$PG/$RESTORED_DB" $PY manage.py verify_audit | sed 's/^/   /' || fail "verify_audit on the restored database"
DATABASE_URL="$PG/$RESTORED_DB" $PY manage.py migrate --check >/dev/null || fail "the restored database needs migrations"
echo "smoke test passed"
