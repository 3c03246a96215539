/**
 * The embedded OSGi runtime: {@link io.auralis.host.runtime.AuralisHost} starts Apache Felix on an installation
 * (its platform bundles) and a state folder (the bundle cache and dropped-in bundles), and gives the command line,
 * the batch runner and Spark executors the platform's services.
 */
package io.auralis.host.runtime;
