package io.leadrelay.form;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.leadrelay.graph.GraphClient;
import io.leadrelay.graph.GraphForm;
import io.leadrelay.graph.GraphResult;
import io.leadrelay.page.PageView;
import io.leadrelay.page.Pages;

import org.springframework.stereotype.Service;

/**
 * Reads a page's lead forms from Meta and keeps them ({@link LeadForms}), so that pages
 * and the mapping editor show them without asking Meta each time. A read that fails keeps
 * the old list.
 */
@Service
public class FormRefresh {

	private final Pages pages;

	private final GraphClient graph;

	private final LeadForms forms;

	private final Clock clock;

	/**
	 * When pages that have no form were last read: the table only keeps forms, and a page
	 * without any must not be read again on every view.
	 */
	private final Map<String, Instant> readWithoutForms = new ConcurrentHashMap<>();

	FormRefresh(Pages pages, GraphClient graph, LeadForms forms, Clock clock) {
		this.pages = pages;
		this.graph = graph;
		this.forms = forms;
		this.clock = clock;
	}

	/**
	 * Reads the page's forms from Meta and replaces the kept ones.
	 * @return how many forms Meta listed
	 * @throws io.leadrelay.page.PageNotFoundException for an unknown page
	 * @throws FormRefreshException when Meta did not list them (the old list stays)
	 */
	public int refresh(String pageId) {
		PageView page = this.pages.get(pageId);
		String token = this.pages.accessToken(pageId)
			.orElseThrow(() -> new FormRefreshException("The page " + page.name() + " has no access token"));
		GraphResult<List<GraphForm>> answer = this.graph.leadForms(pageId, token);
		if (!(answer instanceof GraphResult.Success<List<GraphForm>> success)) {
			throw new FormRefreshException("Meta did not list the forms of " + page.name() + ": " + why(answer));
		}
		Instant now = this.clock.instant();
		List<LeadForm> read = success.value()
			.stream()
			.map((form) -> new LeadForm(form.formId(), pageId, form.name(), form.status(), form.locale(),
					form.questions()
						.stream()
						.map((question) -> new LeadForm.Question(question.key(), question.label(), question.type()))
						.toList(),
					now))
			.toList();
		this.forms.replaceForPage(pageId, read, now);
		if (read.isEmpty()) {
			this.readWithoutForms.put(pageId, now);
		}
		else {
			this.readWithoutForms.remove(pageId);
		}
		return read.size();
	}

	/**
	 * The page's kept forms; a page never read is read now. A failed read leaves the kept
	 * forms and says why.
	 */
	public PageForms view(String pageId) {
		PageView page = this.pages.get(pageId);
		String problem = null;
		List<LeadForm> kept = this.forms.forPage(pageId);
		if (readAt(pageId, kept) == null) {
			try {
				refresh(pageId);
				kept = this.forms.forPage(pageId);
			}
			catch (FormRefreshException ex) {
				problem = ex.getMessage();
			}
		}
		return new PageForms(pageId, page.name(), kept, readAt(pageId, kept), problem);
	}

	/** When the page's forms were last read from Meta, if ever (since the start). */
	public Instant readAt(String pageId) {
		return readAt(pageId, this.forms.forPage(pageId));
	}

	private Instant readAt(String pageId, List<LeadForm> kept) {
		return kept.stream()
			.map(LeadForm::fetchedAt)
			.max(Comparator.naturalOrder())
			.orElse(this.readWithoutForms.get(pageId));
	}

	/** Forgets the page's forms (it was disconnected). */
	void forget(String pageId) {
		this.forms.deleteForPage(pageId);
		this.readWithoutForms.remove(pageId);
	}

	private static String why(GraphResult<?> failure) {
		if (failure instanceof GraphResult.TokenInvalid<?> invalid) {
			return invalid.message() + ". Give the page a new access token (Pages, Reconnect).";
		}
		if (failure instanceof GraphResult.RateLimited<?> limited) {
			return limited.message() + ". Meta asks to wait; try again in "
					+ Math.max(1, limited.retryAfter().toMinutes()) + " min.";
		}
		if (failure instanceof GraphResult.Transient<?> passing) {
			return passing.message() + ". Try again in a moment.";
		}
		return ((GraphResult.Failed<?>) failure).message();
	}

}
