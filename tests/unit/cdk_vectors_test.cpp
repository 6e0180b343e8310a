// cdkpp unit tests: the vectors derived from the real AWS CDK (tests/unit/vectors/
// cdk-vectors.json, written by tests/interop/derive-vectors.js): logical IDs, stack artifact
// IDs and names, and the export/import of references between stacks. Each vector builds the
// same tree in cdkpp and compares what cdkpp computes with what aws-cdk-lib computed.
// SPDX-License-Identifier: Apache-2.0
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "cdk/app.hpp"
#include "cdk/cfn_resource.hpp"
#include "cdk/stage.hpp"
#include "synthesis.hpp"
#include "test_support.hpp"

namespace {

namespace fs = std::filesystem;
using cdk::Json;
using Strings = std::vector<std::string>;

// The vectors, or null (with a test failure) when the file is missing or unreadable.
const Json& vectors() {
  static const Json loaded = [] {
    const fs::path file = CDKPP_UNIT_VECTORS_FILE;
    try {
      return cdk::test::read_json(file);
    } catch (const std::exception& e) {
      ADD_FAILURE() << "cannot load " << file << " (run `npm run vectors`): " << e.what();
      return Json();
    }
  }();
  return loaded;
}

const Json& section(const char* name) {
  static const Json empty = Json::array();
  const Json& all = vectors();
  if (!all.is_object() || !all.contains(name)) {
    ADD_FAILURE() << "the vectors have no '" << name << "' section";
    return empty;
  }
  return all[name];
}

Strings strings(const Json& array) { return array.get<Strings>(); }

// Plain constructs for every id but the last, then a resource of the type; returns it.
cdk::CfnResource& resource_at(cdk::Construct& scope, const Strings& ids, const std::string& type) {
  cdk::Construct* current = &scope;
  for (std::size_t i = 0; i + 1 < ids.size(); ++i) {
    current = &current->add<cdk::Construct>(ids[i]);
  }
  return current->add<cdk::CfnResource>(ids.back(), type);
}

TEST(cdk_vectors, the_file_holds_every_section) {
  const Json& all = vectors();
  ASSERT_TRUE(all.is_object());
  EXPECT_FALSE(section("logicalIds").empty());
  EXPECT_FALSE(section("stacks").empty());
  EXPECT_FALSE(section("exports").empty());
}

TEST(cdk_vectors, logical_ids_match_the_aws_cdk) {
  for (const Json& vector : section("logicalIds")) {
    const std::string name = vector.at("name");
    SCOPED_TRACE(name);
    const Strings passed = strings(vector.value("componentsAsPassed", vector.at("components")));

    cdk::App app;
    auto& stack = app.add<cdk::Stack>("Stack");
    auto& leaf = resource_at(stack, passed, "Cdkpp::Vector::Leaf");

    // The ids as stored (an id with '/' is sanitized when the construct is made).
    Strings stored;
    for (const cdk::Construct* scope : leaf.scopes()) {
      if (scope->scope() != nullptr && scope != &stack) stored.push_back(scope->id());
    }
    EXPECT_EQ(stored, strings(vector.at("components")));

    if (vector.contains("logicalId")) {
      EXPECT_EQ(leaf.logical_id(), vector.at("logicalId").get<std::string>());
      EXPECT_EQ(cdk::detail::prepare_app(app), Strings{});
    } else {
      // The AWS CDK rejects this element, so cdkpp's synthesis must report it.
      const Strings problems = cdk::detail::prepare_app(app);
      ASSERT_EQ(problems.size(), 1u) << vector.at("error");
      EXPECT_EQ(problems[0].rfind("'" + leaf.path() + "': ", 0), 0u) << problems[0];
    }
  }
}

TEST(cdk_vectors, stack_artifact_ids_and_names_match_the_aws_cdk) {
  for (const Json& vector : section("stacks")) {
    const std::string name = vector.at("name");
    SCOPED_TRACE(name);

    cdk::App app;
    cdk::Construct* scope = &app;
    cdk::Stack* stack = nullptr;
    Strings stage_folders;
    for (const Json& step : vector.at("path")) {
      const std::string id = step.at("id");
      const std::string type = step.at("type");
      if (type == "Stage") {
        auto& stage = scope->add<cdk::Stage>(id);
        stage_folders.push_back(stage.artifact_id());
        scope = &stage;
      } else if (type == "Stack") {
        cdk::StackProps props;
        if (step.contains("stackName")) props.stack_name = step.at("stackName");
        stack = &scope->add<cdk::Stack>(id, props);
        scope = stack;
      } else {
        scope = &scope->add<cdk::Construct>(id);
      }
      EXPECT_EQ(scope->id(), step.value("sanitizedId", id));
    }
    ASSERT_NE(stack, nullptr);

    if (vector.contains("error")) {
      // The AWS CDK refuses the stack name when the stack is made; cdkpp at synthesis.
      const Strings problems = cdk::detail::prepare_app(app);
      ASSERT_EQ(problems.size(), 1u) << vector.at("error");
      EXPECT_EQ(problems[0].rfind("stack '" + stack->path() + "': stack name", 0), 0u)
          << problems[0];
      continue;
    }
    EXPECT_EQ(stack->path(), vector.at("displayName").get<std::string>());
    EXPECT_EQ(stack->artifact_id(), vector.at("artifactId").get<std::string>());
    EXPECT_EQ(stack->stack_name(), vector.at("stackName").get<std::string>());
    EXPECT_EQ(stack->template_file(), vector.at("templateFile").get<std::string>());
    std::string folders;
    for (const std::string& folder : stage_folders) {
      folders += (folders.empty() ? "" : "/") + folder;
    }
    EXPECT_EQ(folders, vector.at("assemblyDirectory").get<std::string>());
    EXPECT_EQ(cdk::detail::prepare_app(app), Strings{});
  }
}

// The value a vector's consumer uses, built as derive-vectors.js builds it in TypeScript.
cdk::Value referenced_value(const Json& reference, cdk::Stack& producer,
                            const cdk::CfnResource* target) {
  const std::string kind = reference.at("kind");
  const std::string attribute = reference.value("attribute", "");
  const cdk::ScopedAws scoped(producer);
  cdk::Value value;
  if (kind == "Ref") {
    value = target->ref();
  } else if (kind == "GetAtt") {
    value = target->get_att(attribute);
  } else if (kind == "Pseudo" && attribute == "account") {
    value = producer.account();
  } else if (kind == "Pseudo" && attribute == "region") {
    value = producer.region();
  } else if (kind == "Pseudo" && attribute == "stackName") {
    value = producer.stack_name();  // a literal in the AWS CDK
  } else if (attribute == "stackId") {
    value = scoped.stack_id();  // stack.stackId is scoped to its stack in the AWS CDK
  } else if (kind == "ScopedPseudo" && attribute == "accountId") {
    value = scoped.account_id();
  } else if (kind == "ScopedPseudo" && attribute == "region") {
    value = scoped.region();
  } else {
    ADD_FAILURE() << "unknown reference kind " << reference.dump();
  }

  if (reference.contains("embeddedIn")) {
    const std::string pattern = reference.at("embeddedIn");
    const auto token = pattern.find("${token}");
    value = cdk::Value(pattern.substr(0, token)) + value +
            cdk::Value(pattern.substr(token + std::string("${token}").size()));
  }
  return value;
}

TEST(cdk_vectors, exports_and_imports_match_the_aws_cdk) {
  for (const Json& vector : section("exports")) {
    const std::string name = vector.at("name");
    SCOPED_TRACE(name);
    const Json& reference = vector.at("reference");
    if (reference.value("typeHint", "") == "STRING_LIST") {
      // cdkpp has no list-typed references (the AWS CDK joins them with "||" to export them
      // and splits the import); such values cannot be built, so there is nothing to compare.
      continue;
    }

    // The same tree: [Stage/]Producer and [Stage/]Consumer, "Use" in the consumer.
    cdk::App app;
    const Strings producer_path = strings(vector.at("producerPath"));
    cdk::Construct* parent = &app;
    if (producer_path.size() == 2) parent = &app.add<cdk::Stage>(producer_path[0]);
    const std::string default_name =
        producer_path.size() == 2 ? producer_path[0] + "-" + producer_path[1] : producer_path[0];
    cdk::StackProps producer_props;
    const std::string producer_name = vector.at("producerStackName");
    if (producer_name != default_name) producer_props.stack_name = producer_name;
    auto& producer = parent->add<cdk::Stack>(producer_path.back(), producer_props);
    auto& consumer = parent->add<cdk::Stack>(strings(vector.at("consumerPath")).back());

    const cdk::CfnResource* target = nullptr;
    if (reference.contains("target")) {
      target =
          &resource_at(producer, strings(reference.at("target")), reference.at("resourceType"));
      EXPECT_EQ(target->logical_id(), reference.at("targetLogicalId").get<std::string>());
    }
    // A third-party type takes any value: the spec checks leave it alone.
    consumer.add<cdk::CfnResource>(
        "Use", "Cdkpp::Vector::Sink",
        cdk::Object{{"Value", referenced_value(reference, producer, target)}});

    const cdk::test::TempDir dir;
    app.synth(dir / "out");
    const fs::path assembly =
        producer_path.size() == 2 ? dir / "out" / producer.stage().artifact_id() : dir / "out";
    const Json producer_template = cdk::test::read_json(assembly / producer.template_file());
    const Json consumer_template = cdk::test::read_json(assembly / consumer.template_file());
    const Json manifest = cdk::test::read_json(assembly / "manifest.json");

    EXPECT_EQ(producer.artifact_id(), vector.at("producerArtifactId").get<std::string>());
    EXPECT_EQ(producer.stack_name(), producer_name);
    const Json outputs = producer_template.value("Outputs", Json::object());
    Json exports = Json::object();
    for (const auto& [id, output] : outputs.items()) {
      if (output.contains("Export")) exports[id] = output;
    }
    if (vector.at("outputLogicalId").is_null()) {
      EXPECT_EQ(exports, Json::object());
      EXPECT_EQ(producer.try_find_child("Exports"), nullptr);
    } else {
      const std::string output_id = vector.at("outputLogicalId");
      EXPECT_EQ(cdk::test::keys_of(exports), Strings{output_id});
      EXPECT_EQ(exports[output_id]["Value"], vector.at("outputValue"));
      EXPECT_EQ(exports[output_id]["Export"], (Json{{"Name", vector.at("exportName")}}));
      const Strings path = strings(vector.at("outputConstructPath"));
      ASSERT_EQ(path.size(), 2u);
      EXPECT_NE(producer.find_child(path[0]).try_find_child(path[1]), nullptr);
    }
    EXPECT_EQ(consumer_template["Resources"]["Use"]["Properties"]["Value"],
              vector.at("consumerValue"));
    EXPECT_EQ(manifest["artifacts"][consumer.artifact_id()]["dependencies"],
              vector.at("consumerDependencies"));
  }
}

}  // namespace
