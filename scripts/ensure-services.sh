#!/usr/bin/env bash
# Makes sure the local PostgreSQL and Redis (default ports) are running, starting them when
# they are installed but stopped. With --install it first installs the missing ones with
# apt-get (Debian/Ubuntu, as root). Prints what it did; never stops anything; exits 0 either
# way (the caller checks the ports itself and says what to do).
set -uo pipefail

install=false
[ "${1:-}" = "--install" ] && install=true

pg_up() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }
pg_installed() { command -v pg_ctlcluster >/dev/null && [ -n "$(ls /etc/postgresql 2>/dev/null)" ]; }
redis_installed() { command -v redis-server >/dev/null; }
pg_version() { ls /etc/postgresql | sort -V | tail -n 1; }

if $install && { ! pg_installed || ! redis_installed; }; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    packages=()
    pg_installed || packages+=(postgresql)
    redis_installed || packages+=(redis-server)
    echo "ensure-services: installing ${packages[*]} with apt-get"
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${packages[@]}"
    if [[ " ${packages[*]} " == *" postgresql "* ]] && pg_installed; then
      # A fresh Debian cluster wants a password over TCP; the default DATABASE_URL
      # (postgres://postgres@127.0.0.1:5432/claimtrail) has none. Trust the postgres user on
      # the loopback only, as on the project's development machines.
      hba="/etc/postgresql/$(pg_version)/main/pg_hba.conf"
      sed -i '1i host all postgres 127.0.0.1/32 trust\nhost all postgres ::1/128 trust' "$hba"
      echo "ensure-services: $hba now trusts user postgres on 127.0.0.1 and ::1 (development"
      echo "ensure-services: only: for anything else give postgres a password and put it in DATABASE_URL)"
      pg_up && pg_ctlcluster --skip-systemctl-redirect "$(pg_version)" main reload
    fi
  else
    echo "ensure-services: cannot install PostgreSQL/Redis here (needs root and apt-get)"
  fi
fi

if pg_installed && ! pg_up; then
  echo "ensure-services: starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(pg_version)" main start || true
fi
if redis_installed && ! redis_up; then
  echo "ensure-services: starting Redis"
  # root uses the Debian package's directories; anyone else a directory of their own
  if [ "$(id -u)" = 0 ]; then
    dir=/var/lib/redis logfile=/var/log/redis/ci.log
  else
    dir="${TMPDIR:-/tmp}/claimtrail-redis" logfile="${TMPDIR:-/tmp}/claimtrail-redis/redis.log"
  fi
  mkdir -p "$dir" "$(dirname "$logfile")"
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir "$dir" --logfile "$logfile" || true
fi
for _ in $(seq 1 30); do
  { ! command -v pg_isready >/dev/null || pg_up; } && { ! command -v redis-cli >/dev/null || redis_up; } && break
  sleep 1
done
pg_up && echo "ensure-services: PostgreSQL is up" || echo "ensure-services: PostgreSQL is not available"
redis_up && echo "ensure-services: Redis is up" || echo "ensure-services: Redis is not available"
exit 0
