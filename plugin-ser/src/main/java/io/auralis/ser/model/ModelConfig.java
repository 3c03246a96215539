package io.auralis.ser.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contents of a model directory's {@code model.json}: what network the weights belong to, the class names in
 * output order, and where the model came from and how well it did. A plain data object read and written with
 * Jackson; fields it does not know are kept, so tools can add their own.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"format", "name", "description", "architecture", "classes", "sampleRate", "hidden", "layers",
    "temporal", "instanceNorm", "logSpectrum", "adversaryCorpora", "adversaryOf", "arousalHead", "dropout", "normalizeDbfs", "temperature", "weights", "license", "source", "training", "metrics"})
public class ModelConfig extends OpenRecord {
    /** The value of {@link #format} this version writes and reads. */
    public static final String FORMAT = "auralis-ser-model/1";
    /** The only input rate the published networks are defined for. */
    public static final int SAMPLE_RATE = 16000;
    /** The weights file name written by {@link ModelDirectory#write}. */
    public static final String WEIGHTS = "weights.params";

    /** Format marker, {@value #FORMAT}. */
    public String format = FORMAT;
    /** Short name of the model, usually its folder name. */
    public String name;
    /** One sentence on what it recognises. */
    public String description;
    /** The {@link Architecture#id()}, such as {@code cnn18gru}. */
    public String architecture;
    /** Class names in the order of the network's outputs. */
    public List<String> classes = new ArrayList<>();
    /** Input rate in Hz; always {@value #SAMPLE_RATE}. */
    public int sampleRate = SAMPLE_RATE;
    /** GRU hidden size. */
    public int hidden = CnnGru.DEFAULT_HIDDEN;
    /** GRU layers. */
    public int layers = CnnGru.DEFAULT_LAYERS;
    /** Whether the GRU runs over time ({@link CnnGru.Builder#optTemporal}). */
    public boolean temporal;
    /**
     * Whether the first layer's output is normalised per clip ({@link CnnGru.Builder#optInstanceNorm}); {@code null}
     * (left out of the file) for no, as in every model written before the option existed.
     */
    public Boolean instanceNorm;
    /**
     * Whether the first layer reads the log power spectrum ({@link CnnGru.Builder#optLogSpectrum}); {@code null} (left
     * out of the file) for no, as in every model written before the option existed.
     */
    public Boolean logSpectrum;
    /**
     * The number of training corpora of the adversary the network was trained against ({@link
     * CnnGru.Builder#optAdversary}), whose weights the file holds and inference never runs; {@code null} (left out of
     * the file) for none, as in every model written before the option existed.
     */
    public Integer adversaryCorpora;
    /**
     * What the adversary told apart: {@code "speaker"} when its {@link #adversaryCorpora} outputs are the training
     * speakers; {@code null} (left out of the file) for the training corpora, as in every model written before the
     * option existed. Only the card reads it: the network's shape is the same either way.
     */
    public String adversaryOf;
    /**
     * Whether the network has an arousal head ({@link CnnGru.Builder#optArousalHead}), whose weights the file holds
     * and inference never runs; {@code null} (left out of the file) for no, as in every model written before the
     * option existed.
     */
    public Boolean arousalHead;
    /** Dropout used in training (inactive at inference). */
    public double dropout;
    /**
     * The RMS level in dBFS every clip is scaled to before the network sees it ({@link LoudnessNormalization}), or
     * {@code null} for raw samples (imported checkpoints and models trained without {@code --normalize}).
     */
    public Double normalizeDbfs;
    /**
     * The temperature the network's log-probabilities are divided by before they are read as probabilities, fitted
     * on the validation speakers so that confidences are calibrated; {@code null} or 1 for none.
     */
    public Double temperature;
    /** Weights file, relative to the directory: DJL's parameter stream of the block. */
    public String weights = WEIGHTS;
    /** Terms of use of the weights, which follow from the training data's license. */
    public String license;
    /** Where the weights came from, such as the imported checkpoint or the training run. */
    public String source;
    /** How the model was trained. */
    public Training training;
    /** Results on held-out data, by metric name ({@code accuracy}, {@code macroF1}, ...). */
    public Map<String, Object> metrics;

    /** Creates an empty configuration. */
    public ModelConfig() {
    }

    /**
     * Describes a block.
     *
     * @param name the model name
     * @param block the network
     * @param classes class names in output order
     * @param dropout the dropout it was trained with
     * @return a configuration with the network's settings filled in
     * @throws IllegalArgumentException if the number of classes differs from the block's
     */
    public static ModelConfig of(String name, CnnGruBlock block, List<String> classes, double dropout) {
        if (classes.size() != block.numClasses()) {
            throw new IllegalArgumentException(classes.size() + " class names for a network with "
                + block.numClasses() + " outputs");
        }
        ModelConfig c = new ModelConfig();
        c.name = name;
        c.architecture = block.architecture().id();
        c.classes = new ArrayList<>(classes);
        c.hidden = block.hidden();
        c.layers = block.layers();
        c.temporal = block.temporal();
        c.instanceNorm = block.instanceNorm() ? Boolean.TRUE : null;
        c.logSpectrum = block.logSpectrum() ? Boolean.TRUE : null;
        c.adversaryCorpora = block.adversaryCorpora() > 0 ? block.adversaryCorpora() : null;
        c.arousalHead = block.arousalHead() ? Boolean.TRUE : null;
        c.dropout = dropout;
        return c;
    }

