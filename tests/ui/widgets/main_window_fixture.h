#pragma once
// The window as the window tests meet it: shown at a given size, without saved settings, closed and
// back at the system theme after each test.

#include "ui/model/explorer_state.h"
#include "ui/widgets/main_window.h"

#include <QSize>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>

namespace ax::ui {

class MainWindowFixture : public ::testing::Test {
protected:
    explicit MainWindowFixture(QSize size = QSize(1500, 900)) : m_size(size) {}

    void SetUp() override
    {
        window = std::make_unique<MainWindow>(Persistence::None);
        window->resize(m_size);
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    }

    void TearDown() override
    {
        window->state().setTheme(Theme::System);
        window->close();
    }

    [[nodiscard]] ExplorerState& state() const { return window->state(); }

    std::unique_ptr<MainWindow> window;

private:
    QSize m_size;
};

}  // namespace ax::ui
