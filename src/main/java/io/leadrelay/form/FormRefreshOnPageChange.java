package io.leadrelay.form;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.leadrelay.page.PageChanged;
import io.leadrelay.page.PageNotFoundException;
import io.leadrelay.page.PageTokenChanged;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Reads a page's forms once the page is saved with a (new) token, on a thread of its own
 * after the commit: the page is saved whatever Meta answers, and the save does not wait
 * for Meta. Forgets the forms of a removed page.
 */
@Component
class FormRefreshOnPageChange {

	private static final Logger log = LoggerFactory.getLogger(FormRefreshOnPageChange.class);

	private final FormRefresh refresh;

	private final ExecutorService worker = Executors.newSingleThreadExecutor((work) -> {
		Thread thread = new Thread(work, "form-refresh");
		thread.setDaemon(true);
		return thread;
	});

	FormRefreshOnPageChange(FormRefresh refresh) {
		this.refresh = refresh;
	}

	@TransactionalEventListener
	void tokenChanged(PageTokenChanged event) {
		this.worker.execute(() -> read(event.pageId()));
	}

	@TransactionalEventListener
	void pageChanged(PageChanged event) {
		if (event instanceof PageChanged.Deleted deleted) {
			this.refresh.forget(deleted.pageId());
		}
	}

	private void read(String pageId) {
		try {
			int read = this.refresh.refresh(pageId);
			log.info("Read {} lead forms of page {} after its token changed", read, pageId);
		}
		catch (FormRefreshException | PageNotFoundException ex) {
			log.warn("Could not read the lead forms of page {}: {}", pageId, ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.warn("Could not read the lead forms of page {}", pageId, ex);
		}
	}

	@PreDestroy
	void stop() {
		this.worker.shutdownNow();
	}

}
