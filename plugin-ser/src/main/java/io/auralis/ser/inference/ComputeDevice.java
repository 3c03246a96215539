package io.auralis.ser.inference;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;

/**
 * The device option of the command line and of the SER extractor: {@code auto} (a GPU when DJL's engine sees one,
 * else the CPU), {@code cpu}, {@code gpu} (the first GPU) or {@code gpu:N}.
 */
public final class ComputeDevice {

    /** The default device option. */
    public static final String AUTO = "auto";

    private ComputeDevice() {
    }

    /**
     * Checks the spelling of a device option without starting an engine.
     *
     * @param spec the option
     * @throws IllegalArgumentException if it is not auto, cpu, gpu or gpu:N
     */
    public static void checkSyntax(String spec) {
        String s = normalise(spec);
        if (!s.equals(AUTO) && !s.equals("cpu") && !s.equals("gpu") && !s.matches("gpu:\\d{1,3}")) {
            throw new IllegalArgumentException("unknown device '" + spec + "' (expected auto, cpu, gpu or gpu:N)");
        }
    }

    /**
     * Resolves a device option against the engine that will run the model.
     *
     * @param spec auto, cpu, gpu or gpu:N; {@code null} or empty means auto
     * @param engine the engine
     * @return the device
     * @throws IllegalArgumentException if the option is malformed or names a GPU the engine does not see
     */
    public static Device resolve(String spec, Engine engine) {
        checkSyntax(spec);
        String s = normalise(spec);
        int gpus = engine.getGpuCount();
        switch (s) {
            case AUTO:
                return gpus > 0 ? Device.gpu(0) : Device.cpu();
            case "cpu":
                return Device.cpu();
            default:
                int id = s.equals("gpu") ? 0 : Integer.parseInt(s.substring(4));
                if (id >= gpus) {
                    throw new IllegalArgumentException("device " + s + " requested but the " + engine.getEngineName()
                        + " engine sees " + (gpus == 0 ? "no GPU (the bundled PyTorch is a CPU build; a CUDA libtorch is "
                        + "needed, see PYTORCH_LIBRARY_PATH in DJL's documentation)" : gpus + " GPU(s)"));
                }
                return Device.gpu(id);
        }
    }

    /**
     * How a device is reported in outputs.
     *
     * @param device the device
     * @return {@code cpu} or {@code gpu:N}
     */
    public static String name(Device device) {
        return device.isGpu() ? "gpu:" + device.getDeviceId() : device.getDeviceType();
    }

    private static String normalise(String spec) {
        return spec == null || spec.isBlank() ? AUTO : spec.trim().toLowerCase(Locale.ROOT);
    }
}
