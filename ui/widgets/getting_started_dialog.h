#pragma once
// Help ▸ Getting Started: what the window shows and every mouse and keyboard shortcut, on one page.

#include <QDialog>

class QTextBrowser;

namespace ax::ui {

class GettingStartedDialog : public QDialog {
    Q_OBJECT

public:
    explicit GettingStartedDialog(QWidget* parent = nullptr);

    [[nodiscard]] QTextBrowser* page() const noexcept { return m_page; }

private:
    QTextBrowser* m_page = nullptr;
};

}  // namespace ax::ui
