package io.auralis.ser.model;

import java.util.Locale;
import java.util.Map;

/**
 * Writes a model card ({@code README.md} of a model directory) from what {@code model.json} records, in the
 * spirit of Mitchell et al., "Model Cards for Model Reporting" (FAT* 2019): what the model is, what it was
 * trained and evaluated on, how well it did, and where it should not be trusted.
 */
public final class ModelCard {

    private ModelCard() {
    }

    /**
     * Renders the card.
     *
     * @param c the configuration
     * @return Markdown text
     */
    public static String render(ModelConfig c) {
        Architecture arch = Architecture.fromId(c.architecture);
        StringBuilder md = new StringBuilder();
        md.append("# ").append(c.name == null ? arch.id() : c.name).append("\n\n");
        if (c.description != null) {
            md.append(c.description).append("\n\n");
        }
        md.append("## Model\n\n");
        md.append("- Architecture: ").append(arch.id()).append(" (CNN-n-GRU, Nfissi et al., ICMLA 2022) on raw ")
            .append(c.sampleRate).append(" Hz mono audio")
            .append(c.temporal ? "; the GRU runs over the CNN's time steps (temporal variant)" : "")
            .append(c.instanceNorm() ? "; the first layer's output normalised per clip and channel (instance norm)"
                : "")
            .append(c.logSpectrum()
                ? "; the first layer reads the log spectrum (log power, 10 ms Hann window, 1 ms hop)" : "")
            .append('\n');
        if (c.adversaryCorpora() > 0) {
            md.append("- Trained against a classifier of its ").append(c.adversaryCorpora())
                .append("speaker".equals(c.adversaryOf) ? " training speakers" : " training corpora").append(" behind a gradient reversal (its weights are in the file; inference does "
                    + "not run it)\n");
        }
        if (c.arousalHead()) {
            md.append("- Trained with an arousal head (low, neutral, high) beside the emotion's, on every clip whose "
                + "arousal is known (its weights are in the file; inference does not run it)\n");
        }
        md.append("- GRU: hidden ").append(c.hidden).append(", ").append(c.layers).append(" layer(s); dropout ")
            .append(c.dropout).append(" in training\n");
        md.append("- Classes, in output order: ").append(String.join(", ", c.classes)).append('\n');
        md.append(String.format(Locale.ROOT, "- Shortest input: %d samples (%.1f ms)%n", arch.minimumSamples(),
            arch.minimumSamples() * 1000.0 / c.sampleRate));
        if (c.source != null) {
            md.append("- Source: ").append(c.source).append('\n');
        }
        md.append("\n## Training\n\n");
        if (c.training == null) {
            md.append("Not recorded.\n");
        } else {
            line(md, "Data", c.training.data);
            line(md, "Protocol", c.training.protocol);
            line(md, "Epochs", c.training.epochs);
            line(md, "Batch size", c.training.batchSize);
            line(md, "Optimiser", c.training.optimizer);
            line(md, "Seed", c.training.seed);
            line(md, "Date", c.training.date);
            for (Map.Entry<String, Object> e : c.training.other().entrySet()) {
                line(md, e.getKey(), e.getValue());
            }
        }
        md.append("\n## Evaluation\n\n");
        if (c.metrics == null || c.metrics.isEmpty()) {
            md.append("No metrics recorded.\n");
        } else {
            md.append("| metric | value |\n| --- | --- |\n");
            for (Map.Entry<String, Object> e : c.metrics.entrySet()) {
                md.append("| ").append(e.getKey()).append(" | ").append(format(e.getValue())).append(" |\n");
            }
        }
        md.append("\n## Intended use and limits\n\n");
        md.append("Recognises the emotion expressed in short spans of speech, for research and analysis. Results on "
            + "acted corpora do not carry over to spontaneous speech, other languages, other speakers, "
            + "microphones or noise without evaluation on such data. Do not use it to make decisions about people.\n");
        md.append("\n## License\n\n").append(c.license == null ? "Not stated." : c.license).append('\n');
        md.append("\n## Use\n\n```\nauralis ser predict --model ").append(c.name == null ? "<dir>" : c.name)
            .append(" recording.wav\n```\n");
        return md.toString();
    }

    private static void line(StringBuilder md, String key, Object value) {
        if (value != null) {
            md.append("- ").append(key).append(": ").append(format(value)).append('\n');
        }
    }

    private static String format(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return String.format(Locale.ROOT, "%.4f", ((Number) value).doubleValue());
        }
        return String.valueOf(value);
    }
}
