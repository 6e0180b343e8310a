// cdkpp compile checks: a typed resource class rejects mistakes at compile time. The build
// compiles this file once as written (it must compile) and once per CDKPP_CASE_* (each must
// not); tests/unit/CMakeLists.txt registers the builds as CTest tests.
// SPDX-License-Identifier: Apache-2.0
#include <cdk/app.hpp>
#include <cdk/aws/dynamodb.hpp>
#include <cdk/stack.hpp>

using cdk::aws::dynamodb::CfnTable;

void define_table(cdk::Stack& stack) {
  stack.add<CfnTable>("Table", CfnTable::Props{
#if defined(CDKPP_CASE_MISSPELLED_PROPERTY)
                                   .billing_mod = "PAY_PER_REQUEST",
#elif defined(CDKPP_CASE_WRONG_LITERAL_TYPE)
                                   .billing_mode = 5,
#elif defined(CDKPP_CASE_WRONG_NESTED_LITERAL)
                                   .billing_mode = "PROVISIONED",
                                   .provisioned_throughput = {.read_capacity_units = "five"},
#else
                                   .billing_mode = "PAY_PER_REQUEST",
                                   .key_schema = {{.attribute_name = "pk", .key_type = "HASH"}},
#endif
                               });
}
