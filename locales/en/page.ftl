### Words of the HTML page itself, filled in by cargo xtask build (not compiled into the app).

noscript = Wegwijs needs JavaScript. Please turn it on in your browser.
