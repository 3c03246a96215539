/**
 * What the report says about the model behind its emotion labels: name, version and figures from the model's own
 * files, with a caveat.
 */
package io.auralis.report.card;
