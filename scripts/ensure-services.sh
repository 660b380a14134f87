#!/usr/bin/env bash
# Make sure the machine's RabbitMQ answers; start it when it is installed but stopped.
# PostgreSQL is started the same way when asked (`ensure-services.sh postgres`).
set -euo pipefail

wait_for() {  # wait_for NAME SECONDS COMMAND...
  local name=$1 seconds=$2; shift 2
  for _ in $(seq "$seconds"); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "ensure-services: $name did not come up within ${seconds}s" >&2
  return 1
}

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

rabbit_host=127.0.0.1
rabbit_port=5672
if ! port_open "$rabbit_host" "$rabbit_port"; then
  if command -v rabbitmq-server >/dev/null 2>&1; then
    echo "ensure-services: starting RabbitMQ" >&2
    rabbitmq-server -detached
    wait_for RabbitMQ 90 port_open "$rabbit_host" "$rabbit_port"
  else
    echo "ensure-services: nothing answers on $rabbit_host:$rabbit_port and rabbitmq-server is not installed" >&2
    exit 1
  fi
fi

for wanted in "$@"; do
  if [ "$wanted" = postgres ] && ! port_open 127.0.0.1 5432; then
    if command -v pg_ctlcluster >/dev/null 2>&1; then
      echo "ensure-services: starting PostgreSQL" >&2
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
      wait_for PostgreSQL 60 port_open 127.0.0.1 5432
    else
      echo "ensure-services: PostgreSQL is not running and not installed" >&2
      exit 1
    fi
  fi
done
