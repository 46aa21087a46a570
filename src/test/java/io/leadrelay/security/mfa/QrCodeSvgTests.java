package io.leadrelay.security.mfa;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QrCodeSvgTests {

	private static final Pattern SIZE = Pattern.compile("viewBox=\"0 0 (\\d+) \\d+\"");

	private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");

	@Test
	void drawsAQrCodeThatReadsBackAsTheText() throws Exception {
		String uri = OtpAuthUri.of("ada@example.com", "JBSWY3DPEHPK3PXP");
		String svg = QrCodeSvg.render(uri, "QR code");
		assertThat(new Decoder().decode(modulesOf(svg)).getText()).isEqualTo(uri);
	}

	@Test
	void labelsThePictureForScreenReadersAndEscapesTheLabel() {
		String svg = QrCodeSvg.render("otpauth://totp/x", "Scan \"me\" <now>");
		assertThat(svg).startsWith("<svg ")
			.contains("role=\"img\"")
			.contains("aria-label=\"Scan &quot;me&quot; &lt;now>\"");
	}

	/** The dark modules of the SVG, without the quiet zone, as the decoder wants them. */
	private static BitMatrix modulesOf(String svg) {
		Matcher size = SIZE.matcher(svg);
		assertThat(size.find()).isTrue();
		int quietZone = 4;
		int width = Integer.parseInt(size.group(1)) - 2 * quietZone;
		BitMatrix matrix = new BitMatrix(width);
		Matcher module = MODULE.matcher(svg);
		while (module.find()) {
			matrix.set(Integer.parseInt(module.group(1)) - quietZone, Integer.parseInt(module.group(2)) - quietZone);
		}
		return matrix;
	}

}
