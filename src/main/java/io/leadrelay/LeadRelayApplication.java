package io.leadrelay;

import java.time.Clock;

import io.leadrelay.delivery.NetworkGuard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * LeadRelay: captures Meta Lead Ads leads from webhooks and relays them into CRMs.
 * <p>
 * Auto-configurations the engine has no use for are left out, as parsing them and their
 * conditions is start-up time: Camel's vaults and cloud service calls (none of their
 * libraries is here), Camel's info contributor (the info endpoint is not exposed), the
 * property binding of Camel components and languages no packaged route uses (an ops route
 * still finds each of them by its scheme: only {@code camel.component.<name>.*} settings
 * for these would be ignored), WebSocket, Spring's task scheduler and RestTemplate
 * (nothing schedules with Spring or uses a RestTemplate).
 */
@SpringBootApplication(excludeName = {
		"org.apache.camel.component.beanclass.springboot.ClassComponentAutoConfiguration",
		"org.apache.camel.component.browse.springboot.BrowseComponentAutoConfiguration",
		"org.apache.camel.component.controlbus.springboot.ControlBusComponentAutoConfiguration",
		"org.apache.camel.component.dataformat.springboot.DataFormatComponentAutoConfiguration",
		"org.apache.camel.component.dataset.springboot.DataSetComponentAutoConfiguration",
		"org.apache.camel.component.dataset.springboot.DataSetTestComponentAutoConfiguration",
		"org.apache.camel.component.language.springboot.LanguageComponentAutoConfiguration",
		"org.apache.camel.component.mock.springboot.MockComponentAutoConfiguration",
		"org.apache.camel.component.ref.springboot.RefComponentAutoConfiguration",
		"org.apache.camel.component.saga.springboot.SagaComponentAutoConfiguration",
		"org.apache.camel.component.stub.springboot.StubComponentAutoConfiguration",
		"org.apache.camel.component.validator.springboot.ValidatorComponentAutoConfiguration",
		"org.apache.camel.component.xslt.springboot.XsltComponentAutoConfiguration",
		"org.apache.camel.language.csimple.springboot.CSimpleLanguageAutoConfiguration",
		"org.apache.camel.language.ref.springboot.RefLanguageAutoConfiguration",
		"org.apache.camel.language.tokenizer.springboot.TokenizeLanguageAutoConfiguration",
		"org.apache.camel.language.xpath.springboot.XPathLanguageAutoConfiguration",
		"org.apache.camel.spring.boot.actuate.info.CamelInfoAutoConfiguration",
		"org.apache.camel.spring.boot.cloud.CamelCloudAutoConfiguration",
		"org.apache.camel.spring.boot.cloud.CamelCloudServiceCallConfigurationAutoConfiguration",
		"org.apache.camel.spring.boot.cloud.CamelCloudServiceChooserAutoConfiguration",
		"org.apache.camel.spring.boot.cloud.CamelCloudServiceDiscoveryAutoConfiguration",
		"org.apache.camel.spring.boot.cloud.CamelCloudServiceFilterAutoConfiguration",
		"org.apache.camel.spring.boot.vault.AwsVaultAutoConfiguration",
		"org.apache.camel.spring.boot.vault.AzureVaultAutoConfiguration",
		"org.apache.camel.spring.boot.vault.CyberArkVaultAutoConfiguration",
		"org.apache.camel.spring.boot.vault.GcpVaultAutoConfiguration",
		"org.apache.camel.spring.boot.vault.HashicorpVaultAutoConfiguration",
		"org.apache.camel.spring.boot.vault.IBMVaultAutoConfiguration",
		"org.apache.camel.spring.boot.vault.KubernetesConfigMapVaultAutoConfiguration",
		"org.apache.camel.spring.boot.vault.KubernetesVaultAutoConfiguration",
		"org.springframework.boot.actuate.autoconfigure.scheduling.ScheduledTasksObservabilityAutoConfiguration",
		"org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration",
		"org.springframework.boot.autoconfigure.web.client.RestTemplateAutoConfiguration",
		"org.springframework.boot.autoconfigure.websocket.servlet.WebSocketServletAutoConfiguration" })
@ConfigurationPropertiesScan
public class LeadRelayApplication {

	public static void main(String[] args) {
		// Before anything looks a name up: the JVM reads its DNS cache setting once.
		NetworkGuard.keepDnsAnswers();
		SpringApplication.run(LeadRelayApplication.class, args);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
