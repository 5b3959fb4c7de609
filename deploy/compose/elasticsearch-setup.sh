#!/usr/bin/env bash
# One-shot setup of the secured Elasticsearch in deploy/compose (service `setup`, run in the
# Elasticsearch image as root before and beside the cluster):
#
#   1. a private CA and certificates for `elasticsearch` and `kibana` (elasticsearch-certutil),
#      readable by those two (uid 1000, group 0) and by nobody else; the CA certificate alone,
#      which is public, is copied to the volume the Netra containers mount;
#   2. once the cluster answers: the kibana_system password, Netra's roles
#      (deploy/elasticsearch/roles/*.json) and one user per Netra component with its role.
#
# Safe to run again: certificates are made only when missing; passwords and roles are set to
# what .env and the role files say, so changing a password in .env and running
# `docker compose up setup` rotates it. Checked offline by tests/unit/deploy/test_compose.py.
set -euo pipefail

HOME_DIR=/usr/share/elasticsearch
CERTS=$HOME_DIR/config/certs
CA_OUT=/netra-ca
ROLES=/netra/roles
ES=https://elasticsearch:9200
PASSWORDS=(ELASTIC_PASSWORD KIBANA_SYSTEM_PASSWORD NETRA_WORKER_ES_PASSWORD
    NETRA_READER_ES_PASSWORD NETRA_PURGE_ES_PASSWORD NETRA_DESK_ES_PASSWORD)

fail() {
    echo "setup: $*" >&2
    exit 1
}

# The passwords go into JSON bodies: a quote or backslash would break them, so only characters
# that need no escaping are accepted (`openssl rand -hex 24` gives such a password).
for name in "${PASSWORDS[@]}"; do
    value=${!name:-}
    [ -n "$value" ] || fail "$name is empty: set it in deploy/compose/.env (see .env.example)"
    [ "${#value}" -ge 16 ] || fail "$name is shorter than 16 characters"
    case "$value" in
        *[!A-Za-z0-9._~-]*) fail "$name may hold only letters, digits and . _ ~ -" ;;
    esac
done

# The image ships unzip in some releases only; the bundled JDK's jar reads zip files too.
extract() {
    if command -v unzip >/dev/null; then
        unzip -oq "$1" -d "$2"
    else
        (cd "$2" && "$HOME_DIR/jdk/bin/jar" xf "$1")
    fi
    rm -f "$1"
}

cd "$HOME_DIR"
if [ ! -f "$CERTS/ca/ca.crt" ]; then
    echo "setup: creating the CA"
    bin/elasticsearch-certutil ca --silent --pem --days 1095 --out "$CERTS/ca.zip"
    extract "$CERTS/ca.zip" "$CERTS"
fi
if [ ! -f "$CERTS/elasticsearch/elasticsearch.crt" ] || [ ! -f "$CERTS/kibana/kibana.crt" ]; then
    echo "setup: creating the certificates of elasticsearch and kibana"
    cat >"$CERTS/instances.yml" <<'YAML'
instances:
  - name: elasticsearch
    dns: [elasticsearch, localhost]
    ip: [127.0.0.1]
  - name: kibana
    dns: [kibana, localhost]
    ip: [127.0.0.1]
YAML
    bin/elasticsearch-certutil cert --silent --pem --days 825 --in "$CERTS/instances.yml" \
        --ca-cert "$CERTS/ca/ca.crt" --ca-key "$CERTS/ca/ca.key" --out "$CERTS/certs.zip"
    extract "$CERTS/certs.zip" "$CERTS"
fi

# Elasticsearch and Kibana run as uid 1000 in group 0: group read, no access for others. The
# CA key signs certificates only here: root alone reads it.
chown -R root:root "$CERTS"
find "$CERTS" -type d -exec chmod 750 {} +
find "$CERTS" -type f -exec chmod 640 {} +
chmod 600 "$CERTS/ca/ca.key"
install -m 644 "$CERTS/ca/ca.crt" "$CA_OUT/ca.crt"
touch "$CERTS/.certificates-ready"

call() { # method path body-or-@file: fail with Elasticsearch's answer unless it is 200
    local answer code
    answer=$(curl -sS --cacert "$CERTS/ca/ca.crt" -u "elastic:$ELASTIC_PASSWORD" \
        -H 'Content-Type: application/json' -X "$1" "$ES$2" --data-binary "$3" \
        -w '\n%{http_code}')
    code=${answer##*$'\n'}
    [ "$code" = 200 ] || fail "$1 $2 answered $code: ${answer%$'\n'*}"
}

echo "setup: waiting for Elasticsearch"
refused=0
for _ in $(seq 1 120); do
    code=$(curl -s -o /dev/null -w '%{http_code}' --cacert "$CERTS/ca/ca.crt" \
        -u "elastic:$ELASTIC_PASSWORD" "$ES/_security/_authenticate" || true)
    case "$code" in
        200) break ;;
        401) refused=$((refused + 1))
             [ "$refused" -lt 6 ] || fail "Elasticsearch refuses the elastic user: ELASTIC_PASSWORD" \
                 "differs from the one the cluster was first started with" ;;
    esac
    sleep 5
done
[ "$code" = 200 ] || fail "Elasticsearch did not answer at $ES within 10 minutes"

echo "setup: kibana_system password, Netra roles and users"
call POST /_security/user/kibana_system/_password "{\"password\":\"$KIBANA_SYSTEM_PASSWORD\"}"
for role in netra_worker netra_reader netra_purge netra_desk; do
    call PUT "/_security/role/$role" "@$ROLES/$role.json"
done
user() { # name role password
    call PUT "/_security/user/$1" "{\"password\":\"$3\",\"roles\":[\"$2\"],\"full_name\":\"$1\"}"
}
user netra_worker netra_worker "$NETRA_WORKER_ES_PASSWORD"
user netra_reader netra_reader "$NETRA_READER_ES_PASSWORD"
user netra_purge netra_purge "$NETRA_PURGE_ES_PASSWORD"
user netra_desk netra_desk "$NETRA_DESK_ES_PASSWORD"
echo "setup: done"
