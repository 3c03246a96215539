/**
 * The models a running platform has loaded, shared by the SER extractor and the {@code ser} command so that each
 * model is loaded once per process.
 */
package io.auralis.ser.runtime;
