package com.networkpin.localinfra.ha;

import java.nio.file.Path;

/**
 * The Patroni configuration of one node. Failover timing: a dead primary's leader key expires after
 * {@value #TTL} s, and the synchronous standby, whose loop runs every {@value #LOOP_WAIT} s, then takes
 * it; a DCS or PostgreSQL call is retried for {@value #RETRY_TIMEOUT} s before a primary demotes itself.
 * Patroni requires loop_wait + 2 × retry_timeout ≤ ttl (2 + 10 ≤ 12; Debian's 3.0.2 does not check it).
 * Patroni's defaults (30/10/10) give failovers of about 45 s; these gave 11–13 s to the first write
 * through the proxy (F17, PatroniClusterTest), while leaving a primary 5 s of a slow etcd or a busy
 * machine before it steps down.
 *
 * <p>{@code synchronous_mode}: a commit is acknowledged once the standby has its WAL, and Patroni
 * promotes only a standby known to be synchronous, so no acknowledged commit is lost in a failover.
 * Not {@code synchronous_mode_strict}: with two nodes, strict mode stops every write whenever the
 * standby is away (including the whole time after a failover until the failed node is back), and
 * Debian's 3.0.2 has a known hang in strict mode. The price: while only one node runs, commits are
 * acknowledged by that node alone, so a second failure in that window could lose them.
 */
final class PatroniSettings {

    static final int TTL = 12;
    static final int LOOP_WAIT = 2;
    static final int RETRY_TIMEOUT = 5;

    private PatroniSettings() {
    }

    /**
     * @param durable fsync on (the benchmark) or off (throw-away test data; a killed process loses
     *                nothing the kernel has, and full_page_writes stays on for pg_rewind)
     */
    static String yaml(String scope, String name, int restPort, int postgresPort, String etcd, Path directory,
                       boolean durable) {
        return """
                scope: %s
                name: %s
                restapi:
                  listen: 127.0.0.1:%d
                  connect_address: 127.0.0.1:%d
                etcd3:
                  hosts: %s
                bootstrap:
                  dcs:
                    ttl: %d
                    loop_wait: %d
                    retry_timeout: %d
                    maximum_lag_on_failover: 1048576
                    synchronous_mode: true
                    synchronous_mode_strict: false
                    postgresql:
                      use_pg_rewind: true
                      use_slots: true
                      parameters:
                        wal_log_hints: 'on'
                        max_connections: 200
                        fsync: '%s'
                  initdb:
                  - encoding: UTF8
                  - auth-local: trust
                  - auth-host: md5
                  pg_hba:
                  - local all all trust
                  - host replication replicator 127.0.0.1/32 md5
                  - host all all 127.0.0.1/32 md5
                postgresql:
                  listen: 127.0.0.1:%d
                  connect_address: 127.0.0.1:%d
                  data_dir: %s
                  bin_dir: %s
                  pgpass: %s
                  authentication:
                    superuser:
                      username: postgres
                      password: postgres
                    replication:
                      username: replicator
                      password: replicator
                    rewind:
                      username: rewinder
                      password: rewinder
                  parameters:
                    unix_socket_directories: '%s'
                """.formatted(scope, name, restPort, restPort, etcd, TTL, LOOP_WAIT, RETRY_TIMEOUT,
                durable ? "on" : "off", postgresPort, postgresPort, directory.resolve("data"),
                PatroniNode.POSTGRES_BIN, directory.resolve("pgpass"), directory);
    }
}
