package dev.lanyard.grants.store.memory;

import dev.lanyard.grants.store.ReplayGuard;
import dev.lanyard.grants.store.ReplayGuardContract;

class InMemoryReplayGuardTest extends ReplayGuardContract {

    private final ReplayGuard store = new InMemoryReplayGuard(1000, java.time.Clock.systemUTC());

    @Override
    protected ReplayGuard guard() {
        return store;
    }
}
