#!/usr/bin/env bash
# The secured Kafka of deploy/compose: SASL/SCRAM-SHA-512 over TLS, every request authorised.
# The broker runs the very configuration `netra stack up --secure` runs and the integration
# tests prove (deploy/local/kafka-secure-server.properties); this script only renders it for the
# apache/kafka image and supplies what the local stack makes itself.
#
#   kafka-secure.sh certs    one-shot service `kafka-setup` (root, same image), before the broker:
#                            a private CA and the broker's key and certificate (keytool) in
#                            /netra/certs, readable by the broker's user alone; the CA's
#                            certificate, which is public, copied to /netra/ca for the Netra
#                            containers. The CA's private key is deleted once it has signed: a
#                            new certificate means a new CA (delete the kafka-certs volume).
#   kafka-secure.sh render   print the broker's server.properties (what `start` runs).
#   kafka-secure.sh start    the broker (service `kafka`): render into a private run folder,
#                            format the storage with the SCRAM users the first time, then exec.
#
# The worker's ACLs are granted by the one-shot service `kafka-acls` (`netra topics grant`, as
# netra-admin), which also creates the desk's principal (netra-desk) on the running broker. Checked offline by tests/unit/deploy/test_compose.py, which also renders the
# template here and with Python's string.Template and compares the two.
set -euo pipefail
# Bash 5.2 reads '&' in a replacement as the match; the values here never need that.
shopt -u patsub_replacement 2>/dev/null || true

KAFKA_BIN=${KAFKA_BIN:-/opt/kafka/bin}
TEMPLATE=${NETRA_KAFKA_TEMPLATE:-/netra/kafka-secure-server.properties}
CERTS=${NETRA_KAFKA_CERTS:-/netra/certs}
CA_OUT=${NETRA_KAFKA_CA_OUT:-/netra/ca}
DATA=${NETRA_KAFKA_DATA:-/var/lib/kafka/data}
RUN=${NETRA_KAFKA_RUN:-/tmp/netra-kafka}
HOST=${NETRA_KAFKA_HOST:-kafka}
PORT=9092
CONTROLLER_PORT=9093
MECHANISM=SCRAM-SHA-512
BROKER_USER=netra-broker
ADMIN_USER=netra-admin
WORKER_USER=netra-worker
# The user the apache/kafka image runs the broker as.
BROKER_OS_USER=${NETRA_KAFKA_OS_USER:-appuser}

fail() {
    echo "kafka-secure: $*" >&2
    exit 1
}

# Passwords go into server.properties and JAAS strings: only characters that need no quoting.
check_passwords() {
    local name value
    for name in "$@"; do
        value=${!name:-}
        [ -n "$value" ] || fail "$name is empty: set it in deploy/compose/.env (see .env.example)"
        [ "${#value}" -ge 16 ] || fail "$name is shorter than 16 characters"
        case "$value" in
            *[!A-Za-z0-9._~-]*) fail "$name may hold only letters, digits and . _ ~ -" ;;
        esac
    done
}

certs() {
    check_passwords KAFKA_KEYSTORE_PASSWORD
    mkdir -p "$CERTS" "$CA_OUT"
    if [ -f "$CERTS/broker.p12" ] && [ -f "$CERTS/ca.pem" ]; then
        echo "kafka-secure: certificates exist, nothing to do"
        cp "$CERTS/ca.pem" "$CA_OUT/ca.pem"
        return
    fi
    local work
    work=$(mktemp -d)
    # The CA's store is only needed while it signs; its password never leaves this process.
    local ca_password
    ca_password=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
    export NETRA_CA_PASS=$ca_password NETRA_KS_PASS=$KAFKA_KEYSTORE_PASSWORD
    local ca=(-keystore "$work/ca.p12" -storetype PKCS12 -storepass:env NETRA_CA_PASS)
    local ks=(-keystore "$work/broker.p12" -storetype PKCS12 -storepass:env NETRA_KS_PASS)
    local ec=(-keyalg EC -groupname secp256r1 -validity 825)
    keytool -genkeypair -alias ca "${ec[@]}" -dname "CN=Netra Kafka CA" -ext bc:c "${ca[@]}"
    keytool -exportcert -rfc -alias ca -file "$work/ca.pem" "${ca[@]}"
    keytool -genkeypair -alias broker "${ec[@]}" -dname "CN=$BROKER_USER" "${ks[@]}"
    keytool -certreq -alias broker -file "$work/broker.csr" "${ks[@]}"
    keytool -gencert -alias ca -infile "$work/broker.csr" -outfile "$work/broker.pem" -rfc \
        -validity 825 -ext "SAN=dns:$HOST,dns:localhost,ip:127.0.0.1" \
        -ext KU=digitalSignature -ext EKU=serverAuth,clientAuth "${ca[@]}"
    keytool -importcert -noprompt -alias ca -file "$work/ca.pem" "${ks[@]}"
    keytool -importcert -alias broker -file "$work/broker.pem" "${ks[@]}"
    install -m 0600 -o "$BROKER_OS_USER" "$work/broker.p12" "$CERTS/broker.p12"
    install -m 0644 -o "$BROKER_OS_USER" "$work/ca.pem" "$CERTS/ca.pem"
    install -m 0644 "$work/ca.pem" "$CA_OUT/ca.pem"
    rm -rf "$work"
    echo "kafka-secure: made a CA and the broker's certificate for $HOST"
}

