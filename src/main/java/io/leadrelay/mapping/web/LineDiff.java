package io.leadrelay.mapping.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts by their longest common subsequence, for the history page.
 * Lines the texts share at their start and end are matched first; what lies between is
 * compared line by line unless it is too large, when it shows as removed and added.
 */
final class LineDiff {

	/** Past this many line pairs the middle is not compared (a mapping has far fewer). */
	static final long MAX_CELLS = 4_000_000;

	private LineDiff() {
	}

	/**
	 * One line of the diff.
	 *
	 * @param kind {@code ' '} kept, {@code '-'} removed, {@code '+'} added
	 * @param oldNumber its number in the old text (0 for an added line)
	 * @param newNumber its number in the new text (0 for a removed line)
	 */
	public record Line(char kind, int oldNumber, int newNumber, String text) {

		public String css() {
			return switch (this.kind) {
				case '+' -> "diff-added";
				case '-' -> "diff-removed";
				default -> "diff-same";
			};
		}

		public String sign() {
			return String.valueOf(this.kind);
		}

	}

	static List<Line> of(String before, String after) {
		List<String> a = before.lines().toList();
		List<String> b = after.lines().toList();
		int start = 0;
		while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
			start++;
		}
		int endA = a.size();
		int endB = b.size();
		while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
			endA--;
			endB--;
		}
		List<Line> lines = new ArrayList<>();
		for (int i = 0; i < start; i++) {
			lines.add(new Line(' ', i + 1, i + 1, a.get(i)));
		}
		middle(a, b, start, endA, endB, lines);
		for (int i = endA, j = endB; i < a.size(); i++, j++) {
			lines.add(new Line(' ', i + 1, j + 1, a.get(i)));
		}
		return lines;
	}

	private static void middle(List<String> a, List<String> b, int start, int endA, int endB, List<Line> lines) {
		int n = endA - start;
		int m = endB - start;
		if ((long) n * m > MAX_CELLS) {
			for (int i = start; i < endA; i++) {
				lines.add(new Line('-', i + 1, 0, a.get(i)));
			}
			for (int j = start; j < endB; j++) {
				lines.add(new Line('+', 0, j + 1, b.get(j)));
			}
			return;
		}
		int[][] common = new int[n + 1][m + 1];
		for (int i = n - 1; i >= 0; i--) {
			for (int j = m - 1; j >= 0; j--) {
				common[i][j] = a.get(start + i).equals(b.get(start + j)) ? common[i + 1][j + 1] + 1
						: Math.max(common[i + 1][j], common[i][j + 1]);
			}
		}
		int i = 0;
		int j = 0;
		while (i < n || j < m) {
			if (i < n && j < m && a.get(start + i).equals(b.get(start + j))) {
				lines.add(new Line(' ', start + i + 1, start + j + 1, a.get(start + i)));
				i++;
				j++;
			}
			else if (j < m && (i == n || common[i][j + 1] >= common[i + 1][j])) {
				lines.add(new Line('+', 0, start + j + 1, b.get(start + j)));
				j++;
			}
			else {
				lines.add(new Line('-', start + i + 1, 0, a.get(start + i)));
				i++;
			}
		}
	}

}
