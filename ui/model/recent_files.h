#pragma once
// The File menu's list of recently opened or saved sessions, kept in QSettings.

#include <QStringList>

namespace ax::ui {

class RecentFiles {
public:
    static constexpr int kMaxEntries = 8;

    [[nodiscard]] static QStringList list();  // most recent first, only files that still exist
    static void add(const QString& path);
    static void remove(const QString& path);
    static void clear();
};

}  // namespace ax::ui
