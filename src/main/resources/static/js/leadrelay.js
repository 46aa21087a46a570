// Sends the CSRF token with every htmx request (forms carry it as a hidden field already).
document.addEventListener('htmx:configRequest', function (event) {
	var token = document.querySelector('meta[name="_csrf"]');
	var header = document.querySelector('meta[name="_csrf_header"]');
	if (token && header) {
		event.detail.headers[header.content] = token.content;
	}
});

// Shows each <time data-relative> (fragments/time.html) as "3 min ago" or "in 2 h", with the
// exact time in the viewer's time zone on hover; refreshed every 30 s and after every htmx swap.
(function () {
	var units = [['year', 31536000], ['month', 2592000], ['day', 86400], ['hour', 3600], ['minute', 60]];
	var relative = (typeof Intl !== 'undefined' && Intl.RelativeTimeFormat)
		? new Intl.RelativeTimeFormat(undefined, { numeric: 'auto', style: 'short' }) : null;

	function describe(date) {
		var seconds = Math.round((date.getTime() - Date.now()) / 1000);
		if (!relative) {
			return date.toLocaleString();
		}
		if (Math.abs(seconds) < 45) {
			return seconds > 5 ? relative.format(seconds, 'second') : 'just now';
		}
		for (var i = 0; i < units.length; i++) {
			if (Math.abs(seconds) >= units[i][1] || units[i][0] === 'minute') {
				return relative.format(Math.round(seconds / units[i][1]), units[i][0]);
			}
		}
	}

	function render(root) {
		var found = Array.prototype.slice.call(root.querySelectorAll('time[data-relative]'));
		if (root.matches && root.matches('time[data-relative]')) {
			found.push(root);
		}
		found.forEach(function (element) {
			var date = new Date(element.getAttribute('datetime'));
			if (isNaN(date.getTime())) {
				return;
			}
			element.textContent = describe(date);
			element.title = date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
		});
	}

	document.addEventListener('DOMContentLoaded', function () { render(document); });
	document.addEventListener('htmx:load', function (event) { render(event.target); });
	setInterval(function () { render(document); }, 30000);
})();
