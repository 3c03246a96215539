package io.auralis.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.auralis.spark.fixtures.Corpus;
import io.auralis.spark.fixtures.Installation;
import io.auralis.spark.fixtures.Records;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The route users take: the installation's own {@code bin/auralis analyze --master local[2]} with the Spark add-on
 * this module builds, which must put the add-on's Spark on the class path and open the JDK modules Spark needs,
 * rather than answer that the add-on is missing.
 */
class LauncherMasterIT {
    @TempDir
    Path dir;

    @Test
    void binAuralisAnalyzeWithMasterRunsTheSparkJobAndWritesOneRecordPerFile() throws Exception {
        Path home = Installation.home();
        List<Path> good = Corpus.tones(dir.resolve("corpus"), 3, 1.0);
        Path bad = Corpus.badInputs(dir.resolve("bad")).get(0);
        Path output = dir.resolve("out");

        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/auralis").toString(), "--state",
            dir.resolve("state").toString(), "analyze", "--master", "local[2]", "--workflow", "features",
            "--output", output.toString(), dir.resolve("corpus").toString(), bad.toString())
            .redirectOutput(dir.resolve("stdout.txt").toFile())
            .redirectError(dir.resolve("stderr.txt").toFile());
        builder.environment().put("JAVA_OPTS", "-XX:TieredStopAtLevel=1");
        builder.environment().put("AURALIS_SPARK_ADDON", Installation.sparkAddon().toString());
        Process process = builder.start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the launcher finished");
        String err = Files.readString(dir.resolve("stderr.txt"), StandardCharsets.UTF_8);

        assertEquals(1, process.exitValue(), "some input failed: " + err);
        assertTrue(err.contains(" on local[2] "), err);
        Map<String, JsonNode> records = Records.byFile(Records.ofRuns(output));
        assertEquals(good.size() + 1, records.size(), records.keySet().toString());
        for (Path file : good) {
            JsonNode record = records.get(file.toString());
            assertTrue(record != null && record.path("error").isNull() && record.path("outputs").has("pitch.f0"),
                file + " has a complete record");
        }
        assertTrue(records.get(bad.toString()).get("error").asText().startsWith(bad + ": "),
            "the bad file's record names it");
    }
}
