// cdkpp: CloudFormation values, literal or computed at deploy time (intrinsic functions).
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <concepts>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace cdk {

class CfnElement;
class CfnCondition;
class Stack;
class Value;

using Json = nlohmann::ordered_json;
using List = std::vector<Value>;
using Object = std::vector<std::pair<std::string, Value>>;

// What a reference points at. A reference is the only kind of value that is bound to a stack:
// rendered in another stack it becomes an export in the producer and an import in the consumer.
struct Reference {
  // ref: {"Ref": id}; get_att: {"Fn::GetAtt": [id, name]}; scoped_pseudo: {"Ref": name} in
  // the stack it belongs to; logical_id: the target's logical ID as a plain string.
  enum class Kind { ref, get_att, scoped_pseudo, logical_id };

  Kind kind;
  const CfnElement* target = nullptr;  // ref, get_att, logical_id
  const Stack* stack = nullptr;        // scoped_pseudo: the stack whose pseudo parameter it is
  std::string name;                    // attribute (get_att) or pseudo parameter (scoped_pseudo)
};

// An intrinsic function call, rendered as {"<name>": <argument>}.
struct Intrinsic {
  std::string name;
  std::shared_ptr<const Value> argument;
};

// A CloudFormation value: null, boolean, number, string, list, object, a reference to a
// CloudFormation element, or an intrinsic function. Values are immutable and cheap to copy.
class Value {
 public:
  Value() = default;
  Value(std::nullptr_t) {}
  Value(bool b) : data_(b) {}
  template <std::integral T>
  requires(!std::same_as<T, bool>) Value(T i) : data_(static_cast<std::int64_t>(i)) {}
  Value(double d) : data_(d) {}
  Value(const char* s) : data_(std::string(s)) {}
  Value(std::string s) : data_(std::move(s)) {}
  Value(std::string_view s) : data_(std::string(s)) {}
  Value(List items);
  Value(Object members);
  Value(Reference reference);
  Value(Intrinsic intrinsic);

  // A literal value from JSON; objects keep their key order.
  static Value from_json(const Json& json);

  bool is_null() const { return std::holds_alternative<std::monostate>(data_); }
  bool is_string() const { return std::holds_alternative<std::string>(data_); }
  bool is_list() const { return std::holds_alternative<std::shared_ptr<const List>>(data_); }
  bool is_object() const { return std::holds_alternative<std::shared_ptr<const Object>>(data_); }
  bool is_reference() const {
    return std::holds_alternative<std::shared_ptr<const Reference>>(data_);
  }
  bool is_intrinsic() const {
    return std::holds_alternative<std::shared_ptr<const Intrinsic>>(data_);
  }

  // Accessors; each throws cdk::Error when the value is of another kind.
  const std::string& as_string() const;
  const List& as_list() const;
  const Object& as_object() const;
  const Reference& as_reference() const;
  const Intrinsic& as_intrinsic() const;

  // True when nothing inside depends on deploy time (no reference, no intrinsic).
  bool is_literal() const;

  // The literal as JSON; throws cdk::Error when the value is not a literal.
  Json to_json() const;

  // A short human-readable form for error messages; references show their construct path.
  std::string describe() const;

  // Underlying storage, for the renderer.
  using Data = std::variant<std::monostate, bool, std::int64_t, double, std::string,
                            std::shared_ptr<const List>, std::shared_ptr<const Object>,
                            std::shared_ptr<const Reference>, std::shared_ptr<const Intrinsic>>;
  const Data& data() const { return data_; }

 private:
  Data data_;
};

// Equal when of the same kind with equal contents: object members in the same order,
// references to the same element (and attribute or pseudo parameter), the same intrinsic call.
bool operator==(const Value& lhs, const Value& rhs);

// String concatenation; a result that depends on deploy time renders as Fn::Join with "".
Value operator+(const Value& lhs, const Value& rhs);

// The intrinsic functions of CloudFormation.
namespace fn {
Value join(std::string delimiter, List parts);
Value sub(std::string body, Object variables = {});
Value select(int index, Value list);
Value split(std::string delimiter, Value source);
Value if_(const CfnCondition& condition, Value when_true, Value when_false);
Value import_value(Value export_name);
Value find_in_map(Value map_name, Value top_level_key, Value second_level_key);
Value get_azs(Value region = "");
Value base64(Value data);
Value cidr(Value ip_block, Value count, Value cidr_bits);
Value get_att(std::string logical_id, std::string attribute);
Value ref(std::string logical_id);
// Condition functions.
Value equals(Value lhs, Value rhs);
Value and_(List conditions);
Value or_(List conditions);
Value not_(Value condition);
Value condition(const CfnCondition& condition);
}  // namespace fn

// Pseudo parameters, resolved by CloudFormation in whichever stack uses them.
namespace pseudo {
Value account_id();
Value region();
Value partition();
Value url_suffix();
Value stack_id();
Value stack_name();
Value notification_arns();
Value no_value();
}  // namespace pseudo

// Pseudo parameters bound to one stack: used in another stack they are exported.
class ScopedAws {
 public:
  explicit ScopedAws(const Stack& stack) : stack_(stack) {}

  Value account_id() const;
  Value region() const;
  Value partition() const;
  Value url_suffix() const;
  Value stack_id() const;
  Value stack_name() const;

 private:
  Value scoped(std::string name) const;

  const Stack& stack_;
};

}  // namespace cdk
