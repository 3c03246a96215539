package io.auralis.extractors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.auralis.api.extractor.ExtractorDescriptor;
import io.auralis.api.extractor.FeatureExtractor;
import io.auralis.api.extractor.OutputDescriptor;
import io.auralis.api.extractor.ParameterDescriptor;
import io.auralis.api.extractor.SampleType;
import io.auralis.extractors.loudness.LoudnessExtractor;
import io.auralis.extractors.pitch.PitchExtractor;
import io.auralis.extractors.segment.SpeechSegmenter;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The host validates workflows and writers label columns from descriptors alone, so every descriptor must be
 * complete and consistent.
 */
class DescriptorsTest {
    private static final List<FeatureExtractor> EXTRACTORS =
        List.of(new PitchExtractor(), new LoudnessExtractor(), new SpeechSegmenter());

    @Test
    void identifiersAreUniqueAndUseOnlyTheAllowedCharacters() {
        Set<String> ids = new HashSet<>();
        for (FeatureExtractor e : EXTRACTORS) {
            ExtractorDescriptor d = e.descriptor();
            assertTrue(d.id.matches("[a-zA-Z0-9_.-]+"), d.id);
            assertTrue(ids.add(d.id), "duplicate id " + d.id);
            Set<String> local = new HashSet<>();
            for (OutputDescriptor o : d.outputs) {
                assertTrue(o.id.matches("[a-zA-Z0-9_-]+"), d.id + "." + o.id);
                assertTrue(local.add(o.id), "duplicate output " + d.id + "." + o.id);
            }
            for (ParameterDescriptor p : d.parameters) {
                assertTrue(p.id.matches("[a-zA-Z0-9_-]+"), d.id + " parameter " + p.id);
                assertTrue(local.add(p.id), "duplicate parameter " + d.id + "." + p.id);
            }
        }
    }

    @Test
    void everyDescriptorSaysWhatItIs() {
        for (FeatureExtractor e : EXTRACTORS) {
            ExtractorDescriptor d = e.descriptor();
            for (String text : new String[] {d.name, d.version, d.description, d.vendor}) {
                assertTrue(text != null && !text.isBlank(), d.id + " lacks a name, version, description or vendor");
            }
            assertTrue(d.version.matches("\\d+\\.\\d+\\.\\d+"), d.id + " version " + d.version);
            assertEquals(0, d.sampleRate, d.id + " works at any rate");
            assertTrue(d.blockSize > 0 && d.stepSize > 0 && d.stepSize <= d.blockSize, d.id + " framing");
            assertTrue(d.inputs.isEmpty(), d.id + " consumes nothing");
        }
    }

    @Test
    void everyOutputHasKindUnitSampleTypeAndConsistentBins() {
        for (FeatureExtractor e : EXTRACTORS) {
            ExtractorDescriptor d = e.descriptor();
            assertTrue(!d.outputs.isEmpty(), d.id + " has no outputs");
            for (OutputDescriptor o : d.outputs) {
                String where = d.id + "." + o.id;
                assertTrue(o.kind != null && !o.kind.isBlank(), where + " kind");
                assertTrue(o.unit != null && !o.unit.isBlank(), where + " unit");
                assertNotNull(o.sampleType, where + " sample type");
                assertTrue(o.name != null && o.description != null, where + " name and description");
                assertTrue(o.binCount >= 1, where + " bin count");
                assertNotNull(o.binNames, where + " bin names");
                assertEquals(o.binCount, o.binNames.size(), where + " bin names");
                if (o.minValue != null && o.maxValue != null) {
                    assertTrue(o.minValue < o.maxValue, where + " extents");
                }
                if (o.sampleType == SampleType.FIXED_RATE) {
                    assertTrue(o.sampleRate > 0, where + " rate");
                }
            }
        }
    }

    @Test
    void defaultsLieWithinTheirRangesAndChoices() {
        for (FeatureExtractor e : EXTRACTORS) {
            ExtractorDescriptor d = e.descriptor();
            for (ParameterDescriptor p : d.parameters) {
                String where = d.id + "." + p.id;
                assertNotNull(p.defaultValue, where + " default");
                assertTrue(p.name != null && p.description != null, where + " name and description");
                switch (p.type) {
                    case NUMBER, INTEGER -> {
                        assertTrue(p.minValue != null && p.maxValue != null, where + " range");
                        double v = ((Number) p.defaultValue).doubleValue();
                        assertTrue(p.minValue <= v && v <= p.maxValue, where + " default " + v + " outside "
                            + p.minValue + ".." + p.maxValue);
                    }
                    case CHOICE -> assertTrue(p.choices.contains(p.defaultValue), where + " default");
                    default -> {
                    }
                }
            }
        }
    }

    @Test
    void descriptorIsAFreshEqualCopyOnEveryCall() throws IllegalAccessException {
        // A caller changing the returned object must not change what the next caller sees.
        for (FeatureExtractor e : EXTRACTORS) {
            ExtractorDescriptor a = e.descriptor();
            ExtractorDescriptor b = e.descriptor();
            assertNotSame(a, b);
            assertEquals(dump(a), dump(b));
        }
    }

    /** All public fields, recursively, as text. */
    private static String dump(Object o) throws IllegalAccessException {
        if (o == null || o instanceof String || o instanceof Number || o instanceof Boolean || o instanceof Enum) {
            return String.valueOf(o);
        }
        if (o instanceof List<?> list) {
            StringBuilder sb = new StringBuilder("[");
            for (Object item : list) {
                sb.append(dump(item)).append(',');
            }
            return sb.append(']').toString();
        }
        StringBuilder sb = new StringBuilder(o.getClass().getSimpleName()).append('{');
        for (Field f : o.getClass().getFields()) {
            if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                sb.append(f.getName()).append('=').append(dump(f.get(o))).append(';');
            }
        }
        return sb.append('}').toString();
    }
}
