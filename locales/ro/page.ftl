### Words of the HTML page itself, filled in by cargo xtask build (not compiled into the app).

noscript = Wegwijs funcționează doar cu JavaScript. Activează JavaScript în browser.
