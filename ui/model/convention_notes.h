#pragma once
// The details pane's account of how the frameworks define one activation: each variant's note and
// citation, and where (over the charts' range) two of them differ by more than the threshold.

#include <QString>

namespace ax::ui {

class ExplorerState;

class ConventionNotes {
public:
    // Whether the frameworks define id differently, or a user would check that they do not.
    [[nodiscard]] static bool applies(const QString& id);
    // Empty for an activation the frameworks do not define differently.
    [[nodiscard]] static QString html(const ExplorerState& state, const QString& id,
                                      const QString& mutedColour);
};

}  // namespace ax::ui
