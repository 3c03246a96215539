package io.auralis.host.runtime;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;
import org.apache.felix.framework.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceReference;

/**
 * Felix's log, sent to the host's problem sink as one line per message instead of Felix's default of printing to
 * standard output, where it would mix with a command's results. Only errors reach it unless the host runs with
 * debugging, which adds warnings and stack traces.
 */
final class FrameworkLog extends Logger {
    private final Consumer<String> sink;
    private final boolean debug;

    FrameworkLog(Consumer<String> sink, boolean debug) {
        this.sink = sink;
        this.debug = debug;
        setLogLevel(debug ? LOG_WARNING : LOG_ERROR);
    }

    @Override
    protected void doLog(Bundle bundle, ServiceReference sr, int level, String msg, Throwable throwable) {
        StringBuilder line = new StringBuilder();
        if (bundle != null) {
            line.append(BundleManager.describe(bundle)).append(": ");
        }
        if (!debug && msg != null && msg.startsWith("Error starting") && throwable instanceof BundleException e) {
            // A bundle that the framework could not start: the reason is what matters.
            sink.accept(line.append("cannot start: ").append(BundleManager.bundleProblem(e)).toString());
            return;
        }
        line.append(msg);
        Throwable cause = throwable;
        if (cause != null && !debug) {
            // The framework wraps the interesting message (an unresolved requirement, an activator's failure).
            line.append(": ").append(innermostMessage(cause));
        }
        if (debug && throwable != null) {
            StringWriter trace = new StringWriter();
            throwable.printStackTrace(new PrintWriter(trace));
            line.append(System.lineSeparator()).append(trace.toString().stripTrailing());
        }
        sink.accept(line.toString());
    }

    @Override
    protected void doLog(int level, String msg, Throwable throwable) {
        doLog(null, null, level, msg, throwable);
    }

    private static String innermostMessage(Throwable throwable) {
        Throwable t = throwable;
        String message = t.toString();
        while (t != null) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
            t = t.getCause();
        }
        return message.replace('\n', ' ');
    }
}
