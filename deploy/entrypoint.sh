#!/bin/sh
# Start the careerstream service named by $SERVICE (baked into the image by the
# Dockerfile's SERVICE build arg). Extra arguments replace the default command,
# e.g. `docker run IMAGE python -m careerstream.gateway migrate`.
set -eu

if [ "$#" -gt 0 ]; then
    exec "$@"
fi

: "${SERVICE:?SERVICE is not set (gateway|guide|parser|analyzer|matcher|reporter)}"

case "$SERVICE" in
    gateway)
        # Reads GATEWAY_HOST / GATEWAY_PORT (the image sets GATEWAY_HOST=0.0.0.0).
        exec python -m careerstream.gateway
        ;;
    guide | parser | analyzer | matcher | reporter)
        # /healthz and /readyz are served on this port.
        exec faststream run "careerstream.${SERVICE}.app:app" \
            --host "${WORKER_HOST:-0.0.0.0}" --port "${WORKER_PORT:-8080}"
        ;;
    *)
        echo "entrypoint: unknown SERVICE '$SERVICE'" >&2
        exit 64
        ;;
esac
