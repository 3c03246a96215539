package io.auralis.ser.data;

import ai.djl.training.dataset.RandomAccessDataset;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Draws an epoch's clips with replacement so that corpora and classes weigh what they should, not what their clip
 * counts say: each corpus gets a share of the draws proportional to the square root of its clip count (a corpus of
 * 4481 clips gets 3.9 times the draws of one of 300, not 15 times), and within a corpus every class (or arousal
 * level, for a corpus labelled with arousal alone) gets an equal share. An epoch has as many draws as the dataset has
 * clips, so epochs stay comparable with unbalanced training.
 *
 * <p>The square root is the usual middle way of multilingual training (temperature sampling with T = 2): full
 * balance would repeat a small corpus's few speakers until they are learnt by heart, none lets the largest corpus
 * decide what "angry" sounds like. Not tuned here. Seeded per epoch ({@link EpochSampler}), so a resumed run draws
 * the same.
 */
public final class BalancedSampler extends EpochSampler {

    /**
     * Creates a sampler whose next {@link #sample} is for epoch {@code firstEpoch}.
     *
     * @param seed the run's seed
     * @param firstEpoch the 0-based epoch the first call draws for
     */
    public BalancedSampler(long seed, int firstEpoch) {
        super(seed, 2_000_003L, firstEpoch);
    }

    /**
     * Draws as many clips as the dataset has, with replacement, by {@link #weights}.
     *
     * @param dataset a prepared {@link SpeechEmotionDataset}
     * @param random the epoch's generator
     * @return the drawn indices
     */
    @Override
    protected long[] draw(RandomAccessDataset dataset, Random random) {
        SpeechEmotionDataset data = (SpeechEmotionDataset) dataset;
        double[] cumulative = cumulativeWeights(data);
        int n = cumulative.length;
        long[] order = new long[n];
        double total = n == 0 ? 0 : cumulative[n - 1];
        for (int i = 0; i < n; i++) {
            int k = Arrays.binarySearch(cumulative, random.nextDouble() * total);
            order[i] = k >= 0 ? Math.min(k + 1, n - 1) : -k - 1;
        }
        return order;
    }

    /**
     * Each clip's probability of being drawn, in clip order.
     *
     * @param data a prepared dataset
     * @return weights summing to 1
     */
    public static double[] weights(SpeechEmotionDataset data) {
        List<Clip> clips = data.clips();
        Map<String, Integer> perCorpus = new HashMap<>();
        Map<String, Integer> perCell = new HashMap<>();
        Map<String, Set<String>> classesPerCorpus = new HashMap<>();
        // cells by label name rather than class index, so a corpus labelled with arousal alone (all NO_CLASS)
        // still balances its levels; for classes the two are one to one
        for (int i = 0; i < clips.size(); i++) {
            String corpus = data.corpusOf(clips.get(i));
            String label = clips.get(i).label();
            perCorpus.merge(corpus, 1, Integer::sum);
            perCell.merge(corpus + "\u0000" + label, 1, Integer::sum);
            classesPerCorpus.computeIfAbsent(corpus, k -> new HashSet<>()).add(label);
        }
        double corpusMass = 0;
        for (int count : perCorpus.values()) {
            corpusMass += Math.sqrt(count);
        }
        double[] w = new double[clips.size()];
        for (int i = 0; i < clips.size(); i++) {
            String corpus = data.corpusOf(clips.get(i));
            double share = Math.sqrt(perCorpus.get(corpus)) / corpusMass;
            int classes = classesPerCorpus.get(corpus).size();
            w[i] = share / classes / perCell.get(corpus + "\u0000" + clips.get(i).label());
        }
        return w;
    }

    private static double[] cumulativeWeights(SpeechEmotionDataset data) {
        double[] w = weights(data);
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += w[i];
            w[i] = sum;
        }
        return w;
    }
}
