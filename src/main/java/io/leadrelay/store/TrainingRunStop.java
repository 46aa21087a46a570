package io.leadrelay.store;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Stops the embedded PostgreSQL at the end of a CDS training run
 * ({@code -Dspring.context.exit=onRefresh}, see the README): once every bean is created,
 * Spring halts the JVM there without closing the context, so the server, a process of its
 * own, would otherwise outlive the engine and keep the data folder.
 */
final class TrainingRunStop implements SmartInitializingSingleton {

	/** Spring Framework's property, read as its lifecycle processor reads it. */
	static final String EXIT_PROPERTY = "spring.context.exit";

	static final String ON_REFRESH = "onRefresh";

	private static final Logger log = LoggerFactory.getLogger(TrainingRunStop.class);

	private final boolean exitOnRefresh;

	private final List<AutoCloseable> inOrder;

	/**
	 * @param exitProperty the value of {@value #EXIT_PROPERTY}
	 * @param inOrder what to close, in order: the pool, then the store
	 */
	TrainingRunStop(String exitProperty, AutoCloseable... inOrder) {
		this.exitOnRefresh = ON_REFRESH.equalsIgnoreCase(exitProperty);
		this.inOrder = List.of(inOrder);
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.exitOnRefresh) {
			log.info("Stopping the embedded PostgreSQL: {}={} ends this run once the engine is built", EXIT_PROPERTY,
					ON_REFRESH);
			for (AutoCloseable closeable : this.inOrder) {
				try {
					closeable.close();
				}
				catch (Exception ex) {
					throw new IllegalStateException("Could not stop " + closeable, ex);
				}
			}
		}
	}

}
