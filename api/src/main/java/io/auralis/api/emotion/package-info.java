/**
 * Emotion results as a first-class type, and their encoding as features, so that consumers depend on this package alone and never on a particular model.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.auralis.api.emotion;
