### Words of the HTML page itself, filled in by cargo xtask build (not compiled into the app).

noscript = Wegwijs werkt alleen met JavaScript. Zet JavaScript aan in je browser.
