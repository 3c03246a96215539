/**
 * The component that starts DJL's PyTorch engine inside OSGi.
 */
package io.auralis.djl.runtime;
