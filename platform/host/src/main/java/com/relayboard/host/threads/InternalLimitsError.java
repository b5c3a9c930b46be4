package com.relayboard.host.threads;

/**
 * What the host platform throws from {@link Thread#start()} when the board already has as many live threads as
 * {@code core.memory.threads.size} allows. It stands for the MicroEJ Core Engine's
 * {@code com.is2t.vm.support.InternalLimitsError} ("Too many alive java threads"), which is not an API class the
 * host may define (see docs/api-evidence.md). An {@link Error}, so that no {@code catch (Exception)} hides it.
 */
public final class InternalLimitsError extends Error {

    private static final long serialVersionUID = 1L;

    public InternalLimitsError(String message) {
        super(message);
    }
}
