package io.leadrelay.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of {@code /api/v1} at {@code /api-docs}, and its browsable UI
 * at {@code /api-docs/ui}, both for signed-in users. springdoc generates the paths from
 * the controllers ({@code springdoc.*} in application.yml); this adds what it cannot see:
 * what the API is and how a caller signs in (HTTP Basic as a user, or an API token).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String BASIC = "basic";

	static final String TOKEN = "token";

	@Bean
	OpenAPI leadRelayOpenApi() {
		return new OpenAPI()
			.info(new Info().title("LeadRelay API")
				.version("v1")
				.description("Leads, deliveries, mappings, destinations and pages of a LeadRelay engine. "
						+ "Errors are RFC 7807 problem JSON. Sign in with HTTP Basic as a LeadRelay user, "
						+ "or send an API token (created on your account page) as a bearer token. "
						+ "Viewers see a lead's personal data as \"hidden for your role\"."))
			.components(new Components()
				.addSecuritySchemes(BASIC,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("basic")
							.description("A LeadRelay user's name and password (leadrelay.security.api-basic-auth)"))
				.addSecuritySchemes(TOKEN,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("An API token, lr_...")))
			.addSecurityItem(new SecurityRequirement().addList(BASIC))
			.addSecurityItem(new SecurityRequirement().addList(TOKEN));
	}

}
