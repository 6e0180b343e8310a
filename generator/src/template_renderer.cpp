// cdkpp: renders a stack's template, resolving every value in the stack that uses it.
// SPDX-License-Identifier: Apache-2.0
#include <algorithm>
#include <cmath>
#include <optional>
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

// The id of the output that exports a value of another stack, below the producer's "Exports".
std::string export_output_id(const Reference& reference) {
  return "Output" + to_json_text(render_local(reference), 0);
}

// The export name of the output that exports the value already, or nullopt.
std::optional<std::string> existing_export(const Stack& producer, const std::string& output_id) {
  const Construct* exports = producer.try_find_child("Exports");
  if (exports == nullptr) return std::nullopt;
  const auto* output =
      dynamic_cast<const CfnOutput*>(exports->try_find_child(sanitize_construct_id(output_id)));
  if (output == nullptr || !output->export_name()) return std::nullopt;
  const auto* name = std::get_if<std::string>(&output->export_name()->data());
  return name != nullptr ? std::optional<std::string>(*name) : std::nullopt;
}

// Why consumer depends on the producer of value, as the dependency records it.
std::string dependency_reason(const Stack& consumer, const Value& value) {
  return fmt::format("{} -> {}", consumer.path(), value.describe());
}

const Reference& reference_of(const Value& value) {
  return *std::get<std::shared_ptr<const Reference>>(value.data());
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

// What a rendering is for. A walk finds the references to other stacks, builds no JSON and
// changes nothing. A full rendering builds the template and exports what it references from
// the other stacks. A prepared rendering builds the template of a stack whose references were
// found and exported already, and changes nothing: stacks can be walked, and prepared ones
// rendered, on several threads at once.
enum class RenderMode { walk_references, full, prepared };

class StackRenderer : public RenderContext {
 public:
  StackRenderer(const Stack& stack, std::vector<std::string>& problems,
                RenderMode mode = RenderMode::full, TreeProperties* tree_properties = nullptr,
                std::vector<CrossStackReference>* references = nullptr)
      : stack_(stack),
        problems_(problems),
        mode_(mode),
        tree_properties_(tree_properties),
        references_(references) {}

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
    return import_from(const_cast<Stack&>(producer), value);
  }

  // The value of another stack, as this stack imports it.
  Json import_from(Stack& producer, const Value& value) {
    switch (mode_) {
      case RenderMode::walk_references:
        references_->push_back({&producer, value});
        return nullptr;
      case RenderMode::full: {
        std::optional<std::string> name =
            export_reference(const_cast<Stack&>(stack_), {&producer, value}, problems_);
        if (!name) return nullptr;
        return {{"Fn::ImportValue", std::move(*name)}};
      }
      case RenderMode::prepared:
        break;
    }

    if (!stack_.depends_directly_on(producer)) {
      try {
        stack_.check_dependency(producer, dependency_reason(stack_, value));
      } catch (const Error& e) {
        problems_.push_back(e.what());  // as the walk's export found it
        return nullptr;
      }
      problems_.push_back(unprepared_import(producer, value));
      return nullptr;
    }
    std::optional<std::string> name =
        existing_export(producer, export_output_id(reference_of(value)));
    if (!name) {
      problems_.push_back(unprepared_import(producer, value));
      return nullptr;
    }
    return {{"Fn::ImportValue", std::move(*name)}};
  }

  // A prepared rendering met a reference that the walk before it did not: a value that renders
  // differently from one time to the next.
  std::string unprepared_import(const Stack& producer, const Value& value) const {
    return fmt::format(
        "{} in stack '{}' cannot import {} from stack '{}': the reference was not found before "
        "the templates were rendered",
        user(), stack_.path(), value.describe(), producer.path());
  }

  std::string user() const {
    return current_ != nullptr ? "'" + current_->path() + "'" : "a value";
  }

  const Stack& stack_;
  std::vector<std::string>& problems_;
  bool building() const { return mode_ != RenderMode::walk_references; }

  const RenderMode mode_;
  TreeProperties* tree_properties_;
  std::vector<CrossStackReference>* references_;
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

void render_elements(const std::vector<const CfnElement*>& elements, StackRenderer& renderer,
                     std::vector<std::string>& problems) {
  for (const CfnElement* element : elements) {
    renderer.set_current(element);
    try {
      element->render(renderer);
    } catch (const Error& e) {
      problems.push_back(fmt::format("'{}': {}", element->path(), e.what()));
    }
  }
}

Json render_document(const Stack& stack, const std::vector<const CfnElement*>& elements,
                     StackRenderer& renderer, std::vector<std::string>& problems) {
  render_elements(elements, renderer, problems);
  Json sections = renderer.take();

  Json document = Json::object();
  document.get_ref<Json::object_t&>().reserve(sections.size() + 1);
  if (!stack.description().empty()) document["Description"] = stack.description();
  for (auto& [key, section] : sections.items()) document[key] = std::move(section);
  return document;
}

}  // namespace

void find_references(const Stack& stack, std::vector<CrossStackReference>& found,
                     std::vector<std::string>& problems) {
  StackRenderer renderer(stack, problems, RenderMode::walk_references, nullptr, &found);
  render_elements(stack_elements(stack), renderer, problems);
}

std::optional<std::string> export_reference(Stack& consumer, const CrossStackReference& reference,
                                            std::vector<std::string>& problems) {
  try {
    if (!consumer.depends_directly_on(*reference.producer)) {
      consumer.add_dependency(*reference.producer, dependency_reason(consumer, reference.value));
    }
  } catch (const Error& e) {
    problems.push_back(e.what());
    return std::nullopt;
  }

  const std::string output_id = export_output_id(reference_of(reference.value));
  if (std::optional<std::string> name = existing_export(*reference.producer, output_id)) {
    return name;
  }
  std::string name = export_name_for(*reference.producer, output_id);
  Construct* exports = reference.producer->try_find_child("Exports");
  if (exports == nullptr) exports = &reference.producer->add<ExportsScope>("Exports");
  exports->add<CfnOutput>(output_id,
                          CfnOutputProps{.value = reference.value, .export_name = Value(name)});
  return name;
}

Json render_template(const Stack& stack, std::vector<std::string>& problems,
                     TreeProperties* tree_properties) {
  StackRenderer renderer(stack, problems, RenderMode::full, tree_properties);
  return render_document(stack, stack_elements(stack), renderer, problems);
}

Json render_prepared_template(const Stack& stack, const std::vector<const CfnElement*>& elements,
                              std::vector<std::string>& problems, TreeProperties* tree_properties) {
  StackRenderer renderer(stack, problems, RenderMode::prepared, tree_properties);
  return render_document(stack, elements, renderer, problems);
}

Json resolve_in_stack(const Stack& stack, const Value& value, std::vector<std::string>& problems) {
  StackRenderer renderer(stack, problems);
  return renderer.resolve(value);
}

}  // namespace cdk::detail
