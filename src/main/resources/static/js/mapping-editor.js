// The mapping editor: suggests an id from the name until the id is typed by hand.
(function () {
	function slug(text) {
		return text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')
			.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64);
	}

	document.addEventListener('input', function (event) {
		var id = document.getElementById('mapping-id');
		if (!id) {
			return;
		}
		if (event.target === id) {
			id.dataset.touched = id.value ? 'true' : '';
		}
		else if (event.target.id === 'mapping-name' && !id.dataset.touched) {
			id.value = slug(event.target.value);
		}
	});
})();
