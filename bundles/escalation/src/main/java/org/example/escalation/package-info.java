/**
 * An example third-party plugin for Auralis, written against the Auralis API alone: the
 * {@code example.escalation} extractor, which chains emotion results from any emotion model with the loudness
 * from any loudness extractor. Private to the bundle: nothing is exported.
 */
package org.example.escalation;
