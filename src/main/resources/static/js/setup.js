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
			var done = function () {
				copy.textContent = 'Copied';
				say('Copied to the clipboard');
				setTimeout(function () { copy.textContent = 'Copy'; }, 2000);
			};
			if (navigator.clipboard && window.isSecureContext) {
				navigator.clipboard.writeText(field.value).then(done, function () { say('Select the text and copy it'); });
			} else {
				var type = field.type;
				field.type = 'text';
				field.select();
				var copied = document.execCommand && document.execCommand('copy');
				field.type = type;
				if (copied) {
					done();
				} else {
					say('Select the text and copy it');
				}
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
