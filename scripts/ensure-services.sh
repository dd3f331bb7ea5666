#!/usr/bin/env bash
# Makes sure the local PostgreSQL and Redis the test suite may use are running, starting
# them when they are installed but stopped. Prints what it did; never stops anything.
set -uo pipefail

pg_up() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }

if command -v pg_isready >/dev/null && ! pg_up; then
  if [ -d /etc/postgresql ] && command -v pg_ctlcluster >/dev/null; then
    echo "ensure-services: starting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
  fi
fi
if command -v redis-server >/dev/null && ! redis_up; then
  echo "ensure-services: starting Redis"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
fi
for _ in $(seq 1 30); do
  { ! command -v pg_isready >/dev/null || pg_up; } && { ! command -v redis-cli >/dev/null || redis_up; } && break
  sleep 1
done
pg_up && echo "ensure-services: PostgreSQL is up" || echo "ensure-services: PostgreSQL is not available"
redis_up && echo "ensure-services: Redis is up" || echo "ensure-services: Redis is not available"
exit 0
