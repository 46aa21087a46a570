package io.leadrelay.crypto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(CryptoConfiguration.class);

	@Bean
	SecretCipher secretCipher(CryptoProperties properties) {
		SecretCipher cipher = new SecretCipher(properties);
		if (!cipher.isConfigured()) {
			log.warn("leadrelay.crypto.keys is empty: pages and destinations cannot be saved until a key is set");
		}
		return cipher;
	}

}
