package io.auralis.ser.model;

import java.util.Objects;

/**
 * What a network's weights fit: its variant, output classes, GRU size and the optional parts that add or change
 * parameters. Two blocks with equal topologies load each other's weights. The block's weight stream, model.json and
 * the check between them all compare and print this one value, so a new option is described once.
 *
 * @param architecture the CNN variant
 * @param classes emotion outputs
 * @param hidden GRU units per layer
 * @param layers stacked GRU layers
 * @param temporal whether the GRU runs over the CNN's time steps
 * @param instanceNorm whether the first layer's output is normalised per clip
 * @param logSpectrum whether the first layer reads the log power spectrum
 * @param adversaryCorpora corpora of the adversary, 0 for none
 * @param arousalHead whether the block holds an arousal head
 */
public record Topology(Architecture architecture, int classes, int hidden, int layers, boolean temporal,
                       boolean instanceNorm, boolean logSpectrum, int adversaryCorpora, boolean arousalHead) {

    /**
     * Checks the architecture is given.
     */
    public Topology {
        Objects.requireNonNull(architecture, "architecture");
    }

    /**
     * Reads as {@code cnn5gru with 4 classes, hidden 64, 1 layer(s), adversary over 6 corpora}: the optional
     * parts only when present.
     */
    @Override
    public String toString() {
        return architecture.id() + " with " + classes + " classes, hidden " + hidden + ", " + layers + " layer(s)"
            + (temporal ? ", temporal" : "") + (instanceNorm ? ", instance norm" : "")
            + (logSpectrum ? ", log spectrum" : "")
            + (adversaryCorpora > 0 ? ", adversary over " + adversaryCorpora + " corpora" : "")
            + (arousalHead ? ", arousal head" : "");
    }
}
