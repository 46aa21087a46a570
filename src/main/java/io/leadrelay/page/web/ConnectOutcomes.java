package io.leadrelay.page.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.leadrelay.page.connect.PageConnections.Connected;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Says, page by page, what connecting did: the flash shown on the pages page.
 */
@Component
class ConnectOutcomes {

	private final Clock clock;

	ConnectOutcomes(Clock clock) {
		this.clock = clock;
	}

	void flash(List<Connected> connected, RedirectAttributes redirect) {
		List<String> done = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (Connected page : connected) {
			String name = page.page().name();
			PageRow row = PageRow.of(page.page(), this.clock.instant());
			if (page.installRefusal() != null) {
				problems.add(name + ": the token is kept, but LeadRelay could not install its app on the page, so Meta "
						+ "does not send this page's leads yet. Meta said: " + page.installRefusal()
						+ ". Check that you " + "manage the page and allowed every permission, then connect it again.");
			}
			else if (row.needsReconnect()) {
				problems.add(name + ": Meta will send its leads, but the token check says \"" + row.status() + "\""
						+ ((page.page().tokenMessage() != null) ? ": " + page.page().tokenMessage() : "") + ".");
			}
			else {
				done.add(name + (page.reconnected() ? ": connected again with a new token" : ": connected")
						+ "; Meta sends its new leads to LeadRelay. Token: " + row.status() + ".");
			}
		}
		redirect.addFlashAttribute("pageOutcomes", done);
		redirect.addFlashAttribute("pageProblems", problems);
	}

}
