#!/bin/bash
# Applies identity/kafka-access.tsv to the docker-compose broker as the administrator: every
# principal becomes a SCRAM-SHA-512 user with its development password (dev-kafka-<principal>),
# and gets the table's ACLs. Both steps are idempotent, so it runs at every "docker compose up".
set -euo pipefail
bootstrap=kafka:9092
table=/etc/network-pin/kafka-access.tsv
admin=$(mktemp)
cat > "$admin" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
PROPERTIES

pascal() { # DESCRIBE_CONFIGS -> DescribeConfigs, as kafka-acls.sh names operations
  echo "$1" | awk -F_ '{ for (i = 1; i <= NF; i++) printf "%s%s", substr($i, 1, 1), tolower(substr($i, 2)) }'
}

grep -v '^#' "$table" | cut -f1 | sort -u | while read -r principal; do
  [ -n "$principal" ] || continue
  /opt/kafka/bin/kafka-configs.sh --bootstrap-server "$bootstrap" --command-config "$admin" --alter \
    --entity-type users --entity-name "$principal" --add-config "SCRAM-SHA-512=[password=dev-kafka-${principal}]"
done

grep -v '^#' "$table" | while IFS=$'\t' read -r principal operations type pattern name; do
  [ -n "$principal" ] || continue
  case "$type" in
    TOPIC) resource=(--topic "$name") ;;
    GROUP) resource=(--group "$name") ;;
    CLUSTER) resource=(--cluster) ;;
    *) echo "unknown resource type $type" >&2; exit 1 ;;
  esac
  ops=()
  for operation in ${operations//,/ }; do
    ops+=(--operation "$(pascal "$operation")")
  done
  /opt/kafka/bin/kafka-acls.sh --bootstrap-server "$bootstrap" --command-config "$admin" --add \
    --allow-principal "User:${principal}" "${ops[@]}" --resource-pattern-type "${pattern,,}" "${resource[@]}"
done
rm -f "$admin"
