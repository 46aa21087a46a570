package io.leadrelay.crypto;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.leadrelay.LeadRelayApplication;
import io.leadrelay.config.InvalidSetupException;
import io.leadrelay.page.Pages;
import io.leadrelay.support.WebhookClient;
import io.leadrelay.support.GraphBatchStandIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A newcomer configures no encryption key: the first start generates one in the key file,
 * pages are saved with it, and their tokens still decrypt after a restart and after keys
 * are configured. A key file that holds no key stops the start in one line naming it.
 */
@ExtendWith(OutputCaptureExtension.class)
class GeneratedKeyIntegrationTests {

	private static final String PASSWORD = "generated-key-admin";

	private static final String CONFIGURED_KEY = "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=";

	@RegisterExtension
	static WireMockExtension graph = GraphBatchStandIn.wireMock();

	@TempDir
	Path directory;

	Path keyFile;

	@BeforeEach
	void validTokens() {
		this.keyFile = this.directory.resolve("data/encryption.key");
		graph.stubFor(get(urlPathEqualTo("/v26.0/debug_token")).willReturn(okJson("""
				{"data":{"type":"PAGE","expires_at":0,"is_valid":true,"scopes":["leads_retrieval"]}}""")));
	}

	@Test
	void savesAPageWithNoKeyConfiguredAndDecryptsItsTokenAfterARestart() throws Exception {
		try (ConfigurableApplicationContext first = start()) {
			assertThat(savePage(first, "100200300400601", "FirstToken").statusCode()).isEqualTo(201);
			assertThat(storedToken(first, "100200300400601")).startsWith("v1:generated:").doesNotContain("FirstToken");
		}
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.keyFile))).isEqualTo("rw-------");
		try (ConfigurableApplicationContext second = start()) {
			assertThat(second.getBean(Pages.class).accessToken("100200300400601")).hasValue("FirstToken");
		}
	}

	@Test
	void encryptsWithConfiguredKeysAndStillDecryptsWhatTheGeneratedKeyStored() throws Exception {
		try (ConfigurableApplicationContext first = start()) {
			savePage(first, "100200300400602", "OldToken");
		}
		try (ConfigurableApplicationContext second = start("--leadrelay.crypto.keys.k1=" + CONFIGURED_KEY)) {
			assertThat(savePage(second, "100200300400603", "NewToken").statusCode()).isEqualTo(201);
			assertThat(storedToken(second, "100200300400603")).startsWith("v1:k1:");
			assertThat(second.getBean(Pages.class).accessToken("100200300400602")).hasValue("OldToken");
		}
	}

	@Test
	void refusesToStartWithACorruptKeyFileInOneLineNamingIt(CapturedOutput output) throws Exception {
		Files.createDirectories(this.keyFile.getParent());
		Files.writeString(this.keyFile, "c2hvcnQ=");
		assertThatException().isThrownBy(() -> start().close()).withRootCauseInstanceOf(InvalidSetupException.class);
		assertThat(output)
			.contains("APPLICATION FAILED TO START",
					"The encryption key file " + this.keyFile
							+ " holds 5 bytes, not a 32-byte (256-bit) key in base64\n")
			.doesNotContain("\tat ");
	}

	private ConfigurableApplicationContext start(String... more) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0",
				"--spring.datasource.url=jdbc:h2:file:" + this.directory.resolve("db") + ";WRITE_DELAY=0",
				"--spring.datasource.username=sa", "--spring.datasource.password=",
				"--leadrelay.crypto.key-file=" + this.keyFile, "--leadrelay.graph.base-url=" + graph.baseUrl(),
				"--leadrelay.security.bootstrap-admin-password=" + PASSWORD, "--leadrelay.pipeline.enabled=false"));
		arguments.addAll(List.of(more));
		return new SpringApplicationBuilder(LeadRelayApplication.class).run(arguments.toArray(String[]::new));
	}

	private static HttpResponse<String> savePage(ConfigurableApplicationContext context, String pageId, String token) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return new WebhookClient(port).call("POST", "/api/v1/pages",
				"{\"pageId\":\"" + pageId + "\",\"name\":\"Acme\",\"accessToken\":\"" + token + "\"}", "admin",
				PASSWORD);
	}

	private static String storedToken(ConfigurableApplicationContext context, String pageId) {
		return context.getBean(JdbcTemplate.class)
			.queryForObject("SELECT token_ciphertext FROM page WHERE page_id = ?", String.class, pageId);
	}

}