render() {
    check_passwords KAFKA_KEYSTORE_PASSWORD NETRA_KAFKA_BROKER_PASSWORD
    local text name
    text=$(<"$TEMPLATE")
    declare -A values=(
        [host]=$HOST
        [port]=$PORT
        [controller_port]=$CONTROLLER_PORT
        [data_dir]=$DATA
        [keystore]=$CERTS/broker.p12
        [keystore_password]=$KAFKA_KEYSTORE_PASSWORD
        [ca_file]=$CERTS/ca.pem
        [broker_user]=$BROKER_USER
        [broker_password]=$NETRA_KAFKA_BROKER_PASSWORD
        [super_users]="User:$BROKER_USER;User:$ADMIN_USER"
    )
    # Longest names first: $keystore is the start of $keystore_password.
    for name in keystore_password controller_port broker_password super_users broker_user \
        data_dir keystore ca_file host port; do
        text=${text//\$$name/${values[$name]}}
    done
    # string.Template's escape: $$ is a literal $.
    text=${text//\$\$/\$}
    printf '%s\n' "$text"
}

scram() {
    printf '%s=[name=%s,password=%s]' "$MECHANISM" "$1" "$2"
}

start() {
    check_passwords NETRA_KAFKA_ADMIN_PASSWORD NETRA_KAFKA_WORKER_PASSWORD
    umask 077
    mkdir -p "$RUN"
    render >"$RUN/server.properties"
    # What the healthcheck connects with: the admin over TLS, trusting the CA alone.
    cat >"$RUN/admin.properties" <<EOF
security.protocol=SASL_SSL
sasl.mechanism=$MECHANISM
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="$ADMIN_USER" password="$NETRA_KAFKA_ADMIN_PASSWORD";
ssl.truststore.type=PEM
ssl.truststore.location=$CERTS/ca.pem
EOF
    if [ ! -f "$DATA/meta.properties" ]; then
        # KRaft keeps SCRAM credentials in its metadata log: they are written when the storage
        # is formatted, before the broker (which logs in as netra-broker) first starts. The
        # passwords show in this container's process list for a moment; they are in its
        # environment anyway, and nothing else runs in it.
        "$KAFKA_BIN/kafka-storage.sh" format --ignore-formatted \
            -t "$("$KAFKA_BIN/kafka-storage.sh" random-uuid)" -c "$RUN/server.properties" \
            --add-scram "$(scram "$BROKER_USER" "$NETRA_KAFKA_BROKER_PASSWORD")" \
            --add-scram "$(scram "$ADMIN_USER" "$NETRA_KAFKA_ADMIN_PASSWORD")" \
            --add-scram "$(scram "$WORKER_USER" "$NETRA_KAFKA_WORKER_PASSWORD")"
    fi
    exec "$KAFKA_BIN/kafka-server-start.sh" "$RUN/server.properties"
}

case "${1:-}" in
    certs) certs ;;
    render) render ;;
    start) start ;;
    *) fail "usage: kafka-secure.sh certs|render|start" ;;
esac
