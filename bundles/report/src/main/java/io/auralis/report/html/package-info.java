/**
 * The report's markup: escaping, the page with its inline style sheet and corpus overview, and each file's
 * section.
 */
package io.auralis.report.html;
