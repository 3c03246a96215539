package io.auralis.host.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.command.Command;
import io.auralis.host.cli.AnalyzeCommand;
import io.auralis.host.distribution.GeneratedWav;
import io.auralis.host.runtime.AuralisHost;
import io.auralis.host.testbundle.TestBundles;
import io.auralis.host.testbundle.TestInstallation;
import io.auralis.testkit.CapturingContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A third-party extractor bundle that never returns, in a real framework with the real decoder and writers: the
 * file it hangs on becomes an error record when its time is up, and the records after it are written.
 */
class HangingExtractorBundleTest {
    @TempDir
    Path tmp;

    @Test
    void aFileOnWhichAnExtractorBundleHangsBecomesAnErrorRecordAndTheBatchGoesOn() throws Exception {
        Path home = TestInstallation.create(tmp.resolve("home"), TestInstallation.ANALYSIS,
            TestBundles.hangingExtractor(tmp.resolve("hanging.jar")));
        Path cwd = Files.createDirectories(tmp.resolve("work"));
        for (String name : List.of("a.wav", "b-hang.wav", "c.wav")) {
            GeneratedWav.write(cwd.resolve(name), 16000, 1, 16, 0.5, t -> 0.1 * Math.sin(2 * Math.PI * 220 * t));
        }
        Files.writeString(cwd.resolve("w.json"), "{\"steps\": [{\"id\": \"h\", \"extractor\": \"test.hanging\"}]}");
        List<String> messages = new ArrayList<>();
        try (AuralisHost host = AuralisHost.builder().home(home).state(tmp.resolve("state"))
                .serviceTimeout(Duration.ofSeconds(30)).messages(messages::add).build().start()) {
            CapturingContext context = new CapturingContext(cwd, false);
            // One worker: a stuck file that kept it would stop the files after it for good.
            int code = assertTimeoutPreemptively(Duration.ofSeconds(120),
                () -> new AnalyzeCommand(host.services(), home).run(List.of("--workers", "1", "--file-timeout", "2",
                    "-w", "w.json", "-o", "r.jsonl", "a.wav", "b-hang.wav", "c.wav"), context),
                "analyze hung on an extractor that never returns");

            assertEquals(Command.PARTIAL_FAILURE, code, context.errText());
            List<String> lines = Files.readAllLines(cwd.resolve("r.jsonl"));
            ObjectMapper json = new ObjectMapper();
            List<String> files = new ArrayList<>();
            for (String line : lines) {
                files.add(json.readTree(line).get("file").asText());
            }
            assertEquals(List.of("a.wav", "b-hang.wav", "c.wav"), files);
            JsonNode stuck = json.readTree(lines.get(1));
            assertEquals("b-hang.wav: not finished after 2.0 s (--file-timeout); abandoned: a pipe or device that "
                + "never delivers, or an extractor that does not return", stuck.get("error").asText());
            assertTrue(json.readTree(lines.get(2)).get("error").isNull(), lines.get(2));
            assertTrue(context.errText().contains("analysed 3 files: 2 ok, 1 failed"), context.errText());
        }
    }
}
