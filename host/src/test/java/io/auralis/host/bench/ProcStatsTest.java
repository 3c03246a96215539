package io.auralis.host.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcStatsTest {

    @Test
    void peakRssIsTheVmHwmLineInKib() {
        String status = "Name:\tjava\nUmask:\t0022\nVmPeak:\t 5000000 kB\nVmHWM:\t  345678 kB\nVmRSS:\t  300000 kB\n";
        assertEquals(345678, ProcStats.vmHwmKib(status));
        assertEquals(-1, ProcStats.vmHwmKib("Name:\tkthreadd\nState:\tS (sleeping)\n"), "kernel threads have none");
    }

    @Test
    void childrenCpuTimeIsCutimePlusCstimeEvenWhenTheCommandNameHasBlanksAndParentheses() {
        // fields: pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
        // cutime cstime ...
        String stat = "4242 (my (odd) java) S 1 4242 4242 0 -1 4194560 10 20 0 0 500 60 1234 66 20 0 40 0";
        assertEquals(13.0, ProcStats.childrenCpuSeconds(stat), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> ProcStats.childrenCpuSeconds("garbage"));
        assertThrows(IllegalArgumentException.class, () -> ProcStats.childrenCpuSeconds("1 (x) S 1 2"));
    }

    @Test
    void onLinuxThisProcessHasAPeakRssAndAChildrensCpuTime() {
        assumeTrue(ProcStats.available(), "Linux /proc");
        assertTrue(ProcStats.peakRssKib(ProcessHandle.current().pid()) > 1024);
        assertTrue(ProcStats.waitedChildrenCpuSeconds() >= 0);
        assertEquals(-1, ProcStats.peakRssKib(Long.MAX_VALUE), "a process that is not there");
    }

    @Test
    void theMachineDescriptionReadsTheProcessorModelAndMemory() {
        assertEquals("AMD EPYC 7B13", Machine.cpuModel(List.of("processor\t: 0", "vendor_id\t: AuthenticAMD",
            "model name\t: AMD EPYC 7B13", "model name\t: other"), "x86_64"));
        assertEquals("aarch64", Machine.cpuModel(List.of("processor\t: 0", "BogoMIPS\t: 50.00"), "aarch64"));
        assertEquals(24683656L * 1024, Machine.memTotalBytes(List.of("MemTotal:       24683656 kB",
            "MemFree:         1000 kB")));
        Machine m = Machine.describe();
        assertTrue(m.cores() >= 1 && m.summary().contains(m.cores() + (m.cores() == 1 ? " core" : " cores")));
        assertTrue(m.java().contains(System.getProperty("java.runtime.version")), m.java());
    }

    @Test
    void theLastMessageOfAFailedChildIsItsOwnLineWithoutThePrefix() {
        ChildRun run = new ChildRun("x", 2, 1, Double.NaN, 1, 1, "progress\nauralis: w.json: line 2: bad\nat x\n");
        assertEquals("w.json: line 2: bad", run.lastError());
        assertEquals("Exception in thread main", new ChildRun("x", 3, 1, 1, 1, 1, "Exception in thread main\n")
            .lastError());
        assertEquals("no message", new ChildRun("x", 3, 1, 1, 1, 1, "").lastError());
    }
}