    /**
     * Checks the fields a network needs.
     *
     * @return the problems found, one short phrase each; empty when the configuration is usable
     */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (format != null && !FORMAT.equals(format)) {
            p.add("unsupported format '" + format + "' (expected " + FORMAT + ")");
        }
        if (architecture == null) {
            p.add("no architecture");
        } else {
            try {
                Architecture.fromId(architecture);
            } catch (IllegalArgumentException e) {
                p.add(e.getMessage());
            }
        }
        if (classes == null || classes.size() < 2) {
            p.add("needs at least 2 classes");
        } else {
            Set<String> seen = new HashSet<>();
            for (String c : classes) {
                if (c == null || c.isBlank()) {
                    p.add("empty class name");
                } else if (!seen.add(c)) {
                    p.add("class '" + c + "' appears twice");
                }
            }
        }
        if (sampleRate != SAMPLE_RATE) {
            p.add("sampleRate " + sampleRate + " (the network is defined for " + SAMPLE_RATE + " Hz)");
        }
        if (hidden < 1) {
            p.add("hidden must be positive");
        }
        if (layers < 1) {
            p.add("layers must be positive");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            p.add("dropout must be in [0, 1)");
        }
        if (normalizeDbfs != null && !(normalizeDbfs > -80 && normalizeDbfs <= 0)) {
            p.add("normalizeDbfs must be in (-80, 0] dBFS");
        }
        if (temperature != null && !(temperature > 0 && temperature < 100)) {
            p.add("temperature must be in (0, 100)");
        }
        if (adversaryCorpora != null && adversaryCorpora < 2) {
            p.add("adversaryCorpora must be at least 2");
        }
        if (adversaryOf != null && !"speaker".equals(adversaryOf)) {
            p.add("adversaryOf must be \"speaker\" or absent, got \"" + adversaryOf + "\"");
        }
        if (weights == null || weights.isBlank()) {
            p.add("no weights file named");
        }
        return p;
    }

    /**
     * Builds the (uninitialised) network this configuration describes.
     *
     * @return a new block
     * @throws IllegalArgumentException if the configuration is not usable
     */
    public CnnGruBlock newBlock() {
        List<String> p = problems();
        if (!p.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", p));
        }
        return CnnGru.builder()
            .setArchitecture(Architecture.fromId(architecture))
            .setNumClasses(classes.size())
            .optHidden(hidden)
            .optLayers(layers)
            .optDropout((float) dropout)
            .optTemporal(temporal)
            .optInstanceNorm(instanceNorm())
            .optLogSpectrum(logSpectrum())
            .optAdversary(adversaryCorpora(), 0f)
            .optArousalHead(arousalHead())
            .build();
    }

    /**
     * Whether the first layer's output is normalised per clip, reading an absent field as no.
     *
     * @return {@code true} when {@link #instanceNorm} is set and true
     */
    public boolean instanceNorm() {
        return Boolean.TRUE.equals(instanceNorm);
    }

    /**
     * Whether the first layer reads the log power spectrum, reading an absent field as no.
     *
     * @return {@code true} when {@link #logSpectrum} is set and true
     */
    public boolean logSpectrum() {
        return Boolean.TRUE.equals(logSpectrum);
    }

    /**
     * The number of corpora of the adversary, reading an absent field as none.
     *
     * @return {@link #adversaryCorpora}, or 0 when it is not set
     */
    public int adversaryCorpora() {
        return adversaryCorpora == null ? 0 : adversaryCorpora;
    }

    /**
     * Whether the network has an arousal head, reading an absent field as no.
     *
     * @return {@code true} when {@link #arousalHead} is set and true
     */
    public boolean arousalHead() {
        return Boolean.TRUE.equals(arousalHead);
    }

    /**
     * What the weights this file names must fit.
     *
     * @return the topology; {@link #problems()} must be empty
     * @throws IllegalArgumentException for an unknown architecture
     */
    public Topology topology() {
        return new Topology(Architecture.fromId(architecture), classes.size(), hidden, layers, temporal,
            instanceNorm(), logSpectrum(), adversaryCorpora(), arousalHead());
    }

    /**
     * How a model was trained: enough to reproduce it and to judge where it applies.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static class Training extends OpenRecord {
        /** The data, such as {@code TESS, 2800 files, 2 speakers, 7 classes}. */
        public String data;
        /** The protocol, such as {@code stratified random 80/10/10 split, seed 1234}. */
        public String protocol;
        /** Epochs run. */
        public Integer epochs;
        /** Clips per step. */
        public Integer batchSize;
        /** Optimiser and its settings, such as {@code Adam lr=0.001}. */
        public String optimizer;
        /** Random seed of the run. */
        public Long seed;
        /** When training finished, ISO-8601. */
        public String date;

        /** Creates an empty record. */
        public Training() {
        }
    }
}
