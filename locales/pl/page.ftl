### Words of the HTML page itself, filled in by cargo xtask build (not compiled into the app).

noscript = Wegwijs działa tylko z JavaScriptem. Włącz JavaScript w przeglądarce.
