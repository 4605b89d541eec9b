#pragma once
// The window's Lesson menu: open a lesson file or the shipped one, step through it, present it.

#include "ui/model/lesson.h"

#include <QObject>
#include <QString>

#include <optional>

class QAction;
class QMenu;

namespace ax::ui {

class LessonPresenter;
class MainWindow;

class LessonActions : public QObject {
    Q_OBJECT

public:
    explicit LessonActions(MainWindow& window);

    [[nodiscard]] QMenu* menu() const noexcept { return m_menu; }
    [[nodiscard]] QAction* openAction() const noexcept { return m_open; }
    [[nodiscard]] QAction* shippedAction() const noexcept { return m_shipped; }
    [[nodiscard]] QAction* presentAction() const noexcept { return m_present; }
    [[nodiscard]] QAction* previousAction() const noexcept { return m_previous; }
    [[nodiscard]] QAction* nextAction() const noexcept { return m_next; }
    [[nodiscard]] LessonPresenter* presenter() const noexcept { return m_presenter; }

    // Opens the lesson at path and shows its first step; on failure returns the one-line message
    // and changes nothing.
    std::optional<QString> openLessonFile(const QString& path);
    // As openLessonFile, but a failure is told in a dialog.
    void openLessonFileOrSay(const QString& path);
    void setLesson(const Lesson& lesson);

private:
    void sync();

    MainWindow& m_window;
    LessonPresenter* m_presenter = nullptr;
    QMenu* m_menu = nullptr;
    QAction* m_open = nullptr;
    QAction* m_shipped = nullptr;
    QAction* m_present = nullptr;
    QAction* m_previous = nullptr;
    QAction* m_next = nullptr;
};

}  // namespace ax::ui
