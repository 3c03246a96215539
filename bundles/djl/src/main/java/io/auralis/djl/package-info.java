/**
 * The DJL runtime service: the PyTorch engine, started once with the right class loader.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.auralis.djl;
