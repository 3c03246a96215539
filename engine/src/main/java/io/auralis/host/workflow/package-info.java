/**
 * Workflows: their JSON form, strict reading, validation against the installed extractors and writers, the
 * validated, dependency-ordered form the engine runs, and the library of workflows an installation ships.
 */
package io.auralis.host.workflow;
