package io.auralis.ser.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.command.UsageException;
import io.auralis.ser.training.TrainingOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code ser train}'s recipe flags put into the training options, and how a bad value is refused. */
class TrainOptionsTest {

    private static TrainingOptions options(String... args) throws UsageException {
        List<String> line = new ArrayList<>(List.of("--arch", "cnn3gru"));
        line.addAll(List.of(args));
        return TrainCommand.options(CommandLines.parse(TrainCommand.options(), line), "cpu");
    }

    @Test
    void roomAndChannelSharesJoinTheStandardAugmentationOrCropOnlyWithoutIt() throws UsageException {
        TrainingOptions augmented = options("--augment", "--crop", "3", "--reverb", "0.25", "--channel", "0.5");
        assertEquals(48_000, augmented.augmentation.cropSamples);
        assertEquals(0.5, augmented.augmentation.noiseProbability, "the standard recipe stays");
        assertEquals(0.25, augmented.augmentation.reverbProbability);
        assertEquals(0.5, augmented.augmentation.channelProbability);

        TrainingOptions channelOnly = options("--channel", "1");
        assertEquals(1.0, channelOnly.augmentation.channelProbability);
        assertEquals(0.0, channelOnly.augmentation.noiseProbability, "nothing else is switched on");
        assertNull(options().augmentation, "no flag, no augmentation");
    }

    @Test
    void speedNarrowsOrSwitchesOffTheSpeedPerturbationAndKeepsTheRestOfTheRecipe() throws UsageException {
        TrainingOptions standard = options("--augment", "--crop", "3");
        assertEquals(0.9, standard.augmentation.speedMin);
        assertEquals(1.1, standard.augmentation.speedMax);

        TrainingOptions none = options("--augment", "--crop", "3", "--speed", "1");
        assertEquals(1.0, none.augmentation.speedMin);
        assertEquals(1.0, none.augmentation.speedMax);
        assertEquals(0.5, none.augmentation.noiseProbability, "noise stays");
        assertTrue(none.augmentation.describe(16_000).contains("noise"), none.augmentation.describe(16_000));
        assertTrue(!none.augmentation.describe(16_000).contains("speed"), none.augmentation.describe(16_000));

        TrainingOptions narrow = options("--augment", "--speed", "0.95:1.05");
        assertEquals(0.95, narrow.augmentation.speedMin);
        assertEquals(1.05, narrow.augmentation.speedMax);

        TrainingOptions alone = options("--speed", "0.8:1.2");
        assertEquals(0.8, alone.augmentation.speedMin);
        assertEquals(0.0, alone.augmentation.noiseProbability, "without --augment only the speed is perturbed");
        assertTrue(alone.problems().isEmpty(), alone.problems().toString());
    }

    @Test
    void aSpeedRangeThatIsReversedOutOfBoundsOrNotNumbersIsAOneLineUsageError() {
        for (String bad : List.of("1.1:0.9", "0.3", "fast", "0.9:1.0:1.1", "0.9:")) {
            UsageException e = assertThrows(UsageException.class, () -> options("--speed", bad));
            assertTrue(e.getMessage().startsWith("--speed must"), e.getMessage());
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void aShareOutsideZeroToOneOrNotANumberIsAOneLineUsageError() {
        for (String[] bad : List.of(new String[] {"--channel", "1.5"}, new String[] {"--reverb", "-0.1"},
            new String[] {"--channel", "half"})) {
            UsageException e = assertThrows(UsageException.class, () -> options(bad));
            assertTrue(e.getMessage().startsWith(bad[0] + " must be a"), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void instanceNormLogSpectrumAndTemporalAreModelOptions() throws UsageException {
        assertTrue(options("--instance-norm").instanceNorm);
        assertTrue(options("--temporal").temporal);
        assertTrue(options("--log-spectrum").logSpectrum);
        assertTrue(!options().instanceNorm);
        assertTrue(!options().logSpectrum);
    }

    @Test
    void theAdversaryWeightIsRecordedAndANegativeOneIsNamed() throws UsageException {
        assertEquals(0.3, options("--adversary", "0.3").adversary);
        assertEquals(0.0, options().adversary, "off unless asked for");
        assertTrue(options().problems().isEmpty());
        List<String> problems = options("--adversary", "-1").problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("--adversary must be"), problems.get(0));
        assertTrue(options("--adversary", "0.5").protocol().contains("gradient reversal of weight 0.5"));
    }

    @Test
    void theAdversaryTellsCorporaApartUnlessAskedToTellSpeakersApart() throws UsageException {
        assertTrue(!options("--adversary", "0.3").adversarySpeakers(), "corpora by default");
        TrainingOptions speakers = options("--adversary", "0.3", "--adversary-of", "speaker");
        assertTrue(speakers.adversarySpeakers());
        assertTrue(speakers.problems().isEmpty(), speakers.problems().toString());
        assertTrue(speakers.protocol().contains("classifier of the training speakers"), speakers.protocol());
        assertEquals(List.of("--adversary-of must be corpus or speaker, got voices"),
            options("--adversary-of", "voices").problems());
    }

    @Test
    void theArousalWeightIsRecordedInTheProtocolAndANegativeOneIsNamed() throws UsageException {
        assertEquals(0.0, options().arousal, "off unless asked for");
        assertTrue(!options().protocol().contains("arousal"), options().protocol());
        assertTrue(options("--arousal", "0.5").protocol().contains("arousal head (low, neutral, high) of loss weight "
            + "0.5"), options("--arousal", "0.5").protocol());
        List<String> problems = options("--arousal", "-1").problems();
        assertEquals(List.of("--arousal must be a weight of 0 or more, got -1.0"), problems);
    }
}
