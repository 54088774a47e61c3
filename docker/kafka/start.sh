#!/bin/bash
# Formats the storage once, with the administrator's SCRAM credential (only a format can create the
# first user of a KRaft cluster), then runs the broker with the administrator's JAAS settings.
set -euo pipefail
config=/etc/network-pin/kafka/server.properties
scram_jaas="org.apache.kafka.common.security.scram.ScramLoginModule required username=\"admin\" password=\"${KAFKA_ADMIN_PASSWORD}\";"
plain_jaas="org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\"${KAFKA_ADMIN_PASSWORD}\" user_admin=\"${KAFKA_ADMIN_PASSWORD}\";"
if [ ! -f /var/lib/kafka/data/meta.properties ]; then
  /opt/kafka/bin/kafka-storage.sh format -t "${KAFKA_CLUSTER_ID}" -c "$config" \
    --add-scram "SCRAM-SHA-512=[name=admin,password=${KAFKA_ADMIN_PASSWORD}]"
fi
exec /opt/kafka/bin/kafka-server-start.sh "$config" \
  --override "listener.name.internal.scram-sha-512.sasl.jaas.config=${scram_jaas}" \
  --override "listener.name.external.scram-sha-512.sasl.jaas.config=${scram_jaas}" \
  --override "listener.name.controller.plain.sasl.jaas.config=${plain_jaas}"
