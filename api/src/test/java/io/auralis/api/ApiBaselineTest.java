package io.auralis.api;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import aQute.bnd.differ.Baseline;
import aQute.bnd.differ.DiffPluginImpl;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Processor;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fails the build when the exported API changes incompatibly without the package version saying so: bnd compares
 * the classes just compiled (with the manifest bnd-maven-plugin wrote) against the last released API in
 * {@code api/baseline/}, the same check {@code bnd-baseline-maven-plugin} makes against a repository.
 */
class ApiBaselineTest {

    private static final File RELEASED = new File("baseline/auralis-api-1.0.0.jar");
    private static final File BUILT = new File("target/classes");

    @Test
    void exportedPackageVersionsMatchTheChangesSinceTheReleasedApi() throws Exception {
        assertTrue(RELEASED.isFile(), "the released API to baseline against is missing: " + RELEASED);
        try (Processor reporter = new Processor();
             Jar newer = new Jar(BUILT);
             Jar older = new Jar(RELEASED)) {
            Set<Baseline.Info> infos = new Baseline(reporter, new DiffPluginImpl()).baseline(newer, older, null);
            List<String> problems = new ArrayList<>();
            for (Baseline.Info info : infos) {
                if (info.mismatch) {
                    problems.add(info.packageName + ": version " + info.newerVersion + " but the changes since "
                        + info.olderVersion + " need " + info.suggestedVersion
                        + (info.reason == null ? "" : " (" + info.reason + ")"));
                }
            }
            problems.addAll(reporter.getErrors());
            if (!problems.isEmpty()) {
                fail("API baseline:\n  " + String.join("\n  ", problems));
            }
            assertTrue(infos.size() >= 6, "expected every exported package to be compared, got " + infos.size());
        }
    }
}
