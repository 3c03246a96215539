package io.auralis.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/** Reading what tests need back out of a written report. */
final class Pages {
    private static final Pattern PNG = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");
    private static final Pattern HEADING = Pattern.compile("<h2><a class=\"seq\" href=\"#file-\\d+\">\\d+</a>(.*)</h2>");

    private Pages() {
    }

    /** The PNG files embedded in a page, as bytes. */
    static List<byte[]> pngs(String html) {
        List<byte[]> images = new ArrayList<>();
        Matcher m = PNG.matcher(html);
        while (m.find()) {
            images.add(Base64.getDecoder().decode(m.group(1)));
        }
        return images;
    }

    static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    /** The (escaped) file names in the headings of the file sections, in order. */
    static List<String> sections(String html) {
        List<String> names = new ArrayList<>();
        Matcher m = HEADING.matcher(html);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** How many pixels of an image have exactly a colour. */
    static int pixels(BufferedImage image, java.awt.Color colour) {
        int n = 0;
        int rgb = colour.getRGB() & 0xFFFFFF;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
