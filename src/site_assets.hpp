#pragma once

namespace hros::detail {

// assets/site.css of an exported site.
const char* site_css();

// assets/search.js: search and facets on the index page, reading the
// window.HROS_INDEX that assets/search-index.js defines.
const char* site_search_js();

} // namespace hros::detail
