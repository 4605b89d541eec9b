#include "ui/widgets/lesson_actions.h"

#include "ui/model/atomic_file.h"
#include "ui/model/lesson_file.h"
#include "ui/render/lesson_export.h"
#include "ui/widgets/comparison_panel.h"
#include "ui/widgets/depth_lab_view.h"
#include "ui/widgets/lesson_editor_dialog.h"
#include "ui/widgets/lesson_presenter.h"
#include "ui/widgets/main_window.h"
#include "ui/widgets/training_lab_view.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QIcon>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QTabWidget>

namespace ax::ui {

namespace {

QString withSuffix(const QString& path, const QString& suffix)
{
    return path.endsWith(suffix, Qt::CaseInsensitive) ? path : path + suffix;
}

// "From sigmoid to Mish" → "from-sigmoid-to-mish": a file name a lesson's title suggests.
QString fileStem(const QString& title)
{
    static const QRegularExpression other(QStringLiteral("[^a-z0-9]+"));
    QString stem = title.toLower().replace(other, QStringLiteral("-"));
    stem.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
    stem.truncate(60);
    return stem.isEmpty() ? QStringLiteral("lesson") : stem;
}

// Painting a long lesson takes a moment; the cursor says so.
class WaitCursor {
public:
    WaitCursor() { QGuiApplication::setOverrideCursor(Qt::WaitCursor); }
    ~WaitCursor() { QGuiApplication::restoreOverrideCursor(); }
    WaitCursor(const WaitCursor&) = delete;
    WaitCursor& operator=(const WaitCursor&) = delete;
};

}  // namespace

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
            m_lessonFile.clear();
            m_modified = false;
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

    m_addStep =
        new QAction(QIcon::fromTheme(QStringLiteral("list-add")), tr("&Add Current View as Step"), this);
    m_addStep->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_A));
    m_addStep->setStatusTip(
        tr("Append what the window shows to the lesson (a new lesson when none is open) as its next step"));
    connect(m_addStep, &QAction::triggered, this, &LessonActions::addShownView);

    m_editSteps = new QAction(tr("&Edit Steps…"), this);
    m_editSteps->setStatusTip(tr("Retitle, reorder, caption or delete the lesson's steps"));
    connect(m_editSteps, &QAction::triggered, this, &LessonActions::editSteps);

    m_save = new QAction(QIcon::fromTheme(QStringLiteral("document-save")), tr("Sa&ve Lesson"), this);
    m_save->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_S));
    m_save->setStatusTip(tr("Save the lesson to its file, or to a new one"));
    connect(m_save, &QAction::triggered, this, [this] { (void)save(); });

    m_saveAs =
        new QAction(QIcon::fromTheme(QStringLiteral("document-save-as")), tr("Save Less&on As…"), this);
    m_saveAs->setStatusTip(tr("Save the lesson to a new file, which later saves go to"));
    connect(m_saveAs, &QAction::triggered, this, [this] { (void)saveAs(); });

    m_export = new QAction(tr("E&xport Lesson…"), this);
    m_export->setStatusTip(
        tr("A PDF handout with a page per step, or a folder of slides, an image per step"));
    connect(m_export, &QAction::triggered, this, &LessonActions::exportWithDialog);

    for (QAction* action : {m_open, m_shipped, m_present, m_previous, m_next, m_addStep, m_editSteps, m_save,
                            m_saveAs, m_export})
        window.addAction(action);

    m_menu = new QMenu(tr("&Lesson"), &window);
    m_menu->addAction(m_open);
    m_menu->addAction(m_shipped);
    m_menu->addSeparator();
    m_menu->addAction(m_present);
    m_menu->addAction(m_previous);
    m_menu->addAction(m_next);
    m_menu->addSeparator();
    m_menu->addAction(m_addStep);
    m_menu->addAction(m_editSteps);
    m_menu->addAction(m_save);
    m_menu->addAction(m_saveAs);
    m_menu->addAction(m_export);
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
    // A resource cannot be written: its edits are saved to a file of the user's.
    m_lessonFile = path.startsWith(QLatin1Char(':')) ? QString() : path;
    return std::nullopt;
}

void LessonActions::openLessonFileOrSay(const QString& path)
{
    if (!confirmUnsavedLesson()) return;
    if (auto error = openLessonFile(path)) warn(tr("Cannot open the lesson"), *error);
}

