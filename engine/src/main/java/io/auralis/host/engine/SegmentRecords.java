package io.auralis.host.engine;

import io.auralis.api.extractor.Feature;
import io.auralis.api.output.FileRecord;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Live input's records: one {@link FileRecord} per speech segment, written as soon as it is final. A record's
 * {@code file} is the source's name ({@code -}), its {@code time}, {@code end} and {@code duration} the segment's
 * (seconds from the start of the stream), and its {@code outputs} hold
 * the segment itself (its time span) under the segment output, and every other output's features whose time falls
 * in the segment ({@code time <= t < time + duration}), emotions included.
 *
 * <p>A segment is final once the segmenter has emitted it and every step has processed the blocks that start
 * before its end and before the point where the segmenter emitted it ({@link StreamAnalyzer.Listener#advanced}):
 * by then a step that emits as it processes (pitch, loudness, the emotion of a segment with {@code batch} 1) has
 * emitted what falls in it. A feature emitted later for audio already written is left out and counted
 * ({@link #late()}). Features outside every segment (silence) are dropped; those not yet claimed are kept for at
 * most {@value #RETAIN_SECONDS} s of audio (the segmenter's longest {@code maxSegment} and its delay), so memory
 * stays bounded however long the stream.
 */
public final class SegmentRecords implements StreamAnalyzer.Listener {

    /** Audio behind the watermark whose features are kept for a segment still to come. */
    static final double RETAIN_SECONDS = 660;

    /** Where finished records go. */
    @FunctionalInterface
    public interface Sink {
        /**
         * Stores one record.
         *
         * @param record the record
         * @throws IOException if it cannot be stored
         */
        void write(FileRecord record) throws IOException;
    }

    private record Emitted(String output, Feature feature, long emittedAt) {
    }

    private final String name;
    private final String segments;
    private final List<String> outputs;
    private final int rate;
    private final int sourceRate;
    private final int channels;
    private final Sink sink;
    private final ArrayDeque<Emitted> waiting = new ArrayDeque<>();
    private final ArrayDeque<Emitted> held = new ArrayDeque<>();
    private double writtenUpTo = Double.NEGATIVE_INFINITY;
    private long records;
    private long late;

    /**
     * Creates the records of one stream.
     *
     * @param name the source as the user named it, each record's {@code file}
     * @param segments the {@code step.output} whose features are the segments
     * @param outputs the {@code step.output}s records carry, in order; includes {@code segments}
     * @param rate the workflow's rate, of the watermark's frames
     * @param sourceRate the source's rate, for {@code sampleRate}
     * @param channels the source's channels
     * @param sink where records go
     */
    public SegmentRecords(String name, String segments, List<String> outputs, int rate, int sourceRate,
                          int channels, Sink sink) {
        this.name = name;
        this.segments = segments;
        this.outputs = List.copyOf(outputs);
        this.rate = rate;
        this.sourceRate = sourceRate;
        this.channels = channels;
        this.sink = sink;
    }

    @Override
    public void feature(String output, Feature feature, long emittedAt) {
        if (output.equals(segments)) {
            waiting.addLast(new Emitted(output, feature, emittedAt));
        } else if (outputs.contains(output)) {
            if (feature.time < writtenUpTo) {
                late++;
            } else {
                held.addLast(new Emitted(output, feature, emittedAt));
            }
        }
    }

    @Override
    public void advanced(long frame) throws IOException {
        while (!waiting.isEmpty()) {
            Emitted next = waiting.peekFirst();
            long end = Math.round(next.feature().end() * rate);
            if (frame != Long.MAX_VALUE && Math.max(end, next.emittedAt()) > frame) {
                break;
            }
            waiting.pollFirst();
            write(next.feature());
        }
        if (waiting.isEmpty() && frame != Long.MAX_VALUE) {
            double horizon = frame / (double) rate - RETAIN_SECONDS;
            held.removeIf(e -> e.feature().time < horizon);
        }
    }

    private void write(Feature segment) throws IOException {
        FileRecord record = new FileRecord();
        record.file = name;
        record.time = segment.time;
        record.end = segment.end();
        record.duration = segment.duration;
        record.sampleRate = sourceRate;
        record.channels = channels;
        for (String output : outputs) {
            record.outputs.put(output, new ArrayList<>());
        }
        record.outputs.get(segments).add(segment);
        double end = segment.end();
        for (Iterator<Emitted> it = held.iterator(); it.hasNext(); ) {
            Emitted e = it.next();
            double t = e.feature().time;
            if (t >= segment.time && t < end) {
                record.outputs.get(e.output()).add(e.feature());
            }
            if (t < end) {
                it.remove();
            }
        }
        writtenUpTo = Math.max(writtenUpTo, end);
        records++;
        sink.write(record);
    }

    /**
     * Records written so far.
     *
     * @return the count
     */
    public long records() {
        return records;
    }

    /**
     * Features left out because they came after the record of their segment was written.
     *
     * @return the count
     */
    public long late() {
        return late;
    }

    /**
     * The features held for segments still to come, for tests of bounded memory.
     *
     * @return how many
     */
    int held() {
        return held.size();
    }
}
