#pragma once

#include <cmark.h>

namespace hros::detail {

// A cmark allocator that hands out memory from a per-thread arena. cmark
// allocates a node or buffer for nearly every construct and frees them one by
// one; for a bank of thousands of cases that malloc/free traffic cost more
// than parsing. With the arena, freeing is a no-op and the whole document's
// memory is released at once by `reset_cmark_arena`.
cmark_mem* cmark_arena();

// Releases everything allocated by this thread through cmark_arena(). Every
// node from it must be out of use.
void reset_cmark_arena();

} // namespace hros::detail
