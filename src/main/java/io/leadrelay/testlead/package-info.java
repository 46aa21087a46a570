/**
 * Test leads: a person sends a made-up lead through a mapping to its destination, now,
 * and sees what the CRM answered. The lead is stored, mapped and delivered like a real
 * one, so its page tells its whole story, but it is marked as a test everywhere
 * ({@code lead.test}, a {@code test-} id, the {@code is_test} metadata a mapping can send
 * to the CRM). Depends on {@code mapping}, {@code form}, {@code pipeline},
 * {@code delivery}, {@code destination} and {@code audit}; nothing depends on it.
 */
package io.leadrelay.testlead;
