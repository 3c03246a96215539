package io.auralis.audio;

import io.auralis.api.audio.AudioStream;
import io.auralis.audio.resample.ResamplerKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Measures how fast a folder of audio files decodes end to end (probe, open, read every sample), for the
 * numbers quoted in reviews; not a test (surefire does not run it). Each pass decodes every file once; the
 * first passes warm up the JIT and the page cache.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:&lt;api jar&gt;:&lt;TarsosDSP jar&gt; \
 *     io.auralis.audio.CorpusDecodeBenchmark ../../../shared/data/emodb/wav 16000 5 polyphase
 * </pre>
 */
public final class CorpusDecodeBenchmark {

    private CorpusDecodeBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args the folder, the output rate (default 16000), the number of passes (default 5), the resampler
     *     ({@code polyphase}, the default, or {@code tarsosdsp})
     * @throws IOException if a file cannot be decoded
     */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 16000;
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".wav")).sorted()
                .collect(Collectors.toList());
        }
        ResamplerKind resampler = args.length > 3 ? ResamplerKind.of(args[3]) : ResamplerKind.POLYPHASE;
        AudioDecoderComponent decoder = new AudioDecoderComponent("ffmpeg", resampler);
        float[] buffer = new float[4096];
        for (int pass = 1; pass <= passes; pass++) {
            long start = System.nanoTime();
            long samples = 0;
            for (Path file : files) {
                decoder.probe(file);
                try (AudioStream stream = decoder.open(file, rate)) {
                    int n;
                    while ((n = stream.read(buffer, 0, buffer.length)) > 0) {
                        samples += n;
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("pass %d: %d files, %.1f s of audio at %d Hz decoded in %.3f s (%.0fx real time)%n",
                pass, files.size(), samples / (double) rate, rate, seconds, samples / (double) rate / seconds);
        }
    }
}
