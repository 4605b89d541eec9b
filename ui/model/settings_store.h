#pragma once
// Keeps the window layout and the explorer state across restarts in QSettings, surviving a damaged store.

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

class QSettings;

namespace ax::ui {

class ExplorerState;

class SettingsStore {
public:
    // The application's own settings (QSettings with the application's names).
    SettingsStore();
    // A specific INI file, for tests and tools.
    explicit SettingsStore(const QString& iniFile);
    ~SettingsStore();
    SettingsStore(const SettingsStore&) = delete;
    SettingsStore& operator=(const SettingsStore&) = delete;

    // Writes the state as compact JSON; returns an error message when the store cannot be written.
    [[nodiscard]] std::optional<QString> saveState(const ExplorerState& state);
    // Applies the stored state. Nothing stored: no change and no message. Anything unreadable:
    // the state is left at what it was and the message says why.
    [[nodiscard]] std::optional<QString> loadState(ExplorerState& state);

    void saveWindow(const QByteArray& geometry, const QByteArray& windowState);
    [[nodiscard]] QByteArray windowGeometry() const;
    [[nodiscard]] QByteArray windowState() const;

    // Forgets everything this store wrote.
    void clear();

    [[nodiscard]] QString fileName() const;

private:
    void setAsideDamagedFile();

    std::unique_ptr<QSettings> m_settings;
};

}  // namespace ax::ui
