// cdkpp: everything needed to write an app, in one include.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "cdk/app.hpp"
#include "cdk/asset.hpp"
#include "cdk/cfn_condition.hpp"
#include "cdk/cfn_element.hpp"
#include "cdk/cfn_mapping.hpp"
#include "cdk/cfn_output.hpp"
#include "cdk/cfn_parameter.hpp"
#include "cdk/cfn_resource.hpp"
#include "cdk/construct.hpp"
#include "cdk/context.hpp"
#include "cdk/environment.hpp"
#include "cdk/errors.hpp"
#include "cdk/names.hpp"
#include "cdk/stack.hpp"
#include "cdk/stage.hpp"
#include "cdk/value.hpp"
