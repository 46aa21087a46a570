package io.leadrelay;

import java.time.Clock;

import io.leadrelay.delivery.NetworkGuard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * LeadRelay: captures Meta Lead Ads leads from webhooks and relays them into CRMs.
 */
@SpringBootApplication
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
