// cdkpp: runs independent tasks of synthesis on several threads.
// SPDX-License-Identifier: Apache-2.0
#include "parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <system_error>
#include <thread>
#include <vector>

namespace cdk::detail {

unsigned thread_count(unsigned jobs) {
  if (jobs != 0) return jobs;
  return std::max(1U, std::thread::hardware_concurrency());
}

void for_each_task(std::size_t tasks, unsigned threads,
                   const std::function<void(std::size_t task, unsigned thread)>& run) {
  std::vector<std::exception_ptr> failures(tasks);
  std::atomic<std::size_t> next{0};
  auto work = [&](unsigned thread) {
    for (std::size_t task = next++; task < tasks; task = next++) {
      try {
        run(task, thread);
      } catch (...) {
        failures[task] = std::current_exception();
      }
    }
  };

  // More threads than tasks would only wait.
  const auto used = static_cast<unsigned>(std::min<std::size_t>(std::max(threads, 1U), tasks));
  std::vector<std::thread> helpers;
  try {
    for (unsigned thread = 1; thread < used; ++thread) helpers.emplace_back(work, thread);
  } catch (const std::system_error&) {
    // The system has no thread to spare: the threads made so far do all of the work.
  }
  work(0);
  for (std::thread& helper : helpers) helper.join();

  for (const std::exception_ptr& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
}

}  // namespace cdk::detail
