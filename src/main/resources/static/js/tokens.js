// The copy button beside a new API token's secret: the clipboard API where the page may use it
// (HTTPS or localhost), selecting the text and copying it otherwise.
document.addEventListener('click', function (event) {
	var button = event.target.closest('[data-copy]');
	if (!button) {
		return;
	}
	var field = document.getElementById(button.getAttribute('data-copy'));
	var copied = function () {
		button.textContent = 'Copied';
	};
	var fallback = function () {
		field.select();
		if (document.execCommand('copy')) {
			copied();
		}
	};
	if (navigator.clipboard && window.isSecureContext) {
		navigator.clipboard.writeText(field.value).then(copied, fallback);
	}
	else {
		fallback();
	}
});
