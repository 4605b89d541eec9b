// Custom activations in the window: the dialog (errors at their position, the derivative preview,
// parameter ranges), and what a custom activation becomes once added: a curve, sliders, a table row.

#include "core/formula/custom_activation.h"
#include "tests/ui/widgets/main_window_fixture.h"
#include "ui/model/activation_palette.h"
#include "ui/model/comparison_model.h"
#include "ui/render/chart_painter.h"
#include "ui/widgets/activation_list_panel.h"
#include "ui/widgets/chart_area.h"
#include "ui/widgets/comparison_panel.h"
#include "ui/widgets/custom_activation_actions.h"
#include "ui/widgets/custom_activation_dialog.h"
#include "ui/widgets/details_pane.h"
#include "ui/widgets/main_window.h"
#include "ui/widgets/parameter_editor.h"
#include "ui/widgets/parameter_panel.h"

#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

#include <QTabWidget>

#include <gtest/gtest.h>

#include <cmath>
#include <memory>

namespace ax::ui {
namespace {

// The dialog builds in the background; a test waits for the check to land, as a user would.
void settle(const CustomActivationDialog& dialog)
{
    for (int i = 0; i < 2000 && dialog.isChecking(); ++i)
        QTest::qWait(5);
    ASSERT_FALSE(dialog.isChecking()) << "the formula check did not finish";
}

TEST(CustomDialog, ParseErrorIsMarkedAtItsPositionAndOkStaysDisabled)
{
    CustomActivationDialog dialog({"custom_1", "", "", {}});
    EXPECT_FALSE(dialog.okButton()->isEnabled());
    dialog.formulaEdit()->setText(QStringLiteral("z * (b + )"));
    ASSERT_TRUE(dialog.error().has_value());
    EXPECT_EQ(dialog.error()->position, 9u);
    EXPECT_FALSE(dialog.okButton()->isEnabled());
    // One convention for places, counting from character 1, named once.
    EXPECT_EQ(dialog.errorLabel()->text(),
              QStringLiteral("Unexpected ')' at character 10 (expected a number, a name or '(')"))
        << dialog.errorLabel()->text().toStdString();
    // The mark sits on the closing parenthesis, with a caret under it.
    EXPECT_TRUE(
        dialog.markedFormula()->text().contains(QStringLiteral("text-decoration:underline'>)</span>")));
    EXPECT_TRUE(
        dialog.markedFormula()->text().contains(QStringLiteral("&nbsp;").repeated(9) + QStringLiteral("^")));

    dialog.formulaEdit()->setText(QStringLiteral("z * sigmoid(b*z"));
    ASSERT_TRUE(dialog.error().has_value());
    EXPECT_EQ(dialog.error()->position, 15u);
    EXPECT_FALSE(dialog.okButton()->isEnabled());

    dialog.formulaEdit()->setText(QStringLiteral("z * sigmoid(b*z)"));
    settle(dialog);
    EXPECT_FALSE(dialog.error().has_value());
    EXPECT_TRUE(dialog.okButton()->isEnabled());
    EXPECT_TRUE(dialog.errorLabel()->text().isEmpty());
}

TEST(CustomDialog, PreviewsDerivativesAndListsParametersWithRanges)
{
    CustomActivationDialog dialog({"custom_1", "", "", {}});
    dialog.formulaEdit()->setText(QStringLiteral("a*z^3 + b"));
    settle(dialog);
    EXPECT_TRUE(dialog.okButton()->isEnabled());
    const QString d1 = dialog.derivativePreview()->text();
    const QString d2 = dialog.secondDerivativePreview()->text();
    EXPECT_TRUE(d1.contains(QLatin1Char('3')) && d1.contains(QLatin1Char('a'))) << d1.toStdString();
    EXPECT_TRUE(d2.contains(QLatin1Char('6')) && !d2.contains(QLatin1Char('b'))) << d2.toStdString();

    QTableWidget* table = dialog.parameterTable();
    ASSERT_EQ(table->rowCount(), 2);
    EXPECT_EQ(table->item(0, 0)->text(), QStringLiteral("a"));
    EXPECT_EQ(table->item(1, 0)->text(), QStringLiteral("b"));
    table->item(1, 3)->setText(QStringLiteral("-5"));  // slider max below its min
    settle(dialog);
    EXPECT_FALSE(dialog.okButton()->isEnabled());
    EXPECT_FALSE(dialog.errorLabel()->text().isEmpty());
    table->item(1, 2)->setText(QStringLiteral("-10"));
    table->item(1, 1)->setText(QStringLiteral("-7"));
    settle(dialog);
    EXPECT_TRUE(dialog.okButton()->isEnabled());
    const core::CustomActivationSpec spec = dialog.spec();
    ASSERT_EQ(spec.parameters.size(), 2u);
    EXPECT_EQ(spec.parameters[1].name, "b");
    EXPECT_DOUBLE_EQ(spec.parameters[1].defaultValue, -7.0);
    EXPECT_DOUBLE_EQ(spec.parameters[1].sliderMin, -10.0);
    EXPECT_DOUBLE_EQ(spec.parameters[1].sliderMax, -5.0);

    // A range typed for b survives b leaving the formula for a moment.
    dialog.formulaEdit()->setText(QStringLiteral("a*z^3"));
    dialog.formulaEdit()->setText(QStringLiteral("a*z^3 + b"));
    EXPECT_EQ(table->item(1, 1)->text(), QStringLiteral("−7"));
}

TEST(CustomDialog, TinyParameterValuesRoundTowardsZero)
{
    CustomActivationDialog dialog({"custom_1", "", "", {}});
    dialog.formulaEdit()->setText(QStringLiteral("a*z"));
    QTableWidget* table = dialog.parameterTable();
    ASSERT_EQ(table->rowCount(), 1);
    table->item(0, 1)->setText(QStringLiteral("1e-5000"));
    settle(dialog);
    EXPECT_TRUE(dialog.okButton()->isEnabled()) << dialog.errorLabel()->text().toStdString();
    EXPECT_EQ(dialog.spec().parameters[0].defaultValue, 0.0);
    table->item(0, 1)->setText(QStringLiteral("1e5000"));
    settle(dialog);
    EXPECT_FALSE(dialog.okButton()->isEnabled());
}

// A formula whose derivatives would explode is refused without freezing the dialog: the check
// runs in the background, the dialog says so meanwhile, and the refusal names no place in the
// formula (the formula as a whole is too complex).
TEST(CustomDialog, HostileFormulasAreCheckedInTheBackgroundAndRefusedAsAWhole)
{
    CustomActivationDialog dialog({"custom_1", "", "", {}});
    for (const QString& formula :
         {QStringLiteral("abs(").repeated(22) + QStringLiteral("z-1") + QStringLiteral(")").repeated(22),
          QStringLiteral("max(z, ").repeated(30) + QStringLiteral("0") + QStringLiteral(")").repeated(30),
          QStringLiteral("sigmoid(").repeated(40) + QStringLiteral("z") + QStringLiteral(")").repeated(40)}) {
        dialog.formulaEdit()->setText(formula);
        ASSERT_TRUE(dialog.isChecking());
        EXPECT_EQ(dialog.errorLabel()->text(), QStringLiteral("Checking formula…"));
        EXPECT_FALSE(dialog.okButton()->isEnabled());
        settle(dialog);
        ASSERT_TRUE(dialog.error().has_value());
        EXPECT_FALSE(dialog.error()->located);
        EXPECT_TRUE(dialog.errorLabel()->text().startsWith(QStringLiteral("The formula is too complex")))
            << dialog.errorLabel()->text().toStdString();
        EXPECT_FALSE(dialog.markedFormula()->isVisible());
        EXPECT_FALSE(dialog.okButton()->isEnabled());
    }
    // Deep nesting is refused by the syntax check itself, at the character where it goes too deep.
    dialog.formulaEdit()->setText(QStringLiteral("(").repeated(500) + QStringLiteral("z") +
                                  QStringLiteral(")").repeated(500));
    EXPECT_FALSE(dialog.isChecking());
    ASSERT_TRUE(dialog.error().has_value());
    EXPECT_TRUE(dialog.error()->located);
    EXPECT_TRUE(dialog.errorLabel()->text().contains(QStringLiteral("levels deep at character 65")))
        << dialog.errorLabel()->text().toStdString();
}

// Typing on while a check runs: only the last formula's result is shown.
TEST(CustomDialog, OnlyTheLatestFormulasCheckIsShown)
{
    CustomActivationDialog dialog({"custom_1", "", "", {}});
    dialog.formulaEdit()->setText(QStringLiteral("abs(").repeated(22) + QStringLiteral("z") +
                                  QStringLiteral(")").repeated(22));
    dialog.formulaEdit()->setText(QStringLiteral("z^2"));
    settle(dialog);
    EXPECT_FALSE(dialog.error().has_value());
    EXPECT_TRUE(dialog.okButton()->isEnabled());
    EXPECT_EQ(dialog.derivativePreview()->text(), QStringLiteral("2*z"));
    ASSERT_TRUE(dialog.built().has_value());
    EXPECT_EQ(dialog.built()->spec.formula, "z^2");
    QTest::qWait(50);  // a late result of the first formula must not replace it
    EXPECT_TRUE(dialog.okButton()->isEnabled());
    EXPECT_EQ(dialog.derivativePreview()->text(), QStringLiteral("2*z"));
}

class CustomWindowTest : public MainWindowFixture {
protected:
    void SetUp() override
    {
        MainWindowFixture::SetUp();
        if (HasFatalFailure()) return;
        actions = window->findChild<CustomActivationActions*>();
        ASSERT_NE(actions, nullptr);
    }

