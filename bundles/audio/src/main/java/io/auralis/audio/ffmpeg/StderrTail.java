package io.auralis.audio.ffmpeg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Drains a child process's standard error on its own thread, so that a chatty process never blocks on a full
 * pipe, and keeps the last lines for error messages.
 */
final class StderrTail {

    private static final int MAX_LINES = 20;

    private final Deque<String> lines = new ArrayDeque<>();
    private final Thread thread;

    StderrTail(InputStream stderr, String name) {
        thread = new Thread(() -> drain(stderr), name);
        thread.setDaemon(true);
        thread.start();
    }

    private void drain(InputStream stderr) {
        StringBuilder line = new StringBuilder();
        byte[] buf = new byte[4096];
        try (stderr) {
            int n;
            while ((n = stderr.read(buf)) >= 0) {
                String text = new String(buf, 0, n, StandardCharsets.UTF_8);
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '\n' || c == '\r') {
                        add(line);
                    } else if (line.length() < 1000) {
                        line.append(c);
                    }
                }
            }
        } catch (IOException e) {
            // The process was killed or the pipe closed: what was read so far is all there is.
        }
        add(line);
    }

    private void add(StringBuilder line) {
        String s = line.toString().strip();
        line.setLength(0);
        if (s.isEmpty()) {
            return;
        }
        synchronized (lines) {
            lines.addLast(s);
            if (lines.size() > MAX_LINES) {
                lines.removeFirst();
            }
        }
    }

    /**
     * The most telling line: the last one, which for ffmpeg is normally the error that ended it, with the input
     * name that ffmpeg puts in front removed (the caller names the file itself).
     *
     * @param input the input argument given to the process
     * @param waitMillis how long to wait for the process's stderr to close
     * @return the line, or {@code "no message"} when the process wrote nothing
     */
    String lastLine(String input, long waitMillis) {
        try {
            thread.join(waitMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String last;
        synchronized (lines) {
            last = lines.peekLast();
        }
        if (last == null) {
            return "no message";
        }
        return last.startsWith(input + ": ") ? last.substring(input.length() + 2) : last;
    }
}
