package io.auralis.report.store;

import io.auralis.report.record.FileSummary;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The file next to a report ({@code report.html.parts}) that holds each file's rendered section and summary
 * while a run is under way, so that a crash loses nothing already written and a report never has to keep
 * features in memory.
 *
 * <p>Layout: the line {@code AURALIS-REPORT-PARTS 1}, then one entry per record: the magic number
 * {@code ARE1}, the lengths of the summary and of the section (big-endian ints), the summary
 * ({@code SummaryCodec}), the section in UTF-8, and a CRC-32 of both. An entry is written at once, unbuffered;
 * one torn by a crash fails its length or CRC check, and reading cuts the file back to the entry before it.
 */
public final class PartsFile implements Closeable {
    private static final byte[] HEADER = "AURALIS-REPORT-PARTS 1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MAGIC = 0x41524531;
    private static final int ENTRY_HEADER = 12;
    private static final int MAX_SUMMARY = 1 << 26;
    private static final int MAX_SECTION = 1 << 30;

    private final FileChannel channel;
    /** Where the next entry goes: the end of the last complete one. */
    private long end;

    private PartsFile(FileChannel channel, long end) {
        this.channel = channel;
        this.end = end;
    }

    /**
     * Where the parts of a report are kept.
     *
     * @param target the report
     * @return {@code <target>.parts}, next to it
     */
    public static Path of(Path target) {
        return target.resolveSibling(target.getFileName() + ".parts");
    }

    /**
     * Starts an empty parts file, replacing any.
     *
     * @param path the parts file
     * @return the open file
     * @throws IOException if it cannot be written
     */
    public static PartsFile create(Path path) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
        try {
            writeFully(ch, ByteBuffer.wrap(HEADER), 0);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        return new PartsFile(ch, HEADER.length);
    }

    /**
     * Opens an existing parts file to add entries after those in it. Read it first ({@link #read}), which cuts
     * off a torn last entry.
     *
     * @param path the parts file
     * @return the open file
     * @throws IOException if it cannot be written
     */
    public static PartsFile append(Path path) throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE);
        return new PartsFile(ch, ch.size());
    }

    /**
     * Adds an entry. It goes straight to the operating system, so that it outlives a crash of the process; if
     * writing fails part-way (a full disk), the file is cut back to the entry before, so that entries added after
     * the failure are not lost behind a torn one.
     *
     * @param summary the file's summary
     * @param section the file's section
     * @throws IOException if writing fails
     */
    public void add(FileSummary summary, String section) throws IOException {
        byte[] s = SummaryCodec.encode(summary);
        byte[] f = section.getBytes(StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(s);
        crc.update(f);
        ByteBuffer entry = ByteBuffer.allocate(ENTRY_HEADER + s.length + f.length + 4);
        entry.putInt(MAGIC).putInt(s.length).putInt(f.length).put(s).put(f).putInt((int) crc.getValue()).flip();
        try {
            writeFully(channel, entry, end);
        } catch (IOException e) {
            try {
                channel.truncate(end);
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        end += entry.limit();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static void writeFully(FileChannel ch, ByteBuffer bytes, long pos) throws IOException {
        while (bytes.hasRemaining()) {
            ch.write(bytes, pos + bytes.position());
        }
    }

    /**
     * Reads every complete entry, and cuts off an entry torn by a crash (with anything after it).
     *
     * @param path the parts file
     * @param visitor receives each entry in order
     * @param sections whether to decode the sections too ({@code false}: the visitor gets {@code null})
     * @throws IOException if the file cannot be read or is not a parts file
     */
    public static void read(Path path, EntryVisitor visitor, boolean sections) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = ch.size();
            byte[] header = readFully(ch, 0, (int) Math.min(size, HEADER.length));
            if (!Arrays.equals(header, 0, header.length, HEADER, 0, header.length)) {
                throw new IOException(path + ": not the parts file of an Auralis HTML report");
            }
            if (header.length < HEADER.length) {
                // Torn before the first entry: start over.
                ch.truncate(0);
                ch.write(ByteBuffer.wrap(HEADER), 0);
                return;
            }
            long pos = HEADER.length;
            while (pos < size) {
                long end = entry(ch, pos, size, path, visitor, sections);
                if (end < 0) {
                    ch.truncate(pos);
                    return;
                }
                pos = end;
            }
        }
    }

    /** Reads the entry at {@code pos}; returns where the next one starts, or -1 when this one is torn. */
    private static long entry(FileChannel ch, long pos, long size, Path path, EntryVisitor visitor,
            boolean sections) throws IOException {
        if (size - pos < ENTRY_HEADER + 4) {
            return -1;
        }
        ByteBuffer h = ByteBuffer.wrap(readFully(ch, pos, ENTRY_HEADER));
        int magic = h.getInt();
        int summaryLength = h.getInt();
        int sectionLength = h.getInt();
        if (magic != MAGIC || summaryLength < 0 || summaryLength > MAX_SUMMARY || sectionLength < 0
                || sectionLength > MAX_SECTION
                || size - pos < (long) ENTRY_HEADER + summaryLength + sectionLength + 4) {
            return -1;
        }
        byte[] summary = readFully(ch, pos + ENTRY_HEADER, summaryLength);
        byte[] section = readFully(ch, pos + ENTRY_HEADER + summaryLength, sectionLength);
        int stored = ByteBuffer.wrap(readFully(ch, pos + ENTRY_HEADER + summaryLength + sectionLength, 4)).getInt();
        CRC32 crc = new CRC32();
        crc.update(summary);
        crc.update(section);
        if ((int) crc.getValue() != stored) {
            return -1;
        }
        FileSummary s;
        try {
            s = SummaryCodec.decode(summary);
        } catch (IOException e) {
            throw new IOException(path + ": entry at byte " + pos + ": " + e.getMessage(), e);
        }
        visitor.entry(s, sections ? new String(section, StandardCharsets.UTF_8) : null);
        return pos + ENTRY_HEADER + summaryLength + sectionLength + 4;
    }

    private static byte[] readFully(FileChannel ch, long pos, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (ch.read(b, pos + b.position()) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
        return b.array();
    }
}