void LessonActions::setLesson(const Lesson& lesson)
{
    m_presenter->setLesson(lesson);
    m_presenter->showStep(0);
    m_lessonFile.clear();
    m_modified = false;
    m_window.showStatus(
        tr("Lesson “%1”: step 1 of %2. Present with F5.").arg(lesson.title).arg(lesson.steps.size()));
    sync();
}

ShownView LessonActions::shownView() const
{
    ShownView shown;
    shown.session = m_window.state().session();
    shown.highlighted = m_window.state().highlightedId();
    // The tab holding a view's widget (some sit in a scroll area), as the presenter finds it.
    const QWidget* tab = m_window.tabs()->currentWidget();
    const auto holds = [tab](const QWidget* view) {
        return tab && view && (tab == view || tab->isAncestorOf(view));
    };
    if (holds(m_window.depthLab()))
        shown.view = LessonView::DepthLab;
    else if (holds(m_window.trainingLab()))
        shown.view = LessonView::TrainingLab;
    else if (holds(m_window.comparisonPanel()))
        shown.view = LessonView::Comparison;
    return shown;
}

void LessonActions::addShownView()
{
    if (m_presenter->isPresenting()) return;
    Lesson lesson = m_presenter->hasLesson() ? m_presenter->lesson() : Lesson{tr("Untitled lesson"), {}};
    if (lesson.steps.size() >= Lesson::kMaxSteps) {
        m_window.showStatus(tr("The lesson has %1 steps, as many as a lesson can hold; nothing was added.")
                                .arg(Lesson::kMaxSteps));
        return;
    }
    if (!m_presenter->hasLesson()) m_lessonFile.clear();
    const LessonStep step = LessonDraft::stepFrom(
        shownView(), lesson.steps.isEmpty() ? nullptr : &lesson.steps.last(), lesson.steps.size() + 1);
    lesson.steps.append(step);
    const int added = static_cast<int>(lesson.steps.size()) - 1;
    applyEdit(lesson, added);
    m_window.showStatus(tr("Added step %1 of %2, “%3”, to the lesson “%4”.")
                            .arg(added + 1)
                            .arg(lesson.steps.size())
                            .arg(step.title, lesson.title));
}

void LessonActions::applyEdit(const Lesson& lesson, int step)
{
    m_presenter->editLesson(lesson, step);
    m_modified = true;
    sync();
}

void LessonActions::editSteps()
{
    if (!m_presenter->hasLesson() || m_presenter->isPresenting()) return;
    LessonEditorDialog dialog(
        m_presenter->lesson(), [this] { return shownView(); }, &m_window);
    dialog.selectStep(m_presenter->currentStep());
    if (dialog.exec() != QDialog::Accepted || dialog.lesson() == m_presenter->lesson()) return;
    applyEdit(dialog.lesson(), m_presenter->currentStep());
}

std::optional<QString> LessonActions::saveLessonFile(const QString& path)
{
    if (!m_presenter->hasLesson()) return tr("No lesson is open.");
    if (auto problem = LessonDraft::problem(m_presenter->lesson()))
        return tr("Cannot save the lesson: %1").arg(*problem);
    if (auto error = LessonFile::save(m_presenter->lesson(), path)) return error;
    m_lessonFile = path;
    m_modified = false;
    m_window.showStatus(tr("Saved the lesson to %1.").arg(QDir::toNativeSeparators(path)));
    return std::nullopt;
}

bool LessonActions::saveLessonFileOrSay(const QString& path)
{
    if (auto error = saveLessonFile(path)) {
        warn(tr("Cannot save the lesson"), *error);
        return false;
    }
    return true;
}

bool LessonActions::save()
{
    if (m_lessonFile.isEmpty()) return saveAs();
    return saveLessonFileOrSay(m_lessonFile);
}

bool LessonActions::saveAs()
{
    if (!m_presenter->hasLesson()) return false;
    const QString suffix = QString::fromLatin1(kLessonSuffix);
    const QString suggestion = m_lessonFile.isEmpty()
                                   ? QDir::home().filePath(fileStem(m_presenter->lesson().title) + suffix)
                                   : m_lessonFile;
    const QString path = QFileDialog::getSaveFileName(&m_window, tr("Save Lesson As"), suggestion,
                                                      tr("Lessons (*%1)").arg(suffix));
    if (path.isEmpty()) return false;
    return saveLessonFileOrSay(withSuffix(path, suffix));
}

