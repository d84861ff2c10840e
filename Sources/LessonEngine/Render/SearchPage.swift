/// The search page: the site's script fills it from the query in its address (`?q=…`),
/// searching the index the build wrote (`search-index.js`), with no network.
enum SearchPage {
    static func body(text: PageText = .english) -> String {
        """
        <h1 id="top">\(text("Search"))</h1>
        <p id="search-summary" aria-live="polite">\(text("Type in the search box above."))</p>
        <ol class="search-page-results" id="search-page-results"></ol>
        <noscript><p>\(text("Search needs JavaScript; the <a href=\"index.html\">contents</a> list every section."))</p></noscript>

        """
    }
}
