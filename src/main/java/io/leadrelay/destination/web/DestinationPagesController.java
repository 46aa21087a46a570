package io.leadrelay.destination.web;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.leadrelay.destination.DestinationAlreadyExistsException;
import io.leadrelay.destination.DestinationChange;
import io.leadrelay.destination.DestinationHasWaitingDeliveriesException;
import io.leadrelay.destination.DestinationNotFoundException;
import io.leadrelay.destination.DestinationView;
import io.leadrelay.destination.Destinations;
import io.leadrelay.destination.InvalidDestinationException;
import io.leadrelay.destination.NewDestination;
import io.leadrelay.destination.WhenWaiting;
import io.leadrelay.web.DisplayNames;
import io.leadrelay.web.Fragments;
import io.leadrelay.web.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The destination pages: the list, adding one (choose a type, then its form), a
 * destination's page, editing and deleting it. Credentials are write-only: a form never
 * shows them, and on edit an empty credential keeps the current one.
 */
@Controller
@RequestMapping("/destinations")
class DestinationPagesController {

	private final Destinations destinations;

	DestinationPagesController(Destinations destinations) {
		this.destinations = destinations;
	}

	@GetMapping
	String list(Model model, HttpServletRequest request) {
		model.addAttribute("activeNav", "destinations");
		model.addAttribute("destinations",
				this.destinations.list()
					.stream()
					.map((destination) -> new Listed(destination, DestinationCatalogue.name(destination.type())))
					.toList());
		return Fragments.view(request, "destinations/list");
	}

	@GetMapping("/new")
	String add(@RequestParam(required = false) String type, Model model, HttpServletRequest request) {
		model.addAttribute("activeNav", "destinations");
		DestinationCatalogue.Type known = DestinationCatalogue.type(type).orElse(null);
		if (known == null) {
			model.addAttribute("types", DestinationCatalogue.types());
			return Fragments.view(request, "destinations/choose");
		}
		Map<String, String> defaults = new LinkedHashMap<>();
		known.settings().forEach((field) -> defaults.put(field.key(), field.defaultValue()));
		return form(model, request, known, null, new DestinationForm("", "", defaults, true), Map.of());
	}

	@PostMapping("/new")
	String create(@RequestParam String type, @RequestParam Map<String, String> params, Principal user, Model model,
			RedirectAttributes redirect, HttpServletRequest request) {
		DestinationCatalogue.Type known = DestinationCatalogue.type(type)
			.orElseThrow(() -> new DestinationNotFoundException(type));
		DestinationForm typed = DestinationForm.read(known, params);
		String id = typed.id().isBlank() ? slug(typed.name()) : typed.id().strip();
		try {
			NewDestination destination = new NewDestination(checkId(id), DisplayNames.check(typed.name(), true),
					known.code(), typed.givenSettings(), DestinationForm.credentials(known, typed, params),
					typed.enabled());
			this.destinations.create(destination, user.getName());
			redirect.addFlashAttribute("flash", "Destination added. Test the connection to check its settings.");
			return "redirect:/destinations/" + id;
		}
		catch (InvalidDestinationException ex) {
			return form(model, request, known, null, typed, Map.of(ex.field(), ex.getMessage()));
		}
		catch (InvalidRequestException ex) {
			return form(model, request, known, null, typed, Map.of(ex.field(), ex.getMessage()));
		}
		catch (DestinationAlreadyExistsException ex) {
			return form(model, request, known, null, typed,
					Map.of("id", "Another destination has the id " + id + "; choose another one."));
		}
	}

	@GetMapping("/{id}")
	String detail(@PathVariable String id, Model model, HttpServletRequest request) {
		DestinationView destination = this.destinations.get(id);
		model.addAttribute("activeNav", "destinations");
		model.addAttribute("destination", destination);
		DestinationCatalogue.Type type = DestinationCatalogue.type(destination.type()).orElse(null);
		model.addAttribute("settingRows",
				destination.settings()
					.entrySet()
					.stream()
					.map((setting) -> new Labelled(setting.getKey(),
							label(setting.getKey(), (type != null) ? type.settings() : List.of()), setting.getValue()))
					.toList());
		model.addAttribute("credentialRows", destination.credentialsSet()
			.stream()
			.map((name) -> new Labelled(name, label(name, (type != null) ? type.credentials() : List.of()), null))
			.toList());
		model.addAttribute("typeName", DestinationCatalogue.name(destination.type()));
		return Fragments.view(request, "destinations/detail");
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable String id, Model model, HttpServletRequest request) {
		DestinationView destination = this.destinations.get(id);
		DestinationCatalogue.Type known = known(destination);
		return form(model, request, known, destination, new DestinationForm(destination.id(), destination.name(),
				new LinkedHashMap<>(destination.settings()), destination.enabled()), Map.of());
	}

