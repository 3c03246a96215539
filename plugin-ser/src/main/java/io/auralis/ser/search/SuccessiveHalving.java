package io.auralis.ser.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.auralis.ser.storage.AtomicFile;
import io.auralis.ser.training.Checkpoint;
import io.auralis.ser.training.CheckpointState;
import io.auralis.ser.training.TrainingOptions;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Synchronous successive halving (Jamieson and Talwalkar 2016; the rung structure of ASHA, Li et al. 2020, run one
 * trial at a time since 2 cores train one network at a time): {@code n} trials drawn from a {@link SearchSpace} are
 * trained to the first rung's epochs, the best {@code 1/eta} by validation loss (the same rule that keeps an epoch in
 * {@code ser train}) are continued to the next rung, and so on; the best trial of the last rung wins.
 *
 * <p>Every trial is an ordinary {@code ser train} run in {@code trial-NN/}, continued with {@code --resume}, so an
 * interrupted search started again with the same folder picks up where it stopped: the drawn trials are kept in
 * {@code search.json}, and a trial already trained to a rung is not trained again. {@code trials.csv} is rewritten
 * after every trial.
 */
public final class SuccessiveHalving {

    /** The search's record of its trials. */
    public static final String STATE = "search.json";
    /** The table of trials. */
    public static final String TABLE = "trials.csv";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Trains or continues one trial to a number of epochs. */
    @FunctionalInterface
    public interface TrialRunner {
        /**
         * Trains a trial.
         *
         * @param folder the trial's model folder
         * @param options the trial's options, for a new trial; {@code null} to resume the folder's checkpoint
         * @param epochs the epochs in all to reach
         * @throws Exception when training fails
         */
        void train(Path folder, TrainingOptions options, int epochs) throws Exception;
    }

    /** One trial as {@code search.json} keeps it: plain data. */
    public static final class Trial {
        /** 1-based number, the folder's. */
        public int id;
        /** The drawn settings. */
        public Map<String, String> values = new LinkedHashMap<>();
        /** Epochs trained so far. */
        public int epochs;
        /** The best validation loss so far, {@code null} before training. */
        public Double validationLoss;
        /** The highest rung reached, 0-based; -1 before training. */
        public int rung = -1;
        /** Why the trial failed, or {@code null}. */
        public String failure;
    }

    /** {@code search.json}. */
    public static final class State {
        /** The space, as written. */
        public String space;
        /** The search's seed. */
        public long seed;
        /** Epochs of each rung. */
        public List<Integer> rungs = new ArrayList<>();
        /** The reduction factor. */
        public int eta;
        /** The trials. */
        public List<Trial> trials = new ArrayList<>();
    }

    private final Path folder;
    private final PrintStream log;

