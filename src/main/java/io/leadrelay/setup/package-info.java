/**
 * The first-run guide: how far an install is from its first lead in the CRM (a page
 * connected, a destination, a mapping, a lead delivered) and what Meta must be told (the
 * webhook URL and verify token). Only reads: the lists of {@code page},
 * {@code destination} and {@code mapping}, and whether any lead was delivered; the
 * dashboard depends on it, nothing else does.
 */
package io.leadrelay.setup;
