package io.leadrelay.testlead.web;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.leadrelay.destination.DestinationNotFoundException;
import io.leadrelay.destination.DestinationView;
import io.leadrelay.destination.Destinations;
import io.leadrelay.mapping.MappingNotFoundException;
import io.leadrelay.mapping.MappingSummary;
import io.leadrelay.mapping.Mappings;
import io.leadrelay.testlead.InvalidTestLeadException;
import io.leadrelay.testlead.TestLeadResult;
import io.leadrelay.testlead.TestLeads;
import io.leadrelay.testlead.TestQuestion;
import io.leadrelay.web.Fragments;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The "Send a test lead" pages: a mapping's (its form's questions with sample answers,
 * sent now, the CRM's answer shown below) and a destination's (choose one of the mappings
 * that send to it).
 */
@Controller
class TestLeadPageController {

	private static final String ANSWER = "answer.";

	private final TestLeads testLeads;

	private final Mappings mappings;

	private final Destinations destinations;

	TestLeadPageController(TestLeads testLeads, Mappings mappings, Destinations destinations) {
		this.testLeads = testLeads;
		this.mappings = mappings;
		this.destinations = destinations;
	}

	@GetMapping("/mappings/{id}/test-lead")
	String page(@PathVariable String id, Model model, HttpServletRequest request) {
		List<TestQuestion> questions = this.testLeads.questions(id);
		Map<String, String> answers = new LinkedHashMap<>();
		questions.forEach((question) -> answers.put(question.key(), question.sample()));
		describe(id, questions, answers, model);
		return Fragments.view(request, "testlead/mapping");
	}

	@PostMapping("/mappings/{id}/test-lead")
	String send(@PathVariable String id, @RequestParam Map<String, String> params, Principal user, Model model,
			HttpServletRequest request) {
		Map<String, String> answers = new LinkedHashMap<>();
		params.forEach((name, value) -> {
			if (name.startsWith(ANSWER)) {
				answers.put(name.substring(ANSWER.length()), value);
			}
		});
		try {
			TestLeadResult result = this.testLeads.send(id, answers, user.getName());
			model.addAttribute("result", result);
			model.addAttribute("words", TestLeadWords.of(result));
			model.addAttribute("destinationName", name(result.destinationId()));
		}
		catch (InvalidTestLeadException ex) {
			model.addAttribute("error", ex.getMessage());
		}
		if ("true".equals(request.getHeader("HX-Request"))) {
			return "testlead/result :: result";
		}
		describe(id, this.testLeads.questions(id), answers, model);
		return "testlead/mapping";
	}

	@GetMapping("/destinations/{id}/test-lead")
	String forDestination(@PathVariable String id, Model model, HttpServletRequest request) {
		DestinationView destination = this.destinations.get(id);
		List<MappingSummary> sending = this.mappings.list()
			.stream()
			.filter((mapping) -> id.equals(mapping.destination()))
			.toList();
		if (sending.size() == 1) {
			return "redirect:/mappings/" + sending.get(0).id() + "/test-lead";
		}
		model.addAttribute("activeNav", "destinations");
		model.addAttribute("destination", destination);
		model.addAttribute("mappings", sending);
		return Fragments.view(request, "testlead/destination");
	}

	@ExceptionHandler({ MappingNotFoundException.class, DestinationNotFoundException.class })
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	private void describe(String id, List<TestQuestion> questions, Map<String, String> answers, Model model) {
		String destinationId = this.mappings.definitionOf(this.mappings.current(id)).destination();
		model.addAttribute("activeNav", "mappings");
		model.addAttribute("mappingId", id);
		model.addAttribute("destinationId", destinationId);
		model.addAttribute("destinationName", name(destinationId));
		model.addAttribute("questions", questions);
		model.addAttribute("answers", answers);
	}

	private String name(String destinationId) {
		return this.destinations.names().getOrDefault(destinationId, destinationId);
	}

}
