package io.auralis.ser.command;

import ai.djl.training.dataset.Dataset.Usage;
import ai.djl.training.util.ProgressBar;
import ai.djl.translate.TranslateException;

import io.auralis.api.command.Command;
import io.auralis.api.command.CommandContext;
import io.auralis.api.command.UsageException;
import io.auralis.ser.data.CorpusSource;
import io.auralis.ser.data.DatasetSplit;
import io.auralis.ser.data.SkippedFile;
import io.auralis.ser.data.SpeechEmotionDataset;
import io.auralis.ser.evaluation.DatasetEvaluator;
import io.auralis.ser.evaluation.Evaluation;
import io.auralis.ser.evaluation.EvaluationReport;
import io.auralis.ser.inference.EmotionModel;
import io.auralis.ser.model.ModelConfig;
import io.auralis.ser.training.TrainingJob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * {@code auralis ser evaluate}: a model's accuracy, balanced accuracy, F1 and confusion matrix on a corpus.
 */
final class EvaluateCommand implements Subcommand {

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String summary() {
        return "measure a model on a corpus: accuracy, balanced accuracy, F1, confusion matrix";
    }

    @Override
    public String usage() {
        return CommandLines.usage(List.of(
                "auralis ser evaluate --model DIR|NAME --dataset NAME --data PATH",
                "                     [--split test|validation|all] [--out DIR] [--device D]"),
            String.join("\n",
                "Predicts every clip of the corpus whole (never padded to another clip) and prints accuracy, balanced",
                "(unweighted) accuracy, macro and weighted F1, per-class precision, recall and F1, and the confusion",
                "matrix."),
            options(),
            String.join("\n",
                "Clips whose labels the model does not know are left out and counted; files that cannot be decoded",
                "are reported on standard error and skipped. Exit code 0 when the evaluation ran, 2 for bad arguments",
                "or data."));
    }

    private static Options options() {
        return new Options()
            .addOption(CommandLines.model())
            .addOption(CommandLines.valued("dataset", "NAME", "tess, ravdess, emodb, iemocap, ased, nemo, turev, emotiontts, baved, or csv (a manifest of "
                + "path,label[,speaker]); several, comma-separated (tess,emodb), as ser train takes them"))
            .addOption(CommandLines.valued("data", "PATH", "the corpus folder, or the manifest file for csv; with "
                + "several datasets, one path per dataset in the same order, comma-separated"))
            .addOption(CommandLines.valued("split", "S", "test: the clips the model was tested on when it was trained "
                + "(its split.json), validation: those it was validated on, all: every clip (default: test when the "
                + "model was trained on this dataset by ser train, else all)"))
            .addOption(CommandLines.valued("out", "DIR", "also write metrics.json, confusion_matrix.csv, "
                + "confusion_matrix.png and predictions.csv there"))
            .addOption(CommandLines.labelMap())
            .addOption(CommandLines.device());
    }

