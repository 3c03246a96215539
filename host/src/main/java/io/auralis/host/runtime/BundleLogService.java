package io.auralis.host.runtime;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.log.FormatterLogger;
import org.osgi.service.log.LogService;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerConsumer;

/**
 * The OSGi log service of the host: what bundles log (SCR above all, when a component fails) reaches the host's
 * message sink as one line naming the bundle, instead of SCR's own stack traces on standard error. Errors (and
 * audit messages) only, unless the host debugs; then warnings too, with stack traces.
 *
 * <p>Registered from the system bundle as a service factory, so that each bundle gets a log service that knows
 * which bundle is logging.
 *
 * <p>Why not Apache Felix Log ({@code org.apache.felix.log}) with a {@code LogListener}: tried (1.3.0 on Felix
 * 7.0.5, 2026-12), it hands entries to listeners on a thread of its own ({@code FelixLogListener}): right after
 * {@code logger.error(...)} returned the listener had seen nothing, 200 ms later it had. An SCR failure while a
 * command starts would then print after the command's own lines, or not at all when the command exits first; here
 * the line is written before {@code error} returns. It would also add a platform bundle to install and keep.
 */
final class BundleLogService implements ServiceFactory<LogService> {
    private static final Set<String> LEVELS = Set.of("audit", "error", "warn", "info", "debug", "trace");

    private final Consumer<String> sink;
    private final boolean debug;

    BundleLogService(Consumer<String> sink, boolean debug) {
        this.sink = sink;
        this.debug = debug;
    }

