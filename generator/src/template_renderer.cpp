// cdkpp: renders a stack's template, resolving every value in the stack that uses it.
// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <cmath>
#include <unordered_set>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cdk/cfn_output.hpp"
#include "cdk/errors.hpp"
#include "cdk/names.hpp"
#include "synthesis.hpp"

namespace cdk::detail {
namespace {

constexpr std::size_t kMaxExportNameLength = 255;

// JavaScript has one number type and writes 5.0 as 5; whole numbers that a double holds
// exactly become integers so that the template reads as the AWS CDK's does.
Json number_as_javascript_writes_it(double d) {
  constexpr double kLargestExactInteger = 9007199254740992.0;  // 2^53
  if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) <= kLargestExactInteger) {
    return static_cast<std::int64_t>(d);
  }
  return d;
}

const Stack& producer_of(const Reference& reference) {
  return reference.kind == Reference::Kind::scoped_pseudo ? *reference.stack
                                                          : reference.target->stack();
}

// The reference as written inside its own stack.
Json render_local(const Reference& reference) {
  switch (reference.kind) {
    case Reference::Kind::ref:
      return {{"Ref", reference.target->logical_id()}};
    case Reference::Kind::get_att:
      return {{"Fn::GetAtt", {reference.target->logical_id(), reference.name}}};
    case Reference::Kind::scoped_pseudo:
      return {{"Ref", reference.name}};
    case Reference::Kind::logical_id:
      return reference.target->logical_id();
  }
  return nullptr;
}

// The AWS CDK's export name: "<stack name>:<logical ID of the output>", with the local part
// cut from the left so that the whole stays within 255 characters.
std::string export_name_for(const Stack& producer, const std::string& output_id) {
  const std::string prefix = producer.stack_name() + ":";
  std::string local = names::make_unique_id({"Exports", output_id});
  const std::size_t room =
      kMaxExportNameLength > prefix.size() ? kMaxExportNameLength - prefix.size() : 0;
  if (local.size() > room) local = local.substr(local.size() - room);
  return prefix + local;
}

std::string environment_problem(const std::string& user, const Stack& consumer,
                                const Stack& producer, const Value& value) {
  const Environment& a = consumer.environment();
  const Environment& b = producer.environment();
  const char* what = nullptr;
  if (a.account.value_or("unknown-account") != b.account.value_or("unknown-account")) {
    what = "account";
  } else if (a.region.value_or("unknown-region") != b.region.value_or("unknown-region")) {
    what = "environment";
  }
  if (what == nullptr) return "";
  return fmt::format(
      "{} in stack '{}' ({}) cannot reference {} in stack '{}' ({}): cross-stack references "
      "are only supported for stacks deployed to the same {}",
      user, consumer.path(), a.to_uri(), value.describe(), producer.path(), b.to_uri(), what);
}

// What a rendering is for: the template itself, or only the references between stacks that
// it makes (the exports, imports and stack dependencies), without building any of the JSON.
enum class RenderMode { full, references_only };

class StackRenderer : public RenderContext {
 public:
  StackRenderer(const Stack& stack, std::vector<std::string>& problems,
                RenderMode mode = RenderMode::full, TreeProperties* tree_properties = nullptr)
      : stack_(stack), problems_(problems), mode_(mode), tree_properties_(tree_properties) {}

  Json resolve(const Value& value) override {
    struct Visitor {
      StackRenderer& self;
      const Value& value;
      Json operator()(std::monostate) const { return nullptr; }
      Json operator()(bool b) const { return b; }
      Json operator()(std::int64_t i) const { return i; }
      Json operator()(double d) const { return number_as_javascript_writes_it(d); }
      Json operator()(const std::string& s) const {
        return self.building() ? Json(s) : Json(nullptr);
      }
      Json operator()(const std::shared_ptr<const List>& list) const {
        if (!self.building()) {
          for (const Value& item : *list) self.resolve(item);
          return nullptr;
        }
        Json array = Json::array();
        array.get_ref<Json::array_t&>().reserve(list->size());
        for (const Value& item : *list) array.push_back(self.resolve(item));
        return array;
      }
      Json operator()(const std::shared_ptr<const Object>& object) const {
        if (!self.building()) {
          for (const auto& [key, item] : *object) self.resolve(item);
          return nullptr;
        }
        // Reserved up front: a growing ordered object copies every value it holds (its keys
        // are const, so its entries cannot be moved).
        Json result = Json::object();
        result.get_ref<Json::object_t&>().reserve(object->size());
        for (const auto& [key, item] : *object) result[key] = self.resolve(item);
        return result;
      }
      Json operator()(const std::shared_ptr<const Reference>& reference) const {
        return self.resolve_reference(*reference, value);
      }
      Json operator()(const std::shared_ptr<const Intrinsic>& call) const {
        Json argument = self.resolve(*call->argument);
        if (!self.building()) return nullptr;
        return {{call->name, std::move(argument)}};
      }
    };
    return std::visit(Visitor{*this, value}, value.data());
  }

