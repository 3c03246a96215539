package io.auralis.report.chart;

import java.util.Base64;

/**
 * A rendered chart.
 *
 * @param bytes the PNG file
 * @param width width in pixels
 * @param height height in pixels
 */
public record Png(byte[] bytes, int width, int height) {

    /**
     * The image as a URI for an {@code img} element's {@code src}, so that the page needs no other file.
     *
     * @return {@code data:image/png;base64,...}
     */
    public String dataUri() {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes);
    }
}
