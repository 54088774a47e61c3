package com.networkpin.localinfra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on the brokers: the principals and ACLs of {@code identity/kafka-access.tsv}, the
 * development passwords of the stack and the tests, and the client settings to authenticate as one.
 */
public final class KafkaAccess {

    /** The broker's super user; creates users, ACLs and topics, and nothing else uses it. */
    public static final String ADMIN = "admin";
    public static final String PIN_SERVICE = "pin-service";
    public static final String LOCK_SCHEDULER = "lock-scheduler";
    public static final String RESERVATION_SERVICE = "reservation-service";
    public static final String AUDIT = "audit";
    public static final ScramMechanism MECHANISM = ScramMechanism.SCRAM_SHA_512;

    private static final String TABLE = "com/networkpin/localinfra/kafka/kafka-access.tsv";
    private static final int ITERATIONS = 4096;
    private static final long TIMEOUT_SECONDS = 30;

    private KafkaAccess() {
    }

    /** One row of the table: a principal allowed some operations on a resource. */
    public record Grant(String principal, List<AclOperation> operations, ResourcePattern resource) {

        List<AclBinding> bindings() {
            return operations.stream().map(operation -> new AclBinding(resource, new AccessControlEntry(
                    "User:" + principal, "*", operation, AclPermissionType.ALLOW))).toList();
        }
    }

    /** The development password of a principal: public, and named as such. */
    public static String devPassword(String principal) {
        return "dev-kafka-" + principal;
    }

    /** The settings a Kafka client needs to authenticate to the brokers as {@code principal}. */
    public static Map<String, Object> clientConfig(String bootstrapServers, String principal, String password) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        config.put(SaslConfigs.SASL_MECHANISM, MECHANISM.mechanismName());
        config.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(principal, password));
        return config;
    }

    /** The JAAS line of a SCRAM client, as the brokers' listener and the clients' {@code sasl.jaas.config} take it. */
    public static String jaasConfig(String principal, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + principal
                + "\" password=\"" + password + "\";";
    }

    /** The credential the storage is formatted with, so the administrator exists before the broker starts. */
    static String adminStorageCredential() {
        return MECHANISM.mechanismName() + "=[name=" + ADMIN + ",password=" + devPassword(ADMIN) + "]";
    }

    /** Every row of the table. */
    public static List<Grant> grants() {
        List<Grant> grants = new ArrayList<>();
        try (InputStream in = KafkaAccess.class.getClassLoader().getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException(TABLE + " not found in test-infra");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    grants.add(parse(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + TABLE, e);
        }
        return grants;
    }

    /** The principals of the table, in its order. */
    public static Set<String> principals() {
        Set<String> principals = new LinkedHashSet<>();
        grants().forEach(grant -> principals.add(grant.principal()));
        return principals;
    }

    /**
     * Creates or updates every principal with its development password and adds every ACL of the
     * table. Both are idempotent, so a broker that kept its data from an earlier run is brought up to date.
     */
    public static void provision(Admin admin) {
        List<UserScramCredentialUpsertion> users = principals().stream()
                .map(principal -> new UserScramCredentialUpsertion(principal,
                        new ScramCredentialInfo(MECHANISM, ITERATIONS), devPassword(principal)))
                .toList();
        List<AclBinding> acls = grants().stream().flatMap(grant -> grant.bindings().stream()).toList();
        try {
            admin.alterUserScramCredentials(List.copyOf(users)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            admin.createAcls(acls).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot provision the Kafka principals and ACLs", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while provisioning Kafka", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Provisioning the Kafka principals and ACLs timed out", e);
        }
    }

    private static Grant parse(String line) {
        String[] columns = line.split("\t");
        if (columns.length != 5) {
            throw new IllegalStateException(TABLE + ": expected 5 tab-separated columns in: " + line);
        }
        List<AclOperation> operations = Arrays.stream(columns[1].split(","))
                .map(operation -> AclOperation.valueOf(operation.trim())).toList();
        ResourcePattern resource = new ResourcePattern(ResourceType.valueOf(columns[2]), columns[4],
                PatternType.valueOf(columns[3]));
        return new Grant(columns[0], operations, resource);
    }
}
