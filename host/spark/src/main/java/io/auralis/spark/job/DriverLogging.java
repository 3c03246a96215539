package io.auralis.spark.job;

import org.apache.logging.log4j.core.config.Configurator;

/**
 * Logging of a command-line driver: Spark logs at INFO to standard error by default, which would bury the
 * command's own progress and errors. Unless the user configured Log4j 2 ({@code -Dlog4j2.configurationFile}),
 * only warnings and errors are shown, each prefixed {@code auralis: spark:}.
 */
public final class DriverLogging {
    private static final String CONFIG = "classpath:io/auralis/spark/log4j2-driver.properties";

    private DriverLogging() {
    }

    /** Applies the quiet configuration, unless the user chose one; call before the first Spark class logs. */
    public static void quiet() {
        if (System.getProperty("log4j2.configurationFile") == null
                && System.getProperty("log4j.configurationFile") == null) {
            Configurator.initialize(null, CONFIG);
        }
    }
}
