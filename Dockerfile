# Klynge in a container: gunicorn serving the web, the same image runs `klynge worker`.
# Build:  docker build -t klynge .
# Run:    see deploy/compose.yaml and docs/operations.md.
FROM python:3.11-slim-bookworm

# hunspell-da: the Danish dictionary the importer's OCR repair reads; postgresql-client: pg_dump and
# pg_restore for `klynge backup` / `klynge restore` (PostgreSQL 15, as the compose file's server);
# libpango-1.0-0, libpangoft2-1.0-0, libharfbuzz-subset0: WeasyPrint, which makes the PDFs.
# Not pinned: Debian's stable mirrors drop superseded versions, so a pin breaks the build at the
# next security update; the base image tag fixes the release.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends hunspell-da postgresql-client \
    libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
 && rm -rf /var/lib/apt/lists/*

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    KLYNGE_DATA_DIR=/data \
    LOG_FORMAT=json

WORKDIR /app
# Dependencies first (pinned by constraints.txt), so a code change does not reinstall them.
COPY pyproject.toml constraints.txt ./
COPY klynge ./klynge
RUN pip install -c constraints.txt . \
 && groupadd --system --gid 10001 klynge \
 && useradd --system --uid 10001 --gid 10001 --home-dir /data --no-create-home klynge \
 && mkdir -p /data/files /data/static /data/backups \
 && chown -R klynge:klynge /data

# Static files are collected into the image; WhiteNoise serves them from the application.
ENV STATIC_ROOT=/app/static
RUN SECRET_KEY=collectstatic-only klynge collectstatic --noinput \
 && rm -f /data/secret_key

USER 10001:10001
VOLUME ["/data"]
EXPOSE 8000

HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["python", "-c", "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/sundhed/', timeout=4).status == 200 else 1)"]

CMD ["gunicorn", "klynge.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
