/**
 * The {@code example.zcr} extractor. Not exported: a plugin shares services, never classes.
 */
package com.example.zcr;
