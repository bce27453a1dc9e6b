// Only here so the page runs a module; the page's HTML is what changes.
document.body.dataset.ready = 'yes';
