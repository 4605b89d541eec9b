#pragma once
// Loads a session file or the saved settings without holding up the GUI thread: the file is read,
// and every custom activation it lists differentiated and compiled, into a scratch state on a
// worker thread; the result is then applied to the window's state here, with nothing left to build.

#include "ui/model/session.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace ax::ui {

class ExplorerState;

class StateLoader : public QObject {
    Q_OBJECT

public:
    // Reads into the scratch state it is given (on a worker thread); returns an error message.
    using Read = std::function<std::optional<QString>(ExplorerState&)>;
    // Told, on this thread, how the load ended (nothing: applied).
    using Done = std::function<void(const std::optional<QString>& error)>;

    // Whether a result still lands when the state was edited while it was being read: a session
    // the user asked for does; the saved settings at start-up do not overwrite what was done since.
    enum class Apply { Always, UnlessEditedMeanwhile };

    explicit StateLoader(ExplorerState& state, QObject* parent = nullptr);

    // Starts a load. A load started later supersedes it: its result is then dropped unapplied.
    void load(Read read, Done done, Apply apply = Apply::Always);
    [[nodiscard]] bool isLoading() const noexcept { return m_pending; }
    // The state was edited while a load is still running: what is shown is then the user's work.
    [[nodiscard]] bool editedWhileLoading() const noexcept { return m_pending && m_editedMeanwhile; }

signals:
    void finished();

private:
    struct Outcome {
        std::optional<QString> error;
        Session session;
    };
    void onFinished();

    ExplorerState& m_state;
    QFutureWatcher<Outcome>* m_watcher = nullptr;
    Done m_done;
    Apply m_apply = Apply::Always;
    bool m_pending = false;
    bool m_applying = false;
    bool m_editedMeanwhile = false;
};

}  // namespace ax::ui
