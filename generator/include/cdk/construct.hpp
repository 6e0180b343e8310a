// cdkpp: the construct tree, the programming model of the AWS CDK.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cdk {

class Construct;

namespace detail {
// Moves child to the end of parent's children (synthesis keeps the constructs it adds last).
void move_child_to_end(Construct& parent, const Construct& child);
}  // namespace detail

// A node of the construct tree. A construct is created inside a scope (its parent) with an id
// unique among its siblings; its path is the ids from the root down, joined with '/'.
//
// The tree owns the constructs made with add<T>(); user code holds references to them:
//
//   auto& stack = app.add<cdk::Stack>("MyStack");
//   auto& table = stack.add<cdk::CfnResource>("Table", "AWS::DynamoDB::Table", props);
class Construct {
 public:
  // Creates a construct inside scope. An id containing '/' has it replaced by "--" (the path
  // separator cannot appear in an id); an empty id or one already used by a sibling throws.
  Construct(Construct& scope, std::string_view id);
  virtual ~Construct();

  Construct(const Construct&) = delete;
  Construct& operator=(const Construct&) = delete;

  // Creates a T(*this, id, args...) owned by this construct and returns it.
  template <class T, class... Args>
  T& add(std::string_view id, Args&&... args) {
    auto child = std::make_unique<T>(*this, id, std::forward<Args>(args)...);
    T& result = *child;
    owned_.push_back(std::move(child));
    return result;
  }

  const std::string& id() const { return id_; }
  // The ids from the root down to this construct, the root's empty id excluded.
  std::string path() const;
  Construct* scope() const { return scope_; }
  const std::vector<Construct*>& children() const { return children_; }
  // Every construct from the root down to this one, both included.
  std::vector<const Construct*> scopes() const;
  const Construct& root() const;
  Construct& root();

  Construct* try_find_child(std::string_view id) const;
  // Like try_find_child, but throws cdk::Error naming this construct's path when absent.
  Construct& find_child(std::string_view id) const;

  // Every construct below this one in pre-order, this one first.
  std::vector<Construct*> find_all();
  std::vector<const Construct*> find_all() const;

  // What the construct is, where the tree walks of synthesis ask it of every construct: a
  // dynamic_cast on each would cost more than the rest of the walk. Stage (App included),
  // Stack and CfnElement set it.
  enum class Kind : unsigned char { other, stage, stack, element };
  Kind kind() const { return kind_; }

  // A short description for error messages: the path, or "the app" for the root.
  std::string describe() const;

  // What is wrong with this construct once the whole tree is known, as complete messages
  // (with the construct path); synthesis calls it on every construct after the references
  // between stacks are resolved (so stack dependencies are known), lists every problem of
  // every construct, and writes nothing when there is one. Nothing by default.
  virtual std::vector<std::string> validate() const { return {}; }

  // Paths of constructs destroyed while their scope lived on (for example ones made on the C++
  // stack that went out of scope): the tree lost them, so synthesis refuses to go on.
  const std::vector<std::string>& destroyed_before_synthesis() const {
    return destroyed_before_synthesis_;
  }

 protected:
  // The root of a tree (an App).
  explicit Construct(std::string_view id);

  void set_kind(Kind kind) { kind_ = kind; }

 private:
  friend void detail::move_child_to_end(Construct& parent, const Construct& child);

  void detach_child(const Construct* child);

  Construct* scope_ = nullptr;
  std::string id_;
  std::vector<Construct*> children_;
  std::vector<std::unique_ptr<Construct>> owned_;
  Kind kind_ = Kind::other;
  bool destroying_ = false;
  std::vector<std::string> destroyed_before_synthesis_;  // kept by the root only
};

// The id as the AWS CDK stores it: '/' becomes "--".
std::string sanitize_construct_id(std::string_view id);

// The nearest scope (this one included) that is a T, or nullptr.
template <class T>
const T* find_enclosing(const Construct& construct) {
  for (const Construct* c = &construct; c != nullptr; c = c->scope()) {
    if (auto* match = dynamic_cast<const T*>(c)) return match;
  }
  return nullptr;
}

template <class T>
T* find_enclosing(Construct& construct) {
  for (Construct* c = &construct; c != nullptr; c = c->scope()) {
    if (auto* match = dynamic_cast<T*>(c)) return match;
  }
  return nullptr;
}

}  // namespace cdk
