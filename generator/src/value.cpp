// cdkpp: CloudFormation values and the intrinsic functions that build them.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/value.hpp"

#include <type_traits>
#include <variant>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cdk/cfn_condition.hpp"
#include "cdk/cfn_element.hpp"
#include "cdk/errors.hpp"
#include "cdk/stack.hpp"

namespace cdk {
namespace {

Value intrinsic(std::string name, Value argument) {
  return Value(Intrinsic{std::move(name), std::make_shared<const Value>(std::move(argument))});
}

// The kind of value held, with its article, in the order of Value::Data.
const char* kind_name(const Value::Data& data) {
  static constexpr const char* kNames[] = {"null",      "a boolean",   "an integer",
                                           "a number",  "a string",    "a list",
                                           "an object", "a reference", "an intrinsic"};
  return kNames[data.index()];
}

template <class T>
const T& expect(const Value::Data& data, const char* wanted) {
  if (auto* held = std::get_if<T>(&data)) return *held;
  throw Error(fmt::format("expected {} but found {}", wanted, kind_name(data)));
}

// The pieces of a string concatenation: a Fn::Join with "" contributes its parts.
void append_parts(List& parts, const Value& value) {
  if (value.is_intrinsic()) {
    const Intrinsic& call = value.as_intrinsic();
    if (call.name == "Fn::Join") {
      const List& args = call.argument->as_list();
      if (args[0].is_string() && args[0].as_string().empty() && args[1].is_list()) {
        for (const Value& part : args[1].as_list()) append_parts(parts, part);
        return;
      }
    }
  }
  if (value.is_literal() && !value.is_string()) {
    append_parts(parts, Value(value.to_json().dump()));
    return;
  }
  if (value.is_string() && !parts.empty() && parts.back().is_string()) {
    parts.back() = Value(parts.back().as_string() + value.as_string());
    return;
  }
  if (value.is_string() && value.as_string().empty()) return;
  parts.push_back(value);
}

}  // namespace

Value::Value(List items) : data_(std::make_shared<const List>(std::move(items))) {}
Value::Value(Object members) : data_(std::make_shared<const Object>(std::move(members))) {}
Value::Value(Reference reference)
    : data_(std::make_shared<const Reference>(std::move(reference))) {}
Value::Value(Intrinsic call) : data_(std::make_shared<const Intrinsic>(std::move(call))) {}

Value Value::from_json(const Json& json) {
  switch (json.type()) {
    case Json::value_t::null:
      return Value();
    case Json::value_t::boolean:
      return Value(json.get<bool>());
    case Json::value_t::number_integer:
      return Value(json.get<std::int64_t>());
    case Json::value_t::number_unsigned:
      return Value(static_cast<std::int64_t>(json.get<std::uint64_t>()));
    case Json::value_t::number_float:
      return Value(json.get<double>());
    case Json::value_t::string:
      return Value(json.get<std::string>());
    case Json::value_t::array: {
      List items;
      for (const Json& item : json) items.push_back(from_json(item));
      return Value(std::move(items));
    }
    case Json::value_t::object: {
      Object members;
      for (const auto& [key, item] : json.items()) members.emplace_back(key, from_json(item));
      return Value(std::move(members));
    }
    default:
      throw Error(
          fmt::format("json value of type {} cannot be a CloudFormation value", json.type_name()));
  }
}

const std::string& Value::as_string() const { return expect<std::string>(data_, "a string"); }
const List& Value::as_list() const { return *expect<std::shared_ptr<const List>>(data_, "a list"); }
const Object& Value::as_object() const {
  return *expect<std::shared_ptr<const Object>>(data_, "an object");
}
const Reference& Value::as_reference() const {
  return *expect<std::shared_ptr<const Reference>>(data_, "a reference");
}
const Intrinsic& Value::as_intrinsic() const {
  return *expect<std::shared_ptr<const Intrinsic>>(data_, "an intrinsic");
}

bool Value::is_literal() const {
  if (is_reference() || is_intrinsic()) return false;
  if (is_list()) {
    for (const Value& item : as_list()) {
      if (!item.is_literal()) return false;
    }
  }
  if (is_object()) {
    for (const auto& member : as_object()) {
      if (!member.second.is_literal()) return false;
    }
  }
  return true;
}

Json Value::to_json() const {
  struct Visitor {
    Json operator()(std::monostate) const { return nullptr; }
    Json operator()(bool b) const { return b; }
    Json operator()(std::int64_t i) const { return i; }
    Json operator()(double d) const { return d; }
    Json operator()(const std::string& s) const { return s; }
    Json operator()(const std::shared_ptr<const List>& list) const {
      Json array = Json::array();
      for (const Value& item : *list) array.push_back(item.to_json());
      return array;
    }
    Json operator()(const std::shared_ptr<const Object>& object) const {
      Json result = Json::object();
      for (const auto& [key, item] : *object) result[key] = item.to_json();
      return result;
    }
    Json operator()(const std::shared_ptr<const Reference>&) const {
      throw Error("a reference has no literal value before synthesis");
    }
    Json operator()(const std::shared_ptr<const Intrinsic>& call) const {
      throw Error(
          fmt::format("the intrinsic {} has no literal value before synthesis", call->name));
    }
  };
  return std::visit(Visitor{}, data_);
}

std::string Value::describe() const {
  if (is_reference()) {
    const Reference& reference = as_reference();
    switch (reference.kind) {
      case Reference::Kind::ref:
        return fmt::format("Ref of '{}'", reference.target->path());
      case Reference::Kind::get_att:
        return fmt::format("attribute {} of '{}'", reference.name, reference.target->path());
      case Reference::Kind::scoped_pseudo:
        return fmt::format("{} of stack '{}'", reference.name, reference.stack->path());
      case Reference::Kind::logical_id:
        return fmt::format("name of '{}'", reference.target->path());
    }
  }
  if (is_intrinsic()) return as_intrinsic().name + "(...)";
  std::string text = to_json().dump();
  if (text.size() > 80) text = text.substr(0, 77) + "...";
  return text;
}

bool operator==(const Value& lhs, const Value& rhs) {
  const Value::Data& a = lhs.data();
  const Value::Data& b = rhs.data();
  if (a.index() != b.index()) return false;

  return std::visit(
      [&b](const auto& held) -> bool {
        using T = std::decay_t<decltype(held)>;
        const T& other = std::get<T>(b);
        if constexpr (std::is_same_v<T, std::shared_ptr<const Reference>>) {
          return held == other || (held->kind == other->kind && held->target == other->target &&
                                   held->stack == other->stack && held->name == other->name);
        } else if constexpr (std::is_same_v<T, std::shared_ptr<const Intrinsic>>) {
          return held == other ||
                 (held->name == other->name && *held->argument == *other->argument);
        } else if constexpr (std::is_same_v<T, std::shared_ptr<const List>> ||
                             std::is_same_v<T, std::shared_ptr<const Object>>) {
          return held == other || *held == *other;
        } else {
          return held == other;
        }
      },
      a);
}

Value operator+(const Value& lhs, const Value& rhs) {
  if (lhs.is_string() && rhs.is_string()) return Value(lhs.as_string() + rhs.as_string());

  List parts;
  append_parts(parts, lhs);
  append_parts(parts, rhs);
  if (parts.empty()) return Value("");
  // A single part needs no join: "" + token is the token itself, as in the AWS CDK.
  if (parts.size() == 1) return parts[0];
  return fn::join("", std::move(parts));
}

namespace fn {

Value join(std::string delimiter, List parts) {
  return intrinsic("Fn::Join", List{std::move(delimiter), std::move(parts)});
}

Value sub(std::string body, Object variables) {
  if (variables.empty()) return intrinsic("Fn::Sub", std::move(body));
  return intrinsic("Fn::Sub", List{std::move(body), std::move(variables)});
}

Value select(int index, Value list) {
  return intrinsic("Fn::Select", List{index, std::move(list)});
}

Value split(std::string delimiter, Value source) {
  return intrinsic("Fn::Split", List{std::move(delimiter), std::move(source)});
}

Value if_(const CfnCondition& condition, Value when_true, Value when_false) {
  Value name = condition.logical_id_value();
  return intrinsic("Fn::If", List{std::move(name), std::move(when_true), std::move(when_false)});
}

Value import_value(Value export_name) {
  return intrinsic("Fn::ImportValue", std::move(export_name));
}

Value find_in_map(Value map_name, Value top_level_key, Value second_level_key) {
  return intrinsic("Fn::FindInMap", List{std::move(map_name), std::move(top_level_key),
                                         std::move(second_level_key)});
}

Value get_azs(Value region) { return intrinsic("Fn::GetAZs", std::move(region)); }

Value base64(Value data) { return intrinsic("Fn::Base64", std::move(data)); }

Value cidr(Value ip_block, Value count, Value cidr_bits) {
  return intrinsic("Fn::Cidr", List{std::move(ip_block), std::move(count), std::move(cidr_bits)});
}

Value get_att(std::string logical_id, std::string attribute) {
  return intrinsic("Fn::GetAtt", List{std::move(logical_id), std::move(attribute)});
}

Value ref(std::string logical_id) { return intrinsic("Ref", std::move(logical_id)); }

Value equals(Value lhs, Value rhs) {
  return intrinsic("Fn::Equals", List{std::move(lhs), std::move(rhs)});
}

Value and_(List conditions) { return intrinsic("Fn::And", std::move(conditions)); }

Value or_(List conditions) { return intrinsic("Fn::Or", std::move(conditions)); }

Value not_(Value condition) { return intrinsic("Fn::Not", List{std::move(condition)}); }

Value condition(const CfnCondition& condition) {
  return intrinsic("Condition", condition.logical_id_value());
}

}  // namespace fn

namespace pseudo {

Value account_id() { return fn::ref("AWS::AccountId"); }
Value region() { return fn::ref("AWS::Region"); }
Value partition() { return fn::ref("AWS::Partition"); }
Value url_suffix() { return fn::ref("AWS::URLSuffix"); }
Value stack_id() { return fn::ref("AWS::StackId"); }
Value stack_name() { return fn::ref("AWS::StackName"); }
Value notification_arns() { return fn::ref("AWS::NotificationARNs"); }
Value no_value() { return fn::ref("AWS::NoValue"); }

}  // namespace pseudo

Value ScopedAws::scoped(std::string name) const {
  return Value(Reference{Reference::Kind::scoped_pseudo, nullptr, &stack_, std::move(name)});
}

Value ScopedAws::account_id() const { return scoped("AWS::AccountId"); }
Value ScopedAws::region() const { return scoped("AWS::Region"); }
Value ScopedAws::partition() const { return scoped("AWS::Partition"); }
Value ScopedAws::url_suffix() const { return scoped("AWS::URLSuffix"); }
Value ScopedAws::stack_id() const { return scoped("AWS::StackId"); }
Value ScopedAws::stack_name() const { return scoped("AWS::StackName"); }

}  // namespace cdk
