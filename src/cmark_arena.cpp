#include "cmark_arena.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

namespace hros::detail {
namespace {

constexpr std::size_t k_alignment = 16;
constexpr std::size_t k_chunk = 1 << 20;

// Each block is preceded by its size, so realloc knows what to copy.
struct alignas(k_alignment) Header {
  std::size_t size;
  std::size_t capacity; // bytes usable after the header
};

class Arena {
public:
  void* allocate(std::size_t size, std::size_t capacity = 0) {
    capacity = round_up(capacity > size ? capacity : size);
    std::size_t needed = sizeof(Header) + capacity;
    if (m_chunks.empty() || m_used + needed > m_capacity) {
      grow(needed);
    }
    char* at = m_chunks.back().get() + m_used;
    m_used += needed;
    auto* header = reinterpret_cast<Header*>(at);
    header->size = size;
    header->capacity = capacity;
    m_last = at + sizeof(Header);
    return m_last;
  }

  void* reallocate(void* pointer, std::size_t size) {
    if (pointer == nullptr) {
      return allocate(size);
    }
    auto* header = reinterpret_cast<Header*>(static_cast<char*>(pointer) - sizeof(Header));
    if (size <= header->capacity) {
      header->size = size;
      return pointer;
    }
    // The most recent block can grow in place: the common case for buffers.
    if (pointer == m_last) {
      std::size_t grown = round_up(size);
      if (m_used - header->capacity + grown <= m_capacity) {
        m_used = m_used - header->capacity + grown;
        header->size = size;
        header->capacity = grown;
        return pointer;
      }
    }
    // Otherwise move it, with room to grow again without another copy.
    void* fresh = allocate(size, 2 * header->capacity);
    std::memcpy(fresh, pointer, header->size < size ? header->size : size);
    return fresh;
  }

  void reset() {
    if (m_chunks.size() > 1 || m_capacity > k_chunk) {
      m_chunks.clear(); // keep one ordinary chunk for the next document
      m_capacity = 0;
    }
    m_used = 0;
    m_last = nullptr;
  }

private:
  static std::size_t round_up(std::size_t size) {
    return (size + k_alignment - 1) & ~(k_alignment - 1);
  }

  void grow(std::size_t needed) {
    std::size_t capacity = needed > k_chunk ? needed : k_chunk;
    if (!m_chunks.empty() && m_used == 0 && m_capacity >= needed) {
      return;
    }
    // cmark is C: an exception cannot pass through it, and it does not check
    // for null. Running out of memory inside it ends hros with exit 2 and a
    // message, rather than an abort.
    char* memory = static_cast<char*>(std::malloc(capacity));
    if (memory == nullptr) {
      std::fputs("hros: error: out of memory while parsing Markdown\n", stderr);
      std::_Exit(2);
    }
    try {
      m_chunks.emplace_back(memory);
    } catch (...) {
      std::free(memory);
      std::fputs("hros: error: out of memory while parsing Markdown\n", stderr);
      std::_Exit(2);
    }
    m_capacity = capacity;
    m_used = 0;
  }

  struct FreeDeleter {
    void operator()(char* memory) const { std::free(memory); }
  };
  std::vector<std::unique_ptr<char, FreeDeleter>> m_chunks;
  std::size_t m_capacity = 0;
  std::size_t m_used = 0;
  void* m_last = nullptr;
};

thread_local Arena t_arena;

void* arena_calloc(std::size_t count, std::size_t size) {
  if (size != 0 && count > static_cast<std::size_t>(-1) / size) {
    std::abort(); // as cmark's own allocator does on failure
  }
  void* memory = t_arena.allocate(count * size);
  std::memset(memory, 0, count * size);
  return memory;
}

void* arena_realloc(void* pointer, std::size_t size) {
  return t_arena.reallocate(pointer, size);
}

void arena_free(void*) {}

cmark_mem k_arena_mem = {arena_calloc, arena_realloc, arena_free};

} // namespace

cmark_mem* cmark_arena() {
  return &k_arena_mem;
}

void reset_cmark_arena() {
  t_arena.reset();
}

} // namespace hros::detail
