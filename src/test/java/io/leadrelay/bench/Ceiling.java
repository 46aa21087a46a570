package io.leadrelay.bench;

import java.util.Locale;

/**
 * The plain Spring Boot app's figures, measured in the same run: what every LeadRelay
 * figure is compared with. A figure not measured is NaN.
 */
final class Ceiling {

	double startedIn = Double.NaN;

	double toFirstOk = Double.NaN;

	double perSecond = Double.NaN;

	double p99 = Double.NaN;

	/** LeadRelay's {@code value} as a share of the ceiling's, such as "28% of plain". */
	static String share(double value, double ceiling) {
		return Double.isNaN(ceiling) ? "" : String.format(Locale.ROOT, "%.0f%% of plain", 100 * value / ceiling);
	}

	/** LeadRelay's {@code value} as a multiple of the ceiling's, such as "3.3×". */
	static String times(double value, double ceiling) {
		return Double.isNaN(ceiling) ? "" : String.format(Locale.ROOT, "%.1f×", value / ceiling);
	}

}
