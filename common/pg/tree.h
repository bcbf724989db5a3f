#pragma once
#include <cstddef>
#include <memory>
#include <vector>

#include "pg/node.h"

namespace pgguard::pg {

// Holds parse trees: libpg_query's JSON read into 16-byte values in one growing arena, so that
// the trees of one file, however many statements it has, live and die together.
class Tree {
 public:
  Tree() = default;
  Tree(const Tree&) = delete;
  Tree& operator=(const Tree&) = delete;

  // The JSON `json` as a tree held here; an invalid Node when it is not JSON. The text is read in
  // place (its strings unescaped where they are), which leaves it unreadable as JSON.
  Node parse(char* json);

  // Takes over `other`'s values, so that trees built in another arena live as long as this one.
  void adopt(Tree&& other);

  // Room for `count` values or `bytes` of text, valid as long as the tree.
  TreeValue* values(size_t count);
  char* text(size_t bytes);

 private:
  std::vector<std::unique_ptr<char[]>> chunks_;
  char* next_ = nullptr;
  size_t left_ = 0;
  size_t chunk_bytes_ = 4096;  // a small file's trees fit in a page or two; doubles up to 1 MB
  std::vector<TreeValue> stack_;  // scratch of parse(), kept for the next call
  std::vector<size_t> open_;

  void* allocate(size_t bytes, size_t align);
};

}  // namespace pgguard::pg
