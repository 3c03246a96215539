package io.auralis.ser.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.auralis.ser.augmentation.Augmentation;
import io.auralis.ser.training.Checkpoint;
import io.auralis.ser.training.CheckpointState;
import io.auralis.ser.training.TrainingOptions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuccessiveHalvingTest {

    @TempDir
    Path dir;

    private final List<String> trained = new ArrayList<>();

    /**
     * Stands in for ser train: records the call and writes the checkpoint state a run of that many epochs would,
     * with a validation loss that falls with the hidden size and the epochs, so the ranking is known.
     */
    private SuccessiveHalving.TrialRunner fake() {
        return (folder, options, epochs) -> {
            Path state = folder.resolve(Checkpoint.FOLDER).resolve(Checkpoint.STATE);
            CheckpointState s;
            if (options == null) {
                s = new ObjectMapper().readValue(state.toFile(), CheckpointState.class);
            } else {
                s = new CheckpointState();
                s.options = options;
            }
            if (s.options.hidden == 13) {
                throw new IllegalStateException("training diverged");
            }
            s.completedEpochs = epochs;
            s.bestValidationLoss = 10.0 / s.options.hidden + 1.0 / epochs;
            Files.createDirectories(state.getParent());
            s.weights = "weights.params";
            s.optimizer = "optimizer.bin";
            Files.writeString(state.resolveSibling(s.weights), "w");
            Files.writeString(state.resolveSibling(s.optimizer), "o");
            new ObjectMapper().writeValue(state.toFile(), s);
            trained.add(folder.getFileName() + "@" + epochs + (options == null ? " resumed" : " new"));
        };
    }

    private SuccessiveHalving.State search(SearchSpace space, int trials) throws IOException {
        TrainingOptions base = new TrainingOptions();
        base.architecture = "cnn3gru";
        PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new SuccessiveHalving(dir, log).run(space, base, 48_000, trials, List.of(1, 3, 9), 3, 11, fake());
    }

    @Test
    void theBestThirdIsContinuedAtEveryRungAndTheLowestLossOfTheLastRungWins() throws IOException {
        SuccessiveHalving.State state = search(SearchSpace.parse("hidden=8|16|32|64|128|256"), 9);

        long rung1 = trained.stream().filter(t -> t.endsWith("@1 new")).count();
        long rung2 = trained.stream().filter(t -> t.endsWith("@3 resumed")).count();
        long rung3 = trained.stream().filter(t -> t.endsWith("@9 resumed")).count();
        assertEquals(9, rung1);
        assertEquals(3, rung2);
        assertEquals(1, rung3);
        SuccessiveHalving.Trial best = SuccessiveHalving.best(state);
        int largest = state.trials.stream().mapToInt(t -> Integer.parseInt(t.values.get("hidden"))).max().orElseThrow();
        assertEquals(String.valueOf(largest), best.values.get("hidden"));
        assertEquals(9, best.epochs);
        List<String> table = Files.readAllLines(dir.resolve(SuccessiveHalving.TABLE));
        assertEquals("trial,hidden,epochs,rung,validationLoss,failure", table.get(0));
        assertEquals(10, table.size());
    }

    @Test
    void runningTheSameSearchAgainTrainsNothingTwiceAndAnotherSearchIsRefused() throws IOException {
        SearchSpace space = SearchSpace.parse("hidden=8|16|32");
        search(space, 4);
        int first = trained.size();

        search(space, 4);

        assertEquals(first, trained.size(), "every trial had reached its rung: " + trained);
        IOException e = assertThrows(IOException.class, () -> search(SearchSpace.parse("hidden=8|64"), 4));
        assertTrue(e.getMessage().contains("holds another search"), e.getMessage());
    }

    @Test
    void aFailingTrialIsRecordedAndTheOthersGoOn() throws IOException {
        SuccessiveHalving.State state = search(SearchSpace.parse("hidden=13|64"), 6);

        assertTrue(state.trials.stream().anyMatch(t -> "training diverged".equals(t.failure)));
        assertEquals("64", SuccessiveHalving.best(state).values.get("hidden"));
    }

    @Test
    void everyTrialFailingHasNoWinner() throws IOException {
        assertNull(SuccessiveHalving.best(search(SearchSpace.parse("hidden=13"), 2)));
    }

    @Test
    void theSpaceDrawsWithinItsChoicesAndRangesAndAppliesToTheOptions() {
        SearchSpace space = SearchSpace.parse(SearchSpace.DEFAULT);
        Random random = new Random(1);
        for (int i = 0; i < 50; i++) {
            Map<String, String> v = space.sample(random);
            double lr = Double.parseDouble(v.get("lr"));
            assertTrue(lr >= 3e-4 * 0.999 && lr <= 3e-3 * 1.001, v.toString());
            assertTrue(List.of("cnn3gru", "cnn5gru", "cnn11gru").contains(v.get("arch")));
        }
        TrainingOptions base = new TrainingOptions();
        base.architecture = "cnn18gru";
        TrainingOptions o = SearchSpace.apply(base, Map.of("arch", "cnn5gru", "hidden", "32", "augment", "off",
            "normalize", "on", "lr", "0.002"), 48_000);
        assertEquals("cnn5gru", o.architecture);
        assertEquals(32, o.hidden);
        assertEquals(0.002, o.learningRate);
        assertEquals(-25.0, o.normalizeDbfs);
        assertEquals(48_000, o.augmentation.cropSamples);
        assertEquals(false, o.augmentation.perturbs());
        assertEquals(true, SearchSpace.apply(base, Map.of("augment", "on"), 0).augmentation.perturbs());
        assertEquals(0.3, SearchSpace.apply(base, Map.of("adversary", "0.3"), 0).adversary);
        assertEquals(0.5, SearchSpace.apply(base, Map.of("arousal", "0.5"), 0).arousal);
        assertEquals(0.0, o.adversary, "not in the space, not changed");
        assertEquals(Augmentation.class, o.augmentation.getClass());
        assertEquals("cnn18gru", base.architecture, "the base is not changed");
    }

    @Test
    void malformedSpacesAreClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> SearchSpace.parse("depth=3|4"));
        assertThrows(IllegalArgumentException.class, () -> SearchSpace.parse("lr=0.01:0.001"));
        assertThrows(IllegalArgumentException.class, () -> SearchSpace.parse("hidden=8||16"));
    }
}
