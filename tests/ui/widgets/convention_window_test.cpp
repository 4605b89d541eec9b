// Framework conventions in the window: the View menu switches definitions on the charts, and the
// compare mode overlays one activation's variants and shades where they differ.

#include "core/framework_conventions.h"
#include "tests/ui/widgets/main_window_fixture.h"
#include "ui/render/chart_painter.h"
#include "ui/widgets/chart_area.h"
#include "ui/widgets/comparison_panel.h"
#include "ui/widgets/convention_actions.h"
#include "ui/widgets/custom_activation_actions.h"
#include "ui/widgets/details_pane.h"
#include "ui/widgets/main_window.h"
#include "ui/widgets/parameter_panel.h"

#include <QAction>
#include <QMenu>
#include <QTest>

#include <QTabWidget>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

namespace ax::ui {
namespace {

using core::Framework;

class ConventionWindowTest : public MainWindowFixture {
protected:
    void SetUp() override
    {
        MainWindowFixture::SetUp();
        if (HasFatalFailure()) return;
        conventions = window->findChild<ConventionActions*>();
        ASSERT_NE(conventions, nullptr);
    }

    ConventionActions* conventions = nullptr;
};

TEST_F(ConventionWindowTest, ViewMenuSwitchesHardSigmoidToKeras2)
{
    ASSERT_EQ(conventions->frameworkActions().size(), 4);
    EXPECT_TRUE(conventions->frameworkActions()[0]->isChecked());
    EXPECT_EQ(conventions->frameworkActions()[1]->text(), QStringLiteral("TensorFlow / Keras 2"));
    state().setEnabled(QStringLiteral("hard_sigmoid"), true);
    conventions->frameworkActions()[1]->trigger();
    EXPECT_EQ(state().convention(), Framework::TensorFlowKeras2);
    EXPECT_TRUE(conventions->frameworkActions()[1]->isChecked());

    const CurveEntry* entry = window->chartArea()->curves().entry(QStringLiteral("hard_sigmoid"));
    ASSERT_NE(entry, nullptr);
    for (std::size_t i = 0; i < entry->samples.size(); ++i) {
        const double z = entry->samples.z[i];
        EXPECT_NEAR(entry->samples.f[i], std::clamp(0.2 * z + 0.5, 0.0, 1.0), 1e-15) << z;
    }
    // The kinks moved with the definition.
    ASSERT_EQ(entry->kinks.size(), 2u);
    EXPECT_DOUBLE_EQ(entry->kinks[0].z, -2.5);

    conventions->frameworkActions()[0]->trigger();
    entry = window->chartArea()->curves().entry(QStringLiteral("hard_sigmoid"));
    const std::size_t mid = entry->samples.size() * 3 / 4;
    EXPECT_NEAR(entry->samples.f[mid], std::clamp(entry->samples.z[mid] / 6.0 + 0.5, 0.0, 1.0), 1e-15);
}

TEST_F(ConventionWindowTest, Keras3MovesTheLeakySliderToItsDefault)
{
    conventions->frameworkActions()[2]->trigger();
    EXPECT_DOUBLE_EQ(state().parameters(QStringLiteral("leaky_relu"))[0], 0.2);
    // Swish has no β in Keras 3: its slider group goes away and comes back with PyTorch.
    EXPECT_EQ(window->parameterPanel()->group(QStringLiteral("swish")), nullptr);
    conventions->frameworkActions()[0]->trigger();
    EXPECT_NE(window->parameterPanel()->group(QStringLiteral("swish")), nullptr);
}

TEST_F(ConventionWindowTest, CompareModeShadesWhereHardSigmoidVariantsDiffer)
{
    state().setEnabledIds({QStringLiteral("hard_sigmoid"), QStringLiteral("relu")});
    QMenu menu;
    conventions->addEntries(menu, QStringLiteral("hard_sigmoid"));
    QAction* compare = nullptr;
    for (QAction* a : menu.actions())
        if (a->text().startsWith(QStringLiteral("Compare"))) compare = a;
    ASSERT_NE(compare, nullptr);
    compare->trigger();
    EXPECT_EQ(state().comparedConventionId(), QStringLiteral("hard_sigmoid"));
    EXPECT_TRUE(conventions->stopComparingAction()->isEnabled());

    // PyTorch's z/6 + 1/2 and Keras 2's 0.2z + 0.5 part by |z|/30: more than 0.001 beyond |z| = 0.03,
    // until both are flat (Keras 2 from ±2.5, PyTorch from ±3).
    const auto shaded = core::shadedConventionIntervals("hard_sigmoid", -6.0, 6.0, 0);
    ASSERT_EQ(shaded.size(), 2u);
    EXPECT_NEAR(shaded[0].lo, -3.0 + 0.006, 1e-6);
    EXPECT_NEAR(shaded[0].hi, -0.03, 1e-6);
    EXPECT_NEAR(shaded[1].lo, 0.03, 1e-6);
    EXPECT_NEAR(shaded[1].hi, 3.0 - 0.006, 1e-6);

    const QImage image = window->chartArea()->grab().toImage();
    const ChartLayout layout = window->chartArea()->currentLayout();
    const ChartPanel* panel = layout.panel(Chart::Function);
    ASSERT_NE(panel, nullptr);
    // Sample near the top edge, above every curve and right of the key: shaded at z = 1.5, plain at z = 4.5
    // and 0.
    const int y = static_cast<int>(panel->plot.top() + panel->plot.height() * 0.1);
    const auto amber = [&](double z) {
        const QColor c = image.pixelColor(static_cast<int>(layout.xForZ(z)), y);
        return c.hue() >= 25 && c.hue() <= 55 && c.saturation() > 30;
    };
    EXPECT_TRUE(amber(1.5));
    EXPECT_TRUE(amber(-1.5));
    EXPECT_FALSE(amber(4.5));
    EXPECT_FALSE(amber(0.0));
    // For a person to look at: set the variable to a folder and the whole window is saved there.
    if (const QString folder = qEnvironmentVariable("AX_TEST_SCREENSHOTS"); !folder.isEmpty())
        window->grab().save(folder + QStringLiteral("/compare-window.png"));

    conventions->stopComparingAction()->trigger();
    EXPECT_TRUE(state().comparedConventionId().isEmpty());
    const QImage plain = window->chartArea()->grab().toImage();
    const QColor c = plain.pixelColor(static_cast<int>(layout.xForZ(1.5)), y);
    EXPECT_FALSE(c.hue() >= 25 && c.hue() <= 55 && c.saturation() > 30);
}

TEST_F(ConventionWindowTest, DetailsPaneListsEachDifferenceWithItsCitation)
{
    // The details page is written when it is seen: the Comparison tab in front.
    for (int i = 0; i < window->tabs()->count(); ++i)
        if (QWidget* tab = window->tabs()->widget(i);
            tab == window->comparisonPanel() || tab->isAncestorOf(window->comparisonPanel()))
            window->tabs()->setCurrentIndex(i);
    DetailsPane* details = window->comparisonPanel()->detailsPane();
    details->showActivation(QStringLiteral("hard_sigmoid"));
    const QString page = details->toPlainText();
    EXPECT_TRUE(page.contains(QStringLiteral("keras/backend.py"))) << page.toStdString();
    EXPECT_TRUE(page.contains(QStringLiteral("torch/nn/modules/activation.py")));
    EXPECT_TRUE(
        page.contains(QStringLiteral("PyTorch and TensorFlow / Keras 2 differ in f by more than 0.001")));
    EXPECT_FALSE(page.contains(QStringLiteral("PyTorch and Keras 3 differ")));

    details->showActivation(QStringLiteral("elu"));
    EXPECT_TRUE(details->toPlainText().contains(QStringLiteral("All the frameworks agree")));
    details->showActivation(QStringLiteral("relu"));
    EXPECT_FALSE(details->toPlainText().contains(QStringLiteral("In the frameworks")));
}

}  // namespace
}  // namespace ax::ui
