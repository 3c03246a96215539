package io.auralis.host.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The settings of one {@code auralis bench} run.
 *
 * @param corpus the folder whose files {@code analyze} goes through, or {@code null} for the installation's samples
 * @param models the installed models to measure, or empty for every one ({@code default} alone with {@code quick})
 * @param longRecordings whether to generate and analyse the long recordings
 * @param json whether to print JSON instead of tables
 * @param quick whether to keep every part short, for a smoke test
 * @param reference the folders on which {@code ser predict} and {@code analyze} are timed against the PyTorch
 *     reference script, alternating; empty for none
 */
public record BenchOptions(Path corpus, List<String> models, boolean longRecordings, boolean json, boolean quick,
        List<Path> reference) {
    /** Where Debian's PyTorch lives: {@code apt-get install python3-torch python3-torchaudio}. */
    public static final String PYTHON = "/usr/bin/python3";
    /** Times each program of the comparison runs, alternating. */
    static final int REFERENCE_ROUNDS = 2;

    /**
     * Checks and builds the options.
     *
     * @param corpus {@code --corpus} as given, resolved against {@code workingDirectory}, or {@code null}
     * @param models {@code --models} as given, or {@code null}
     * @param longRecordings {@code --long}
     * @param json {@code --json}
     * @param quick {@code --quick}
     * @param workingDirectory where a relative corpus resolves
     * @return the options
     * @throws IllegalArgumentException with one line naming the option and the problem
     */
    public static BenchOptions of(String corpus, String models, boolean longRecordings, boolean json,
            boolean quick, Path workingDirectory) {
        Path folder = null;
        if (corpus != null) {
            if (corpus.isBlank()) {
                throw new IllegalArgumentException("--corpus needs a folder");
            }
            folder = workingDirectory.resolve(corpus).normalize();
            if (!Files.exists(folder)) {
                throw new IllegalArgumentException("--corpus " + corpus + ": no such folder");
            }
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException("--corpus " + corpus + ": not a folder");
            }
        }
        List<String> names = new ArrayList<>();
        if (models != null) {
            LinkedHashSet<String> unique = new LinkedHashSet<>();
            for (String m : models.split(",")) {
                String name = m.strip();
                if (name.isEmpty()) {
                    continue;
                }
                if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                    throw new IllegalArgumentException("--models " + models + ": '" + name + "' is not a model name "
                        + "(bench measures models installed in the models folder)");
                }
                unique.add(name);
            }
            if (unique.isEmpty()) {
                throw new IllegalArgumentException("--models needs a comma-separated list of model names");
            }
            names.addAll(unique);
        }
        return new BenchOptions(folder, List.copyOf(names), longRecordings, json, quick, List.of());
    }

    /**
     * The same options with the comparison against the PyTorch reference.
     *
     * @param folders {@code --reference}: comma-separated folders of audio files
     * @param workingDirectory where relative folders resolve
     * @return the options
     * @throws IllegalArgumentException naming a folder that is missing or not a folder
     */
    public BenchOptions withReference(String folders, Path workingDirectory) {
        List<Path> list = new ArrayList<>();
        for (String f : folders.split(",")) {
            if (f.isBlank()) {
                continue;
            }
            Path folder = workingDirectory.resolve(f.strip()).normalize();
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException("--reference " + f.strip() + ": no such folder");
            }
            list.add(folder);
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("--reference needs one or more folders of audio files");
        }
        return new BenchOptions(corpus, models, longRecordings, json, quick, List.copyOf(list));
    }

    /**
     * The models to measure, from those installed.
     *
     * @param installed the installed models' names, sorted
     * @return the names, {@code default} first when it is measured
     * @throws IllegalArgumentException naming a requested model that is not installed, or when none is
     */
    List<String> modelsFrom(List<String> installed) {
        if (installed.isEmpty()) {
            throw new IllegalArgumentException("no models are installed in the models folder, so there is nothing "
                + "to measure");
        }
        for (String m : models) {
            if (!installed.contains(m)) {
                throw new IllegalArgumentException("--models: '" + m + "' is not installed (installed: "
                    + String.join(", ", installed) + ")");
            }
        }
        if (!models.isEmpty()) {
            return models;
        }
        List<String> all = new ArrayList<>(installed);
        if (all.remove("default")) {
            all.add(0, "default");
        }
        return quick ? all.subList(0, 1) : all;
    }

    /**
     * The lengths of the generated recordings.
     *
     * @return seconds, shortest first: 1 minute and 1 hour, or 10 s and 1 minute when quick
     */
    List<Double> recordingSeconds() {
        return quick ? List.of(10.0, 60.0) : List.of(60.0, 3600.0);
    }

    /**
     * The arguments of the {@code ser bench} child.
     *
     * @return its arguments after {@code ser bench}
     */
    List<String> serBenchArguments() {
        return quick
            ? List.of("--arch", "cnn3gru", "--clip-seconds", "1", "--batches", "1,4", "--train-batch", "4",
                "--train-steps", "1", "--min-seconds", "0.2", "--json")
            : List.of("--json");
    }
}
