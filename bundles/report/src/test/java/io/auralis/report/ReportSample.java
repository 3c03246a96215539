package io.auralis.report;

import java.nio.file.Path;

/**
 * Writes a report of three made-up files of a minute each (emotion windows every second, loudness every 0.1 s,
 * pitch), to look at in a browser: {@code java -cp ... io.auralis.report.ReportSample report.html}.
 */
public final class ReportSample {

    private ReportSample() {
    }

    /**
     * Writes the sample report.
     *
     * @param args the report's path
     * @throws Exception if writing fails
     */
    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "report.html");
        HtmlReportWriter writer = new HtmlReportWriter();
        try (var sink = writer.open(target, Records.outputs(), false)) {
            sink.write(Records.speech("interviews/anna <take 1> & \"final\".wav", 60, 1, "happy", "neutral",
                "surprised"));
            sink.write(Records.withSegments(Records.speech("interviews/ben.wav", 60, 2, "angry", "angry", "sad",
                "neutral")));
            sink.write(Records.failed("interviews/broken.wav", "interviews/broken.wav: truncated data chunk "
                + "(expected 1920000 bytes, found 4410)"));
            sink.write(Records.speech("calls/2024-03-01 support call.wav", 60, 3, "calm", "fearful", "calm"));
        }
        System.out.println(target.toAbsolutePath());
    }
}