    CustomActivationActions* actions = nullptr;
};

TEST_F(CustomWindowTest, DialogAddsACurveThatIsTheCoresEvaluation)
{
    CustomActivationDialog* dialog = actions->newCustomActivation();
    ASSERT_NE(dialog, nullptr);
    dialog->nameEdit()->setText(QStringLiteral("Scaled swish"));
    dialog->formulaEdit()->setText(QStringLiteral("z * sigmoid(b*z)"));
    dialog->parameterTable()->item(0, 1)->setText(QStringLiteral("1.7"));
    dialog->parameterTable()->item(0, 3)->setText(QStringLiteral("4"));
    settle(*dialog);
    ASSERT_TRUE(dialog->okButton()->isEnabled());
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);

    const QString id = QStringLiteral("custom_1");
    ASSERT_TRUE(state().isCustom(id));
    EXPECT_TRUE(state().isEnabled(id));
    const CurveEntry* entry = window->chartArea()->curves().entry(id);
    ASSERT_NE(entry, nullptr);
    ASSERT_GT(entry->samples.size(), 100u);

    const auto built = core::buildCustomActivation({"check", "", "z * sigmoid(b*z)", {{"b", 1.7, 0.0, 4.0}}});
    ASSERT_TRUE(built.ok());
    for (std::size_t i = 0; i < entry->samples.size(); i += 97) {
        const double z = entry->samples.z[i];
        const core::Derivatives expected =
            built.custom->activation.evaluate(z, built.custom->activation.defaults());
        EXPECT_NEAR(entry->samples.f[i], expected.f, 1e-13 * (1.0 + std::abs(expected.f))) << z;
        EXPECT_NEAR(entry->samples.d1[i], expected.d1, 1e-13 * (1.0 + std::abs(expected.d1))) << z;
        EXPECT_NEAR(entry->samples.d2[i], expected.d2, 1e-13 * (1.0 + std::abs(expected.d2))) << z;
        EXPECT_NEAR(entry->samples.f[i], z / (1.0 + std::exp(-1.7 * z)), 1e-12 * (1.0 + std::abs(z)));
    }

