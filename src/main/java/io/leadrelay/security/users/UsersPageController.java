package io.leadrelay.security.users;

import java.security.Principal;

import io.leadrelay.security.Role;
import io.leadrelay.web.Fragments;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The users pages, for admins: the list, adding a user, and one user's page where the
 * role changes, the user is disabled or enabled, or gets a new one-time password. A
 * one-time password travels to the next page as a flash attribute, so it is shown once.
 */
@Controller
@RequestMapping("/users")
class UsersPageController {

	private final Users users;

	UsersPageController(Users users) {
		this.users = users;
	}

	@ModelAttribute
	void navigation(Model model) {
		model.addAttribute("activeNav", "users");
		model.addAttribute("roles", Role.values());
		model.addAttribute("roleDescriptions", RoleDescriptions.ALL);
	}

	@GetMapping
	String list(Model model, HttpServletRequest request) {
		model.addAttribute("users", this.users.list());
		return Fragments.view(request, "users/list");
	}

	@GetMapping("/new")
	String newUser(@ModelAttribute("form") UserForm form, HttpServletRequest request) {
		return Fragments.view(request, "users/new");
	}

	@PostMapping
	String create(@ModelAttribute("form") UserForm form, BindingResult errors, Principal actor,
			RedirectAttributes redirect, HttpServletRequest request) {
		try {
			IssuedPassword created = this.users.create(form.getUsername(), Roles.parse(form.getRole()), null,
					actor.getName());
			redirect.addFlashAttribute("oneTimePassword", created.oneTimePassword());
			redirect.addFlashAttribute("flash", "Added " + created.user().username() + ".");
			return "redirect:/users/" + created.user().id();
		}
		catch (InvalidUserException ex) {
			errors.rejectValue(ex.field(), "invalid", ex.getMessage());
		}
		catch (UserAlreadyExistsException ex) {
			errors.rejectValue("username", "taken", ex.getMessage());
		}
		return Fragments.view(request, "users/new");
	}

	@GetMapping("/{id}")
	String user(@PathVariable long id, Principal viewer, Model model, HttpServletRequest request) {
		UserView user = this.users.get(id);
		model.addAttribute("user", user);
		model.addAttribute("yourself", user.username().equals(viewer.getName()));
		return Fragments.view(request, "users/detail");
	}

	@PostMapping("/{id}/role")
	String changeRole(@PathVariable long id, @RequestParam String role, Principal actor, RedirectAttributes redirect) {
		return change(id, redirect, () -> {
			UserView user = this.users.update(id, Roles.parse(role), null, actor.getName());
			return user.username() + " is now " + user.role().name().toLowerCase() + ".";
		});
	}

	@PostMapping("/{id}/enabled")
	String setEnabled(@PathVariable long id, @RequestParam boolean enabled, Principal actor,
			RedirectAttributes redirect) {
		return change(id, redirect, () -> {
			UserView user = this.users.update(id, null, enabled, actor.getName());
			return user.username() + (enabled ? " may sign in again." : " can no longer sign in.");
		});
	}

	@PostMapping("/{id}/password-reset")
	String resetPassword(@PathVariable long id, Principal actor, RedirectAttributes redirect) {
		IssuedPassword reset = this.users.resetPassword(id, actor.getName());
		redirect.addFlashAttribute("oneTimePassword", reset.oneTimePassword());
		redirect.addFlashAttribute("flash", reset.user().username() + " has a new one-time password.");
		return "redirect:/users/" + id;
	}

	@ExceptionHandler(UserNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	private String change(long id, RedirectAttributes redirect, Change change) {
		try {
			redirect.addFlashAttribute("flash", change.apply());
		}
		catch (LastAdminException | InvalidUserException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:/users/" + id;
	}

	private interface Change {

		String apply();

	}

}
