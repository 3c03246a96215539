/**
 * Decoded audio: the decoder service that turns files into mono float blocks at a requested rate, and the blocks extractors receive.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.auralis.api.audio;
