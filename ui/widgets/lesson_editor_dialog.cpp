#include "ui/widgets/lesson_editor_dialog.h"

#include "ui/model/lesson_caption.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>
#include <utility>

namespace ax::ui {

LessonEditorDialog::LessonEditorDialog(const Lesson& lesson, std::function<ShownView()> shownView,
                                       QWidget* parent)
    : QDialog(parent), m_lesson(lesson), m_shownView(std::move(shownView))
{
    setWindowTitle(tr("Edit Steps"));
    setObjectName(QStringLiteral("lessonEditorDialog"));

    m_lessonTitle = new QLineEdit(m_lesson.title, this);
    m_lessonTitle->setMaxLength(Lesson::kMaxTitleLength);
    m_lessonTitle->setAccessibleName(tr("Lesson title"));
    connect(m_lessonTitle, &QLineEdit::textEdited, this, [this](const QString& title) {
        m_lesson.title = title;
        sync();
    });

    m_steps = new QListWidget(this);
    m_steps->setAccessibleName(tr("Steps"));
    m_steps->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_steps, &QListWidget::currentRowChanged, this, &LessonEditorDialog::onStepSelected);

    m_moveUp = new QPushButton(tr("Move &Up"), this);
    m_moveDown = new QPushButton(tr("Move &Down"), this);
    m_delete = new QPushButton(tr("De&lete"), this);
    m_replace = new QPushButton(tr("&Replace with Current View"), this);
    m_replace->setToolTip(tr("The step shows what the window shows now; its title and caption stay"));
    // Buttons beside the list are not the dialog's default: Return in a field must not move a step.
    for (QPushButton* button : {m_moveUp, m_moveDown, m_delete, m_replace})
        button->setAutoDefault(false);
    connect(m_moveUp, &QPushButton::clicked, this, [this] { moveStep(-1); });
    connect(m_moveDown, &QPushButton::clicked, this, [this] { moveStep(1); });
    connect(m_delete, &QPushButton::clicked, this, &LessonEditorDialog::deleteStep);
    connect(m_replace, &QPushButton::clicked, this, &LessonEditorDialog::replaceWithShownView);

    m_stepTitle = new QLineEdit(this);
    m_stepTitle->setMaxLength(Lesson::kMaxTitleLength);
    m_stepTitle->setAccessibleName(tr("Step title"));
    connect(m_stepTitle, &QLineEdit::textEdited, this, &LessonEditorDialog::onStepTitleEdited);

    m_caption = new QPlainTextEdit(this);
    m_caption->setAccessibleName(tr("Caption"));
    m_caption->setToolTip(tr("Rich text with the tags %1 and character entities")
                              .arg(LessonCaption::allowedTags().join(QStringLiteral(", "))));
    m_caption->setTabChangesFocus(true);
    connect(m_caption, &QPlainTextEdit::textChanged, this, &LessonEditorDialog::onCaptionEdited);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("lessonProblem"));
    m_problem->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_problem->setTextFormat(Qt::PlainText);
    // A message naming the allowed tags is longer than the dialog is wide.
    m_problem->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* stepButtons = new QVBoxLayout;
    for (QPushButton* button : {m_moveUp, m_moveDown, m_delete, m_replace})
        stepButtons->addWidget(button);
    stepButtons->addStretch(1);
    auto* listRow = new QHBoxLayout;
    listRow->addWidget(m_steps, 1);
    listRow->addLayout(stepButtons);

    auto* form = new QFormLayout;
    form->addRow(tr("Lesson &title:"), m_lessonTitle);
    // A layout takes no buddy of its own: the label names the list for its mnemonic.
    auto* stepsLabel = new QLabel(tr("&Steps:"), this);
    stepsLabel->setBuddy(m_steps);
    form->addRow(stepsLabel, listRow);
    form->addRow(tr("Step t&itle:"), m_stepTitle);
    form->addRow(tr("&Caption:"), m_caption);
    form->addRow(QString(), m_problem);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    resize(720, 560);

    fillList(m_lesson.steps.isEmpty() ? -1 : 0);
}

QPushButton* LessonEditorDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

int LessonEditorDialog::selectedStep() const
{
    return m_steps->currentRow();
}

