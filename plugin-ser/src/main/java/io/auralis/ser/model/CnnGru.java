package io.auralis.ser.model;

import java.util.Objects;

/**
 * CNN-n-GRU, the raw-waveform speech emotion recognition network of Nfissi, Bouachir, Bouguila and Mishara,
 * "CNN-n-GRU: end-to-end speech emotion recognition from raw waveform signal using CNNs and gated recurrent unit
 * networks" (ICMLA 2022).
 *
 * <p>The network reads 16 kHz audio as {@code [batch, 1, samples]} of any length (at least
 * {@link Architecture#minimumSamples()}): a first convolution of kernel 160 and stride 4, then kernel-3
 * convolutions, each followed by batch norm and LeakyReLU, with max-pools of 4 between groups; the mean over time;
 * LeakyReLU and a linear layer fc1; a GRU whose last step goes through LeakyReLU, dropout and a linear layer fc2 to
 * log-probabilities over the classes. The four published depths are {@link Architecture} values.
 *
 * <pre>{@code
 * Block block = CnnGru.builder().setArchitecture(Architecture.CNN18).setNumClasses(7).build();
 * }</pre>
 */
public final class CnnGru {

    /** The GRU hidden size of the published models. */
    public static final int DEFAULT_HIDDEN = 64;
    /** The GRU depth of the published models. */
    public static final int DEFAULT_LAYERS = 1;

    private CnnGru() {
    }

    /**
     * Starts describing a network.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Configures a {@link CnnGruBlock}: {@code set} methods are required, {@code opt} methods optional.
     */
    public static final class Builder {
        private Architecture architecture;
        private int numClasses;
        private int hidden = DEFAULT_HIDDEN;
        private int layers = DEFAULT_LAYERS;
        private float dropout;
        private boolean temporal;
        private boolean instanceNorm;
        private boolean logSpectrum;
        private int adversaryCorpora;
        private float adversaryWeight;
        private boolean arousalHead;

        Builder() {
        }

        /**
         * Sets the variant (required).
         *
         * @param architecture cnn3gru, cnn5gru, cnn11gru or cnn18gru
         * @return this builder
         */
        public Builder setArchitecture(Architecture architecture) {
            this.architecture = architecture;
            return this;
        }

        /**
         * Sets the number of emotion classes (required).
         *
         * @param numClasses at least 2
         * @return this builder
         */
        public Builder setNumClasses(int numClasses) {
            this.numClasses = numClasses;
            return this;
        }

        /**
         * Sets the GRU hidden size; {@value CnnGru#DEFAULT_HIDDEN} unless set.
         *
         * @param hidden units per layer, positive
         * @return this builder
         */
        public Builder optHidden(int hidden) {
            this.hidden = hidden;
            return this;
        }

        /**
         * Sets the number of stacked GRU layers; {@value CnnGru#DEFAULT_LAYERS} unless set.
         *
         * @param layers positive
         * @return this builder
         */
        public Builder optLayers(int layers) {
            this.layers = layers;
            return this;
        }

        /**
         * Sets the dropout rate before fc2 and between stacked GRU layers; 0 unless set. Dropout acts in training
         * only.
         *
         * @param dropout in [0, 1)
         * @return this builder
         */
        public Builder optDropout(float dropout) {
            this.dropout = dropout;
            return this;
        }

        /**
         * Feeds the GRU the CNN's sequence of time steps (fc1 applied to each) instead of the published single
         * step, the mean over time. Not the default: published checkpoints are trained without it.
         *
         * @param temporal whether the GRU runs over time
         * @return this builder
         */
        public Builder optTemporal(boolean temporal) {
            this.temporal = temporal;
            return this;
        }

        /**
         * Normalises each channel of the first layer's output over the clip (zero mean, unit variance over its valid
         * frames), as per-utterance feature normalisation does for spectral features; see
         * {@link CnnGruBlock#instanceNorm()}. Not the default: published checkpoints are trained without it.
         *
         * @param instanceNorm whether the first layer's output is normalised per clip
         * @return this builder
         */
        public Builder optInstanceNorm(boolean instanceNorm) {
            this.instanceNorm = instanceNorm;
            return this;
        }

        /**
         * Reads the clip's log power spectrum in the first layer instead of its samples; see
         * {@link CnnGruBlock#logSpectrum()}. Not the default: published checkpoints are trained without it.
         *
         * @param logSpectrum whether the first layer reads the log power spectrum
         * @return this builder
         */
        public Builder optLogSpectrum(boolean logSpectrum) {
            this.logSpectrum = logSpectrum;
            return this;
        }

        /**
         * Adds a corpus classifier behind a gradient reversal, trained against the network so that its features stop
         * telling the training corpora apart; see {@link CnnGruBlock#adversaryCorpora()}. The classifier's weights are part
         * of the block (so a checkpoint resumes exactly) but inference never runs it. Not the default.
         *
         * @param adversaryCorpora the number of training corpora it tells apart, at least 2, or 0 for none
         * @param weight how strongly its reversed gradient pushes the network, at least 0; used in training only
         * @return this builder
         */
        public Builder optAdversary(int adversaryCorpora, float weight) {
            this.adversaryCorpora = adversaryCorpora;
            this.adversaryWeight = weight;
            return this;
        }

        /**
         * Adds an arousal head beside the emotion's, trained on every clip whose arousal is known (corpora labelled
         * with arousal alone included); see {@link CnnGruBlock#arousalHead()}. Its weights are part of the block but
         * inference never runs it. Not the default.
         *
         * @param arousalHead whether the block has an arousal head
         * @return this builder
         */
        public Builder optArousalHead(boolean arousalHead) {
            this.arousalHead = arousalHead;
            return this;
        }

        /**
         * Checks the settings and builds the block, uninitialised (call {@code initialize} or load parameters).
         *
         * @return the network
         * @throws IllegalArgumentException if a required setting is missing or a value is out of range
         */
        public CnnGruBlock build() {
            Objects.requireNonNull(architecture, "architecture must be set");
            if (numClasses < 2) {
                throw new IllegalArgumentException("numClasses must be at least 2, got " + numClasses);
            }
            if (hidden < 1) {
                throw new IllegalArgumentException("hidden size must be positive, got " + hidden);
            }
            if (layers < 1) {
                throw new IllegalArgumentException("GRU layers must be positive, got " + layers);
            }
            if (!(dropout >= 0f && dropout < 1f)) {
                throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
            }
            if (adversaryCorpora == 1 || adversaryCorpora < 0) {
                throw new IllegalArgumentException("a corpus classifier needs at least 2 corpora, got " + adversaryCorpora);
            }
            if (!(adversaryWeight >= 0f && adversaryWeight < Float.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("adversary weight must be finite and at least 0, got "
                    + adversaryWeight);
            }
            return new CnnGruBlock(architecture, numClasses, hidden, layers, dropout, temporal, instanceNorm,
                logSpectrum, adversaryCorpora, adversaryWeight, arousalHead);
        }
    }
}
