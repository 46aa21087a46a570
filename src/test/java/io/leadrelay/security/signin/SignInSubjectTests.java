package io.leadrelay.security.signin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInSubjectTests {

	@Test
	void keepsAnIpv4AddressAsItIs() {
		assertThat(SignInSubject.address("192.0.2.1").value()).isEqualTo("192.0.2.1");
	}

	@Test
	void countsAnIpv6AddressAsItsSlash64() {
		assertThat(SignInSubject.address("2001:db8:1:2:a:b:c:d").value()).isEqualTo("2001:db8:1:2::/64");
		assertThat(SignInSubject.address("2001:0DB8:0001:0002::1").value()).isEqualTo("2001:db8:1:2::/64");
		assertThat(SignInSubject.address("[2001:db8::1]").value()).isEqualTo("2001:db8:0:0::/64");
		assertThat(SignInSubject.address("::1").value()).isEqualTo("0:0:0:0::/64");
		assertThat(SignInSubject.address("fe80::1%eth0").value()).isEqualTo("fe80:0:0:0::/64");
	}

	@Test
	void readsAnIpv4AddressMappedIntoIpv6AsIpv4() {
		assertThat(SignInSubject.address("::ffff:192.0.2.1").value()).isEqualTo("192.0.2.1");
	}

	@Test
	void keepsTextThatIsNoAddressAsItIs() {
		assertThat(SignInSubject.address("not:an:add:ress").value()).isEqualTo("not:an:add:ress");
		assertThat(SignInSubject.address(null).value()).isEqualTo("unknown");
	}

}
