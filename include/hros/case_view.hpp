#pragma once

#include <vector>

#include "hros/case_document.hpp"
#include "hros/markdown_render.hpp"
#include "hros/styled_text.hpp"

namespace hros {

// A case laid out for a terminal: the title, a block of its facts
// (organisation, industry, size, regions, topics, authors, dates, status...),
// the summary, the metrics with their change, then the body.
std::vector<Line> render_case(const CaseDocument& document, const RenderOptions& options);

} // namespace hros
