package io.leadrelay.support;

import java.util.List;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * Everything the engine logs while a test runs, as text: each event's logger, formatted
 * message and exceptions (messages, causes and stack frames), as a log file would hold
 * them. Attached to the root logger.
 */
public final class CapturedLogs implements AutoCloseable {

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	private CapturedLogs() {
		this.appender.start();
		this.root.addAppender(this.appender);
	}

	public static CapturedLogs start() {
		return new CapturedLogs();
	}

	/** The whole log so far. */
	public String text() {
		List<ILoggingEvent> events = List.copyOf(this.appender.list);
		return events.stream().map(CapturedLogs::line).collect(Collectors.joining("\n"));
	}

	public int size() {
		return this.appender.list.size();
	}

	private static String line(ILoggingEvent event) {
		StringBuilder line = new StringBuilder().append(event.getLevel())
			.append(' ')
			.append(event.getLoggerName())
			.append(" - ")
			.append(event.getFormattedMessage());
		for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
			line.append("\n  ").append(thrown.getClassName()).append(": ").append(thrown.getMessage());
			for (StackTraceElementProxy frame : thrown.getStackTraceElementProxyArray()) {
				line.append("\n    ").append(frame.getSTEAsString());
			}
		}
		return line.toString();
	}

	@Override
	public void close() {
		this.root.detachAppender(this.appender);
		this.appender.stop();
	}

}