void LessonEditorDialog::selectStep(int step)
{
    m_steps->setCurrentRow(step);
}

void LessonEditorDialog::onStepSelected()
{
    const int step = selectedStep();
    const bool any = step >= 0 && step < m_lesson.steps.size();
    {
        // Showing a step is not an edit of it.
        const QSignalBlocker titleBlocker(m_stepTitle);
        const QSignalBlocker captionBlocker(m_caption);
        m_stepTitle->setText(any ? m_lesson.steps.at(step).title : QString());
        m_caption->setPlainText(any ? m_lesson.steps.at(step).caption : QString());
    }
    m_stepTitle->setEnabled(any);
    m_caption->setEnabled(any);
    sync();
}

void LessonEditorDialog::onStepTitleEdited(const QString& title)
{
    const int step = selectedStep();
    if (step < 0 || step >= m_lesson.steps.size()) return;
    m_lesson.steps[step].title = title;
    if (QListWidgetItem* item = m_steps->item(step)) item->setText(rowText(m_lesson, step));
    sync();
}

void LessonEditorDialog::onCaptionEdited()
{
    const int step = selectedStep();
    if (step < 0 || step >= m_lesson.steps.size()) return;
    m_lesson.steps[step].caption = m_caption->toPlainText();
    sync();
}

void LessonEditorDialog::moveStep(int by)
{
    const int step = selectedStep();
    const int to = step + by;
    if (step < 0 || to < 0 || to >= m_lesson.steps.size()) return;
    m_lesson.steps.swapItemsAt(step, to);
    fillList(to);
}

void LessonEditorDialog::deleteStep()
{
    const int step = selectedStep();
    // A lesson keeps one step at least: a file without steps opens as nothing.
    if (step < 0 || m_lesson.steps.size() <= 1) return;
    m_lesson.steps.removeAt(step);
    fillList(std::min(step, static_cast<int>(m_lesson.steps.size()) - 1));
}

void LessonEditorDialog::replaceWithShownView()
{
    const int step = selectedStep();
    if (step < 0 || step >= m_lesson.steps.size() || !m_shownView) return;
    const LessonStep previous = step > 0 ? m_lesson.steps.at(step - 1) : LessonStep();
    LessonDraft::retake(m_lesson.steps[step], m_shownView(), step > 0 ? &previous : nullptr);
    if (QListWidgetItem* item = m_steps->item(step)) item->setText(rowText(m_lesson, step));
    sync();
}

void LessonEditorDialog::fillList(int step)
{
    {
        const QSignalBlocker blocker(m_steps);
        m_steps->clear();
        for (int i = 0; i < m_lesson.steps.size(); ++i)
            m_steps->addItem(rowText(m_lesson, i));
    }
    m_steps->setCurrentRow(step);
    // setCurrentRow is silent when the row number stays the same.
    onStepSelected();
}

QString LessonEditorDialog::rowText(const Lesson& lesson, int step)
{
    return tr("%1. %2").arg(step + 1).arg(lesson.steps.at(step).title);
}

void LessonEditorDialog::sync()
{
    const int step = selectedStep();
    const int count = static_cast<int>(m_lesson.steps.size());
    const bool any = step >= 0 && step < count;
    m_moveUp->setEnabled(any && step > 0);
    m_moveDown->setEnabled(any && step + 1 < count);
    m_delete->setEnabled(any && count > 1);
    m_replace->setEnabled(any && static_cast<bool>(m_shownView));

    // The selected step's caption first: it is the one being typed.
    std::optional<QString> problem;
    if (any) {
        const QString& caption = m_lesson.steps.at(step).caption;
        if (caption.size() > Lesson::kMaxCaptionLength)
            problem = tr("The caption is %1 characters long; at most %2 are allowed.")
                          .arg(caption.size())
                          .arg(Lesson::kMaxCaptionLength);
        else if (auto error = LessonCaption::validate(caption))
            problem = tr("Caption: %1").arg(*error);
    }
    if (!problem) problem = LessonDraft::problem(m_lesson);
    m_problem->setText(problem.value_or(QString()));
    okButton()->setEnabled(!problem.has_value());
}

}  // namespace ax::ui
