package com.networkpin.pin.service;

import com.networkpin.events.LogSafe;
import com.networkpin.eventstore.store.EventStore;
import com.networkpin.pin.domain.Pin;
import com.networkpin.pin.domain.PinPolicy;
import com.networkpin.pin.store.PinEventCodec;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/** A PIN at its stream's version: the snapshot when it is there, else the stream replayed (the log is the truth). */
@ApplicationScoped
public class CurrentPins {

    private static final Logger LOG = Logger.getLogger(CurrentPins.class);

    private final EventStore eventStore;
    private final PinPolicy policy;

    public CurrentPins(EventStore eventStore, PinPolicy policy) {
        this.eventStore = eventStore;
        this.policy = policy;
    }

    /** In the transaction that holds the stream's lock and read {@code version} and {@code snapshot}. */
    public Uni<Pin> at(SqlClient tx, String contractId, long version, Optional<Pin> snapshot) {
        if (snapshot.map(Pin::version).orElse(0L) == version) {
            return Uni.createFrom().item(snapshot.orElseGet(() -> Pin.notSet(contractId)));
        }
        LOG.warnf("snapshot of contract %s is not at stream version %d: replaying its events",
                LogSafe.of(contractId), version);
        return eventStore.load(tx, contractId, 0)
                .map(stored -> Pin.replay(contractId, PinEventCodec.fromStored(stored), policy));
    }
}
