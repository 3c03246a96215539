/**
 * File-system steps shared by the host and the Spark executors: a file or folder written aside and moved into
 * place in one step, and a folder deleted whole ({@link io.auralis.host.files.FileTrees}).
 */
package io.auralis.host.files;
