// cdkpp: asset fingerprints.
// SPDX-License-Identifier: Apache-2.0
#include "fingerprint.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>

#include <fmt/format.h>

#include "cdk/errors.hpp"
#include "hashing.hpp"

namespace cdk::detail {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t kChunkSize = 8 * 1024;
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// The length of the well-formed UTF-8 sequence at text[at], or 0 when it is ill-formed; sets
// `maximal` to the length of the ill-formed prefix that decoders replace with one U+FFFD.
std::size_t utf8_sequence(std::string_view text, std::size_t at, std::size_t& maximal) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  maximal = 1;
  if (lead < 0x80) return 1;

  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }

  for (std::size_t i = 1; i < length; ++i) {
    if (at + i >= text.size()) return 0;
    const unsigned char next = byte(at + i);
    const unsigned char min = i == 1 ? low : 0x80;
    const unsigned char max = i == 1 ? high : 0xBF;
    if (next < min || next > max) return 0;
    maximal = i + 1;
  }
  return length;
}

// The text as a UTF-8 decoder that replaces ill-formed sequences would give it back: Node
// decodes each piece of a text file before hashing it, so invalid bytes hash as U+FFFD.
std::string decode_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t at = 0; at < text.size();) {
    std::size_t maximal = 1;
    const std::size_t length = utf8_sequence(text, at, maximal);
    if (length == 0) {
      out += kReplacement;
      at += maximal;
    } else {
      out.append(text.substr(at, length));
      at += length;
    }
  }
  return out;
}

void replace_crlf(std::string& text) {
  std::size_t write = 0;
  for (std::size_t read = 0; read < text.size(); ++read) {
    if (text[read] == '\r' && read + 1 < text.size() && text[read + 1] == '\n') continue;
    text[write++] = text[read];
  }
  text.resize(write);
}

[[noreturn]] void fail_to_read(const fs::path& file) {
  throw Error(fmt::format("cannot read asset file '{}': {}", file.string(), std::strerror(errno)));
}

void hash_field(Sha256& hash, std::string_view header, std::string_view value) {
  hash.update("\x01").update(header).update("\x02").update(value).update("\x03");
}

bool is_inside(const fs::path& root, const fs::path& target) {
  const std::string r = root.string();
  const std::string t = target.string();
  return t == r || (t.size() > r.size() && t.compare(0, r.size(), r) == 0 && t[r.size()] == '/');
}

fs::path canonical_or_self(const fs::path& path) {
  std::error_code error;
  fs::path canonical = fs::canonical(path, error);
  return error ? path : canonical;
}

// Normalized with no trailing separator, as Node's path.resolve gives a path.
fs::path normal_path(const fs::path& path) {
  fs::path normal = path.lexically_normal();
  if (!normal.has_filename() && normal.has_relative_path()) normal = normal.parent_path();
  return normal;
}

// The UTF-16 code units of UTF-8 text, ill-formed sequences as U+FFFD.
std::u16string utf16_of(std::string_view text) {
  std::u16string units;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t maximal = 1;
    const std::size_t length = utf8_sequence(text, at, maximal);
    if (length == 0) {
      units.push_back(u'\uFFFD');
      at += maximal;
      continue;
    }
    char32_t point = static_cast<unsigned char>(text[at]);
    if (length > 1) point &= 0x3F >> (length - 1);
    for (std::size_t i = 1; i < length; ++i) {
      point = (point << 6) | (static_cast<unsigned char>(text[at + i]) & 0x3F);
    }
    if (point >= 0x10000) {
      point -= 0x10000;
      units.push_back(static_cast<char16_t>(0xD800 + (point >> 10)));
      units.push_back(static_cast<char16_t>(0xDC00 + (point & 0x3FF)));
    } else {
      units.push_back(static_cast<char16_t>(point));
    }
    at += length;
  }
  return units;
}

class FolderWalk {
 public:
  FolderWalk(Sha256& hash, fs::path root, std::vector<fs::path>& inputs)
      : hash_(hash), root_(std::move(root)), inputs_(inputs) {}

