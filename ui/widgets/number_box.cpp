#include "ui/widgets/number_box.h"

#include "ui/model/explorer_state.h"
#include "ui/widgets/range_panel.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QRegularExpression>

#include <cmath>

namespace ax::ui {

namespace {

// What a number looks like on the way to being typed: sign, digits, one separator, an exponent.
const QRegularExpression& partialNumber()
{
    static const QRegularExpression pattern(
        QStringLiteral("^[+\\-\\x{2212}]?(\\d[\\d\\s]*)?([.,]\\d*)?([eE][+\\-\\x{2212}]?\\d*)?$"));
    return pattern;
}

// A whole number, whatever its size: 1e400 is a number, just not one a double holds.
const QRegularExpression& wholeNumber()
{
    static const QRegularExpression pattern(
        QStringLiteral("^[+\\-\\x{2212}]?(\\d[\\d\\s]*([.,]\\d*)?|[.,]\\d+)([eE][+\\-\\x{2212}]?\\d+)?$"));
    return pattern;
}

}  // namespace

NumberBox::NumberBox(QWidget* parent) : QDoubleSpinBox(parent)
{
    // Typing 1e400 passes through 1e4, and 0.05 through 0: values are taken on Enter or on leaving
    // the box, never half typed.
    setKeyboardTracking(false);
}

QString NumberBox::rangeText() const
{
    return tr("from %1 to %2").arg(formatNumber(minimum()), formatNumber(maximum()));
}

QString NumberBox::stripped(const QString& text) const
{
    QString core = text;
    if (!prefix().isEmpty() && core.startsWith(prefix())) core.remove(0, prefix().size());
    if (!suffix().isEmpty() && core.endsWith(suffix())) core.chop(suffix().size());
    return core.trimmed();
}

std::optional<double> NumberBox::typedNumber(const QString& text) const
{
    const auto value = RangePanel::parseNumber(stripped(text));
    if (!value || !std::isfinite(*value)) return std::nullopt;
    return value;
}

QValidator::State NumberBox::validate(QString& text, int& pos) const
{
    Q_UNUSED(pos);
    const QString core = stripped(text);
    if (core.isEmpty()) return QValidator::Intermediate;
    if (const auto value = typedNumber(text); value && *value >= minimum() && *value <= maximum())
        return QValidator::Acceptable;
    // Too large, out of range or half typed ("1e", "-"): kept on screen, refused when applied.
    return partialNumber().match(core).hasMatch() ? QValidator::Intermediate : QValidator::Invalid;
}

double NumberBox::valueFromText(const QString& text) const
{
    return typedNumber(text).value_or(value());
}

void NumberBox::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) reportRefusal();
    QDoubleSpinBox::keyPressEvent(event);
}

void NumberBox::focusOutEvent(QFocusEvent* event)
{
    reportRefusal();
    QDoubleSpinBox::focusOutEvent(event);
}

void NumberBox::reportRefusal()
{
    QString text = lineEdit()->text();
    int pos = lineEdit()->cursorPosition();
    if (validate(text, pos) == QValidator::Acceptable) return;
    const QString typed = stripped(text);
    const QString name = m_valueName.isEmpty() ? accessibleName() : m_valueName;
    const QString kept = formatNumber(value());
    if (typed.isEmpty()) return;
    if (!wholeNumber().match(typed).hasMatch()) {
        emit refused(tr("“%1” is not a number; %2 stays %3.").arg(typed, name, kept));
        return;
    }
    emit refused(tr("%1 refused: %2 takes values %3; it stays %4.").arg(typed, name, rangeText(), kept));
}

}  // namespace ax::ui
