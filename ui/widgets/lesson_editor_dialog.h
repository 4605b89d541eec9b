#pragma once
// Edits a lesson's steps: the lesson's title, the order of its steps, each step's title and caption,
// and a step's view replaced by what the window shows. Nothing changes until OK.

#include "ui/model/lesson.h"
#include "ui/model/lesson_draft.h"

#include <QDialog>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace ax::ui {

class LessonEditorDialog : public QDialog {
    Q_OBJECT

public:
    // shownView tells what the window shows now, for "Replace with Current View".
    LessonEditorDialog(const Lesson& lesson, std::function<ShownView()> shownView, QWidget* parent = nullptr);

    // The lesson as edited so far.
    [[nodiscard]] const Lesson& lesson() const noexcept { return m_lesson; }
    // The step whose title and caption the fields show; -1 when none is selected.
    [[nodiscard]] int selectedStep() const;
    void selectStep(int step);

    [[nodiscard]] QLineEdit* lessonTitleEdit() const noexcept { return m_lessonTitle; }
    [[nodiscard]] QListWidget* stepList() const noexcept { return m_steps; }
    [[nodiscard]] QLineEdit* stepTitleEdit() const noexcept { return m_stepTitle; }
    [[nodiscard]] QPlainTextEdit* captionEdit() const noexcept { return m_caption; }
    // One line naming what keeps the lesson from being saved; empty when nothing does.
    [[nodiscard]] QLabel* problemLabel() const noexcept { return m_problem; }
    [[nodiscard]] QPushButton* moveUpButton() const noexcept { return m_moveUp; }
    [[nodiscard]] QPushButton* moveDownButton() const noexcept { return m_moveDown; }
    [[nodiscard]] QPushButton* deleteButton() const noexcept { return m_delete; }
    [[nodiscard]] QPushButton* replaceButton() const noexcept { return m_replace; }
    [[nodiscard]] QPushButton* okButton() const;

private:
    // from the UI
    void onStepSelected();
    void onStepTitleEdited(const QString& title);
    void onCaptionEdited();
    void moveStep(int by);
    void deleteStep();
    void replaceWithShownView();

    // The list's rows from the lesson, with step selected.
    void fillList(int step);
    [[nodiscard]] static QString rowText(const Lesson& lesson, int step);
    // The buttons and the problem line after any change.
    void sync();

    Lesson m_lesson;
    std::function<ShownView()> m_shownView;
    QLineEdit* m_lessonTitle = nullptr;
    QListWidget* m_steps = nullptr;
    QLineEdit* m_stepTitle = nullptr;
    QPlainTextEdit* m_caption = nullptr;
    QLabel* m_problem = nullptr;
    QPushButton* m_moveUp = nullptr;
    QPushButton* m_moveDown = nullptr;
    QPushButton* m_delete = nullptr;
    QPushButton* m_replace = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

}  // namespace ax::ui
