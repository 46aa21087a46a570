package io.leadrelay.mapping.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.leadrelay.destination.CrmField;
import io.leadrelay.destination.CrmFields;
import io.leadrelay.destination.Destinations;
import io.leadrelay.destination.NewDestination;
import io.leadrelay.form.LeadForm;
import io.leadrelay.form.LeadForms;
import io.leadrelay.graph.GraphLead;
import io.leadrelay.mapping.MappingDraft;
import io.leadrelay.mapping.Mappings;
import io.leadrelay.page.Pages;
import io.leadrelay.pipeline.LeadStore;
import io.leadrelay.security.PersonalData;
import io.leadrelay.support.LeadRelayIntegrationTest;
import io.leadrelay.support.TableCleaner;
import io.leadrelay.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

/**
 * The editor's live preview and its save, on the running engine: a sample lead or the
 * latest real ones, problems placed at their row, values hidden from viewers, and a save
 * that refuses what cannot be used while keeping what was typed.
 */
@LeadRelayIntegrationTest
class MappingEditorIntegrationTests {

	static final String PAGE = "100200300400500";

	static final String FORM = "700000000000011";

	@Autowired
	WebApplicationContext web;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Destinations destinations;

	@Autowired
	CrmFields crmFields;

	@Autowired
	Pages pages;

	@Autowired
	LeadForms forms;

	@Autowired
	LeadStore leads;

	@Autowired
	EditorPreviews previews;

	@Autowired
	Mappings mappings;

	MockMvc mvc;

	@BeforeEach
	void aDestinationAPageAndAForm() {
		TableCleaner.deleteAll(this.jdbc);
		this.mvc = MockMvcBuilders.webAppContextSetup(this.web).apply(springSecurity()).build();
		TestUsers.replace(this.jdbc, "editor-marketer", "MARKETER");
		TestUsers.replace(this.jdbc, "editor-viewer", "VIEWER");
		this.destinations.create(new NewDestination("hubspot-main", "HubSpot", "route",
				Map.of("endpointUri", "direct:leads-to-files"), Map.of(), true), "test");
		this.crmFields.replace("hubspot-main", List.of(new CrmField("email", "Email", "string", true, false, List.of()),
				new CrmField("phone", "Phone number", "string", false, false, List.of())), Instant.now());
		this.pages.create(PAGE, "Acme Solar", "EAAG-1", "test");
		this.forms.replaceForPage(PAGE,
				List.of(new LeadForm(FORM, PAGE, "Solar quote", "ACTIVE", "en_US",
						List.of(new LeadForm.Question("email", "Email", "EMAIL"),
								new LeadForm.Question("phone_number", "Phone", "PHONE")),
						Instant.now())),
				Instant.now());
	}

	@Test
	void previewsASampleLeadBuiltFromTheFormsQuestionsWhenNoLeadIsKept() throws Exception {
		String html = post("/mappings/editor/preview", emailRow("upper"), "editor-marketer");
		assertThat(html).contains("made-up sample lead")
			.contains("data-preview-field=\"email\"")
			.contains("ANA.LOPEZ@EXAMPLE.COM")
			.contains("Would be sent");
	}

	@Test
	void previewsTheLatestRealLeadsOfTheFormAndWhyAFieldIsRefused() throws Exception {
		this.leads.save(PAGE,
				new GraphLead("920000000000701", Instant.parse("2026-11-20T10:00:00Z"),
						Map.of("email", List.of(" Real@Example.COM ")), FORM, "Solar quote", null, null, null, null,
						null, "Autumn", "fb", false, Map.of()));
		MultiValueMap<String, String> form = emailRow("lower");
		form.add("fields[1].target", "phone");
		form.add("fields[1].kind", "answer");
		form.add("fields[1].answer", "phone_number");
		form.add("fields[1].required", "true");
		String html = post("/mappings/editor/preview", form, "editor-marketer");
		assertThat(html).contains("latest real leads")
			.contains("Lead of Solar quote, 20 Nov 2026, 10:00 UTC")
			.contains("real@example.com")
			.contains("Would be refused")
			.containsPattern("class=\"preview-error[^\"]*\">phone is required");
	}

