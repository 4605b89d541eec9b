#include "ui/model/settings_store.h"

#include "ui/model/explorer_state.h"
#include "ui/model/json_reader.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>

namespace ax::ui {

namespace {

const QString kStateKey = QStringLiteral("explorer/state");
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kWindowStateKey = QStringLiteral("window/state");
// A saved state is a few KiB; anything far larger is damage, not data.
constexpr qsizetype kMaxStateBytes = 1 << 20;

// This unit's strings, in one translation context of their own.
struct SettingsText {
    Q_DECLARE_TR_FUNCTIONS(ax::ui::SettingsStore)
};

QString statusText(QSettings::Status status)
{
    switch (status) {
        case QSettings::AccessError:
            return SettingsText::tr("the settings file cannot be read or written");
        case QSettings::FormatError:
            return SettingsText::tr("the settings file is damaged");
        case QSettings::NoError:
            break;
    }
    return {};
}

}  // namespace

SettingsStore::SettingsStore() : m_settings(std::make_unique<QSettings>()) {}

SettingsStore::SettingsStore(const QString& iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{
}

SettingsStore::~SettingsStore() = default;

void SettingsStore::setAsideDamagedFile()
{
    // QSettings refuses to write over a file it could not parse, which would leave the app unable to
    // save anything ever again; keep the damaged file beside the new one instead of deleting it.
    (void)m_settings->allKeys();
    if (m_settings->status() != QSettings::FormatError) return;
    const QString path = m_settings->fileName();
    const auto format = m_settings->format();
    m_settings.reset();
    const QString aside = path + QStringLiteral(".damaged");
    QFile::remove(aside);
    QFile::rename(path, aside);
    m_settings = std::make_unique<QSettings>(path, format);
}

std::optional<QString> SettingsStore::saveState(const ExplorerState& state)
{
    setAsideDamagedFile();
    m_settings->setValue(kStateKey,
                         QString::fromUtf8(QJsonDocument(state.toJson()).toJson(QJsonDocument::Compact)));
    m_settings->sync();
    if (m_settings->status() == QSettings::AccessError)
        return SettingsText::tr("The settings could not be saved: %1.").arg(statusText(m_settings->status()));
    return std::nullopt;
}

std::optional<QString> SettingsStore::loadState(ExplorerState& state)
{
    // QSettings reports a damaged file only once every key has been parsed.
    (void)m_settings->allKeys();
    const QVariant value = m_settings->value(kStateKey);
    if (m_settings->status() != QSettings::NoError)
        return SettingsText::tr("The saved settings were ignored (%1); the defaults are used.")
            .arg(statusText(m_settings->status()));
    if (!value.isValid()) return std::nullopt;
    if (value.typeId() != QMetaType::QString && value.typeId() != QMetaType::QByteArray)
        return SettingsText::tr(
            "The saved settings were ignored (they are not text); the defaults are used.");
    const QByteArray bytes =
        value.typeId() == QMetaType::QString ? value.toString().toUtf8() : value.toByteArray();
    if (bytes.size() > kMaxStateBytes)
        return SettingsText::tr(
            "The saved settings were ignored (they are far too large); the defaults are used.");
    const JsonReadResult read = JsonReader::read(bytes);
    if (const auto* error = std::get_if<QString>(&read))
        return SettingsText::tr(
                   "The saved settings were ignored (they are not valid JSON: %1); the defaults are used.")
            .arg(*error);
    const QJsonDocument& document = std::get<QJsonDocument>(read);
    if (!document.isObject())
        return SettingsText::tr(
            "The saved settings were ignored (they are not a JSON object); the defaults are used.");
    if (auto error = state.fromJson(document.object()))
        return SettingsText::tr("The saved settings were ignored (%1); the defaults are used.").arg(*error);
    return std::nullopt;
}

void SettingsStore::saveWindow(const QByteArray& geometry, const QByteArray& windowState)
{
    setAsideDamagedFile();
    m_settings->setValue(kGeometryKey, geometry);
    m_settings->setValue(kWindowStateKey, windowState);
    m_settings->sync();
}

QByteArray SettingsStore::windowGeometry() const
{
    const QVariant value = m_settings->value(kGeometryKey);
    return value.typeId() == QMetaType::QByteArray ? value.toByteArray() : QByteArray();
}

QByteArray SettingsStore::windowState() const
{
    const QVariant value = m_settings->value(kWindowStateKey);
    return value.typeId() == QMetaType::QByteArray ? value.toByteArray() : QByteArray();
}

void SettingsStore::clear()
{
    m_settings->remove(kStateKey);
    m_settings->remove(kGeometryKey);
    m_settings->remove(kWindowStateKey);
    m_settings->sync();
}

QString SettingsStore::fileName() const
{
    return m_settings->fileName();
}

}  // namespace ax::ui
