#pragma once
// The window's Lesson menu: open a lesson file or the shipped one, step through it, present it; and
// write one: add what the window shows as a step, edit the steps, save and export the lesson.

#include "ui/model/lesson.h"
#include "ui/model/lesson_draft.h"
#include "ui/render/figure_export.h"

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
    [[nodiscard]] QAction* addStepAction() const noexcept { return m_addStep; }
    [[nodiscard]] QAction* editStepsAction() const noexcept { return m_editSteps; }
    [[nodiscard]] QAction* saveAction() const noexcept { return m_save; }
    [[nodiscard]] QAction* saveAsAction() const noexcept { return m_saveAs; }
    [[nodiscard]] QAction* exportAction() const noexcept { return m_export; }
    [[nodiscard]] LessonPresenter* presenter() const noexcept { return m_presenter; }

    // Opens the lesson at path and shows its first step; on failure returns the one-line message
    // and changes nothing.
    std::optional<QString> openLessonFile(const QString& path);
    // As openLessonFile, but unsaved edits to the open lesson are asked about first and a failure
    // is told in a dialog.
    void openLessonFileOrSay(const QString& path);
    void setLesson(const Lesson& lesson);

    // What the window shows: the current session, the tab's view and the highlighted activation.
    [[nodiscard]] ShownView shownView() const;
    // Appends shownView() to the open lesson (a new one when none is open) and stays on it.
    void addShownView();
    // The lesson file saves go to; empty for a new lesson or the shipped one, which is a resource.
    [[nodiscard]] const QString& lessonFile() const noexcept { return m_lessonFile; }
    // Whether the open lesson has edits no file holds.
    [[nodiscard]] bool isLessonModified() const noexcept { return m_modified; }
    // Writes the open lesson to path, which then takes the saves; returns the message on failure,
    // when the lesson and any file at path stay as they were.
    std::optional<QString> saveLessonFile(const QString& path);
    // As saveLessonFile, a failure told in a dialog; true when saved.
    bool saveLessonFileOrSay(const QString& path);
    // Saves to lessonFile(), or asks for a file when there is none; true when saved.
    bool save();
    bool saveAs();
    // The open lesson as a PDF at path, or (PNG, SVG) one image per step in the folder path, made
    // when missing; every file whole or not at all. Returns the message on failure.
    std::optional<QString> exportLesson(const QString& path, FigureFormat format);
    // Asks whether to save unsaved edits to the lesson before they are lost; false: keep them.
    [[nodiscard]] bool confirmUnsavedLesson();

private:
    void sync();
    // The open lesson becomes lesson, on step, with edits to save.
    void applyEdit(const Lesson& lesson, int step);
    void editSteps();
    void exportWithDialog();
    void warn(const QString& title, const QString& message);

    MainWindow& m_window;
    LessonPresenter* m_presenter = nullptr;
    QString m_lessonFile;
    bool m_modified = false;
    QMenu* m_menu = nullptr;
    QAction* m_open = nullptr;
    QAction* m_shipped = nullptr;
    QAction* m_present = nullptr;
    QAction* m_previous = nullptr;
    QAction* m_next = nullptr;
    QAction* m_addStep = nullptr;
    QAction* m_editSteps = nullptr;
    QAction* m_save = nullptr;
    QAction* m_saveAs = nullptr;
    QAction* m_export = nullptr;
};

}  // namespace ax::ui