  void add(std::string_view section, const std::string& logical_id, Json body) override {
    if (!building()) return;
    auto found = std::find_if(sections_.begin(), sections_.end(),
                              [&](const Section& entry) { return entry.name == section; });
    if (found == sections_.end()) found = sections_.insert(sections_.end(), {std::string(section)});
    if (!found->ids.insert(logical_id).second) {
      problems_.push_back(fmt::format("stack '{}': section '{}' already contains '{}'",
                                      stack_.path(), section, logical_id));
      return;
    }
    found->entries.emplace_back(logical_id, std::move(body));
  }

  void resolved_properties(const CfnResource& resource, const Json& properties) override {
    if (building() && tree_properties_ != nullptr) {
      (*tree_properties_)[&resource] = to_json_text(properties, 0);
    }
  }

  // The sections, each an object of its entries in the order they were added.
  Json take() {
    std::vector<std::pair<std::string, Json>> sections;
    sections.reserve(sections_.size());
    for (Section& section : sections_) {
      sections.emplace_back(std::move(section.name), object_of(std::move(section.entries)));
    }
    sections_.clear();
    return object_of(std::move(sections));
  }

  // The element being rendered, named in error messages.
  void set_current(const CfnElement* element) { current_ = element; }

 private:
  Json resolve_reference(const Reference& reference, const Value& value) {
    const Stack& producer = producer_of(reference);
    if (&producer == &stack_) return render_local(reference);

    if (reference.kind == Reference::Kind::logical_id) {
      problems_.push_back(fmt::format("{} in stack '{}' cannot use the {} of another stack", user(),
                                      stack_.path(), value.describe()));
      return nullptr;
    }
    if (&producer.root() != &stack_.root()) {
      problems_.push_back(
          fmt::format("{} in stack '{}' cannot reference {}: the stacks belong to different apps",
                      user(), stack_.path(), value.describe()));
      return nullptr;
    }
    if (std::string problem = environment_problem(user(), stack_, producer, value);
        !problem.empty()) {
      problems_.push_back(problem);
      return nullptr;
    }
    return import_from(const_cast<Stack&>(producer), reference, value);
  }

  // Exports the value from the producer (once per value) and imports it here.
  Json import_from(Stack& producer, const Reference& reference, const Value& value) {
    try {
      const_cast<Stack&>(stack_).add_dependency(
          producer, fmt::format("{} -> {}", stack_.path(), value.describe()));
    } catch (const Error& e) {
      problems_.push_back(e.what());
      return nullptr;
    }

    Construct* exports = producer.try_find_child("Exports");
    if (exports == nullptr) exports = &producer.add<ExportsScope>("Exports");
    const std::string output_id = "Output" + to_json_text(render_local(reference), 0);
    const std::string export_name = export_name_for(producer, output_id);
    if (exports->try_find_child(sanitize_construct_id(output_id)) == nullptr) {
      exports->add<CfnOutput>(output_id,
                              CfnOutputProps{.value = value, .export_name = Value(export_name)});
    }
    return {{"Fn::ImportValue", export_name}};
  }

  std::string user() const {
    return current_ != nullptr ? "'" + current_->path() + "'" : "a value";
  }

  const Stack& stack_;
  std::vector<std::string>& problems_;
  bool building() const { return mode_ == RenderMode::full; }

  const RenderMode mode_;
  TreeProperties* tree_properties_;
  const CfnElement* current_ = nullptr;
  // Entries are gathered here, not in the template's ordered objects: their lookups are
  // linear, and their const keys make every growth copy the whole section.
  struct Section {
    std::string name;
    std::unordered_set<std::string> ids;
    std::vector<std::pair<std::string, Json>> entries;
  };
  std::vector<Section> sections_;
};

void render_elements(const Stack& stack, StackRenderer& renderer,
                     std::vector<std::string>& problems) {
  for (const CfnElement* element : stack_elements(stack)) {
    renderer.set_current(element);
    try {
      element->render(renderer);
    } catch (const Error& e) {
      problems.push_back(fmt::format("'{}': {}", element->path(), e.what()));
    }
  }
}

}  // namespace

void render_references(const Stack& stack, std::vector<std::string>& problems) {
  StackRenderer renderer(stack, problems, RenderMode::references_only);
  render_elements(stack, renderer, problems);
}

Json render_template(const Stack& stack, std::vector<std::string>& problems,
                     TreeProperties* tree_properties) {
  StackRenderer renderer(stack, problems, RenderMode::full, tree_properties);
  render_elements(stack, renderer, problems);
  Json sections = renderer.take();

  Json document = Json::object();
  document.get_ref<Json::object_t&>().reserve(sections.size() + 1);
  if (!stack.description().empty()) document["Description"] = stack.description();
  for (auto& [key, section] : sections.items()) document[key] = std::move(section);
  return document;
}

}  // namespace cdk::detail

namespace cdk::detail {

Json resolve_in_stack(const Stack& stack, const Value& value, std::vector<std::string>& problems) {
  StackRenderer renderer(stack, problems);
  return renderer.resolve(value);
}

}  // namespace cdk::detail