    /**
     * Registers the service under {@link LogService} and {@link org.osgi.service.log.LoggerFactory}.
     *
     * @param context the system bundle's context
     * @return the registration
     */
    ServiceRegistration<?> register(BundleContext context) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("service.vendor", "Auralis");
        return context.registerService(
            new String[] {LogService.class.getName(), org.osgi.service.log.LoggerFactory.class.getName()},
            this, properties);
    }

    @Override
    public LogService getService(Bundle bundle, ServiceRegistration<LogService> registration) {
        return new ForBundle(bundle);
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<LogService> registration, LogService service) {
        // Nothing is held per bundle.
    }

    private boolean enabled(String level) {
        return level.equals("error") || level.equals("audit") || (debug && level.equals("warn"));
    }

    private void write(Bundle bundle, String name, String level, String message, Throwable throwable) {
        StringBuilder line = new StringBuilder();
        if (bundle != null) {
            line.append(BundleManager.describe(bundle)).append(": ");
        }
        if (debug) {
            line.append(level.toUpperCase(Locale.ROOT)).append(' ');
            if (name != null) {
                line.append(name).append(": ");
            }
        }
        line.append(message == null ? "" : message.replace('\n', ' '));
        if (throwable != null) {
            if (debug) {
                StringWriter trace = new StringWriter();
                throwable.printStackTrace(new PrintWriter(trace));
                line.append(System.lineSeparator()).append(trace.toString().stripTrailing());
            } else {
                line.append(": ").append(innermost(throwable));
            }
        }
        sink.accept(line.toString());
    }

    /** The deepest cause's message: for a failing component, what its code threw. */
    static String innermost(Throwable throwable) {
        Throwable deepest = throwable;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String message = deepest.getMessage();
        return (message == null ? deepest.getClass().getName() : deepest.getClass().getSimpleName() + ": " + message)
            .replace('\n', ' ');
    }

    private static String level(int osgiLevel) {
        return switch (osgiLevel) {
            case 1 -> "error";
            case 2 -> "warn";
            case 3 -> "info";
            default -> "debug";
        };
    }

    /** The log service one bundle sees. */
    private final class ForBundle implements LogService {
        private final Bundle bundle;

        ForBundle(Bundle bundle) {
            this.bundle = bundle;
        }

        @Override
        public Logger getLogger(String name) {
            return getLogger(bundle, name, Logger.class);
        }

        @Override
        public Logger getLogger(Class<?> type) {
            return getLogger(bundle, type.getName(), Logger.class);
        }

        @Override
        public <L extends Logger> L getLogger(String name, Class<L> loggerType) {
            return getLogger(bundle, name, loggerType);
        }

        @Override
        public <L extends Logger> L getLogger(Class<?> type, Class<L> loggerType) {
            return getLogger(bundle, type.getName(), loggerType);
        }

        @Override
        public <L extends Logger> L getLogger(Bundle logging, String name, Class<L> loggerType) {
            if (loggerType != Logger.class && loggerType != FormatterLogger.class) {
                throw new IllegalArgumentException("unsupported logger type " + loggerType.getName());
            }
            boolean formatter = loggerType == FormatterLogger.class;
            Bundle owner = logging != null ? logging : bundle;
            return loggerType.cast(Proxy.newProxyInstance(BundleLogService.class.getClassLoader(),
                new Class<?>[] {loggerType}, new LoggerHandler(owner, name, formatter)));
        }

        @Override
        @SuppressWarnings("deprecation")
        public void log(int level, String message) {
            log(null, level, message, null);
        }

        @Override
        @SuppressWarnings("deprecation")
        public void log(int level, String message, Throwable exception) {
            log(null, level, message, exception);
        }

        @Override
        @SuppressWarnings("deprecation")
        public void log(ServiceReference<?> reference, int level, String message) {
            log(reference, level, message, null);
        }

        @Override
        @SuppressWarnings("deprecation")
        public void log(ServiceReference<?> reference, int level, String message, Throwable exception) {
            String name = level(level);
            if (enabled(name)) {
                write(bundle, null, name, message, exception);
            }
        }
    }

    /**
     * A {@link Logger} or {@link FormatterLogger}: its thirty-odd methods come down to a level, a message with
     * arguments (the last may be the exception) and the {@code isXxxEnabled} checks.
     */
    private final class LoggerHandler implements InvocationHandler {
        private final Bundle bundle;
        private final String name;
        private final boolean formatter;

        LoggerHandler(Bundle bundle, String name, boolean formatter) {
            this.bundle = bundle;
            this.name = name;
            this.formatter = formatter;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String method0 = method.getName();
            Object[] arguments = args == null ? new Object[0] : args;
            switch (method0) {
                case "getName":
                    return name;
                case "toString":
                    return "Logger[" + name + "]";
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == arguments[0];
                default:
                    break;
            }
            if (method0.startsWith("is") && method0.endsWith("Enabled")) {
                return enabled(method0.substring(2, method0.length() - "Enabled".length()).toLowerCase(Locale.ROOT));
            }
            if (!LEVELS.contains(method0)) {
                throw new UnsupportedOperationException(method0);
            }
            if (!enabled(method0) || arguments.length == 0) {
                return null;
            }
            if (arguments[0] instanceof LoggerConsumer<?> consumer) {
                consumer.accept((Logger) proxy);
                return null;
            }
            Object[] values = arguments.length == 2 && arguments[1] instanceof Object[] array
                && method.isVarArgs() ? array : Arrays.copyOfRange(arguments, 1, arguments.length);
            Throwable throwable = null;
            if (values.length > 0 && values[values.length - 1] instanceof Throwable last) {
                throwable = last;
                values = Arrays.copyOf(values, values.length - 1);
            }
            write(bundle, name, method0, format((String) arguments[0], values), throwable);
            return null;
        }

        private String format(String pattern, Object[] values) {
            if (pattern == null || values.length == 0) {
                return pattern;
            }
            if (formatter) {
                return String.format(pattern, values);
            }
            // Logger's own placeholders: each {} takes the next value; \{} is a literal {}.
            StringBuilder out = new StringBuilder();
            int next = 0;
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '\\' && pattern.startsWith("{}", i + 1)) {
                    out.append("{}");
                    i += 2;
                } else if (c == '{' && pattern.startsWith("}", i + 1) && next < values.length) {
                    out.append(values[next++]);
                    i++;
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
    }
}
