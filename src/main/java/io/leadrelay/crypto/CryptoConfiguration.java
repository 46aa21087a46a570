package io.leadrelay.crypto;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

	@Bean
	SecretCipher secretCipher(CryptoProperties properties) {
		return new SecretCipher(EncryptionKeys.resolve(properties));
	}

}
