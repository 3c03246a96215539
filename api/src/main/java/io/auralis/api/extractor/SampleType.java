package io.auralis.api.extractor;

/**
 * How an output's features are placed in time (after Vamp's {@code OutputDescriptor::SampleType}).
 */
public enum SampleType {
    /**
     * At most one feature per block the extractor processes, stamped with the block's start time: frames, such as
     * a block's level, or its f0 where it is voiced (an unvoiced block has none).
     */
    ONE_PER_BLOCK,
    /** Features at a fixed rate given by {@link OutputDescriptor#sampleRate}, each with its own time stamp. */
    FIXED_RATE,
    /** Features at arbitrary times, such as segments or events; {@link OutputDescriptor#hasDuration} says whether they span time. */
    VARIABLE
}
