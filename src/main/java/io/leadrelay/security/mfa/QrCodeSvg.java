package io.leadrelay.security.mfa;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * Draws a QR code as an inline SVG: one path of unit squares, scaled by the browser, so
 * the page needs no image request and no JavaScript, and the code stays sharp when
 * printed.
 */
final class QrCodeSvg {

	/** Modules of white around the code, as the QR specification asks. */
	private static final int QUIET_ZONE = 4;

	private QrCodeSvg() {
	}

	/**
	 * The SVG of a QR code holding {@code text}.
	 * @param label what a screen reader says instead of the picture
	 */
	static String render(String text, String label) {
		BitMatrix matrix = encode(text);
		int size = matrix.getWidth();
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < matrix.getHeight(); y++) {
			for (int x = 0; x < size; x++) {
				if (matrix.get(x, y)) {
					path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
				}
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
				+ "\" width=\"220\" height=\"220\" role=\"img\" aria-label=\"" + escape(label)
				+ "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
				+ "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
	}

	static BitMatrix encode(String text) {
		try {
			return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE));
		}
		catch (WriterException ex) {
			throw new IllegalArgumentException("Text too long for a QR code (" + text.length() + " characters)", ex);
		}
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
	}

}