	@PostMapping("/{id}/edit")
	String update(@PathVariable String id, @RequestParam Map<String, String> params, Principal user, Model model,
			RedirectAttributes redirect, HttpServletRequest request) {
		DestinationView destination = this.destinations.get(id);
		DestinationCatalogue.Type known = known(destination);
		DestinationForm typed = DestinationForm.read(known, params);
		try {
			Map<String, String> credentials = DestinationForm.credentials(known, typed, params);
			if (!credentials.isEmpty()) {
				// Those left empty keep their current value.
				Map<String, String> kept = new LinkedHashMap<>();
				Map<String, String> current = this.destinations.credentials(id);
				known.credentialsFor(typed.settings())
					.stream()
					.filter((field) -> current.containsKey(field.key()))
					.forEach((field) -> kept.put(field.key(), current.get(field.key())));
				kept.putAll(credentials);
				credentials = kept;
			}
			DestinationChange change = new DestinationChange(DisplayNames.check(typed.name(), true),
					typed.givenSettings(), credentials.isEmpty() ? null : credentials, typed.enabled());
			this.destinations.update(id, change, user.getName());
			redirect.addFlashAttribute("flash", "Saved.");
			return "redirect:/destinations/" + id;
		}
		catch (InvalidDestinationException ex) {
			return form(model, request, known, destination, typed, Map.of(ex.field(), ex.getMessage()));
		}
		catch (InvalidRequestException ex) {
			return form(model, request, known, destination, typed, Map.of(ex.field(), ex.getMessage()));
		}
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable String id, Principal user, RedirectAttributes redirect) {
		try {
			this.destinations.delete(id, WhenWaiting.REFUSE, user.getName());
			redirect.addFlashAttribute("flash", "Destination " + id + " deleted.");
			return "redirect:/destinations";
		}
		catch (DestinationHasWaitingDeliveriesException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
			return "redirect:/destinations/" + id;
		}
	}

	@ExceptionHandler(DestinationNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	private String form(Model model, HttpServletRequest request, DestinationCatalogue.Type type,
			DestinationView editing, DestinationForm typed, Map<String, String> errors) {
		model.addAttribute("activeNav", "destinations");
		model.addAttribute("type", type);
		model.addAttribute("editing", editing);
		model.addAttribute("form", typed);
		model.addAttribute("errors", inWords(type, errors));
		return Fragments.view(request, "destinations/form");
	}

	/**
	 * Errors that name a field by its label, as the form shows it, not by its API name.
	 */
	private static Map<String, String> inWords(DestinationCatalogue.Type type, Map<String, String> errors) {
		Map<String, String> words = new LinkedHashMap<>();
		errors.forEach((field, message) -> {
			String label = Stream
				.concat(type.settings().stream().map((f) -> Map.entry("settings." + f.key(), f.label())),
						type.credentials().stream().map((f) -> Map.entry("credentials." + f.key(), f.label())))
				.filter((entry) -> entry.getKey().equals(field))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse(null);
			words.put(field, (label != null && message.startsWith(field + " "))
					? label + message.substring(field.length()) : message);
		});
		return words;
	}

	private static String label(String key, List<DestinationCatalogue.Field> fields) {
		return fields.stream()
			.filter((field) -> field.key().equals(key))
			.map(DestinationCatalogue.Field::label)
			.findFirst()
			.orElse(key);
	}

	private static DestinationCatalogue.Type known(DestinationView destination) {
		return DestinationCatalogue.type(destination.type())
			.orElseThrow(() -> new DestinationNotFoundException(destination.id()));
	}

	private static String checkId(String id) {
		if (!id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
			throw new InvalidRequestException("id",
					"The id must be 1 to 64 lower-case letters, digits or '-', starting with a letter or digit");
		}
		return id;
	}

	/** An id made of the name: {@code "HubSpot EU"} becomes {@code hubspot-eu}. */
	static String slug(String name) {
		String slug = (name == null) ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
		slug = slug.replaceAll("^-+|-+$", "");
		return (slug.length() > 64) ? slug.substring(0, 64) : slug;
	}

	/**
	 * A setting or credential as the destination's page shows it.
	 *
	 * @param key its name
	 * @param label its label
	 * @param value its value (never a credential's)
	 */
	record Labelled(String key, String label, String value) {
	}

	/**
	 * A destination in the list.
	 *
	 * @param destination the destination
	 * @param typeName its type in words
	 */
	record Listed(DestinationView destination, String typeName) {
	}

	/**
	 * What a destination form holds (never its credentials).
	 *
	 * @param id the id typed
	 * @param name the name typed
	 * @param settings the settings typed, by key
	 * @param enabled whether leads are sent to it
	 */
	record DestinationForm(String id, String name, Map<String, String> settings, boolean enabled) {

		static DestinationForm read(DestinationCatalogue.Type type, Map<String, String> params) {
			Map<String, String> settings = new LinkedHashMap<>();
			type.settings()
				.forEach((field) -> settings.put(field.key(),
						params.getOrDefault("settings." + field.key(), "").strip()));
			return new DestinationForm(params.getOrDefault("id", ""), params.getOrDefault("name", ""), settings,
					params.containsKey("enabled"));
		}

		/** The settings filled in; those left empty take their default. */
		Map<String, String> givenSettings() {
			Map<String, String> given = new LinkedHashMap<>(this.settings);
			given.values().removeIf(String::isEmpty);
			return given;
		}

		/** The credentials typed that apply with these settings. */
		static Map<String, String> credentials(DestinationCatalogue.Type type, DestinationForm typed,
				Map<String, String> params) {
			Map<String, String> credentials = new LinkedHashMap<>();
			List<DestinationCatalogue.Field> fields = type.credentialsFor(typed.settings());
			fields.forEach((field) -> {
				String value = params.getOrDefault("credentials." + field.key(), "");
				if (!value.isBlank()) {
					credentials.put(field.key(), value.strip());
				}
			});
			return credentials;
		}

	}

}
