#include "ui/widgets/custom_activation_dialog.h"

#include "core/command_line_syntax.h"

#include "ui/model/explorer_state.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace ax::ui {

namespace {

enum ParameterColumn { kNameColumn, kDefaultColumn, kMinColumn, kMaxColumn, kColumnCount };

std::optional<double> parseNumber(const QString& text)
{
    bool ok = false;
    QString cleaned = text.trimmed();
    cleaned.replace(QStringLiteral("−"), QStringLiteral("-"));
    double value = QLocale().toDouble(cleaned, &ok);
    if (!ok) {
        // The command line's rules (QLocale refuses 1e-400 instead of rounding it towards zero).
        const auto strict = core::parseNumber(cleaned.toStdString());
        if (!strict) return std::nullopt;
        value = *strict;
    }
    if (!std::isfinite(value)) return std::nullopt;
    return value;
}

QTableWidgetItem* numberItem(double value)
{
    return new QTableWidgetItem(formatNumber(value, 10));
}

}  // namespace

CustomActivationDialog::CustomActivationDialog(const core::CustomActivationSpec& initial, QWidget* parent)
    : QDialog(parent), m_id(initial.id), m_remembered(initial.parameters)
{
    setWindowTitle(tr("Custom Activation"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    layout->addLayout(form);

    m_name = new QLineEdit(QString::fromStdString(initial.name), this);
    m_name->setPlaceholderText(tr("e.g. My swish"));
    m_name->setAccessibleName(tr("Name"));
    form->addRow(tr("&Name:"), m_name);

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_formula = new QLineEdit(QString::fromStdString(initial.formula), this);
    m_formula->setFont(mono);
    m_formula->setPlaceholderText(tr("e.g. z * sigmoid(b*z)"));
    m_formula->setAccessibleName(tr("Formula in z"));
    QStringList functions;
    for (const std::string_view name : core::customFunctionNames())
        functions << QString::fromLatin1(name.data(), static_cast<qsizetype>(name.size()));
    m_formula->setToolTip(tr("A formula in z. Known names: %1. Any other name is a parameter.")
                              .arg(functions.join(QLatin1String(", "))));
    form->addRow(tr("f(z) &="), m_formula);

    // The formula again, with the offending character marked: a caret the eye finds at once.
    m_marked = new QLabel(this);
    m_marked->setTextFormat(Qt::RichText);
    m_marked->setFont(mono);
    m_marked->setAccessibleName(tr("Where the formula goes wrong"));
    form->addRow(QString(), m_marked);
    m_errorLabel = new QLabel(this);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setAccessibleName(tr("Formula problem"));
    QPalette warning = m_errorLabel->palette();
    warning.setColor(QPalette::WindowText, QColor(0xd5, 0x5e, 0x00));
    m_errorLabel->setPalette(warning);
    form->addRow(QString(), m_errorLabel);

    m_derivative = new QLabel(this);
    m_derivative->setFont(mono);
    m_derivative->setWordWrap(true);
    m_derivative->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_derivative->setAccessibleName(tr("First derivative"));
    form->addRow(tr("f′(z) ="), m_derivative);
    m_second = new QLabel(this);
    m_second->setFont(mono);
    m_second->setWordWrap(true);
    m_second->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_second->setAccessibleName(tr("Second derivative"));
    form->addRow(tr("f″(z) ="), m_second);

    m_parameters = new QTableWidget(0, kColumnCount, this);
    m_parameters->setHorizontalHeaderLabels(
        {tr("Parameter"), tr("Default"), tr("Slider min"), tr("Slider max")});
    m_parameters->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_parameters->verticalHeader()->hide();
    m_parameters->setAccessibleName(tr("Parameters and their slider ranges"));
    m_parameters->setToolTip(
        tr("Every name in the formula that is not a known function is a parameter with a "
           "slider; set its starting value and the ends of its slider here."));
    m_parameters->setMinimumHeight(110);
    layout->addWidget(m_parameters);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_watcher = new QFutureWatcher<Check>(this);
    connect(m_watcher, &QFutureWatcher<Check>::finished, this, &CustomActivationDialog::onChecked);
    connect(m_formula, &QLineEdit::textChanged, this, &CustomActivationDialog::onFormulaEdited);
    connect(m_parameters, &QTableWidget::itemChanged, this, [this] {
        if (!m_syncing) revalidate();
    });
    resize(620, 460);
    revalidate();
}

QPushButton* CustomActivationDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

core::CustomActivationSpec CustomActivationDialog::spec() const
{
    core::CustomActivationSpec spec;
    spec.id = m_id;
    spec.formula = m_formula->text().trimmed().toStdString();
    const QString name = m_name->text().trimmed();
    spec.name = name.isEmpty() ? spec.formula : name.toStdString();
    spec.parameters = parameterSpecs(nullptr);
    return spec;
}

void CustomActivationDialog::onFormulaEdited()
{
    revalidate();
}

std::vector<core::CustomParameterSpec> CustomActivationDialog::parameterSpecs(QString* problem) const
{
    std::vector<core::CustomParameterSpec> specs;
    for (int row = 0; row < m_parameters->rowCount(); ++row) {
        core::CustomParameterSpec p;
        p.name = m_parameters->item(row, kNameColumn)->text().toStdString();
        const QString label = m_parameters->item(row, kNameColumn)->text();
        double* fields[] = {&p.defaultValue, &p.sliderMin, &p.sliderMax};
        for (int column = kDefaultColumn; column <= kMaxColumn; ++column) {
            const QTableWidgetItem* item = m_parameters->item(row, column);
            const auto value = parseNumber(item ? item->text() : QString());
            if (!value) {
                if (problem && problem->isEmpty())
                    *problem = tr("The %1 of parameter %2 is not a number.")
                                   .arg(m_parameters->horizontalHeaderItem(column)->text().toLower(), label);
                continue;
            }
            *fields[column - kDefaultColumn] = *value;
        }
        specs.push_back(p);
    }
    return specs;
}

void CustomActivationDialog::syncParameterRows(const std::vector<std::string>& names)
{
    // Keep what was typed for a name, even if it briefly left the formula while editing.
    for (const core::CustomParameterSpec& current : parameterSpecs(nullptr)) {
        auto known = std::find_if(m_remembered.begin(), m_remembered.end(),
                                  [&](const core::CustomParameterSpec& p) { return p.name == current.name; });
        if (known != m_remembered.end())
            *known = current;
        else
            m_remembered.push_back(current);
    }
    m_syncing = true;
    m_parameters->setRowCount(static_cast<int>(names.size()));
    for (int row = 0; row < static_cast<int>(names.size()); ++row) {
        const std::string& name = names[static_cast<std::size_t>(row)];
        const QTableWidgetItem* existing = m_parameters->item(row, kNameColumn);
        if (existing && existing->text().toStdString() == name) continue;
        const auto known = std::find_if(m_remembered.begin(), m_remembered.end(),
                                        [&](const core::CustomParameterSpec& p) { return p.name == name; });
        const core::CustomParameterSpec p =
            known != m_remembered.end() ? *known : core::defaultParameterSpec(name, 1.0);
        auto* nameItem = new QTableWidgetItem(QString::fromStdString(name));
        nameItem->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        m_parameters->setItem(row, kNameColumn, nameItem);
        m_parameters->setItem(row, kDefaultColumn, numberItem(p.defaultValue));
        m_parameters->setItem(row, kMinColumn, numberItem(p.sliderMin));
        m_parameters->setItem(row, kMaxColumn, numberItem(p.sliderMax));
    }
    m_syncing = false;
}

void CustomActivationDialog::showError(const core::FormulaError& error)
{
    m_error = error;
    m_built.reset();
    m_pending.reset();
    // The message names its place itself, counting from character 1.
    QString message = QString::fromStdString(error.message);
    if (!message.isEmpty()) message[0] = message[0].toUpper();
    m_errorLabel->setText(message);
    m_derivative->setText(tr("—"));
    m_second->setText(tr("—"));
    okButton()->setEnabled(false);
    if (!error.located) {
        m_marked->clear();
        m_marked->setVisible(false);
        return;
    }
    const QString formula = m_formula->text();
    const qsizetype at = std::min<qsizetype>(static_cast<qsizetype>(error.position), formula.size());
    const auto spaced = [](const QString& text) {
        return text.toHtmlEscaped().replace(QLatin1Char(' '), QStringLiteral("&nbsp;"));
    };
    const QString before = spaced(formula.left(at));
    // Past the end (a formula that stops too early) the mark sits on an empty cell.
    const QString marked = at < formula.size() ? spaced(formula.mid(at, 1)) : QStringLiteral("&nbsp;");
    const QString after = at < formula.size() ? spaced(formula.mid(at + 1)) : QString();
    const QString caret = spaced(QString(at, QLatin1Char(' ')));
    m_marked->setText(QStringLiteral("<span>%1<span style='background:#d55e00; color:white; "
                                     "text-decoration:underline'>%2</span>%3</span><br/>"
                                     "<span style='color:#d55e00'>%4^</span>")
                          .arg(before, marked, after, caret));
    m_marked->setVisible(true);
}

void CustomActivationDialog::showProblem(const QString& text)
{
    m_built.reset();
    m_pending.reset();
    m_error = core::FormulaError{0, text.toStdString(), false};
    m_marked->clear();
    m_marked->setVisible(false);
    m_errorLabel->setText(text);
    okButton()->setEnabled(false);
}

void CustomActivationDialog::revalidate()
{
    const QString formula = m_formula->text().trimmed();
    if (formula.isEmpty()) {
        showProblem(tr("Type a formula in z, such as z * sigmoid(b*z)."));
        m_error = core::FormulaError{0, tr("Type a formula in z.").toStdString(), false};
        m_derivative->setText(tr("—"));
        m_second->setText(tr("—"));
        syncParameterRows({});
        return;
    }
    // The syntax check is bounded by the formula's length and cheap: it stays on this thread so
    // the parameter rows follow the typing at once.
    const core::FormulaCheck check = core::checkFormula(m_formula->text().toStdString());
    if (check.error) {
        showError(*check.error);
        return;
    }
    syncParameterRows(check.parameterNames);
    QString problem;
    core::CustomActivationSpec candidate = spec();
    static_cast<void>(parameterSpecs(&problem));  // only its verdict on the parameter rows matters here
    if (!problem.isEmpty()) {
        showProblem(problem);
        return;
    }
    // Differentiating and compiling can take a while for a large formula: in the background, the
    // latest request winning.
    candidate.formula = m_formula->text().toStdString();  // positions refer to the text as typed
    m_built.reset();
    m_error.reset();
    m_pending = candidate;
    m_marked->clear();
    m_marked->setVisible(false);
    m_errorLabel->setText(tr("Checking formula…"));
    okButton()->setEnabled(false);
    m_watcher->setFuture(QtConcurrent::run([candidate] {
        return Check{candidate, core::buildCustomActivation(candidate)};
    }));
}

void CustomActivationDialog::onChecked()
{
    Check check = m_watcher->result();
    if (!m_pending || !(check.spec == *m_pending)) return;  // the fields changed since; a newer check runs
    m_pending.reset();
    if (!check.result.ok()) {
        const core::FormulaError error = check.result.error.value_or(core::FormulaError{});
        showError(error);
        emit checked();
        return;
    }
    m_built = std::move(check.result.custom);
    // Stored as the user will see it listed, without the spaces around it.
    const std::string trimmed = m_formula->text().trimmed().toStdString();
    m_built->spec.formula = trimmed;
    m_built->activation.formula = trimmed;
    m_error.reset();
    m_marked->clear();
    m_marked->setVisible(false);
    m_errorLabel->clear();
    m_derivative->setText(QString::fromStdString(m_built->derivativeText));
    m_second->setText(QString::fromStdString(m_built->secondDerivativeText));
    okButton()->setEnabled(true);
    emit checked();
}

}  // namespace ax::ui
