package io.leadrelay.delivery.web;

import java.security.Principal;

import io.leadrelay.delivery.DestinationTester;
import io.leadrelay.destination.InvalidDestinationException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The destination page's "Test the connection" button: sends the connector's marked test
 * contact and shows, in words, what the CRM answered (htmx swaps it into
 * {@code #test-result}). It lives here, not in the destination feature, because the test
 * goes through the delivery feature's connectors.
 */
@Controller
class DestinationTestPageController {

	private final DestinationTester tester;

	DestinationTestPageController(DestinationTester tester) {
		this.tester = tester;
	}

	@PostMapping("/destinations/{id}/test")
	String test(@PathVariable String id, Principal user, Model model) {
		try {
			DestinationTester.TestResult result = this.tester.test(id, user.getName());
			model.addAttribute("result", result);
			model.addAttribute("words", words(result.outcome()));
		}
		catch (InvalidDestinationException ex) {
			model.addAttribute("refusedSetting", ex.getMessage());
		}
		return "destinations/test-result :: result";
	}

	/** A test's outcome in a marketer's words. */
	static String words(String outcome) {
		return switch (outcome) {
			case "delivered" -> "It works: the CRM took the test contact.";
			case "credentials_rejected" -> "The CRM refused the credentials: replace them (Edit), then test again.";
			case "rejected" ->
				"The CRM answered but refused the test contact: check the settings and the CRM's message.";
			case "throttled" -> "The CRM asked to slow down; the connection works. Try again in a minute.";
			default -> "No good answer from the CRM (down, slow or wrong address): check the address and try again.";
		};
	}

}