	@Test
	void aViewerSeesTheFieldNamesOfRealLeadsWithTheirValuesHidden() {
		this.leads.save(PAGE,
				new GraphLead("920000000000702", Instant.parse("2026-11-20T10:00:00Z"),
						Map.of("email", List.of("real@example.com")), FORM, "Solar quote", null, null, null, null, null,
						"Autumn", "fb", false, Map.of()));
		MappingDraft draft = DraftBinder.bind(emailRow("lower"));
		EditorPreview preview = this.previews.preview(draft, caller("editor-viewer"));
		assertThat(preview.leads()).singleElement()
			.satisfies((lead) -> assertThat(lead.rows())
				.containsExactly(new EditorPreview.Row("email", PersonalData.HIDDEN, null)));
		assertThat(this.previews.preview(draft, caller("editor-marketer")).leads().get(0).rows().get(0).value())
			.isEqualTo("real@example.com");
	}

	@Test
	void aDraftTheParserRefusesShowsTheProblemAtItsRowInsteadOfAPreview() throws Exception {
		MultiValueMap<String, String> form = emailRow("e164");
		String html = post("/mappings/editor/preview", form, "editor-marketer");
		assertThat(html).contains("Not ready to preview")
			.doesNotContain("data-preview-field")
			.containsPattern(
					"id=\"row-problem-0\"[^>]*hx-swap-oob=\"true\"[^>]*>\\s*<div[^>]*>Preview: bad argument for e164");
	}