std::optional<QString> LessonActions::exportLesson(const QString& path, FigureFormat format)
{
    if (!m_presenter->hasLesson()) return tr("No lesson is open.");
    const Lesson& lesson = m_presenter->lesson();
    const WaitCursor waiting;
    if (format == FigureFormat::Pdf) {
        const QByteArray pdf = LessonExport::renderPdf(lesson);
        if (pdf.isEmpty())
            return tr("Cannot export %1: the lesson could not be painted.")
                .arg(QDir::toNativeSeparators(path));
        return writeFileAtomically(path, pdf);
    }
    const QDir folder(path);
    if (!QDir().mkpath(path)) return tr("Cannot make the folder %1.").arg(QDir::toNativeSeparators(path));
    for (qsizetype i = 0; i < lesson.steps.size(); ++i) {
        const QString file = folder.filePath(LessonExport::stepFileName(lesson, i, format));
        const QByteArray image = LessonExport::renderStep(lesson, i, format);
        if (image.isEmpty())
            return tr("Cannot export %1: step %2 could not be painted.")
                .arg(QDir::toNativeSeparators(file))
                .arg(i + 1);
        if (auto error = writeFileAtomically(file, image)) return error;
    }
    return std::nullopt;
}

void LessonActions::exportWithDialog()
{
    if (!m_presenter->hasLesson()) return;
    const QString pdf = tr("PDF handout, a page per step (*.pdf)");
    const QString png = tr("PNG slides, a new folder with an image per step (*.png)");
    const QString svg = tr("SVG slides, a new folder with an image per step (*.svg)");
    QString filter = pdf;
    const QString stem = fileStem(m_presenter->lesson().title);
    const QString directory =
        m_lessonFile.isEmpty() ? QDir::homePath() : QFileInfo(m_lessonFile).absolutePath();
    QString path =
        QFileDialog::getSaveFileName(&m_window, tr("Export Lesson"), QDir(directory).filePath(stem),
                                     QStringList{pdf, png, svg}.join(QStringLiteral(";;")), &filter);
    if (path.isEmpty()) return;
    FigureFormat format = FigureFormat::Pdf;
    if (filter == png) format = FigureFormat::Png;
    if (filter == svg) format = FigureFormat::Svg;
    if (format == FigureFormat::Pdf) {
        path = withSuffix(path, QStringLiteral(".pdf"));
    } else {
        // The images go into a folder of the chosen name, without the suffix the dialog may have added.
        const QString suffix = QLatin1Char('.') + figureFormatName(format);
        if (path.endsWith(suffix, Qt::CaseInsensitive)) path.chop(suffix.size());
    }
    if (auto error = exportLesson(path, format)) {
        warn(tr("Cannot export the lesson"), *error);
        return;
    }
    m_window.showStatus(tr("Exported the lesson to %1.").arg(QDir::toNativeSeparators(path)));
}

bool LessonActions::confirmUnsavedLesson()
{
    if (!m_modified || !m_presenter->hasLesson()) return true;
    QMessageBox box(QMessageBox::Question, tr("Unsaved lesson"),
                    tr("Save the changes to the lesson “%1”?").arg(m_presenter->lesson().title),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, &m_window);
    box.setObjectName(QStringLiteral("unsavedLessonBox"));
    box.setDefaultButton(QMessageBox::Save);
    box.setEscapeButton(QMessageBox::Cancel);
    switch (box.exec()) {
        case QMessageBox::Save:
            return save();
        case QMessageBox::Discard:
            return true;
        default:
            return false;
    }
}

void LessonActions::warn(const QString& title, const QString& message)
{
    QMessageBox::warning(&m_window, title, message);
}

void LessonActions::sync()
{
    const bool open = m_presenter->hasLesson();
    const bool presenting = m_presenter->isPresenting();
    const int step = m_presenter->currentStep();
    m_previous->setEnabled(open && step > 0);
    m_next->setEnabled(open && step + 1 < m_presenter->lesson().steps.size());
    // A lesson is written in the window, not while it is presented.
    m_addStep->setEnabled(!presenting);
    for (QAction* action : {m_editSteps, m_save, m_saveAs, m_export})
        action->setEnabled(open && !presenting);
}

}  // namespace ax::ui
