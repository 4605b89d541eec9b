#pragma once
// A number box that takes what a person types, in decimal or scientific notation (2.5e-3, 1e4, a
// typographic minus), and says in one line when a typed value is refused instead of dropping
// characters or silently keeping the old value.

#include <QDoubleSpinBox>

#include <optional>

namespace ax::ui {

class NumberBox : public QDoubleSpinBox {
    Q_OBJECT

public:
    explicit NumberBox(QWidget* parent = nullptr);

    // What refusals call the value, e.g. "α of ELU"; the accessible name when not set.
    void setValueName(const QString& name) { m_valueName = name; }
    // "from 0.0001 to 1e+06", for tooltips.
    [[nodiscard]] QString rangeText() const;

    // The number the text stands for, ignoring prefix and suffix; nothing when it is not a finite number.
    [[nodiscard]] std::optional<double> typedNumber(const QString& text) const;

    QValidator::State validate(QString& text, int& pos) const override;
    [[nodiscard]] double valueFromText(const QString& text) const override;

signals:
    // A typed value that was not taken: not a number, too large for a double or outside the range.
    void refused(const QString& message);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void focusOutEvent(QFocusEvent* event) override;

private:
    // Before the spin box puts the last valid value back, says why the typed one was not taken.
    void reportRefusal();
    [[nodiscard]] QString stripped(const QString& text) const;

    QString m_valueName;
};

}  // namespace ax::ui
