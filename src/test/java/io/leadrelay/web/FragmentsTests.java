package io.leadrelay.web;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class FragmentsTests {

	@Test
	void rendersTheWholePageForABrowser() {
		assertThat(Fragments.view(new MockHttpServletRequest(), "users/list")).isEqualTo("users/list");
	}

	@Test
	void rendersOnlyTheMainPartForHtmx() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("HX-Request", "true");
		assertThat(Fragments.view(request, "users/list")).isEqualTo("users/list :: main");
	}

	@Test
	void rendersTheWholePageForABoostedLink() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("HX-Request", "true");
		request.addHeader("HX-Boosted", "true");
		assertThat(Fragments.view(request, "users/list")).isEqualTo("users/list");
	}

}
