package io.leadrelay.delivery.web;

import java.security.Principal;

import io.leadrelay.delivery.DestinationTester;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/destinations/{id}/test}: send a test lead now and report what the
 * destination replied.
 */
@RestController
class DestinationTestController {

	private final DestinationTester tester;

	DestinationTestController(DestinationTester tester) {
		this.tester = tester;
	}

	@PostMapping("/api/v1/destinations/{id}/test")
	DestinationTester.TestResult test(@PathVariable String id, Principal user) {
		return this.tester.test(id, user.getName());
	}

}
