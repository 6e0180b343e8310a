// cdkpp: the construct tree.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/construct.hpp"

#include <algorithm>
#include <exception>

#include <fmt/format.h>

#include "cdk/errors.hpp"

namespace cdk {

std::string sanitize_construct_id(std::string_view id) {
  std::string result;
  for (char c : id) {
    if (c == '/') {
      result += "--";
    } else {
      result.push_back(c);
    }
  }
  return result;
}

Construct::Construct(std::string_view id) : id_(id) {}

Construct::Construct(Construct& scope, std::string_view id)
    : scope_(&scope), id_(sanitize_construct_id(id)) {
  if (id_.empty()) {
    throw Error(fmt::format("{}: a construct id must not be empty", scope.describe()));
  }
  if (scope.try_find_child(id_) != nullptr) {
    throw Error(fmt::format("{}: duplicate construct id '{}': '{}' already exists",
                            scope.describe(), id_, scope.try_find_child(id_)->path()));
  }
  scope.children_.push_back(this);
}

Construct::~Construct() {
  destroying_ = true;
  owned_.clear();
  if (scope_ != nullptr && !scope_->destroying_) {
    // A construct whose constructor threw is unwound here too; that is not a lost construct.
    if (std::uncaught_exceptions() == 0) root().destroyed_before_synthesis_.push_back(path());
    scope_->detach_child(this);
  }
}

void Construct::detach_child(const Construct* child) {
  children_.erase(std::remove(children_.begin(), children_.end(), child), children_.end());
}

std::string Construct::path() const {
  std::string result;
  for (const Construct* c : scopes()) {
    if (c->scope_ == nullptr) continue;
    if (!result.empty()) result.push_back('/');
    result += c->id_;
  }
  return result;
}

std::vector<const Construct*> Construct::scopes() const {
  std::vector<const Construct*> chain;
  for (const Construct* c = this; c != nullptr; c = c->scope_) chain.push_back(c);
  std::reverse(chain.begin(), chain.end());
  return chain;
}

const Construct& Construct::root() const {
  const Construct* c = this;
  while (c->scope_ != nullptr) c = c->scope_;
  return *c;
}

Construct& Construct::root() {
  Construct* c = this;
  while (c->scope_ != nullptr) c = c->scope_;
  return *c;
}

Construct* Construct::try_find_child(std::string_view id) const {
  for (Construct* child : children_) {
    if (child->id_ == id) return child;
  }
  return nullptr;
}

Construct& Construct::find_child(std::string_view id) const {
  if (Construct* child = try_find_child(id)) return *child;
  throw Error(fmt::format("{}: no child with id '{}'", describe(), id));
}

namespace {

void collect_all(Construct& construct, std::vector<Construct*>& out) {
  out.push_back(&construct);
  for (Construct* child : construct.children()) collect_all(*child, out);
}

}  // namespace

std::vector<Construct*> Construct::find_all() {
  std::vector<Construct*> result;
  collect_all(*this, result);
  return result;
}

std::vector<const Construct*> Construct::find_all() const {
  auto all = const_cast<Construct*>(this)->find_all();
  return {all.begin(), all.end()};
}

namespace detail {

void move_child_to_end(Construct& parent, const Construct& child) {
  auto& children = parent.children_;
  auto found = std::find(children.begin(), children.end(), &child);
  if (found != children.end()) std::rotate(found, found + 1, children.end());
}

}  // namespace detail

std::string Construct::describe() const {
  if (scope_ == nullptr) return "the app";
  return "'" + path() + "'";
}

}  // namespace cdk
