// cdkpp: the property types of the generated resource classes.
// SPDX-License-Identifier: Apache-2.0
#include "cdk/property.hpp"

namespace cdk {
namespace detail {

PropertyValue::PropertyValue() = default;
PropertyValue::PropertyValue(Value value) : value_(std::move(value)) {}
PropertyValue::PropertyValue(const PropertyValue& other) = default;
PropertyValue::PropertyValue(PropertyValue&& other) noexcept = default;
PropertyValue& PropertyValue::operator=(const PropertyValue& other) = default;
PropertyValue& PropertyValue::operator=(PropertyValue&& other) noexcept = default;
PropertyValue::~PropertyValue() = default;

const Value& PropertyValue::value() const {
  static const Value kUnset;
  return value_ ? *value_ : kUnset;
}

void put(Object& out, const char* name, const PropertyValue& property) {
  if (property.is_set()) out.emplace_back(name, property.value());
}

}  // namespace detail

Object to_object(const CfnTag& tag) {
  Object out;
  detail::put(out, "Key", tag.key);
  detail::put(out, "Value", tag.value);
  return out;
}

}  // namespace cdk
