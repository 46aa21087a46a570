// The setup guide and settings: "Copy" buttons (data-copy = the id of the field to copy) and
// "Show" buttons (data-reveal = the id of a masked field). Bound once, on the document.
(function () {
	if (window.leadRelaySetup) {
		return;
	}
	window.leadRelaySetup = true;

	function say(text) {
		var status = document.getElementById('copy-status');
		if (status) {
			status.textContent = text;
		}
	}

	document.addEventListener('click', function (event) {
		var copy = event.target.closest('[data-copy]');
		if (copy) {
			var field = document.getElementById(copy.getAttribute('data-copy'));
			var tell = function (text) {
				copy.textContent = text;
				say(text);
				setTimeout(function () { copy.textContent = 'Copy'; }, 3000);
			};
			// Without clipboard access: select the text (shown, if it was masked) for Ctrl+C.
			var select = function () {
				field.type = 'text';
				var reveal = document.querySelector('[data-reveal="' + field.id + '"]');
				if (reveal) {
					reveal.textContent = 'Hide';
					reveal.setAttribute('aria-pressed', 'true');
				}
				field.focus();
				field.select();
				var copied = false;
				try {
					copied = document.execCommand('copy');
				} catch (ignored) {
					copied = false;
				}
				tell(copied ? 'Copied' : 'Press Ctrl+C');
			};
			if (navigator.clipboard && window.isSecureContext) {
				navigator.clipboard.writeText(field.value).then(function () { tell('Copied'); }, select);
			} else {
				select();
			}
			return;
		}
		var reveal = event.target.closest('[data-reveal]');
		if (reveal) {
			var masked = document.getElementById(reveal.getAttribute('data-reveal'));
			var shown = masked.type === 'password';
			masked.type = shown ? 'text' : 'password';
			reveal.textContent = shown ? 'Hide' : 'Show';
			reveal.setAttribute('aria-pressed', shown ? 'true' : 'false');
		}
	});
})();
