package io.auralis.host.engine;

import io.auralis.api.audio.AudioBlock;
import io.auralis.api.extractor.ExtractionException;

/**
 * Cuts the decoded stream into one step's blocks. The engine appends every chunk it decodes to every step's
 * framer, then takes ready blocks from all of them in order of where the blocks end.
 */
interface Framer {

    /**
     * Takes the next decoded samples. Blocks that became ready must be taken before the next append.
     *
     * @param samples the samples; only read during the call
     * @param length how many of them are valid, at most the chunk size the framer was made for
     * @throws ExtractionException if the step cannot hold them (a whole-file step on an overlong file)
     */
    void append(float[] samples, int length) throws ExtractionException;

    /** Marks the end of the audio: a short last block becomes ready. */
    void end();

    /**
     * Whether a block can be taken now.
     *
     * @return {@code true} when {@link #next()} will return a block
     */
    boolean ready();

    /**
     * Whether the end of the audio, if it came now, would make a block ready that is not ready yet (a short last
     * block, or the whole file). Such a block would end where the audio appended so far ends.
     *
     * @return {@code true} when samples wait that no block has covered
     */
    boolean pendingAtEnd();

    /**
     * Where the ready block ends.
     *
     * @return the frame index just past its last sample
     */
    long readyEnd();

    /**
     * Takes the ready block. Its array is reused by the next call.
     *
     * @return the block
     */
    AudioBlock next();
}
