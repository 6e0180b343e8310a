// cdkpp: runs independent tasks of synthesis (one per stack) on several threads.
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <functional>

namespace cdk::detail {

// The threads that `jobs` asks for: 0 means one per core (at least one).
unsigned thread_count(unsigned jobs);

// Runs run(task, thread) for every task in [0, tasks), on up to `threads` threads (the calling
// thread is one of them); `thread` is below `threads`, so that a caller can keep state per
// thread. Which thread runs which task varies, so the tasks must write only their own results.
// When tasks throw, every task still runs and the exception of the lowest task is rethrown.
void for_each_task(std::size_t tasks, unsigned threads,
                   const std::function<void(std::size_t task, unsigned thread)>& run);

}  // namespace cdk::detail
