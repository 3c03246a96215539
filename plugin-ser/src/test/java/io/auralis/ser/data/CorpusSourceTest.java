package io.auralis.ser.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class CorpusSourceTest {

    private static final Function<String, Path> UNDER_WORK = p -> Path.of("/work").resolve(p);

    @Test
    void parallelListsPairInOrderAndResolvePaths() {
        List<CorpusSource> sources = CorpusSource.parse("tess, EmoDB", "corpora/tess, /data/emodb", UNDER_WORK);

        assertEquals(List.of(new CorpusSource(Corpus.TESS, Path.of("/work/corpora/tess")),
            new CorpusSource(Corpus.EMODB, Path.of("/data/emodb"))), sources);
        assertEquals("tess,emodb", CorpusSource.datasetIds(sources));
        assertEquals("/work/corpora/tess,/data/emodb", CorpusSource.dataPaths(sources));
    }

    @Test
    void aSingleCorpusTakesItsPathWholeEvenWithACommaInIt() {
        List<CorpusSource> sources = CorpusSource.parse("csv", "lists/happy,sad.csv", UNDER_WORK);

        assertEquals(List.of(new CorpusSource(Corpus.CSV, Path.of("/work/lists/happy,sad.csv"))), sources);
    }

    @Test
    void mismatchedListsUnknownNamesAndRepeatsAreOneLineErrors() {
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
            () -> CorpusSource.parse("tess,emodb", "/data/tess", UNDER_WORK));
        assertEquals("--dataset names 2 corpora (tess, emodb) but --data gives 1 path; give one path per corpus, "
            + "in the same order, separated by commas", count.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
            () -> CorpusSource.parse("tess,crema", "/a,/b", UNDER_WORK));
        assertEquals("unknown dataset 'crema' (expected tess, ravdess, emodb, iemocap, ased, nemo, turev, emotiontts, baved, csv)", unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CorpusSource.parse("tess,TESS", "/a,/b", UNDER_WORK));
        assertThrows(IllegalArgumentException.class, () -> CorpusSource.parse("tess,emodb", "/a,", UNDER_WORK));
    }

    @Test
    void oneSourceReadsWithTheCorpusOwnReaderAndSeveralCombined() {
        List<CorpusSource> one = List.of(new CorpusSource(Corpus.EMODB, Path.of("/e")));
        List<CorpusSource> two = List.of(new CorpusSource(Corpus.EMODB, Path.of("/e")),
            new CorpusSource(Corpus.TESS, Path.of("/t")));

        assertInstanceOf(EmoDbDataset.class, CorpusSource.builder(one).setDecoder(SyntheticAudio.decoder()).build());
        assertInstanceOf(CombinedDataset.class,
            CorpusSource.builder(two).setDecoder(SyntheticAudio.decoder()).build());
    }
}
