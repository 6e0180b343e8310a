// cdkpp: the property types of the generated resource classes (<cdk/aws/*.hpp>).
// SPDX-License-Identifier: Apache-2.0
//
// A property of a generated class or property struct is a Prop<T>, a PropList<E>, a PropMap<E>
// or a nested property struct held directly. Each holds a cdk::Value once set, and accepts the
// literals of its CloudFormation type, or any Value (a token such as bucket.attr_arn() or
// fn::sub(...)), whose type synthesis checks against the specification. A literal of another
// type does not compile:
//
//   CfnTable::Props{.billing_mode = "PAY_PER_REQUEST",
//                   .key_schema = {{.attribute_name = "pk", .key_type = "HASH"}},
//                   .table_name = fn::sub("${AWS::StackName}-users")};
#pragma once

#include <concepts>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "cdk/value.hpp"

namespace cdk {

// A generated nested property struct: its fields render through to_object, which the
// generated header declares next to the struct (found by argument-dependent lookup).
template <class T>
concept PropertyStruct = requires(const T& value) {
  { to_object(value) } -> std::same_as<Object>;
};

namespace detail {

// What every Prop, PropList and PropMap holds: nothing, or the value as it will be rendered.
class PropertyValue {
 public:
  bool is_set() const { return value_.has_value(); }
  // The value; null when unset.
  const Value& value() const;

  // Out of line: a generated Props struct has dozens of properties, and inline copies of each
  // would be compiled again in every file that builds one.
  PropertyValue(const PropertyValue& other);
  PropertyValue(PropertyValue&& other) noexcept;
  PropertyValue& operator=(const PropertyValue& other);
  PropertyValue& operator=(PropertyValue&& other) noexcept;
  ~PropertyValue();

 protected:
  PropertyValue();
  explicit PropertyValue(Value value);

 private:
  std::optional<Value> value_;
};

// The value of a list or map element: a property holds its value, a struct renders to one.
template <class Element>
Value element_value(const Element& element) {
  if constexpr (std::derived_from<Element, PropertyValue>) {
    return element.value();
  } else {
    return Value(to_object(element));
  }
}

// Adds name: value to a rendered object when the property is set (generated code calls these).
void put(Object& out, const char* name, const PropertyValue& property);
template <PropertyStruct Struct>
void put(Object& out, const char* name, const Struct& value) {
  // A struct held directly is written only when one of its fields is set.
  Object rendered = to_object(value);
  if (!rendered.empty()) out.emplace_back(name, Value(std::move(rendered)));
}

}  // namespace detail

template <class T>
class Prop;

// string and timestamp properties.
template <>
class Prop<std::string> : public detail::PropertyValue {
 public:
  Prop() = default;
  Prop(const char* text) : PropertyValue(Value(text)) {}
  Prop(std::string text) : PropertyValue(Value(std::move(text))) {}
  Prop(std::string_view text) : PropertyValue(Value(text)) {}
  Prop(Value value) : PropertyValue(std::move(value)) {}
};

// integer properties.
template <>
class Prop<std::int64_t> : public detail::PropertyValue {
 public:
  Prop() = default;
  template <std::integral Integer>
  requires(!std::same_as<Integer, bool>) Prop(Integer number) : PropertyValue(Value(number)) {}
  Prop(Value value) : PropertyValue(std::move(value)) {}
};

// number properties.
template <>
class Prop<double> : public detail::PropertyValue {
 public:
  Prop() = default;
  template <class Number>
  requires((std::integral<Number> || std::floating_point<Number>)&&!std::same_as<Number, bool>)
      Prop(Number number)
      : PropertyValue(Value(number)) {}
  Prop(Value value) : PropertyValue(std::move(value)) {}
};

// boolean properties (a string or a pointer does not turn into one).
template <>
class Prop<bool> : public detail::PropertyValue {
 public:
  Prop() = default;
  template <std::same_as<bool> Boolean>
  Prop(Boolean flag) : PropertyValue(Value(flag)) {}
  Prop(Value value) : PropertyValue(std::move(value)) {}
};

// json properties and unions of several types: any value, or a property struct.
template <>
class Prop<Value> : public detail::PropertyValue {
 public:
  Prop() = default;
  template <class Any>
  requires std::constructible_from<Value, Any> Prop(Any&& value)
      : PropertyValue(Value(std::forward<Any>(value))) {}
  template <PropertyStruct Struct>
  Prop(const Struct& value) : PropertyValue(Value(to_object(value))) {}
  // A JSON document, such as a policy read from a file.
  static Prop from_json(const Json& json) { return Prop(Value::from_json(json)); }
};

// A nested property struct held by value, for the places where holding the struct itself would
// make a type contain itself; it also accepts a token.
template <class Struct>
class Prop : public detail::PropertyValue {
 public:
  Prop() = default;
  template <class Same = Struct>
  requires std::same_as<std::remove_cvref_t<Same>, Struct> Prop(const Same& value)
      : PropertyValue(Value(to_object(value))) {}
  Prop(Value value) : PropertyValue(std::move(value)) {}
};

// list<...> properties. Element is Prop<T>, PropList<...>, PropMap<...> or a property struct.
template <class Element>
class PropList : public detail::PropertyValue {
 public:
  PropList() = default;
  PropList(std::initializer_list<Element> elements) : PropertyValue(render(elements)) {}
  template <class Other>
  requires std::convertible_to<const Other&, Element> PropList(const std::vector<Other>& elements)
      : PropertyValue(render(elements)) {}
  // A token that resolves to a list (fn::split, fn::get_azs, a list parameter).
  PropList(Value value) : PropertyValue(std::move(value)) {}

 private:
  template <class Range>
  static Value render(const Range& elements) {
    List items;
    items.reserve(elements.size());
    for (const auto& element : elements) {
      items.push_back(detail::element_value<Element>(static_cast<const Element&>(element)));
    }
    return Value(std::move(items));
  }
};

// map<...> properties: keys are strings, kept in the order given.
template <class Element>
class PropMap : public detail::PropertyValue {
 public:
  PropMap() = default;
  PropMap(std::initializer_list<std::pair<std::string, Element>> entries)
      : PropertyValue(render(entries)) {}
  template <class Other>
  requires std::convertible_to<const Other&, Element> PropMap(
      const std::map<std::string, Other>& entries)
      : PropertyValue(render(entries)) {}
  PropMap(Value value) : PropertyValue(std::move(value)) {}

 private:
  template <class Range>
  static Value render(const Range& entries) {
    Object members;
    members.reserve(entries.size());
    for (const auto& [key, element] : entries) {
      members.emplace_back(key,
                           detail::element_value<Element>(static_cast<const Element&>(element)));
    }
    return Value(std::move(members));
  }
};

// The built-in CloudFormation tag: {"Key": ..., "Value": ...}.
struct CfnTag {
  Prop<std::string> key;
  Prop<std::string> value;
};

Object to_object(const CfnTag& tag);

}  // namespace cdk