    /**
     * Creates a search that keeps its trials in a folder.
     *
     * @param folder the search folder
     * @param log receives one line per trial and rung
     */
    public SuccessiveHalving(Path folder, PrintStream log) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.log = Objects.requireNonNull(log, "log");
    }

    /**
     * Runs the search, or continues the one in the folder.
     *
     * @param space what to vary
     * @param base the options every trial shares
     * @param cropSamples the base crop, kept by trials that turn augmentation off
     * @param trials how many trials the first rung has
     * @param rungs epochs of each rung, increasing
     * @param eta keep the best {@code 1/eta} at every rung, at least 2
     * @param seed draws the trials
     * @param runner trains a trial
     * @return the state, trials sorted as they ended
     * @throws IOException if the folder cannot be written, or holds a different search
     * @throws IllegalArgumentException for bad settings
     */
    public State run(SearchSpace space, TrainingOptions base, int cropSamples, int trials, List<Integer> rungs,
                     int eta, long seed, TrialRunner runner) throws IOException {
        if (trials < 1 || eta < 2 || rungs.isEmpty()) {
            throw new IllegalArgumentException("a search needs at least 1 trial, eta >= 2 and one rung");
        }
        for (int i = 1; i < rungs.size(); i++) {
            if (rungs.get(i) <= rungs.get(i - 1)) {
                throw new IllegalArgumentException("--rungs must increase, got " + rungs);
            }
        }
        State state = load(space, seed, rungs, eta, trials);
        List<Trial> alive = new ArrayList<>(state.trials);
        for (int r = 0; r < rungs.size(); r++) {
            int epochs = rungs.get(r);
            for (Trial trial : alive) {
                if (trial.failure != null || trial.epochs >= epochs) {
                    continue;
                }
                Path trialFolder = trialFolder(trial);
                try {
                    TrainingOptions options = new Checkpoint(trialFolder).exists() ? null
                        : SearchSpace.apply(base, trial.values, cropSamples);
                    runner.train(trialFolder, options, epochs);
                    CheckpointState done = new Checkpoint(trialFolder).read();
                    trial.epochs = done.completedEpochs;
                    trial.validationLoss = done.bestValidationLoss;
                    trial.rung = r;
                } catch (Exception e) {
                    trial.failure = e.getMessage() == null ? e.toString() : e.getMessage();
                }
                log.printf(Locale.ROOT, "trial %d %s: %s%n", trial.id, trial.values, trial.failure != null
                    ? "failed: " + trial.failure : String.format(Locale.ROOT, "%d epochs, validation loss %.4f",
                        trial.epochs, trial.validationLoss == null ? Double.NaN : trial.validationLoss));
                save(state);
            }
            if (r + 1 < rungs.size()) {
                alive.removeIf(t -> t.failure != null || t.validationLoss == null);
                alive.sort(byLoss());
                alive = new ArrayList<>(alive.subList(0, Math.min(alive.size(),
                    Math.max(1, (int) Math.ceil(alive.size() / (double) eta)))));
                log.printf(Locale.ROOT, "rung %d (%d epochs): continuing trials %s to %d epochs%n", r + 1, epochs,
                    alive.stream().map(t -> String.valueOf(t.id)).toList(), rungs.get(r + 1));
            }
        }
        return state;
    }

    /**
     * The winner: the trial of the highest rung with the lowest validation loss.
     *
     * @param state a finished search
     * @return the trial, or {@code null} when every trial failed
     */
    public static Trial best(State state) {
        return state.trials.stream().filter(t -> t.failure == null && t.validationLoss != null)
            .max(Comparator.comparingInt((Trial t) -> t.rung).thenComparing(byLoss().reversed())).orElse(null);
    }

    /**
     * The folder of a trial.
     *
     * @param trial the trial
     * @return {@code <search>/trial-NN}
     */
    public Path trialFolder(Trial trial) {
        return folder.resolve(String.format(Locale.ROOT, "trial-%02d", trial.id));
    }

    private static Comparator<Trial> byLoss() {
        return Comparator.comparingDouble(t -> t.validationLoss == null ? Double.MAX_VALUE : t.validationLoss);
    }

    private State load(SearchSpace space, long seed, List<Integer> rungs, int eta, int trials) throws IOException {
        Path file = folder.resolve(STATE);
        if (Files.exists(file)) {
            State state = JSON.readValue(file.toFile(), State.class);
            if (!state.space.equals(space.toString()) || state.seed != seed || !state.rungs.equals(rungs)
                || state.eta != eta || state.trials.size() != trials) {
                throw new IOException(file + ": holds another search (space " + state.space + ", seed " + state.seed
                    + ", rungs " + state.rungs + ", eta " + state.eta + ", " + state.trials.size() + " trials); "
                    + "choose another --out or the same settings to continue it");
            }
            log.println("continuing the search in " + folder);
            return state;
        }
        State state = new State();
        state.space = space.toString();
        state.seed = seed;
        state.rungs = List.copyOf(rungs);
        state.eta = eta;
        Random random = new Random(seed);
        for (int i = 1; i <= trials; i++) {
            Trial t = new Trial();
            t.id = i;
            t.values = space.sample(random);
            state.trials.add(t);
        }
        Files.createDirectories(folder);
        save(state);
        return state;
    }

    private void save(State state) throws IOException {
        AtomicFile.replace(folder.resolve(STATE), out -> JSON.writeValue(out, state));
        List<String> names = new ArrayList<>();
        state.trials.forEach(t -> t.values.keySet().forEach(k -> {
            if (!names.contains(k)) {
                names.add(k);
            }
        }));
        AtomicFile.replace(folder.resolve(TABLE), out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write("trial," + String.join(",", names) + ",epochs,rung,validationLoss,failure\n");
            for (Trial t : state.trials) {
                StringBuilder row = new StringBuilder().append(t.id);
                names.forEach(n -> row.append(',').append(t.values.getOrDefault(n, "")));
                row.append(',').append(t.epochs).append(',').append(t.rung + 1).append(',')
                    .append(t.validationLoss == null ? "" : String.format(Locale.ROOT, "%.4f", t.validationLoss))
                    .append(',').append(t.failure == null ? "" : '"' + t.failure.replace("\"", "\"\"") + '"');
                w.write(row.append('\n').toString());
            }
            w.flush();
        });
    }
}