    @Override
    public int run(List<String> args, CommandContext context, SerServices services) throws Exception {
        CommandLine a = CommandLines.parse(options(), args);
        CommandLines.noArguments(a, "");
        List<CorpusSource> sources;
        try {
            sources = CorpusSource.parse(CommandLines.require(a, "dataset"), CommandLines.require(a, "data"),
                p -> context.workingDirectory().resolve(p).normalize());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        String corpus = CorpusSource.datasetIds(sources);
        String data = sources.size() == 1 ? sources.get(0).data().toString() : CorpusSource.dataPaths(sources);
        Path out = a.getOptionValue("out") == null ? null
            : context.workingDirectory().resolve(a.getOptionValue("out")).normalize();
        EmotionModel model = services.model(a, context.workingDirectory());
        Path modelDir = model.directory().path();
        Path splitFile = modelDir.resolve(TrainingJob.SPLIT);
        String trainedOn = trainedOn(model.config());
        String part = a.getOptionValue("split");
        if (part == null) {
            part = Files.isRegularFile(splitFile) && corpus.equals(trainedOn) ? "test" : "all";
        }
        part = part.trim().toLowerCase(Locale.ROOT);
        DatasetSplit split = null;
        Usage usage = null;
        switch (part) {
            case "all" -> {
            }
            case "test", "validation" -> {
                if (!Files.isRegularFile(splitFile)) {
                    throw new UsageException(modelDir + ": has no " + TrainingJob.SPLIT + " (it was not trained by "
                        + "auralis ser train), so there is no " + part + " part; use --split all");
                }
                if (trainedOn != null && !corpus.equals(trainedOn)) {
                    throw new UsageException(modelDir + ": was trained on " + trainedOn + "; its " + part
                        + " part is of that corpus, not " + corpus + "; use --split all");
                }
                try {
                    split = DatasetSplit.read(splitFile);
                } catch (IOException e) {
                    throw new UsageException(e.getMessage());
                }
                usage = part.equals("test") ? Usage.TEST : Usage.VALIDATION;
            }
            default -> throw new UsageException("unknown split '" + a.getOptionValue("split")
                + "' (expected test, validation or all)");
        }

        SpeechEmotionDataset.BaseBuilder<?> builder = CorpusSource.builder(sources).setDecoder(services.decoder())
            .optClasses(model.classes()).optMinimumSamples(model.minimumSamples())
            .optSkippedFileListener(f -> context.err().println("auralis: " + f + " (skipped)"))
            .optLabelMap(CommandLines.labelMap(a));
        if (split != null) {
            builder.optSplit(split, usage);
        }
        SpeechEmotionDataset dataset = builder.build();
        Evaluation evaluation;
        try {
            for (SkippedFile problem : dataset.listingProblems()) {
                context.err().println("auralis: " + problem + " (skipped)");
            }
            dataset.prepare(context.interactive() ? new ProgressBar() : null);
            if (dataset.size() == 0) {
                throw new UsageException(data + ": no clip of " + corpus + " (" + part + ") has a class the "
                    + "model knows (" + String.join(", ", model.classes()) + ")" + leftOut(dataset.leftOutByLabel()));
            }
            evaluation = services.models().withDjl(() -> {
                try {
                    return DatasetEvaluator.evaluate(model, dataset, context.interactive() ? new ProgressBar() : null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (TranslateException e) {
                    throw new IllegalStateException("the model failed: " + e.getMessage(), e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new UsageException(e instanceof UncheckedIOException u ? u.getCause().getMessage() : e.getMessage());
        }

        EvaluationReport report = evaluation.report();
        report.model = modelDir.getFileName().toString();
        report.architecture = model.config().architecture;
        report.dataset = corpus;
        report.data = data;
        report.split = part;
        report.splitDescription = split == null ? null : split.description();
        report.audioSeconds = dataset.totalSeconds();
        report.skippedFiles = dataset.skipped().size() + dataset.listingProblems().size();
        report.leftOutByLabel = dataset.leftOutByLabel().isEmpty() ? null : dataset.leftOutByLabel();
        report.date = OffsetDateTime.now().withNano(0).toString();
        report.perCorpus = evaluation.summaryByCorpus(dataset);
        context.out().print(report.toTable());
        if (report.leftOutByLabel != null) {
            context.out().println(leftOut(report.leftOutByLabel).substring(2));
        }
        if (out != null) {
            evaluation.write(out, report, report.model + " on " + corpus + " (" + part + ")");
            context.out().println("wrote " + out.resolve(Evaluation.METRICS) + ", " + Evaluation.CONFUSION_CSV + ", "
                + Evaluation.CONFUSION_PNG + ", " + Evaluation.PREDICTIONS);
        }
        return Command.OK;
    }

    private static String trainedOn(ModelConfig config) {
        if (config.training == null) {
            return null;
        }
        Object dataset = config.training.other().get("dataset");
        return dataset == null ? null : dataset.toString();
    }

    private static String leftOut(Map<String, Integer> byLabel) {
        if (byLabel.isEmpty()) {
            return "";
        }
        return "; left out " + byLabel.values().stream().mapToInt(Integer::intValue).sum() + " clips of classes the "
            + "model does not know (" + byLabel.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")) + ")";
    }
}
