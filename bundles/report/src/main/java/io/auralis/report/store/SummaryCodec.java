package io.auralis.report.store;

import io.auralis.report.record.FileSummary;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

/** A {@link FileSummary} as bytes, as the parts file and the markers of a finished report store it. */
final class SummaryCodec {
    /** Version 2 added the confidence in the dominant emotion; version 1 entries (earlier reports) still read. */
    private static final int VERSION = 2;
    private static final int MAX_STRING = 1 << 24;

    private SummaryCodec() {
    }

    static byte[] encode(FileSummary s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(s.sequence);
            string(out, s.file);
            out.writeDouble(s.duration);
            out.writeInt(s.sampleRate);
            out.writeInt(s.channels);
            string(out, s.error);
            string(out, s.dominant);
            out.writeInt(s.shares.size());
            for (var e : s.shares.entrySet()) {
                string(out, e.getKey());
                out.writeDouble(e.getValue());
            }
            out.writeDouble(s.speechSeconds);
            out.writeInt(s.changes);
            out.writeDouble(s.confidence);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static FileSummary decode(byte[] bytes) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int version = in.readUnsignedByte();
            if (version != VERSION && version != 1) {
                throw new IOException("summary of version " + version + ", this report reads version " + VERSION);
            }
            FileSummary s = new FileSummary();
            s.sequence = in.readInt();
            s.file = string(in);
            s.duration = in.readDouble();
            s.sampleRate = in.readInt();
            s.channels = in.readInt();
            s.error = string(in);
            s.dominant = string(in);
            int n = in.readInt();
            if (n < 0 || n > 10_000) {
                throw new IOException("summary with " + n + " emotion classes");
            }
            s.shares = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                s.shares.put(string(in), in.readDouble());
            }
            s.speechSeconds = in.readDouble();
            s.changes = in.readInt();
            s.confidence = version >= 2 ? in.readDouble() : Double.NaN;
            if (s.file == null) {
                throw new IOException("summary without a file name");
            }
            return s;
        }
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > MAX_STRING) {
            throw new IOException("string of " + n + " bytes");
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }
}
