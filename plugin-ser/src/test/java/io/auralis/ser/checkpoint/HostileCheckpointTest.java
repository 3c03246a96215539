package io.auralis.ser.checkpoint;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.ser.model.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints crafted to crash or stall the reader: sizes, strides and offsets that overflow 64 bits, dict keys that
 * recurse or explode when hashed, MARKs by the million, pickles that never stop growing. Each must fail as one line
 * naming the file and the problem (a {@link ModelException}, which {@code ser import} reports with exit code 2), and
 * quickly. They are generated here: none is committed.
 */
class HostileCheckpointTest {
    /** Each file must be refused well within this, on a busy CI machine; they take milliseconds. */
    private static final Duration LIMIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private Path checkpoint(String name, PickleWriter pickle, int storageBytes) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("archive/data.pkl"));
            zip.write(pickle.ops(".").bytes());
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("archive/data/0"));
            zip.write(new byte[storageBytes]);
            zip.closeEntry();
        }
        return file;
    }

    /** A state_dict {"w": tensor}. */
    private Path stateDict(String name, long numel, long offset, long[] shape, long[] stride) throws IOException {
        return checkpoint(name, new PickleWriter().op('}').str("w").tensor(numel, offset, shape, stride).op('s'), 16);
    }

    /** Reads the file, which must be refused in time with one line that names it and contains {@code problem}. */
    private static void assertRefused(Path file, String problem) {
        String message = assertTimeoutPreemptively(LIMIT,
            () -> assertThrows(ModelException.class, () -> TorchCheckpoint.read(file)).getMessage(),
            file.getFileName() + " was not refused within " + LIMIT.toSeconds() + " s");
        assertTrue(message.startsWith(file + ": "), message);
        assertTrue(message.contains(problem), message);
        assertFalse(message.contains("\n"), message);
    }

    @Test
    void aStorageWhoseByteSizeOverflowsIsTooLarge() throws IOException {
        // 2^62 floats: numel * 4 wrapped around to 0 and passed the size check.
        assertRefused(stateDict("numel.pth", 1L << 62, 0, new long[] {4}, new long[] {1}),
            "storage data/0 of 4611686018427387904 elements is too large");
    }

    @Test
    void aShapeWhoseElementCountOverflowsIsRefused() throws IOException {
        // 2^32 x 2^32 elements: the product wraps around to 0.
        assertRefused(stateDict("shape.pth", 4, 0, new long[] {1L << 32, 1L << 32}, new long[] {0, 0}),
            "overflows 64 bits");
    }

    @Test
    void aStrideThatOverflowsIsRefusedNotReadOutsideTheStorage() throws IOException {
        // (3 - 1) * 2^62 wraps around to a negative last element, which passed the bounds check.
        assertRefused(stateDict("stride.pth", 4, 0, new long[] {3}, new long[] {1L << 62}), "overflows 64 bits");
    }

    @Test
    void anOffsetThatOverflowsIsRefused() throws IOException {
        assertRefused(stateDict("offset.pth", 4, Long.MAX_VALUE - 1, new long[] {2}, new long[] {2}),
            "overflows 64 bits");
        assertRefused(stateDict("outside.pth", 4, 3, new long[] {2}, new long[] {1}),
            "tensor view reaches element 4 of a storage of 4");
        assertRefused(stateDict("negative.pth", 4, -1, new long[] {2}, new long[] {1}),
            "tensor starts at element -1");
    }

    @Test
    void aSelfReferentialTupleAsADictKeyIsRefusedNotHashedForEver() throws IOException {
        // A list that holds itself, in a tuple, as a key: hashing it recursed into StackOverflowError.
        PickleWriter pickle = new PickleWriter().op('}').op(']').ops("q").op(0).ops("h").op(0).op('a').op(0x85).ops("K")
            .op(1).op('s');
        assertRefused(checkpoint("self.pth", pickle, 0), "dict key is a Tuple");
    }

    @Test
    void anExponentiallyNestedTupleAsADictKeyIsRefusedAtOnce() throws IOException {
        // t = (t, t) sixty times over: a key whose hash takes 2^60 steps.
        PickleWriter pickle = new PickleWriter().op('}').ops("K").op(1).repeat(60, "2\u0086").ops("K").op(1).op('s');
        assertRefused(checkpoint("nested.pth", pickle, 0), "dict key is a Tuple");
    }

    @Test
    void aMillionMarksCostLinearTime() throws IOException {
        // 100,000 values under a MARK, then a million MARK / POP_MARK pairs: each MARK copied the whole stack.
        PickleWriter pickle = new PickleWriter().op('(').repeat(100_000, "K\u0001").repeat(1_000_000, "(1").op('t');
        assertRefused(checkpoint("marks.pth", pickle, 0), "holds a tuple, not a state_dict");
    }

    @Test
    void marksNestedTooDeepAreRefused() throws IOException {
        assertRefused(checkpoint("deep.pth", new PickleWriter().repeat(5000, "("), 0), "nests more than 1000 MARKs");
    }

    @Test
    void aPickleThatRunsTooManyOperationsIsRefused() throws IOException {
        // Push and pop for ever, within the size limit.
        PickleWriter pickle = new PickleWriter().op('}').repeat(6_000_000, "N0");
        assertRefused(checkpoint("busy.pth", pickle, 0), "more than 10000000 operations");
    }

    @Test
    void aPickleThatMemoizesTooMuchIsRefused() throws IOException {
        PickleWriter pickle = new PickleWriter().op('}').repeat(1_000_001, "\u0094");
        assertRefused(checkpoint("memo.pth", pickle, 0), "memoizes more than 1000000 values");
    }

    @Test
    void aPickleThatGrowsTheStackWithoutBoundIsRefused() throws IOException {
        PickleWriter pickle = new PickleWriter().repeat(1_000_001, "N");
        assertRefused(checkpoint("stack.pth", pickle, 0), "stack holds more than 1000000 values");
    }
}