    // A slider with the range typed in the dialog, a list row, a table row.
    ParameterEditor* editor = window->parameterPanel()->editor(id, 0);
    ASSERT_NE(editor, nullptr);
    EXPECT_TRUE(window->parameterPanel()->group(id)->isVisible());
    EXPECT_DOUBLE_EQ(state().activation(id)->parameters[0].sliderMax, 4.0);
    ASSERT_NE(window->activationList()->item(id), nullptr);
    EXPECT_EQ(window->activationList()->item(id)->text(), QStringLiteral("Scaled swish"));
    ComparisonModel* model = window->comparisonPanel()->model();
    const int row = model->rowOf(id);
    ASSERT_GE(row, 0);
    // Measured over −6…6: z·σ(1.7z) dips below zero before it rises, so it is not monotonic.
    const int monotonic = ComparisonModel::column(ComparisonModel::Column::Monotonic);
    EXPECT_EQ(model->index(row, monotonic).data().toString(),
              model->index(model->rowOf(QStringLiteral("gelu")), monotonic).data().toString());
    EXPECT_NE(model->index(row, monotonic).data().toString(),
              model->index(model->rowOf(QStringLiteral("relu")), monotonic).data().toString());

    // Moving the slider moves the curve.
    ASSERT_FALSE(state().setParameter(id, 0, 3.0).has_value());
    entry = window->chartArea()->curves().entry(id);
    const std::size_t last = entry->samples.size() - 1;
    EXPECT_NEAR(entry->samples.f[0], -6.0 / (1.0 + std::exp(18.0)), 1e-15);
    EXPECT_NEAR(entry->samples.f[last], 6.0 / (1.0 + std::exp(-18.0)), 1e-12);
}

TEST_F(CustomWindowTest, DuplicateOfEluPlotsTheSameCurveAsElu)
{
    ASSERT_FALSE(state().setParameter(QStringLiteral("elu"), 0, 0.6).has_value());
    CustomActivationDialog* dialog = actions->duplicateAsCustom(QStringLiteral("elu"));
    ASSERT_NE(dialog, nullptr);
    settle(*dialog);
    EXPECT_TRUE(dialog->okButton()->isEnabled());
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    const QString copy = QStringLiteral("custom_1");
    ASSERT_TRUE(state().isCustom(copy));
    EXPECT_DOUBLE_EQ(state().parameters(copy)[0], 0.6);

    const CurveEntry* elu = window->chartArea()->curves().entry(QStringLiteral("elu"));
    const CurveEntry* custom = window->chartArea()->curves().entry(copy);
    ASSERT_NE(elu, nullptr);
    ASSERT_NE(custom, nullptr);
    ASSERT_EQ(elu->samples.size(), custom->samples.size());
    for (std::size_t i = 0; i < elu->samples.size(); ++i) {
        ASSERT_EQ(elu->samples.z[i], custom->samples.z[i]);
        EXPECT_NEAR(custom->samples.f[i], elu->samples.f[i], 1e-12 * (1.0 + std::abs(elu->samples.f[i])));
        EXPECT_NEAR(custom->samples.d1[i], elu->samples.d1[i], 1e-12 * (1.0 + std::abs(elu->samples.d1[i])));
    }
}

TEST_F(CustomWindowTest, NonFiniteStretchesAreFoundAndTheRestIsDrawn)
{
    core::CustomActivationSpec spec{"custom_1", "Log", "log(z)", {}};
    ASSERT_FALSE(state().addCustomActivation(spec).has_value());
    state().setEnabledIds({QStringLiteral("custom_1")});
    const CurveEntry* entry = window->chartArea()->curves().entry(QStringLiteral("custom_1"));
    ASSERT_NE(entry, nullptr);
    ASSERT_FALSE(entry->nonFinite.empty());
    EXPECT_DOUBLE_EQ(entry->nonFinite.front().lo, -6.0);
    EXPECT_NEAR(entry->nonFinite.back().hi, 0.0, 1e-6);
    // Where log z is undefined its derivatives are not drawn either: the formula 1/z would give
    // a slope there, but there is no curve for it to be the slope of.
    std::size_t undefined = 0;
    for (std::size_t i = 0; i < entry->samples.size(); ++i) {
        if (entry->samples.z[i] >= 0.0) continue;
        ++undefined;
        EXPECT_FALSE(std::isfinite(entry->samples.d1[i])) << entry->samples.z[i];
        EXPECT_FALSE(std::isfinite(entry->samples.d2[i])) << entry->samples.z[i];
    }
    EXPECT_GT(undefined, 100u);

    // The hatch shows where the values are missing, the curve where they are not.
    const QImage image = window->chartArea()->grab().toImage();
    const ChartLayout layout = window->chartArea()->currentLayout();
    const ChartPanel* panel = layout.panel(Chart::Function);
    ASSERT_NE(panel, nullptr);
    const QColor background =
        image.pixelColor(static_cast<int>(layout.xForZ(4.3)), static_cast<int>(panel->plot.top()) + 3);
    // Hatch lines are far stronger than the faint grid; count the pixels of a column that carry one.
    auto tinted = [&](double z) {
        const int x = static_cast<int>(layout.xForZ(z));
        int hits = 0;
        for (int y = static_cast<int>(panel->plot.top()) + 4; y < static_cast<int>(panel->plot.bottom()) - 4;
             ++y) {
            const QColor c = image.pixelColor(x, y);
            const int difference = std::abs(c.red() - background.red()) +
                                   std::abs(c.green() - background.green()) +
                                   std::abs(c.blue() - background.blue());
            if (difference > 140) ++hits;
        }
        return hits;
    };
    EXPECT_GT(tinted(-3.3), 15);
    EXPECT_LT(tinted(4.3), 8);
    // For a person to look at: set the variable to a folder and the whole window is saved there.
    if (const QString folder = qEnvironmentVariable("AX_TEST_SCREENSHOTS"); !folder.isEmpty())
        window->grab().save(folder + QStringLiteral("/custom-window.png"));
}

TEST_F(CustomWindowTest, RemoveTakesItOutOfTheListTheChartsAndTheTable)
{
    ASSERT_FALSE(
        state().addCustomActivation({"custom_1", "Cubic", "z^3/a", {{"a", 9.0, 1.0, 20.0}}}).has_value());
    ASSERT_NE(window->parameterPanel()->group(QStringLiteral("custom_1")), nullptr);
    // The details page is written when it is seen: the Comparison tab in front.
    for (int i = 0; i < window->tabs()->count(); ++i)
        if (QWidget* tab = window->tabs()->widget(i);
            tab == window->comparisonPanel() || tab->isAncestorOf(window->comparisonPanel()))
            window->tabs()->setCurrentIndex(i);
    window->comparisonPanel()->detailsPane()->showActivation(QStringLiteral("custom_1"));
    const QString page = window->comparisonPanel()->detailsPane()->toPlainText();
    EXPECT_TRUE(page.contains(QStringLiteral("f′(z) = "))) << page.toStdString();
    EXPECT_TRUE(page.contains(QStringLiteral("3"))) << page.toStdString();

    actions->removeCustomActivation(QStringLiteral("custom_1"));
    EXPECT_FALSE(state().isCustom(QStringLiteral("custom_1")));
    EXPECT_EQ(window->activationList()->item(QStringLiteral("custom_1")), nullptr);
    EXPECT_EQ(window->parameterPanel()->group(QStringLiteral("custom_1")), nullptr);
    EXPECT_EQ(window->comparisonPanel()->model()->rowOf(QStringLiteral("custom_1")), -1);
    EXPECT_EQ(window->chartArea()->curves().entry(QStringLiteral("custom_1")), nullptr);
}

TEST_F(CustomWindowTest, ListContextMenuOffersDuplicateForCatalogRowsAndRemoveForCustomOnes)
{
    ASSERT_FALSE(state().addCustomActivation({"custom_1", "Cubic", "z^3", {}}).has_value());
    QMenu catalogMenu;
    actions->addEntries(catalogMenu, QStringLiteral("elu"));
    QStringList texts;
    for (QAction* a : catalogMenu.actions())
        texts << a->text();
    EXPECT_TRUE(texts.join(QLatin1Char('|')).contains(QStringLiteral("Duplicate “ELU” as Custom")));
    QMenu customMenu;
    actions->addEntries(customMenu, QStringLiteral("custom_1"));
    QAction* remove = nullptr;
    for (QAction* a : customMenu.actions())
        if (a->text().startsWith(QStringLiteral("Remove"))) remove = a;
    ASSERT_NE(remove, nullptr);
    remove->trigger();
    EXPECT_FALSE(state().isCustom(QStringLiteral("custom_1")));
}

}  // namespace
}  // namespace ax::ui
