#include "ui/widgets/lesson_actions.h"

#include "ui/model/lesson_file.h"
#include "ui/widgets/lesson_presenter.h"
#include "ui/widgets/main_window.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QIcon>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>

namespace ax::ui {

LessonActions::LessonActions(MainWindow& window) : QObject(&window), m_window(window)
{
    m_presenter = new LessonPresenter(window);

    m_open = new QAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("Open &Lesson…"), this);
    m_open->setStatusTip(tr("Open a lesson file and show its first step"));
    connect(m_open, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            &m_window, tr("Open Lesson"), QString(),
            tr("Lessons (*%1);;All files (*)").arg(QString::fromLatin1(kLessonSuffix)));
        if (!path.isEmpty()) openLessonFileOrSay(path);
    });

    m_shipped = new QAction(tr("From &Sigmoid to Mish"), this);
    m_shipped->setStatusTip(tr("The lesson that comes with the program: from sigmoid's saturation to Mish"));
    connect(m_shipped, &QAction::triggered, this,
            [this] { openLessonFileOrSay(QString::fromLatin1(LessonFile::kShippedPath)); });

    m_present = new QAction(QIcon::fromTheme(QStringLiteral("view-presentation")), tr("&Present"), this);
    m_present->setShortcut(QKeySequence(Qt::Key_F5));
    m_present->setStatusTip(
        tr("Full screen with the step's charts and caption only; Page Down, Right and Space go on, "
           "Page Up and Left go back, Esc leaves"));
    connect(m_present, &QAction::triggered, this, [this] {
        // Nothing open yet: the shipped lesson is what there is to present.
        // Taken without showing its first step in the window, so Esc comes back to the user's view.
        if (!m_presenter->hasLesson()) {
            auto shipped = LessonFile::shipped();
            if (auto* error = std::get_if<QString>(&shipped)) {
                QMessageBox::warning(&m_window, tr("Cannot open the lesson"), *error);
                return;
            }
            m_presenter->setLesson(std::get<Lesson>(shipped));
        }
        m_presenter->present();
    });

    m_previous = new QAction(QIcon::fromTheme(QStringLiteral("go-previous")), tr("P&revious Step"), this);
    m_previous->setShortcut(QKeySequence(Qt::ALT | Qt::Key_PageUp));
    m_previous->setStatusTip(tr("Show the lesson's step before this one"));
    connect(m_previous, &QAction::triggered, m_presenter, &LessonPresenter::previousStep);
    m_next = new QAction(QIcon::fromTheme(QStringLiteral("go-next")), tr("&Next Step"), this);
    m_next->setShortcut(QKeySequence(Qt::ALT | Qt::Key_PageDown));
    m_next->setStatusTip(tr("Show the lesson's next step"));
    connect(m_next, &QAction::triggered, m_presenter, &LessonPresenter::nextStep);

    for (QAction* action : {m_open, m_shipped, m_present, m_previous, m_next})
        window.addAction(action);

    m_menu = new QMenu(tr("&Lesson"), &window);
    m_menu->addAction(m_open);
    m_menu->addAction(m_shipped);
    m_menu->addSeparator();
    m_menu->addAction(m_present);
    m_menu->addAction(m_previous);
    m_menu->addAction(m_next);
    window.menuBar()->insertMenu(window.helpMenu()->menuAction(), m_menu);

    connect(m_presenter, &LessonPresenter::stepShown, this, &LessonActions::sync);
    connect(m_presenter, &LessonPresenter::presentingChanged, this, &LessonActions::sync);
    sync();
}

std::optional<QString> LessonActions::openLessonFile(const QString& path)
{
    auto opened = LessonFile::open(path);
    if (auto* error = std::get_if<QString>(&opened)) return *error;
    auto& lesson = std::get<Lesson>(opened);
    if (lesson.steps.isEmpty()) return tr("%1: the lesson has no steps.").arg(QFileInfo(path).fileName());
    setLesson(lesson);
    return std::nullopt;
}

void LessonActions::openLessonFileOrSay(const QString& path)
{
    if (auto error = openLessonFile(path))
        QMessageBox::warning(&m_window, tr("Cannot open the lesson"), *error);
}

void LessonActions::setLesson(const Lesson& lesson)
{
    m_presenter->setLesson(lesson);
    m_presenter->showStep(0);
    m_window.showStatus(
        tr("Lesson “%1”: step 1 of %2. Present with F5.").arg(lesson.title).arg(lesson.steps.size()));
    sync();
}

void LessonActions::sync()
{
    const bool open = m_presenter->hasLesson();
    const int step = m_presenter->currentStep();
    m_previous->setEnabled(open && step > 0);
    m_next->setEnabled(open && step + 1 < m_presenter->lesson().steps.size());
}

}  // namespace ax::ui
