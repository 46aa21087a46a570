package io.leadrelay.alert;

import java.util.List;

/**
 * One kind of trouble the alerts look for. Every check bean is asked, once per cluster at
 * each alert round, which of its conditions hold now; a condition that appears opens an
 * incident (and alerts), one that stays keeps it open (with reminders), one that is gone
 * resolves it.
 */
public interface AlertCheck {

	/**
	 * The conditions that hold now.
	 * @return each condition once; an empty list when all is well
	 */
	List<AlertCondition> check();

}
