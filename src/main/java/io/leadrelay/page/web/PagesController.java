package io.leadrelay.page.web;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadrelay.meta.FacebookIds;
import io.leadrelay.page.PageTokenChecks;
import io.leadrelay.page.PageView;
import io.leadrelay.page.Pages;
import io.leadrelay.web.DisplayNames;
import io.leadrelay.web.InvalidRequestException;
import io.leadrelay.web.JsonBody;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/pages}: the Facebook pages whose leads LeadRelay fetches, with their
 * access tokens (write-only).
 */
@RestController
@RequestMapping("/api/v1/pages")
class PagesController {

	static final int MAX_TOKEN_LENGTH = 1000;

	private static final Set<String> FIELDS = Set.of("pageId", "name", "accessToken");

	private static final Pattern TOKEN = Pattern.compile("[^\\s]+");

	private final Pages pages;

	private final PageTokenChecks tokenChecks;

	PagesController(Pages pages, PageTokenChecks tokenChecks) {
		this.pages = pages;
		this.tokenChecks = tokenChecks;
	}

	@GetMapping
	List<PageView> list() {
		return this.pages.list();
	}

	@GetMapping("/{pageId}")
	PageView get(@PathVariable String pageId) {
		return this.pages.get(pageId(pageId));
	}

	@PostMapping
	ResponseEntity<PageView> create(@RequestBody JsonNode body, Principal user) {
		JsonBody request = JsonBody.of(body, FIELDS);
		String pageId = pageId(request.text("pageId"));
		this.pages.create(pageId, DisplayNames.check(request.text("name"), true),
				token(request.text("accessToken"), true), user.getName());
		return ResponseEntity.created(URI.create("/api/v1/pages/" + pageId)).body(this.tokenChecks.check(pageId));
	}

	@PutMapping("/{pageId}")
	PageView update(@PathVariable String pageId, @RequestBody JsonNode body, Principal user) {
		JsonBody request = JsonBody.of(body, FIELDS);
		if (request.has("pageId") && !pageId.equals(request.text("pageId"))) {
			throw new InvalidRequestException("pageId", "pageId cannot be changed; delete the page and add it again");
		}
		String name = DisplayNames.check(request.text("name"), false);
		String token = token(request.text("accessToken"), false);
		if (name == null && token == null) {
			throw new InvalidRequestException("name", "give a new name, a new accessToken, or both");
		}
		PageView page = this.pages.update(pageId(pageId), name, token, user.getName());
		return (token != null) ? this.tokenChecks.check(pageId) : page;
	}

	/** Check the page's token with Meta now. */
	@PostMapping("/{pageId}/token-check")
	PageView checkToken(@PathVariable String pageId) {
		return this.tokenChecks.check(pageId(pageId));
	}

	@DeleteMapping("/{pageId}")
	ResponseEntity<Void> delete(@PathVariable String pageId, Principal user) {
		this.pages.delete(pageId(pageId), user.getName());
		return ResponseEntity.noContent().build();
	}

	static String pageId(String value) {
		if (!FacebookIds.isPageId(value)) {
			throw new InvalidRequestException("pageId", "pageId must be " + FacebookIds.PAGE_ID_RULE);
		}
		return value;
	}

	static String token(String value, boolean required) {
		if (value == null && !required) {
			return null;
		}
		if (value == null || value.length() > MAX_TOKEN_LENGTH || !TOKEN.matcher(value).matches()) {
			throw new InvalidRequestException("accessToken", "accessToken must be a page access token of 1 to "
					+ MAX_TOKEN_LENGTH + " characters without spaces");
		}
		return value;
	}

}
