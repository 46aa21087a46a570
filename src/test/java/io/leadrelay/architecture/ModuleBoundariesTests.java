package io.leadrelay.architecture;

import io.leadrelay.LeadRelayApplication;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Each top-level package is a module: other modules may use only its top-level types (and
 * the sub-packages it names as interfaces), and no two modules may depend on each other
 * in a cycle.
 */
class ModuleBoundariesTests {

	private static final ApplicationModules MODULES = ApplicationModules.of(LeadRelayApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublishedTypesAndFormNoCycle() {
		MODULES.verify();
	}

	@Test
	void writesTheModuleDocumentation() {
		new Documenter(MODULES).writeDocumentation();
	}

}
