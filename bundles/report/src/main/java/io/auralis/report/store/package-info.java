/**
 * Where a report keeps what it has rendered: the parts file of a run under way, and the entry markers of a
 * finished report, both readable again for {@code --resume} and appending.
 */
package io.auralis.report.store;
