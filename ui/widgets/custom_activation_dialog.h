#pragma once
// Asks for a name and a formula in z, shows where a formula is wrong, previews f′ and f″, and lets
// the user set each parameter's default and slider range before the activation is added. The
// symbolic build runs off the GUI thread ("Checking formula…" meanwhile), so typing never waits.

#include "core/formula/custom_activation.h"

#include <QDialog>
#include <QFutureWatcher>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace ax::ui {

class CustomActivationDialog : public QDialog {
    Q_OBJECT

public:
    // initial fills the fields (an edit or a duplicate); its id is kept in spec().
    explicit CustomActivationDialog(const core::CustomActivationSpec& initial, QWidget* parent = nullptr);

    // What the fields describe now (valid only while isValid()).
    [[nodiscard]] core::CustomActivationSpec spec() const;
    [[nodiscard]] bool isValid() const noexcept { return m_built.has_value(); }
    // The activation built from spec(), once the check has finished and succeeded.
    [[nodiscard]] const std::optional<core::CustomActivation>& built() const noexcept { return m_built; }
    // True while a formula is being differentiated and compiled in the background.
    [[nodiscard]] bool isChecking() const noexcept { return m_pending.has_value(); }
    // The last error, if the formula or a parameter field is not acceptable.
    [[nodiscard]] std::optional<core::FormulaError> error() const { return m_error; }

    [[nodiscard]] QLineEdit* nameEdit() const noexcept { return m_name; }
    [[nodiscard]] QLineEdit* formulaEdit() const noexcept { return m_formula; }
    [[nodiscard]] QLabel* errorLabel() const noexcept { return m_errorLabel; }
    [[nodiscard]] QLabel* markedFormula() const noexcept { return m_marked; }
    [[nodiscard]] QLabel* derivativePreview() const noexcept { return m_derivative; }
    [[nodiscard]] QLabel* secondDerivativePreview() const noexcept { return m_second; }
    [[nodiscard]] QTableWidget* parameterTable() const noexcept { return m_parameters; }
    [[nodiscard]] QPushButton* okButton() const;

signals:
    // The background check of the current fields has finished (accepted or refused).
    void checked();

private:
    // What a background build was asked for, and what it gave.
    struct Check {
        core::CustomActivationSpec spec;
        core::CustomBuildResult result;
    };

    // from the UI
    void onFormulaEdited();
    void revalidate();
    void syncParameterRows(const std::vector<std::string>& names);
    [[nodiscard]] std::vector<core::CustomParameterSpec> parameterSpecs(QString* problem) const;
    void showError(const core::FormulaError& error);
    void showProblem(const QString& text);
    // from the background build
    void onChecked();

    std::string m_id;
    std::vector<core::CustomParameterSpec> m_remembered;  // ranges typed for names that left the formula
    QLineEdit* m_name = nullptr;
    QLineEdit* m_formula = nullptr;
    QLabel* m_marked = nullptr;
    QLabel* m_errorLabel = nullptr;
    QLabel* m_derivative = nullptr;
    QLabel* m_second = nullptr;
    QTableWidget* m_parameters = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    std::optional<core::CustomActivation> m_built;
    std::optional<core::FormulaError> m_error;
    std::optional<core::CustomActivationSpec> m_pending;  // the build whose result is awaited
    QFutureWatcher<Check>* m_watcher = nullptr;
    bool m_syncing = false;
};

}  // namespace ax::ui