	@Test
	void aRowWithoutACrmFieldIsNotSavedAndThePageKeepsWhatWasTyped() throws Exception {
		MultiValueMap<String, String> form = emailRow("trim");
		form.set("name", "Solar leads, typed by hand");
		form.add("fields[1].target", "");
		form.add("fields[1].kind", "constant");
		form.add("fields[1].value", "kept value");
		var response = this.mvc.perform(request(MockMvcRequestBuilders.post("/mappings/new"), form, "editor-marketer"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(422);
		String html = response.getContentAsString();
		assertThat(html).contains("Solar leads, typed by hand")
			.contains("kept value")
			.containsPattern("class=\"[^\"]*is-invalid[^\"]*\" id=\"fields-1-target\"")
			.contains("Choose the CRM field this row fills");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM mapping_version", Integer.class)).isZero();
	}

	@Test
	void aMistakeTheParserFindsOnSaveIsShownAtItsTransform() throws Exception {
		MultiValueMap<String, String> form = emailRow("regex_extract");
		form.add("fields[0].transforms[1].argument", "(unclosed");
		var response = this.mvc.perform(request(MockMvcRequestBuilders.post("/mappings/new"), form, "editor-marketer"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentAsString())
			.containsPattern("class=\"[^\"]*is-invalid[^\"]*\" id=\"fields-0-t1-name\"")
			.contains("bad argument for regex_extract")
			.contains("value=\"(unclosed\"");
		assertThat(this.jdbc.queryForObject("SELECT COUNT(*) FROM mapping_version", Integer.class)).isZero();
	}

	@Test
	void aForgedRowNumberAndAConditionToKeepOnANewMappingAreNotAnError() throws Exception {
		MultiValueMap<String, String> form = emailRow("lower");
		form.add("fields[99999999999].target", "phone");
		form.add("when.keep", "true");
		var created = this.mvc.perform(request(MockMvcRequestBuilders.post("/mappings/new"), form, "editor-marketer"))
			.andReturn();
		assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/mappings/solar-to-hubspot/edit");
		assertThat(this.jdbc.queryForObject("SELECT definition FROM mapping_version", String.class))
			.as("no row of the forged number, no condition where none was stored")
			.doesNotContain("phone")
			.doesNotContain("when");
		var preview = this.mvc
			.perform(request(MockMvcRequestBuilders.post("/mappings/editor/preview"), form, "editor-marketer"))
			.andReturn()
			.getResponse();
		assertThat(preview.getStatus()).isEqualTo(200);
	}

	@Test
	void savesANewVersionAndAViewerSeesItsPreviewWithValuesHidden() throws Exception {
		this.leads.save(PAGE,
				new GraphLead("920000000000703", Instant.parse("2026-11-20T10:00:00Z"),
						Map.of("email", List.of("real@example.com")), FORM, "Solar quote", null, null, null, null, null,
						"Autumn", "fb", false, Map.of()));
		MultiValueMap<String, String> form = emailRow("lower");
		var created = this.mvc.perform(request(MockMvcRequestBuilders.post("/mappings/new"), form, "editor-marketer"))
			.andReturn();
		assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/mappings/solar-to-hubspot/edit");
		assertThat(created.getFlashMap().get("flash")).isEqualTo("Saved as version 1.");
		form.set("name", "Solar, renamed");
		var updated = this.mvc
			.perform(request(MockMvcRequestBuilders.post("/mappings/solar-to-hubspot/edit"), form, "editor-marketer"))
			.andReturn();
		assertThat(updated.getFlashMap().get("flash")).isEqualTo("Saved as version 2.");
		String page = this.mvc
			.perform(MockMvcRequestBuilders.get("/mappings/solar-to-hubspot/edit")
				.with(authentication(caller("editor-viewer"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Solar, renamed")
			.contains("data-preview-field=\"email\"")
			.contains(PersonalData.HIDDEN)
			.doesNotContain("real@example.com")
			.contains("<fieldset disabled");
	}

	@Test
	void formsChosenWithoutTheirPageAreShownAndKept() throws Exception {
		this.mappings.create("""
				id: forms-only
				destination: hubspot-main
				match:
				  forms: ["%s", "799000000000001"]
				fields:
				  email: {answer: email}
				""".formatted(FORM), "test");
		String page = this.mvc
			.perform(MockMvcRequestBuilders.get("/mappings/forms-only/edit")
				.with(authentication(caller("editor-marketer"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).containsPattern("value=\"" + FORM + "\"\\s+id=\"form-" + FORM + "\"[^>]*checked")
			.contains("<input type=\"hidden\" name=\"forms\" value=\"799000000000001\">");
	}

	@Test
	void aConsentDetailOfAFieldIsShownChosenAndKept() throws Exception {
		this.mappings.create("""
				id: consent-field
				destination: hubspot-main
				fields:
				  email: {answer: email}
				  optin: {meta: consent.marketing_optin}
				""", "test");
		String page = this.mvc
			.perform(MockMvcRequestBuilders.get("/mappings/consent-field/edit")
				.with(authentication(caller("editor-marketer"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(
				"<option value=\"consent.marketing_optin\" selected>Consent &#39;marketing_optin&#39; (true or false)</option>");
	}

	@Test
	void withoutKeptCrmFieldsTheFieldIsTypedAndTheDestinationPageIsNamed() throws Exception {
		this.crmFields.forget("hubspot-main");
		String page = this.mvc
			.perform(MockMvcRequestBuilders.get("/mappings/new?destination=hubspot-main")
				.with(authentication(caller("editor-marketer"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("has not read this destination")
			.contains("href=\"/destinations/hubspot-main\"")
			.containsPattern("<input type=\"text\" class=\"form-control crm-field\" id=\"fields-0-target\"");
	}

	@Test
	void aViewerMayNotPostTheEditor() throws Exception {
		int status = this.mvc
			.perform(
					request(MockMvcRequestBuilders.post("/mappings/editor/preview"), emailRow("trim"), "editor-viewer"))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).isEqualTo(403);
	}

	static MultiValueMap<String, String> emailRow(String transform) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("mode", "new");
		form.add("id", "solar-to-hubspot");
		form.add("name", "Solar to HubSpot");
		form.add("destination", "hubspot-main");
		form.add("enabled", "true");
		form.add("pages", PAGE);
		form.add("forms", FORM);
		form.add("fields[0].target", "email");
		form.add("fields[0].kind", "answer");
		form.add("fields[0].answer", "email");
		form.add("fields[0].required", "true");
		form.add("fields[0].transforms[0].name", "trim");
		form.add("fields[0].transforms[1].name", transform);
		return form;
	}

	private String post(String path, MultiValueMap<String, String> form, String user) throws Exception {
		var response = this.mvc.perform(request(MockMvcRequestBuilders.post(path), form, user))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		return response.getContentAsString();
	}

	private MockHttpServletRequestBuilder request(MockHttpServletRequestBuilder request,
			MultiValueMap<String, String> form, String user) {
		return request.params(form).header("HX-Request", "true").with(csrf()).with(authentication(caller(user)));
	}

	private Authentication caller(String username) {
		UserDetails user = this.users.loadUserByUsername(username);
		return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
	}

}
