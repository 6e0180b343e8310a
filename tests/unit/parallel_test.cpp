// cdkpp unit tests: the tasks that synthesis runs side by side (detail::for_each_task).
// SPDX-License-Identifier: Apache-2.0
#include "parallel.hpp"

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace {

using cdk::detail::for_each_task;

TEST(for_each_task, runs_every_task_once_on_a_thread_below_the_count) {
  constexpr std::size_t kTasks = 1000;
  std::vector<int> runs(kTasks, 0);
  std::vector<unsigned> threads(kTasks, 99);

  for_each_task(kTasks, 3, [&](std::size_t task, unsigned thread) {
    ++runs[task];
    threads[task] = thread;
  });

  EXPECT_EQ(runs, std::vector<int>(kTasks, 1));
  for (unsigned thread : threads) EXPECT_LT(thread, 3U);
}

TEST(for_each_task, one_thread_runs_the_tasks_in_order_on_the_calling_thread) {
  std::vector<std::size_t> order;
  for_each_task(5, 1, [&](std::size_t task, unsigned thread) {
    EXPECT_EQ(thread, 0U);
    order.push_back(task);
  });
  EXPECT_EQ(order, (std::vector<std::size_t>{0, 1, 2, 3, 4}));
}

TEST(for_each_task, no_tasks_run_nothing) {
  bool ran = false;
  for_each_task(0, 4, [&](std::size_t, unsigned) { ran = true; });
  EXPECT_FALSE(ran);
}

TEST(for_each_task, every_task_runs_and_the_lowest_failure_is_rethrown) {
  std::atomic<int> runs{0};
  auto run = [&] {
    for_each_task(50, 4, [&](std::size_t task, unsigned) {
      ++runs;
      if (task == 7 || task == 30) throw std::runtime_error("task " + std::to_string(task));
    });
  };

  EXPECT_THROW(
      {
        try {
          run();
        } catch (const std::runtime_error& e) {
          EXPECT_EQ(std::string(e.what()), "task 7");
          throw;
        }
      },
      std::runtime_error);
  EXPECT_EQ(runs.load(), 50);
}

TEST(thread_count, zero_asks_for_one_per_core_and_anything_else_is_taken_as_it_is) {
  EXPECT_GE(cdk::detail::thread_count(0), 1U);
  EXPECT_EQ(cdk::detail::thread_count(1), 1U);
  EXPECT_EQ(cdk::detail::thread_count(6), 6U);
}

}  // namespace
