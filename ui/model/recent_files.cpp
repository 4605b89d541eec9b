#include "ui/model/recent_files.h"

#include <QFileInfo>
#include <QSettings>

namespace ax::ui {

namespace {

const QString kKey = QStringLiteral("session/recentFiles");

QStringList stored()
{
    const QVariant value = QSettings().value(kKey);
    // A corrupted entry of another type is treated as an empty list rather than trusted.
    return value.canConvert<QStringList>() ? value.toStringList() : QStringList();
}

}  // namespace

QStringList RecentFiles::list()
{
    QStringList existing;
    for (const QString& path : stored())
        if (!path.isEmpty() && QFileInfo::exists(path) && !existing.contains(path)) existing << path;
    return existing.mid(0, kMaxEntries);
}

void RecentFiles::add(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList paths = stored();
    paths.removeAll(absolute);
    paths.prepend(absolute);
    QSettings().setValue(kKey, paths.mid(0, kMaxEntries));
}

void RecentFiles::remove(const QString& path)
{
    QStringList paths = stored();
    paths.removeAll(QFileInfo(path).absoluteFilePath());
    QSettings().setValue(kKey, paths);
}

void RecentFiles::clear()
{
    QSettings().remove(kKey);
}

}  // namespace ax::ui