  void walk(const fs::path& symbolic, const fs::path& real, const fs::path& canonical) {
    // A folder reached again through a link to one of its ancestors is not walked twice.
    if (!ancestors_.insert(canonical).second) return;
    inputs_.push_back(real);

    std::vector<fs::directory_entry> entries;
    std::error_code error;
    for (fs::directory_iterator it(real, error), end; !error && it != end; it.increment(error)) {
      entries.push_back(*it);
    }
    if (error) {
      throw Error(fmt::format("cannot read asset folder '{}': {}", real.string(), error.message()));
    }
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
      return utf16_less(a.path().filename().string(), b.path().filename().string());
    });

    for (const fs::directory_entry& entry : entries) {
      const std::string name = entry.path().filename().string();
      if (is_excluded_from_assets(name)) continue;
      const fs::path child = symbolic / name;
      const fs::file_status status = entry.symlink_status(error);
      if (error) {
        throw Error(fmt::format("cannot read asset entry '{}': {}", entry.path().string(),
                                error.message()));
      }
      if (fs::is_symlink(status)) {
        visit_link(child, entry.path());
      } else if (fs::is_directory(status)) {
        walk(child, entry.path(), canonical / name);
      } else if (fs::is_regular_file(status)) {
        visit_file(child, entry.path());
      }
    }
    ancestors_.erase(canonical);
  }

 private:
  // The path below the root as the AWS CDK names it: '/' separators, "" for the root itself,
  // and the name decoded as JavaScript decodes it.
  std::string key(const fs::path& symbolic) const {
    const std::string relative = symbolic.lexically_relative(root_).generic_string();
    return relative == "." ? "" : decode_utf8(relative);
  }

  void visit_file(const fs::path& symbolic, const fs::path& real) {
    inputs_.push_back(real);
    hash_field(hash_, "file:" + key(symbolic), content_fingerprint(real));
  }

  void visit_link(const fs::path& symbolic, const fs::path& real) {
    const LinkTarget link = resolve_link(real, root_);
    const fs::path& canonical = link.resolved;

    // Links to places outside the folder are followed; links within it stay links.
    std::error_code error;
    fs::file_status status;
    if (!link.internal) status = fs::status(canonical, error);
    if (link.internal || error || !fs::exists(status)) {
      const std::string value =
          link.internal && link.text.is_absolute() ? key(canonical) : link.text.string();
      hash_field(hash_, "link:" + key(symbolic), value);
      return;
    }
    if (fs::is_directory(status)) {
      walk(symbolic, canonical, canonical_or_self(canonical));
    } else if (fs::is_regular_file(status)) {
      visit_file(symbolic, canonical);
    } else {
      throw Error(fmt::format("cannot hash asset entry '{}': it is neither a file nor a folder",
                              symbolic.string()));
    }
  }

  Sha256& hash_;
  fs::path root_;
  std::vector<fs::path>& inputs_;
  std::set<fs::path> ancestors_;
};

}  // namespace

bool is_excluded_from_assets(const fs::path& name) { return name == ".is_custom_resource"; }

LinkTarget resolve_link(const fs::path& link, const fs::path& root) {
  std::error_code error;
  LinkTarget target;
  target.text = fs::read_symlink(link, error);
  if (error) {
    throw Error(fmt::format("cannot read asset link '{}': {}", link.string(), error.message()));
  }
  const fs::path resolved =
      normal_path(target.text.is_absolute() ? target.text : link.parent_path() / target.text);
  target.resolved = canonical_or_self(resolved.parent_path()) / resolved.filename();
  target.internal = is_inside(root, target.resolved);
  return target;
}

bool utf16_less(const std::string& a, const std::string& b) { return utf16_of(a) < utf16_of(b); }

std::string content_fingerprint(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) fail_to_read(file);

  Sha256 hash;
  std::size_t size = 0;
  bool binary = false;
  std::string pending;  // decoded text that ends in CR, held until the next piece
  std::string chunk(kChunkSize, '\0');
  for (;;) {
    in.read(chunk.data(), static_cast<std::streamsize>(kChunkSize));
    const auto read = static_cast<std::size_t>(in.gcount());
    if (read == 0) break;
    const std::string_view piece(chunk.data(), read);
    // Checked while nothing is counted yet: a first piece held back for its CR counts as
    // nothing, so the AWS CDK checks the next piece again.
    if (size == 0) binary = piece.find('\0') != std::string_view::npos;

    if (binary) {
      size += read;
      hash.update(piece);
      continue;
    }
    std::string text = decode_utf8(piece);
    if (text.back() == '\r') {
      pending += text;
      continue;
    }
    text = pending + text;
    pending.clear();
    replace_crlf(text);
    size += text.size();
    hash.update(text);
  }
  if (in.bad()) fail_to_read(file);

  // As in the AWS CDK, text still held at the end is hashed as it is and not counted in size.
  if (!pending.empty()) hash.update(pending);
  return fmt::format("{}:{}", size, hash.hex());
}

Fingerprint fingerprint(const fs::path& path, const std::string& extra_hash) {
  std::error_code error;
  const fs::path root = fs::canonical(path, error);
  if (error) {
    throw Error(fmt::format("cannot read asset '{}': {}", path.string(), error.message()));
  }

  Fingerprint result;
  Sha256 hash;
  hash_field(hash, "options.extra", extra_hash);
  hash_field(hash, "options.follow", "external");

  const fs::file_status status = fs::status(root, error);
  if (fs::is_directory(status)) {
    FolderWalk(hash, root, result.inputs).walk(root, root, root);
  } else if (fs::is_regular_file(status)) {
    result.inputs.push_back(root);
    hash_field(hash, "file:", content_fingerprint(root));
  } else {
    throw Error(fmt::format("asset '{}' is neither a file nor a folder", path.string()));
  }
  result.hash = hash.hex();
  return result;
}

}  // namespace cdk::detail
