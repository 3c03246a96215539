/**
 * Platform-wide names shared by the host and every bundle.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.auralis.api;
